"""The Notes sidebar tab: every highlight and note, grouped by chapter and section."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.colours import COLOURS, HIGHLIGHTS
from reader.core.exported import dates_label, quote_and_was
from reader.core.i18n import QT_TRANSLATE_NOOP, translate
from reader.core.notes import Annotation
from reader.ui.focus_cue import draw_focus_ring, is_menu_key, open_context_menu, ring_rect
from reader.ui.i18n import interface_language
from reader.ui.note_delegate import (
    BAR_ROLE,
    DATE_ROLE,
    NOTE_ROLE,
    QUOTE_ROLE,
    WAS_ROLE,
    NoteCardDelegate,
)
from reader.ui.plain import plain_tooltip
from reader.ui.theme import Theme, swatch_colour

EntryStatus = Literal["placed", "orphaned", "missing-chapter", "changed-chapter"]
_ID_ROLE = Qt.ItemDataRole.UserRole
_SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
_COLOUR_ROLE = Qt.ItemDataRole.UserRole + 2
ORPHANS_TITLE = QT_TRANSLATE_NOOP("NotesPanel", "Not found in the current text")
MISSING_TITLE = QT_TRANSLATE_NOOP("NotesPanel", "Chapters not in this library")
CHANGED_TITLE = QT_TRANSLATE_NOOP("NotesPanel", "Chapters changed since Field Reader started")
BOOKMARKS_TITLE = QT_TRANSLATE_NOOP("NotesPanel", "Bookmarks")


@dataclass(frozen=True)
class NoteEntry:
    """One annotation as the panel lists it."""

    annotation: Annotation
    chapter_title: str
    section_title: str | None
    status: EntryStatus
    offset: int = 0
    words: str | None = None
    """The words at the passage's place today, when they differ from the stored quote."""


def _swatch(colour: str, theme: Theme) -> QIcon:
    pixmap = QPixmap(12, 28)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(swatch_colour(colour, theme))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(2, 0, 6, 28, 3, 3)
    painter.end()
    return QIcon(pixmap)


def spoken_entry(entry: NoteEntry) -> str:
    """What a screen reader says for a Notes row: kind, colour, place, quote and note."""
    annotation = entry.annotation
    quote = " ".join(annotation.target.quote.exact.split())
    if len(quote) > 160:
        quote = quote[:160] + "…"
    known = HIGHLIGHTS.get(annotation.colour)
    place = entry.section_title or entry.chapter_title
    if known is not None:
        words = translate("NotesPanel", "Highlight, {colour}, in {place}: {quote}").format(
            colour=known.shown_label.lower(), place=place, quote=quote
        )
    else:
        words = translate("NotesPanel", "Highlight in {place}: {quote}").format(
            place=place, quote=quote
        )
    note = " ".join(annotation.note.split())
    return words + (translate("NotesPanel", " Note: {note}").format(note=note) if note else "")


class NotesTree(QTreeWidget):
    """The Notes list: a ring marks the keyboard's row; Menu or Shift+F10 opens its menu."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accent = QColor("#1a5fb4")

    def drawRow(
        self,
        painter: QPainter,
        options: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Draw the row, and a ring around the current one (group rows too) when focused."""
        super().drawRow(painter, options, index)
        if index == self.currentIndex():
            rect = ring_rect(self)
            if rect is not None:
                draw_focus_ring(painter, rect, self.accent)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The Menu key and Shift+F10 open the row's menu; Enter folds a group row."""
        if is_menu_key(event):
            open_context_menu(self)
            return
        item = self.currentItem()
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and item is not None and not item.data(0, _ID_ROLE):
            item.setExpanded(not item.isExpanded())
            return
        super().keyPressEvent(event)


def _month(month: int) -> str:
    """A month's short name in the interface language ("May", "mai")."""
    return QLocale(interface_language()).monthName(month, QLocale.FormatType.ShortFormat)


def _when(stamp: str) -> str:
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return stamp
    return f"{moment:%d} {_month(moment.month)} {moment:%Y, %H:%M}"


