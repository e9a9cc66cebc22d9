"""The chapter view's drawing layers: highlights, search and find marks, flashes.

Marks are kept as Qt ranges per layer and handed to Qt as extra selections only near
the visible text (see `_show_visible_layers`), so a thousand highlights cost almost
nothing when a chapter opens.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Slot
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from reader.ui.positions import PositionMap

# Drawing order of the extra-selection layers: marks that point at something (search
# results, find matches, a flash) stay visible over the student's highlights.
LAYER_ORDER = ("highlights", "search", "find", "flash")


class LayeredView(QTextBrowser):
    """A QTextBrowser that draws named layers of marks over its text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._positions: PositionMap | None = None
        # Marks by layer, as (Qt start, Qt end, format).
        self._layers: dict[str, list[tuple[int, int, QTextCharFormat]]] = {}
        self._made: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._shown_key: tuple[int, int] | None = None
        self.verticalScrollBar().valueChanged.connect(self._show_visible_layers)

    def _clear_layers(self) -> None:
        self._layers.clear()
        self._made.clear()
        self._shown_key = None
        self.setExtraSelections([])

    def _redraw_layers(self) -> None:
        """Make the marks again: the text under them moved (resize, a folded box)."""
        self._made.clear()
        self._shown_key = None
        self._show_visible_layers()

    def set_layer(self, name: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Replace the marks of layer `name`, drawn in LAYER_ORDER (last on top)."""
        # Copies: a selection's format and cursor belong to the selection, which the
        # caller may let go of.
        self._layers[name] = [
            (s.cursor.selectionStart(), s.cursor.selectionEnd(), QTextCharFormat(s.format))
            for s in selections
        ]
        self._made.pop(name, None)
        self._shown_key = None
        self._show_visible_layers()

    def set_layer_ranges(self, name: str, ranges: list[tuple[int, int, QTextCharFormat]]) -> None:
        """Replace the marks of layer `name` with plain-text ranges in their formats.

        No Qt cursor is made until a mark comes near the screen, so a thousand
        highlights cost almost nothing when a chapter opens.
        """
        to_qt = self._positions.to_qt if self._positions is not None else None
        self._layers[name] = (
            [(to_qt(start), to_qt(end), fmt) for start, end, fmt in ranges] if to_qt else []
        )
        self._made.pop(name, None)
        self._shown_key = None
        self._show_visible_layers()

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        last = self.document().characterCount() - 1
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(start, last))
        cursor.setPosition(min(end, last), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = fmt
        return selection

    def _pieces(self, start: int, end: int, fmt: QTextCharFormat) -> list[QTextEdit.ExtraSelection]:
        """A mark as selections that each stay inside one paragraph.

        For a selection spanning paragraphs Qt measures the whole document's frame, which
        lays out every block of a long chapter; one-paragraph pieces draw the same.
        """
        block = self.document().findBlock(start)
        if not block.isValid() or block.contains(end) or end <= start:
            return [self._selection(start, end, fmt)]
        pieces = []
        while block.isValid() and block.position() < end:
            piece_start = max(start, block.position())
            piece_end = min(end, block.position() + block.length() - 1)
            if piece_end > piece_start:
                pieces.append(self._selection(piece_start, piece_end, fmt))
            block = block.next()
        return pieces

    @Slot()
    def _show_visible_layers(self) -> None:
        """Hand Qt only the marks near the visible text.

        QTextEdit lays out every block an extra selection touches as soon as it is set;
        with a thousand highlights over a long chapter that would be a full layout at
        every opening. Marks more than a screen away are added as the reader scrolls.
        """
        if not any(self._layers.values()):
            if self._shown_key != (-1, -1):
                self._shown_key = (-1, -1)
                self.setExtraSelections([])
            return
        viewport = self.viewport()
        height = viewport.height()
        top = self.cursorForPosition(QPoint(0, -height)).position()
        bottom = self.cursorForPosition(QPoint(viewport.width(), 2 * height)).position()
        if (top, bottom) == self._shown_key:
            return
        self._shown_key = (top, bottom)
        names = sorted(self._layers, key=lambda n: LAYER_ORDER.index(n) if n in LAYER_ORDER else 99)
        visible: list[QTextEdit.ExtraSelection] = []
        guard = QTextCursor(self.document())
        guard.beginEditBlock()  # cursors made here need no layout (see cursors_for_ranges)
        try:
            for name in names:
                for start, end, fmt in self._layers[name]:
                    if end >= top and start <= bottom:
                        visible.extend(self._pieces(start, end, fmt))
        finally:
            guard.endEditBlock()
        layout = self.document().documentLayout()
        for selection in visible:
            # Near the screen, so cheap to lay out; Qt measures a selection in a paragraph
            # that is not laid out yet the slow way.
            layout.blockBoundingRect(selection.cursor.block())
        self.setExtraSelections(visible)

    def layer(self, name: str) -> list[QTextEdit.ExtraSelection]:
        """The marks of layer `name`, one selection each, on screen or not."""
        made = self._made.get(name)
        if made is None:
            guard = QTextCursor(self.document())
            guard.beginEditBlock()
            try:
                made = [self._selection(a, b, fmt) for a, b, fmt in self._layers.get(name, [])]
            finally:
                guard.endEditBlock()
            # Kept: PySide hands out a selection's format by reference, so the selections
            # must outlive the caller's use of them.
            self._made[name] = made
        return list(made)
