"""Sync through a shared folder: merge every export found there, then rewrite our own file.

Each installation writes one file, `field-reader-<installation id>.json` (a JSON export
with tombstones), and reads everybody's. Since a merge keeps the newer version of each
annotation and deletions travel as tombstones, machines that share a folder (a network
drive, a USB stick carried between them) converge. The files carry every library's notes,
each item naming its library, and merging keeps each note in its own; an item naming none
(a Field Reader from before libraries) belongs to the bundled library, as that version's
notes do once it is updated.
"""

from __future__ import annotations

import contextlib
import os
import re
import traceback
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core.atomic import write_atomic
from reader.core.data_folder import DataFolder
from reader.core.exchange import collect, dump_json_bytes, w3c_collection
from reader.core.importing import (
    MAX_IMPORT_BYTES,
    ImportRefused,
    ImportSummary,
    import_into,
    parse_w3c,
    read_import_file,
    source_resolver,
)
from reader.core.library import Library
from reader.core.notes import BUNDLED_LIBRARY_ID, AnnotationId, NotesRepository, NotesStoreError
from reader.core.sync_state import (
    FileStamp,
    FolderState,
    NotesFingerprint,
    digest_bytes,
    digest_file,
    load_folder_state,
    refreshed,
    save_folder_state,
    stamp_for,
)

__all__ = [
    "SyncResult",
    "installation_id",
    "sync_file_name",
    "sync_folder",
    "write_atomic",
    "write_sync_file",
]

SYNC_PREFIX = "field-reader-"
# When a collection was written: its one line that changes when its notes do not.
_GENERATED = re.compile(rb'\n "generated": "[^"\n]*",')
_HEAD = 4096  # it is among the first lines
_LET_GO_STEP = 500


@dataclass
class SyncResult:
    """What one sync did: merges per file, files refused (unchanged), and our own file.

    `failures` holds the traceback of each file whose merge hit a bug (it is in `refused`
    too, with a short message), for a log. `skipped` are the files found unchanged since
    the last sync and not read again (they are in `merged`, all unchanged, or in
    `refused`, as last time); `ids` are the records the merges wrote.
    """

    merged: dict[Path, ImportSummary] = field(default_factory=dict)
    refused: dict[Path, str] = field(default_factory=dict)
    failures: dict[Path, str] = field(default_factory=dict)
    written: Path | None = None
    write_error: str | None = None
    skipped: list[Path] = field(default_factory=list)
    ids: set[AnnotationId] = field(default_factory=set)
    own_rewritten: bool = False

    @property
    def changed(self) -> bool:
        """Whether any merge wrote something to the store."""
        return any(summary.changed for summary in self.merged.values())


def installation_id(data_dir: Path) -> str:
    """This installation's random id, created on first use and kept in the data folder."""
    path = DataFolder(data_dir).installation_id
    try:
        return str(uuid.UUID(path.read_text(encoding="ascii").strip()))
    except (OSError, ValueError, UnicodeDecodeError):
        pass
    ident = str(uuid.uuid4())
    write_atomic(path, ident + "\n")
    return ident


def sync_file_name(ident: str) -> str:
    """The name of an installation's file in the sync folder."""
    return f"{SYNC_PREFIX}{ident}.json"


def _collection_bytes(store: NotesRepository, library: Library) -> bytes:
    # Every library's notes, each item naming its library: the sync file is the whole
    # notes file, whichever library the window has open.
    records = store.every_record()
    chapters = collect(records, library, reanchor=False)
    collection = w3c_collection(chapters)
    data = dump_json_bytes(collection)
    # Let go of the notes a few hundred at a time: freeing 20,000 at the return, in one
    # go, held the interpreter lock for 30-60 ms (see reader/background_work.py).
    _let_go(collection["first"]["items"], *(chapter.notes for chapter in chapters), records)
    return data


def _let_go(*lists: list[Any]) -> None:
    """Empty `lists` from the end in small steps, so other threads get a turn between."""
    for items in lists:
        while items:
            del items[-_LET_GO_STEP:]


def _unstamped(data: bytes) -> bytes:
    """A collection's bytes without the time it was written (near the top)."""
    return _GENERATED.sub(b"", data[:_HEAD], count=1) + data[_HEAD:]


def write_sync_file(store: NotesRepository, library: Library, folder: Path, ident: str) -> Path:
    """Rewrite this installation's export (tombstones included) in the sync folder.

    The file is left alone when it already holds the same annotations: syncing happens
    at every return to the window, and a USB stick need not be written each time.
    """
    return _write_own(store, library, folder, ident)[0]


def _write_own(
    store: NotesRepository, library: Library, folder: Path, ident: str
) -> tuple[Path, bytes, bool]:
    """Our file's path, the bytes it holds now, and whether they were written just now."""
    data = _collection_bytes(store, library)
    path = folder / sync_file_name(ident)
    try:
        with path.open("rb") as handle:
            current = handle.read(MAX_IMPORT_BYTES + 1)
        # The same notes written the same way: only the time written differs. (Compared as
        # bytes: parsing the file to compare took 50-100 ms for 20,000 notes, all of it
        # holding the interpreter lock the window needs.)
        if _unstamped(current) == _unstamped(data):
            return path, current, False
    except OSError:
        pass  # missing or unreadable: write it
    write_atomic(path, data)
    return path, data, True


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except OSError:
        return None


