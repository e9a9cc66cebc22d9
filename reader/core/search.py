"""The search index: an SQLite FTS5 cache of chapter sections and notes that can always be rebuilt.

The cache lives apart from the notes database (`<data-dir>/cache/search.sqlite3`): when it
is corrupt or from another version it is deleted and rebuilt from the chapters, because it
holds nothing that cannot be derived again. Chapters are re-indexed only when their content
hash changed. Without FTS5 the same tables hold folded text for plain substring matching.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from functools import partial
from pathlib import Path
from types import TracebackType

from reader.core.data_folder import SEARCH_CACHE_FILE, DataFolder
from reader.core.document import load_document
from reader.core.library import Chapter, ChapterChangedError, Library
from reader.core.notes import Annotation
from reader.core.placement import place_annotations, stored_spans
from reader.core.search_hits import fts5_hits, plain_hits
from reader.core.search_parts import plain_sections
from reader.core.search_query import (
    WORD_RE,
    Query,
    fold,
    parse_query,
    strip_markers,
)
from reader.core.search_types import (
    NoteEntry,
    SearchHit,
    SearchIndexError,
    Section,
    SyncReport,
)

log = logging.getLogger(__name__)

# 2: long sections are stored in parts, each with its plain-text range (start, stop),
# and entries are indexed by start.
SCHEMA_VERSION = 2
CACHE_NAME = SEARCH_CACHE_FILE
DEFAULT_LIMIT = 50
FALLBACK_NOTICE = (
    "Fast search is not available: this Python's SQLite has no FTS5, "
    "so search uses slower plain matching."
)
# A write transaction of the build is kept short so that readers (the search panel) and
# note updates are never held up for long.
_BATCH_SECONDS = 0.25
# SQLite primary result codes for failures of the environment rather than of the code.
_ENVIRONMENT_CODES = {3: "permission denied", 5: "busy", 6: "locked", 8: "read-only",
                      10: "disk I/O error", 13: "disk full", 14: "cannot open"}  # fmt: skip
_CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB


def index_path(data_dir: Path) -> Path:
    """Where the search cache of the data folder `data_dir` lives."""
    return DataFolder(data_dir).search_cache


def fts5_available() -> bool:
    """Whether this Python's SQLite can build FTS5 tables with the tokenizer we need."""
    try:
        with closing(sqlite3.connect(":memory:")) as conn:
            conn.execute(
                "CREATE VIRTUAL TABLE probe USING fts5(x, tokenize='unicode61 remove_diacritics 2')"
            )
    except sqlite3.Error:
        return False
    return True


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", strip_markers(text))


def chapter_sections(chapter: Chapter, root: Path) -> list[Section]:
    """The sections of a chapter's plain text, with their heading ids and titles; a long
    section comes as several parts (see reader/core/search_parts.py)."""
    doc = load_document(chapter, root)
    titles = {heading.id: heading.title for heading in doc.rendered.headings}
    return plain_sections(doc.plain, titles)


def _folded_words(*texts: str) -> str:
    # Spaces around every word let the fallback match whole words and word starts.
    return " " + " ".join(WORD_RE.findall(fold(" ".join(texts)))) + " "


def _note_digest(note: NoteEntry) -> str:
    parts = (note.chapter, note.heading_id or "", note.quote, note.note)
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()


