"""Highlights and notes: the annotations table, with tombstones for undo and merging."""

from __future__ import annotations

import builtins
import re
import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any, Literal, NewType, cast

from reader.core.anchoring import Target, TextPositionSelector, TextQuoteSelector
from reader.storage.db import Database

__all__ = [
    "COLOURS",
    "Annotation",
    "AnnotationChangedError",
    "AnnotationId",
    "AnnotationNotFoundError",
    "AnnotationStore",
    "Colour",
    "MergeSummary",
    "format_timestamp",
    "new_annotation_id",
    "same_version",
]

AnnotationId = NewType("AnnotationId", str)
"""A UUID in its canonical text form."""

Colour = Literal["yellow", "green", "blue", "pink", "purple"]
COLOURS: tuple[Colour, ...] = ("yellow", "green", "blue", "pink", "purple")
"""The highlight colours, in the order a menu should offer them."""

_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z")
_TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


@dataclass(frozen=True, slots=True)
class Annotation:
    """One highlight (with an optional note), or the tombstone of a deleted one.

    `created` and `modified` are UTC ISO 8601 strings with millisecond precision and a
    'Z' ("2024-05-01T09:30:00.123Z"), so they also sort correctly as strings.
    """

    id: AnnotationId
    chapter: str
    created: str
    modified: str
    colour: Colour
    note: str
    target: Target
    deleted: bool = False


@dataclass(frozen=True, slots=True)
class MergeSummary:
    """What merge() did, counted per incoming record.

    added: ids unknown here, stored as they came (tombstones included); deleted: live
    records replaced by a newer tombstone; updated: any other replacement by a newer
    version (edits, un-deletes, a newer tombstone of an already deleted record);
    unchanged: incoming records identical to, or older than, what is stored.
    """

    added: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0


class AnnotationNotFoundError(KeyError):
    """No live annotation has this id (it never existed, or it is deleted)."""


class AnnotationChangedError(Exception):
    """A conditional write found another version than the one it was told to expect.

    `current` is what is stored now (None if the id is unknown): a newer edit from a
    sync, an import or another window, which the refused write would have overwritten.
    """

    def __init__(self, annotation_id: AnnotationId, current: Annotation | None) -> None:
        super().__init__(f"annotation {annotation_id} was changed since the expected version")
        self.annotation_id = annotation_id
        self.current = current


def same_version(stored: Annotation, expected: Annotation) -> bool:
    """Whether `stored` is still the version `expected` describes.

    The position is left out on purpose: re-anchoring moves it without any edit.
    """
    return (stored.modified, stored.deleted, stored.colour, stored.note) == (
        expected.modified,
        expected.deleted,
        expected.colour,
        expected.note,
    )


# Appended to an UPDATE's WHERE clause by conditional writes: the row is only written
# while it still holds the expected version (the same test as same_version()).
_STILL_EXPECTED = (
    " AND modified = :v_modified AND deleted = :v_deleted AND colour = :v_colour AND note = :v_note"
)


def _expected_params(expected: Annotation | None) -> dict[str, Any]:
    if expected is None:
        return {}
    return {
        "v_modified": expected.modified,
        "v_deleted": int(expected.deleted),
        "v_colour": expected.colour,
        "v_note": expected.note,
    }


def new_annotation_id() -> AnnotationId:
    """A fresh random annotation id."""
    return AnnotationId(str(uuid.uuid4()))


def format_timestamp(moment: datetime) -> str:
    """`moment` as the UTC, millisecond, 'Z'-suffixed string stored in the database."""
    if moment.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def _check_timestamp(value: str) -> str:
    if not _TIMESTAMP.fullmatch(value):
        raise ValueError(f"not a UTC millisecond timestamp: {value!r}")
    datetime.strptime(value, _TIMESTAMP_FORMAT)  # rejects month 13 and the like
    return value


def _next_timestamp(previous: str | None) -> str:
    """Now, but always later than `previous`, so that "newer wins" sees every edit.

    Two edits within one millisecond, or a clock set back, would otherwise give an
    edit a `modified` that does not sort after the one it replaces.
    """
    now = datetime.now(UTC)
    if previous is not None:
        floor = datetime.strptime(previous, _TIMESTAMP_FORMAT).replace(tzinfo=UTC)
        now = max(now, floor + timedelta(milliseconds=1))
    return format_timestamp(now)


