"""Writes of one stored annotation: the version a write starts from, and writing only over it."""

from __future__ import annotations

import sqlite3
from typing import Any

from reader.core.anchoring import TextPositionSelector
from reader.core.import_limits import MAX_POSITION
from reader.core.notes import (
    Annotation,
    AnnotationChangedError,
    AnnotationId,
    AnnotationNotFoundError,
    InvalidAnnotation,
    same_version,
)
from reader.storage.annotation_rows import SELECT, STILL_EXPECTED, expected_params, from_row

__all__ = ["check_position", "fetch", "fetch_live", "starting_version", "update_one"]


def check_position(start: int, end: int) -> TextPositionSelector:
    """The position `start`..`end`, refused (InvalidAnnotation) past any chapter's length."""
    position = TextPositionSelector(start, end)  # refuses a negative or reversed range
    if end > MAX_POSITION:
        raise InvalidAnnotation(
            f"the position {start}..{end} lies beyond {MAX_POSITION:,} characters, "
            "longer than any chapter"
        )
    return position


def fetch(
    conn: sqlite3.Connection, annotation_id: AnnotationId, library: str | None = None
) -> Annotation | None:
    """The stored record (live or tombstone) with this id, read on `conn`, or None.

    With `library`, a record of another library counts as none.
    """
    row = conn.execute(f"{SELECT} WHERE id = :id", {"id": annotation_id}).fetchone()
    if row is None or (library is not None and row["library"] != library):
        return None
    return from_row(row)


def fetch_live(
    conn: sqlite3.Connection, annotation_id: AnnotationId, library: str | None = None
) -> Annotation:
    """The live record with this id (of `library`, if given); AnnotationNotFoundError when
    missing, deleted or another library's."""
    current = fetch(conn, annotation_id, library)
    if current is None or current.deleted:
        raise AnnotationNotFoundError(annotation_id)
    return current


def starting_version(
    conn: sqlite3.Connection,
    annotation_id: AnnotationId,
    expected: Annotation | None,
    *,
    live: bool,
    library: str | None = None,
) -> Annotation:
    """The stored version a write starts from, checked against `expected` first.

    A version other than the expected one is a conflict even when it is a tombstone
    (deleted elsewhere), so a conditional write never reports "not found" for it.
    """
    current = fetch(conn, annotation_id, library)
    if expected is not None and (current is None or not same_version(current, expected)):
        raise AnnotationChangedError(annotation_id, current)
    if current is None or (live and current.deleted):
        raise AnnotationNotFoundError(annotation_id)
    return current


def update_one(
    conn: sqlite3.Connection,
    assignments: str,
    params: dict[str, Any],
    expected: Annotation | None,
) -> None:
    """UPDATE one annotation; with `expected`, only while it still holds that version."""
    # `assignments` is a code constant; the version test repeats in SQL what
    # starting_version() checked, so the write itself can never replace another version.
    condition = STILL_EXPECTED if expected is not None else ""
    cursor = conn.execute(
        f"UPDATE annotations SET {assignments} WHERE id = :id{condition}",
        {**params, **expected_params(expected)},
    )
    if cursor.rowcount != 1:
        raise AnnotationChangedError(AnnotationId(params["id"]), None)
