"""The Contents sidebar: the chapters as the course nests them, each with its headings."""

from __future__ import annotations

from collections.abc import Callable
from itertools import compress

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Signal, Slot
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QGuiApplication,
    QHelpEvent,
    QKeyEvent,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from reader.core.i18n import translate
from reader.core.library import Chapter
from reader.core.outline import OutlineNode
from reader.ui.focus_cue import draw_focus_ring, is_menu_key, open_context_menu, ring_rect
from reader.ui.plain import plain_tooltip
from reader.ui.qt_names import TREE_ITEM_USER_TYPE, USER_ROLE
from reader.ui.theme import solid_brush
from reader.ui.title_filter import folded_paths, query_words

# The panel is built before the first paint, so its roles and item types are the named
# values of reader/ui/qt_names.py, not the enums.
_SLUG_ROLE = USER_ROLE
_HEADING_ROLE = USER_ROLE + 1  # unset on a chapter's own row
# Row kinds as item types: given to the constructor, so telling a chapter from a heading
# or a part costs no call per row.
_CHAPTER = TREE_ITEM_USER_TYPE + 1
_HEADING = TREE_ITEM_USER_TYPE + 2
_PART = TREE_ITEM_USER_TYPE + 3


def same_title(heading: str, title: str) -> bool:
    """Whether a heading repeats a chapter title, ignoring case and spacing."""
    return " ".join(heading.split()).casefold() == " ".join(title.split()).casefold()


