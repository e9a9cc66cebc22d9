"""Highlights and notes in SQLite: the repository of reader.core.notes, with tombstones.

The model (what an annotation is, which version wins, what a valid one holds) lives in
reader/core/notes.py and the merge decision in reader/core/merge.py; this module keeps the
records in the annotations table and applies each change in one transaction.
"""

from __future__ import annotations

import builtins
import contextlib
import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, Literal

from reader.core.anchoring import Target, TextPositionSelector
from reader.core.import_limits import MAX_POSITION
from reader.core.merge import plan_merge
from reader.core.notes import (
    Annotation,
    AnnotationChangedError,
    AnnotationId,
    AnnotationNotFoundError,
    InvalidAnnotation,
    MergeCounts,
    check_colour,
    check_kind,
    format_timestamp,
    latest_allowed,
    new_annotation_id,
    next_timestamp,
    same_version,
    validate_annotation,
)
from reader.storage.annotation_rows import (
    INSERT,
    REPLACE,
    SELECT,
    STILL_EXPECTED,
    expected_params,
    from_row,
    to_params,
)
from reader.storage.db import Database
from reader.storage.errors import StorageError

__all__ = ["AnnotationStore", "clamp_future_dates"]


def _check_position(start: int, end: int) -> TextPositionSelector:
    position = TextPositionSelector(start, end)  # refuses a negative or reversed range
    if end > MAX_POSITION:
        raise InvalidAnnotation(
            f"the position {start}..{end} lies beyond {MAX_POSITION:,} characters, "
            "longer than any chapter"
        )
    return position


_FUTURE = "created > :limit OR modified > :limit"


def clamp_future_dates(db: Database, now: datetime | None = None) -> int:
    """Set every date more than a day in the future to now; returns how many records changed.

    Such a date (from a clock set wrong, or an older version's import) would win every
    merge and leave no room for a later edit. The count is added to `db.notices`. A
    read-only database is left as it is.
    """
    if db.read_only:
        return 0
    moment = now or datetime.now(UTC)
    limit = format_timestamp(latest_allowed(moment))
    stamp = format_timestamp(moment)
    params = {"limit": limit, "now": stamp}
    # Timestamps sort as strings. Looking first costs no write lock and leaves the
    # database unchanged (so closing takes no backup) in the usual case.
    if db.query_one(f"SELECT 1 FROM annotations WHERE {_FUTURE} LIMIT 1", params) is None:
        return 0
    with db.transaction() as conn:
        cursor = conn.execute(
            "UPDATE annotations SET"
            " created = CASE WHEN created > :limit THEN :now ELSE created END,"
            " modified = CASE WHEN modified > :limit THEN :now ELSE modified END"
            f" WHERE {_FUTURE}",
            params,
        )
        changed = cursor.rowcount
    if changed:
        were, their = (
            ("note was", "its date was") if changed == 1 else ("notes were", "their dates were")
        )
        db.notices.append(
            f"{changed} {were} dated more than a day in the future (a clock set wrong); "
            f"{their} set to now so that later edits count."
        )
    return changed


