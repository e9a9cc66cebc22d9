"""Property tests of front matter: any chapter file loads or is reported, never raises; front
matter counts only at line 1."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reader.core.library import Library, is_valid_slug
from reader.core.library_scan import load_library

NAME = "chapter.md"

# Lines that look like front matter, YAML or its traps, and plain Markdown.
_LINES = st.sampled_from(
    [
        "---",
        "--- ",
        "...",
        " ---",
        "----",
        "title: A title",
        "title: [1, 2",
        "title: {a: b}",
        "title:",
        "slug: good-slug",
        "slug: ../../etc",
        "slug: 日本語",
        "order: 3",
        "order: yes",
        "order: .inf",
        "abstract: >",
        "  folded text",
        ": :",
        "- item",
        "? key",
        "&anchor x",
        "*alias",
        "!!python/object/apply:os.system ['true']",
        "key: !!binary AAAA",
        "a: &a [*a]",
        "%YAML 1.2",
        "\t---",
        "# Heading",
        "Heading",
        "=====",
        "",
        "\x00",
        "\ufeff---",
        "x" * 20_000,
        "é" * 3_000,
    ]
)
_FREE_LINE = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"), max_size=40
)
_DOCUMENT = st.tuples(
    st.sampled_from(["", "\ufeff", "\ufeff\ufeff"]),
    st.lists(st.one_of(_LINES, _FREE_LINE), max_size=12),
    st.sampled_from(["\n", "\r\n", "\r"]),
).map(lambda parts: parts[0] + parts[2].join(parts[1]))
_TITLE = st.lists(
    st.from_regex(r"[A-Za-z][A-Za-z0-9]{0,10}", fullmatch=True), min_size=1, max_size=4
).map(" ".join)


def _load(data: bytes) -> tuple[Library, list[str]]:
    """A library holding one chapter file with these bytes, loaded, and its chapters' bodies
    (read before the folder is removed: reading a loaded chapter's body never raises)."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / NAME).write_bytes(data)
        library = load_library(root)
        return library, [chapter.body for chapter in library.chapters]


def _loads_or_is_reported(library: Library) -> None:
    reported = [p for p in (*library.problems, *library.skipped) if p.path == NAME]
    if library.chapters:
        (chapter,) = library.chapters
        assert chapter.relpath == NAME
        assert chapter.slug and is_valid_slug(chapter.slug)
        assert chapter.title.strip()
        assert "\x00" not in chapter.slug
    else:
        assert reported, "a file that is not a chapter must be reported"
    for problem in reported:
        assert problem.message.strip()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOCUMENT)
@example("---\n---\n")
@example("---\nslug: ../../etc\ntitle: Escape\n---\n")
@example("---\nslug: 日本語\n---\n")
@example("---\ntitle: [unclosed\n---\n# Body")
@example("\ufeff---\r\ntitle: BOM\r\n---\r\n")
@example("---\n" + "a: " * 5_000 + "\n---\n")
@example("---\n" + "[" * 5_000 + "\n---\n")
@example("---\ntitle: x\x00y\nslug: a\x00b\n---\n")
def test_any_text_loads_as_a_chapter_or_is_reported(text: str) -> None:
    _loads_or_is_reported(_load(text.encode("utf-8"))[0])


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
@example(b"\xff\xfe-\x00-\x00-\x00")
@example(b"---\ntitle: \xe9t\xe9\n---\n")
def test_any_bytes_load_as_a_chapter_or_are_reported(data: bytes) -> None:
    _loads_or_is_reported(_load(data)[0])


@settings(max_examples=100, deadline=None)
@given(_TITLE, st.sampled_from(["", "\ufeff"]), st.sampled_from(["\n", "\r\n"]))
def test_front_matter_at_line_one_is_read(title: str, bom: str, newline: str) -> None:
    text = bom + newline.join(
        ["---", f"title: {title}", "slug: from-front-matter", "---", "", "Body."]
    )
    library, bodies = _load(text.encode("utf-8"))
    (chapter,) = library.chapters
    assert (chapter.title, chapter.slug) == (title, "from-front-matter")
    assert bodies == ["Body."]


@settings(max_examples=150, deadline=None)
# "§" marks the front matter's title: a lead line without it can never be mistaken for it
# (a lead line becomes the title as a setext heading over the "---").
@given(
    _FREE_LINE.filter(lambda line: "§" not in line and not line.lstrip("\ufeff").startswith("---")),
    _TITLE.map(lambda title: f"§ {title}"),
)
@example("", "§ Injected")
@example(" ", "§ Injected")
@example("# Heading", "§ Injected")
@example("\ufeff", "§ Injected")
def test_front_matter_after_line_one_is_text(lead: str, title: str) -> None:
    text = f"{lead}\n---\ntitle: {title}\nslug: injected\n---\n\nBody.\n"
    library, bodies = _load(text.encode("utf-8"))
    _loads_or_is_reported(library)
    for chapter, body in zip(library.chapters, bodies, strict=True):
        assert chapter.slug != "injected"
        assert chapter.title != title
        assert "slug: injected" in body
