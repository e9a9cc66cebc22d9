"""Caret browsing (F7): a visible text cursor in the chapter that keys move and extend.

With it on, the arrows, Ctrl+arrows, Home/End and PgUp/PgDn move a blinking caret through
the text instead of scrolling it, and Shift extends a selection from it, so a reader
without a mouse can select a passage and highlight it (Ctrl+H) exactly as a drag would.
Links still open by mouse and by Tab/Enter. While the caret rests in a highlight, the
text's accessible description says so ("Highlighted, green; note: ..."), and screen
readers are told.
"""

from __future__ import annotations

from collections.abc import Callable

# Qt's namespace is reached through its module: importing the class by name would make
# its enums at once, and the window imports this module before its first paint.
from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, QPoint, Signal, Slot
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QKeyEvent
from PySide6.QtWidgets import QTextEdit

from reader.core.i18n import QT_TRANSLATE_NOOP

# Qt.TextInteractionFlag values, given to the view's property by name: the window can be
# built with caret browsing on, before the first paint, when Qt's enums are not made yet
# (see reader/ui/qt_names.py).
_BROWSER_INTERACTION = 13  # TextBrowserInteraction: select by mouse, links by mouse and keys
_SELECTABLE_BY_KEYBOARD = 2  # TextSelectableByKeyboard: the caret
CARET_WIDTH = 2  # pixels: Qt's default of one is easily lost in a serif text
HINT = QT_TRANSLATE_NOOP("Caret", "Select text first: drag, or press F7 and use Shift+arrows")


def _moves_caret(event: QKeyEvent) -> bool:
    """Whether a key press moves the caret (an arrow, Home/End, PgUp/PgDn)."""
    keys = QtCore.Qt.Key
    return event.key() in (
        keys.Key_Left,
        keys.Key_Right,
        keys.Key_Up,
        keys.Key_Down,
        keys.Key_Home,
        keys.Key_End,
        keys.Key_PageUp,
        keys.Key_PageDown,
    )


class CaretBrowsing(QObject):
    """Turns the chapter view's keyboard caret on and off, and keeps it where the reader is."""

    toggled = Signal(bool)

    def __init__(self, view: QTextEdit, enabled: bool = False) -> None:
        super().__init__(view)
        self._view = view
        self._enabled = False
        if enabled:
            self.set_enabled(True, focus=False)

    def is_enabled(self) -> bool:
        """Whether caret browsing is on."""
        return self._enabled

    @Slot(bool)
    def set_enabled(self, on: bool, *, focus: bool = True) -> None:
        """Show (or hide) the caret; turned on, it starts at the top of the visible text."""
        if on == self._enabled:
            return
        self._enabled = on
        view = self._view
        flags = _BROWSER_INTERACTION | (_SELECTABLE_BY_KEYBOARD if on else 0)
        view.setProperty("textInteractionFlags", flags)
        view.setCursorWidth(CARET_WIDTH if on else 1)
        if on:
            view.installEventFilter(self)
            if view.isVisible():
                self.place_at_top()
            if focus:
                # The caret blinks only in the widget that has the keyboard.
                view.setFocus()
        else:
            view.removeEventFilter(self)
        self.toggled.emit(on)

    def place_at_top(self) -> None:
        """Put the caret at the start of the first line wholly in view, without scrolling."""
        view = self._view
        bar = view.verticalScrollBar()
        value = bar.value()
        cursor = view.cursorForPosition(QPoint(0, 0))
        if view.cursorRect(cursor).top() < 0:
            # The top line is cut by the edge: its next line is the first one readable.
            below = view.cursorRect(cursor).bottom() + 2
            cursor = view.cursorForPosition(QPoint(0, below))
        block = cursor.block()
        # A folded details box's body has no place on screen: the text goes on after it.
        while block.isValid() and not block.isVisible():
            block = block.next()
            if block.isValid():
                cursor.setPosition(block.position())
        view.setTextCursor(cursor)
        bar.setValue(value)

    def caret_in_view(self) -> bool:
        """Whether the caret is on the screen (the reader may have scrolled away from it)."""
        view = self._view
        return view.viewport().rect().intersects(view.cursorRect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A key that moves the caret starts from the text in view if the caret is not."""
        if (
            watched is self._view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and _moves_caret(event)
            and not self._view.textCursor().hasSelection()
            and not self.caret_in_view()
        ):
            # After scrolling with the wheel, opening another chapter or following a link,
            # an arrow should move from what the reader sees, not jump back to the caret.
            self.place_at_top()
        return super().eventFilter(watched, event)


class CaretAnnouncer(QObject):
    """Says in the view's accessible description what the caret is in (a highlight, ...).

    `describe` takes a Qt position and returns the words for it ("" for plain text). Qt
    sends the DescriptionChanged event itself; entering a highlight is also announced,
    politely, to screen readers that support announcements.
    """

    def __init__(self, view: QTextEdit, describe: Callable[[int], str]) -> None:
        super().__init__(view)
        self._view = view
        self._describe = describe
        self._said = ""
        # What the view says of itself away from any highlight.
        self._base = view.accessibleDescription()
        view.cursorPositionChanged.connect(self.update)

    @Slot()
    def update(self) -> None:
        """Describe the caret's place again (after it moved, or the highlights changed)."""
        text = self._describe(self._view.textCursor().position())
        if text == self._said:
            return
        self._said = text
        self._view.setAccessibleDescription(text or self._base)
        if text and QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self._view, text))

    def description(self) -> str:
        """What the view's accessible description says of the caret's place."""
        return self._said
