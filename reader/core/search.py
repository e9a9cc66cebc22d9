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
from reader.core.library import Chapter, Library
from reader.core.notes import Annotation
from reader.core.search_build import chapter_sections as chapter_sections
from reader.core.search_build import render_sections
from reader.core.search_hits import fts5_hits, plain_hits
from reader.core.search_notes import delete_note, indexed_note_ids, note_entries, write_notes
from reader.core.search_query import Query, parse_query
from reader.core.search_store import (
    CORRUPT_CODES,
    ENVIRONMENT_CODES,
    clean,
    environment,
    fts5_available,
    insert_texts,
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
# The build commits what it has every half second: each commit makes those chapters
# searchable, and a write transaction stays short (tens of milliseconds) so that note
# updates are never held up for long; committing more often costs FTS5 more merging.
_BATCH_SECONDS = 0.5


def index_path(data_dir: Path) -> Path:
    """Where the search cache of the data folder `data_dir` lives."""
    return DataFolder(data_dir).search_cache


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
        self._orphans_key: tuple[int, int] | None = None
        self._orphans_count = 0

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
        return self._stale(library, self._stored_hashes())

    @staticmethod
    def _stale(library: Library, stored: dict[str, str]) -> tuple[list[Chapter], list[str]]:
        changed = [c for c in library.chapters if stored.get(c.slug) != c.content_hash]
        present = {c.slug for c in library.chapters}
        return changed, sorted(slug for slug in stored if slug not in present)

    def sync(
        self,
        library: Library,
        *,
        should_stop: Callable[[], bool] | None = None,
        progress: Callable[[int, int], None] | None = None,
        workers: int | None = None,
        render_cache: Path | None = None,
    ) -> SyncReport:
        """Bring the index up to date with `library`, re-indexing only changed chapters.

        `progress(indexed, total)` is called after each batch is committed: how many of the
        library's chapters are now searchable, out of all. `workers` is how many processes
        render the chapters (None: chosen by the size of the work, 0: this thread only);
        a chapter already rendered in the `render_cache` folder is taken from there.
        """
        stored = self._stored_hashes()
        changed, removed = self._stale(library, stored)
        if removed:
            with self._transaction() as conn:
                for slug in removed:
                    self._delete_texts(conn, slug)
                    conn.execute("DELETE FROM chapters WHERE slug = ?", (slug,))
        unchanged = len(library.chapters) - len(changed)
        done: list[str] = []
        batch: list[tuple[Chapter, list[Section]]] = []
        started = time.monotonic()
        stop = should_stop if should_stop is not None else lambda: False
        for chapter, sections in render_sections(library, changed, stop, workers, render_cache):
            if sections is not None:
                batch.append((chapter, sections))
            if batch and time.monotonic() - started >= _BATCH_SECONDS:
                self._write(batch, stored)
                done += [c.slug for c, _ in batch]
                batch, started = [], time.monotonic()
                if progress is not None:
                    progress(unchanged + len(done), len(library.chapters))
        if batch:
            self._write(batch, stored)
            done += [c.slug for c, _ in batch]
            if progress is not None:
                progress(unchanged + len(done), len(library.chapters))
        if changed or removed:
            log.info("Search index: %d chapters indexed, %d removed.", len(done), len(removed))
        return SyncReport(tuple(done), tuple(removed), unchanged, len(done) == len(changed))

    def index_chapter(self, chapter: Chapter, sections: Iterable[Section]) -> None:
        """Replace the indexed sections of `chapter`."""
        self._write([(chapter, list(sections))], None)

    def _stored_hashes(self) -> dict[str, str]:
        return dict(self._conn.execute("SELECT slug, hash FROM chapters").fetchall())

    def _write(
        self, batch: list[tuple[Chapter, list[Section]]], stored: dict[str, str] | None
    ) -> None:
        """Write `batch` in one transaction; chapters not in `stored` (the slugs indexed
        when the build began; None: unknown) have no rows to delete first."""
        if not batch:
            return
        with self._transaction() as conn:
            for chapter, _ in batch:
                if stored is None or chapter.slug in stored:
                    self._delete_texts(conn, chapter.slug)
            # The ids are given here so that each table takes all its rows in one call.
            next_id = conn.execute("SELECT coalesce(max(id), 0) FROM entries").fetchone()[0]
            entries: list[tuple[object, ...]] = []
            texts: list[tuple[int, str, str]] = []
            for chapter, sections in batch:
                for section in sections:
                    next_id += 1
                    title = clean(section.title)
                    where = (section.start, section.end)
                    entries.append((next_id, chapter.slug, section.heading_id, title, *where))
                    # Only a section's first part carries its heading's words: the heading
                    # weighs most, and every part of a long section would otherwise outrank
                    # the other sections that use the word.
                    texts.append((next_id, title if section.part == 0 else "", clean(section.text)))
            conn.executemany(
                "INSERT INTO entries (id, kind, chapter, heading, heading_title, start, stop) "
                "VALUES (?, 'text', ?, ?, ?, ?, ?)",
                entries,
            )
            insert_texts(conn, self._fts5, texts)
            conn.executemany(
                "INSERT OR REPLACE INTO chapters (slug, hash, title) VALUES (?, ?, ?)",
                [(c.slug, c.content_hash, clean(c.title)) for c, _ in batch],
            )

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with transaction(self._conn, self._path) as conn:
            yield conn

    def _delete_texts(self, conn: sqlite3.Connection, slug: str) -> None:
        # Row by row: FTS5 cannot look up `rowid IN (...)` and would read the whole table.
        ids = conn.execute(
            "SELECT id FROM entries WHERE chapter = ? AND kind = 'text'", (slug,)
        ).fetchall()
        conn.executemany("DELETE FROM texts WHERE rowid = ?", ids)
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

    def _orphans(self) -> int:
        """How many indexed notes belong to chapters that are not (or not yet) indexed: the
        join of a search hides them. Counted again only when the cache changed (by this
        connection, or by another one: the indexing thread's)."""
        key = (self._conn.execute("PRAGMA data_version").fetchone()[0], self._conn.total_changes)
        if key != self._orphans_key:
            self._orphans_count = self._conn.execute(
                "SELECT count(*) FROM entries AS e WHERE e.kind = 'note' "
                "AND NOT EXISTS (SELECT 1 FROM chapters AS c WHERE c.slug = e.chapter)"
            ).fetchone()[0]
            self._orphans_key = key
        return self._orphans_count

    def search(self, query: str | Query, limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
        """The best `limit` results for `query`, best first; never fails on odd input."""
        parsed = parse_query(query) if isinstance(query, str) else query
        if parsed.empty or limit <= 0:
            return []
        try:
            orphans = self._orphans()
            if self._fts5:
                return fts5_hits(self._conn, parsed, limit, limit + orphans)
            return plain_hits(self._conn, parsed, limit)
        except sqlite3.DatabaseError as error:
            code = result_code(error)
            if code not in CORRUPT_CODES and code not in ENVIRONMENT_CODES:
                raise
            log.error("Search failed on the cache %s: %s", self._path, error)
            return []
