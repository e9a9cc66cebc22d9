"""The printable HTML: highlights coloured at their passages, notes as footnotes or appendix."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import write_chapter, write_png
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.anchoring import describe
from reader.core.document import ChapterDocument, load_document
from reader.core.library import Library
from reader.core.library_scan import load_library
from reader.core.notes import Annotation, AnnotationId
from reader.core.print_html import build_print, print_library
from reader.core.print_marks import Mark, blend, mark_ranges
from reader.core.text_extract import plain_text

YELLOW, BLUE = "#ffe45c", "#9cc8ff"

CHAPTER = """\
# Rivers & Deltas

Water moves *sediment* downstream; the **delta** forms where it slows. Tom &amp; Jerry
use `x < y` in code & text.

![A map](map.png)

- first item with a [link](#deltas)
- second item

| Term | Meaning |
|------|---------|
| silt | fine <grains> |

```python
def flow(rate):
    return rate * 2  # doubled
```

## Deltas

A delta is a landform.   Several   spaces collapse here.

![Gone](missing.png)
"""


@pytest.fixture
def library(tmp_path: Path) -> Library:
    root = tmp_path / "library"
    root.mkdir()
    write_chapter(root, "rivers.md", "Rivers", CHAPTER, order=1)
    write_chapter(root, "coasts.md", "Coasts", "# Coasts\n\nWaves shape the coast.\n", order=2)
    write_png(root / "map.png", 40, 20)
    return load_library(root)


def doc_of(library: Library, slug: str) -> ChapterDocument:
    chapter = library.by_slug(slug)
    assert chapter is not None
    return load_document(chapter, library.root)


def note(
    doc: ChapterDocument,
    phrase: str,
    colour: str = "yellow",
    text: str = "",
    *,
    created: str = "2026-05-01T09:00:00.000Z",
    modified: str | None = None,
    deleted: bool = False,
) -> Annotation:
    plain = doc.plain.text
    start = plain.index(phrase)
    return Annotation(
        AnnotationId(f"00000000-0000-4000-8000-{abs(hash((phrase, colour))) % 10**12:012d}"),
        doc.chapter.slug,
        created,
        modified or created,
        colour,  # type: ignore[arg-type]
        text,
        describe(plain, start, start + len(phrase)),
        deleted,
    )


class _Coloured(HTMLParser):
    """Collects the text inside spans with a background colour, by colour."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str | None] = []
        self.text: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "span":
            style = dict(attrs).get("style") or ""
            found = re.search(r"background-color: (#[0-9a-f]{6})", style)
            self.stack.append(found.group(1) if found else None)

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        colours = [c for c in self.stack if c]
        if colours:
            self.text.setdefault(colours[-1], []).append(data)


def coloured(html: str) -> dict[str, str]:
    parser = _Coloured()
    parser.feed(html)
    return {colour: "".join(parts) for colour, parts in parser.text.items()}


def squash(text: str) -> str:
    return re.sub(r"[\s\ufffc]+", "", text)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_range_is_coloured_exactly_and_the_text_is_unchanged(
    library: Library, data: st.DataObject
) -> None:
    doc = doc_of(library, "rivers")
    plain = doc.plain.text
    start = data.draw(st.integers(0, len(plain) - 1))
    end = data.draw(st.integers(start + 1, len(plain)))
    out = mark_ranges(doc.rendered.html, plain, [Mark(start, end, YELLOW)])
    # Only inline spans were added: the plain text (every note's coordinates) is the same.
    assert plain_text(out).text == plain
    got = coloured(out).get(blend([YELLOW]), "")
    assert squash(got) == squash(plain[start:end])


def test_overlapping_highlights_blend_and_footnote_follows_the_passage(library: Library) -> None:
    doc = doc_of(library, "rivers")
    plain = doc.plain.text
    a = plain.index("sediment downstream")
    b = plain.index("downstream; the delta")
    marks = [
        Mark(a, a + len("sediment downstream"), YELLOW, "<sup>1</sup>"),
        Mark(b, b + len("downstream; the delta"), BLUE),
    ]
    out = mark_ranges(doc.rendered.html, plain, marks)
    parts = coloured(out)
    assert parts[blend([YELLOW])] == "sediment "
    assert parts[blend([YELLOW, BLUE])] == "downstream"
    assert squash(parts[blend([BLUE])]) == squash("; the delta")
    # The number comes right after the passage's last character, not after the paragraph.
    assert re.search(r"downstream</span><sup>1</sup>", out)


def test_character_references_are_never_split(library: Library) -> None:
    doc = doc_of(library, "rivers")
    plain = doc.plain.text
    start = plain.index("Tom & Jerry")
    out = mark_ranges(doc.rendered.html, plain, [Mark(start, start + len("Tom &"), YELLOW)])
    assert coloured(out)[blend([YELLOW])] == "Tom &"
    assert "Tom &amp;</span>" in out


def test_footnotes_number_notes_in_reading_order_escaped_with_dates(library: Library) -> None:
    doc = doc_of(library, "rivers")
    late = note(doc, "landform", "green", "Second <b>note</b>\nline two")
    early = note(doc, "sediment", "pink", "First & foremost", modified="2026-05-04T10:00:00.000Z")
    plain_only = note(doc, "fine", "blue")
    gone = note(doc, "second item", "purple", "deleted note", deleted=True)
    marked = replace(note(doc, "first item", "yellow", "bookmark note"), kind="bookmark")
    job = build_print([doc], [late, early, plain_only, gone, marked], "footnotes")

    assert [n.note for n in job.notes] == ["First & foremost", "Second <b>note</b>\nline two"]
    assert [n.number for n in job.notes] == [1, 2]
    assert "sediment</span><sup>" in job.html and ">1</span></sup>" in job.html
    assert "Second &lt;b&gt;note&lt;/b&gt;" in job.html and "<b>note</b>" not in job.html
    assert "First &amp; foremost" in job.html and "deleted note" not in job.html
    assert "bookmark note" not in job.html and blend(["#ffe45c"]) not in job.html
    assert "created 1 May 2026 · edited 4 May 2026" in job.html
    assert "Green · created 1 May 2026</p>" in job.html  # never edited: no edit date
    # A highlight without a note is coloured but gets no number.
    assert blend(["#9cc8ff"]) in job.html and len(re.findall(r"<sup>", job.html)) == 2
    assert job.html.index(">Notes</p>") > job.html.index("landform")


def test_no_notes_prints_colours_only(library: Library) -> None:
    doc = doc_of(library, "rivers")
    job = build_print([doc], [note(doc, "sediment", "pink", "hidden text")], "none")
    assert blend(["#ffa6c9"]) in job.html
    assert "<sup>" not in job.html and "hidden text" not in job.html and job.notes == ()


def test_appendix_groups_by_chapter_and_section_with_numbers(library: Library) -> None:
    rivers, coasts = doc_of(library, "rivers"), doc_of(library, "coasts")
    lost = note(rivers, "landform", "yellow", "about a passage since rewritten")
    lost = Annotation(
        lost.id,
        lost.chapter,
        lost.created,
        lost.modified,
        lost.colour,
        lost.note,
        describe("a passage that is no longer in the chapter", 2, 9),
    )
    records = [
        note(coasts, "Waves shape", "blue", "coast note"),
        note(rivers, "landform", "green", "delta note"),
        note(rivers, "sediment", "pink", "river note"),
        lost,
    ]
    job = print_library(library, records, "appendix")
    assert job.chapter_titles == ("Rivers", "Coasts")
    assert [(n.number, n.note) for n in job.notes] == [
        (1, "river note"),
        (2, "delta note"),
        (3, "about a passage since rewritten"),
        (4, "coast note"),
    ]
    appendix = job.html[job.html.index('<h1 id="print-notes"') :]
    order = [
        "<h2>Rivers</h2>",
        "<h3>Rivers &amp; Deltas</h3>",
        "river note",
        "<h3>Deltas</h3>",
        "delta note",
        "<h3>Not found in the current text</h3>",
        "about a passage since rewritten",
        "<h2>Coasts</h2>",
        "coast note",
    ]
    positions = [appendix.index(part) for part in order]
    assert positions == sorted(positions)
    assert "(passage not found in the current text)" in appendix
    # Every chapter after the first starts a page, marked for the outline.
    assert '<div style="page-break-before: always"><a name="print-chapter-1">' in job.html


def test_figures_are_named_per_chapter(library: Library) -> None:
    job = print_library(library, [], "none")
    sources = re.findall(r'src="([^"]+)"', job.html)
    assert sources == ["image:0.0", "placeholder:0.1"]
    assert job.images["image:0.0"].path == library.root.resolve() / "map.png"
    assert job.images["placeholder:0.1"].status == "missing"
    with pytest.raises(KeyError):
        print_library(library, [], chapter="nowhere")


def test_a_footnote_number_never_splits_a_word(library: Library) -> None:
    doc = doc_of(library, "rivers")
    plain = doc.plain.text
    start = plain.index("Water moves sedi")
    cut = Annotation(
        AnnotationId("00000000-0000-4000-8000-000000000001"),
        "rivers",
        "2026-05-01T09:00:00.000Z",
        "2026-05-01T09:00:00.000Z",
        "green",
        "cut inside a word",
        describe(plain, start, start + len("Water moves sedi")),
    )
    job = build_print([doc], [cut], "footnotes")
    # Only the selected letters are coloured; the number follows the whole word.
    assert re.search(r"sedi</span>ment<sup>", job.html)
