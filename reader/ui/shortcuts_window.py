"""Keyboard Shortcuts: every key of the window, read from its live actions so it cannot drift."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.i18n import QT_TRANSLATE_NOOP, translate
from reader.ui.contents_filter import fold
from reader.ui.theme import Theme, app_stylesheet

# Actions that are in no menu: their keys still work anywhere in the window.
OTHER_GROUP = QT_TRANSLATE_NOOP("ShortcutsWindow", "Window")
_LIVE_CONTEXTS = (
    Qt.ShortcutContext.WindowShortcut,
    Qt.ShortcutContext.ApplicationShortcut,
)


@dataclass(frozen=True)
class ShortcutEntry:
    """One command with keys: its menu (group), its text without mnemonics, and its keys."""

    group: str
    text: str
    keys: tuple[str, ...]  # native text, as the platform writes them ("Ctrl+Shift+H")
    portable: tuple[str, ...]  # the same keys in Qt's portable form, for comparing
    window_wide: bool  # False for a key that only works inside one widget (a find bar's Esc)


def strip_mnemonic(text: str) -> str:
    """`text` without its keyboard mnemonic: "&Quit" is "Quit", "A && B" is "A & B"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _menu_groups(window: QMainWindow) -> dict[int, str]:
    """Each action reachable from the menu bar, by id, with its top-level menu's title."""
    groups: dict[int, str] = {}

    def walk(menu: QMenu, title: str) -> None:
        for action in menu.actions():
            groups.setdefault(id(action), title)
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, title)

    for top in window.menuBar().actions():
        sub = top.menu()
        if isinstance(sub, QMenu):
            walk(sub, strip_mnemonic(top.text()))
    return groups


def _lives_in(action: QAction, window: QMainWindow, in_menus: bool) -> bool:
    """Whether the action's keys reach `window`: in its menus, or on one of its widgets."""
    if in_menus:
        return True
    return any(
        isinstance(owner, QWidget) and not isinstance(owner, QMenu) and owner.window() is window
        for owner in action.associatedObjects()
    )


