"""Tests for the annotation store: user actions, tombstones, durability and merging."""

from __future__ import annotations

import re
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.anchoring import Target, TextPositionSelector, TextQuoteSelector
from reader.core.import_limits import MAX_POSITION
from reader.core.notes import (
    COLOURS,
    Annotation,
    AnnotationId,
    AnnotationNotFoundError,
    InvalidAnnotation,
    MergeCounts,
    format_timestamp,
)
from reader.storage.annotations import AnnotationStore, existing_notes
from reader.storage.db import Database
from reader.storage.recovery import open_notes

TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z")


def record(
    number: int,
    modified: str = "2024-01-01T00:00:00.000Z",
    *,
    deleted: bool = False,
    note: str = "",
    colour: str = "yellow",
    chapter: str = "human-security",
) -> Annotation:
    """An annotation as an import file would carry it, with a stable id per number."""
    return Annotation(
        id=AnnotationId(str(uuid.UUID(int=number))),
        chapter=chapter,
        created="2024-01-01T00:00:00.000Z",
        modified=modified,
        colour=colour,  # type: ignore[arg-type]
        note=note,
        target=Target(TextQuoteSelector(f"quote {number}", "before ", " after")),
        deleted=deleted,
    )


def test_add_returns_what_get_reads_back(store: AnnotationStore, target: Target) -> None:
    added = store.add("human-security", target, "green", "Key idea")
    assert uuid.UUID(added.id)
    assert TIMESTAMP.fullmatch(added.created)
    assert added.created == added.modified
    assert (added.chapter, added.colour, added.note, added.target) == (
        "human-security",
        "green",
        "Key idea",
        target,
    )
    assert not added.deleted
    assert store.get(added.id) == added


def test_get_unknown_id_is_none(store: AnnotationStore) -> None:
    assert store.get(AnnotationId(str(uuid.uuid4()))) is None


def test_quote_only_target_round_trips(store: AnnotationStore) -> None:
    target = Target(TextQuoteSelector("only words", "", ""))
    added = store.add("ch", target, "blue")
    assert store.get(added.id) == added
    assert added.target.position is None


@pytest.mark.parametrize("colour", ["red", "Yellow", "", "yellow "])
def test_unknown_colour_is_refused(store: AnnotationStore, target: Target, colour: str) -> None:
    with pytest.raises(ValueError, match="colour"):
        store.add("ch", target, colour)
    added = store.add("ch", target, "yellow")
    with pytest.raises(ValueError, match="colour"):
        store.set_colour(added.id, colour)
    assert store.get(added.id) == added


def test_empty_chapter_or_passage_is_refused(store: AnnotationStore, target: Target) -> None:
    with pytest.raises(ValueError):
        store.add("", target, "yellow")
    with pytest.raises(ValueError):
        store.add("ch", Target(TextQuoteSelector("")), "yellow")


def test_list_by_chapter_in_reading_order(store: AnnotationStore) -> None:
    def at(start: int) -> Target:
        return Target(TextQuoteSelector("w"), TextPositionSelector(start, start + 1))

    late = store.add("a", at(50), "yellow")
    early = store.add("a", at(5), "pink")
    unplaced = store.add("a", Target(TextQuoteSelector("w")), "blue")
    other = store.add("b", at(1), "green")
    assert store.list("a") == [early, late, unplaced]
    assert store.list("b") == [other]
    assert store.list() == [early, late, unplaced, other]
    assert store.list("missing") == []


def test_edits_bump_modified_and_commit(
    store: AnnotationStore, target: Target, second_connection: sqlite3.Connection
) -> None:
    added = store.add("ch", target, "yellow")
    coloured = store.set_colour(added.id, "purple")
    noted = store.set_note(added.id, "Remember this")
    assert coloured.colour == "purple"
    assert noted.note == "Remember this" and noted.colour == "purple"
    assert added.modified < coloured.modified < noted.modified
    assert noted.created == added.created
    assert store.get(added.id) == noted
    row = second_connection.execute(
        "SELECT colour, note, modified FROM annotations WHERE id = ?", (added.id,)
    ).fetchone()
    assert row == ("purple", "Remember this", noted.modified)


