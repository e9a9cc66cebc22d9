"""Building notes databases of a given size for the storage tests, through the real store."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reader.core.anchoring import Target, TextPositionSelector, TextQuoteSelector
from reader.core.notes import Annotation, AnnotationId, format_timestamp
from reader.storage.annotations import AnnotationStore
from reader.storage.db import Database

# Opens (or creates) a notes database by name, as the core tests' `stores` fixture does.
StoreFactory = Callable[[str], AnnotationStore]

BASE = datetime(2026, 1, 1, tzinfo=UTC)


def annotation(i: int, *, note: str | None = None, seconds: int = 0) -> Annotation:
    """The i-th test annotation; `seconds` later makes a newer version of it."""
    stamp = format_timestamp(BASE + timedelta(seconds=i + seconds))
    return Annotation(
        id=AnnotationId(str(uuid.UUID(int=i + 1))),
        chapter=f"chapter-{i % 7}",
        created=format_timestamp(BASE + timedelta(seconds=i)),
        modified=stamp,
        colour="yellow",
        note=note if note is not None else f"note {i} " * (i % 5),
        target=Target(
            TextQuoteSelector(f"quote number {i}", "before ", " after"),
            TextPositionSelector(i * 10, i * 10 + 15),
        ),
    )


def make_notes(path: Path, count: int, *, first: int = 0, keep_backups: bool = False) -> None:
    """A closed notes database at `path` holding annotations first..first+count-1."""
    with Database(path, keep_backups=keep_backups) as db:
        AnnotationStore(db).merge(annotation(i) for i in range(first, first + count))


def live_ids(path: Path) -> set[str]:
    """The ids of live annotations in the database at `path`, read without Field Reader."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return {row[0] for row in conn.execute("SELECT id FROM annotations WHERE deleted = 0")}
    finally:
        conn.close()


def integrity(path: Path) -> str:
    """PRAGMA integrity_check of the database at `path`, as one string."""
    conn = sqlite3.connect(path)
    try:
        return "; ".join(row[0] for row in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()
