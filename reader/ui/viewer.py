"""The chapter view: a QTextBrowser with a centred reading column, safe images and positions."""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QSize, QUrl, Signal, Slot
from PySide6.QtGui import (
    QFontMetricsF,
    QImage,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QFrame, QTextBrowser, QTextEdit, QWidget

from reader.core.document import ChapterDocument
from reader.core.sanitize import ImageRef
from reader.ui.placeholder import placeholder_image
from reader.ui.positions import PositionMap
from reader.ui.theme import LIGHT, Theme, body_font, chapter_stylesheet

# Comfortable measure: about 66 characters a line (serifs report a wide average width).
_MEASURE_CHARS = 72
_MIN_SIDE_MARGIN = 28
_TOP_MARGIN = 36
# Drawing order of the extra-selection layers: marks that point at something (search
# results, find matches, a flash) stay visible over the student's highlights.
LAYER_ORDER = ("highlights", "search", "find", "flash")
# How far below the top a heading may sit and still count as "the current section".
_CURRENT_SLACK = 12


class ChapterView(QTextBrowser):
    """Shows one chapter; never opens links or loads files by itself."""

    link_clicked = Signal(QUrl)
    current_heading_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setObjectName("chapterView")
        self._document: ChapterDocument | None = None
        self._theme: Theme = LIGHT
        self._font_px = 18
        self._positions: PositionMap | None = None
        self._images: dict[str, ImageRef] = {}
        self._image_cache: dict[Path, QImage] = {}
        self._heading_ids: list[str] = []
        self._heading_positions: list[int] = []
        self._heading_tops: list[float] = []
        self._current_heading: str | None = None
        self._side_margin = -1
        # Marks by layer, as (Qt start, Qt end, format).
        self._layers: dict[str, list[tuple[int, int, QTextCharFormat]]] = {}
        self._made: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._shown_key: tuple[int, int] | None = None
        # Always a scroll bar, so the column never shifts when a chapter is short. Set by
        # the property's name: Qt.ScrollBarPolicy would create all of PySide's Qt namespace
        # enums (15-20 ms) before the first page is shown.
        self.setProperty("verticalScrollBarPolicy", "ScrollBarAlwaysOn")
        self.anchorClicked.connect(self.link_clicked)
        self.verticalScrollBar().valueChanged.connect(self._update_current_heading)
        self.verticalScrollBar().valueChanged.connect(self._show_visible_layers)

    # -- showing a chapter -------------------------------------------------------------

    def show_document(self, doc: ChapterDocument, theme: Theme, font_px: int) -> None:
        """Show `doc` styled with `theme` at `font_px`; clears highlights of the last one."""
        self._document = doc
        self._theme = theme
        self._font_px = font_px
        self._images = {
            f"{'image' if ref.status == 'found' else 'placeholder'}:{i}": ref
            for i, ref in enumerate(doc.rendered.images)
        }
        self._layers.clear()
        self._made.clear()
        self._shown_key = None
        self.setExtraSelections([])
        qdoc = self.document()
        qdoc.setDefaultStyleSheet(chapter_stylesheet(theme, font_px))
        qdoc.setDefaultFont(body_font(font_px))
        qdoc.setDocumentMargin(0)
        self.setHtml(doc.rendered.html)
        self._apply_side_margins()
        self._apply_page_margins()
        self._positions = PositionMap(doc.plain.text, qdoc.toRawText())
        self._heading_ids = [s.heading_id for s in doc.plain.sections]
        self._heading_positions = [self._positions.to_qt(s.offset) for s in doc.plain.sections]
        self._heading_tops = []
        self._current_heading = None
        self._update_current_heading()

    @property
    def chapter_document(self) -> ChapterDocument | None:
        """The chapter being shown."""
        return self._document

    @property
    def positions(self) -> PositionMap | None:
        """Plain-text/Qt position conversion for the chapter being shown."""
        return self._positions

    def column_width(self) -> float:
        """The width of the text column in pixels."""
        return float(self.viewport().width())

    def measure_px(self) -> float:
        """The preferred width of the text column for the current font size."""
        return QFontMetricsF(body_font(self._font_px)).averageCharWidth() * _MEASURE_CHARS

    def _apply_side_margins(self) -> None:
        """Centre a column of comfortable measure with viewport margins.

        Margins around the viewport (not inside the document) keep the document as wide as
        the column, so Qt itself sizes images given as a share of it, and resizing never
        edits the document.
        """
        available = self.contentsRect().width() - self.verticalScrollBar().sizeHint().width()
        margin = max(_MIN_SIDE_MARGIN, round((available - self.measure_px()) / 2))
        if margin != self._side_margin:
            self._side_margin = margin
            self._forget_layout()
            self.setViewportMargins(margin, 0, margin, 0)
            # QTextEdit re-wraps its document only in its own resize handling, and margins
            # resize the viewport behind its back: hand it a resize so the text follows.
            super().resizeEvent(QResizeEvent(self.size(), QSize(-1, -1)))

    def _apply_page_margins(self) -> None:
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        fmt.setTopMargin(_TOP_MARGIN)
        # Room below the end, so that the last section can be scrolled to the top.
        screen = self.screen()
        height = screen.availableGeometry().height() if screen is not None else 800
        fmt.setBottomMargin(max(_TOP_MARGIN, height - 4 * self._font_px))
        fmt.setLeftMargin(0)
        fmt.setRightMargin(0)
        frame.setFrameFormat(fmt)

    def _placeholder_width(self, ref: ImageRef) -> float:
        # Drawn for the full measure: Qt scales it down with the column when the window is
        # narrow, and the chapter may be loaded before the window has its size.
        column = self.measure_px()
        if ref.width_percent is not None:
            return column * ref.width_percent / 100.0
        return min(column, ref.width_pixels or column * 0.8)

    def _load_image(self, ref: ImageRef) -> QImage | None:
        if ref.path is None:
            return None
        image = self._image_cache.get(ref.path)
        if image is None:
            image = QImage(str(ref.path))
            self._image_cache[ref.path] = image
        return None if image.isNull() else image

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the column centred and of comfortable measure as the window resizes."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._forget_layout()
        self._apply_side_margins()
        self._shown_key = None
        self._show_visible_layers()

    # -- images ----------------------------------------------------------------------------

    def loadResource(self, type_: int, url: QUrl | str) -> Any:
        """Load only the chapter's own images; draw a placeholder for missing ones."""
        key = url.toString() if isinstance(url, QUrl) else str(url)
        ref = self._images.get(key)
        if type_ != QTextDocument.ResourceType.ImageResource.value or ref is None:
            return None
        if ref.status == "found":
            image = self._load_image(ref)
            if image is not None:
                return image
            reason = "The image file could not be read."
        elif ref.status == "unsafe":
            reason = "Not shown: its path points outside the library."
        else:
            reason = "Figure not available in this copy of the course."
        width = round(self._placeholder_width(ref))
        return placeholder_image(ref.label, reason, width, self._theme, self.devicePixelRatioF())

    # -- positions and headings ------------------------------------------------------------

    def _forget_layout(self) -> None:
        self._heading_tops = []

    def _top_of(self, index: int) -> float:
        """The y of heading `index`, laying the document out only as far as that heading."""
        tops = self._heading_tops
        layout = self.document().documentLayout()
        qdoc = self.document()
        while len(tops) <= index:
            block = qdoc.findBlock(self._heading_positions[len(tops)])
            tops.append(layout.blockBoundingRect(block).top())
        return tops[index]

    def heading_top(self, heading_id: str) -> float | None:
        """The y coordinate of heading `heading_id` in the document, or None."""
        try:
            return self._top_of(self._heading_ids.index(heading_id))
        except ValueError:
            return None

    @Slot()
    def _update_current_heading(self) -> None:
        if not self._heading_ids:
            return
        y = self.verticalScrollBar().value() + _CURRENT_SLACK
        # Walk the headings from the top, so a long chapter opened at its start is laid
        # out only as far as the screen shows (Qt lays out the rest in the background).
        index = max(0, bisect_right(self._heading_tops, y) - 1)
        while index + 1 < len(self._heading_ids) and self._top_of(index + 1) <= y:
            index += 1
        current = self._heading_ids[index]
        if current != self._current_heading:
            self._current_heading = current
            self.current_heading_changed.emit(current)

    def current_heading(self) -> str | None:
        """The id of the section being read (the last heading at or above the top)."""
        return self._current_heading

    def scroll_to_heading(self, heading_id: str) -> bool:
        """Scroll so that heading `heading_id` is at the top; False if there is none."""
        top = self.heading_top(heading_id)
        if top is None:
            return False
        self.verticalScrollBar().setValue(round(top))
        return True

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so that the line holding plain-text `offset` is at the top."""
        if self._positions is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self._positions.to_qt(offset), self.document().characterCount() - 1))
        block = cursor.block()
        layout = self.document().documentLayout()
        top = layout.blockBoundingRect(block).top()
        line = block.layout().lineForTextPosition(cursor.positionInBlock())
        if line.isValid():
            top += line.y()
        self.verticalScrollBar().setValue(round(top))

    def top_offset(self) -> int:
        """The plain-text offset of the first character at the top of the view."""
        if self._positions is None:
            return 0
        position = self.cursorForPosition(QPoint(1, 1)).position()
        return self._positions.from_qt(position)

    def cursor_for_range(self, start: int, end: int) -> QTextCursor:
        """A cursor selecting plain-text range [start, end)."""
        return self.cursors_for_ranges([(start, end)])[0]

    def cursors_for_ranges(self, ranges: list[tuple[int, int]]) -> list[QTextCursor]:
        """Cursors selecting each plain-text range, made without laying the text out.

        QTextCursor.setPosition lays out the block it lands in (and every block before
        it) to remember a column, unless the document is inside an edit block; marking a
        thousand highlights would otherwise lay out the whole chapter.
        """
        qdoc = self.document()
        last = qdoc.characterCount() - 1
        guard = QTextCursor(qdoc)
        guard.beginEditBlock()
        cursors = []
        try:
            for start, end in ranges:
                cursor = QTextCursor(qdoc)
                if self._positions is not None:
                    cursor.setPosition(min(self._positions.to_qt(start), last))
                    cursor.setPosition(
                        min(self._positions.to_qt(end), last), QTextCursor.MoveMode.KeepAnchor
                    )
                cursors.append(cursor)
        finally:
            guard.endEditBlock()
        return cursors

    # -- drawing layers (highlights, find marks) -------------------------------------------

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
