"""Opening the notes whatever state the file is in: damaged or empty files are rebuilt.

A damaged, truncated or zero-length notes file is renamed aside (never deleted), every
readable note is salvaged from it, the newest good backup is restored in its place and
the salvaged notes are merged into it (the newer version of each note wins). The user
is told in plain words what happened, how many notes came back and where the damaged
file is.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from reader.core.writable import folder_writable
from reader.storage.annotations import AnnotationStore
from reader.storage.backup import BACKUP_FOLDER, BackupFile, newest_good_backup, restore_backup
from reader.storage.db import Database
from reader.storage.errors import StorageError, StorageErrorKind
from reader.storage.future_dates import clamp_future_dates
from reader.storage.salvage import ScanResult, scan_file

__all__ = ["RecoveryReport", "open_notes", "recover_notes", "salvage_into"]


@dataclass(frozen=True, slots=True)
class RecoveryReport:
    """What a recovery did, with counts for the command line and a message for the user."""

    path: Path
    damaged_path: Path | None
    empty: bool
    rows_read: int
    rows_rejected: int
    rows_recovered: int
    rows_from_backup: int
    backup_used: Path | None
    notes_now: int
    message: str

    @property
    def recovered_anything(self) -> bool:
        """Whether any note came back, from the damaged file or from a backup."""
        return self.rows_recovered > 0 or self.rows_from_backup > 0


def _stamp(now: datetime) -> str:
    return now.astimezone(UTC).strftime("%Y-%m-%dT%H-%M-%SZ")


def _move_aside(path: Path, label: str, now: datetime) -> Path:
    """Rename `path` (and its -wal and -shm) to `<stem>-<label>-<time><suffix>` beside it."""
    target = path.with_name(f"{path.stem}-{label}-{_stamp(now)}{path.suffix}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.stem}-{label}-{_stamp(now)}-{counter}{path.suffix}")
    for ending in ("-wal", "-shm"):
        companion = path.with_name(path.name + ending)
        if companion.exists():
            os.replace(companion, target.with_name(target.name + ending))
    os.replace(path, target)
    return target


def _move_back(moved: Path, path: Path) -> None:
    """Undo _move_aside: `moved` (and its -wal and -shm) return to `path`."""
    for ending in ("-wal", "-shm"):
        companion = moved.with_name(moved.name + ending)
        if companion.exists():
            os.replace(companion, path.with_name(path.name + ending))
    os.replace(moved, path)


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def _describe(
    path: Path,
    damaged: Path | None,
    empty: bool,
    scan: ScanResult,
    backup: BackupFile | None,
    from_backup: int,
    notes_now: int,
) -> str:
    what = "was empty (0 bytes)" if empty else "was damaged"
    parts = [f"Your notes file {path} {what}."]
    if damaged is not None:
        parts.append(f"It was kept, renamed, as {damaged}.")
    if not empty:
        line = f"{_plural(len(scan.annotations), 'note')} could be read back from it"
        if scan.rejected:
            line += f" ({_plural(scan.rejected, 'damaged row')} could not be used)"
        parts.append(line + ".")
    if backup is not None:
        taken = backup.taken.strftime("%Y-%m-%d %H:%M UTC")
        parts.append(f"The backup of {taken} supplied {_plural(from_backup, 'note')}.")
    else:
        parts.append("No backup was found.")
    if notes_now == 0 and not scan.annotations and backup is None:
        parts.append("A new, empty notes file was started.")
    else:
        parts.append(f"Your notes now hold {_plural(notes_now, 'highlight')}.")
    return " ".join(parts)


def recover_notes(path: Path, now: datetime | None = None) -> RecoveryReport:
    """Rebuild the notes file at `path` from what is readable in it and the newest backup.

    Raises StorageError when the folder cannot be written (nothing is moved then).
    """
    moment = now or datetime.now(UTC)
    folder = path.parent
    if not folder_writable(folder):
        raise StorageError(
            StorageErrorKind.READ_ONLY,
            path,
            f"The notes file {path} is damaged, but its folder {folder} cannot be written "
            "to, so it cannot be repaired there. Copy the folder to a writable place and "
            "run 'field-reader recover' on the copy.",
        )
    damaged: Path | None = None
    empty = False
    scan = ScanResult()
    try:
        if path.exists():
            empty = path.stat().st_size == 0
            damaged = _move_aside(path, "empty" if empty else "damaged", moment)
    except OSError as error:
        raise StorageError(
            StorageErrorKind.IO_ERROR,
            path,
            f"The damaged notes file {path} could not be set aside "
            f"({error.strerror or error}). Nothing was changed.",
            str(error),
        ) from error
    try:
        if damaged is not None and not empty:
            scan = scan_file(damaged)
        backup = newest_good_backup(folder / BACKUP_FOLDER, path.stem)
        if backup is not None:
            restore_backup(backup.path, path)
        with Database(path) as db:
            store = AnnotationStore(db)
            from_backup = len(store.all_including_tombstones())
            store.merge(scan.annotations.values())
            notes_now = len(store.list())
    except (OSError, StorageError) as error:
        # Put the damaged file back, so that the next start tries again instead of
        # silently beginning with no notes; a half-built replacement is kept aside.
        if damaged is not None:
            if path.exists():
                _move_aside(path, "incomplete", moment)
            _move_back(damaged, path)
        if isinstance(error, StorageError):
            raise
        raise StorageError(
            StorageErrorKind.IO_ERROR,
            path,
            f"The notes file {path} could not be rebuilt ({error.strerror or error}). "
            "It was left as it was; nothing was deleted.",
            str(error),
        ) from error
    message = _describe(path, damaged, empty, scan, backup, from_backup, notes_now)
    return RecoveryReport(
        path=path,
        damaged_path=damaged,
        empty=empty,
        rows_read=scan.rows_read,
        rows_rejected=scan.rejected,
        rows_recovered=len(scan.annotations),
        rows_from_backup=from_backup,
        backup_used=backup.path if backup is not None else None,
        notes_now=notes_now,
        message=message,
    )


def salvage_into(source: Path, db: Database) -> tuple[ScanResult, int]:
    """Merge every valid note readable from `source` (left untouched) into `db`.

    Returns the scan and how many records the merge added or replaced.
    """
    scan = scan_file(source)
    summary = AnnotationStore(db).merge(scan.annotations.values())
    return scan, summary.added + summary.updated + summary.deleted


def open_notes(path: Path) -> Database:
    """Open the notes at `path`; a damaged or empty file is recovered first.

    What happened is added to the returned database's `notices` for the user.
    """
    try:
        db = Database(path)
    except StorageError as error:
        if error.kind is not StorageErrorKind.CORRUPT:
            raise
        report = recover_notes(path)
        db = Database(path)
        db.notices.insert(0, report.message)
    # Before anyone reads the notices: dates from the future are set to now and counted.
    with contextlib.suppress(StorageError):
        clamp_future_dates(db)
    return db
