"""The notes database file: opening it safely, pragmas, migrations, transactions, errors."""

from __future__ import annotations

import logging
import os
import sqlite3
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from reader.storage import wal_pairing
from reader.storage.backup import BACKUP_FOLDER, make_backup
from reader.storage.errors import (
    Context,
    StorageError,
    StorageErrorKind,
    message_for,
    read_only_folder_message,
    translate,
)
from reader.storage.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "Database",
    "Params",
    "StorageError",
    "StorageErrorKind",
    "empty_file_message",
    "newer_schema_message",
]

_log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5_000
CHECKPOINT_WAL_BYTES = 4 * 1024 * 1024
"""Checkpoint after a commit once the log is this big (SQLite's own automatic one is off)."""

Params = Mapping[str, Any] | Sequence[Any]
"""Bound parameters for a statement: a mapping for :name placeholders, or a sequence."""


def newer_schema_message(found: int) -> str:
    """The explanation shown when a database was written by a newer Field Reader."""
    return (
        "This notes database was written by a newer version of Field Reader "
        f"(schema {found}, this version understands {SCHEMA_VERSION}). It was opened "
        "read-only: nothing will be changed. Update Field Reader to edit your notes."
    )


def empty_file_message(path: Path) -> str:
    """The explanation for a notes file of zero bytes (it is never taken as a new one)."""
    return (
        f"The notes file {path} is empty (0 bytes): its contents were lost, perhaps when "
        "the disk was removed or full. It has been left as it is; Field Reader restores "
        "the newest backup when the window opens, or run 'field-reader recover'."
    )


def folder_writable(folder: Path) -> bool:
    """Whether a file can really be created in `folder` (os.access and a real attempt).

    os.access alone misreports read-only media and network shares, and says yes to root.
    """
    if not os.access(folder, os.W_OK):
        return False
    try:
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".write-test-")
        os.close(fd)
        os.unlink(probe)
    except OSError:
        return False
    return True


