"""Window actions made one way: text, shortcut, a tip naming the keys, live in the whole window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


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
