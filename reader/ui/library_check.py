"""After the first paint: the whole library from the snapshot, then a real scan to verify it.

A restart shows its first chapter from the snapshot of the last scan
(reader/core/library_snapshot.py). Right after the first paint the whole library is
built from that snapshot (before the features read it); then the library folder is
scanned on a pool thread, as a start without a snapshot would, and when anything differs
(a chapter added, removed or edited while the reader was closed) the scanned library
replaces it through `context.replace_library` (library_changed). Every scan leaves a
fresh snapshot for the next start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow

from reader.core.i18n import translate
from reader.core.library import Library
from reader.core.library_snapshot import Snapshot, write_snapshot
from reader.core.pack import load_pack
from reader.ui.context import AppContext
from reader.ui.tasks import Task, TaskContext, task_runner


def same_library(one: Library, other: Library) -> bool:
    """Whether two scans found the same chapters (in the same order) and the same problems."""
    return (
        one.chapters == other.chapters
        and one.problems == other.problems
        and one.skipped == other.skipped
    )


def complete_library(context: AppContext, snapshot: Snapshot) -> None:
    """Replace the first paint's partial library with the snapshot's whole library."""
    if context.library_partial:
        context.replace_library(snapshot.library())


def verify_library(
    context: AppContext,
    window: QMainWindow,
    content: Path,
    *,
    scan: bool,
) -> Task:
    """Scan `content` off the UI thread (when `scan`) and store the snapshot of the result.

    Without `scan` (the library was just scanned at start) only the snapshot is written.
    A scan that differs from the library shown replaces it.
    """
    folder = context.data_folder
    shown, info = context.library, context.library_info

    def work(task: TaskContext) -> Library:
        library = load_pack(content, folder.library_cache(content)) if scan else shown
        task.check()
        write_snapshot(folder.library_snapshot(content), library, info)
        return library

    def done(library: Library) -> None:
        if scan and not same_library(library, context.library):
            context.replace_library(library)
            text = translate("Library", "The library changed since it was last read.")
            window.statusBar().showMessage(text, 8000)

    label = translate("Library", "Checking the library")
    return task_runner(window).submit("read", label, work, on_done=done)
