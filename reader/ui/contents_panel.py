"""The Contents sidebar: every chapter, each with its headings nested beneath."""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore
from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from reader.core.library import Chapter
from reader.core.outline import OutlineNode
from reader.ui.plain import plain_tooltip
from reader.ui.theme import solid_brush

# Qt.ItemDataRole.UserRole (0x0100) as a number: the panel is built before the first paint,
# and PySide creates all of its Qt namespace enums (15-20 ms) at their first use.
_USER_ROLE = 0x0100
_SLUG_ROLE = _USER_ROLE
_HEADING_ROLE = _USER_ROLE + 1  # unset on a chapter's own entry: its heading id is ""


class ContentsPanel(QTreeWidget):
    """A tree of chapters and headings; activating an entry asks to show it."""

    heading_activated = Signal(str, str)  # chapter slug, heading id ("" for the chapter start)

    def __init__(
        self, outline_of: Callable[[Chapter], list[OutlineNode]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._outline_of = outline_of
        self._chapters: dict[str, QTreeWidgetItem] = {}
        self._chapter_of: dict[str, Chapter] = {}
        self._marked: QTreeWidgetItem | None = None
        self._accent = QColor("#1a5fb4")
        self.setObjectName("contentsPanel")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(False)
        self.setIndentation(14)
        self.setAnimated(False)
        self.setExpandsOnDoubleClick(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAccessibleName("Contents")
        self.itemActivated.connect(self._activate)
        self.itemClicked.connect(self._activate)
        self.itemExpanded.connect(self._fill)

    def set_chapters(self, chapters: tuple[Chapter, ...]) -> None:
        """List the library's chapters; their headings are added when first expanded."""
        self.clear()
        self._chapters.clear()
        self._chapter_of = {chapter.slug: chapter for chapter in chapters}
        self._marked = None
        font = self.font()
        font.setWeight(QFont.Weight.DemiBold)
        expandable = QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator
        items = []
        # As few calls per entry as will do: a library may hold a thousand chapters.
        for chapter in chapters:
            item = QTreeWidgetItem([chapter.title])
            item.setData(0, _SLUG_ROLE, chapter.slug)
            item.setToolTip(0, plain_tooltip(chapter.abstract or chapter.title))
            item.setFont(0, font)
            item.setChildIndicatorPolicy(expandable)
            items.append(item)
            self._chapters[chapter.slug] = item
        self.addTopLevelItems(items)  # at once: one model update for the whole library

    def set_accent(self, colour: QColor) -> None:
        """The colour that marks the section being read."""
        self._accent = colour
        if self._marked is not None:
            self._marked.setForeground(0, solid_brush(colour))

    @Slot(QTreeWidgetItem)
    def _fill(self, item: QTreeWidgetItem) -> None:
        if item.parent() is not None or item.childCount():
            return
        slug = item.data(0, _SLUG_ROLE)
        nodes = self._outline_of(self._chapter_of[slug])
        self._add_nodes(item, slug, nodes)
        if not nodes:
            item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.DontShowIndicator)

    def _add_nodes(self, parent: QTreeWidgetItem, slug: str, nodes: list[OutlineNode]) -> None:
        for node in nodes:
            child = QTreeWidgetItem([node.heading.title])
            child.setData(0, _SLUG_ROLE, slug)
            child.setData(0, _HEADING_ROLE, node.heading.id)
            child.setToolTip(0, plain_tooltip(node.heading.title))
            parent.addChild(child)
            self._add_nodes(child, slug, node.children)
        parent.setExpanded(True)

    def expand_chapter(self, slug: str) -> None:
        """Show the headings of chapter `slug`."""
        item = self._chapters.get(slug)
        if item is not None:
            self._fill(item)
            item.setExpanded(True)

    @Slot(QTreeWidgetItem)
    def _activate(self, item: QTreeWidgetItem) -> None:
        self.heading_activated.emit(item.data(0, _SLUG_ROLE), item.data(0, _HEADING_ROLE) or "")

    def item_for(self, slug: str, heading_id: str) -> QTreeWidgetItem | None:
        """The entry of heading `heading_id` (or the chapter itself for "") in chapter `slug`."""
        top = self._chapters.get(slug)
        if top is None or not heading_id:
            return top
        self._fill(top)
        stack = [top.child(i) for i in range(top.childCount())]
        while stack:
            item = stack.pop(0)
            if item is None:
                continue
            if item.data(0, _HEADING_ROLE) == heading_id:
                return item
            stack[0:0] = [item.child(i) for i in range(item.childCount())]
        return None

    def mark_current(self, slug: str, heading_id: str | None) -> None:
        """Mark the section being read, and keep it in view."""
        item = self.item_for(slug, heading_id or "")
        if item is self._marked:
            return
        if self._marked is not None:
            self._marked.setForeground(0, QBrush())
            font = self._marked.font(0)
            font.setWeight(
                QFont.Weight.DemiBold if self._marked.parent() is None else QFont.Weight.Normal
            )
            self._marked.setFont(0, font)
        self._marked = item
        if item is None:
            return
        item.setForeground(0, solid_brush(self._accent))
        font = item.font(0)
        font.setWeight(QFont.Weight.Bold)
        item.setFont(0, font)
        if not self.hasFocus():
            self.setCurrentItem(item)
        self.scrollToItem(item)

    def marked(self) -> tuple[str, str] | None:
        """The (slug, heading id) of the marked entry."""
        if self._marked is None:
            return None
        return self._marked.data(0, _SLUG_ROLE), self._marked.data(0, _HEADING_ROLE) or ""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter and Return open the entry, even where the platform does not say so."""
        current = self.currentItem()
        if (
            event.key() in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter)
            and current is not None
        ):
            self._activate(current)
            return
        super().keyPressEvent(event)