def test_unchanged_edit_keeps_modified(store: AnnotationStore, target: Target) -> None:
    added = store.add("ch", target, "yellow", "same")
    assert store.set_note(added.id, "same") == added
    assert store.set_colour(added.id, "yellow") == added


def test_modified_always_moves_forward(store: AnnotationStore) -> None:
    # A record from a machine whose clock runs an hour ahead: the next edit still sorts
    # after it.
    ahead = datetime.now(UTC) + timedelta(hours=1)
    future = record(1, format_timestamp(ahead))
    store.upsert_raw(future)
    edited = store.set_note(future.id, "edited")
    assert edited.modified == format_timestamp(ahead + timedelta(milliseconds=1))


def test_update_position_keeps_modified(store: AnnotationStore, target: Target) -> None:
    added = store.add("ch", target, "yellow")
    moved = store.update_position(added.id, 300, 317)
    assert moved.target.position == TextPositionSelector(300, 317)
    assert moved.target.quote == target.quote
    assert moved.modified == added.modified
    assert store.get(added.id) == moved
    with pytest.raises(ValueError):
        store.update_position(added.id, 10, 5)


def test_unknown_ids_raise(store: AnnotationStore) -> None:
    unknown = AnnotationId(str(uuid.uuid4()))
    actions: list[Callable[[], object]] = [
        lambda: store.set_note(unknown, "x"),
        lambda: store.set_colour(unknown, "blue"),
        lambda: store.update_position(unknown, 1, 2),
        lambda: store.delete(unknown),
        lambda: store.restore(unknown),
    ]
    for action in actions:
        with pytest.raises(AnnotationNotFoundError):
            action()


def test_delete_keeps_a_tombstone(
    store: AnnotationStore, target: Target, second_connection: sqlite3.Connection
) -> None:
    added = store.add("ch", target, "pink", "a note")
    tombstone = store.delete(added.id)
    assert tombstone.deleted
    assert tombstone.modified > added.modified
    assert (tombstone.id, tombstone.chapter, tombstone.note, tombstone.target) == (
        added.id,
        "ch",
        "a note",
        target,
    )
    assert store.get(added.id) == tombstone
    assert store.list("ch") == []
    assert store.list("ch", include_deleted=True) == [tombstone]
    assert store.all_including_tombstones() == [tombstone]
    assert second_connection.execute("SELECT deleted FROM annotations").fetchall() == [(1,)]
    # A deleted annotation cannot be edited or deleted again.
    with pytest.raises(AnnotationNotFoundError):
        store.set_note(added.id, "x")
    with pytest.raises(AnnotationNotFoundError):
        store.delete(added.id)


def test_restore_undoes_delete(store: AnnotationStore, target: Target) -> None:
    added = store.add("ch", target, "pink", "a note")
    tombstone = store.delete(added.id)
    restored = store.restore(added.id)
    assert not restored.deleted
    assert restored.modified > tombstone.modified
    assert replace(restored, modified=added.modified) == added
    assert store.list("ch") == [restored]
    assert store.restore(added.id) == restored  # restoring a live one changes nothing


def test_add_is_visible_to_another_connection_at_once(
    store: AnnotationStore, target: Target, second_connection: sqlite3.Connection
) -> None:
    added = store.add("ch", target, "yellow", "durable")
    rows = second_connection.execute("SELECT id, note FROM annotations").fetchall()
    assert rows == [(added.id, "durable")]


def test_notes_survive_reopening(db_path: Path, target: Target) -> None:
    with Database(db_path) as db:
        added = AnnotationStore(db).add("ch", target, "blue", "kept")
    with Database(db_path) as db:
        assert AnnotationStore(db).list() == [added]


