"""Asks before a web link leaves the reader: the app is offline-first and never opens silently."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.i18n import translate


class ExternalLinkDialog(QDialog):
    """Shows a web address and lets the user copy it or open it deliberately."""

    opened = Signal(str)

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("LinkDialog", "Link to a web page"))
        self._url = url
        intro = QLabel(
            translate(
                "LinkDialog",
                "This link leads to a web page outside Field Reader. Field Reader works offline "
                "and never opens web pages by itself.",
            )
        )
        intro.setWordWrap(True)
        address = QLineEdit(url)
        address.setReadOnly(True)
        address.setObjectName("address")
        address.setCursorPosition(0)
        buttons = QDialogButtonBox()
        self._copy = QPushButton(translate("LinkDialog", "Copy address"))
        self._open = QPushButton(translate("LinkDialog", "Open in browser"))
        buttons.addButton(self._copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self._open, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self._copy.clicked.connect(self._copy_address)
        self._open.clicked.connect(self._open_in_browser)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(address)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(480, self.sizeHint().height())

    @property
    def url(self) -> str:
        """The address shown."""
        return self._url

    @Slot()
    def _copy_address(self) -> None:
        QGuiApplication.clipboard().setText(self._url)
        self._copy.setText(translate("LinkDialog", "Copied"))

    @Slot()
    def _open_in_browser(self) -> None:
        QDesktopServices.openUrl(QUrl(self._url))
        self.opened.emit(self._url)
        self.accept()
