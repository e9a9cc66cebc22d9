"""Merging notes from elsewhere: incoming records against the local ones, to the writes to make.

One pure function decides everything a merge decides (tombstones without content, a
version already here, dates from the future, which version wins), so that import, sync
and recovery agree and a store only has to apply the writes in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Literal

from reader.core.notes import (
    Annotation,
    AnnotationId,
    MergeCounts,
    precedence,
    validate_annotation,
)

__all__ = ["MergePlan", "Write", "WriteKind", "plan_merge"]

WriteKind = Literal["add", "update", "delete"]


@dataclass(frozen=True, slots=True)
class Write:
    """One record to store, replacing whatever is stored under its id."""

    kind: WriteKind
    record: Annotation


@dataclass(frozen=True, slots=True)
class MergePlan:
    """The writes a merge makes, in order, and what it counts for the report."""

    writes: tuple[Write, ...]
    counts: MergeCounts


def plan_merge(
    incoming: Iterable[Annotation],
    local: Mapping[AnnotationId, Annotation],
    *,
    future_ids: frozenset[AnnotationId] = frozenset(),
) -> MergePlan:
    """The writes that merge `incoming` into `local` (the stored records by id).

    - an unknown id is added as it came (a tombstone stays a tombstone);
    - a record in `future_ids` carried a date from the future that was set to now: its
      real time is unknown, so it never replaces a stored version;
    - a tombstone without content (as files carry them) is our record, deleted as of
      its time;
    - the same live version (same time and quote) keeps our position: where it sits here
      is our bookkeeping, not a change;
    - a version whose quote was brought up to the current words of a reworded passage
      wins over the same version with the old words (see _requoted);
    - otherwise the greater `precedence` wins; older or identical records change nothing.
      A note id is global: a winning version of another library than the stored one moves
      the note to its library (counted in `moved`); a losing one leaves it where it is. A
      tombstone without content keeps the stored note's library.

    Every record is validated first (InvalidAnnotation, and no write is planned). A
    record repeated in `incoming` is merged against the outcome of the earlier one, so
    the order of files never changes the result.
    """
    records = list(incoming)
    for record in records:
        validate_annotation(record)
    current: dict[AnnotationId, Annotation] = {}
    writes: dict[AnnotationId, Write] = {}
    added = updated = deleted = unchanged = moved = 0
    for record in records:
        stored = current.get(record.id) or local.get(record.id)
        if stored is None:
            kind: WriteKind = "add"
        else:
            if record.id in future_ids:
                unchanged += 1
                continue
            record = _completed(record, stored)
            if _requoted(stored, record) or (
                not _requoted(record, stored) and precedence(record) <= precedence(stored)
            ):
                unchanged += 1
                continue
            kind = "delete" if record.deleted and not stored.deleted else "update"
        if stored is not None and stored.library != record.library:
            moved += 1
        added += kind == "add"
        updated += kind == "update"
        deleted += kind == "delete"
        earlier = writes.get(record.id)
        if earlier is not None and earlier.kind == "add":
            kind = "add"  # still new to the store: the earlier record was only planned
        current[record.id] = record
        writes[record.id] = Write(kind, record)
    counts = MergeCounts(added, updated, deleted, unchanged, moved, frozenset(writes))
    return MergePlan(tuple(writes.values()), counts)


def _requoted(one: Annotation, other: Annotation) -> bool:
    """Whether `one` is `other` with its quote brought up to the chapter's current words.

    Re-quoting is bookkeeping and keeps `modified`, so both versions carry the same time:
    the one that knows the current words wins, or the next sync would put the old words
    back (and the window would write the new ones again, every time).
    """
    return (
        one.modified == other.modified
        and not one.deleted
        and not other.deleted
        and one.target.quote != other.target.quote
        and bool(one.previous_quote)
        and not other.previous_quote
    )


def _completed(record: Annotation, stored: Annotation) -> Annotation:
    """`record` as it would replace `stored`: content filled in, our position kept."""
    if record.deleted and not record.target.quote.exact:
        # A tombstone carries no content: keep ours, marked deleted as of its time.
        return replace(stored, deleted=True, modified=record.modified)
    if (
        not record.deleted
        and not stored.deleted
        and stored.modified == record.modified
        and stored.target.quote == record.target.quote
    ):
        return replace(record, target=stored.target)
    return record
