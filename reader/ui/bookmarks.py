"""Bookmarks: Ctrl+D marks the paragraph at the top of the view, a ribbon in the margin shows it.

A bookmark is an annotation of kind "bookmark" whose quote is the first words of its
paragraph, so it is stored, undone, exported, imported and synced like a highlight, and
found again by the same anchoring when the chapter changes. The Notes panel lists them
in its Bookmarks group (reader/ui/notes_panel.py).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, Qt, Slot
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPolygonF, QTextBlock, QUndoStack
from PySide6.QtWidgets import QWidget

from reader.core.anchoring import Target, describe
from reader.core.i18n import translate
from reader.core.notes import Annotation, AnnotationId
from reader.core.placement import Span
from reader.ui.actions import make_action
from reader.ui.annotation_commands import AddCommand, CommandHost
from reader.ui.context import AppContext, ReaderWindow
from reader.ui.viewer import ChapterView

__all__ = [
    "BOOKMARK_WORDS",
    "AddBookmarkCommand",
    "BookmarkHost",
    "BookmarkMargin",
    "Bookmarks",
    "paragraph_at",
]

BOOKMARK_WORDS = 80
"""How many characters of its paragraph a bookmark quotes (cut at a word's end)."""
# In the Notes menu between the highlight commands (10...) and Undo/Redo (20).
NOTES_BOOKMARK = 15
_RIBBON_WIDTH = 8
_RIBBON_HEIGHT = 16


class BookmarkHost(CommandHost, Protocol):
    """What bookmarks need of the annotations feature: its undo stack and placed bookmarks."""

    undo_stack: QUndoStack

    @property
    def writable(self) -> bool:
        """Whether notes can be changed."""
        ...

    def bookmarks(self) -> list[tuple[Annotation, Span]]:
        """The open chapter's placed bookmarks."""
        ...

    def delete(self, annotation_id: str) -> None:
        """Delete an annotation (undoable)."""
        ...


def paragraph_at(text: str, offset: int) -> tuple[int, int] | None:
    """The plain-text range of the paragraph holding `offset`, or of the next one.

    The plain text has one line per paragraph (heading, list item, table cell); blank
    lines are skipped forward. None when there is no text at or after `offset`.
    """
    offset = max(0, min(offset, len(text)))
    start = text.rfind("\n", 0, offset) + 1
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        if text[start:end].strip():
            return start, end
        start = end + 1
    return None


def bookmark_target(text: str, paragraph: tuple[int, int]) -> Target:
    """The target of a bookmark on `paragraph`: its first words, up to BOOKMARK_WORDS."""
    start, end = paragraph
    while start < end and text[start].isspace():
        start += 1
    cut = min(end, start + BOOKMARK_WORDS)
    if cut < end:
        # Whole words only, unless the first word alone is longer than the limit.
        space = text.rfind(" ", start, cut)
        cut = space if space > start else cut
    while cut > start and text[cut - 1].isspace():
        cut -= 1
    return describe(text, start, cut)


class AddBookmarkCommand(AddCommand):
    """Create a bookmark; undo deletes it (its tombstone kept), redo restores it."""

    def __init__(self, feature: CommandHost, chapter: str, target: Target) -> None:
        super().__init__(feature, chapter, target, "yellow")
        self.setText(translate("Bookmarks", "Bookmark"))

    def _apply(self, *, redo: bool, first: bool) -> None:
        if redo and first:
            store = self._feature.store
            self.annotation = self._wrote(
                store.add(self._chapter, self._target, "yellow", kind="bookmark")
            )
            self._feature.placed_changed(self.annotation)
            return
        super()._apply(redo=redo, first=first)


class BookmarkMargin(QWidget):
    """A thin strip left of the text that paints a ribbon beside each bookmarked paragraph.

    It sits in the viewer's left viewport margin (outside the scrolled area), ignores the
    mouse, and is repainted when the text scrolls or is laid out again.
    """

    def __init__(self, view: ChapterView, host: BookmarkHost, colour: QColor) -> None:
        super().__init__(view)
        self.setObjectName("bookmarkMargin")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._view = view
        self._host = host
        self.colour = colour
        view.verticalScrollBar().valueChanged.connect(self._refresh)
        view.document().documentLayout().documentSizeChanged.connect(self._refresh)
        # The viewport is kept, not asked of the view: while a window is torn down the view
        # goes first and its viewport still sends events.
        self._port = view.viewport()
        self._port.installEventFilter(self)
        self._place()
        # The features (this strip among them) are made after the window's first paint,
        # and a child made after its parent is shown stays hidden until shown itself.
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Follow the viewport when it moves or resizes (the margins change with the width)."""
        if watched is self._port and event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self._place()
        return False

    def _place(self) -> None:
        port = self._port.geometry()
        width = _RIBBON_WIDTH + 8
        self.setGeometry(QRect(max(0, port.left() - width - 4), port.top(), width, port.height()))
        self.raise_()
        self.update()

    @Slot()
    def _refresh(self) -> None:
        self.update()

    def ribbon_tops(self) -> list[int]:
        """Where each bookmark's ribbon is drawn (y in this strip), for the visible ones."""
        positions = self._view.positions
        if positions is None:
            return []
        doc = self._view.document()
        layout = doc.documentLayout()
        scroll = self._view.verticalScrollBar().value()
        tops: list[int] = []
        for _annotation, span in self._host.bookmarks():
            block: QTextBlock = doc.findBlock(positions.to_qt(span.start))
            if not block.isValid() or not block.isVisible():
                continue  # inside a folded details box
            rect = layout.blockBoundingRect(block)
            first_line = block.layout().lineAt(0) if block.layout().lineCount() else None
            line_height = first_line.height() if first_line is not None else _RIBBON_HEIGHT
            y = round(rect.top() - scroll + (line_height - _RIBBON_HEIGHT) / 2)
            if -_RIBBON_HEIGHT < y < self.height():
                tops.append(y)
        return tops

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw a small ribbon (a notched flag) at each bookmarked paragraph's first line."""
        tops = self.ribbon_tops()
        if not tops:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.colour)
        left = float(self.width() - _RIBBON_WIDTH - 2)
        right = left + _RIBBON_WIDTH
        for top in tops:
            y, bottom = float(top), float(top + _RIBBON_HEIGHT)
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(left, y),
                        QPointF(right, y),
                        QPointF(right, bottom),
                        QPointF((left + right) / 2, bottom - _RIBBON_WIDTH / 2),
                        QPointF(left, bottom),
                    ]
                )
            )
        painter.end()


