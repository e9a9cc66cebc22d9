"""Notes in the search index: which notes are indexed, under which section, and their rows."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterable
from functools import partial

from reader.core.notes import Annotation
from reader.core.placement import place_annotations, stored_spans
from reader.core.search_store import clean, insert_text
from reader.core.search_types import NoteEntry

__all__ = ["delete_note", "indexed_note_ids", "note_entries", "write_notes"]


def note_entries(
    annotations: Iterable[Annotation], heading_at: Callable[[str, int], str | None]
) -> list[NoteEntry]:
    """The notes to index from annotations: live ones with a note (bare highlights would
    only repeat the chapter text), each placed under the heading `heading_at` gives for
    its chapter and stored position."""
    by_chapter: dict[str, list[Annotation]] = {}
    for item in annotations:
        if not item.deleted and item.note.strip():
            by_chapter.setdefault(item.chapter, []).append(item)
    entries: list[NoteEntry] = []
    for chapter, items in by_chapter.items():
        # Filed at their stored positions (the window keeps them current), under the
        # indexed sections: no chapter text needs loading here.
        places = place_annotations(
            items,
            None,
            spans=stored_spans(items),
            heading_at=partial(heading_at, chapter),
        )
        for placed in places:
            item = placed.annotation
            entries.append(
                NoteEntry(
                    str(item.id),
                    item.chapter,
                    placed.heading_id,
                    item.target.quote.exact,
                    item.note,
                )
            )
    return entries


def _digest(note: NoteEntry) -> str:
    parts = (note.chapter, note.heading_id or "", note.quote, note.note)
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()


def write_notes(conn: sqlite3.Connection, fts5: bool, notes: Iterable[NoteEntry]) -> int:
    """Index or re-index these notes in the open transaction, skipping unchanged ones;
    returns how many changed."""
    changed = 0
    for note in notes:
        digest = _digest(note)
        row = conn.execute("SELECT digest FROM entries WHERE note_id = ?", (note.id,)).fetchone()
        if row is not None and row[0] == digest:
            continue
        delete_note(conn, note.id)
        rowid = conn.execute(
            "INSERT INTO entries (kind, chapter, heading, note_id, digest) "
            "VALUES ('note', ?, ?, ?, ?)",
            (note.chapter, note.heading_id, note.id, digest),
        ).lastrowid
        insert_text(conn, fts5, rowid, "", clean(note.note), clean(note.quote))
        changed += 1
    return changed


def delete_note(conn: sqlite3.Connection, note_id: str) -> None:
    """Take a note's entry and text out of the index (nothing happens when it is not there)."""
    conn.execute(
        "DELETE FROM texts WHERE rowid IN (SELECT id FROM entries WHERE note_id = ?)",
        (note_id,),
    )
    conn.execute("DELETE FROM entries WHERE note_id = ?", (note_id,))


def indexed_note_ids(conn: sqlite3.Connection) -> list[str]:
    """The ids of every indexed note."""
    return [row[0] for row in conn.execute("SELECT note_id FROM entries WHERE kind = 'note'")]