def _keys(sequences: list[QKeySequence]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    kept = [s for s in sequences if not s.isEmpty()]
    native = tuple(s.toString(QKeySequence.SequenceFormat.NativeText) for s in kept)
    portable = tuple(s.toString(QKeySequence.SequenceFormat.PortableText) for s in kept)
    return native, portable


def _shortcut_text(shortcut: QShortcut) -> str:
    """What a bare QShortcut does: its "What's This" text, else where it works."""
    if shortcut.whatsThis():
        return shortcut.whatsThis()
    parent = shortcut.parent()
    where = ""
    if isinstance(parent, QWidget):
        where = parent.accessibleName() or parent.objectName()
    if where:
        return translate("ShortcutsWindow", "Key of {where}").format(where=where)
    return translate("ShortcutsWindow", "Window key")


def collect_shortcuts(window: QMainWindow) -> list[ShortcutEntry]:
    """Every action and shortcut of `window` that has keys, in menu-bar order, read live."""
    groups = _menu_groups(window)
    order = {strip_mnemonic(a.text()): i for i, a in enumerate(window.menuBar().actions())}
    entries: list[ShortcutEntry] = []
    seen: set[int] = set()
    for action in window.findChildren(QAction):
        if id(action) in seen:
            continue
        seen.add(id(action))
        native, portable = _keys(action.shortcuts())
        in_menus = id(action) in groups
        if not native or not _lives_in(action, window, in_menus):
            continue
        entries.append(
            ShortcutEntry(
                groups.get(id(action), translate("ShortcutsWindow", OTHER_GROUP)),
                strip_mnemonic(action.text()) or action.toolTip(),
                native,
                portable,
                action.shortcutContext() in _LIVE_CONTEXTS,
            )
        )
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        if not isinstance(parent, QWidget) or parent.window() is not window:
            continue
        native, portable = _keys([shortcut.key()])
        if native:
            entries.append(
                ShortcutEntry(
                    translate("ShortcutsWindow", OTHER_GROUP),
                    _shortcut_text(shortcut),
                    native,
                    portable,
                    shortcut.context() in _LIVE_CONTEXTS,
                )
            )
    last = len(order)
    entries.sort(key=lambda e: order.get(e.group, last))  # stable: menu order kept inside
    return entries


def find_clashes(entries: list[ShortcutEntry]) -> dict[str, list[str]]:
    """Key sequences bound to more than one window-wide command, with those commands."""
    owners: defaultdict[str, list[str]] = defaultdict(list)
    for entry in entries:
        if entry.window_wide:
            for key in entry.portable:
                owners[key].append(f"{entry.group} > {entry.text}")
    return {key: names for key, names in owners.items() if len(names) > 1}


def _matches(entry: ShortcutEntry, words: list[str]) -> bool:
    haystack = fold(" ".join((entry.group, entry.text, *entry.keys, *entry.portable)))
    return all(word in haystack for word in words)


class ShortcutsWindow(QDialog):
    """Lists the main window's keys by menu, rebuilt from its actions each time it is shown."""

    def __init__(self, window: QMainWindow, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._entries: list[ShortcutEntry] = []
        # The tree's rows: each group's item with its commands' items and entries.
        self._rows: list[tuple[QTreeWidgetItem, list[tuple[QTreeWidgetItem, ShortcutEntry]]]] = []
        self.setWindowTitle(translate("ShortcutsWindow", "Keyboard Shortcuts — Field Reader"))
        self.setObjectName("shortcutsWindow")
        self.setAccessibleName(translate("ShortcutsWindow", "Keyboard Shortcuts"))
        self.setAccessibleDescription(
            translate("ShortcutsWindow", "Every command of Field Reader that has keys, by menu")
        )
        self.setModal(False)
        self._filter = QLineEdit()
        self._filter.setObjectName("shortcutsFilter")
        self._filter.setPlaceholderText(translate("ShortcutsWindow", "Filter shortcuts"))
        self._filter.setClearButtonEnabled(True)
        self._filter.setAccessibleName(translate("ShortcutsWindow", "Filter shortcuts"))
        self._filter.setAccessibleDescription(
            translate(
                "ShortcutsWindow", "Type words to keep only the commands or keys that contain them"
            )
        )
        self._tree = QTreeWidget()
        self._tree.setObjectName("shortcutsList")
        self._tree.setColumnCount(2)
        self._tree.setHeaderLabels(
            [translate("ShortcutsWindow", "Command"), translate("ShortcutsWindow", "Keys")]
        )
        self._tree.setRootIsDecorated(False)
        self._tree.setUniformRowHeights(True)
        self._tree.setAccessibleName(translate("ShortcutsWindow", "Keyboard shortcuts"))
        self._tree.setAccessibleDescription(
            translate("ShortcutsWindow", "Commands grouped by menu, each with its keys")
        )
        self._tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self._tree.header().setStretchLastSection(True)
        self._empty = QLabel()
        self._empty.setObjectName("shortcutsEmpty")
        self._empty.setTextFormat(Qt.TextFormat.PlainText)
        self._empty.setAccessibleName(translate("ShortcutsWindow", "No matching shortcut"))
        self._empty.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self._filter)
        layout.addWidget(self._tree)
        layout.addWidget(self._empty)
        self._filter.textChanged.connect(self._apply_filter)
        self.resize(640, 640)
        self.set_theme(theme)
        self.refresh()

    @property
    def entries(self) -> list[ShortcutEntry]:
        """The commands listed, as read from the window when it was last shown."""
        return list(self._entries)

    @property
    def filter_field(self) -> QLineEdit:
        """The filter box above the list."""
        return self._filter

    def visible_entries(self) -> list[tuple[str, str, str]]:
        """The rows left visible by the filter: (group, command, keys)."""
        return [
            (group.text(0), item.text(0), item.text(1))
            for group, items in self._rows
            for item, _entry in items
            if not item.isHidden()
        ]

    @Slot()
    def set_theme(self, theme: Theme) -> None:
        """Draw the window in `theme`'s colours."""
        self.setStyleSheet(app_stylesheet(theme))

    def refresh(self) -> None:
        """Read the window's actions again and rebuild the list (the filter is kept)."""
        self._entries = collect_shortcuts(self._window)
        self._tree.clear()
        self._rows = []
        groups: dict[str, tuple[QTreeWidgetItem, list[tuple[QTreeWidgetItem, ShortcutEntry]]]]
        groups = {}
        for entry in self._entries:
            if entry.group not in groups:
                group = QTreeWidgetItem(self._tree, [entry.group])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFirstColumnSpanned(True)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[entry.group] = (group, [])
                self._rows.append(groups[entry.group])
            group, items = groups[entry.group]
            item = QTreeWidgetItem(group)
            item.setText(0, entry.text)
            item.setText(1, ",  ".join(entry.keys))
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, entry.text)
            item.setData(1, Qt.ItemDataRole.AccessibleTextRole, " or ".join(entry.keys))
            items.append((item, entry))
        self._tree.expandAll()
        # Commands are short and must be read whole (Qt's own fit leaves indented rows
        # elided by a few pixels); a long list of keys may be cut at the right instead.
        self._tree.setColumnWidth(0, self._tree.sizeHintForColumn(0) + 24)
        self._apply_filter(self._filter.text())

    @Slot(str)
    def _apply_filter(self, text: str) -> None:
        words = fold(text).split()
        shown_total = 0
        for group, items in self._rows:
            shown = 0
            for item, entry in items:
                visible = _matches(entry, words)
                item.setHidden(not visible)
                shown += visible
            group.setHidden(shown == 0)
            shown_total += shown
        self._empty.setText(
            translate("ShortcutsWindow", "No command or key matches “{text}”.").format(
                text=text.strip()
            )
        )
        self._empty.setVisible(shown_total == 0)

    def showEvent(self, event: QShowEvent) -> None:
        """Read the actions afresh each time the window opens: keys added since are listed."""
        self.refresh()
        super().showEvent(event)