class ContentsPanel(QTreeWidget):
    """A tree of chapters and headings; activating an entry asks to show it.

    Chapters nest under `Chapter.parent`; a chapter's own headings come first (added when
    it is first expanded), then the chapters listed under it. An mdBook part is a row
    that cannot be chosen, above the first chapter of the part.
    """

    heading_activated = Signal(str, str)  # chapter slug, heading id ("" for the chapter start)

    def __init__(
        self, outline_of: Callable[[Chapter], list[OutlineNode]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._outline_of = outline_of
        self._accent = QColor("#1a5fb4")
        self._reset()
        self.setObjectName("contentsPanel")
        self.setHeaderHidden(True)
        # A second, narrow column says how far each chapter has been read ("42%", "✓");
        # hidden until one has. Fixed width: sizing it to its contents would measure every
        # row of a large library at each change.
        self.setColumnCount(2)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.setColumnHidden(1, True)
        self._marks: dict[str, str] = {}
        self._mark_colour = QColor("#5e6670")
        self._done_colour = QColor("#1a7f37")
        # Every row is one line of the same font size: the tree need not measure each row
        # to lay out (a filter keystroke on 10,000 chapters relays them all out).
        self.setUniformRowHeights(True)
        self.setIndentation(14)
        self.setAnimated(False)
        self.setExpandsOnDoubleClick(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # The marker (accent, bold) is the only mark of the section being read: the
        # keyboard's selection shows only while the tree has the focus. A see-through
        # colour holds in every theme; the text keeps the theme's colour.
        unfocused = self.palette()
        unfocused.setColor(
            QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight, QColor(0, 0, 0, 0)
        )
        self.setPalette(unfocused)
        self.setAccessibleName(translate("ContentsPanel", "Contents"))
        self.itemActivated.connect(self._activate)
        self.itemClicked.connect(self._activate)
        self.itemExpanded.connect(self._fill)

    def _reset(self) -> None:
        # Chapters by position in reading order; a parent always comes before its children.
        self._chapters: list[Chapter] = []
        self._items: list[QTreeWidgetItem] = []
        self._parents: list[int] = []  # index of each chapter's parent, -1 at the top
        self._index: dict[str, int] = {}
        self._parts: list[tuple[QTreeWidgetItem, list[int]]] = []  # row, its chapters
        # Filled chapters: heading id -> row (the title heading's id -> the chapter row),
        # and the heading rows directly under the chapter.
        self._headings: dict[str, dict[str, QTreeWidgetItem]] = {}
        self._heading_rows: dict[str, list[QTreeWidgetItem]] = {}
        self._marked: QTreeWidgetItem | None = None
        self.last_menu: QMenu | None = None  # the entry menu shown last (tests look at it)
        self._marked_key: tuple[str, str] | None = None
        # The filter: its words, each chapter's folded titles (made at the first filter),
        # what is hidden, and which rows it expanded (collapsed again when it is cleared).
        self._words: tuple[str, ...] = ()
        self._paths: list[str] | None = None
        self._matched: list[bool] = []
        self._hits: list[int] = []  # the matching chapters' indices
        self._hidden: list[bool] = []
        self._rows_hidden: set[str] = set()
        self._opened_by_filter: set[int] = set()

    def set_chapters(self, chapters: tuple[Chapter, ...]) -> None:
        """List the library's chapters, nested; their headings are added when first expanded."""
        self.clear()
        self._reset()
        marks, self._marks = self._marks, {}  # the rows are new: shown again below
        self._chapters = list(chapters)
        self._index = {chapter.slug: i for i, chapter in enumerate(chapters)}
        self._hidden = [False] * len(chapters)
        font = self.font()
        font.setWeight(QFont.Weight.DemiBold)
        part_font = self.font()
        part_font.setWeight(QFont.Weight.Bold)
        part_font.setCapitalization(QFont.Capitalization.AllUppercase)
        expandable = QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator
        rows: dict[int, list[QTreeWidgetItem]] = {-1: []}  # the rows under each chapter
        last_part: dict[int, str | None] = {}
        open_part: dict[int, int] = {}  # the part row each sibling list is in, by index
        # As few calls per entry as will do: a library may hold thousands of chapters.
        for i, chapter in enumerate(chapters):
            item = QTreeWidgetItem([chapter.title], _CHAPTER)
            item.setData(0, _SLUG_ROLE, chapter.slug)
            item.setFont(0, font)
            item.setChildIndicatorPolicy(expandable)
            self._items.append(item)
            parent = self._index.get(chapter.parent, -1) if chapter.parent else -1
            if parent >= i:  # a parent listed after its child: keep the child at the top
                parent = -1
            self._parents.append(parent)
            siblings = rows.setdefault(parent, [])
            before = last_part.get(parent, chapters[parent].part if parent >= 0 else None)
            if chapter.part != before:
                open_part.pop(parent, None)
                if chapter.part:
                    part = QTreeWidgetItem([chapter.part], _PART)
                    part.setFont(0, part_font)
                    part.setToolTip(0, plain_tooltip(chapter.part))
                    part.setDisabled(True)  # a title, not a place to go
                    siblings.append(part)
                    open_part[parent] = len(self._parts)
                    self._parts.append((part, []))
            last_part[parent] = chapter.part
            if parent in open_part:
                self._parts[open_part[parent]][1].append(i)
            siblings.append(item)
        # Children join their (still detached) parents first, then the whole tree goes in
        # at once: one model update for the whole library.
        for parent, children in rows.items():
            if parent >= 0:
                self._items[parent].addChildren(children)
        self.addTopLevelItems(rows[-1])
        # The filter's folded titles, made once now rather than at the first keystroke.
        self._paths = folded_paths([c.title for c in chapters], self._parents)
        if marks:
            self.set_progress_marks(marks)

    def update_chapters(self, chapters: tuple[Chapter, ...]) -> bool:
        """List `chapters` anew if they differ in what the tree shows; True if it did.

        A filter being typed is applied again to the new list.
        """
        shown = [(c.slug, c.title, c.abstract, c.parent, c.part) for c in self._chapters]
        if shown == [(c.slug, c.title, c.abstract, c.parent, c.part) for c in chapters]:
            return False
        words = self._words
        self.set_chapters(chapters)
        if words:
            self.set_filter(" ".join(words))
        return True

    def set_accent(self, colour: QColor) -> None:
        """The colour that marks the section being read (and the keyboard's row)."""
        self._accent = colour
        if self._marked is not None:
            self._marked.setForeground(0, solid_brush(colour))

    def drawRow(
        self,
        painter: QPainter,
        options: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Draw the row, and a ring around the current one while the tree has the focus."""
        super().drawRow(painter, options, index)
        # Checked first and cheaply: rows are drawn at the first paint, before Qt's enums.
        if self.hasFocus() and index == self.currentIndex():
            rect = ring_rect(self)
            if rect is not None:
                draw_focus_ring(painter, rect, self._accent)

    # -- headings --------------------------------------------------------------------------

    @Slot(QTreeWidgetItem)
    def _fill(self, item: QTreeWidgetItem) -> None:
        """Add a chapter's headings above the chapters listed under it, once."""
        if item.type() != _CHAPTER:
            return
        slug = item.data(0, _SLUG_ROLE)
        if slug in self._headings:
            return
        chapter = self._chapters[self._index[slug]]
        nodes = self._outline_of(chapter)
        ids: dict[str, QTreeWidgetItem] = {}
        if nodes and same_title(nodes[0].heading.title, chapter.title):
            # The chapter's row already says its title: the title heading's sections
            # move up one level instead of repeating it.
            ids[nodes[0].heading.id] = item
            nodes = nodes[0].children + nodes[1:]
        rows = [self._heading_row(slug, node, ids) for node in nodes]
        self._headings[slug] = ids
        self._heading_rows[slug] = rows
        if not rows:
            default = QTreeWidgetItem.ChildIndicatorPolicy.DontShowIndicatorWhenChildless
            item.setChildIndicatorPolicy(default)
            return
        item.insertChildren(0, rows)  # all at once, before any chapter listed under it
        if self._words and not self._matched[self._index[slug]]:
            self._set_rows_hidden(slug, True)
        # Sections show their subsections (as before); nothing else is filled by it.
        blocked = self.blockSignals(True)
        for row in ids.values():
            if row is not item:
                # Headings carry no reading mark: their titles take the whole width.
                row.setFirstColumnSpanned(True)
                if row.childCount():
                    row.setExpanded(True)
        self.blockSignals(blocked)

    def _heading_row(
        self, slug: str, node: OutlineNode, ids: dict[str, QTreeWidgetItem]
    ) -> QTreeWidgetItem:
        row = QTreeWidgetItem([node.heading.title], _HEADING)
        row.setData(0, _SLUG_ROLE, slug)
        row.setData(0, _HEADING_ROLE, node.heading.id)
        row.setToolTip(0, plain_tooltip(node.heading.title))
        ids.setdefault(node.heading.id, row)
        if node.children:
            row.addChildren([self._heading_row(slug, child, ids) for child in node.children])
        return row

    def expand_chapter(self, slug: str) -> None:
        """Show the headings of chapter `slug`, and the chapters it is listed under."""
        index = self._index.get(slug)
        if index is None:
            return
        item = self._items[index]
        self._fill(item)
        self._reveal(item)
        item.setExpanded(True)

    def refresh_chapter(self, chapter: Chapter) -> None:
        """Take a revised version of a listed chapter: its title, and its headings again."""
        index = self._index.get(chapter.slug)
        if index is None:
            return
        self._chapters[index] = chapter
        item = self._items[index]
        item.setText(0, chapter.title)
        rows = self._heading_rows.pop(chapter.slug, None)
        ids = self._headings.pop(chapter.slug, {})
        if self._marked is not None and (self._marked in ids.values()):
            self._marked = None
        for row in rows or []:
            item.removeChild(row)
        if rows is not None and item.isExpanded():
            self._fill(item)
        elif rows is not None:
            expandable = QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator
            item.setChildIndicatorPolicy(expandable)

    def _reveal(self, item: QTreeWidgetItem) -> None:
        """Expand every row above `item`, outermost first (each fills its headings)."""
        above = []
        parent = item.parent()
        while parent is not None:
            above.append(parent)
            parent = parent.parent()
        for row in reversed(above):
            if not row.isExpanded():
                row.setExpanded(True)

    # -- activation and the current section ------------------------------------------------

    @Slot(QTreeWidgetItem)
    def _activate(self, item: QTreeWidgetItem) -> None:
        self.activate(item)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """An entry's menu: open it, show or hide what is beneath it, copy its title."""
        item = self.itemAt(event.pos())
        if item is not None and item.type() != _PART:
            self.entry_menu(item).popup(event.globalPos())

    def entry_menu(self, item: QTreeWidgetItem) -> QMenu:
        """The menu of a Contents entry (what a right-click or the Menu key opens)."""
        menu = QMenu(self)
        menu.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        opening = menu.addAction(translate("ContentsPanel", "&Open"))
        opening.triggered.connect(lambda: self.activate(item))
        menu.setDefaultAction(opening)
        if item.childCount() or item.type() == _CHAPTER:
            folding = menu.addAction(
                translate("ContentsPanel", "&Collapse")
                if item.isExpanded()
                else translate("ContentsPanel", "&Expand")
            )
            folding.triggered.connect(lambda: item.setExpanded(not item.isExpanded()))
        copying = menu.addAction(translate("ContentsPanel", "Copy &Title"))
        copying.triggered.connect(lambda: QGuiApplication.clipboard().setText(item.text(0)))
        self.last_menu = menu
        return menu

    def activate(self, item: QTreeWidgetItem) -> None:
        """Ask to show the chapter or heading of `item` (a part's row leads nowhere)."""
        if item.type() != _PART:
            self.heading_activated.emit(item.data(0, _SLUG_ROLE), item.data(0, _HEADING_ROLE) or "")

    def item_for(self, slug: str, heading_id: str) -> QTreeWidgetItem | None:
        """The entry of heading `heading_id` (or the chapter itself for "") in chapter `slug`."""
        index = self._index.get(slug)
        if index is None:
            return None
        item = self._items[index]
        if not heading_id:
            return item
        self._fill(item)
        return self._headings[slug].get(heading_id)

    def mark_current(self, slug: str, heading_id: str | None) -> None:
        """Mark the section being read (one row at a time), and keep it in view."""
        key = (slug, heading_id or "")
        item = self.item_for(*key)
        self._marked_key = key if item is not None else None
        if item is self._marked:
            return
        if self._marked is not None:
            self._marked.setForeground(0, QBrush())
            font = self._marked.font(0)
            chapter = self._marked.type() == _CHAPTER
            font.setWeight(QFont.Weight.DemiBold if chapter else QFont.Weight.Normal)
            self._marked.setFont(0, font)
        self._marked = item
        if item is None:
            return
        item.setForeground(0, solid_brush(self._accent))
        font = item.font(0)
        font.setWeight(QFont.Weight.Bold)
        item.setFont(0, font)
        # Expanded here rather than left to scrollToItem, which opens the rows above only
        # when the view is idle (not while the reader drags in it).
        self._reveal(item)
        # The keyboard's row moves with the marker, so that the two never mark two rows.
        self.setCurrentItem(item)
        self.scrollToItem(item)

    def marked(self) -> tuple[str, str] | None:
        """The (slug, heading id) of the section marked as being read."""
        return self._marked_key

    # -- reading progress ------------------------------------------------------------------

    def set_progress_marks(self, marks: dict[str, str]) -> None:
        """Show each chapter's reading mark by slug ("" unread, "42%" started, "✓" finished)."""
        for slug in set(self._marks) | set(marks):
            self.set_progress_mark(slug, marks.get(slug, ""))

    def set_progress_mark(self, slug: str, mark: str) -> None:
        """Show chapter `slug`'s reading mark ("" for none)."""
        index = self._index.get(slug)
        if index is None or self._marks.get(slug, "") == mark:
            return
        if mark:
            self._marks[slug] = mark
        else:
            self._marks.pop(slug, None)
        item = self._items[index]
        item.setText(1, mark)
        if mark:
            item.setForeground(1, solid_brush(self._mark_for(mark)))
        if self.isColumnHidden(1) == bool(self._marks):
            if self._marks:
                self.setColumnWidth(1, self.fontMetrics().horizontalAdvance("100%") + 14)
            self.setColumnHidden(1, not self._marks)

    def progress_mark(self, slug: str) -> str:
        """The reading mark shown for chapter `slug` ("" for none)."""
        return self._marks.get(slug, "")

    def set_mark_colours(self, started: QColor, finished: QColor) -> None:
        """The colours of a started chapter's percentage and a finished one's check mark."""
        self._mark_colour, self._done_colour = started, finished
        for slug, mark in self._marks.items():
            self._items[self._index[slug]].setForeground(1, solid_brush(self._mark_for(mark)))

    def _mark_for(self, mark: str) -> QColor:
        return self._done_colour if mark == "✓" else self._mark_colour

    # -- the filter ------------------------------------------------------------------------

    def set_filter(self, text: str) -> int:
        """Show only the chapters whose titles (or their ancestors') hold every word of `text`.

        Ancestors of a match stay visible and are expanded; blank text shows everything
        again as it was, with the current section in view. Returns how many chapters match.
        """
        words = query_words(text)
        if words == self._words:
            return len(self._hits) if words else len(self._items)
        if not words:
            self._clear_filter()
            return len(self._items)
        if self._paths is None:
            titles = [chapter.title for chapter in self._chapters]
            self._paths = folded_paths(titles, self._parents)
        hits, matched, visible, opened = self._visibility(words)
        self._words, self._matched, self._hits = words, matched, hits
        # Rows the filter expands add no headings: filling them would render every chapter
        # that has a match beneath it. A chapter's headings come when it is opened.
        blocked = self.blockSignals(True)
        try:
            # Only the rows whose state changes are touched (a keystroke changes few), and
            # they are found in list comprehensions: a Python loop over 10,000 rows with a
            # Qt call in each would take most of a frame.
            hidden, items = self._hidden, self._items
            changed = [
                i for i, pair in enumerate(zip(visible, hidden, strict=True)) if pair[0] == pair[1]
            ]
            for index in changed:
                hide = hidden[index] = not visible[index]
                items[index].setHidden(hide)
            by_filter = self._opened_by_filter
            for index in [i for i in compress(range(len(opened)), opened) if i not in by_filter]:
                item = items[index]
                if not item.isExpanded():
                    item.setExpanded(True)
                    by_filter.add(index)
            for slug in self._heading_rows:
                self._set_rows_hidden(slug, not matched[self._index[slug]])
            for part, members in self._parts:
                part.setHidden(not any(visible[member] for member in members))
        finally:
            self.blockSignals(blocked)
        return len(hits)

    def _visibility(
        self, words: tuple[str, ...]
    ) -> tuple[list[int], list[bool], list[bool], list[bool]]:
        """What `visibility` (reader/ui/title_filter.py) says, made faster for typing.

        The matches, and which chapters match, stay visible and are expanded. A query
        that only narrows the last one (a letter typed) searches the last matches
        alone; ancestors are walked up from the matches, not over the whole list.
        """
        assert self._paths is not None
        paths, parents, before = self._paths, self._parents, self._words
        narrower = bool(before) and all(any(old in new for new in words) for old in before)
        hits = self._hits if narrower else range(len(paths))
        for word in words:
            hits = [i for i in hits if word in paths[i]]
        count = len(paths)
        matched, visible, opened = [False] * count, [False] * count, [False] * count
        for index in hits:
            matched[index] = visible[index] = True
            parent = parents[index]
            while parent >= 0 and not opened[parent]:
                opened[parent] = visible[parent] = True
                parent = parents[parent]
        return list(hits), matched, visible, opened

    def _set_rows_hidden(self, slug: str, hide: bool) -> None:
        """Hide a chapter's headings while it is shown only for a match beneath it."""
        if hide == (slug in self._rows_hidden):
            return
        for row in self._heading_rows[slug]:
            row.setHidden(hide)
        if hide:
            self._rows_hidden.add(slug)
        else:
            self._rows_hidden.discard(slug)

    def _clear_filter(self) -> None:
        blocked = self.blockSignals(True)
        try:
            for index, hide in enumerate(self._hidden):
                if hide:
                    self._items[index].setHidden(False)
            for slug in list(self._rows_hidden):
                self._set_rows_hidden(slug, False)
            for part, _ in self._parts:
                part.setHidden(False)
            for index in self._opened_by_filter:
                self._items[index].setExpanded(False)
        finally:
            self.blockSignals(blocked)
        self._hidden = [False] * len(self._items)
        self._opened_by_filter.clear()
        self._words, self._matched, self._hits = (), [], []
        if self._marked is not None:
            self._reveal(self._marked)
            self.setCurrentItem(self._marked)
            self.scrollToItem(self._marked)

    def first_match(self) -> QTreeWidgetItem | None:
        """The first chapter the filter keeps for itself (None without a filter)."""
        if not self._words:
            return None
        index = next((i for i, hit in enumerate(self._matched) if hit), None)
        return None if index is None else self._items[index]

    def enter_from_filter(self) -> None:
        """Move the keyboard into the tree: to the first match, or to the current row."""
        target = self.first_match()
        if target is None:
            current = self.currentItem()
            if current is not None and self._shown(current):
                target = current
            else:
                target = self._marked if self._marked is not None else self.topLevelItem(0)
        if target is not None:
            self.setCurrentItem(target)
            self.scrollToItem(target)
        self.setFocus(QtCore.Qt.FocusReason.TabFocusReason)

    @staticmethod
    def _shown(item: QTreeWidgetItem) -> bool:
        row: QTreeWidgetItem | None = item
        while row is not None:
            if row.isHidden():
                return False
            row = row.parent()
        return True

    def viewportEvent(self, event: QEvent) -> bool:
        """Give a chapter row its tooltip (its abstract, else its title) when first asked.

        Made on demand: ten thousand tooltips made while listing the chapters would cost
        a quarter of a second, for the few rows a student ever hovers.
        """
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            item = self.itemAt(event.pos())
            if item is not None and item.type() == _CHAPTER and not item.toolTip(0):
                chapter = self._chapters[self._index[item.data(0, _SLUG_ROLE)]]
                item.setToolTip(0, plain_tooltip(chapter.abstract or chapter.title))
        return super().viewportEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter and Return open the entry, even where the platform does not say so; the
        Menu key or Shift+F10 opens its menu."""
        if is_menu_key(event):
            open_context_menu(self)
            return
        current = self.currentItem()
        if (
            event.key() in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter)
            and current is not None
        ):
            self.activate(current)
            return
        super().keyPressEvent(event)
