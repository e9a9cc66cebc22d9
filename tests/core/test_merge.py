"""The pure merge: incoming and local records give the writes, the same in any order."""

from __future__ import annotations

import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.anchoring import Target, TextPositionSelector, TextQuoteSelector
from reader.core.merge import MergePlan, plan_merge
from reader.core.notes import Annotation, AnnotationId, InvalidAnnotation, MergeCounts
from reader.storage.annotations import AnnotationStore
from reader.storage.db import Database

Store = dict[AnnotationId, Annotation]


def version(
    number: int,
    modified: str,
    *,
    note: str = "",
    colour: str = "yellow",
    deleted: bool = False,
    position: int | None = None,
) -> Annotation:
    """One version of note `number` (a stable id per number), as a machine stores it."""
    quote = TextQuoteSelector(f"passage {number}", "before ", " after")
    place = TextPositionSelector(position, position + 9) if position is not None else None
    return Annotation(
        id=AnnotationId(str(uuid.UUID(int=number))),
        chapter="human-security",
        created="2024-01-01T00:00:00.000Z",
        modified=modified,
        colour=colour,  # type: ignore[arg-type]
        note=note,
        target=Target(quote, place),
        deleted=deleted,
    )


def as_file(records: Store) -> list[Annotation]:
    """The records as an export file carries them: tombstones without their content."""
    return [
        replace(r, colour="yellow", note="", target=Target(TextQuoteSelector("")))
        if r.deleted
        else r
        for r in records.values()
    ]


def apply(store: Store, plan: MergePlan) -> Store:
    """`store` after the plan's writes (what a repository does inside its transaction)."""
    result = dict(store)
    for write in plan.writes:
        result[write.record.id] = write.record
    return result


def merged(store: Store, incoming: list[Annotation]) -> Store:
    """`store` after merging `incoming` into it."""
    return apply(store, plan_merge(incoming, store))


def shared(store: Store) -> dict[AnnotationId, Annotation]:
    """What a store shares with others: its file, apart from positions.

    Positions are each machine's bookkeeping (re-anchoring moves them without an edit),
    and a tombstone's quote and note stay where the note was deleted, for undo.
    """
    return {a.id: replace(a, target=Target(a.target.quote)) for a in as_file(store)}


times = st.sampled_from(
    [
        "2024-01-01T00:00:00.000Z",
        "2024-01-01T00:00:00.001Z",
        "2024-06-30T12:00:00.000Z",
        "2025-01-01T00:00:00.000Z",
    ]
)
versions = st.builds(
    version,
    number=st.integers(1, 4),
    modified=times,
    note=st.sampled_from(["", "a", "b"]),
    colour=st.sampled_from(["yellow", "green"]),
    deleted=st.booleans(),
    position=st.none() | st.integers(0, 50),
)
stores = st.lists(versions, max_size=6).map(lambda vs: merged({}, vs))


@settings(max_examples=200, deadline=None)
@given(local=stores, file=st.lists(versions, max_size=6))
def test_merging_the_same_file_twice_changes_nothing(local: Store, file: list[Annotation]) -> None:
    once = merged(local, file)
    plan = plan_merge(file, once)
    assert plan.writes == ()
    assert plan.counts == MergeCounts(unchanged=len(file))


@settings(max_examples=200, deadline=None)
@given(local=stores, a=stores, b=stores)
def test_two_machines_files_give_the_same_store_in_either_order(
    local: Store, a: Store, b: Store
) -> None:
    a_then_b = merged(merged(local, as_file(a)), as_file(b))
    b_then_a = merged(merged(local, as_file(b)), as_file(a))
    assert shared(a_then_b) == shared(b_then_a)


@settings(max_examples=200, deadline=None)
@given(a=stores, b=stores)
def test_machines_that_exchange_files_converge(a: Store, b: Store) -> None:
    # Each merges the other's file, then the other's new file: both end identical,
    # positions included, because the winner of each note is the same version.
    a1 = merged(a, as_file(b))
    b1 = merged(b, as_file(a1))
    a2 = merged(a1, as_file(b1))
    assert shared(a2) == shared(b1)