def _check_colour(colour: str) -> Colour:
    if colour not in COLOURS:
        raise ValueError(f"unknown colour {colour!r}; expected one of {', '.join(COLOURS)}")
    return colour


_COLUMNS = (
    "id, chapter, created, modified, colour, note, quote_exact, quote_prefix, quote_suffix, "
    "position_start, position_end, deleted"
)
_INSERT = (
    f"INSERT INTO annotations ({_COLUMNS}) VALUES (:id, :chapter, :created, :modified, "
    ":colour, :note, :quote_exact, :quote_prefix, :quote_suffix, :position_start, "
    ":position_end, :deleted)"
)
_REPLACE = _INSERT.replace("INSERT INTO", "INSERT OR REPLACE INTO", 1)
_SELECT = f"SELECT {_COLUMNS} FROM annotations"


def _from_row(row: sqlite3.Row) -> Annotation:
    start, end = row["position_start"], row["position_end"]
    position = TextPositionSelector(start, end) if start is not None else None
    quote = TextQuoteSelector(row["quote_exact"], row["quote_prefix"], row["quote_suffix"])
    return Annotation(
        id=AnnotationId(row["id"]),
        chapter=row["chapter"],
        created=row["created"],
        modified=row["modified"],
        colour=cast(Colour, row["colour"]),
        note=row["note"],
        target=Target(quote, position),
        deleted=bool(row["deleted"]),
    )


def _to_params(annotation: Annotation) -> dict[str, Any]:
    quote, position = annotation.target.quote, annotation.target.position
    return {
        "id": annotation.id,
        "chapter": annotation.chapter,
        "created": annotation.created,
        "modified": annotation.modified,
        "colour": annotation.colour,
        "note": annotation.note,
        "quote_exact": quote.exact,
        "quote_prefix": quote.prefix,
        "quote_suffix": quote.suffix,
        "position_start": position.start if position is not None else None,
        "position_end": position.end if position is not None else None,
        "deleted": int(annotation.deleted),
    }


def _validate(annotation: Annotation) -> None:
    try:
        uuid.UUID(annotation.id)
    except (ValueError, TypeError):
        raise ValueError(f"annotation id is not a UUID: {annotation.id!r}") from None
    if not annotation.chapter:
        raise ValueError("annotation has no chapter")
    _check_colour(annotation.colour)
    _check_timestamp(annotation.created)
    _check_timestamp(annotation.modified)


def _precedence(annotation: Annotation) -> tuple[Any, ...]:
    """Order of versions of one annotation: the greatest one wins a merge.

    Newer `modified` wins; for equal times a tombstone wins, then the content decides,
    so that two stores merging each other always end up identical.
    """
    params = _to_params(annotation)
    content = tuple(-1 if value is None else value for value in params.values())
    return (annotation.modified, annotation.deleted, content)


