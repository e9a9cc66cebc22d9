"""Sync through a shared folder: merge every export found there, then rewrite our own file.

Each installation writes one file, `field-reader-<installation id>.json` (a JSON export
with tombstones), and reads everybody's. Since a merge keeps the newer version of each
annotation and deletions travel as tombstones, machines that share a folder (a network
drive, a USB stick carried between them) converge.
"""

from __future__ import annotations

import json
import traceback
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.atomic import write_atomic
from reader.core.data_folder import DataFolder
from reader.core.exchange import collect, dump_json, w3c_collection
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
from reader.core.notes import NotesRepository, NotesStoreError

__all__ = [
    "SyncResult",
    "installation_id",
    "sync_file_name",
    "sync_folder",
    "write_atomic",
    "write_sync_file",
]

SYNC_PREFIX = "field-reader-"


@dataclass
class SyncResult:
    """What one sync did: merges per file, files refused (unchanged), and our own file.

    `failures` holds the traceback of each file whose merge hit a bug (it is in `refused`
    too, with a short message), for a log.
    """

    merged: dict[Path, ImportSummary] = field(default_factory=dict)
    refused: dict[Path, str] = field(default_factory=dict)
    failures: dict[Path, str] = field(default_factory=dict)
    written: Path | None = None
    write_error: str | None = None

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


def write_sync_file(store: NotesRepository, library: Library, folder: Path, ident: str) -> Path:
    """Rewrite this installation's export (tombstones included) in the sync folder.

    The file is left alone when it already holds the same annotations: syncing happens
    at every return to the window, and a USB stick need not be written each time.
    """
    chapters = collect(store.all_including_tombstones(), library, reanchor=False)
    collection = w3c_collection(chapters)
    path = folder / sync_file_name(ident)
    try:
        with path.open("rb") as handle:
            current = json.loads(handle.read(MAX_IMPORT_BYTES + 1))
        if isinstance(current, dict) and current.get("first") == collection["first"]:
            return path
    except (OSError, ValueError, RecursionError):
        pass  # missing, damaged or not ours any more: write it
    write_atomic(path, dump_json(collection))
    return path


def sync_folder(
    store: NotesRepository, library: Library, data_dir: Path, folder: Path
) -> SyncResult:
    """Merge every *.json export in `folder` (each all or nothing), then write our own file.

    Files that fail validation are left out and reported in `refused`; nothing is
    imported from them. Our own file is written last, so it holds the merged state.
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
    for path in candidates:
        # One file must never stop the others, nor the writing of our own file.
        try:
            records = parse_w3c(read_import_file(path), resolve)
            result.merged[path] = import_into(store, library, records)
        except ImportRefused as refused:
            result.refused[path] = refused.message
        except NotesStoreError as error:
            result.refused[path] = f"Its notes could not be stored: {error.message}"
        except Exception as error:  # a bug: the merge's transaction was rolled back
            result.refused[path] = (
                f"Field Reader hit an internal error on this file ({type(error).__name__}: "
                f"{error}); nothing of it was merged."
            )
            result.failures[path] = traceback.format_exc()
    try:
        result.written = write_sync_file(store, library, folder, ident)
    except OSError as error:
        result.write_error = (
            f"Your notes could not be written to the sync folder {folder} "
            f"({error.strerror or error})."
        )
    return result