HOSTILE = (
    "<script>alert('x')</script><b onclick=\"evil()\">&amp;</b>"
    "'; DROP TABLE annotations; -- \" ' `"
    + "".join(chr(c) for c in range(1, 32))
    + "\u2028\u2029\ufeff\u200b😀\U0010ffff"
)


def test_hostile_text_round_trips_exactly(store: AnnotationStore) -> None:
    note = (HOSTILE * (100_000 // len(HOSTILE) + 1))[:100_000]
    target = Target(TextQuoteSelector(HOSTILE, HOSTILE, HOSTILE), TextPositionSelector(0, 9))
    added = store.add(HOSTILE, target, "green", note)
    assert len(note) == 100_000
    stored = store.get(added.id)
    assert stored == added
    assert stored is not None and stored.note == note and stored.chapter == HOSTILE
    assert store.list(HOSTILE) == [added]


# -- merging ------------------------------------------------------------------------


def test_merge_adds_unknown_records_including_tombstones(store: AnnotationStore) -> None:
    live, gone = record(1), record(2, deleted=True)
    assert store.merge([live, gone]) == MergeCounts(added=2)
    assert store.get(live.id) == live
    assert store.get(gone.id) == gone
    assert store.list() == [live]


def test_merge_newer_wins_and_older_is_ignored(store: AnnotationStore) -> None:
    store.upsert_raw(record(1, "2024-02-01T00:00:00.000Z", note="mine"))
    newer = record(1, "2024-03-01T00:00:00.000Z", note="theirs, newer")
    older = record(1, "2024-01-01T00:00:00.000Z", note="theirs, older")
    assert store.merge([older]) == MergeCounts(unchanged=1)
    assert store.get(newer.id) == record(1, "2024-02-01T00:00:00.000Z", note="mine")
    assert store.merge([newer]) == MergeCounts(updated=1)
    assert store.get(newer.id) == newer


def test_merge_newer_tombstone_deletes_and_older_one_does_not(store: AnnotationStore) -> None:
    store.upsert_raw(record(1, "2024-02-01T00:00:00.000Z"))
    assert store.merge([record(1, "2024-01-01T00:00:00.000Z", deleted=True)]) == MergeCounts(
        unchanged=1
    )
    assert store.list() != []
    assert store.merge([record(1, "2024-03-01T00:00:00.000Z", deleted=True)]) == MergeCounts(
        deleted=1
    )
    assert store.list() == []


def test_merge_newer_live_version_undeletes(store: AnnotationStore) -> None:
    store.upsert_raw(record(1, "2024-02-01T00:00:00.000Z", deleted=True))
    assert store.merge([record(1, "2024-03-01T00:00:00.000Z")]) == MergeCounts(updated=1)
    assert [a.id for a in store.list()] == [record(1).id]


def test_merge_identical_is_unchanged_and_idempotent(store: AnnotationStore) -> None:
    records = [record(1), record(2, deleted=True), record(3, note="n")]
    assert store.merge(records) == MergeCounts(added=3)
    before = store.all_including_tombstones()
    assert store.merge(records) == MergeCounts(unchanged=3)
    assert store.all_including_tombstones() == before


def test_merge_same_time_conflict_is_resolved_the_same_both_ways(tmp_path: Path) -> None:
    ours = record(1, note="ours")
    theirs = record(1, note="theirs")
    results = []
    for local, incoming, name in ((ours, theirs, "a"), (theirs, ours, "b")):
        with Database(tmp_path / f"{name}.db") as db:
            store = AnnotationStore(db)
            store.upsert_raw(local)
            store.merge([incoming])
            results.append(store.get(local.id))
    assert results[0] == results[1]


def test_merge_rejects_invalid_records_and_merges_nothing(store: AnnotationStore) -> None:
    bad = replace(record(2), colour="orange")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="colour"):
        store.merge([record(1), bad])
    for broken in (
        replace(record(3), modified="yesterday"),
        replace(record(3), created="2024-13-01T00:00:00.000Z"),
        replace(record(3), id=AnnotationId("not-a-uuid")),
        replace(record(3), chapter=""),
    ):
        with pytest.raises(ValueError):
            store.merge([broken])
    assert store.all_including_tombstones() == []


timestamps = st.sampled_from(
    [
        "2024-01-01T00:00:00.000Z",
        "2024-01-01T00:00:00.001Z",
        "2024-06-30T12:00:00.000Z",
        "2025-01-01T00:00:00.000Z",
    ]
)
records = st.builds(
    record,
    number=st.integers(1, 4),
    modified=timestamps,
    deleted=st.booleans(),
    note=st.sampled_from(["", "a", "b"]),
    colour=st.sampled_from(COLOURS),
)


def possible_winners(versions: list[Annotation]) -> list[Annotation]:
    """The versions of one id that may win: the newest, and a tombstone among equals."""
    newest = max(v.modified for v in versions)
    candidates = [v for v in versions if v.modified == newest]
    tombstones = [v for v in candidates if v.deleted]
    return tombstones or candidates


@settings(max_examples=60, deadline=None)
@given(local=st.lists(records, max_size=6), incoming=st.lists(records, max_size=6))
def test_merge_properties(
    tmp_path_factory: pytest.TempPathFactory, local: list[Annotation], incoming: list[Annotation]
) -> None:
    folder = tmp_path_factory.mktemp("merge")
    with Database(folder / "a.db") as db_a, Database(folder / "b.db") as db_b:
        a, b = AnnotationStore(db_a), AnnotationStore(db_b)
        a.merge(local)
        b.merge(incoming)

        a.merge(b.all_including_tombstones())
        # Idempotence: the same records again change nothing.
        state = a.all_including_tombstones()
        again = a.merge(b.all_including_tombstones())
        assert again == MergeCounts(unchanged=len(state_ids(b)))
        assert a.all_including_tombstones() == state

        # Each id ends with its newest version, whichever side it came from.
        by_id: dict[str, list[Annotation]] = {}
        for version in [*local, *incoming]:
            by_id.setdefault(version.id, []).append(version)
        assert {x.id for x in state} == set(by_id)
        for stored in state:
            assert stored in possible_winners(by_id[stored.id])

        # Merging the other way round converges to the same records.
        b.merge(state)
        assert b.all_including_tombstones() == state


def state_ids(store: AnnotationStore) -> set[str]:
    return {x.id for x in store.all_including_tombstones()}


def test_update_positions_in_one_batch_leaves_modified_alone(
    store: AnnotationStore, target: Target
) -> None:
    first = store.add("ch", target, "yellow")
    second = store.add("ch", target, "blue")
    gone = store.add("ch", target, "green")
    store.delete(gone.id)
    changed = store.update_positions([(first.id, 100, 117), (second.id, 5, 22), (gone.id, 1, 2)])
    assert changed == 2
    moved = store.get(first.id)
    assert moved is not None and moved.target.position == TextPositionSelector(100, 117)
    assert moved.modified == first.modified
    assert store.update_positions([(first.id, 100, 117)]) == 0
    tomb = store.get(gone.id)
    assert tomb is not None and tomb.target.position == target.position


def test_a_note_dated_year_9999_is_set_to_now_on_opening_and_stays_editable(
    db_path: Path, target: Target
) -> None:
    with Database(db_path) as db:
        added = AnnotationStore(db).add("human-security", target, "yellow", "kept")
    # An older version's import (or a clock set wrong) left a date no edit can follow.
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute(
            "UPDATE annotations SET modified = '9999-12-31T23:59:59.999Z',"
            " created = '9999-12-31T23:59:59.999Z'"
        )
    conn.close()
    before = datetime.now(UTC)
    with Database(db_path) as db:
        store = AnnotationStore(db)
        assert any("1 note was dated more than a day in the future" in n for n in db.notices)
        clamped = store.get(added.id)
        assert clamped is not None
        assert format_timestamp(before) <= clamped.modified <= format_timestamp(datetime.now(UTC))
        assert clamped.created == clamped.modified
        assert (clamped.note, clamped.target) == ("kept", target)
        edited = store.set_note(added.id, "edited")
        recoloured = store.set_colour(added.id, "blue")
        assert edited.modified > clamped.modified
        assert recoloured.modified > edited.modified
        deleted = store.delete(added.id)
        assert store.get(added.id) == deleted
        assert store.restore(added.id).note == "edited"
    with Database(db_path) as db:
        AnnotationStore(db)
        assert db.notices == []  # nothing left to set right


def test_an_edit_after_a_far_future_date_does_not_overflow(store: AnnotationStore) -> None:
    # Even without the opening's repair (a read-only moment, a busy file), an edit of a
    # year-9999 record takes now instead of overflowing past the last representable date.
    stored = record(1, "2024-01-01T00:00:00.000Z")
    store.upsert_raw(stored)
    with store._db.transaction() as conn:
        conn.execute("UPDATE annotations SET modified = '9999-12-31T23:59:59.999Z'")
    edited = store.set_note(stored.id, "edited")
    assert edited.modified.startswith(str(datetime.now(UTC).year))


def test_the_store_refuses_dates_from_the_future_and_positions_beyond_any_chapter(
    store: AnnotationStore, target: Target
) -> None:
    future = format_timestamp(datetime.now(UTC) + timedelta(days=2))
    for bad in (record(1, future), replace(record(1), created=future)):
        for write in (store.upsert_raw, lambda r: store.merge([r])):
            with pytest.raises(InvalidAnnotation, match="more than a day in the future"):
                write(bad)
    far = Target(target.quote, TextPositionSelector(MAX_POSITION, MAX_POSITION + 1))
    with pytest.raises(InvalidAnnotation, match="longer than any chapter"):
        store.add("human-security", far, "yellow")
    with pytest.raises(InvalidAnnotation, match="longer than any chapter"):
        store.merge([replace(record(2), target=far)])
    added = store.add("human-security", target, "yellow")
    with pytest.raises(InvalidAnnotation, match="longer than any chapter"):
        store.update_position(added.id, 2**40, 2**40 + 3)
    with pytest.raises(InvalidAnnotation, match="longer than any chapter"):
        store.update_positions([(added.id, 0, 2**63)])
    assert store.all_including_tombstones() == [added]


def test_opening_the_notes_reports_dates_set_to_now(db_path: Path, target: Target) -> None:
    with Database(db_path) as db:
        AnnotationStore(db).add("human-security", target, "yellow")
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("UPDATE annotations SET modified = '9999-01-01T00:00:00.000Z'")
    conn.close()
    db = open_notes(db_path)  # what the window opens, then shows db.notices
    try:
        assert db.notices == [
            "1 note was dated more than a day in the future (a clock set wrong); "
            "its date was set to now so that later edits count."
        ]
    finally:
        db.close()


def test_existing_notes_reads_a_notes_file_and_creates_none(db_path: Path, target: Target) -> None:
    assert existing_notes(db_path) == []
    assert not db_path.exists() and not db_path.parent.exists()
    with Database(db_path) as db:
        store = AnnotationStore(db)
        kept = store.add("human-security", target, "yellow", "kept")
        gone = store.add("other", target, "green")
        store.delete(gone.id)
    assert [a.id for a in existing_notes(db_path)] == [kept.id]
    assert existing_notes(db_path, "other") == []
    [tombstone] = existing_notes(db_path, "other", include_deleted=True)
    assert tombstone.id == gone.id and tombstone.deleted
