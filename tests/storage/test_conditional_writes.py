"""Conditional writes: an undo or redo writes only over the version it saw, never a newer one."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.core.anchoring import Target
from reader.core.notes import (
    Annotation,
    AnnotationChangedError,
    AnnotationNotFoundError,
    format_timestamp,
    new_annotation_id,
    same_version,
)
from reader.storage.annotations import AnnotationStore
from reader.storage.db import Database


@pytest.fixture
def other_store(db_path: Path, db: Database) -> Iterator[AnnotationStore]:
    """A store on a second connection to the same file: another window or process."""
    other = Database(db_path)
    yield AnnotationStore(other)
    other.close()


def stored_row(path: Path, annotation: Annotation) -> tuple[str, str, str, int, str]:
    """The raw row as an independent connection reads it."""
    with sqlite3.connect(path) as conn:
        row = conn.execute(
            "SELECT colour, note, modified, deleted, created FROM annotations WHERE id = ?",
            (annotation.id,),
        ).fetchone()
    return tuple(row)  # type: ignore[return-value]


def test_edit_returns_the_version_it_replaced_and_the_new_one(
    store: AnnotationStore, target: Target
) -> None:
    added = store.add("ch", target, "yellow", "first")
    before, after = store.edit(added.id, "note", "second")
    assert before == added
    assert after.note == "second" and after.modified > added.modified
    assert after.created == added.created
    assert store.get(added.id) == after


def test_edit_with_the_stored_version_writes_a_newer_time(
    store: AnnotationStore, target: Target, db_path: Path
) -> None:
    added = store.add("ch", target, "yellow", "first")
    edited = store.set_note(added.id, "second")
    # The undo of that edit: the old value, written as the newest intent.
    undone = store.set_note(added.id, "first", expected=edited)
    assert undone.note == "first" and undone.modified > edited.modified
    assert stored_row(db_path, added) == ("yellow", "first", undone.modified, 0, added.created)


@pytest.mark.parametrize(
    "outside",
    [
        pytest.param(lambda s, a: s.set_note(a.id, "from the other machine"), id="note"),
        pytest.param(lambda s, a: s.set_colour(a.id, "blue"), id="colour"),
        pytest.param(lambda s, a: s.delete(a.id), id="deleted"),
    ],
)
def test_a_newer_version_from_another_connection_is_never_overwritten(
    store: AnnotationStore,
    other_store: AnnotationStore,
    target: Target,
    db_path: Path,
    outside: Callable[[AnnotationStore, Annotation], Annotation],
) -> None:
    added = store.add("ch", target, "yellow", "first")
    edited = store.set_note(added.id, "second")
    newer = outside(other_store, edited)
    before = stored_row(db_path, added)
    for write in (
        lambda: store.set_note(added.id, "first", expected=edited),
        lambda: store.set_colour(added.id, "pink", expected=edited),
        lambda: store.delete(added.id, expected=edited),
    ):
        with pytest.raises(AnnotationChangedError) as raised:
            write()
        assert raised.value.annotation_id == added.id
        assert raised.value.current == newer
    assert stored_row(db_path, added) == before
    assert store.get(added.id) == newer


def test_a_merged_newer_version_is_kept(store: AnnotationStore, target: Target) -> None:
    added = store.add("ch", target, "yellow")
    edited = store.set_colour(added.id, "green")
    from_elsewhere = Annotation(
        id=edited.id,
        chapter=edited.chapter,
        created=edited.created,
        # Another machine's clock two hours ahead: its edit is the newer one.
        modified=format_timestamp(datetime.now(UTC) + timedelta(hours=2)),
        colour="purple",
        note="written on the laptop",
        target=edited.target,
    )
    assert store.merge([from_elsewhere]).updated == 1
    with pytest.raises(AnnotationChangedError):
        store.set_colour(added.id, "yellow", expected=edited)
    assert store.get(added.id) == from_elsewhere


def test_restore_only_brings_back_the_tombstone_it_made(
    store: AnnotationStore, other_store: AnnotationStore, target: Target
) -> None:
    added = store.add("ch", target, "yellow")
    tombstone = store.delete(added.id, expected=added)
    assert tombstone.deleted
    restored = store.restore(added.id, expected=tombstone)
    assert not restored.deleted and restored.modified > tombstone.modified
    again = store.delete(added.id, expected=restored)
    # Another window restores it and deletes it again: a newer tombstone.
    other_store.restore(added.id)
    newer = other_store.delete(added.id)
    with pytest.raises(AnnotationChangedError) as raised:
        store.restore(added.id, expected=again)
    assert raised.value.current == newer
    assert store.get(added.id) == newer


def test_a_write_without_expected_version_still_works_unconditionally(
    store: AnnotationStore, other_store: AnnotationStore, target: Target
) -> None:
    added = store.add("ch", target, "yellow")
    other_store.set_note(added.id, "elsewhere")
    # A fresh user action is the newest intent: it changes only its own field.
    coloured = store.set_colour(added.id, "green")
    assert (coloured.colour, coloured.note) == ("green", "elsewhere")


def test_a_position_moved_by_reanchoring_is_not_a_conflict(
    store: AnnotationStore, target: Target
) -> None:
    added = store.add("ch", target, "yellow")
    moved = store.update_position(added.id, 5, 22)
    assert same_version(moved, added)
    assert store.set_colour(added.id, "blue", expected=added).colour == "blue"


def test_unknown_ids_and_conflicts_are_told_apart(store: AnnotationStore, target: Target) -> None:
    added = store.add("ch", target, "yellow")
    stranger = Annotation(
        id=new_annotation_id(),
        chapter="ch",
        created=added.created,
        modified=added.modified,
        colour="yellow",
        note="",
        target=target,
    )
    with pytest.raises(AnnotationChangedError) as raised:
        store.set_note(stranger.id, "x", expected=stranger)
    assert raised.value.current is None
    with pytest.raises(AnnotationNotFoundError):
        store.set_note(stranger.id, "x")
