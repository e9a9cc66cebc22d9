"""The chapter view: a QTextBrowser with a centred reading column, safe images and positions."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from PySide6.QtCore import QPoint, QSize, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QImage,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QFrame, QWidget

from reader.core.document import ChapterDocument, DocumentCache
from reader.core.i18n import translate
from reader.core.rendered import ImageRef
from reader.ui.chapter_figures import ChapterFigures
from reader.ui.folds import Folds, fold_index
from reader.ui.layers import LayeredView
from reader.ui.place_keeper import PlaceKeeper
from reader.ui.placeholder import placeholder_image, web_chip
from reader.ui.positions import VIEWER, PositionMap
from reader.ui.qt_names import IMAGE_RESOURCE, SCROLL_BAR_ALWAYS_ON
from reader.ui.theme import LIGHT, Theme, body_font, chapter_stylesheet

# Comfortable measure: about 66 characters a line (serifs report a wide average width).
_MEASURE_CHARS = 72
_MIN_SIDE_MARGIN = 28
_TOP_MARGIN = 36
# Below this (or hidden) the view has not had its size yet: cards are drawn for the full
# measure.
_MIN_CARD_COLUMN = 160
_CARDS_DELAY_MS = 60
_OBJECT = "\ufffc"  # where each image sits in the document's text
# A heading this close below the top of the view is at the top (scroll values are whole
# pixels, heading tops are not).
_AT_TOP = 1


class ChapterView(LayeredView):
    """Shows one chapter; never opens links or loads files by itself."""

    link_clicked = Signal(QUrl)
    link_hovered = Signal(QUrl)  # empty when leaving a link; a details box's own link too
    current_heading_changed = Signal(str)
    fold_toggled = Signal(int, bool)  # details box index, now open

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setObjectName("chapterView")
        self._document: ChapterDocument | None = None
        self._theme: Theme = LIGHT
        self._font_px = 18
        self._images: dict[str, ImageRef] = {}
        # Figures decoded for a column width and pixel ratio, big ones on worker threads
        # behind stand-ins of their size (see reader.ui.chapter_figures).
        self._figures = ChapterFigures(self, self._card)
        self._folds = Folds()
        self._fold_key: tuple[str, str] | None = None
        self._heading_ids: list[str] = []
        self._heading_positions: list[int] = []
        self._heading_tops: list[float] = []
        self._current_heading: str | None = None
        # A jump's target heading is the current section until the reader scrolls, even
        # when the page cannot scroll it to the top (the end of a chapter).
        self._jumped_to: str | None = None
        self._side_margin = -1
        self._keeper = PlaceKeeper(self, self)
        # Where the alignment of each chapter's plain text with Qt's text of it is kept
        # (see reader/ui/positions.py); without one it is worked out at every showing.
        self.alignments: DocumentCache | None = None
        # Figure cards are drawn for the column shown: again when it changes (at the end
        # of a burst of resizes), keeping the place.
        self._cards_drawn_for = 0
        self._cards_timer = QTimer(self)
        self._cards_timer.setSingleShot(True)
        self._cards_timer.setInterval(_CARDS_DELAY_MS)
        self._cards_timer.timeout.connect(self._redraw_cards)
        # Always a scroll bar, so the column never shifts when a chapter is short. Set by
        # the property's name, before the first paint: see reader/ui/qt_names.py.
        self.setProperty("verticalScrollBarPolicy", SCROLL_BAR_ALWAYS_ON)
        self.anchorClicked.connect(self._on_anchor)
        self.highlighted.connect(self._on_hover)
        self.verticalScrollBar().valueChanged.connect(self._update_current_heading)
        self.verticalScrollBar().actionTriggered.connect(self._on_reader_scroll)

    # -- showing a chapter -------------------------------------------------------------

    def show_document(self, doc: ChapterDocument, theme: Theme, font_px: int) -> None:
        """Show `doc` styled with `theme` at `font_px`; clears highlights of the last one.

        The same chapter shown again (another theme or font size, or its file revised) keeps
        the reader's place: the paragraph at the top stays at the top.
        """
        same = self._document is not None and self._document.chapter.slug == doc.chapter.slug
        place = self._keeper.capture() if same else None
        jumped = self._jumped_to if same else None
        self._keeper.cancel()
        self._document = doc
        self._theme = theme
        self._font_px = font_px
        self._images = {
            f"{'image' if ref.status == 'found' else 'placeholder'}:{i}": ref
            for i, ref in enumerate(doc.rendered.images)
        }
        self._clear_layers()
        # The last chapter's queued figures are of no use any more (decoded ones stay cached).
        self._figures.reset(QColor(theme.code_bg))
        qdoc = self.document()
        qdoc.setDefaultStyleSheet(chapter_stylesheet(theme, font_px))
        qdoc.setDefaultFont(body_font(font_px))
        qdoc.setDocumentMargin(0)
        self.setHtml(doc.rendered.html)
        self._apply_side_margins()
        self._apply_page_margins()
        store = self.alignments
        alignment = store.kept_alignment(doc, VIEWER) if store is not None else None
        self._positions, fresh = PositionMap.of_document(doc.plain.text, qdoc, alignment)
        if fresh is not None and store is not None:
            store.keep_alignment(doc, fresh)
        # The same chapter laid out again (theme, font size) keeps the boxes it had open.
        key = (doc.chapter.slug, doc.chapter.content_hash)
        kept = self._folds.opened() if key == self._fold_key else None
        self._folds.reset(qdoc, doc.plain.folds, self._positions, kept)
        self._fold_key = key
        self._heading_ids = [s.heading_id for s in doc.plain.sections]
        self._heading_positions = [self._positions.to_qt(s.offset) for s in doc.plain.sections]
        self._heading_tops = []
        self._current_heading = None
        self._jumped_to = jumped if jumped in self._heading_ids else None
        if place is not None:
            self._keeper.restore(place)
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

    def _card_column(self) -> float:
        """The column width cards are drawn for: the column shown, once the view has its
        size (before, the full measure). Qt shrinks a wider card to the column, and its
        words with it, to 7 px in a small window; cards are drawn again when it narrows."""
        shown = float(self.viewport().width())
        if not self.isVisible() or shown < _MIN_CARD_COLUMN:
            # Not sized yet (and the first page is drawn before Qt's enums exist, which
            # eliding a card's words for a narrow column would make).
            return self.measure_px()
        return min(self.measure_px(), shown)

    def _placeholder_width(self, ref: ImageRef) -> float:
        column = self._card_column()
        if ref.width_percent is not None:
            return column * ref.width_percent / 100.0
        return min(column, ref.width_pixels or column * 0.8)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the column centred and of comfortable measure as the window resizes, and
        the paragraph at the top of the view at the top."""
        if self._document is not None:
            self._keeper.before_resize()
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._forget_layout()
        self._apply_side_margins()
        if self._document is not None:
            self._keeper.after_resize()
            self._cards_timer.start()
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
            shown = self._figures.image(key, ref, self.measure_px(), self.devicePixelRatioF())
            if isinstance(shown, QImage):
                return shown
            reason = shown
        elif ref.status == "unsafe" and ref.src.strip().lower().startswith(("http:", "https:")):
            return web_chip(ref.label, self._theme, self.devicePixelRatioF())
        elif ref.status == "unsafe":
            reason = translate("Viewer", "Not shown: its path points outside the library.")
        else:
            reason = translate("Viewer", "Figure not available in this copy of the course.")
        return self._card(ref, reason)

    def _card(self, ref: ImageRef, reason: str) -> QImage:
        """The card naming figure `ref` and why it is not shown."""
        self._cards_drawn_for = round(self._card_column())
        width = round(self._placeholder_width(ref))
        return placeholder_image(ref.label, reason, width, self._theme, self.devicePixelRatioF())

    def redraw_cards_now(self) -> None:
        """Draw the cards for the column now shown at once, not after the resize settles
        (a screenshot is taken straight after its window is sized)."""
        if self._cards_timer.isActive():
            self._cards_timer.stop()
            self._redraw_cards()

    @Slot()
    def _redraw_cards(self) -> None:
        """Draw the cards of missing figures again for the column now shown."""
        column = round(self._card_column())
        if self._document is None or column == self._cards_drawn_for:
            return
        cards = {key for key, ref in self._images.items() if ref.status != "found"}
        if not cards:
            return
        place = self._keeper.capture()
        qdoc = self.document()
        cursor = qdoc.find(_OBJECT, 0)
        while not cursor.isNull():
            fmt = cursor.charFormat()
            name = fmt.toImageFormat().name() if fmt.isImageFormat() else ""
            if name in cards:
                card = self.loadResource(IMAGE_RESOURCE, name)
                qdoc.addResource(IMAGE_RESOURCE, QUrl(name), card)
                # Lays that one block out again, at the card's new height.
                qdoc.markContentsDirty(cursor.selectionStart(), 1)
            cursor = qdoc.find(_OBJECT, cursor)
        self._forget_layout()  # the text below a card moved
        if place is not None:
            self._keeper.restore(place)
        self._update_current_heading()

    @property
    def figures(self) -> ChapterFigures:
        """The chapter's figures: which are still being decoded, and their worker queue."""
        return self._figures

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
            # A heading in a folded box has no place of its own: it counts from where
            # the text goes on, so the tops stay in order.
            while block.isValid() and not block.isVisible():
                block = block.next()
            top = layout.blockBoundingRect(block).top() if block.isValid() else 0.0
            tops.append(max(top, tops[-1]) if tops else top)
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
        # A heading at the very top counts: within the pixel that rounding the scroll
        # value to whole pixels may cost.
        value = self.verticalScrollBar().value()
        y = value + _AT_TOP
        # Walk the headings from the top, so a long chapter opened at its start is laid
        # out only as far as the screen shows (Qt lays out the rest later).
        index = max(0, bisect_right(self._heading_tops, y) - 1)
        while index + 1 < len(self._heading_ids) and self._top_of(index + 1) <= y:
            index += 1
        if self._jumped_to is not None:
            # The section jumped to stays current while it is on the screen and the top
            # has not gone on past it.
            jumped = self._heading_ids.index(self._jumped_to)
            if index <= jumped and self._top_of(jumped) < value + self.viewport().height():
                index = jumped
            else:
                self._jumped_to = None
        current = self._heading_ids[index]
        if current != self._current_heading:
            self._current_heading = current
            self.current_heading_changed.emit(current)

    def _jump(self, index: int) -> None:
        """Make section `index` current at once: the target of a jump."""
        self._jumped_to = self._heading_ids[index]
        self._update_current_heading()

    @Slot(int)
    def _on_reader_scroll(self, _action: int) -> None:
        # The reader scrolls: the section is the one at the top again.
        if self._jumped_to is not None:
            self._jumped_to = None
            self._update_current_heading()

    def current_heading(self) -> str | None:
        """The id of the section being read (the last heading at or above the top)."""
        return self._current_heading

    def scroll_to_heading(self, heading_id: str) -> bool:
        """Scroll so that heading `heading_id` is at the top; False if there is none."""
        if heading_id not in self._heading_ids:
            return False
        self._open_folds_at(self._heading_positions[self._heading_ids.index(heading_id)])
        top = self.heading_top(heading_id)
        if top is None:
            return False
        self._keeper.scroll_to(top)
        self._jump(self._heading_ids.index(heading_id))
        return True

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so that the line holding plain-text `offset` is at the top."""
        if self._positions is None:
            return
        cursor = QTextCursor(self.document())
        position = min(self._positions.to_qt(offset), self.document().characterCount() - 1)
        self._open_folds_at(position)
        cursor.setPosition(position)
        block = cursor.block()
        layout = self.document().documentLayout()
        top = layout.blockBoundingRect(block).top()
        line = block.layout().lineForTextPosition(cursor.positionInBlock())
        if line.isValid():
            top += line.y()
        # The chapter's start is shown as the top of the page, its margin above the text.
        self._keeper.scroll_to(0 if offset <= 0 else top)
        if self._heading_positions:
            self._jump(max(0, bisect_right(self._heading_positions, position) - 1))

    def plain_text(self) -> str:
        """The plain text of the chapter shown ("" when none)."""
        return self._document.plain.text if self._document is not None else ""

    def top_offset(self) -> int:
        """The plain-text offset of the first character at the top of the view."""
        if self._positions is None:
            return 0
        block = self.cursorForPosition(QPoint(1, 1)).block()
        position = self.cursorForPosition(QPoint(1, 1)).position()
        # Between blocks Qt may answer with a hidden one (a folded body): the text
        # really at the top is the next one shown.
        while block.isValid() and not block.isVisible():
            block = block.next()
            position = block.position()
        return self._positions.from_qt(position)

    # -- details boxes ---------------------------------------------------------------------

    @property
    def folds(self) -> Folds:
        """The chapter's details boxes and which of them are open."""
        return self._folds

    def toggle_fold(self, index: int) -> bool:
        """Open or fold details box `index`; False if the chapter has no such box."""
        if not self._folds.toggle(index):
            return False
        self._after_folds_changed()
        self.fold_toggled.emit(index, self._folds.is_open(index))
        return True

    def reveal(self, start: int, end: int) -> bool:
        """Open every folded box holding plain-text range [start, end); True if any opened."""
        if self._positions is None:
            return False
        return self._open_folds_at(self._positions.to_qt(start), self._positions.to_qt(end))

    def _open_folds_at(self, start: int, end: int | None = None) -> bool:
        opened = [i for i in range(len(self._folds)) if not self._folds.is_open(i)]
        if not self._folds.open_at(start, end):
            return False
        self._after_folds_changed()
        for index in opened:
            if self._folds.is_open(index):
                self.fold_toggled.emit(index, True)
        return True

    def _after_folds_changed(self) -> None:
        # Everything below the box moved: cached heading tops and made cursors are stale.
        self._forget_layout()
        self._redraw_layers()
        self._update_current_heading()

    @Slot(QUrl)
    def _on_anchor(self, url: QUrl) -> None:
        # A summary's link folds its box here; it never reaches the window's link routing.
        index = fold_index(url.toString())
        if index is not None:
            self.toggle_fold(index)
        else:
            self.link_clicked.emit(url)

    @Slot(QUrl)
    def _on_hover(self, url: QUrl) -> None:
        self.link_hovered.emit(QUrl() if fold_index(url.toString()) is not None else url)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab step through the links shown, never into a folded box."""
        moved = super().focusNextPrevChild(next)
        seen = -1
        while moved and self.hasFocus():
            position = self.textCursor().position()
            if position == seen or not self._folds.hides(position):
                break
            seen = position
            moved = super().focusNextPrevChild(next)
        return moved

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
