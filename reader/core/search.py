"""The search index: an SQLite FTS5 cache of chapter sections and notes that can always be rebuilt.

The cache lives apart from the notes database (`<data-dir>/cache/search.sqlite3`): when it
is corrupt or from another version it is deleted and rebuilt from the chapters, because it
holds nothing that cannot be derived again. Chapters are re-indexed only when their content
hash changed. Without FTS5 the same tables hold folded text for plain substring matching.
This module keeps the chapters' sections up to date and searches; the cache file and its
layouts are in search_store.py, the notes' entries in search_notes.py.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from reader.core.data_folder import SEARCH_CACHE_FILE, DataFolder
from reader.core.document import load_document
from reader.core.library import Chapter, ChapterChangedError, Library
from reader.core.notes import Annotation
from reader.core.rendered import FileTree
from reader.core.search_hits import fts5_hits, plain_hits
from reader.core.search_notes import delete_note, indexed_note_ids, note_entries, write_notes
from reader.core.search_parts import plain_sections
from reader.core.search_query import Query, parse_query
from reader.core.search_store import (
    CORRUPT_CODES,
    ENVIRONMENT_CODES,
    clean,
    environment,
    fts5_available,
    insert_text,
    open_cache,
    result_code,
    transaction,
)
from reader.core.search_types import NoteEntry, SearchHit, SearchIndexError, Section, SyncReport

log = logging.getLogger(__name__)

CACHE_NAME = SEARCH_CACHE_FILE
DEFAULT_LIMIT = 50
FALLBACK_NOTICE = (
    "Fast search is not available: this Python's SQLite has no FTS5, "
    "so search uses slower plain matching."
)
# A write transaction of the build is kept short so that readers (the search panel) and
# note updates are never held up for long.
_BATCH_SECONDS = 0.25


def index_path(data_dir: Path) -> Path:
    """Where the search cache of the data folder `data_dir` lives."""
    return DataFolder(data_dir).search_cache


def chapter_sections(chapter: Chapter, root: Path | FileTree) -> list[Section]:
    """The sections of a chapter's plain text, with their heading ids and titles; a long
    section comes as several parts (see reader/core/search_parts.py)."""
    doc = load_document(chapter, root)
    titles = {heading.id: heading.title for heading in doc.rendered.headings}
    return plain_sections(doc.plain, titles)


class SearchIndex:
    """The search cache of one data folder; use one instance per thread."""

    def __init__(self, path: Path, *, use_fts5: bool | None = None) -> None:
        self._path = path
        available = fts5_available()
        self._fts5 = available if use_fts5 is None else (use_fts5 and available)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise SearchIndexError(
                f"The search cache folder {path.parent} cannot be created ({error.strerror})."
            ) from None
        with environment(path):
            self._conn = open_cache(path, self._fts5)

    @classmethod
    def for_data_dir(cls, data_dir: Path, *, use_fts5: bool | None = None) -> SearchIndex:
        """The index kept in the cache folder of `data_dir`."""
        return cls(index_path(data_dir), use_fts5=use_fts5)

    @property
    def path(self) -> Path:
        """The cache database file."""
        return self._path

    @property
    def uses_fts5(self) -> bool:
        """Whether full-text search is used (else plain substring matching)."""
        return self._fts5

    def counts(self) -> dict[str, int]:
        """How many chapters, sections and notes are indexed."""
        kinds = dict(
            self._conn.execute("SELECT kind, count(*) FROM entries GROUP BY kind").fetchall()
        )
        chapters = self._conn.execute("SELECT count(*) FROM chapters").fetchone()[0]
        return {
            "chapters": chapters,
            "sections": kinds.get("text", 0),
            "notes": kinds.get("note", 0),
        }

    def take_fallback_notice(self) -> str | None:
        """The words telling the user that search is slower here: once, then None."""
        if self._fts5:
            return None
        with self._transaction() as conn:
            told = conn.execute("SELECT 1 FROM meta WHERE key = 'fallback-told'").fetchone()
            conn.execute("INSERT OR IGNORE INTO meta VALUES ('fallback-told', '1')")
        return None if told else FALLBACK_NOTICE

    def close(self) -> None:
        """Close the database connection."""
        self._conn.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- chapters ------------------------------------------------------------------------

    def stale(self, library: Library) -> tuple[list[Chapter], list[str]]:
        """The chapters whose content changed since indexing, and the slugs that are gone."""
        stored = dict(self._conn.execute("SELECT slug, hash FROM chapters").fetchall())
        changed = [c for c in library.chapters if stored.get(c.slug) != c.content_hash]
        present = {c.slug for c in library.chapters}
        return changed, sorted(slug for slug in stored if slug not in present)

    def sync(
        self,
        library: Library,
        *,
        should_stop: Callable[[], bool] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> SyncReport:
        """Bring the index up to date with `library`, re-indexing only changed chapters."""
        changed, removed = self.stale(library)
        if removed:
            with self._transaction() as conn:
                for slug in removed:
                    self._delete_texts(conn, slug)
                    conn.execute("DELETE FROM chapters WHERE slug = ?", (slug,))
        done: list[str] = []
        batch: list[tuple[Chapter, list[Section]]] = []
        started = time.monotonic()
        for chapter in changed:
            if should_stop is not None and should_stop():
                break
            try:
                batch.append((chapter, chapter_sections(chapter, library.files)))
            except ChapterChangedError as error:
                # Edited while the reader runs: it is indexed at the next start.
                log.info("Search index: skipped %s", error)
                continue
            if time.monotonic() - started >= _BATCH_SECONDS:
                self._write(batch)
                done += [c.slug for c, _ in batch]
                batch, started = [], time.monotonic()
                if progress is not None:
                    progress(len(done), len(changed))
        self._write(batch)
        done += [c.slug for c, _ in batch]
        if changed or removed:
            log.info("Search index: %d chapters indexed, %d removed.", len(done), len(removed))
        return SyncReport(
            tuple(done),
            tuple(removed),
            len(library.chapters) - len(changed),
            len(done) == len(changed),
        )

    def index_chapter(self, chapter: Chapter, sections: Iterable[Section]) -> None:
        """Replace the indexed sections of `chapter`."""
        self._write([(chapter, list(sections))])

    def _write(self, batch: list[tuple[Chapter, list[Section]]]) -> None:
        if not batch:
            return
        with self._transaction() as conn:
            for chapter, sections in batch:
                self._delete_texts(conn, chapter.slug)
                for section in sections:
                    title = clean(section.title)
                    row = conn.execute(
                        "INSERT INTO entries (kind, chapter, heading, heading_title, start, stop) "
                        "VALUES ('text', ?, ?, ?, ?, ?)",
                        (chapter.slug, section.heading_id, title, section.start, section.end),
                    ).lastrowid
                    # Only a section's first part carries its heading's words: the heading
                    # weighs most, and every part of a long section would otherwise outrank
                    # the other sections that use the word.
                    heading = title if section.part == 0 else ""
                    insert_text(conn, self._fts5, row, heading, clean(section.text), "")
                conn.execute(
                    "INSERT OR REPLACE INTO chapters (slug, hash, title) VALUES (?, ?, ?)",
                    (chapter.slug, chapter.content_hash, clean(chapter.title)),
                )

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with transaction(self._conn, self._path) as conn:
            yield conn

    def _delete_texts(self, conn: sqlite3.Connection, slug: str) -> None:
        conn.execute(
            "DELETE FROM texts WHERE rowid IN "
            "(SELECT id FROM entries WHERE chapter = ? AND kind = 'text')",
            (slug,),
        )
        conn.execute("DELETE FROM entries WHERE chapter = ? AND kind = 'text'", (slug,))

    def heading_at(self, chapter: str, offset: int) -> str | None:
        """The id of the indexed section of `chapter` holding plain-text `offset`, or None."""
        row = self._conn.execute(
            "SELECT heading FROM entries WHERE chapter = ? AND kind = 'text' AND start <= ? "
            "ORDER BY start DESC LIMIT 1",
            (chapter, offset),
        ).fetchone()
        return None if row is None else row[0]

    # -- notes ---------------------------------------------------------------------------

    def note_entries(self, annotations: Iterable[Annotation]) -> list[NoteEntry]:
        """The notes to index from annotations, each under its indexed section's heading."""
        return note_entries(annotations, self.heading_at)

    def update_notes(self, notes: Iterable[NoteEntry]) -> int:
        """Index or re-index these notes (unchanged ones are skipped); returns how many changed."""
        with self._transaction() as conn:
            return write_notes(conn, self._fts5, notes)

    def remove_note(self, note_id: str) -> None:
        """Take a note out of the index (nothing happens when it is not there)."""
        with self._transaction() as conn:
            delete_note(conn, note_id)

    def replace_notes(self, notes: Iterable[NoteEntry]) -> int:
        """Make the indexed notes exactly `notes`; returns how many were added, changed, removed."""
        wanted = list(notes)
        keep = {note.id for note in wanted}
        gone = [note_id for note_id in indexed_note_ids(self._conn) if note_id not in keep]
        with self._transaction() as conn:
            for note_id in gone:
                delete_note(conn, note_id)
        return len(gone) + self.update_notes(wanted)

    # -- searching -----------------------------------------------------------------------

    def search(self, query: str | Query, limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
        """The best `limit` results for `query`, best first; never fails on odd input."""
        parsed = parse_query(query) if isinstance(query, str) else query
        if parsed.empty or limit <= 0:
            return []
        try:
            # Notes of chapters that are not (or not yet) indexed are hidden by the join.
            orphans = self._conn.execute(
                "SELECT count(*) FROM entries AS e WHERE e.kind = 'note' "
                "AND NOT EXISTS (SELECT 1 FROM chapters AS c WHERE c.slug = e.chapter)"
            ).fetchone()[0]
            if self._fts5:
                return fts5_hits(self._conn, parsed, limit, limit + orphans)
            return plain_hits(self._conn, parsed, limit)
        except sqlite3.DatabaseError as error:
            code = result_code(error)
            if code not in CORRUPT_CODES and code not in ENVIRONMENT_CODES:
                raise
            log.error("Search failed on the cache %s: %s", self._path, error)
            return []