def _result_code(error: sqlite3.Error) -> int:
    return int(getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF


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
        with self._environment():
            self._conn = self._open()

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

    # -- opening -------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self._path, timeout=5.0, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        # Losing the last commits of a cache on a power cut costs only a re-index.
        conn.execute("PRAGMA synchronous=NORMAL")
        return conn

    def _open(self) -> sqlite3.Connection:
        mode = "fts5" if self._fts5 else "plain"
        try:
            conn = self._connect()
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version == 0 and not conn.execute("SELECT 1 FROM sqlite_master").fetchone():
                self._create(conn, mode)
                return conn
            stored = conn.execute("SELECT value FROM meta WHERE key = 'mode'").fetchone()
            if version == SCHEMA_VERSION and stored is not None and stored[0] == mode:
                return conn
            conn.close()
            reason = f"from another version (schema {version}, {stored[0] if stored else '?'})"
        except sqlite3.DatabaseError as error:
            if _result_code(error) in _ENVIRONMENT_CODES:
                raise
            reason = f"unreadable ({error})"
        log.warning("The search cache %s is %s: rebuilding it.", self._path, reason)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self._path}{suffix}").unlink(missing_ok=True)
        conn = self._connect()
        self._create(conn, mode)
        return conn

    def _create(self, conn: sqlite3.Connection, mode: str) -> None:
        if mode == "fts5":
            texts = (
                "CREATE VIRTUAL TABLE texts USING fts5(heading, body, quote, "
                "tokenize='unicode61 remove_diacritics 2');"
                # Heading words weigh most, then quotes, then the running text.
                "INSERT INTO texts(texts, rank) VALUES ('rank', 'bm25(4.0, 1.0, 2.0)');"
            )
        else:
            texts = (
                "CREATE TABLE texts (id INTEGER PRIMARY KEY, heading TEXT NOT NULL, "
                "body TEXT NOT NULL, quote TEXT NOT NULL, folded TEXT NOT NULL);"
            )
        conn.executescript(
            "BEGIN;"
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
            "CREATE TABLE chapters (slug TEXT PRIMARY KEY, hash TEXT NOT NULL, "
            "title TEXT NOT NULL);"
            "CREATE TABLE entries (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, "
            "chapter TEXT NOT NULL, heading TEXT, heading_title TEXT NOT NULL DEFAULT '', "
            "start INTEGER, stop INTEGER, note_id TEXT UNIQUE, digest TEXT);"
            # With `start`: heading_at finds a note's section by one index step (a chapter
            # of 24,000 sections took 7 ms per note on the UI thread without it).
            "CREATE INDEX entries_by_chapter ON entries (chapter, kind, start);"
            f"{texts}"
            f"INSERT INTO meta VALUES ('mode', '{mode}');"
            f"PRAGMA user_version = {SCHEMA_VERSION};"
            "COMMIT;"
        )

    @contextmanager
    def _environment(self) -> Iterator[None]:
        """Turn failures of the disk or file system into SearchIndexError."""
        try:
            yield
        except sqlite3.Error as error:
            code = _result_code(error)
            if code not in _ENVIRONMENT_CODES:
                raise
            raise SearchIndexError(
                f"The search cache {self._path} cannot be used ({_ENVIRONMENT_CODES[code]})."
            ) from error

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._environment():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

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
                batch.append((chapter, chapter_sections(chapter, library.root)))
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
                    title = _clean(section.title)
                    row = conn.execute(
                        "INSERT INTO entries (kind, chapter, heading, heading_title, start, stop) "
                        "VALUES ('text', ?, ?, ?, ?, ?)",
                        (chapter.slug, section.heading_id, title, section.start, section.end),
                    ).lastrowid
                    # Only a section's first part carries its heading's words: the heading
                    # weighs most, and every part of a long section would otherwise outrank
                    # the other sections that use the word.
                    heading = title if section.part == 0 else ""
                    self._insert_text(conn, row, heading, _clean(section.text), "")
                conn.execute(
                    "INSERT OR REPLACE INTO chapters (slug, hash, title) VALUES (?, ?, ?)",
                    (chapter.slug, chapter.content_hash, _clean(chapter.title)),
                )

    def _insert_text(
        self, conn: sqlite3.Connection, row: int | None, heading: str, body: str, quote: str
    ) -> None:
        if self._fts5:
            conn.execute(
                "INSERT INTO texts (rowid, heading, body, quote) VALUES (?, ?, ?, ?)",
                (row, heading, body, quote),
            )
        else:
            conn.execute(
                "INSERT INTO texts (rowid, heading, body, quote, folded) VALUES (?, ?, ?, ?, ?)",
                (row, heading, body, quote, _folded_words(body, quote)),
            )

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
        """The notes to index from annotations: live ones with a note (bare highlights
        would only repeat the chapter text), each placed under its section's heading."""
        by_chapter: dict[str, list[Annotation]] = {}
        for item in annotations:
            if not item.deleted and item.note.strip():
                by_chapter.setdefault(item.chapter, []).append(item)
        entries: list[NoteEntry] = []
        for chapter, items in by_chapter.items():
            # Filed at their stored positions (the window keeps them current), under the
            # indexed sections: no chapter text needs loading here.
            places = place_annotations(
                items, None, spans=stored_spans(items), heading_at=partial(self.heading_at, chapter)
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

    def update_notes(self, notes: Iterable[NoteEntry]) -> int:
        """Index or re-index these notes (unchanged ones are skipped); returns how many changed."""
        changed = 0
        with self._transaction() as conn:
            for note in notes:
                digest = _note_digest(note)
                row = conn.execute(
                    "SELECT digest FROM entries WHERE note_id = ?", (note.id,)
                ).fetchone()
                if row is not None and row[0] == digest:
                    continue
                self._delete_note(conn, note.id)
                rowid = conn.execute(
                    "INSERT INTO entries (kind, chapter, heading, note_id, digest) "
                    "VALUES ('note', ?, ?, ?, ?)",
                    (note.chapter, note.heading_id, note.id, digest),
                ).lastrowid
                self._insert_text(conn, rowid, "", _clean(note.note), _clean(note.quote))
                changed += 1
        return changed

    def remove_note(self, note_id: str) -> None:
        """Take a note out of the index (nothing happens when it is not there)."""
        with self._transaction() as conn:
            self._delete_note(conn, note_id)

    def replace_notes(self, notes: Iterable[NoteEntry]) -> int:
        """Make the indexed notes exactly `notes`; returns how many were added, changed, removed."""
        wanted = list(notes)
        keep = {note.id for note in wanted}
        indexed = [
            r[0] for r in self._conn.execute("SELECT note_id FROM entries WHERE kind = 'note'")
        ]
        gone = [note_id for note_id in indexed if note_id not in keep]
        with self._transaction() as conn:
            for note_id in gone:
                self._delete_note(conn, note_id)
        return len(gone) + self.update_notes(wanted)

    def _delete_note(self, conn: sqlite3.Connection, note_id: str) -> None:
        conn.execute(
            "DELETE FROM texts WHERE rowid IN (SELECT id FROM entries WHERE note_id = ?)",
            (note_id,),
        )
        conn.execute("DELETE FROM entries WHERE note_id = ?", (note_id,))

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
            code = _result_code(error)
            if code not in _CORRUPT_CODES and code not in _ENVIRONMENT_CODES:
                raise
            log.error("Search failed on the cache %s: %s", self._path, error)
            return []
