"""What the last sync merged from each file of a sync folder, so that unchanged files cost nothing.

The state lives in the data folder's cache (cache/sync-state.json) and can always be
deleted: the next sync then reads every file once more. It never hides a change:

- a file is passed over unread only when its size and modification time are those
  recorded *and* that time was already a few seconds old when it was recorded (a FAT
  USB stick keeps times to 2 seconds, so a file rewritten within the same tick with the
  same size would otherwise look unchanged); in every other case its bytes are hashed
  and compared with the recorded hash;
- everything recorded is dropped when the notes database is not the one the state was
  recorded against (another file, fewer records, or an older newest change: a backup was
  restored), because what was merged then may no longer be in it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from reader.core.atomic import write_atomic

__all__ = [
    "STATE_VERSION",
    "TRUST_AFTER_NS",
    "FileStamp",
    "FolderState",
    "NotesFingerprint",
    "digest_bytes",
    "digest_file",
    "load_folder_state",
    "refreshed",
    "save_folder_state",
    "stamp_for",
]

STATE_VERSION = 1
TRUST_AFTER_NS = 5_000_000_000
"""A modification time this much older than the moment it was recorded can be trusted.

FAT keeps times to 2 seconds and may round them up; network shares have their own clock.
"""


@dataclass(frozen=True)
class NotesFingerprint:
    """What the notes database looked like: which file, how many records, its newest change.

    `digest` covers every record's id, time, deletion, colour and position, so that any
    change to what an export would hold changes it.
    """

    identity: str
    count: int
    newest: str
    digest: str

    def regressed_from(self, earlier: NotesFingerprint) -> bool:
        """Whether these notes can have lost something `earlier` held (a restored backup).

        Edits and merges only add records and newer times; a different file, fewer
        records or an older newest time means the store was replaced.
        """
        return (
            self.identity != earlier.identity
            or self.count < earlier.count
            or self.newest < earlier.newest
        )


@dataclass(frozen=True)
class FileStamp:
    """One file as it was when recorded: size, modification time (ns), hash, and when seen.

    `records` and `future_dates` repeat what its merge counted, so that an unchanged file
    is reported the same way; `refused` keeps why a file was refused, so it is not
    parsed again only to be refused again.
    """

    size: int
    mtime_ns: int
    digest: str
    recorded_ns: int
    records: int = 0
    future_dates: int = 0
    refused: str | None = None

    def trusted_unchanged(self, size: int, mtime_ns: int) -> bool:
        """Whether a file of this size and time is unchanged without reading it."""
        return (
            size == self.size
            and mtime_ns == self.mtime_ns
            and self.recorded_ns - self.mtime_ns >= TRUST_AFTER_NS
        )


@dataclass
class FolderState:
    """Everything recorded for one sync folder."""

    files: dict[str, FileStamp] = field(default_factory=dict)
    notes: NotesFingerprint | None = None
    """The notes database as it was at the end of the last sync."""
    own: FileStamp | None = None
    """Our own file as we last wrote (or found) it."""
    own_notes: str | None = None
    """The digest of the notes our own file holds (NotesFingerprint.digest)."""


def digest_bytes(data: bytes) -> str:
    """The hash recorded for a file's contents."""
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def digest_file(path: Path, chunk: int = 1 << 20) -> str:
    """The hash of a file's contents, read in pieces (an own file may be tens of MB)."""
    digest = hashlib.blake2b(digest_size=20)
    with path.open("rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def stamp_for(
    stat: os.stat_result, digest: str, now_ns: int | None = None, **counts: Any
) -> FileStamp:
    """A FileStamp of a file whose `stat` was taken before its bytes were read."""
    return FileStamp(
        stat.st_size,
        stat.st_mtime_ns,
        digest,
        time.time_ns() if now_ns is None else now_ns,
        **counts,
    )


def _folder_key(folder: Path) -> str:
    with contextlib.suppress(OSError):
        folder = folder.resolve()
    return str(folder)


def _read_all(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError, RecursionError):
        return {}  # missing or damaged: a cache, so start again
    if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
        return {}
    folders = data.get("folders")
    return folders if isinstance(folders, dict) else {}


def _stamp(raw: Any) -> FileStamp | None:
    if not isinstance(raw, dict):
        return None
    try:
        return FileStamp(**raw)
    except TypeError:
        return None


def load_folder_state(path: Path, folder: Path) -> FolderState:
    """The recorded state of `folder` in the state file `path` (empty if none or damaged)."""
    raw = _read_all(path).get(_folder_key(folder))
    if not isinstance(raw, dict):
        return FolderState()
    files_raw = raw.get("files")
    files: dict[str, FileStamp] = {}
    if isinstance(files_raw, dict):
        for name, value in files_raw.items():
            stamp = _stamp(value)
            if stamp is not None:
                files[str(name)] = stamp
    notes = None
    notes_raw = raw.get("notes")
    if isinstance(notes_raw, dict):
        with contextlib.suppress(TypeError):
            notes = NotesFingerprint(**notes_raw)
    own_notes = raw.get("own_notes")
    return FolderState(
        files, notes, _stamp(raw.get("own")), own_notes if isinstance(own_notes, str) else None
    )


def save_folder_state(path: Path, folder: Path, state: FolderState) -> None:
    """Record `state` for `folder`, keeping other folders' states; atomic, never durable.

    An OSError is left to the caller: a cache that cannot be written only costs a re-read.
    """
    folders = _read_all(path)
    folders[_folder_key(folder)] = {
        "files": {name: asdict(stamp) for name, stamp in sorted(state.files.items())},
        "notes": asdict(state.notes) if state.notes is not None else None,
        "own": asdict(state.own) if state.own is not None else None,
        "own_notes": state.own_notes,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"version": STATE_VERSION, "folders": folders}, indent=1)
    write_atomic(path, text + "\n", durable=False)


def refreshed(stamp: FileStamp, stat: os.stat_result, now_ns: int | None = None) -> FileStamp:
    """`stamp` for the same bytes found with a new size-preserving time (a touch, a copy)."""
    return replace(
        stamp,
        mtime_ns=stat.st_mtime_ns,
        recorded_ns=time.time_ns() if now_ns is None else now_ns,
    )
