"""Keeps the reader's place in the chapter view while its text is laid out again.

A resize, the sidebar, a new font size or theme and a revised chapter all make Qt wrap
the text anew; the scroll bar keeps its pixel value, so without help the view would show
another paragraph. The place is the character at the top of the view and how far the
top sits below that character's line, counted in lines so that it scales with the font.
"""

from __future__ import annotations

from typing import NamedTuple, Protocol

from PySide6.QtCore import QObject, QPoint, QTimer, Slot
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument
from PySide6.QtWidgets import QScrollBar

from reader.ui.positions import PositionMap

# A resize burst (a window edge dragged) ends when no resize came for this long.
_BURST_MS = 30
# How much text is kept to find the place again in a revised chapter.
_CONTEXT_CHARS = 80
_SHORT_CONTEXT_CHARS = 24


class Place(NamedTuple):
    """Where the reader is: the first character at the top of the view, and how far the
    view's top is below (or, in a gap between paragraphs, above) that character's line."""

    offset: int  # plain-text offset of the character
    context: str  # the plain text from there, to find the place again in a revised text
    lines: float  # the top's distance below the line's top, in heights of that line


class PlacedView(Protocol):
    """What the keeper needs of the chapter view."""

    @property
    def positions(self) -> PositionMap | None:
        """Plain-text/Qt position conversion for the chapter shown."""

    def plain_text(self) -> str:
        """The plain text of the chapter shown ("" when none)."""

    def verticalScrollBar(self) -> QScrollBar:
        """The view's vertical scroll bar."""

    def cursorForPosition(self, pos: QPoint, /) -> QTextCursor:
        """The cursor at a point of the viewport."""

    def document(self) -> QTextDocument:
        """The document shown."""


def find_again(text: str, place: Place) -> int:
    """The offset in `text` where `place` is now: the same offset when the text there is
    unchanged, else the occurrence of its context nearest to the old offset."""
    if text[place.offset : place.offset + len(place.context)] == place.context:
        return place.offset
    for size in (len(place.context), _SHORT_CONTEXT_CHARS):
        needle = place.context[:size]
        if not needle.strip():
            break
        after = text.find(needle, place.offset)
        before = text.rfind(needle, 0, place.offset + len(needle))
        found = [o for o in (after, before) if o >= 0]
        if found:
            return min(found, key=lambda o: abs(o - place.offset))
    return min(place.offset, max(0, len(text) - 1))


