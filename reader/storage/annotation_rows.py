"""How an Annotation sits in a row of the annotations table: columns, statements, conversions."""

from __future__ import annotations

import sqlite3
from typing import Any, cast

from reader.core.anchoring import Target, TextPositionSelector, TextQuoteSelector
from reader.core.notes import Annotation, AnnotationId, Colour, Kind

__all__ = [
    "INSERT",
    "REPLACE",
    "SELECT",
    "STILL_EXPECTED",
    "expected_params",
    "from_row",
    "to_params",
]

COLUMNS = (
    "id, chapter, created, modified, colour, note, quote_exact, quote_prefix, quote_suffix, "
    "position_start, position_end, deleted, kind, previous_quote, library"
)
INSERT = (
    f"INSERT INTO annotations ({COLUMNS}) VALUES (:id, :chapter, :created, :modified, "
    ":colour, :note, :quote_exact, :quote_prefix, :quote_suffix, :position_start, "
    ":position_end, :deleted, :kind, :previous_quote, :library)"
)
REPLACE = INSERT.replace("INSERT INTO", "INSERT OR REPLACE INTO", 1)
SELECT = f"SELECT {COLUMNS} FROM annotations"

# Appended to an UPDATE's WHERE clause by conditional writes: the row is only written
# while it still holds the expected version (the same test as notes.same_version()).
STILL_EXPECTED = (
    " AND modified = :v_modified AND deleted = :v_deleted AND colour = :v_colour AND note = :v_note"
)


def expected_params(expected: Annotation | None) -> dict[str, Any]:
    """The parameters STILL_EXPECTED binds for `expected` (none without it)."""
    if expected is None:
        return {}
    return {
        "v_modified": expected.modified,
        "v_deleted": int(expected.deleted),
        "v_colour": expected.colour,
        "v_note": expected.note,
    }


def from_row(row: sqlite3.Row) -> Annotation:
    """The Annotation a row of the annotations table holds."""
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
        kind=cast(Kind, row["kind"]),
        previous_quote=row["previous_quote"],
        library=row["library"],
    )


def to_params(annotation: Annotation) -> dict[str, Any]:
    """The named parameters INSERT and REPLACE bind for `annotation`."""
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
        "kind": annotation.kind,
        "previous_quote": annotation.previous_quote,
        "library": annotation.library,
    }
