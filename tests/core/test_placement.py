"""Placing notes in a chapter: their range, how certain it is, and their section."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.anchoring import Target, TextPositionSelector, TextQuoteSelector, describe
from reader.core.document import load_document
from reader.core.library_scan import load_library
from reader.core.notes import Annotation, AnnotationId
from reader.core.placement import (
    Span,
    place_annotations,
    section_at,
    section_range,
    stored_spans,
)
from reader.core.search import SearchIndex
from reader.core.text import PlainText, SectionStart
from reader.core.text_extract import plain_text

HTML = (
    "<p>Opening words before any heading.</p>"
    "<h2 id='one'>One</h2><p>The first section holds alpha beta gamma.</p>"
    "<h2 id='two'>Two</h2><p>The second section holds delta epsilon.</p>"
)
TITLES = {"one": "One", "two": "Two"}


def note(number: int, target: Target, chapter: str = "ch", text: str = "") -> Annotation:
    """A live note on `target`."""
    return Annotation(
        id=AnnotationId(str(uuid.UUID(int=number))),
        chapter=chapter,
        created="2024-01-01T00:00:00.000Z",
        modified="2024-01-01T00:00:00.000Z",
        colour="yellow",
        note=text,
        target=target,
    )


def on(plain: PlainText, words: str, number: int) -> Annotation:
    """A note on the first occurrence of `words` in `plain`."""
    start = plain.text.index(words)
    return note(number, describe(plain.text, start, start + len(words)))


def test_each_note_gets_its_range_certainty_and_section() -> None:
    plain = plain_text(HTML)
    notes = [
        on(plain, "delta epsilon", 1),
        on(plain, "Opening words", 2),
        on(plain, "alpha beta", 3),
        note(4, Target(TextQuoteSelector("words no chapter holds"))),
    ]
    placed = place_annotations(notes, plain, TITLES)
    assert [p.annotation for p in placed] == notes  # in the order given
    assert [(p.heading_id, p.section) for p in placed] == [
        ("two", "Two"),
        (None, None),
        ("one", "One"),
        (None, None),
    ]
    delta = plain.text.index("delta epsilon")
    assert placed[0].span == Span(delta, delta + len("delta epsilon"), True)
    assert not placed[3].found and placed[3].span is None


def test_a_moved_passage_is_found_in_its_new_section() -> None:
    plain = plain_text(HTML)
    old = on(plain, "alpha beta gamma", 1)
    revised = plain_text(
        HTML.replace("alpha beta gamma", "").replace("delta", "alpha beta gamma delta")
    )
    (placed,) = place_annotations([old], revised, TITLES)
    assert placed.found and placed.section == "Two"
    assert revised.text[placed.span.start : placed.span.end] == "alpha beta gamma"  # type: ignore[union-attr]


def test_given_spans_are_used_as_they_are() -> None:
    plain = plain_text(HTML)
    notes = [on(plain, "alpha", 1), on(plain, "delta", 2)]
    drawn = [Span(plain.text.index("delta"), plain.text.index("delta") + 5, False), None]
    placed = place_annotations(notes, plain, TITLES, spans=drawn)
    assert [p.span for p in placed] == drawn
    assert [p.section for p in placed] == ["Two", None]
    with pytest.raises(ValueError, match="one span"):
        place_annotations(notes, plain, spans=drawn[:1])


def test_stored_spans_follow_the_stored_positions() -> None:
    with_position = note(1, Target(TextQuoteSelector("x"), TextPositionSelector(3, 4)))
    without = note(2, Target(TextQuoteSelector("y")))
    assert stored_spans([with_position, without]) == [Span(3, 4, False), None]


sections_strategy = st.lists(st.integers(0, 200), unique=True, max_size=8).map(
    lambda offsets: tuple(SectionStart(o, f"h{o}") for o in sorted(offsets))
)


@given(sections=sections_strategy, offset=st.integers(0, 250))
def test_section_at_agrees_with_the_plain_texts_own_answer(
    sections: tuple[SectionStart, ...], offset: int
) -> None:
    assert section_at(sections, offset) == PlainText("", sections).section_at(offset)


def test_section_range_covers_the_section_under_a_heading() -> None:
    sections = (SectionStart(10, "a"), SectionStart(30, "b"))
    assert section_range(sections, None, 50) == (0, 10)
    assert section_range(sections, "a", 50) == (10, 30)
    assert section_range(sections, "b", 50) == (30, 50)
    assert section_range(sections, "gone", 50) == (0, 50)
    assert section_range((), None, 50) == (0, 50)


def test_exports_panel_and_search_agree_on_the_section(seed_library: Path, tmp_path: Path) -> None:
    library = load_library(seed_library)
    chapter = library.chapters[0]
    doc = load_document(chapter, library.root)
    start = doc.plain.text.index("Poverty represents")
    target = describe(doc.plain.text, start, start + len("Poverty represents"))
    annotation = note(1, target, chapter.slug, "a note to find")
    titles = {h.id: h.title for h in doc.rendered.headings}
    (placed,) = place_annotations([annotation], doc.plain, titles)
    assert placed.heading_id == "poverty"
    with SearchIndex(tmp_path / "search.sqlite3") as index:
        index.sync(library)
        (entry,) = index.note_entries([annotation])
    assert entry.heading_id == placed.heading_id
