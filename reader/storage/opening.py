"""Opening the notes file safely: looking before writing, pragmas, and read-only fallbacks."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.writable import folder_writable
from reader.storage import migration, wal_pairing
from reader.storage.backup import make_backup
from reader.storage.errors import (
    StorageError,
    StorageErrorKind,
    message_for,
    read_only_folder_message,
    storage_error,
    translated,
)
from reader.storage.schema import APPLICATION_ID

__all__ = ["BUSY_TIMEOUT_MS", "OpenedFile", "empty_file_message", "open_notes_file"]

BUSY_TIMEOUT_MS = 5_000


def empty_file_message(path: Path) -> str:
    """The explanation for a notes file of zero bytes (it is never taken as a new one)."""
    return (
        f"The notes file {path} is empty (0 bytes): its contents were lost, perhaps when "
        "the disk was removed or full. It has been left as it is; Field Reader restores "
        "the newest backup when the window opens, or run 'field-reader recover'."
    )


@dataclass
class OpenedFile:
    """A connection to a notes file and what the user should know about the opening."""

    conn: sqlite3.Connection
    read_only_reason: str | None
    """Why the notes are shown read-only, in words; None when they can be changed."""
    file_schema_version: int
    notices: list[str] = field(default_factory=list)


def open_notes_file(path: Path, backups_dir: Path | None) -> OpenedFile:
    """Open (creating or migrating) the notes file at `path`, read-only where it must be.

    A newer schema, a file or folder that cannot be written, or a full disk give a
    read-only connection with the reason; anything the user cannot read raises
    StorageError. Before a migration a backup goes into `backups_dir` (if given).
    """
    return _Opening(path, backups_dir).open()


class _Opening:
    """The steps of one opening, sharing the path and what was found on the way."""

    def __init__(self, path: Path, backups_dir: Path | None) -> None:
        self.path = path
        self.backups_dir = backups_dir
        self.notices: list[str] = []
        self.version = 0

    def open(self) -> OpenedFile:
        conn, reason = self._open()
        return OpenedFile(conn, reason, self.version, self.notices)

    def _error(
        self, kind: StorageErrorKind, detail: str, message: str | None = None
    ) -> StorageError:
        return storage_error(kind, self.path, detail, message)

    def _open(self) -> tuple[sqlite3.Connection, str | None]:
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
            return self._create_or_migrate(None), None
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
        self.version = version
        current = migration.SCHEMA_VERSION
        if version > current:
            return self._use_read_only(probe), migration.newer_schema_message(version)
        file_writable = os.access(self.path, os.W_OK)
        if not writable or not file_writable:
            if version < current:
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
            return self._use_read_only(probe), reason
        try:
            conn = self._create_or_migrate(version)
        except StorageError as error:
            full = error.kind in (StorageErrorKind.DISK_FULL, StorageErrorKind.READ_ONLY)
            if full and version == current:
                # Reading needs no space: show the notes, say changes cannot be saved.
                return self._use_read_only(probe), message_for(error.kind, self.path, "open")
            probe.close()
            raise
        probe.close()
        return conn, None

    def _create_or_migrate(self, version: int | None) -> sqlite3.Connection:
        conn = self._connect(self._uri("rwc"))
        try:
            with translated(self.path, "open"):
                conn.execute("PRAGMA journal_mode = WAL")
                # FULL: a note the user saw saved must survive a power cut.
                conn.execute("PRAGMA synchronous = FULL")
                # Checkpoints happen only where the pairing record is kept up to date.
                conn.execute("PRAGMA wal_autocheckpoint = 0")
            if version is not None and 0 < version < migration.SCHEMA_VERSION and self.backups_dir:
                # Before every migration, a copy of the notes as they were (never pruned).
                make_backup(conn, self.backups_dir, self.path.stem, pre_migration_from=version)
            self.version = migration.migrate(conn, self.path)
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
                with translated(self.path, "open"):
                    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                return conn
            except StorageError as error:
                conn.close()
                if error.kind not in (StorageErrorKind.CANNOT_OPEN, StorageErrorKind.READ_ONLY):
                    raise
            # A read-only folder without the -shm index: read the file as it stands.
        return self._connect(self._uri("ro", immutable=True))

    def _connect(self, uri: str) -> sqlite3.Connection:
        with translated(self.path, "open"):
            # isolation_level=None: transactions are only the ones Database.transaction opens.
            conn = sqlite3.connect(uri, uri=True, isolation_level=None)
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
        return conn

    def _inspect(self, conn: sqlite3.Connection) -> int:
        """Check that `conn` holds an intact notes database and return its schema version."""
        with translated(self.path, "open"):
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

    def _use_read_only(self, conn: sqlite3.Connection) -> sqlite3.Connection:
        with translated(self.path, "open"):
            # Belt and braces on top of mode=ro: refuse writes in SQLite itself too.
            conn.execute("PRAGMA query_only = ON")
        return conn
