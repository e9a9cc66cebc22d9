"""About Field Reader: version, licence, Qt and Python versions, and the data folder."""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl, Slot, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader import __version__
from reader.core.i18n import QT_TRANSLATE_NOOP, translate
from reader.paths import license_file
from reader.ui.theme import Theme, app_stylesheet

OFFLINE_LINE = QT_TRANSLATE_NOOP(
    "AboutWindow",
    "Field Reader never uses the network: chapters, pictures, notes and search all stay "
    "on this computer.",
)


def license_line(path: Path | None = None) -> str:
    """The first non-empty line of the LICENSE file ("MIT License"), or why it is missing."""
    source = path if path is not None else license_file()
    try:
        with source.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    return line.strip()
    except (OSError, UnicodeDecodeError):
        pass
    # Said in words rather than guessed: this copy lacks its licence file.
    return translate("AboutWindow", "The licence file ({name}) is missing from this copy.").format(
        name=source.name
    )


def _plain(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # a path is shown as written
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(name)
    label.setAccessibleDescription(text)
    return label


class AboutWindow(QDialog):
    """Which Field Reader this is, under what licence, and where its notes are kept."""

    def __init__(self, data_dir: Path, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self.setWindowTitle(translate("AboutWindow", "About Field Reader"))
        self.setObjectName("aboutWindow")
        self.setAccessibleName(translate("AboutWindow", "About Field Reader"))
        self.setAccessibleDescription(
            translate("AboutWindow", "Version, licence and the folder holding your notes")
        )
        title = QLabel(f"Field Reader {__version__}")
        title.setObjectName("aboutTitle")
        title.setTextFormat(Qt.TextFormat.PlainText)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        title.setAccessibleName(
            translate("AboutWindow", "Field Reader version {version}").format(version=__version__)
        )
        intro = _plain(
            translate("AboutWindow", "An offline reader for course chapters."),
            translate("AboutWindow", "Description"),
        )
        form = QFormLayout()
        form.addRow(
            translate("AboutWindow", "Version:"),
            _plain(__version__, translate("AboutWindow", "Version")),
        )
        form.addRow(
            translate("AboutWindow", "Licence:"),
            _plain(license_line(), translate("AboutWindow", "Licence")),
        )
        form.addRow(
            "Qt:",
            _plain(
                f"{qVersion()} (PySide6 {pyside_version})", translate("AboutWindow", "Qt version")
            ),
        )
        form.addRow(
            "Python:",
            _plain(
                translate("AboutWindow", "{version} on {system}").format(
                    version=platform.python_version(), system=platform.system()
                ),
                "Python",
            ),
        )
        self._folder = _plain(str(data_dir), translate("AboutWindow", "Data folder"))
        self._folder.setObjectName("dataFolder")
        form.addRow(translate("AboutWindow", "Data folder:"), self._folder)
        offline = _plain(
            translate("AboutWindow", OFFLINE_LINE), translate("AboutWindow", "Network use")
        )
        offline.setObjectName("offlineLine")
        self._status = _plain("", translate("AboutWindow", "Status"))
        self._status.setObjectName("aboutStatus")
        self._status.hide()
        self._open = QPushButton(translate("AboutWindow", "Open Data Folder"))
        self._open.setObjectName("openDataFolder")
        self._open.setAccessibleName(translate("AboutWindow", "Open Data Folder"))
        self._open.setAccessibleDescription(
            translate(
                "AboutWindow",
                "Show the folder holding your notes, settings and backups in the file manager",
            )
        )
        self._open.setAutoDefault(False)
        self._open.clicked.connect(self.open_data_folder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self._open, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(translate("AboutWindow", "Close"))
        close.setAccessibleDescription(translate("AboutWindow", "Close this window"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(offline)
        layout.addWidget(self._status)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())
        self.set_theme(theme)

    @property
    def open_button(self) -> QPushButton:
        """The translate("AboutWindow", "Open Data Folder") button."""
        return self._open

    @property
    def status_text(self) -> str:
        """What the window last said about opening the folder ("" when nothing went wrong)."""
        return self._status.text()

    @Slot()
    def set_theme(self, theme: Theme) -> None:
        """Draw the window in `theme`'s colours."""
        self.setStyleSheet(app_stylesheet(theme))

    @Slot()
    def open_data_folder(self) -> None:
        """Show the data folder in the system's file manager (a local folder, never the web)."""
        if not self._data_dir.is_dir():
            self._say(
                translate(
                    "AboutWindow",
                    "The folder {folder} does not exist yet: it is made when you first "
                    "highlight, change a setting or export.",
                ).format(folder=self._data_dir)
            )
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._data_dir))):
            self._say(
                translate(
                    "AboutWindow",
                    "No file manager could be started. The folder is {folder} "
                    "(select the path above to copy it).",
                ).format(folder=self._data_dir)
            )
            return
        self._say("")

    def _say(self, text: str) -> None:
        self._status.setText(text)
        self._status.setAccessibleDescription(text)
        self._status.setVisible(bool(text))
