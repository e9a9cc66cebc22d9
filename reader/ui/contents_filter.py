"""The Contents filter: which chapters a typed text keeps, and the box it is typed in."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

# The Qt namespace is reached through its module, and only on a key press: this module is
# loaded before the first paint, and PySide makes the namespace's enums (15-20 ms) on first use.
from PySide6 import QtCore
from PySide6.QtCore import Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from reader.ui.contents_panel import ContentsPanel

PLACEHOLDER = "Filter chapters"


def fold(text: str) -> str:
    """`text` without accents and case, so that "cafe" finds "Café" and "ÉTÉ" finds "été"."""
    if text.isascii():  # most titles: nothing to decompose (a third of the time on 10,000)
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def query_words(text: str) -> tuple[str, ...]:
    """The folded words of a filter text; none for blank text (nothing is filtered)."""
    return tuple(fold(text).split())


def folded_paths(titles: Sequence[str], parents: Sequence[int]) -> list[str]:
    """Each chapter's folded title after those of its ancestors, one title a line.

    `parents[i]` is the index of chapter i's parent (-1 at the top level), and a parent
    always comes before its children (the library's depth-first reading order).
    """
    paths: list[str] = []
    for title, parent in zip(titles, parents, strict=True):
        own = fold(title)
        paths.append(f"{paths[parent]}\n{own}" if parent >= 0 else own)
    return paths


def visibility(
    paths: Sequence[str], parents: Sequence[int], words: Sequence[str]
) -> tuple[list[bool], list[bool], list[bool]]:
    """Which chapters match, which stay visible, and which have a visible child chapter.

    A chapter matches when every word is in its title or an ancestor's title (so a
    module's name keeps its lessons); a chapter stays visible when it matches or one
    of its descendants does, so that every match is reached through its ancestors.
    """
    matched = [all(word in path for word in words) for path in paths]
    visible = list(matched)
    opened = [False] * len(paths)
    # Children come after their parent: walking backwards settles every child first.
    for index in range(len(paths) - 1, -1, -1):
        parent = parents[index]
        if visible[index] and parent >= 0:
            visible[parent] = True
            opened[parent] = True
    return matched, visible, opened


class FilterBox(QLineEdit):
    """The line above the Contents: typing narrows the tree, Esc clears, Down enters it."""

    def __init__(self, panel: ContentsPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._panel = panel
        self.setObjectName("contentsFilter")
        self.setPlaceholderText(PLACEHOLDER)
        self.setClearButtonEnabled(True)
        self.setAccessibleName(PLACEHOLDER)
        self.setToolTip("Show only the chapters whose titles (or their modules') hold this text")

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
        # Typed text is shown as written (set by the property's name: the enum would make
        # PySide create the Qt namespace's enums before the first paint).
        self._none.setProperty("textFormat", "PlainText")
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
        self._none.setText(f"No chapter title holds “{text.strip()}”." if not found else "")
        self._none.setVisible(not found)
