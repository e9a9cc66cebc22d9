"""Removing a reader: a backup zip of its files first, then the files, then its name.

The first reader's files are the shared root's own: only those are removed (the notes,
settings, installation id, caches and notes backups), never what every reader shares (the
list of readers, the libraries list, the error logs, Qt's settings) nor the folders of
the other readers.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reader.core.data_folder import (
    BACKUPS_FOLDER,
    CACHE_FOLDER,
    INSTALLATION_ID_FILE,
    NOTES_FILE,
    SETTINGS_FILE,
    DataFolder,
)
from reader.core.i18n import translate
from reader.core.profiles import Profile, ProfileError, ProfileRegistry

__all__ = ["Removal", "profile_files", "remove_profile"]

_NOT_IN_FILE_NAMES = re.compile(r'[\x00-\x1f<>:"/\\|?*]')


@dataclass(frozen=True)
class Removal:
    """What removing a reader did: where its backup is, and what could not be deleted."""

    backup: Path
    left: tuple[Path, ...]


def profile_files(profile: Profile, shared_root: Path) -> Iterator[Path]:
    """Every file of `profile` (in folders too), and nothing the other readers need."""
    root = profile.root(shared_root)
    if not profile.is_root:
        if root.is_dir():
            yield from (p for p in sorted(root.rglob("*")) if p.is_file())
        return
    stem = Path(NOTES_FILE).stem  # notes.sqlite3 and its -wal, -shm, .pairing, damaged copies
    for path in sorted(root.iterdir()) if root.is_dir() else ():
        name = path.name
        if path.is_file() and (
            name.startswith(stem) or name.startswith(SETTINGS_FILE) or name == INSTALLATION_ID_FILE
        ):
            yield path
        elif path.is_dir() and name == CACHE_FOLDER:
            yield from (p for p in sorted(path.rglob("*")) if p.is_file())
        elif path.is_dir() and name == BACKUPS_FOLDER:
            # Only the notes backups: the removed readers' zips live in a folder beneath.
            yield from (p for p in sorted(path.iterdir()) if p.is_file())


def backup_name(profile: Profile, now: datetime) -> str:
    """The file name of a removed reader's backup: its name and the date and time."""
    safe = _NOT_IN_FILE_NAMES.sub("_", profile.name).strip(" .") or "reader"
    return f"{safe} {now.strftime('%Y-%m-%d %H%M%S')}.zip"


def remove_profile(
    registry: ProfileRegistry, profile: Profile, *, now: datetime | None = None
) -> Removal:
    """Back up `profile`'s files into one zip, take it off the list, then delete its files.

    The backup is checked before anything is deleted; the last reader cannot be removed.
    A file that cannot be deleted (in use) is left and named in the result.
    """
    current = registry.load()
    if current.by_folder(profile.folder) is None or len(current.profiles) == 1:
        registry.forget(profile)  # raises the reason in words
    shared_root = registry.shared_root
    root = profile.root(shared_root)
    files = list(profile_files(profile, shared_root))
    folder = DataFolder(shared_root).removed_profiles
    folder.mkdir(parents=True, exist_ok=True)
    name = backup_name(profile, now or datetime.now())
    target, number = folder / name, 1
    while target.exists():  # the same name removed twice in one second: keep both
        number += 1
        target = folder / f"{name.removesuffix('.zip')} ({number}).zip"
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in files:
                archive.write(path, path.relative_to(root).as_posix())
        with zipfile.ZipFile(temporary) as archive:
            if archive.testzip() is not None:
                raise ProfileError(
                    translate(
                        "Profiles",
                        "The backup of {name} could not be checked; nothing was removed.",
                    ).format(name=profile.name)
                )
        os.replace(temporary, target)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
    registry.forget(profile)
    left: list[Path] = []
    for path in files:
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            left.append(path)
    # The folders left empty go too (the first reader's cache folder, or a reader's own).
    emptied = root / CACHE_FOLDER if profile.is_root else root
    if not left:
        shutil.rmtree(emptied, ignore_errors=True)
        if emptied.exists():
            left.append(emptied)
    return Removal(target, tuple(left))
