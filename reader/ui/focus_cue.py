"""The sidebar lists' keyboard aids: a focus ring on the current row, and the menu keys.

The window's style sheet turns Qt's own focus rectangle off (`outline: 0`), and group rows
cannot be selected, so without a ring a keyboard user cannot see where Up and Down are.
The lists draw this ring themselves, only while they have the keyboard focus.
"""

from __future__ import annotations

# Qt's namespace is reached through its module: importing the class by name would make
# its enums at once, and the Contents panel imports this module before the first paint.
from PySide6 import QtCore
from PySide6.QtCore import QPoint, QRect, QRectF
from PySide6.QtGui import QColor, QContextMenuEvent, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import QAbstractItemView, QApplication

RING_WIDTH = 2


def draw_focus_ring(painter: QPainter, rect: QRect, colour: QColor) -> None:
    """Draw a rounded frame of `colour` just inside `rect`."""
    painter.save()
    pen = QPen()
    pen.setColor(colour)
    pen.setWidth(RING_WIDTH)
    painter.setPen(pen)
    painter.setBrush(QColor(0, 0, 0, 0))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    inset = RING_WIDTH / 2 + 0.5
    painter.drawRoundedRect(QRectF(rect).adjusted(inset, inset, -inset, -inset), 5.0, 5.0)
    painter.restore()


def ring_rect(view: QAbstractItemView) -> QRect | None:
    """Where the focus ring of `view` goes: its current row, while it has the focus."""
    if not view.hasFocus():
        return None
    index = view.currentIndex()
    if not index.isValid():
        return None
    rect = view.visualRect(index)
    return rect if rect.isValid() else None


def is_menu_key(event: QKeyEvent) -> bool:
    """Whether a key press asks for a context menu: the Menu key, or Shift+F10."""
    key = event.key()
    keys = QtCore.Qt.Key
    if key == keys.Key_Menu:
        return True
    shift = QtCore.Qt.KeyboardModifier.ShiftModifier
    return key == keys.Key_F10 and event.modifiers() == shift


def open_context_menu(view: QAbstractItemView) -> bool:
    """Ask for the current row's context menu, as a right-click on the row would.

    The event goes where a right-click's goes (the viewport), so the list's own menu
    handling, whatever it is, answers it. False when no row is current.
    """
    index = view.currentIndex()
    if not index.isValid():
        return False
    view.scrollTo(index)
    rect = view.visualRect(index)
    # Near the row's left end, where the text starts: the menu opens over the entry.
    point = QPoint(rect.left() + min(24, rect.width() // 2), rect.center().y())
    viewport = view.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    return True
