"""An open notes database: transactions, queries, checkpoints, and a backup on closing.

Opening the file (pragmas, read-only fallbacks) is in reader/storage/opening.py, migrations
in reader/storage/migration.py, and the errors the user is told about in errors.py.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from reader.storage import wal_pairing
from reader.storage.backup import BACKUP_FOLDER, make_backup
from reader.storage.errors import StorageError, StorageErrorKind, storage_error, translated
from reader.storage.opening import open_notes_file

# StorageError and StorageErrorKind are re-exported: most callers of Database catch them.
__all__ = ["Database", "Params", "StorageError", "StorageErrorKind"]

_log = logging.getLogger(__name__)

CHECKPOINT_WAL_BYTES = 4 * 1024 * 1024
"""Checkpoint after a commit once the log is this big (SQLite's own automatic one is off)."""

Params = Mapping[str, Any] | Sequence[Any]
"""Bound parameters for a statement: a mapping for :name placeholders, or a sequence."""


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
        opened = open_notes_file(self.path, self.backups_dir)
        self._conn = opened.conn
        self.read_only = opened.read_only_reason is not None
        self.read_only_reason = opened.read_only_reason
        self.notices = opened.notices
        self.file_schema_version = opened.file_schema_version
        wal_pairing.note_open(self.path)
        if not self.read_only:
            wal_pairing.record_pairing(self.path)

    # -- use --------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run the block in one write transaction: commit if it ends normally, else roll back.

        Environment errors raised inside the block, or by the commit, become StorageError.
        """
        if self.read_only:
            raise storage_error(
                StorageErrorKind.READ_ONLY, self.path, "opened read-only", self.read_only_reason
            )
        if self._in_transaction:
            raise RuntimeError("transactions do not nest: one per user action")
        conn = self._conn
        self._in_transaction = True
        try:
            with translated(self.path):
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
            with translated(self.path):
                self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except StorageError as error:
            # The change itself is committed in the log; the checkpoint is retried later.
            _log.warning("checkpoint of %s failed: %s", self.path, error.detail)
        wal_pairing.record_pairing(self.path)

    def query(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        """Run a read-only statement with bound parameters and return all its rows."""
        with translated(self.path):
            return self._conn.execute(sql, params).fetchall()

    def query_one(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        """Run a read-only statement with bound parameters and return its first row."""
        with translated(self.path):
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
            with translated(self.path):
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
