"""Highlights and notes in SQLite: the repository of reader.core.notes, with tombstones.

The model (what an annotation is, which version wins, what a valid one holds) lives in
reader/core/notes.py and the merge decision in reader/core/merge.py; this module keeps the
records in the annotations table and applies each change in one transaction; the
conditional writes of one record are in annotation_writes.py, and the clamping of dates
from the future in future_dates.py.
"""

from __future__ import annotations

import builtins
import contextlib
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Literal

from reader.core.anchoring import Target
from reader.core.merge import plan_merge
from reader.core.notes import (
    BUNDLED_LIBRARY_ID,
    Annotation,
    AnnotationId,
    MergeCounts,
    check_colour,
    check_kind,
    new_annotation_id,
    next_timestamp,
    validate_annotation,
)
from reader.storage.annotation_rows import INSERT, REPLACE, SELECT, from_row, to_params
from reader.storage.annotation_writes import (
    check_position,
    fetch,
    fetch_live,
    starting_version,
    update_one,
)
from reader.storage.db import Database
from reader.storage.errors import StorageError
from reader.storage.future_dates import clamp_future_dates

__all__ = ["AnnotationStore", "existing_notes"]


def existing_notes(
    path: Path,
    chapter: str | None = None,
    *,
    include_deleted: bool = False,
    library: str | None = BUNDLED_LIBRARY_ID,
) -> builtins.list[Annotation]:
    """The annotations of `library` in the notes file at `path` (see AnnotationStore.list;
    every library's with None), or none when there is no such file: a command that only
    reads never creates one."""
    if not path.is_file():
        return []
    with Database(path) as db:
        store = AnnotationStore(db, library or BUNDLED_LIBRARY_ID)
        if library is None:
            records = store.every_record()
            return [
                a
                for a in records
                if (chapter is None or a.chapter == chapter) and (include_deleted or not a.deleted)
            ]
        return store.list(chapter, include_deleted=include_deleted)


class AnnotationStore:
    """One library's annotations in a Database; every method that changes something commits
    at once.

    Reads see only the notes of `library_id`, notes made here belong to it, and the edits
    of one record (colour, note, delete, restore, positions) reach only that library's
    records. `every_record` and `merge` span every library: a note id is global, and the
    sync file carries every library's notes.
    """

    def __init__(self, db: Database, library_id: str = BUNDLED_LIBRARY_ID) -> None:
        """Use the annotations table of an open (and migrated) database for one library.

        Dates from the future are set to now first (see clamp_future_dates).
        """
        if not library_id:
            raise ValueError("a notes store is opened for a library id")
        self._db = db
        self._library = library_id
        # A busy or full database only postpones this to the next opening: edits work
        # meanwhile (next_timestamp does not believe such dates either).
        with contextlib.suppress(StorageError):
            clamp_future_dates(db)

    @property
    def library_id(self) -> str:
        """The id of the library whose notes this store reads and writes."""
        return self._library

    # -- reading ------------------------------------------------------------------

    def get(self, annotation_id: AnnotationId) -> Annotation | None:
        """This library's annotation (live or tombstone) with this id, or None."""
        row = self._db.query_one(
            f"{SELECT} WHERE id = :id AND library = :library",
            {"id": annotation_id, "library": self._library},
        )
        return from_row(row) if row is not None else None

    def list(
        self, chapter: str | None = None, include_deleted: bool = False
    ) -> builtins.list[Annotation]:
        """This library's annotations of one chapter (or all), in reading order; tombstones
        only if asked."""
        rows = self._db.query(
            f"{SELECT} WHERE library = :library AND (:chapter IS NULL OR chapter = :chapter)"
            " AND (:include_deleted OR deleted = 0)"
            " ORDER BY chapter, position_start IS NULL, position_start, created, id",
            {
                "library": self._library,
                "chapter": chapter,
                "include_deleted": int(include_deleted),
            },
        )
        return [from_row(row) for row in rows]

    def all_including_tombstones(self) -> builtins.list[Annotation]:
        """Every record of this library, tombstones included (for export)."""
        return self.list(None, include_deleted=True)

    def every_record(self) -> builtins.list[Annotation]:
        """Every stored record of every library, tombstones included (the sync file, the
        export of all libraries, merging)."""
        rows = self._db.query(
            f"{SELECT} ORDER BY library, chapter, position_start IS NULL, position_start,"
            " created, id"
        )
        return [from_row(row) for row in rows]

    def libraries(self) -> dict[str, int]:
        """The library ids that have records (tombstones included), with how many each."""
        rows = self._db.query(
            "SELECT library, count(*) FROM annotations GROUP BY library ORDER BY library"
        )
        return {row[0]: int(row[1]) for row in rows}

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
            library=self._library,
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
            current = starting_version(
                conn, annotation_id, expected, live=True, library=self._library
            )
            if getattr(current, column) == value:
                return current, current
            modified = next_timestamp(current.modified)
            # `column` is one of two code constants, never user input.
            update_one(
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
        position = check_position(start, end)
        with self._db.transaction() as conn:
            current = fetch_live(conn, annotation_id, self._library)
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
                check_position(start, end)
                cursor = conn.execute(
                    "UPDATE annotations SET position_start = :start, position_end = :end"
                    " WHERE id = :id AND library = :library AND deleted = 0"
                    " AND (position_start IS NOT :start OR position_end IS NOT :end)",
                    {"start": start, "end": end, "id": annotation_id, "library": self._library},
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
                check_position(position.start, position.end)
                current = fetch(conn, annotation_id, self._library)
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
            current = starting_version(
                conn, annotation_id, expected, live=True, library=self._library
            )
            modified = next_timestamp(current.modified)
            update_one(
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
            current = starting_version(
                conn, annotation_id, expected, live=False, library=self._library
            )
            if not current.deleted:
                return current
            # `created` stays the day the passage was first highlighted; `modified` must
            # move past the tombstone's time. Other machines may already hold the tombstone
            # (from the sync folder or an export), and a merge keeps the newest version: a
            # restore dated earlier than the delete would lose there, and the highlight
            # would vanish again at the next sync.
            modified = next_timestamp(current.modified)
            update_one(
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
        Each record keeps its own library: a newer version of a note stored under another
        library moves it there (counted in `moved`), an older one changes nothing.
        """
        records = builtins.list(incoming)
        # plan_merge validates every record before planning a write; a refusal rolls
        # the (still empty) transaction back.
        with self._db.transaction() as conn:
            local: dict[AnnotationId, Annotation] = {}
            for record in records:
                stored = fetch(conn, record.id)
                if stored is not None:
                    local[record.id] = stored
            plan = plan_merge(records, local, future_ids=future_ids)
            for write in plan.writes:
                conn.execute(REPLACE, to_params(write.record))
        return plan.counts
