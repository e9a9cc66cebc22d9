"""Window actions made one way, and the registry that says where each one is shown.

Every action is made by `make_action` (text, shortcut, a tip naming the keys, live in the
whole window) and registered with its place: a menu (or the toolbar), a group (groups are
parted by separators) and an order. reader/ui/window_menus.py builds the menus from the
registry, so no feature inserts into another's menu by position.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, NamedTuple, get_args

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

MenuName = Literal["file", "library", "view", "go", "notes", "search", "help", "toolbar"]
MENU_NAMES: tuple[MenuName, ...] = get_args(MenuName)


def make_action(
    window: QWidget,
    text: str,
    slot: Callable[..., object],
    shortcut: QKeySequence.StandardKey | str | None = None,
    tip: str = "",
) -> QAction:
    """An action of `window` that calls `slot`; its shortcut works wherever the focus is.

    A standard key gets every binding the platform has for it (Redo is both Ctrl+Shift+Z
    and Ctrl+Y on Linux). Shortcuts are set with setShortcuts because setShortcut's
    overloads take Qt key combinations, and resolving them makes PySide create the enums of
    Qt's whole namespace (15-20 ms): the window's menus are built before the first paint,
    which does without them.
    """
    action = QAction(text, window)
    if isinstance(shortcut, str):
        action.setShortcuts([QKeySequence.fromString(shortcut)])
    elif shortcut is not None:
        action.setShortcuts(shortcut)
    if tip:
        action.setStatusTip(tip)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
    action.triggered.connect(slot)
    window.addAction(action)
    return action


class Placement(NamedTuple):
    """Where a registered action is shown: its menu, its group in it, and its order there."""

    action: QAction
    menu: MenuName
    group: str
    order: int


class ActionRegistry:
    """The actions of the window and its features, each with its place in a menu."""

    def __init__(self) -> None:
        self._placements: list[Placement] = []

    def register(self, action: QAction, *, menu: MenuName, group: str, order: int) -> QAction:
        """Show `action` in `menu` among `group`, sorted by `order`; returns the action.

        A submenu is registered by its menuAction(); a toolbar widget by a QWidgetAction.
        """
        if menu not in MENU_NAMES:
            raise ValueError(f"no menu is called {menu!r}; the menus are {MENU_NAMES}")
        if any(p.action is action and p.menu == menu for p in self._placements):
            raise ValueError(f"{action.text()!r} is already registered in {menu!r}")
        self._placements.append(Placement(action, menu, group, order))
        return action

    def placements(self, menu: MenuName) -> list[Placement]:
        """The entries of `menu` in order (ties keep the order of registration)."""
        return sorted((p for p in self._placements if p.menu == menu), key=lambda p: p.order)
