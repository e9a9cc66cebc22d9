"""After the first paint: the whole library from the snapshot, then a real scan to verify it.

A restart shows its first chapter from the snapshot of the last scan
(reader/core/library_snapshot.py). Right after the first paint the whole library is
built from that snapshot (before the features read it); then the library folder is
scanned on a pool thread, as a start without a snapshot would, and when anything differs
(a chapter added, removed or edited while the reader was closed) the scanned library
replaces it through `context.replace_library` (library_changed). Every scan leaves a
fresh snapshot for the next start.

A big library's first start (no snapshot yet) is painted from the chapter to show alone
(reader/core/library_first.py); `read_rest` then reads the whole library in the
background, with its progress in the status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QMainWindow

from reader.core.i18n import translate
from reader.core.library import Library
from reader.core.library_snapshot import Snapshot, write_snapshot
from reader.core.pack import load_pack
from reader.ui.context import AppContext
from reader.ui.i18n import interface_language
from reader.ui.tasks import Task, TaskContext, error_message, task_runner


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
        try:
            library = snapshot.library()
        except UnicodeDecodeError:
            return  # damaged on disk: the scan that follows replaces the partial library
        context.replace_library(library)


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


def read_rest(
    context: AppContext,
    window: QMainWindow,
    content: Path,
    then: Callable[[], None],
) -> Task:
    """Read the whole library at `content` off the UI thread, then put it in place.

    A big library's first start showed only the chapters of its first paint
    (reader/core/library_first.py); the status bar says how far the read is. The whole
    library replaces the partial one (library_changed), the snapshot for the next start
    is written, and `then` runs (the features, which want every chapter). When the read
    fails, the partial library stays, the failure is shown, and `then` still runs.
    """
    folder = context.data_folder
    info = context.library_info
    locale = QLocale(interface_language())

    def work(task: TaskContext) -> Library:
        def progress(done: int, total: int) -> None:
            task.check()
            text = translate("Library", "Reading the library: {done} of {total} chapters")
            task.progress(
                done, total, text.format(done=locale.toString(done), total=locale.toString(total))
            )

        library = load_pack(content, folder.library_cache(content), progress)
        task.check()
        write_snapshot(folder.library_snapshot(content), library, info)
        return library

    def done(library: Library) -> None:
        context.replace_library(library)
        if library.problems:
            count = len(library.problems)
            text = translate(
                "MainWindow",
                "%n problem(s) found in the library: see Help > Library problems.",
                None,
                count,
            )
            window.statusBar().showMessage(text, 15000)
        then()

    def failed(error: BaseException) -> None:
        text = translate("Library", "The whole library could not be read: {reason}")
        window.statusBar().showMessage(text.format(reason=error_message(error)), 30000)
        then()

    label = translate("Library", "Reading the library")
    return task_runner(window).submit("read", label, work, on_done=done, on_error=failed)
