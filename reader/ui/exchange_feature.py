"""File > Export Notes…, Import Notes… and Sync Folder…: notes that travel between machines."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
)

from reader.core.exchange import Format, export
from reader.core.i18n import translate
from reader.core.importing import ImportRefused, ImportSummary, import_file
from reader.storage.db import StorageError
from reader.ui.actions import make_action
from reader.ui.context import AppContext, Notes, NotesUnavailable, ReaderWindow
from reader.ui.exchange_dialogs import (
    FORMAT_LABELS,
    ExportDialog,
    dialog_options,
    route_qt_settings,
)
from reader.ui.exchange_tasks import export_notes, import_notes
from reader.ui.plain import show_message
from reader.ui.sync_folder import SyncFolder, notes_file, writable_store
from reader.ui.tasks import Task, error_message, task_runner
from reader.ui.window_menus import FILE_EXCHANGE


class ExchangeFeature(QObject):
    """Export and import of notes for one window, and its sync folder (`sync`)."""

    imported = Signal(object)  # ImportSummary, after an import changed or checked the notes

    def __init__(
        self, context: AppContext, window: ReaderWindow, sync_dir: Path | None, sync: bool
    ) -> None:
        super().__init__(window.as_widget())
        self._context = context
        self._window = window
        self._sync_enabled = sync
        self.last_message: QMessageBox | None = None
        self.sync = SyncFolder(context, window, sync_dir, sync, self._message)
        self._build_actions()

    def _build_actions(self) -> None:
        window = self._window.as_widget()
        self.export_action = make_action(
            window,
            translate("ExchangeFeature", "&Export Notes…"),
            self.ask_export,
            "Ctrl+E",
            tip=translate(
                "ExchangeFeature", "Save your highlights and notes as study notes or JSON"
            ),
        )
        self.import_action = make_action(
            window,
            translate("ExchangeFeature", "&Import Notes…"),
            self.ask_import,
            "Ctrl+I",
            tip=translate(
                "ExchangeFeature", "Merge highlights and notes exported on another computer"
            ),
        )
        self.sync_action = make_action(
            window,
            translate("ExchangeFeature", "Sync &Folder…"),
            self.sync.show_dialog,
            "Ctrl+Shift+S",
            tip=translate("ExchangeFeature", "Share notes with other computers through a folder"),
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
            translate("ExchangeFeature", "Export Notes"),
            str(self.export_folder() / name),
            translate("ExchangeDialogs", FORMAT_LABELS[fmt]),
            options=dialog_options(),
        )
        if path:
            self.start_export(Path(path), fmt, slug)

    def export_folder(self) -> Path:
        """Where the export dialog opens: the folder of the last export, else the home folder."""
        folder = self._context.settings.export_dir
        return folder if folder is not None and folder.is_dir() else Path.home()

    def _exported(self, path: Path) -> None:
        self._window.show_status(
            translate("ExchangeFeature", "Notes exported to {path}.").format(path=path), 6000
        )
        # The next export offers the same folder (the student's notes folder, a USB stick).
        self._context.settings.export_dir = path.parent
        self._context.settings.sync()

    def start_export(self, path: Path, fmt: Format, chapter: str | None = None) -> Task | None:
        """Export as `export_to` does, off the UI thread; the Task's `finished` gives the path."""
        db_path = notes_file(self._notes(), writable=False)
        if db_path is None:
            self._message(
                QMessageBox.Icon.Warning,
                translate("ExchangeFeature", "Notes not exported"),
                translate("ExchangeFeature", "Your notes cannot be read."),
            )
            return None
        library, info = self._context.library, self._context.library_info

        self._window.show_status(
            translate("ExchangeFeature", "Exporting notes to {name}…").format(name=path.name)
        )
        return task_runner(self._window.as_widget()).submit(
            "read",
            translate("ExchangeFeature", "Exporting notes"),
            lambda context: export_notes(db_path, library, info, path, fmt, chapter, context),
            on_done=lambda written: self._exported(Path(written)),
            on_error=lambda error: self._export_failed(path, error),
        )

    def _export_failed(self, path: Path, error: BaseException) -> None:
        text = error_message(error)
        if isinstance(error, OSError) and not isinstance(error, StorageError):
            text = translate("ExchangeFeature", "{path} could not be written ({reason}).").format(
                path=path, reason=error.strerror or error
            )
        self._message(
            QMessageBox.Icon.Warning, translate("ExchangeFeature", "Notes not exported"), text
        )

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
                QMessageBox.Icon.Warning,
                translate("ExchangeFeature", "Notes not exported"),
                translate("ExchangeFeature", "Your notes cannot be read."),
            )
            return None
        try:
            records = store.list(chapter, include_deleted=fmt == "json")
            text = export(
                records, self._context.library, fmt, document_for=self._context.document_for
            )
            path.write_text(text, encoding="utf-8", newline="\n")
        except StorageError as error:
            self._message(
                QMessageBox.Icon.Warning,
                translate("ExchangeFeature", "Notes not exported"),
                error.message,
            )
            return None
        except OSError as error:
            self._message(
                QMessageBox.Icon.Warning,
                translate("ExchangeFeature", "Notes not exported"),
                translate("ExchangeFeature", "{path} could not be written ({reason}).").format(
                    path=path, reason=error.strerror or error
                ),
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
            translate("ExchangeFeature", "Import Notes"),
            str(Path.home()),
            translate("ExchangeFeature", "Notes exports (*.json);;All files (*)"),
            options=dialog_options(),
        )
        if path:
            self.start_import(Path(path))

    def start_import(self, path: Path) -> Task | None:
        """Merge an export file off the UI thread (one write at a time) and show the result."""
        db_path = notes_file(self._notes(), writable=True)
        if db_path is None:
            self._message(
                QMessageBox.Icon.Warning,
                translate("ExchangeFeature", "Notes not imported"),
                translate("ExchangeFeature", "Your notes cannot be changed now."),
            )
            return None
        library, library_id = self._context.library, self._context.library_id

        self._window.show_status(
            translate("ExchangeFeature", "Importing {name}…").format(name=path.name)
        )
        return task_runner(self._window.as_widget()).submit(
            "write",
            translate("ExchangeFeature", "Importing notes"),
            lambda context: import_notes(db_path, library, library_id, path, context),
            on_done=lambda summary: self._imported(path, summary),
            on_error=lambda error: self._import_failed(path, error),
        )

    def _import_failed(self, path: Path, error: BaseException) -> None:
        if isinstance(error, ImportRefused):
            text = translate(
                "ExchangeFeature", "{name} was not imported; nothing was changed."
            ).format(name=path.name)
            text += f"\n\n{error.message}"
        else:
            text = error_message(error)
        self._message(
            QMessageBox.Icon.Warning, translate("ExchangeFeature", "Notes not imported"), text
        )

    def _imported(self, path: Path, summary: ImportSummary) -> None:
        if summary.ids:
            self._context.signals.notes_merged.emit(sorted(summary.ids))
        if summary.changed:
            self.sync.schedule_write()
        self._message(
            QMessageBox.Icon.Information,
            translate("ExchangeFeature", "Notes imported"),
            translate("ExchangeFeature", "Imported {name}:").format(name=path.name)
            + "\n\n"
            + "\n".join(summary.lines()),
        )
        self.imported.emit(summary)

    def import_file(self, path: Path) -> ImportSummary | None:
        """Merge an export file now, on the UI thread, and show what happened (as
        start_import does); None (nothing changed) if refused."""
        store = writable_store(self._notes())
        if store is None:
            self._message(
                QMessageBox.Icon.Warning,
                translate("ExchangeFeature", "Notes not imported"),
                translate("ExchangeFeature", "Your notes cannot be changed now."),
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
    window.as_widget().installEventFilter(feature.sync)
    return feature
