"""The dialogs of notes exchange (export choices, the sync folder) and portable-mode helpers."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.data_folder import DataFolder
from reader.core.exchange import FORMATS, Format
from reader.core.i18n import QT_TRANSLATE_NOOP, translate
from reader.ui.dialog_parts import ChapterScope, lay_out_dialog


class SyncFolderHost(Protocol):
    """What the Sync Folder dialog shows and changes: the folder, and syncing now."""

    @property
    def sync_dir(self) -> Path | None:
        """The sync folder in use, if any."""
        ...

    def set_sync_dir(self, folder: Path | None) -> None:
        """Use (and remember) a folder, or stop syncing with None."""
        ...

    def sync_now(self) -> object:
        """Merge the sync folder now."""
        ...


_PORTABLE_PROPERTY = "fieldReaderPortable"

FORMAT_LABELS: dict[Format, str] = {
    "md": QT_TRANSLATE_NOOP("ExchangeDialogs", "Markdown study notes (*.md)"),
    "html": QT_TRANSLATE_NOOP("ExchangeDialogs", "Web page, printable (*.html)"),
    "json": QT_TRANSLATE_NOOP(
        "ExchangeDialogs", "Web Annotation JSON, to import elsewhere (*.json)"
    ),
}


def route_qt_settings(data_dir: Path) -> None:
    """Send Qt's own per-user settings (the file dialog's QtProject.conf) to the data folder.

    Qt's file dialog keeps its history and view state in QSettings of the "QtProject"
    organisation, which would otherwise be written under the user's config folder even
    with --data-dir: nothing Field Reader writes may lie outside its data folder. The
    paths are process-wide and read when a QSettings is made, so this must run before
    the first file dialog opens.
    """
    folder = str(DataFolder(data_dir).qt_settings)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            # System scope too: its files are only read, but none from outside should be.
            QSettings.setPath(fmt, scope, folder)


def keep_qt_settings_in(data_dir: Path) -> None:
    """Portable mode: Qt's settings in the data folder (see route_qt_settings), Qt's dialog."""
    route_qt_settings(data_dir)
    app = QCoreApplication.instance()
    if app is not None:
        app.setProperty(_PORTABLE_PROPERTY, True)


def _portable() -> bool:
    app = QCoreApplication.instance()
    return bool(app is not None and app.property(_PORTABLE_PROPERTY))


def dialog_options() -> QFileDialog.Option:
    """Options for file dialogs: Qt's own dialog in portable mode."""
    # The platform's dialog may record recent files in the home folder; portable mode
    # promises to write nothing outside its own folder.
    if _portable():
        return QFileDialog.Option.DontUseNativeDialog
    return QFileDialog.Option(0)


class ExportDialog(QDialog):
    """Asks what to export: the format, and this chapter or every chapter."""

    def __init__(self, parent: QWidget, chapter_title: str | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ExchangeDialogs", "Export Notes"))
        self._format = QComboBox()
        for fmt in FORMATS:
            self._format.addItem(
                translate("ExchangeDialogs", FORMAT_LABELS[fmt]).split(" (")[0], fmt
            )
        self._scope = ChapterScope(self, chapter_title)
        form = QFormLayout()
        form.addRow(translate("ExchangeDialogs", "&Format:"), self._format)
        form.addRow(translate("ExchangeDialogs", "Notes of:"), self._scope.layout)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        lay_out_dialog(self, form, buttons)

    def choice(self) -> tuple[Format, bool]:
        """The chosen format, and whether only the current chapter is exported."""
        return self._format.currentData(), self._scope.this_chapter()


class SyncDialog(QDialog):
    """Shows the sync folder and lets the user choose another, stop, or sync now."""

    def __init__(self, feature: SyncFolderHost, parent: QWidget) -> None:
        super().__init__(parent)
        self._feature = feature
        self.setWindowTitle(translate("ExchangeDialogs", "Sync Folder"))
        self.setMinimumWidth(460)
        explain = QLabel(
            translate(
                "ExchangeDialogs",
                "Field Reader merges the notes exported to this folder by other computers "
                "when it starts and when its window comes back to the front, and keeps this "
                "computer's notes there after every change. Use a shared drive or a USB stick.",
            )
        )
        explain.setWordWrap(True)
        self._folder = QLabel()
        self._folder.setTextFormat(Qt.TextFormat.PlainText)  # a path, shown as written
        self._folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._folder.setWordWrap(True)
        choose = QPushButton(translate("ExchangeDialogs", "&Choose…"))
        choose.clicked.connect(self._choose)
        self._stop = QPushButton(translate("ExchangeDialogs", "&Stop Syncing"))
        self._stop.clicked.connect(lambda: self._set(None))
        self._now = QPushButton(translate("ExchangeDialogs", "Sync &Now"))
        self._now.clicked.connect(feature.sync_now)
        row = QHBoxLayout()
        for button in (choose, self._stop, self._now):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self._folder)
        layout.addLayout(row)
        layout.addWidget(close)
        self._update()

    def _update(self) -> None:
        folder = self._feature.sync_dir
        self._folder.setText(
            translate("ExchangeDialogs", "Folder: {folder}").format(folder=folder)
            if folder
            else translate("ExchangeDialogs", "No sync folder is set.")
        )
        self._stop.setEnabled(folder is not None)
        self._now.setEnabled(folder is not None)

    def _choose(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self,
            translate("ExchangeDialogs", "Choose the Sync Folder"),
            str(self._feature.sync_dir or Path.home()),
            options=dialog_options() | QFileDialog.Option.ShowDirsOnly,
        )
        if chosen:
            self._set(Path(chosen))

    def _set(self, folder: Path | None) -> None:
        self._feature.set_sync_dir(folder)
        self._update()
