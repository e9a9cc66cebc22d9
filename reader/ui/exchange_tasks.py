"""The work of export, import and sync as it runs on a pool thread (see reader/ui/tasks.py).

Each function opens its own connection to the notes file (SQLite connections stay on the
thread that opened them), with a store of the open library's notes on it; the sync spans
every library, as the sync file does. A connection that wrote takes a backup when it
closes, as the window's own does. No Qt here beyond the task's context.
"""

from __future__ import annotations

from pathlib import Path

from reader.core.exchange import Format, export
from reader.core.i18n import translate
from reader.core.importing import ImportSummary, import_file
from reader.core.library import Library
from reader.core.library_info import LibraryInfo
from reader.core.sync import SyncResult, sync_folder, write_sync_file
from reader.storage.annotations import AnnotationStore
from reader.storage.db import Database
from reader.storage.fingerprint import notes_fingerprint
from reader.ui.tasks import TaskContext

__all__ = ["export_notes", "import_notes", "sync_notes", "write_own_file"]


def export_notes(
    db_path: Path,
    library: Library,
    info: LibraryInfo,
    path: Path,
    fmt: Format,
    chapter: str | None,
    context: TaskContext,
) -> Path:
    """Write the notes of the library named by `info`, of `chapter` (or all), to `path`."""
    with Database(db_path, keep_backups=False) as db:
        records = AnnotationStore(db, info.id).list(chapter, include_deleted=fmt == "json")
    context.check()
    text = export(records, library, fmt, info=info)
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


def import_notes(
    db_path: Path, library: Library, library_id: str, path: Path, context: TaskContext
) -> ImportSummary:
    """Validate and merge one export file (all or nothing, in one transaction); items that
    name no library go to `library_id`'s notes."""
    with Database(db_path) as db:
        return import_file(AnnotationStore(db, library_id), library, path)


def sync_notes(
    db_path: Path,
    library: Library,
    library_id: str,
    data_dir: Path,
    folder: Path,
    context: TaskContext,
) -> SyncResult:
    """Sync with `folder`, files unchanged since the last sync costing nothing."""
    with Database(db_path) as db:
        return sync_folder(
            AnnotationStore(db, library_id),
            library,
            data_dir,
            folder,
            fingerprint=lambda: notes_fingerprint(db),
            progress=lambda done, total: context.progress(
                done,
                total,
                translate("ExchangeTasks", "Syncing… {done} of {total} files").format(
                    done=done, total=total
                ),
            ),
        )


def write_own_file(
    db_path: Path, library: Library, folder: Path, ident: str, context: TaskContext
) -> Path:
    """Rewrite this installation's file in the sync folder (after edits): every library's
    notes, whichever is open."""
    with Database(db_path, keep_backups=False) as db:
        return write_sync_file(AnnotationStore(db), library, folder, ident)