class AnnotationStore:
    """Annotations in a Database; every method that changes something commits at once."""

    def __init__(self, db: Database) -> None:
        """Use the annotations table of an open (and migrated) database."""
        self._db = db

    # -- reading ------------------------------------------------------------------

    def get(self, annotation_id: AnnotationId) -> Annotation | None:
        """The annotation (live or tombstone) with this id, or None."""
        row = self._db.query_one(f"{_SELECT} WHERE id = :id", {"id": annotation_id})
        return _from_row(row) if row is not None else None

    def list(
        self, chapter: str | None = None, include_deleted: bool = False
    ) -> builtins.list[Annotation]:
        """Annotations of one chapter (or all), in reading order; tombstones only if asked."""
        rows = self._db.query(
            f"{_SELECT} WHERE (:chapter IS NULL OR chapter = :chapter)"
            " AND (:include_deleted OR deleted = 0)"
            " ORDER BY chapter, position_start IS NULL, position_start, created, id",
            {"chapter": chapter, "include_deleted": int(include_deleted)},
        )
        return [_from_row(row) for row in rows]

    def all_including_tombstones(self) -> builtins.list[Annotation]:
        """Every stored record, tombstones included (for export and merging)."""
        return self.list(None, include_deleted=True)

    # -- user actions -------------------------------------------------------------

    def add(self, chapter: str, target: Target, colour: str, note: str = "") -> Annotation:
        """Create and commit a new highlight on `target` in `chapter`."""
        if not chapter:
            raise ValueError("chapter must not be empty")
        if not target.quote.exact:
            raise ValueError("cannot annotate an empty passage")
        now = _next_timestamp(None)
        annotation = Annotation(
            id=new_annotation_id(),
            chapter=chapter,
            created=now,
            modified=now,
            colour=_check_colour(colour),
            note=note,
            target=target,
        )
        with self._db.transaction() as conn:
            conn.execute(_INSERT, _to_params(annotation))
        return annotation

    def set_colour(
        self, annotation_id: AnnotationId, colour: str, *, expected: Annotation | None = None
    ) -> Annotation:
        """Change the colour of a live annotation and return the new version.

        With `expected`, the write is made only while that version is still stored;
        otherwise AnnotationChangedError is raised and nothing is written.
        """
        checked = _check_colour(colour)
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
            value = _check_colour(value)
        with self._db.transaction() as conn:
            current = self._current(conn, annotation_id, expected, live=True)
            if getattr(current, column) == value:
                return current, current
            modified = _next_timestamp(current.modified)
            # `column` is one of two code constants, never user input.
            self._update(
                conn,
                f"{column} = :value, modified = :modified",
                {"value": value, "modified": modified, "id": annotation_id},
                expected,
            )
        if column == "colour":
            return current, replace(current, colour=_check_colour(value), modified=modified)
        return current, replace(current, note=value, modified=modified)

    def update_position(self, annotation_id: AnnotationId, start: int, end: int) -> Annotation:
        """Record where re-anchoring found the passage; `modified` is left alone.

        Moving a position is bookkeeping, not an edit by the user, so it must not make
        this copy win a merge against a real edit made elsewhere.
        """
        position = TextPositionSelector(start, end)
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
                TextPositionSelector(start, end)  # validates the range
                cursor = conn.execute(
                    "UPDATE annotations SET position_start = :start, position_end = :end"
                    " WHERE id = :id AND deleted = 0"
                    " AND (position_start IS NOT :start OR position_end IS NOT :end)",
                    {"start": start, "end": end, "id": annotation_id},
                )
                changed += cursor.rowcount
        return changed

    def delete(
        self, annotation_id: AnnotationId, *, expected: Annotation | None = None
    ) -> Annotation:
        """Delete a live annotation, keeping a tombstone (quote and note too, for undo).

        With `expected`, only while that version is still stored (see set_colour).
        """
        with self._db.transaction() as conn:
            current = self._current(conn, annotation_id, expected, live=True)
            modified = _next_timestamp(current.modified)
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
            modified = _next_timestamp(current.modified)
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
        _validate(annotation)
        with self._db.transaction() as conn:
            conn.execute(_REPLACE, _to_params(annotation))

    def merge(self, incoming: Iterable[Annotation]) -> MergeSummary:
        """Merge records from elsewhere by id, newer `modified` winning, in one transaction.

        Unknown ids are added (tombstones stay tombstones); a newer version replaces the
        stored one (a newer tombstone deletes it); older or identical ones change nothing.
        Merging the same records again changes nothing. Invalid records raise ValueError
        and nothing is merged.
        """
        records = list(incoming)
        for record in records:
            _validate(record)
        added = updated = deleted = unchanged = 0
        with self._db.transaction() as conn:
            for record in records:
                current = self._fetch(conn, record.id)
                if current is None:
                    added += 1
                elif _precedence(record) <= _precedence(current):
                    unchanged += 1
                    continue
                elif record.deleted and not current.deleted:
                    deleted += 1
                else:
                    updated += 1
                conn.execute(_REPLACE, _to_params(record))
        return MergeSummary(added, updated, deleted, unchanged)

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
        condition = _STILL_EXPECTED if expected is not None else ""
        cursor = conn.execute(
            f"UPDATE annotations SET {assignments} WHERE id = :id{condition}",
            {**params, **_expected_params(expected)},
        )
        if cursor.rowcount != 1:
            raise AnnotationChangedError(AnnotationId(params["id"]), None)

    @staticmethod
    def _fetch(conn: sqlite3.Connection, annotation_id: AnnotationId) -> Annotation | None:
        row = conn.execute(f"{_SELECT} WHERE id = :id", {"id": annotation_id}).fetchone()
        return _from_row(row) if row is not None else None

    def _live(self, conn: sqlite3.Connection, annotation_id: AnnotationId) -> Annotation:
        current = self._fetch(conn, annotation_id)
        if current is None or current.deleted:
            raise AnnotationNotFoundError(annotation_id)
        return current
