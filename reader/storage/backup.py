"""Backups of the notes database: online copies in `backups/`, checked, atomic and pruned.

A backup is taken with sqlite3's online backup into a temporary file in the backups
folder, switched to a single-file journal, flushed to disk, checked with
`PRAGMA quick_check` and only then renamed into place; only after that are older
backups pruned, so a failed backup never costs an older one. Kept: the newest 10, the
newest of each of the last 14 days, and every backup taken before a migration.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reader.core.data_folder import BACKUPS_FOLDER
from reader.storage.errors import StorageError, StorageErrorKind, translate
from reader.storage.schema import APPLICATION_ID

__all__ = [
    "BACKUP_FOLDER",
    "KEEP_DAILY_DAYS",
    "KEEP_LATEST",
    "BackupFile",
    "backup_is_good",
    "list_backups",
    "make_backup",
    "newest_good_backup",
    "prune_backups",
    "restore_backup",
]

BACKUP_FOLDER = BACKUPS_FOLDER
KEEP_LATEST = 10
KEEP_DAILY_DAYS = 14
_STAMP = "%Y-%m-%dT%H-%M-%SZ"
_NAME = re.compile(
    r"(?P<stem>.+?)-(?:pre-migration-v(?P<version>\d+)-)?"
    r"(?P<stamp>\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ)(?:-(?P<n>\d+))?\.sqlite3"
)
_STALE_TEMP_SECONDS = 3600


@dataclass(frozen=True, slots=True)
class BackupFile:
    """One backup file: when it was taken, and the schema it was taken before migrating."""

    path: Path
    taken: datetime
    pre_migration_from: int | None

    @property
    def pre_migration(self) -> bool:
        """Whether this backup was taken just before a migration (such backups are kept)."""
        return self.pre_migration_from is not None


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    if os.name == "posix":
        _fsync_path(folder)


def _failure(folder: Path, detail: str, kind: StorageErrorKind) -> StorageError:
    return StorageError(
        kind,
        folder,
        f"A backup of your notes could not be written to {folder} ({detail}). Your notes "
        "themselves are unaffected; older backups were kept.",
        detail,
    )


def backup_is_good(path: Path) -> bool:
    """Whether `path` is an intact Field Reader notes database (quick_check and its id)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        check = [row[0] for row in conn.execute("PRAGMA quick_check")]
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        return check == ["ok"] and app_id == APPLICATION_ID
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def make_backup(
    conn: sqlite3.Connection,
    folder: Path,
    stem: str,
    *,
    pre_migration_from: int | None = None,
    now: datetime | None = None,
) -> Path:
    """Copy the database behind `conn` into `folder`, check it, then prune older backups.

    Raises StorageError when the copy cannot be written or fails its check; in both cases
    nothing older is removed and no partial file is left.
    """
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    kind = f"pre-migration-v{pre_migration_from}-" if pre_migration_from is not None else ""
    base = f"{stem}-{kind}{moment.strftime(_STAMP)}"
    temp = folder / f".{base}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{base}.sqlite3"
        counter = 1
        while target.exists():  # two backups within one second
            counter += 1
            target = folder / f"{base}-{counter}.sqlite3"
        copy = sqlite3.connect(temp, isolation_level=None)
        try:
            conn.backup(copy)
            # A backup is one self-contained file: no -wal beside it.
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
        _fsync_path(temp)
        if not backup_is_good(temp):
            raise _failure(folder, "the copy failed its integrity check", StorageErrorKind.CORRUPT)
        os.replace(temp, target)
        _fsync_folder(folder)
    except sqlite3.Error as error:
        translated = translate(error, folder)
        if translated is None:
            raise
        raise _failure(folder, str(error), translated.kind) from error
    except OSError as error:
        raise _failure(folder, error.strerror or str(error), StorageErrorKind.IO_ERROR) from error
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    prune_backups(folder, stem, now=moment)
    return target


def list_backups(folder: Path, stem: str) -> list[BackupFile]:
    """The backups of the database named `stem` in `folder`, newest first."""
    found: list[BackupFile] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        match = _NAME.fullmatch(entry.name)
        if match is None or match["stem"] != stem:
            continue
        taken = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
        version = int(match["version"]) if match["version"] is not None else None
        found.append(BackupFile(entry, taken, version))
    found.sort(key=lambda b: (b.taken, b.path.name), reverse=True)
    return found


def prune_backups(folder: Path, stem: str, *, now: datetime | None = None) -> list[Path]:
    """Remove backups beyond the kept ones (see the module docstring); returns what went."""
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    regular = [b for b in list_backups(folder, stem) if not b.pre_migration]
    keep = {b.path for b in regular[:KEEP_LATEST]}
    first_day = (moment - timedelta(days=KEEP_DAILY_DAYS - 1)).date()
    days_seen: set[object] = set()
    for backup in regular:  # newest first, so the first of each day is that day's newest
        day = backup.taken.date()
        if day >= first_day and day not in days_seen:
            days_seen.add(day)
            keep.add(backup.path)
    removed: list[Path] = []
    for backup in regular:
        if backup.path not in keep:
            with contextlib.suppress(FileNotFoundError):
                backup.path.unlink()
                removed.append(backup.path)
    # Temporary files of backups interrupted by a crash (another process may be writing
    # a fresh one, hence the age limit).
    for leftover in folder.glob(f".{stem}-*.tmp"):
        with contextlib.suppress(OSError):
            if time.time() - leftover.stat().st_mtime > _STALE_TEMP_SECONDS:
                leftover.unlink()
    return removed


def newest_good_backup(folder: Path, stem: str) -> BackupFile | None:
    """The newest backup that passes backup_is_good, or None."""
    for backup in list_backups(folder, stem):
        if backup_is_good(backup.path):
            return backup
    return None


def restore_backup(backup: Path, target: Path) -> None:
    """Put a copy of `backup` at `target` atomically (temporary file, fsync, rename).

    Raises StorageError (or OSError) when the copy cannot be made; `target` is then untouched.
    """
    temp = target.with_name(f".{target.name}.restore.{os.getpid()}.tmp")
    try:
        source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        copy = sqlite3.connect(temp)
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
        _fsync_path(temp)
        os.replace(temp, target)
        _fsync_folder(target.parent)
    except sqlite3.Error as error:
        translated = translate(error, target)
        if translated is None:
            raise
        raise translated from error
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
