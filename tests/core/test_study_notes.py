"""The study notes (Markdown and HTML): chapters, sections once each, and passages not found."""

from __future__ import annotations

from reader.core.anchoring import Target, TextPositionSelector, TextQuoteSelector
from reader.core.exported import ChapterNotes, ExportedNote
from reader.core.notes import Annotation, AnnotationId
from reader.core.study_notes import to_html, to_markdown

WHEN = "2025-05-03T10:00:00.000Z"


def exported(number: int, words: str, section: str | None, found: bool = True) -> ExportedNote:
    position = TextPositionSelector(number * 100, number * 100 + len(words)) if found else None
    annotation = Annotation(
        id=AnnotationId(f"note-{number}"),
        chapter="rivers",
        created=WHEN,
        modified=WHEN,
        colour="yellow",
        note="",
        target=Target(TextQuoteSelector(words), position),
    )
    return ExportedNote(annotation, "anchored" if found else "orphaned", position, section)


def chapter(in_library: bool = True) -> ChapterNotes:
    return ChapterNotes(
        "rivers",
        "Rivers",
        in_library,
        [
            exported(1, "silt comes down", "Floods"),
            exported(2, "every spring", "Floods"),
            exported(3, "the delta grows", "Deltas"),
            exported(4, "a passage since cut", None, found=False),
        ],
    )


def test_markdown_names_each_section_once_before_its_notes() -> None:
    text = to_markdown([chapter()], generated=WHEN)
    assert text.count("### Floods") == 1
    assert text.count("### Deltas") == 1
    assert text.index("### Floods") < text.index("silt comes down") < text.index("every spring")
    assert text.index("every spring") < text.index("### Deltas") < text.index("the delta grows")
    assert text.index("the delta grows") < text.index("### Not found in the current text")
    assert text.index("### Not found in the current text") < text.index("a passage since cut")


def test_html_names_each_section_once_before_its_notes() -> None:
    page = to_html([chapter()], generated=WHEN)
    assert page.count("<h3>Floods</h3>") == 1
    assert page.count("<h3>Deltas</h3>") == 1
    assert (
        page.index("<h3>Floods</h3>") < page.index("every spring") < page.index("<h3>Deltas</h3>")
    )
    assert "<h3>Not found in the current text</h3>" in page


def test_a_chapter_gone_from_the_library_says_so_in_both_formats() -> None:
    gone = chapter(in_library=False)
    text = to_markdown([gone], generated=WHEN)
    page = to_html([gone], generated=WHEN)
    assert "## rivers (not in this library)" in text
    assert "<h2>rivers (not in this library)</h2>" in page
    assert "### Passages" in text and "<h3>Passages</h3>" in page
    assert "Not found in the current text" not in text + page