def sync_folder(
    store: NotesRepository,
    library: Library,
    data_dir: Path,
    folder: Path,
    *,
    fingerprint: Callable[[], NotesFingerprint] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> SyncResult:
    """Merge every *.json export in `folder` (each all or nothing), then write our own file.

    Files that fail validation are left out and reported in `refused`; nothing is
    imported from them. Our own file is written last, so it holds the merged state.

    With `fingerprint` (the notes database's, see reader.storage.fingerprint), what was
    merged is remembered in the data folder's cache: a file unchanged since (see
    reader.core.sync_state) is not read again, and our own file is rebuilt only when the
    notes changed since it was written. `progress(done, total)` follows the files.
    """
    result = SyncResult()
    ident = installation_id(data_dir)
    own = sync_file_name(ident)
    resolve = source_resolver(library)
    if not folder.is_dir():
        # Never create it: an unplugged USB stick's mount point is not the place for notes.
        result.write_error = f"The sync folder {folder} is not available."
        return result
    try:
        candidates = sorted(p for p in folder.glob("*.json") if p.name != own and p.is_file())
    except OSError as error:
        result.write_error = f"The sync folder {folder} cannot be read ({error.strerror})."
        return result
    state_path = DataFolder(data_dir).sync_state
    state = FolderState()
    before: NotesFingerprint | None = None
    if fingerprint is not None:
        state = load_folder_state(state_path, folder)
        before = fingerprint()
        if state.notes is None or before.regressed_from(state.notes):
            # What was merged from these files may not be in these notes any more.
            state = FolderState()
    files: dict[str, FileStamp] = {}
    total = len(candidates)
    for done, path in enumerate(candidates):
        if progress is not None:
            progress(done, total)
        # One file must never stop the others, nor the writing of our own file.
        stamp = _merge_one(store, library, path, resolve, state.files.get(path.name), result)
        if stamp is not None and fingerprint is not None:
            files[path.name] = stamp
    if progress is not None:
        progress(total, total)
    # Only our merges wrote since `before` was taken (another program's write shows at
    # the next sync): without one, the notes are as they were.
    after = before if not result.ids or fingerprint is None else fingerprint()
    try:
        own_stamp = _own_file(store, library, folder, ident, state, after, result)
    except OSError as error:
        own_stamp = None
        result.write_error = (
            f"Your notes could not be written to the sync folder {folder} "
            f"({error.strerror or error})."
        )
    if after is not None:
        new_state = FolderState(
            files, after, own_stamp, after.digest if own_stamp is not None else None
        )
        if new_state != state:
            # A cache: if it cannot be written, the next sync reads the files again.
            with contextlib.suppress(OSError):
                save_folder_state(state_path, folder, new_state)
    return result


def _merge_one(
    store: NotesRepository,
    library: Library,
    path: Path,
    resolve: Callable[[str], str | None],
    known: FileStamp | None,
    result: SyncResult,
) -> FileStamp | None:
    """Merge one file unless it is known unchanged; the stamp to remember, if any."""
    stat = _stat(path)
    if (
        known is not None
        and stat is not None
        and known.trusted_unchanged(stat.st_size, stat.st_mtime_ns)
    ):
        _repeat(known, path, result)
        return known
    digest: str | None = None
    try:
        if known is not None and stat is not None and stat.st_size == known.size:
            # Perhaps the same bytes with a new time (copied, touched), or a time too
            # recent to trust: hashing in pieces costs far less memory than parsing.
            with contextlib.suppress(OSError):
                if digest_file(path) == known.digest:
                    _repeat(known, path, result)
                    return refreshed(known, stat)
        data = read_import_file(path)
        digest = digest_bytes(data)
        records = parse_w3c(data, resolve, library=BUNDLED_LIBRARY_ID)
        summary = import_into(store, library, records)
    except ImportRefused as refused:
        result.refused[path] = refused.message
        if stat is None or digest is None:
            return None  # unreadable now: perhaps not later, so it is tried again
        # The same bytes would be refused again: remember why instead of parsing them.
        return stamp_for(stat, digest, refused=refused.message)
    except NotesStoreError as error:
        result.refused[path] = f"Its notes could not be stored: {error.message}"
        return None
    except Exception as error:  # a bug: the merge's transaction was rolled back
        result.refused[path] = (
            f"Field Reader hit an internal error on this file ({type(error).__name__}: "
            f"{error}); nothing of it was merged."
        )
        result.failures[path] = traceback.format_exc()
        return None
    result.merged[path] = summary
    result.ids.update(summary.ids)
    if stat is None:
        return None
    return stamp_for(stat, digest, records=len(records), future_dates=records.future_dates)


def _repeat(known: FileStamp, path: Path, result: SyncResult) -> None:
    """Report an unchanged file as its last merge would be reported now."""
    result.skipped.append(path)
    if known.refused is not None:
        result.refused[path] = known.refused
    else:
        result.merged[path] = ImportSummary(
            unchanged=known.records, future_dates=known.future_dates
        )


def _own_file(
    store: NotesRepository,
    library: Library,
    folder: Path,
    ident: str,
    state: FolderState,
    notes: NotesFingerprint | None,
    result: SyncResult,
) -> FileStamp | None:
    """Write our own file unless it already holds these notes; its stamp to remember."""
    path = folder / sync_file_name(ident)
    stat = _stat(path)
    known = state.own
    if (
        notes is not None
        and known is not None
        and stat is not None
        and state.own_notes == notes.digest
    ):
        if known.trusted_unchanged(stat.st_size, stat.st_mtime_ns):
            result.written = path
            return known
        try:
            same = digest_file(path) == known.digest
        except OSError:
            same = False
        if same:
            result.written = path
            return refreshed(known, stat)
    path, data, rewritten = _write_own(store, library, folder, ident)
    result.written = path
    result.own_rewritten = rewritten
    stat = _stat(path)
    return stamp_for(stat, digest_bytes(data)) if stat is not None else None
