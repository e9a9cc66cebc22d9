"""The sync folder of one window: merging it off the UI thread, and writing ours after changes."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from reader.core.i18n import translate
from reader.core.sync import SyncResult, write_sync_file
from reader.core.sync import installation_id as read_installation_id
from reader.storage.annotations import AnnotationStore
from reader.storage.db import StorageError
from reader.ui.context import AppContext, Notes, ReaderWindow
from reader.ui.exchange_dialogs import SyncDialog
from reader.ui.exchange_tasks import sync_notes, write_own_file
from reader.ui.tasks import Task, error_message, task_runner

__all__ = [
    "FOCUS_SYNC_INTERVAL_S",
    "SYNC_WRITE_DELAY_MS",
    "SyncFolder",
    "notes_file",
    "writable_store",
]

# Writing the sync file after a burst of edits once is enough; a second is short enough
# that a trainee who pulls the USB stick right after a change rarely loses it.
SYNC_WRITE_DELAY_MS = 1000
# Focus changes come in bursts (menus, dialogs): sync at most this often on focus.
FOCUS_SYNC_INTERVAL_S = 5.0


Message = Callable[[QMessageBox.Icon, str, str], QMessageBox]
"""Shows a message box (icon, title, text) and returns it."""


def notes_file(notes: Notes | None, *, writable: bool) -> Path | None:
    """The notes file a task opens its own connection to; None if it cannot be used."""
    if notes is None or notes.database is None or not notes.readable:
        return None
    if writable and not notes.writable:
        return None
    return notes.database.path


def writable_store(notes: Notes | None) -> AnnotationStore | None:
    """The annotation store when the notes can be changed, else None."""
    return notes.store if notes is not None and notes.writable else None


class SyncFolder(QObject):
    """Merges the exports in the sync folder and keeps ours there current, for one window.

    `synced` is emitted after every sync; with `enabled` False (screenshots) the folder is
    never read or written.
    """

    synced = Signal(object)  # SyncResult, after every sync

    def __init__(
        self,
        context: AppContext,
        window: ReaderWindow,
        sync_dir: Path | None,
        enabled: bool,
        message: Message,
    ) -> None:
        super().__init__(window.as_widget())
        self._context = context
        self._window = window
        self._override = sync_dir
        self._enabled = enabled
        self._message = message
        self._installation: str | None = None
        self._reported: set[tuple[str, str]] = set()
        self._last_focus_sync = 0.0
        self._sync_task: Task | None = None
        self._write_timer = QTimer(self)
        self._write_timer.setSingleShot(True)
        self._write_timer.setInterval(SYNC_WRITE_DELAY_MS)
        self._write_timer.timeout.connect(self._write_in_background)
        context.signals.notes_changed.connect(self.schedule_write)
        if enabled:
            app = QGuiApplication.instance()
            if isinstance(app, QGuiApplication):
                app.applicationStateChanged.connect(self._application_state)
            if self.sync_dir is not None:
                QTimer.singleShot(0, self.sync_now)

    def _db_path(self) -> Path | None:
        return notes_file(self._context.notes, writable=True)

    @property
    def sync_dir(self) -> Path | None:
        """The sync folder in use: --sync-dir for this session, else the saved one."""
        if not self._enabled:
            return None
        return self._override or self._context.settings.sync_dir

    def set_sync_dir(self, folder: Path | None) -> None:
        """Use (and remember) `folder` as the sync folder, or stop syncing with None."""
        self._override = None
        self._context.settings.sync_dir = folder
        self._context.settings.sync()
        if folder is not None:
            self.sync_now()

    @Slot()
    def show_dialog(self) -> None:
        """Show the Sync Folder dialog."""
        dialog = SyncDialog(self, self._window.as_widget())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _ident(self) -> str:
        if self._installation is None:
            self._installation = read_installation_id(self._context.data_dir)
        return self._installation

    @Slot()
    def sync_now(self) -> Task | None:
        """Merge the exports in the sync folder and rewrite ours, off the UI thread.

        Returns the Task (`synced` is emitted when it is done), the one already running if
        a sync is under way, or None when not syncing.
        """
        folder, db_path = self.sync_dir, self._db_path()
        if folder is None or db_path is None:
            return None
        if not folder.is_dir():
            self._window.show_status(
                translate("SyncFolder", "The sync folder {folder} is not available.").format(
                    folder=folder
                ),
                8000,
            )
            return None
        if self._sync_task is not None and not self._sync_task.is_done:
            return self._sync_task  # focus changes come in bursts: one sync at a time
        self._write_timer.stop()
        try:
            self._ident()
        except OSError as error:
            self._window.show_status(
                translate("SyncFolder", "Notes were not synced: {error}").format(error=error), 10000
            )
            return None
        library, data_dir = self._context.library, self._context.data_dir
        library_id = self._context.library_id
        task = task_runner(self._window.as_widget()).submit(
            "write",
            translate("SyncFolder", "Syncing notes"),
            lambda context: sync_notes(db_path, library, library_id, data_dir, folder, context),
            on_done=self._synced,
            on_error=self._sync_failed,
        )
        self._sync_task = task
        return task

    def _sync_failed(self, error: BaseException) -> None:
        self._window.show_status(
            translate("SyncFolder", "Notes were not synced: {error}").format(
                error=error_message(error)
            ),
            10000,
        )

    def _synced(self, result: SyncResult) -> None:
        if result.ids:
            self._context.signals.notes_merged.emit(sorted(result.ids))
        fresh = [
            (path, message)
            for path, message in result.refused.items()
            if (str(path), message) not in self._reported
        ]
        for path, message in fresh:
            self._reported.add((str(path), message))
        if fresh:
            # Once per file and problem: a broken file should not nag at every focus change.
            self._message(
                QMessageBox.Icon.Warning,
                translate("SyncFolder", "Some notes were not synced"),
                translate(
                    "SyncFolder",
                    "These files in the sync folder were left out; nothing was imported from them:",
                )
                + "\n\n"
                + "\n\n".join(f"{p.name}: {m}" for p, m in fresh),
            )
        if result.write_error:
            self._window.show_status(result.write_error, 10000)
        else:
            merged = sum(s.added + s.updated + s.deleted for s in result.merged.values())
            self._window.show_status(
                translate(
                    "SyncFolder", "Notes synced (%n change(s) from other computers).", None, merged
                ),
                5000,
            )
        self.synced.emit(result)

    @Slot()
    def schedule_write(self) -> None:
        """Write our export to the sync folder shortly (a burst of changes writes once)."""
        if self.sync_dir is not None:
            self._write_timer.start()

    @Slot()
    def flush_sync_file(self) -> Path | None:
        """Write our export to the sync folder now (normally done shortly after a change)."""
        self._write_timer.stop()
        folder, store = self.sync_dir, writable_store(self._context.notes)
        if folder is None or store is None or not folder.is_dir():
            return None
        try:
            return write_sync_file(store, self._context.library, folder, self._ident())
        except (StorageError, OSError) as error:
            self._window.show_status(
                translate("SyncFolder", "Notes were not synced: {error}").format(error=error), 10000
            )
            return None

    @Slot()
    def _write_in_background(self) -> None:
        folder, db_path = self.sync_dir, self._db_path()
        if folder is None or db_path is None or not folder.is_dir():
            return
        try:
            ident = self._ident()
        except OSError as error:
            self._window.show_status(
                translate("SyncFolder", "Notes were not synced: {error}").format(error=error), 10000
            )
            return
        library = self._context.library
        task_runner(self._window.as_widget()).submit(
            "write",
            translate("SyncFolder", "Writing notes to the sync folder"),
            lambda context: write_own_file(db_path, library, folder, ident, context),
            on_error=self._sync_failed,
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Write a pending sync file when the window closes, before the process ends."""
        if event.type() == QEvent.Type.Close and self._write_timer.isActive():
            self.flush_sync_file()
        return super().eventFilter(watched, event)

    @Slot(Qt.ApplicationState)
    def _application_state(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            return
        now = time.monotonic()
        if now - self._last_focus_sync >= FOCUS_SYNC_INTERVAL_S:
            self._last_focus_sync = now
            self.sync_now()
