"""Re-anchoring a chapter's notes: placed, not found, moved (to record) and reworded."""

from __future__ import annotations

from dataclasses import replace

from reader.core.anchoring import Target, TextPositionSelector, describe
from reader.core.notes import Annotation, AnnotationId
from reader.core.reanchor import reanchor
from reader.core.text_extract import plain_text

BEFORE = (
    "<p>Rivers carry silt down from the hills every spring.</p>"
    "<p>The delta grows where the slow water lays the silt down.</p>"
    "<p>Farmers plant rice on the new land each year.</p>"
)


def note(annotation_id: str, target: Target) -> Annotation:
    return Annotation(
        id=AnnotationId(annotation_id),
        chapter="rivers",
        created="2025-05-03T10:00:00.000Z",
        modified="2025-05-03T10:00:00.000Z",
        colour="yellow",
        note="",
        target=target,
    )


def on(text: str, words: str, annotation_id: str) -> Annotation:
    start = text.index(words)
    return note(annotation_id, describe(text, start, start + len(words)))


def test_an_unchanged_chapter_places_everything_and_records_nothing() -> None:
    plain = plain_text(BEFORE)
    delta = on(plain.text, "The delta grows", "a")
    found = reanchor([delta], plain)
    assert found.placed[delta.id].start == plain.text.index("The delta grows")
    assert (found.orphans, found.moved, found.reworded) == ([], [], [])
    assert found.annotations == {delta.id: delta}


def test_a_passage_moved_by_new_text_above_it_is_recorded_as_moved() -> None:
    old = plain_text(BEFORE)
    delta = on(old.text, "The delta grows", "a")
    new = plain_text("<p>A new opening paragraph about mountains.</p>" + BEFORE)
    found = reanchor([delta], new)
    start = new.text.index("The delta grows")
    assert found.moved == [(delta.id, start, start + len("The delta grows"))]
    assert found.placed[delta.id].start == start
    assert found.reworded == []


def test_a_passage_without_a_stored_position_is_recorded_once_found() -> None:
    plain = plain_text(BEFORE)
    delta = on(plain.text, "The delta grows", "a")
    unplaced = replace(delta, target=Target(delta.target.quote, None))
    found = reanchor([unplaced], plain)
    start = plain.text.index("The delta grows")
    assert found.moved == [(delta.id, start, start + len("The delta grows"))]


def test_a_vanished_passage_is_an_orphan_and_nothing_is_recorded() -> None:
    plain = plain_text(BEFORE)
    rice = on(plain.text, "Farmers plant rice", "b")
    gone = plain_text(BEFORE.replace("<p>Farmers plant rice on the new land each year.</p>", ""))
    found = reanchor([rice], gone)
    assert found.orphans == [rice]
    assert rice.id not in found.placed
    assert (found.moved, found.reworded) == ([], [])


def test_a_reworded_passage_with_its_context_intact_is_recorded_with_todays_words() -> None:
    plain = plain_text(BEFORE)
    silt = on(plain.text, "the slow water lays the silt down", "c")
    edited = plain_text(BEFORE.replace("slow water lays", "slow water leaves"))
    found = reanchor([silt], edited)
    [(annotation_id, target)] = found.reworded
    assert annotation_id == silt.id
    assert target.quote.exact == "the slow water leaves the silt down"
    assert isinstance(target.position, TextPositionSelector)
    assert found.moved == []
