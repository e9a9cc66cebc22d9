"""The chapter view: a QTextBrowser with a centred reading column, safe images and positions."""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import (
    QFontMetricsF,
    QImage,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextImageFormat,
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
        self._image_widths: dict[int, float] = {}
        self._heading_ids: list[str] = []
        self._heading_positions: list[int] = []
        self._heading_tops: list[float] | None = None
        self._current_heading: str | None = None
        self._side_margin = -1
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._image_timer = QTimer(self)
        self._image_timer.setSingleShot(True)
        self._image_timer.setInterval(0)
        self._image_timer.timeout.connect(self._size_images)
        self.anchorClicked.connect(self.link_clicked)
        self.verticalScrollBar().valueChanged.connect(self._update_current_heading)
        self.document().documentLayout().documentSizeChanged.connect(self._forget_layout)

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
        self.setExtraSelections([])
        qdoc = self.document()
        qdoc.setDefaultStyleSheet(chapter_stylesheet(theme, font_px))
        qdoc.setDefaultFont(body_font(font_px))
        qdoc.setDocumentMargin(0)
        self.setHtml(doc.rendered.html)
        self._side_margin = -1
        self._image_widths = {}
        self._apply_margins()
        self._size_images()
        self._positions = PositionMap(doc.plain.text, qdoc.toRawText())
        self._heading_ids = [s.heading_id for s in doc.plain.sections]
        self._heading_positions = [self._positions.to_qt(s.offset) for s in doc.plain.sections]
        self._heading_tops = None
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
        return max(120.0, self.viewport().width() - 2 * max(self._side_margin, 0))

    def measure_px(self) -> float:
        """The preferred width of the text column for the current font size."""
        return QFontMetricsF(body_font(self._font_px)).averageCharWidth() * _MEASURE_CHARS

    def _apply_margins(self) -> None:
        width = self.viewport().width()
        margin = max(_MIN_SIDE_MARGIN, round((width - self.measure_px()) / 2))
        bottom = max(_TOP_MARGIN, self.viewport().height() - self._font_px)
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        if margin == self._side_margin and fmt.bottomMargin() == bottom:
            return
        self._side_margin = margin
        fmt.setLeftMargin(margin)
        fmt.setRightMargin(margin)
        fmt.setTopMargin(_TOP_MARGIN)
        # Room below the end so that the last section can still be scrolled to the top.
        fmt.setBottomMargin(bottom)
        frame.setFrameFormat(fmt)
        # Resizing images edits character formats; doing that inside a resize event leaves
        # Qt's lazy layout with blocks it never lays out again, so it waits for the event loop.
        self._image_timer.start()

    def _size_images(self) -> None:
        """Give each image its width: a share of the column, never wider than the column."""
        column = min(self.measure_px(), self.column_width())
        qdoc = self.document()
        block = qdoc.begin()
        changes: list[tuple[int, QTextImageFormat]] = []
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fmt.isImageFormat():
                    image = fmt.toImageFormat()
                    ref = self._images.get(image.name())
                    width = self._image_width(ref, column) if ref is not None else None
                    if width is not None and self._image_widths.get(fragment.position()) != width:
                        image.setWidth(width)
                        image.setHeight(0)
                        image.clearProperty(QTextFormat.Property.ImageHeight)
                        self._image_widths[fragment.position()] = width
                        changes.append((fragment.position(), image))
                it += 1
            block = block.next()
        for position, image in changes:
            cursor = QTextCursor(qdoc)
            cursor.setPosition(position)
            cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(image)

    def _image_width(self, ref: ImageRef, column: float) -> float | None:
        if ref.width_percent is not None:
            return round(column * ref.width_percent / 100.0)
        if ref.status != "found":
            return round(min(column, ref.width_pixels or column * 0.8))
        if ref.width_pixels is not None:
            return min(float(ref.width_pixels), round(column))
        image = self._load_image(ref)
        if image is not None and image.width() / image.devicePixelRatio() > column:
            return round(column)
        return None

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
        if self._document is not None:
            self._apply_margins()

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
        column = min(self.measure_px(), self.column_width())
        width = round(self._image_width(ref, column) or column)
        return placeholder_image(ref.label, reason, width, self._theme, self.devicePixelRatioF())

    # -- positions and headings ------------------------------------------------------------

    @Slot()
    def _forget_layout(self) -> None:
        self._heading_tops = None

    def _tops(self) -> list[float]:
        if self._heading_tops is None:
            layout = self.document().documentLayout()
            qdoc = self.document()
            self._heading_tops = [
                layout.blockBoundingRect(qdoc.findBlock(pos)).top()
                for pos in self._heading_positions
            ]
        return self._heading_tops

    def heading_top(self, heading_id: str) -> float | None:
        """The y coordinate of heading `heading_id` in the document, or None."""
        try:
            return self._tops()[self._heading_ids.index(heading_id)]
        except ValueError:
            return None

    @Slot()
    def _update_current_heading(self) -> None:
        if not self._heading_ids:
            return
        tops = self._tops()
        bar = self.verticalScrollBar()
        y = bar.value() + _CURRENT_SLACK
        index = bisect_right(tops, y) - 1
        current = self._heading_ids[max(index, 0)]
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
        position = self.cursorForPosition(QPoint(self._side_margin + 1, 1)).position()
        return self._positions.from_qt(position)

    def cursor_for_range(self, start: int, end: int) -> QTextCursor:
        """A cursor selecting plain-text range [start, end)."""
        cursor = QTextCursor(self.document())
        if self._positions is not None:
            last = self.document().characterCount() - 1
            cursor.setPosition(min(self._positions.to_qt(start), last))
            cursor.setPosition(
                min(self._positions.to_qt(end), last), QTextCursor.MoveMode.KeepAnchor
            )
        return cursor

    # -- drawing layers (highlights, find marks) -------------------------------------------

    def set_layer(self, name: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Replace the extra selections of layer `name`; later layers draw on top."""
        self._layers[name] = selections
        merged: list[QTextEdit.ExtraSelection] = []
        for layer in self._layers.values():
            merged.extend(layer)
        self.setExtraSelections(merged)

    def layer(self, name: str) -> list[QTextEdit.ExtraSelection]:
        """The extra selections of layer `name`."""
        return list(self._layers.get(name, []))