@settings(max_examples=200, deadline=None)
@given(shared=st.lists(versions, min_size=1, max_size=6), pick=st.integers(0, 5))
def test_a_deletion_travels(shared: list[Annotation], pick: int) -> None:
    a = merged({}, shared)
    b = dict(a)
    live = [r for r in b.values() if not r.deleted]
    if not live:
        return
    gone = live[pick % len(live)]
    b[gone.id] = replace(gone, deleted=True, modified="2026-01-01T00:00:00.000Z")
    a_after = merged(a, as_file(b))
    assert a_after[gone.id].deleted
    # The tombstone keeps our quote and note, so an undo could bring them back.
    assert a_after[gone.id].target.quote == gone.target.quote
    assert a_after[gone.id].note == gone.note


def test_counts_name_what_each_record_did() -> None:
    local = merged(
        {},
        [
            version(1, "2024-01-01T00:00:00.000Z"),
            version(2, "2024-01-01T00:00:00.000Z"),
            version(3, "2024-06-01T00:00:00.000Z"),
        ],
    )
    plan = plan_merge(
        [
            version(1, "2024-02-01T00:00:00.000Z", note="edited"),
            version(2, "2024-02-01T00:00:00.000Z", deleted=True),
            version(3, "2024-01-01T00:00:00.000Z", note="older"),
            version(4, "2024-01-01T00:00:00.000Z"),
        ],
        local,
    )
    assert plan.counts == MergeCounts(added=1, updated=1, deleted=1, unchanged=1)
    assert [w.kind for w in plan.writes] == ["update", "delete", "add"]


def test_a_record_dated_from_the_future_never_replaces_ours() -> None:
    ours = version(1, "2024-01-01T00:00:00.000Z", note="ours")
    theirs = version(1, "2024-05-01T00:00:00.000Z", note="theirs, date set to now")
    plan = plan_merge([theirs], {ours.id: ours}, future_ids=frozenset({theirs.id}))
    assert plan.writes == ()
    assert plan.counts == MergeCounts(unchanged=1)
    # An id we do not have is still added.
    new = version(2, "2024-05-01T00:00:00.000Z")
    assert plan_merge([new], {}, future_ids=frozenset({new.id})).counts == MergeCounts(added=1)


def test_the_same_version_keeps_our_position() -> None:
    ours = version(1, "2024-01-01T00:00:00.000Z", position=120)
    # Theirs sits further on: by content alone it would win.
    theirs = replace(ours, target=Target(ours.target.quote, TextPositionSelector(500, 509)))
    plan = plan_merge([theirs], {ours.id: ours})
    assert plan.writes == ()


def test_an_invalid_record_plans_no_write() -> None:
    good = version(1, "2024-01-01T00:00:00.000Z")
    future = version(2, "9999-01-01T00:00:00.000Z")
    with pytest.raises(InvalidAnnotation, match="future"):
        plan_merge([good, future], {})


def test_the_store_applies_the_plan_against_rows_read_in_its_transaction(tmp_path: Path) -> None:
    with Database(tmp_path / "a.sqlite3") as db_a, Database(tmp_path / "a.sqlite3") as db_b:
        first, second = AnnotationStore(db_a), AnnotationStore(db_b)
        ours = version(1, "2024-01-01T00:00:00.000Z", note="ours")
        first.merge([ours])
        # Another connection edits the note after this one last read it: the merge must
        # see that edit, not the version it read before.
        newer = second.set_note(ours.id, "newer, from the other window")
        older = version(1, "2024-03-01T00:00:00.000Z", note="from a file")
        assert first.merge([older]) == MergeCounts(unchanged=1)
        assert first.get(ours.id) == newer
