"""The Contents filter: the box it is typed in, above the tree (matching: title_filter.py)."""

from __future__ import annotations

# The Qt namespace is reached through its module, and only on a key press: this module is
# loaded before the first paint, and PySide makes the namespace's enums (15-20 ms) on first use.
from PySide6 import QtCore
from PySide6.QtCore import Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from reader.core.i18n import QT_TRANSLATE_NOOP, translate
from reader.ui.contents_panel import ContentsPanel
from reader.ui.qt_names import PLAIN_TEXT
from reader.ui.title_filter import fold, folded_paths, query_words, visibility

__all__ = [
    "PLACEHOLDER",
    "ContentsTab",
    "FilterBox",
    "fold",
    "folded_paths",
    "query_words",
    "visibility",
]

PLACEHOLDER = QT_TRANSLATE_NOOP("ContentsFilter", "Filter chapters")


class FilterBox(QLineEdit):
    """The line above the Contents: typing narrows the tree, Esc clears, Down enters it."""

    def __init__(self, panel: ContentsPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._panel = panel
        self.setObjectName("contentsFilter")
        self.setPlaceholderText(translate("ContentsFilter", PLACEHOLDER))
        self.setClearButtonEnabled(True)
        self.setAccessibleName(translate("ContentsFilter", PLACEHOLDER))
        self.setToolTip(
            translate(
                "ContentsFilter",
                "Show only the chapters whose titles (or their modules') hold this text",
            )
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc clears the text (or, when clear, goes to the tree); Down and Enter go there."""
        key = event.key()
        keys = QtCore.Qt.Key
        if key == keys.Key_Escape:
            if self.text():
                self.clear()
            else:
                self._panel.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)
            return
        if key in (keys.Key_Down, keys.Key_PageDown):
            self._panel.enter_from_filter()
            return
        if key in (keys.Key_Return, keys.Key_Enter):
            # The first match opens, as the first result of a search would.
            item = self._panel.first_match()
            if item is not None:
                self._panel.activate(item)
            return
        super().keyPressEvent(event)


class ContentsTab(QWidget):
    """The Contents tab of the sidebar: the filter box above the tree of chapters."""

    def __init__(self, panel: ContentsPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contentsTab")
        self._panel = panel
        self._box = FilterBox(panel)
        self._none = QLabel()
        self._none.setObjectName("contentsFilterStatus")
        # Typed text is shown as written (set by the property's name: see qt_names.py).
        self._none.setProperty("textFormat", PLAIN_TEXT)
        self._none.setWordWrap(True)
        self._none.hide()
        top = QVBoxLayout()
        # The box and its message sit inside a margin; the tree runs to the tab's edges.
        top.setContentsMargins(6, 6, 6, 4)
        top.setSpacing(4)
        top.addWidget(self._box)
        top.addWidget(self._none)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(panel, 1)
        self._box.textChanged.connect(self._filter)

    @property
    def box(self) -> FilterBox:
        """The filter box."""
        return self._box

    @property
    def panel(self) -> ContentsPanel:
        """The tree of chapters."""
        return self._panel

    @Slot(str)
    def _filter(self, text: str) -> None:
        found = self._panel.set_filter(text)
        self._none.setText(
            translate("ContentsFilter", "No chapter title holds “{text}”.").format(
                text=text.strip()
            )
            if not found
            else ""
        )
        self._none.setVisible(not found)
