"""Find in chapter: a small bar over the text that marks every match and steps through them."""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QShortcut,
    QTextCharFormat,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsDropShadowEffect,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextEdit,
    QToolButton,
)

from reader.core.i18n import translate
from reader.core.search_query import FoldedText, Span
from reader.ui.theme import LIGHT, Theme
from reader.ui.viewer import ChapterView

LAYER = "find"
# Beyond this many marks setExtraSelections gets slow; the ones nearest the current are kept.
MAX_MARKS = 3000
_MARGIN = 10
_TYPING_DELAY_MS = 80
_FIELD_WIDTH = 200  # the field's width when the view has room


def match_format(theme: Theme, current: bool) -> QTextCharFormat:
    """How a match is drawn: a see-through tint with an underline, so that highlights under
    it stay visible and it stays visible over them; the current match is stronger."""
    fmt = QTextCharFormat()
    accent = QColor(theme.accent)
    tint = QColor(accent)
    tint.setAlpha(150 if current else 55)
    fmt.setBackground(tint)
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(accent)
    return fmt


class FindBar(QFrame):
    """Ctrl+F over the chapter: type to mark matches, Enter/Shift+Enter/F3 to step, Esc to close."""

    matches_changed = Signal(int, int)  # current index (-1: none), number of matches
    closed = Signal()

    def __init__(self, view: ChapterView) -> None:
        # A child of the view itself, not of its viewport: the viewport's children would
        # move with the text when it scrolls.
        super().__init__(view)
        self._view = view
        self._theme: Theme = LIGHT
        self._haystack: FoldedText | None = None
        self._matches: list[Span] = []
        self._current = -1
        self.setObjectName("findBar")
        self.setAccessibleName(translate("FindBar", "Find in chapter"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        # A soft shadow lifts the bar off the text it floats over.
        shadow = QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(18)
        shadow.setOffset(0, 3)
        shadow.setColor(QColor(0, 0, 0, 70))
        self.setGraphicsEffect(shadow)

        self._field = QLineEdit()
        self._field.setObjectName("findField")
        self._field.setPlaceholderText(translate("FindBar", "Find in chapter"))
        self._field.setClearButtonEnabled(True)
        self._field.setAccessibleName(translate("FindBar", "Find in chapter"))
        self._field.setAccessibleDescription(
            translate(
                "FindBar",
                "Enter: next match; Shift+Enter: previous; Ctrl+H highlights the match; Esc closes",
            )
        )
        # Wide enough to read a few words; the bar gives it more when the view has room.
        self._field.setMinimumWidth(90)
        self._field.installEventFilter(self)
        self._count = QLabel()
        self._count.setObjectName("findCount")
        # No accessible name: a screen reader reads the label's own text ("3 of 17").
        # Room for the longest counter text ("999 of 999", "999 matches") without clipping.
        self._count.setMinimumWidth(
            self._count.fontMetrics().horizontalAdvance("9999 matches") + 12
        )
        self._case = self._button("Aa", translate("FindBar", "Match case"))
        self._case.setCheckable(True)
        self._case.setObjectName("findCase")
        self._previous = self._button(
            "↑", translate("FindBar", "Previous match (Shift+Enter, Shift+F3)")
        )
        self._next = self._button("↓", translate("FindBar", "Next match (Enter, F3)"))
        self._close = self._button("✕", translate("FindBar", "Close (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 4, 4)
        layout.setSpacing(2)
        for widget in (self._field, self._count, self._case, self._previous, self._next):
            layout.addWidget(widget)
        layout.addWidget(self._close)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(_TYPING_DELAY_MS)
        self._typing.timeout.connect(self._search)
        self._field.textChanged.connect(self._typing.start)
        self._case.toggled.connect(lambda _checked: self._search())
        self._previous.clicked.connect(self.find_previous)
        self._next.clicked.connect(self.find_next)
        self._close.clicked.connect(self.close_bar)
        # Esc also closes the bar while the focus is in the text below it.
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), view)
        self._escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._escape.setWhatsThis(
            translate("FindBar", "Close the find bar")
        )  # its name in Help > Keyboard Shortcuts
        self._escape.setEnabled(False)
        self._escape.activated.connect(self.close_bar)
        view.installEventFilter(self)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        """A card of the sidebar's colour, drawn here: over the text a style sheet's
        background is not painted when the view repaints beneath the bar."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(self._theme.rule))
        painter.setBrush(QColor(self._theme.sidebar))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        painter.end()

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    # -- public ------------------------------------------------------------------------------

    @property
    def field(self) -> QLineEdit:
        """The text field."""
        return self._field

    def matches(self) -> list[Span]:
        """The plain-text ranges of every match in the chapter."""
        return list(self._matches)

    def current_index(self) -> int:
        """The index of the current match, or -1."""
        return self._current

    def current_match(self) -> Span | None:
        """The plain-text range of the current match while the bar is open (for Ctrl+H)."""
        if self.isHidden() or not 0 <= self._current < len(self._matches):
            return None
        return self._matches[self._current]

    def count_text(self) -> str:
        """What the counter shows ("3 of 17")."""
        return self._count.text()

    def open_bar(self) -> None:
        """Show the bar with its text selected, ready to type; marks the text if any."""
        self.show()
        self.raise_()
        self._place()
        self._escape.setEnabled(True)
        self._field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._field.selectAll()
        if self._field.text():
            self._search(scroll=False)

    @Slot()
    def close_bar(self) -> None:
        """Hide the bar and clear its marks; the focus goes back to the text."""
        if self.isHidden():
            return
        self._typing.stop()
        self.hide()
        self._escape.setEnabled(False)
        self._matches, self._current = [], -1
        self._draw()
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def set_theme(self, theme: Theme) -> None:
        """Use `theme`'s colours for the marks."""
        self._theme = theme
        self._draw()

    def chapter_changed(self) -> None:
        """The view shows another text (or the same one re-laid out): find in it again."""
        doc = self._view.chapter_document
        same = (
            self._haystack is not None and doc is not None and doc.plain.text == self._text().text
        )
        current = self._current
        self._haystack = None
        if self.isVisible() and self._field.text():
            self._search(scroll=False)
            if same and 0 <= current < len(self._matches):
                # Same text re-laid out (theme, font size): keep the place in the matches.
                self._current = current
                self._draw()
                self._update_count()
        else:
            self._matches, self._current = [], -1
            self._update_count()

    @Slot()
    def find_next(self) -> None:
        """Go to the next match, after the top of the view when none is current yet."""
        self._step(+1)

    @Slot()
    def find_previous(self) -> None:
        """Go to the previous match."""
        self._step(-1)

    # -- finding ---------------------------------------------------------------------------

    def _text(self) -> FoldedText:
        if self._haystack is None:
            doc = self._view.chapter_document
            self._haystack = FoldedText(doc.plain.text if doc is not None else "")
        return self._haystack

    def _first_below_top(self) -> int:
        """Like a browser: the first match at or below the top of the view (else the first)."""
        top = self._view.top_offset()
        index = bisect_left(self._matches, (top, top))
        return index if index < len(self._matches) else 0

    @Slot()
    def _search(self, *, scroll: bool = True) -> None:
        self._typing.stop()
        needle = self._field.text()
        self._matches = self._text().find(needle, case_sensitive=self._case.isChecked())
        self._current = self._first_below_top() if self._matches and scroll else -1
        self._draw()
        if self._current >= 0:
            self._reveal(self._matches[self._current])
        self._update_count()

    def _step(self, step: int) -> None:
        if self.isHidden():
            self.open_bar()
            return
        if self._typing.isActive():
            # Enter right after typing: the search itself goes to the first match.
            self._search()
            if step > 0:
                return
        if not self._matches:
            return
        if self._current < 0:
            first = self._first_below_top()
            self._current = first if step > 0 else (first - 1) % len(self._matches)
        else:
            self._current = (self._current + step) % len(self._matches)
        self._draw()
        self._reveal(self._matches[self._current])
        self._update_count()

    def _draw(self) -> None:
        if not self._matches:
            # Creating the layer early would put it under layers added later (highlights).
            if self._view.layer(LAYER):
                self._view.set_layer(LAYER, [])
            return
        lo, hi = 0, len(self._matches)
        if hi > MAX_MARKS:
            middle = max(self._current, 0)
            lo = max(0, min(middle - MAX_MARKS // 2, hi - MAX_MARKS))
            hi = lo + MAX_MARKS
        plain, strong = match_format(self._theme, False), match_format(self._theme, True)
        selections: list[QTextEdit.ExtraSelection] = []
        for index in range(lo, hi):
            start, end = self._matches[index]
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._view.cursor_for_range(start, end)
            selection.format = strong if index == self._current else plain
            selections.append(selection)
        self._view.set_layer(LAYER, selections)

    def _reveal(self, span: Span) -> None:
        self._view.reveal(span[0], span[1])  # a match in a folded details box opens it
        cursor = self._view.cursor_for_range(span[0], span[1])
        rect = self._view.cursorRect(cursor)
        viewport = self._view.viewport().rect()
        # Keep clear of the bar itself, which covers the top of the text.
        if rect.top() < self.geometry().bottom() or rect.bottom() > viewport.bottom():
            bar = self._view.verticalScrollBar()
            bar.setValue(bar.value() + rect.top() - viewport.height() // 3)

    def _update_count(self) -> None:
        total = len(self._matches)
        if not self._field.text():
            text = ""
        elif total == 0:
            text = translate("FindBar", "No matches")
        elif self._current < 0:
            text = translate("FindBar", "%n match(es)", None, total)
        else:
            text = translate("FindBar", "{current} of {total}").format(
                current=self._current + 1, total=total
            )
        self._count.setText(text)
        self.matches_changed.emit(self._current, total)

    # -- events ----------------------------------------------------------------------------

    def _place(self) -> None:
        """At the top right of the text column; never wider than the view, never past its
        left edge (a narrow window would otherwise slide the field under the sidebar)."""
        self.adjustSize()
        view = self._view
        column = view.viewport().geometry()
        # The whole view but its scroll bar: the bar may float over the side margins.
        room = view.contentsRect().adjusted(0, 0, -view.verticalScrollBar().width(), 0)
        # A roomy field where there is room (its own size hint is a little short).
        wanted = self.width() + max(0, _FIELD_WIDTH - self._field.sizeHint().width())
        width = max(self.minimumSizeHint().width(), min(wanted, room.width() - 2 * _MARGIN))
        self.resize(width, self.height())
        right = min(column.right(), room.right() - _MARGIN)
        left = max(room.left() + _MARGIN, right - width)
        self.move(left, column.top() + _MARGIN)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keep the bar at the top right of the text; Enter, Shift+Enter and Esc in the field."""
        if watched is self._view and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        elif watched is self._field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                backwards = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self._step(-1 if backwards else +1)
                return True
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)