class PlaceKeeper(QObject):
    """Brings the reader's place back to the top after the view is laid out again."""

    def __init__(self, view: PlacedView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._bar = view.verticalScrollBar()
        # The scroll value wanted, kept until reached: right after a new layout the
        # scroll range may still be too short (Qt lays long chapters out in steps).
        self._target: int | None = None
        self._target_place: Place | None = None
        self._applying = False
        # The last place given back and the scroll value it gave: while the reader has
        # not scrolled since, the next change keeps that same place (measuring again
        # would move it to the start of its line each time, and drift upwards).
        self._kept: tuple[Place, int] | None = None
        self._resizing = False  # Qt moves the scroll value itself while resizing
        # The place held through a burst of resizes, taken before the first one.
        self._burst_place: Place | None = None
        self._burst = QTimer(self)
        self._burst.setSingleShot(True)
        self._burst.setInterval(_BURST_MS)
        self._burst.timeout.connect(self._end_burst)
        self._bar.rangeChanged.connect(self._on_range)
        self._bar.valueChanged.connect(self._on_value)
        self._bar.actionTriggered.connect(self._on_user_scroll)

    # -- taking and giving back a place ------------------------------------------------------

    def capture(self) -> Place | None:
        """The place shown now (the one still being brought back, if any)."""
        if self._burst_place is not None:
            return self._burst_place
        if self._target_place is not None and self._target is not None:
            return self._target_place
        if self._kept is not None and self._kept[1] == self._bar.value():
            return self._kept[0]
        return self.measure()

    def measure(self, y: int | None = None) -> Place | None:
        """The place at the top of the view as it is laid out now (with the top at
        document `y`, if given)."""
        positions = self._view.positions
        if positions is None:
            return None
        if y is None:
            y = self._bar.value()
        cursor = self._view.cursorForPosition(QPoint(1, y - self._bar.value()))
        block = cursor.block()
        position = cursor.position()
        # Between blocks Qt may answer with a hidden one (a folded body).
        while block.isValid() and not block.isVisible():
            block = block.next()
            position = block.position()
        if not block.isValid():
            return None
        top, height = self._line_of(block, position - block.position())
        offset = positions.from_qt(position)
        text = self._view.plain_text()
        lines = (y - top) / height if height > 0 else 0.0
        return Place(offset, text[offset : offset + _CONTEXT_CHARS], lines)

    def restore(self, place: Place) -> None:
        """Scroll so that `place` is at the top again, in the text as laid out now."""
        positions = self._view.positions
        if positions is None:
            return
        offset = find_again(self._view.plain_text(), place)
        if offset == 0 and place.lines <= 0:
            # At or above the chapter's first line: the top of the page, its margin shown
            # (the margin and a first box's padding are not measured in lines of text).
            self.scroll_to(0, Place(0, place.context, place.lines))
            return
        qdoc = self._view.document()
        position = min(positions.to_qt(offset), max(0, qdoc.characterCount() - 1))
        block = qdoc.findBlock(position)
        while block.isValid() and not block.isVisible():
            block = block.next()
        if not block.isValid():
            return
        # Asking for the line's place lays the document out as far as it (and no further).
        top, height = self._line_of(block, max(0, position - block.position()))
        moved = Place(offset, place.context, place.lines)
        self.scroll_to(top + place.lines * height, moved)

    def scroll_to(self, y: float, place: Place | None = None) -> None:
        """Scroll to `y`, and keep trying while the scroll range is still too short."""
        # A place taken before this scroll is no longer the reader's.
        self._burst_place = None
        self._kept = None
        self._target = round(y)
        self._target_place = place
        self._apply()
        if self._target is not None and place is None:
            # Not reached yet: a resize meanwhile must keep the place aimed at.
            self._target_place = self.measure(self._target)

    def cancel(self) -> None:
        """Forget the place being brought back (another chapter is shown)."""
        self._target = None
        self._target_place = None
        self._burst_place = None
        self._kept = None
        self._burst.stop()

    # -- resizes -----------------------------------------------------------------------------

    def before_resize(self) -> None:
        """Take the place before the first resize of a burst, while the old layout holds."""
        if self._burst_place is None:
            self._burst_place = self.capture()
        self._resizing = True
        self._burst.start()

    def after_resize(self) -> None:
        """Bring the place back after one resize of a burst (again when the burst ends)."""
        self._resizing = False
        if self._burst_place is not None:
            self.restore(self._burst_place)

    @Slot()
    def _end_burst(self) -> None:
        place, self._burst_place = self._burst_place, None
        if place is not None:
            self.restore(place)

    # -- reaching the target -----------------------------------------------------------------

    def _line_of(self, block: QTextBlock, in_block: int) -> tuple[float, float]:
        """The top (document y) of the line holding `in_block` of `block`, and how far the
        next line starts below it (a line's own height leaves out the line spacing)."""
        rect = self._view.document().documentLayout().blockBoundingRect(block)
        layout = block.layout()
        line = layout.lineForTextPosition(in_block) if layout is not None else None
        if line is None or not line.isValid():
            return rect.top(), rect.height()
        if line.lineNumber() + 1 < layout.lineCount():
            pitch = layout.lineAt(line.lineNumber() + 1).y() - line.y()
        else:
            pitch = rect.height() - line.y()
        return rect.top() + line.y(), max(1.0, pitch)

    def _apply(self) -> None:
        if self._target is None:
            return
        self._applying = True
        try:
            self._bar.setValue(self._target)
        finally:
            self._applying = False
        if self._bar.value() == self._target:
            if self._target_place is not None:
                self._kept = (self._target_place, self._target)
            self._target = None
            self._target_place = None

    @Slot(int, int)
    def _on_range(self, _minimum: int, _maximum: int) -> None:
        self._apply()

    @Slot(int)
    def _on_value(self, value: int) -> None:
        # Someone else scrolled (not a clamp by a range still growing): their place wins.
        if self._applying or self._resizing:
            return
        self._burst_place = None
        self._kept = None
        if self._target is None:
            return
        if value != self._bar.maximum() or value > self._target:
            self._target = None
            self._target_place = None

    @Slot(int)
    def _on_user_scroll(self, _action: int) -> None:
        self._kept = None
        self._target = None
        self._target_place = None
        self._burst_place = None
