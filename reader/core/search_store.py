"""The search cache file: opening or rebuilding it, its two table layouts, and disk errors."""

from __future__ import annotations

import logging
import sqlite3
import unicodedata
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from reader.core.search_query import WORD_RE, fold, strip_markers
from reader.core.search_types import SearchIndexError

__all__ = [
    "CORRUPT_CODES",
    "ENVIRONMENT_CODES",
    "SCHEMA_VERSION",
    "clean",
    "environment",
    "fts5_available",
    "insert_text",
    "insert_texts",
    "open_cache",
    "result_code",
    "transaction",
]

log = logging.getLogger(__name__)

# 2: long sections are stored in parts, each with its plain-text range (start, stop),
# and entries are indexed by start.
SCHEMA_VERSION = 2
# SQLite primary result codes for failures of the environment rather than of the code.
ENVIRONMENT_CODES = {3: "permission denied", 5: "busy", 6: "locked", 8: "read-only",
                     10: "disk I/O error", 13: "disk full", 14: "cannot open"}  # fmt: skip
CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB


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


def result_code(error: sqlite3.Error) -> int:
    """The primary SQLite result code of `error` (0 when it carries none)."""
    return int(getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF


def clean(text: str) -> str:
    """Text as it is indexed: search markers stripped, composed (NFC)."""
    return unicodedata.normalize("NFC", strip_markers(text))


def _folded_words(*texts: str) -> str:
    # Spaces around every word let the fallback match whole words and word starts.
    return " " + " ".join(WORD_RE.findall(fold(" ".join(texts)))) + " "


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=5.0, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    # Losing the last commits of a cache on a power cut costs only a re-index.
    conn.execute("PRAGMA synchronous=NORMAL")
    return conn


def open_cache(path: Path, fts5: bool) -> sqlite3.Connection:
    """Open the cache at `path`, deleting and rebuilding it when unreadable or out of date.

    A cache from another schema or mode (FTS5 or plain) holds nothing that cannot be
    derived again; failures of the disk itself are raised as sqlite3 errors.
    """
    mode = "fts5" if fts5 else "plain"
    try:
        conn = _connect(path)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == 0 and not conn.execute("SELECT 1 FROM sqlite_master").fetchone():
            _create(conn, mode)
            return conn
        stored = conn.execute("SELECT value FROM meta WHERE key = 'mode'").fetchone()
        if version == SCHEMA_VERSION and stored is not None and stored[0] == mode:
            return conn
        conn.close()
        reason = f"from another version (schema {version}, {stored[0] if stored else '?'})"
    except sqlite3.DatabaseError as error:
        if result_code(error) in ENVIRONMENT_CODES:
            raise
        reason = f"unreadable ({error})"
    log.warning("The search cache %s is %s: rebuilding it.", path, reason)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    conn = _connect(path)
    _create(conn, mode)
    return conn


def _create(conn: sqlite3.Connection, mode: str) -> None:
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


def insert_text(
    conn: sqlite3.Connection, fts5: bool, row: int | None, heading: str, body: str, quote: str
) -> None:
    """Add the searchable text of entry `row` in the layout of the cache (FTS5 or plain)."""
    if fts5:
        conn.execute(
            "INSERT INTO texts (rowid, heading, body, quote) VALUES (?, ?, ?, ?)",
            (row, heading, body, quote),
        )
    else:
        conn.execute(
            "INSERT INTO texts (rowid, heading, body, quote, folded) VALUES (?, ?, ?, ?, ?)",
            (row, heading, body, quote, _folded_words(body, quote)),
        )


def insert_texts(conn: sqlite3.Connection, fts5: bool, rows: list[tuple[int, str, str]]) -> None:
    """Add many entries' searchable text at once: (row, heading, body), no quote."""
    if fts5:
        conn.executemany(
            "INSERT INTO texts (rowid, heading, body, quote) VALUES (?, ?, ?, '')", rows
        )
    else:
        conn.executemany(
            "INSERT INTO texts (rowid, heading, body, quote, folded) VALUES (?, ?, ?, '', ?)",
            [(row, heading, body, _folded_words(body, "")) for row, heading, body in rows],
        )


@contextmanager
def environment(path: Path) -> Iterator[None]:
    """Turn failures of the disk or file system on the cache `path` into SearchIndexError."""
    try:
        yield
    except sqlite3.Error as error:
        code = result_code(error)
        if code not in ENVIRONMENT_CODES:
            raise
        raise SearchIndexError(
            f"The search cache {path} cannot be used ({ENVIRONMENT_CODES[code]})."
        ) from error


@contextmanager
def transaction(conn: sqlite3.Connection, path: Path) -> Iterator[sqlite3.Connection]:
    """One write transaction on the cache: committed at the end, rolled back on error."""
    with environment(path):
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