class Bookmarks(QObject):
    """Toggle Bookmark (Ctrl+D) and the margin ribbons, for one window."""

    def __init__(self, context: AppContext, window: ReaderWindow, host: BookmarkHost) -> None:
        super().__init__(window.as_widget())
        self._window = window
        self._host = host
        self.margin = BookmarkMargin(window.view, host, QColor(window.theme.accent))
        self.action = make_action(
            window.as_widget(),
            translate("Bookmarks", "Toggle &Bookmark"),
            self.toggle,
            "Ctrl+D",
            tip=translate(
                "Bookmarks", "Bookmark the paragraph at the top of the page, or remove its bookmark"
            ),
        )
        context.actions.register(self.action, menu="notes", group="bookmark", order=NOTES_BOOKMARK)
        signals = context.signals
        signals.notes_changed.connect(self._refresh)
        signals.notes_replaced.connect(self._refresh)
        signals.chapter_opened.connect(self._refresh)
        signals.theme_changed.connect(self._theme_changed)

    @Slot()
    def _refresh(self) -> None:
        self.margin.update()

    @Slot(str)
    def _theme_changed(self, _name: str) -> None:
        self.margin.colour = QColor(self._window.theme.accent)
        self.margin.update()

    def at_top(self) -> AnnotationId | None:
        """The bookmark of the paragraph at the top of the view, if it has one."""
        doc = self._window.current_document()
        if doc is None:
            return None
        paragraph = paragraph_at(doc.plain.text, self._window.view.top_offset())
        if paragraph is None:
            return None
        for annotation, span in self._host.bookmarks():
            if paragraph[0] <= span.start <= paragraph[1]:
                return annotation.id
        return None

    @Slot()
    def toggle(self) -> Annotation | None:
        """Bookmark the paragraph at the top of the view, or remove its bookmark (undoable)."""
        doc = self._window.current_document()
        if doc is None:
            return None
        if not self._host.writable:
            self._window.show_status(translate("Bookmarks", "Notes cannot be changed now."), 6000)
            return None
        existing = self.at_top()
        if existing is not None:
            self._host.delete(existing)
            self.margin.update()
            return None
        paragraph = paragraph_at(doc.plain.text, self._window.view.top_offset())
        if paragraph is None:
            self._window.show_status(
                translate("Bookmarks", "There is no text here to bookmark."), 4000
            )
            return None
        command = AddBookmarkCommand(
            self._host, doc.chapter.slug, bookmark_target(doc.plain.text, paragraph)
        )
        self._host.undo_stack.push(command)
        self.margin.update()
        if command.annotation is not None:
            self._window.show_status(
                translate("Bookmarks", "Bookmarked. Ctrl+D again removes it."), 4000
            )
        return command.annotation
