"""File > Export Notes…, Import Notes… and Sync Folder…: notes that travel between machines."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
)

from reader.core.exchange import Format, export
from reader.core.importing import ImportRefused, ImportSummary, import_file
from reader.core.sync import SyncResult, write_sync_file
from reader.core.sync import installation_id as read_installation_id
from reader.storage.annotations import AnnotationStore
from reader.storage.db import StorageError
from reader.ui.actions import make_action
from reader.ui.context import AppContext, Notes, NotesUnavailable, ReaderWindow
from reader.ui.exchange_dialogs import (
    FORMAT_LABELS,
    ExportDialog,
    SyncDialog,
    dialog_options,
    route_qt_settings,
)
from reader.ui.exchange_tasks import export_notes, import_notes, sync_notes, write_own_file
from reader.ui.plain import show_message
from reader.ui.tasks import Task, error_message, task_runner
from reader.ui.window_menus import FILE_EXCHANGE

# Writing the sync file after a burst of edits once is enough; a second is short enough
# that a trainee who pulls the USB stick right after a change rarely loses it.
SYNC_WRITE_DELAY_MS = 1000
# Focus changes come in bursts (menus, dialogs): sync at most this often on focus.
FOCUS_SYNC_INTERVAL_S = 5.0


class ExchangeFeature(QObject):
    """Export and import of notes, and the optional sync folder, for one window."""

    imported = Signal(object)  # ImportSummary, after an import changed or checked the notes
    synced = Signal(object)  # SyncResult, after every sync

    def __init__(
        self, context: AppContext, window: ReaderWindow, sync_dir: Path | None, sync: bool
    ) -> None:
        super().__init__(window.as_widget())
        self._context = context
        self._window = window
        self._override = sync_dir
        self._sync_enabled = sync
        self._installation: str | None = None
        self._reported: set[tuple[str, str]] = set()
        self._last_focus_sync = 0.0
        self._sync_task: Task | None = None
        self.last_message: QMessageBox | None = None
        self._write_timer = QTimer(self)
        self._write_timer.setSingleShot(True)
        self._write_timer.setInterval(SYNC_WRITE_DELAY_MS)
        self._write_timer.timeout.connect(self._write_in_background)
        self._build_actions()
        context.signals.notes_changed.connect(self._schedule_write)
        if sync:
            app = QGuiApplication.instance()
            if isinstance(app, QGuiApplication):
                app.applicationStateChanged.connect(self._application_state)
            if self.sync_dir is not None:
                QTimer.singleShot(0, self.sync_now)

    def _build_actions(self) -> None:
        window = self._window.as_widget()
        self.export_action = make_action(
            window,
            "&Export Notes…",
            self.ask_export,
            tip="Save your highlights and notes as study notes or JSON",
        )
        self.import_action = make_action(
            window,
            "&Import Notes…",
            self.ask_import,
            tip="Merge highlights and notes exported on another computer",
        )
        self.sync_action = make_action(
            window,
            "Sync &Folder…",
            self.show_sync_dialog,
            tip="Share notes with other computers through a folder",
        )
        for step, action in enumerate((self.export_action, self.import_action, self.sync_action)):
            self._context.actions.register(
                action, menu="file", group="exchange", order=FILE_EXCHANGE + step
            )
        notes = self._notes()
        self.export_action.setEnabled(notes is not None)
        self.import_action.setEnabled(notes is not None and notes.writable)
        self.sync_action.setEnabled(self._sync_enabled and notes is not None and notes.writable)

    # -- helpers ---------------------------------------------------------------------------

    def _notes(self) -> Notes | None:
        return self._context.notes

    def _store(self) -> AnnotationStore | None:
        notes = self._notes()
        return notes.store if notes is not None and notes.writable else None

    def _message(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        box = show_message(self._window.as_widget(), title, text, icon)
        self.last_message = box
        return box

    # -- export ----------------------------------------------------------------------------

    @Slot()
    def ask_export(self) -> None:
        """Ask for the format and scope, then for the file, and export."""
        doc = self._window.current_document()
        dialog = ExportDialog(
            self._window.as_widget(), doc.chapter.title if doc is not None else None
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._export_chosen(*dialog.choice()))
        dialog.open()

    def _export_chosen(self, fmt: Format, this_chapter: bool) -> None:
        doc = self._window.current_document()
        slug = doc.chapter.slug if doc is not None and this_chapter else None
        name = f"{slug or 'all-chapters'}-notes.{fmt}"
        path, _ = QFileDialog.getSaveFileName(
            self._window.as_widget(),
            "Export Notes",
            str(self.export_folder() / name),
            FORMAT_LABELS[fmt],
            options=dialog_options(),
        )
        if path:
            self.start_export(Path(path), fmt, slug)

    def export_folder(self) -> Path:
        """Where the export dialog opens: the folder of the last export, else the home folder."""
        folder = self._context.settings.export_dir
        return folder if folder is not None and folder.is_dir() else Path.home()

    def _exported(self, path: Path) -> None:
        self._window.show_status(f"Notes exported to {path}.", 6000)
        # The next export offers the same folder (the student's notes folder, a USB stick).
        self._context.settings.export_dir = path.parent
        self._context.settings.sync()

    def start_export(self, path: Path, fmt: Format, chapter: str | None = None) -> Task | None:
        """Export as `export_to` does, off the UI thread; the Task's `finished` gives the path."""
        db_path = self._db_path(writable=False)
        if db_path is None:
            self._message(
                QMessageBox.Icon.Warning, "Notes not exported", "Your notes cannot be read."
            )
            return None
        library = self._context.library

        self._window.show_status(f"Exporting notes to {path.name}…")
        return task_runner(self._window.as_widget()).submit(
            "read",
            "Exporting notes",
            lambda context: export_notes(db_path, library, path, fmt, chapter, context),
            on_done=lambda written: self._exported(Path(written)),
            on_error=lambda error: self._export_failed(path, error),
        )

    def _export_failed(self, path: Path, error: BaseException) -> None:
        text = error_message(error)
        if isinstance(error, OSError) and not isinstance(error, StorageError):
            text = f"{path} could not be written ({error.strerror or error})."
        self._message(QMessageBox.Icon.Warning, "Notes not exported", text)

    def export_to(self, path: Path, fmt: Format, chapter: str | None = None) -> Path | None:
        """Write the notes of `chapter` (or all) to `path` in `fmt`; None if that failed."""
        notes = self._notes()
        if notes is None:
            return None
        try:
            store = notes.store
        except NotesUnavailable:
            # The notes file could not be read at all; the window has already said why.
            self._message(
                QMessageBox.Icon.Warning, "Notes not exported", "Your notes cannot be read."
            )
            return None
        try:
            records = store.list(chapter, include_deleted=fmt == "json")
            text = export(
                records, self._context.library, fmt, document_for=self._context.document_for
            )
            path.write_text(text, encoding="utf-8", newline="\n")
        except StorageError as error:
            self._message(QMessageBox.Icon.Warning, "Notes not exported", error.message)
            return None
        except OSError as error:
            self._message(
                QMessageBox.Icon.Warning,
                "Notes not exported",
                f"{path} could not be written ({error.strerror or error}).",
            )
            return None
        self._exported(path)
        return path

    # -- import ----------------------------------------------------------------------------

    @Slot()
    def ask_import(self) -> None:
        """Ask for an export file and import it."""
        path, _ = QFileDialog.getOpenFileName(
            self._window.as_widget(),
            "Import Notes",
            str(Path.home()),
            "Notes exports (*.json);;All files (*)",
            options=dialog_options(),
        )
        if path:
            self.start_import(Path(path))

    def start_import(self, path: Path) -> Task | None:
        """Merge an export file off the UI thread (one write at a time) and show the result."""
        db_path = self._db_path(writable=True)
        if db_path is None:
            self._message(
                QMessageBox.Icon.Warning, "Notes not imported", "Your notes cannot be changed now."
            )
            return None
        library = self._context.library

        self._window.show_status(f"Importing {path.name}…")
        return task_runner(self._window.as_widget()).submit(
            "write",
            "Importing notes",
            lambda context: import_notes(db_path, library, path, context),
            on_done=lambda summary: self._imported(path, summary),
            on_error=lambda error: self._import_failed(path, error),
        )

    def _import_failed(self, path: Path, error: BaseException) -> None:
        if isinstance(error, ImportRefused):
            text = f"{path.name} was not imported; nothing was changed.\n\n{error.message}"
        else:
            text = error_message(error)
        self._message(QMessageBox.Icon.Warning, "Notes not imported", text)

    def _imported(self, path: Path, summary: ImportSummary) -> None:
        if summary.ids:
            self._context.signals.notes_merged.emit(sorted(summary.ids))
        if summary.changed:
            self._schedule_write()
        self._message(
            QMessageBox.Icon.Information,
            "Notes imported",
            f"Imported {path.name}:\n\n" + "\n".join(summary.lines()),
        )
        self.imported.emit(summary)

    def _db_path(self, *, writable: bool) -> Path | None:
        """The notes file a task opens its own connection to; None if it cannot be used."""
        notes = self._notes()
        if notes is None or notes.database is None or not notes.readable:
            return None
        if writable and not notes.writable:
            return None
        return notes.database.path

    def import_file(self, path: Path) -> ImportSummary | None:
        """Merge an export file now, on the UI thread, and show what happened (as
        start_import does); None (nothing changed) if refused."""
        store = self._store()
        if store is None:
            self._message(
                QMessageBox.Icon.Warning, "Notes not imported", "Your notes cannot be changed now."
            )
            return None
        try:
            summary = import_file(
                store, self._context.library, path, document_for=self._context.document_for
            )
        except (ImportRefused, StorageError) as error:
            self._import_failed(path, error)
            return None
        self._imported(path, summary)
        return summary

    # -- sync folder -----------------------------------------------------------------------

    @property
    def sync_dir(self) -> Path | None:
        """The sync folder in use: --sync-dir for this session, else the saved one."""
        if not self._sync_enabled:
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
    def show_sync_dialog(self) -> None:
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
        folder, db_path = self.sync_dir, self._db_path(writable=True)
        if folder is None or db_path is None:
            return None
        if not folder.is_dir():
            self._window.show_status(f"The sync folder {folder} is not available.", 8000)
            return None
        if self._sync_task is not None and not self._sync_task.is_done:
            return self._sync_task  # focus changes come in bursts: one sync at a time
        self._write_timer.stop()
        try:
            self._ident()
        except OSError as error:
            self._window.show_status(f"Notes were not synced: {error}", 10000)
            return None
        library, data_dir = self._context.library, self._context.data_dir
        task = task_runner(self._window.as_widget()).submit(
            "write",
            "Syncing notes",
            lambda context: sync_notes(db_path, library, data_dir, folder, context),
            on_done=self._synced,
            on_error=self._sync_failed,
        )
        self._sync_task = task
        return task

    def _sync_failed(self, error: BaseException) -> None:
        self._window.show_status(f"Notes were not synced: {error_message(error)}", 10000)

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
                "Some notes were not synced",
                "These files in the sync folder were left out; nothing was imported from "
                "them:\n\n" + "\n\n".join(f"{p.name}: {m}" for p, m in fresh),
            )
        if result.write_error:
            self._window.show_status(result.write_error, 10000)
        else:
            merged = sum(s.added + s.updated + s.deleted for s in result.merged.values())
            self._window.show_status(f"Notes synced ({merged} changes from other computers).", 5000)
        self.synced.emit(result)

    @Slot()
    def _schedule_write(self) -> None:
        if self.sync_dir is not None:
            self._write_timer.start()

    @Slot()
    def flush_sync_file(self) -> Path | None:
        """Write our export to the sync folder now (normally done shortly after a change)."""
        self._write_timer.stop()
        folder, store = self.sync_dir, self._store()
        if folder is None or store is None or not folder.is_dir():
            return None
        try:
            return write_sync_file(store, self._context.library, folder, self._ident())
        except (StorageError, OSError) as error:
            self._window.show_status(f"Notes were not synced: {error}", 10000)
            return None

    @Slot()
    def _write_in_background(self) -> None:
        folder, db_path = self.sync_dir, self._db_path(writable=True)
        if folder is None or db_path is None or not folder.is_dir():
            return
        try:
            ident = self._ident()
        except OSError as error:
            self._window.show_status(f"Notes were not synced: {error}", 10000)
            return
        library = self._context.library
        task_runner(self._window.as_widget()).submit(
            "write",
            "Writing notes to the sync folder",
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


def install_exchange(
    context: AppContext,
    window: ReaderWindow,
    sync_dir: Path | None = None,
    *,
    sync: bool = True,
) -> ExchangeFeature:
    """Add Export Notes…, Import Notes… and Sync Folder… to the window's File menu.

    `sync_dir` (from --sync-dir) overrides the saved folder for this session; with `sync`
    False (screenshots) the sync folder is never read or written.
    """
    # Before any file dialog can open: its state goes to the data folder, never to ~/.config.
    route_qt_settings(context.data_dir)
    feature = ExchangeFeature(context, window, sync_dir, sync)
    window.as_widget().installEventFilter(feature)
    return feature
