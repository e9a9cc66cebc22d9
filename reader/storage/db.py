"""The notes database file: opening it safely, pragmas, migrations, transactions, errors."""

from __future__ import annotations

import enum
import os
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from reader.storage.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "Database",
    "Params",
    "StorageError",
    "StorageErrorKind",
    "newer_schema_message",
]

BUSY_TIMEOUT_MS = 5_000

Params = Mapping[str, Any] | Sequence[Any]
"""Bound parameters for a statement: a mapping for :name placeholders, or a sequence."""


class StorageErrorKind(enum.Enum):
    """What went wrong with the notes database, as far as the user is concerned."""

    BUSY = "busy"
    READ_ONLY = "read-only"
    DISK_FULL = "disk-full"
    CORRUPT = "corrupt"
    NOT_NOTES = "not-notes"
    CANNOT_OPEN = "cannot-open"
    IO_ERROR = "io-error"


class StorageError(Exception):
    """A problem caused by the environment (not a bug), with a message meant for the user."""

    def __init__(self, kind: StorageErrorKind, path: Path, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.path = path
        self.message = message
        # The SQLite or OS wording, for logs and bug reports rather than for the user.
        self.detail = detail


# Primary SQLite result codes (extended codes carry them in the low byte).
_KIND_BY_CODE = {
    3: StorageErrorKind.READ_ONLY,  # SQLITE_PERM
    5: StorageErrorKind.BUSY,  # SQLITE_BUSY
    6: StorageErrorKind.BUSY,  # SQLITE_LOCKED
    8: StorageErrorKind.READ_ONLY,  # SQLITE_READONLY
    10: StorageErrorKind.IO_ERROR,  # SQLITE_IOERR
    11: StorageErrorKind.CORRUPT,  # SQLITE_CORRUPT
    13: StorageErrorKind.DISK_FULL,  # SQLITE_FULL
    14: StorageErrorKind.CANNOT_OPEN,  # SQLITE_CANTOPEN
    26: StorageErrorKind.CORRUPT,  # SQLITE_NOTADB
}


def _message(kind: StorageErrorKind, path: Path) -> str:
    if kind is StorageErrorKind.BUSY:
        return (
            f"The notes database {path} is in use by another program (perhaps another "
            "Field Reader window) and stayed locked for too long. Your last change was not "
            "saved. Close the other program and try again."
        )
    if kind is StorageErrorKind.READ_ONLY:
        return (
            f"The notes database {path} cannot be written to: the file or its folder is "
            "read-only. Your last change was not saved. Check the permissions of the file "
            "and its folder, or move it to a writable place."
        )
    if kind is StorageErrorKind.DISK_FULL:
        return (
            f"The disk holding the notes database {path} is full. Your last change was not "
            "saved; your earlier notes are safe. Free some space and try again."
        )
    if kind is StorageErrorKind.CORRUPT:
        return (
            f"The notes database {path} is damaged or is not a database. It has been left "
            "exactly as it is. Keep a copy of it (it may still be recoverable), then move it "
            "away or restore it from a backup; once it is moved away, Field Reader starts "
            "a new, empty one."
        )
    if kind is StorageErrorKind.NOT_NOTES:
        return (
            f"The file {path} is a database, but not a Field Reader notes database. It has "
            "not been changed. Move it away or choose another location for your notes."
        )
    if kind is StorageErrorKind.CANNOT_OPEN:
        return (
            f"The notes database {path} could not be opened. Check that its folder exists, "
            "that you may write to it, and that the disk is connected."
        )
    return (
        f"The disk reported an error while reading or writing the notes database {path}. "
        "Your last change may not have been saved. Check the disk and try again."
    )


def _translate(error: sqlite3.Error, path: Path) -> StorageError | None:
    """The StorageError for an environment error, or None if the error is a bug."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return None
    kind = _KIND_BY_CODE.get(code & 0xFF)
    if kind is None:
        return None
    return StorageError(kind, path, _message(kind, path), str(error))


def newer_schema_message(found: int) -> str:
    """The explanation shown when a database was written by a newer Field Reader."""
    return (
        "This notes database was written by a newer version of Field Reader "
        f"(schema {found}, this version understands {SCHEMA_VERSION}). It was opened "
        "read-only: nothing will be changed. Update Field Reader to edit your notes."
    )


class Database:
    """An open notes database: WAL, synchronous=FULL, foreign keys, migrated on open.

    A database written by a newer Field Reader, or a file that cannot be written, is
    opened read-only: `read_only` is True, `read_only_reason` says why in words for the
    user, and every `transaction()` raises StorageError. Use one Database per thread
    (sqlite3 connections refuse to be shared across threads).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        """Open (creating if needed) and migrate the database at `path`."""
        self.path = Path(path)
        self.read_only = False
        self.read_only_reason: str | None = None
        self.file_schema_version = 0
        self._in_transaction = False
        self._conn = self._open()

    # -- opening --------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            exists = self.path.exists() and self.path.stat().st_size > 0
        except OSError as error:
            raise self._error(StorageErrorKind.CANNOT_OPEN, str(error)) from error
        if exists:
            # Look at an existing file through a read-only connection first, so that a
            # damaged, foreign or newer file is never written to, not even its header.
            probe = self._connect(read_only=True)
            try:
                version = self._inspect(probe)
            except BaseException:
                probe.close()
                raise
            self.file_schema_version = version
            if version > SCHEMA_VERSION:
                return self._use_read_only(probe, newer_schema_message(version))
            if not os.access(self.path, os.W_OK):
                if version < SCHEMA_VERSION:
                    probe.close()
                    raise self._error(StorageErrorKind.READ_ONLY, "read-only, needs migration")
                return self._use_read_only(probe, _message(StorageErrorKind.READ_ONLY, self.path))
            probe.close()
        conn = self._connect(read_only=False)
        try:
            with self._translated():
                conn.execute("PRAGMA journal_mode = WAL")
                # FULL: a note the user saw saved must survive a power cut.
                conn.execute("PRAGMA synchronous = FULL")
            self._migrate(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _connect(self, *, read_only: bool) -> sqlite3.Connection:
        mode = "ro" if read_only else "rwc"
        # A file: URI (percent-encoded by pathlib) is the only way to ask for mode=ro.
        uri = f"{self.path.resolve().as_uri()}?mode={mode}"
        with self._translated():
            # isolation_level=None: transactions are only the ones transaction() opens.
            conn = sqlite3.connect(uri, uri=True, isolation_level=None)
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
        return conn

    def _inspect(self, conn: sqlite3.Connection) -> int:
        """Check that `conn` holds an intact notes database and return its schema version."""
        with self._translated():
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
            has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
            check = [row[0] for row in conn.execute("PRAGMA quick_check")]
        if check != ["ok"]:
            raise self._error(StorageErrorKind.CORRUPT, "; ".join(check)[:500])
        foreign = application_id not in (0, APPLICATION_ID)
        if foreign or (application_id == 0 and version == 0 and has_tables):
            raise self._error(StorageErrorKind.NOT_NOTES, f"application_id={application_id}")
        return version

    def _use_read_only(self, conn: sqlite3.Connection, reason: str) -> sqlite3.Connection:
        with self._translated():
            # Belt and braces on top of mode=ro: refuse writes in SQLite itself too.
            conn.execute("PRAGMA query_only = ON")
        self.read_only = True
        self.read_only_reason = reason
        return conn

    def _migrate(self, conn: sqlite3.Connection) -> None:
        with self._translated():
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if version == SCHEMA_VERSION:
                self.file_schema_version = version
                return
            # One explicit transaction (not executescript, which commits on its own);
            # BEGIN IMMEDIATE so that two processes cannot migrate at the same time.
            conn.execute("BEGIN IMMEDIATE")
            try:
                version = int(conn.execute("PRAGMA user_version").fetchone()[0])
                if version > SCHEMA_VERSION:
                    # Another, newer Field Reader migrated it while we were opening.
                    raise self._error(StorageErrorKind.READ_ONLY, newer_schema_message(version))
                for migration in MIGRATIONS[version:]:
                    for statement in migration:
                        conn.execute(statement)
                # The version goes last: a half-applied migration is never marked done.
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.rollback()
                raise
        self.file_schema_version = SCHEMA_VERSION

    # -- use --------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run the block in one write transaction: commit if it ends normally, else roll back.

        Environment errors raised inside the block, or by the commit, become StorageError.
        """
        if self.read_only:
            raise self._error(StorageErrorKind.READ_ONLY, "opened read-only", self.read_only_reason)
        if self._in_transaction:
            raise RuntimeError("transactions do not nest: one per user action")
        conn = self._conn
        self._in_transaction = True
        try:
            with self._translated():
                # IMMEDIATE takes the write lock now, so a busy database fails here
                # (after busy_timeout) instead of half-way through the block.
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield conn
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        conn.rollback()
                    raise
        finally:
            self._in_transaction = False

    def query(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        """Run a read-only statement with bound parameters and return all its rows."""
        with self._translated():
            return self._conn.execute(sql, params).fetchall()

    def query_one(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        """Run a read-only statement with bound parameters and return its first row."""
        with self._translated():
            row: sqlite3.Row | None = self._conn.execute(sql, params).fetchone()
            return row

    def close(self) -> None:
        """Close the connection (a WAL checkpoint happens if this was the last one)."""
        with self._translated():
            self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- errors -----------------------------------------------------------------

    def _error(
        self, kind: StorageErrorKind, detail: str, message: str | None = None
    ) -> StorageError:
        return StorageError(kind, self.path, message or _message(kind, self.path), detail)

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            translated = _translate(error, self.path)
            if translated is None:
                raise
            raise translated from error