class AnnotationStore:
    """Annotations in a Database; every method that changes something commits at once."""

    def __init__(self, db: Database) -> None:
        """Use the annotations table of an open (and migrated) database.

        Dates from the future are set to now first (see clamp_future_dates).
        """
        self._db = db
        # A busy or full database only postpones this to the next opening: edits work
        # meanwhile (next_timestamp does not believe such dates either).
        with contextlib.suppress(StorageError):
            clamp_future_dates(db)

    # -- reading ------------------------------------------------------------------

    def get(self, annotation_id: AnnotationId) -> Annotation | None:
        """The annotation (live or tombstone) with this id, or None."""
        row = self._db.query_one(f"{SELECT} WHERE id = :id", {"id": annotation_id})
        return from_row(row) if row is not None else None

    def list(
        self, chapter: str | None = None, include_deleted: bool = False
    ) -> builtins.list[Annotation]:
        """Annotations of one chapter (or all), in reading order; tombstones only if asked."""
        rows = self._db.query(
            f"{SELECT} WHERE (:chapter IS NULL OR chapter = :chapter)"
            " AND (:include_deleted OR deleted = 0)"
            " ORDER BY chapter, position_start IS NULL, position_start, created, id",
            {"chapter": chapter, "include_deleted": int(include_deleted)},
        )
        return [from_row(row) for row in rows]

    def all_including_tombstones(self) -> builtins.list[Annotation]:
        """Every stored record, tombstones included (for export and merging)."""
        return self.list(None, include_deleted=True)

    # -- user actions -------------------------------------------------------------

    def add(
        self,
        chapter: str,
        target: Target,
        colour: str,
        note: str = "",
        *,
        kind: str = "highlight",
    ) -> Annotation:
        """Create and commit a new highlight (or bookmark) on `target` in `chapter`."""
        if not chapter:
            raise ValueError("chapter must not be empty")
        if not target.quote.exact:
            raise ValueError("cannot annotate an empty passage")
        now = next_timestamp(None)
        annotation = Annotation(
            id=new_annotation_id(),
            chapter=chapter,
            created=now,
            modified=now,
            colour=check_colour(colour),
            note=note,
            target=target,
            kind=check_kind(kind),
        )
        validate_annotation(annotation)
        with self._db.transaction() as conn:
            conn.execute(INSERT, to_params(annotation))
        return annotation

    def set_colour(
        self, annotation_id: AnnotationId, colour: str, *, expected: Annotation | None = None
    ) -> Annotation:
        """Change the colour of a live annotation and return the new version.

        With `expected`, the write is made only while that version is still stored;
        otherwise AnnotationChangedError is raised and nothing is written.
        """
        checked = check_colour(colour)
        return self.edit(annotation_id, "colour", checked, expected=expected)[1]

    def set_note(
        self, annotation_id: AnnotationId, note: str, *, expected: Annotation | None = None
    ) -> Annotation:
        """Replace the note of a live annotation and return the new version (see set_colour)."""
        return self.edit(annotation_id, "note", note, expected=expected)[1]

    def edit(
        self,
        annotation_id: AnnotationId,
        column: Literal["colour", "note"],
        value: str,
        *,
        expected: Annotation | None = None,
    ) -> tuple[Annotation, Annotation]:
        """Set the colour or note of a live annotation: (version before, version after).

        Both versions are read in the write's own transaction, so `before` is exactly what
        was replaced (an undo puts it back). With `expected`, the write is made only while
        that version is still stored, else AnnotationChangedError. Setting the value it
        already has writes nothing and returns the stored version twice.
        """
        if column == "colour":
            value = check_colour(value)
        with self._db.transaction() as conn:
            current = self._current(conn, annotation_id, expected, live=True)
            if getattr(current, column) == value:
                return current, current
            modified = next_timestamp(current.modified)
            # `column` is one of two code constants, never user input.
            self._update(
                conn,
                f"{column} = :value, modified = :modified",
                {"value": value, "modified": modified, "id": annotation_id},
                expected,
            )
        if column == "colour":
            return current, replace(current, colour=check_colour(value), modified=modified)
        return current, replace(current, note=value, modified=modified)

    def update_position(self, annotation_id: AnnotationId, start: int, end: int) -> Annotation:
        """Record where re-anchoring found the passage; `modified` is left alone.

        Moving a position is bookkeeping, not an edit by the user, so it must not make
        this copy win a merge against a real edit made elsewhere.
        """
        position = _check_position(start, end)
        with self._db.transaction() as conn:
            current = self._live(conn, annotation_id)
            if current.target.position == position:
                return current
            conn.execute(
                "UPDATE annotations SET position_start = :start, position_end = :end"
                " WHERE id = :id",
                {"start": start, "end": end, "id": annotation_id},
            )
        return replace(current, target=Target(current.target.quote, position))

    def update_positions(self, moves: Iterable[tuple[AnnotationId, int, int]]) -> int:
        """Record many re-anchored positions in one transaction; returns how many changed.

        Like update_position, this is bookkeeping: `modified` is left alone, and ids that
        are unknown or deleted are skipped rather than refused.
        """
        changed = 0
        with self._db.transaction() as conn:
            for annotation_id, start, end in moves:
                _check_position(start, end)
                cursor = conn.execute(
                    "UPDATE annotations SET position_start = :start, position_end = :end"
                    " WHERE id = :id AND deleted = 0"
                    " AND (position_start IS NOT :start OR position_end IS NOT :end)",
                    {"start": start, "end": end, "id": annotation_id},
                )
                changed += cursor.rowcount
        return changed

    def update_quotes(self, changes: Iterable[tuple[AnnotationId, Target]]) -> int:
        """Record the current words of reworded passages in one transaction; returns how many.

        Each target (with its position) replaces the stored one; the words first
        highlighted are kept in `previous_quote` (the first time only, so that "was:"
        always shows what the student chose). Like update_positions this is bookkeeping:
        `modified` is left alone, so that it never wins a merge against a real edit.
        Unknown or deleted ids are skipped.
        """
        changed = 0
        with self._db.transaction() as conn:
            for annotation_id, target in changes:
                position = target.position
                if position is None or not target.quote.exact:
                    raise ValueError("a re-quoted passage needs its words and its position")
                _check_position(position.start, position.end)
                current = self._fetch(conn, annotation_id)
                if current is None or current.deleted or current.target == target:
                    continue
                first = current.previous_quote or current.target.quote.exact
                # Back to the words first highlighted: nothing to show as "was:" any more.
                previous = "" if first == target.quote.exact else first
                updated = replace(current, target=target, previous_quote=previous)
                validate_annotation(updated)
                conn.execute(REPLACE, to_params(updated))
                changed += 1
        return changed

    def delete(
        self, annotation_id: AnnotationId, *, expected: Annotation | None = None
    ) -> Annotation:
        """Delete a live annotation, keeping a tombstone (quote and note too, for undo).

        With `expected`, only while that version is still stored (see set_colour).
        """
        with self._db.transaction() as conn:
            current = self._current(conn, annotation_id, expected, live=True)
            modified = next_timestamp(current.modified)
            self._update(
                conn,
                "deleted = 1, modified = :modified",
                {"modified": modified, "id": annotation_id},
                expected,
            )
        return replace(current, deleted=True, modified=modified)

    def restore(
        self, annotation_id: AnnotationId, *, expected: Annotation | None = None
    ) -> Annotation:
        """Undo a delete: make the tombstone live again, with a new `modified` time.

        With `expected` (the tombstone's version), only while that tombstone is still
        stored (see set_colour); without it, a live annotation is returned as it is.
        """
        with self._db.transaction() as conn:
            current = self._current(conn, annotation_id, expected, live=False)
            if not current.deleted:
                return current
            # `created` stays the day the passage was first highlighted; `modified` must
            # move past the tombstone's time. Other machines may already hold the tombstone
            # (from the sync folder or an export), and a merge keeps the newest version: a
            # restore dated earlier than the delete would lose there, and the highlight
            # would vanish again at the next sync.
            modified = next_timestamp(current.modified)
            self._update(
                conn,
                "deleted = 0, modified = :modified",
                {"modified": modified, "id": annotation_id},
                expected,
            )
        return replace(current, deleted=False, modified=modified)

    # -- import and merge ---------------------------------------------------------

    def upsert_raw(self, annotation: Annotation) -> None:
        """Store `annotation` exactly as given, replacing any record with its id."""
        validate_annotation(annotation)
        with self._db.transaction() as conn:
            conn.execute(REPLACE, to_params(annotation))

    def merge(
        self,
        incoming: Iterable[Annotation],
        *,
        future_ids: frozenset[AnnotationId] = frozenset(),
    ) -> MergeCounts:
        """Merge records from elsewhere in one transaction (reader.core.merge decides).

        The stored versions are read inside the write's own transaction, so a change
        made meanwhile by another window or program is merged against, never lost.
        Invalid records raise InvalidAnnotation (a ValueError) and nothing is merged.
        """
        records = builtins.list(incoming)
        # plan_merge validates every record before planning a write; a refusal rolls
        # the (still empty) transaction back.
        with self._db.transaction() as conn:
            local: dict[AnnotationId, Annotation] = {}
            for record in records:
                stored = self._fetch(conn, record.id)
                if stored is not None:
                    local[record.id] = stored
            plan = plan_merge(records, local, future_ids=future_ids)
            for write in plan.writes:
                conn.execute(REPLACE, to_params(write.record))
        return plan.counts

    # -- helpers --------------------------------------------------------------------

    def _current(
        self,
        conn: sqlite3.Connection,
        annotation_id: AnnotationId,
        expected: Annotation | None,
        *,
        live: bool,
    ) -> Annotation:
        """The stored version a write starts from, checked against `expected` first.

        A version other than the expected one is a conflict even when it is a tombstone
        (deleted elsewhere), so a conditional write never reports "not found" for it.
        """
        current = self._fetch(conn, annotation_id)
        if expected is not None and (current is None or not same_version(current, expected)):
            raise AnnotationChangedError(annotation_id, current)
        if current is None or (live and current.deleted):
            raise AnnotationNotFoundError(annotation_id)
        return current

    @staticmethod
    def _update(
        conn: sqlite3.Connection,
        assignments: str,
        params: dict[str, Any],
        expected: Annotation | None,
    ) -> None:
        """UPDATE one annotation; with `expected`, only while it still holds that version."""
        # `assignments` is a code constant; the version test repeats in SQL what
        # _current() checked, so the write itself can never replace another version.
        condition = STILL_EXPECTED if expected is not None else ""
        cursor = conn.execute(
            f"UPDATE annotations SET {assignments} WHERE id = :id{condition}",
            {**params, **expected_params(expected)},
        )
        if cursor.rowcount != 1:
            raise AnnotationChangedError(AnnotationId(params["id"]), None)

    @staticmethod
    def _fetch(conn: sqlite3.Connection, annotation_id: AnnotationId) -> Annotation | None:
        row = conn.execute(f"{SELECT} WHERE id = :id", {"id": annotation_id}).fetchone()
        return from_row(row) if row is not None else None

    def _live(self, conn: sqlite3.Connection, annotation_id: AnnotationId) -> Annotation:
        current = self._fetch(conn, annotation_id)
        if current is None or current.deleted:
            raise AnnotationNotFoundError(annotation_id)
        return current