class Database:
    """An open notes database: WAL, synchronous=FULL, foreign keys, migrated on open.

    A database written by a newer Field Reader, a file or folder that cannot be written, or
    a full disk at opening time opens read-only: `read_only` is True, `read_only_reason`
    says why in words for the user, and every `transaction()` raises StorageError.
    `notices` lists anything else the user should be told about this opening (a stray
    change log moved aside). After a change, closing takes a backup into `backups/`.
    Use one Database per thread (sqlite3 connections refuse to be shared across threads).
    """

    def __init__(self, path: str | os.PathLike[str], *, keep_backups: bool = True) -> None:
        """Open and migrate the database at `path`, creating it if there is no file."""
        self.path = Path(path)
        self.read_only = False
        self.read_only_reason: str | None = None
        self.notices: list[str] = []
        self.file_schema_version = 0
        self.changed = False
        """Whether a transaction was committed since opening (closing then takes a backup)."""
        self.backups_dir: Path | None = self.path.parent / BACKUP_FOLDER if keep_backups else None
        self.last_backup: Path | None = None
        self.backup_error: StorageError | None = None
        self._in_transaction = False
        self._closed = False
        self._conn = self._open()
        wal_pairing.note_open(self.path)
        if not self.read_only:
            wal_pairing.record_pairing(self.path)

    # -- opening --------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            size = self.path.stat().st_size if self.path.exists() else None
            writable = folder_writable(folder)
        except OSError as error:
            raise self._error(StorageErrorKind.CANNOT_OPEN, str(error)) from error
        if size == 0:
            # Never silently a new, empty database: the notes that were there are gone.
            raise self._error(
                StorageErrorKind.CORRUPT, "zero-length file", empty_file_message(self.path)
            )
        if size is None:
            if not writable:
                raise self._error(
                    StorageErrorKind.READ_ONLY,
                    "folder not writable",
                    f"Your notes cannot be kept in {folder}: the folder cannot be written to. "
                    "Choose another folder with --data-dir.",
                )
            return self._create_or_migrate(None)
        immutable = False
        if writable:
            try:
                notice = wal_pairing.set_aside_stray_wal(self.path)
            except OSError as error:
                raise self._error(StorageErrorKind.CANNOT_OPEN, f"stray log: {error}") from error
            if notice:
                self.notices.append(notice)
        else:
            stray = wal_pairing.stray_wal_reason(self.path)
            if stray is not None:
                # It cannot be moved here; immutable=1 reads the file and ignores the log.
                immutable = True
                self.notices.append(
                    "A leftover change log beside your notes file did not belong to it "
                    f"({stray}); it was ignored and left where it is."
                )
        # Look at an existing file through a read-only connection first, so that a
        # damaged, foreign or newer file is never written to, not even its header.
        probe = self._connect_read_only(immutable)
        try:
            version = self._inspect(probe)
        except BaseException:
            probe.close()
            raise
        self.file_schema_version = version
        if version > SCHEMA_VERSION:
            return self._use_read_only(probe, newer_schema_message(version))
        file_writable = os.access(self.path, os.W_OK)
        if not writable or not file_writable:
            if version < SCHEMA_VERSION:
                probe.close()
                raise self._error(
                    StorageErrorKind.READ_ONLY,
                    "read-only, needs migration",
                    f"Your notes in {self.path} need updating for this version of Field "
                    "Reader, but the file or its folder cannot be written to, so they cannot "
                    "be opened here. Nothing was changed.",
                )
            reason = (
                read_only_folder_message(folder)
                if not writable
                else f"Your notes are shown read-only because the file {self.path} cannot "
                "be written to; changes cannot be saved."
            )
            return self._use_read_only(probe, reason)
        try:
            conn = self._create_or_migrate(version)
        except StorageError as error:
            full = error.kind in (StorageErrorKind.DISK_FULL, StorageErrorKind.READ_ONLY)
            if full and version == SCHEMA_VERSION:
                # Reading needs no space: show the notes, say changes cannot be saved.
                return self._use_read_only(probe, message_for(error.kind, self.path, "open"))
            probe.close()
            raise
        probe.close()
        return conn

    def _create_or_migrate(self, version: int | None) -> sqlite3.Connection:
        conn = self._connect(self._uri("rwc"))
        try:
            with self._translated("open"):
                conn.execute("PRAGMA journal_mode = WAL")
                # FULL: a note the user saw saved must survive a power cut.
                conn.execute("PRAGMA synchronous = FULL")
                # Checkpoints happen only where the pairing record is kept up to date.
                conn.execute("PRAGMA wal_autocheckpoint = 0")
            if version is not None and 0 < version < SCHEMA_VERSION and self.backups_dir:
                # Before every migration, a copy of the notes as they were (never pruned).
                make_backup(conn, self.backups_dir, self.path.stem, pre_migration_from=version)
            self._migrate(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _uri(self, mode: str, immutable: bool = False) -> str:
        # A file: URI (percent-encoded by pathlib) is the only way to ask for mode=ro.
        extra = "&immutable=1" if immutable else ""
        return f"{self.path.resolve().as_uri()}?mode={mode}{extra}"

    def _connect_read_only(self, immutable: bool) -> sqlite3.Connection:
        if not immutable:
            conn = self._connect(self._uri("ro"))
            try:
                with self._translated("open"):
                    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                return conn
            except StorageError as error:
                conn.close()
                if error.kind not in (StorageErrorKind.CANNOT_OPEN, StorageErrorKind.READ_ONLY):
                    raise
            # A read-only folder without the -shm index: read the file as it stands.
        return self._connect(self._uri("ro", immutable=True))

    def _connect(self, uri: str) -> sqlite3.Connection:
        with self._translated("open"):
            # isolation_level=None: transactions are only the ones transaction() opens.
            conn = sqlite3.connect(uri, uri=True, isolation_level=None)
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
        return conn

    def _inspect(self, conn: sqlite3.Connection) -> int:
        """Check that `conn` holds an intact notes database and return its schema version."""
        with self._translated("open"):
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
        with self._translated("open"):
            # Belt and braces on top of mode=ro: refuse writes in SQLite itself too.
            conn.execute("PRAGMA query_only = ON")
        self.read_only = True
        self.read_only_reason = reason
        return conn

    def _migrate(self, conn: sqlite3.Connection) -> None:
        with self._translated("open"):
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
            self.changed = True
        finally:
            self._in_transaction = False
        self._checkpoint_if_large()

    def _checkpoint_if_large(self) -> None:
        """Copy a large log into the database file, keeping the pairing record honest."""
        wal = self.path.with_name(self.path.name + "-wal")
        try:
            if wal.stat().st_size < CHECKPOINT_WAL_BYTES:
                return
        except OSError:
            return
        wal_pairing.record_pairing(self.path, checkpointing=True)
        try:
            with self._translated():
                self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except StorageError as error:
            # The change itself is committed in the log; the checkpoint is retried later.
            _log.warning("checkpoint of %s failed: %s", self.path, error.detail)
        wal_pairing.record_pairing(self.path)

    def query(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        """Run a read-only statement with bound parameters and return all its rows."""
        with self._translated():
            return self._conn.execute(sql, params).fetchall()

    def query_one(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        """Run a read-only statement with bound parameters and return its first row."""
        with self._translated():
            row: sqlite3.Row | None = self._conn.execute(sql, params).fetchone()
            return row

    def backup(self) -> Path:
        """Take a backup into the backups folder now and return its path."""
        if self.backups_dir is None:
            raise RuntimeError("this Database was opened without backups")
        self.last_backup = make_backup(self._conn, self.backups_dir, self.path.stem)
        return self.last_backup

    def close(self) -> None:
        """Back up the notes if they changed, then close (the last connection checkpoints).

        A backup that cannot be written is logged and kept in `backup_error`: closing
        never fails because of it.
        """
        if self._closed:
            return
        self._closed = True
        writable = not self.read_only
        try:
            if self.changed and writable and self.backups_dir is not None:
                try:
                    self.backup()
                except StorageError as error:
                    self.backup_error = error
                    _log.warning("%s", error.message)
            if writable:
                wal_pairing.record_pairing(self.path, checkpointing=True)
            with self._translated():
                self._conn.close()
        finally:
            wal_pairing.forget_open(self.path)
        if writable:
            wal_pairing.record_pairing(self.path)

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
        return StorageError(kind, self.path, message or message_for(kind, self.path), detail)

    @contextmanager
    def _translated(self, context: Context = "change") -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            translated = translate(error, self.path, context)
            if translated is None:
                raise
            raise translated from error