def _day(stamp: str) -> str:
    """A stored timestamp as a local date: "3 May", with the year when it is not this one."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return stamp
    day = f"{moment.day} {_month(moment.month)}"
    return day if moment.year == datetime.now().year else f"{day} {moment.year}"


def when_label(annotation: Annotation) -> str:
    """The dates as listed: "created 3 May", and " · edited 5 May" once it was changed."""
    return dates_label(annotation.created, annotation.modified, _day)


class NotesPanel(QWidget):
    """Lists annotations with filters; activating one asks to show it in the text."""

    activated = Signal(str)  # annotation id
    delete_requested = Signal(str)
    menu_requested = Signal(str, QPoint)  # annotation id, where (global): right-click or keys
    scope_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesPanel")
        self._scope = QComboBox()
        self._scope.addItems(
            [translate("NotesPanel", "This chapter"), translate("NotesPanel", "All chapters")]
        )
        self._scope.setAccessibleName(translate("NotesPanel", "Show notes of"))
        self._colour = QComboBox()
        self._colour.addItem(translate("NotesPanel", "All colours"), "")
        self._colour.setAccessibleName(translate("NotesPanel", "Colour filter"))
        self._scope.setAccessibleDescription(
            translate("NotesPanel", "This chapter's notes, or every chapter's")
        )
        self._colour.setAccessibleDescription(
            translate("NotesPanel", "Show only highlights of one colour")
        )
        # Their drop-down lists take the focus too: named after the box they belong to.
        self._scope.view().setAccessibleName(translate("NotesPanel", "Show notes of: choices"))
        self._colour.view().setAccessibleName(translate("NotesPanel", "Colour filter: choices"))
        self._filter = QLineEdit()
        self._filter.setPlaceholderText(translate("NotesPanel", "Filter notes…"))
        self._filter.setClearButtonEnabled(True)
        self._filter.setAccessibleName(translate("NotesPanel", "Filter notes"))
        self._tree = NotesTree()
        self._tree.setObjectName("notesTree")
        self._tree.setAccessibleName(translate("NotesPanel", "Notes"))
        self._tree.setAccessibleDescription(
            translate(
                "NotesPanel",
                "Your highlights by chapter and section. Enter shows one in the text; "
                "the Menu key or Shift+F10 offers Edit Note, Change Colour, Copy Quote and Delete.",
            )
        )
        self._tree.setHeaderHidden(True)
        self._tree.setItemDelegate(NoteCardDelegate(self._tree))
        self._tree.setMouseTracking(True)
        self._tree.setUniformRowHeights(False)
        self._tree.setIndentation(10)
        self._tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._empty = QLabel()
        self._empty.setWordWrap(True)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._empty.setObjectName("notesEmpty")
        self._empty.setAccessibleName(translate("NotesPanel", "No notes shown"))
        self._empty.setMargin(10)
        filters = QHBoxLayout()
        filters.addWidget(self._scope, 1)
        filters.addWidget(self._colour, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(filters)
        layout.addWidget(self._filter)
        layout.addWidget(self._tree, 1)
        layout.addWidget(self._empty, 1)
        self._entries: list[NoteEntry] = []
        self._scope.currentIndexChanged.connect(lambda _i: self.scope_changed.emit())
        self._colour.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self._filter.textChanged.connect(lambda _t: self._apply_filters())
        self._tree.itemActivated.connect(self._activate)
        self._tree.itemClicked.connect(self._activate)
        self._tree.customContextMenuRequested.connect(self._menu)

    def this_chapter_only(self) -> bool:
        """Whether only the open chapter's notes are listed."""
        return self._scope.currentIndex() == 0

    def set_scope(self, all_chapters: bool) -> None:
        """List the notes of all chapters, or of the open one."""
        self._scope.setCurrentIndex(1 if all_chapters else 0)

    def set_colour_filter(self, colour: str) -> None:
        """Show only highlights of `colour` ("" for all)."""
        index = self._colour.findData(colour)
        self._colour.setCurrentIndex(max(index, 0))

    def set_text_filter(self, text: str) -> None:
        """Show only annotations whose quote or note contains `text`."""
        self._filter.setText(text)

    @property
    def tree(self) -> QTreeWidget:
        """The list itself."""
        return self._tree

    def focus_list(self) -> None:
        """Put the keyboard in the list, on its current entry (else the first highlight)."""
        current = self._tree.currentItem()
        if current is None or current.isHidden():
            first = next(iter(self.visible_ids()), None)
            current = self.item_for(first) if first is not None else None
        if current is not None:
            self._tree.setCurrentItem(current)
            self._tree.scrollToItem(current)
        target = self._tree if self._tree.isVisible() else self._filter
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_entries(self, entries: list[NoteEntry], theme: Theme) -> None:
        """Show `entries` (already in reading order), keeping the filters."""
        self._entries = entries
        self._tree.accent = QColor(theme.accent)
        current = self._colour.currentData()
        self._colour.blockSignals(True)
        self._colour.clear()
        self._colour.addItem(translate("NotesPanel", "All colours"), "")
        for colour in COLOURS:
            self._colour.addItem(_swatch(colour, theme), HIGHLIGHTS[colour].shown_label, colour)
        self._colour.setCurrentIndex(max(0, self._colour.findData(current)))
        self._colour.blockSignals(False)
        self._tree.clear()
        groups: dict[tuple[str, ...], QTreeWidgetItem] = {}
        muted = QColor(theme.muted)

        def group(path: tuple[str, ...]) -> QTreeWidgetItem:
            item = groups.get(path)
            if item is None:
                item = QTreeWidgetItem([path[-1]])
                kind = (
                    translate("NotesPanel", "Chapter: {title}")
                    if len(path) == 1
                    else translate("NotesPanel", "Section: {title}")
                )
                item.setData(0, Qt.ItemDataRole.AccessibleTextRole, kind.format(title=path[-1]))
                font = item.font(0)
                font.setBold(len(path) == 1)
                item.setFont(0, font)
                if len(path) > 1:
                    item.setForeground(0, muted)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                if len(path) == 1:
                    self._tree.addTopLevelItem(item)
                else:
                    group(path[:-1]).addChild(item)
                item.setExpanded(True)
                groups[path] = item
            return item

        bookmarks = [e for e in entries if e.annotation.kind == "bookmark"]
        highlights = [e for e in entries if e.annotation.kind != "bookmark"]
        placed = [e for e in highlights if e.status == "placed"]
        others = [e for e in highlights if e.status != "placed"]
        # Bookmarks come first, in a group of their own: they are places to go back to,
        # not passages to study.
        for entry in bookmarks + placed + others:
            if entry.annotation.kind == "bookmark":
                parent = group((translate("NotesPanel", BOOKMARKS_TITLE), entry.chapter_title))
            elif entry.status == "orphaned":
                parent = group((translate("NotesPanel", ORPHANS_TITLE), entry.chapter_title))
            elif entry.status == "missing-chapter":
                parent = group((translate("NotesPanel", MISSING_TITLE), entry.chapter_title))
            elif entry.status == "changed-chapter":
                parent = group((translate("NotesPanel", CHANGED_TITLE), entry.chapter_title))
            else:
                path: tuple[str, ...] = (entry.chapter_title,)
                if entry.section_title:
                    path += (entry.section_title,)
                parent = group(path)
            parent.addChild(self._leaf(entry, theme))
        self._apply_filters()

    def _leaf(self, entry: NoteEntry, theme: Theme) -> QTreeWidgetItem:
        annotation = entry.annotation
        words, was = quote_and_was(annotation, entry.words)
        quote = " ".join(words.split())
        shown = quote if len(quote) <= 220 else quote[:220] + "…"
        earlier = " ".join(was.split()) if was is not None else ""
        item = QTreeWidgetItem([shown])
        item.setData(0, QUOTE_ROLE, shown)
        item.setData(0, WAS_ROLE, earlier[:220] + ("…" if len(earlier) > 220 else ""))
        item.setData(0, NOTE_ROLE, " ".join(annotation.note.split()))
        when = when_label(annotation)
        if annotation.kind == "bookmark":
            # A bookmark names where it is: its section (the quote is the paragraph's start).
            where = entry.section_title or entry.chapter_title
            item.setData(0, DATE_ROLE, f"{where} · {when}")
            item.setData(0, BAR_ROLE, theme.accent)
        else:
            item.setData(0, DATE_ROLE, when)
            item.setData(0, BAR_ROLE, swatch_colour(annotation.colour, theme).name())
            item.setData(0, _COLOUR_ROLE, annotation.colour)
        item.setData(0, _ID_ROLE, annotation.id)
        item.setData(0, _SEARCH_ROLE, f"{quote}\n{earlier}\n{annotation.note}".casefold())
        tip = f"“{quote}”"
        if earlier:
            tip += "\n" + translate("NotesPanel", "was: “{earlier}”").format(earlier=earlier)
        if annotation.note:
            tip += "\n\n" + translate("NotesPanel", "Note: {note}").format(note=annotation.note)
        if entry.status == "orphaned":
            tip += "\n\n" + translate(
                "NotesPanel",
                "This passage is not in the chapter's current text. The highlight is "
                "kept, and Field Reader looks for it again every time the chapter opens.",
            )
        elif entry.status == "changed-chapter":
            tip += "\n\n" + translate(
                "NotesPanel",
                "This chapter's file changed after Field Reader started. The highlight is "
                "kept; start Field Reader again to see it in the new text.",
            )
        item.setToolTip(0, plain_tooltip(tip))
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, spoken_entry(entry))
        status = {
            "orphaned": translate("NotesPanel", "Not found in the current text. "),
            "missing-chapter": translate("NotesPanel", "Its chapter is not in this library. "),
            "changed-chapter": translate(
                "NotesPanel", "Its chapter changed since Field Reader started. "
            ),
        }.get(entry.status, "")
        item.setData(
            0,
            Qt.ItemDataRole.AccessibleDescriptionRole,
            status
            + translate("NotesPanel", "Changed {when}.").format(when=_when(annotation.modified)),
        )
        return item

    def _apply_filters(self) -> None:
        colour = self._colour.currentData() or ""
        needle = self._filter.text().casefold().strip()
        visible = 0

        def walk(item: QTreeWidgetItem) -> bool:
            nonlocal visible
            if item.data(0, _ID_ROLE):
                show = (not colour or item.data(0, _COLOUR_ROLE) == colour) and (
                    not needle or needle in item.data(0, _SEARCH_ROLE)
                )
                item.setHidden(not show)
                visible += int(show)
                return show
            any_child = False
            for i in range(item.childCount()):
                child = item.child(i)
                if child is not None and walk(child):
                    any_child = True
            item.setHidden(not any_child)
            return any_child

        for i in range(self._tree.topLevelItemCount()):
            top = self._tree.topLevelItem(i)
            if top is not None:
                walk(top)
        self._tree.setVisible(visible > 0)
        self._empty.setVisible(visible == 0)
        if not self._entries:
            self._empty.setText(
                translate(
                    "NotesPanel",
                    "No highlights yet. Select text in the chapter and press Ctrl+H "
                    "(or right-click) to highlight it.",
                )
            )
        else:
            self._empty.setText(translate("NotesPanel", "No notes match the filter."))

    def visible_ids(self) -> list[str]:
        """The ids of the annotations listed and not filtered out, top to bottom."""
        out: list[str] = []

        def walk(item: QTreeWidgetItem) -> None:
            if item.isHidden():
                return
            if item.data(0, _ID_ROLE):
                out.append(item.data(0, _ID_ROLE))
            for i in range(item.childCount()):
                child = item.child(i)
                if child is not None:
                    walk(child)

        for i in range(self._tree.topLevelItemCount()):
            top = self._tree.topLevelItem(i)
            if top is not None:
                walk(top)
        return out

    def item_for(self, annotation_id: str) -> QTreeWidgetItem | None:
        """The list entry of an annotation."""
        stack = [self._tree.topLevelItem(i) for i in range(self._tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            if item is None:
                continue
            if item.data(0, _ID_ROLE) == annotation_id:
                return item
            stack.extend(item.child(i) for i in range(item.childCount()))
        return None

    def group_titles(self) -> list[str]:
        """The titles of the top-level groups shown."""
        items = (self._tree.topLevelItem(i) for i in range(self._tree.topLevelItemCount()))
        return [item.text(0) for item in items if item is not None and not item.isHidden()]

    @Slot(QTreeWidgetItem)
    def _activate(self, item: QTreeWidgetItem) -> None:
        annotation_id = item.data(0, _ID_ROLE)
        if annotation_id:
            self.activated.emit(annotation_id)

    def _menu(self, point: QPoint) -> None:
        item = self._tree.itemAt(point)
        if item is None or not item.data(0, _ID_ROLE):
            return
        self._tree.setCurrentItem(item)
        self.menu_requested.emit(item.data(0, _ID_ROLE), self._tree.viewport().mapToGlobal(point))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Delete removes the selected highlight (undoable in the window)."""
        item = self._tree.currentItem()
        if event.key() == Qt.Key.Key_Delete and item is not None and item.data(0, _ID_ROLE):
            self.delete_requested.emit(item.data(0, _ID_ROLE))
            return
        super().keyPressEvent(event)
