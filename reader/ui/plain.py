"""Text shown as written: tooltips and messages never treat titles, paths or notes as markup.

Qt renders a tooltip, a label or a message box as HTML as soon as its text looks like
markup ("a <b>" is enough), so a note, a front-matter title or a file name holding
"<img src=…>" would be drawn instead of shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# The message box is reached through its module when used: this module is loaded before
# the first paint (for the Contents' tooltips), and PySide makes a class's enums on first use.
from PySide6 import QtCore, QtWidgets

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget


def plain_tooltip(text: str) -> str:
    """`text` as a tooltip that shows it literally, line breaks kept and long lines wrapped.

    (Escaped rich text also wraps a long note instead of drawing one line across the screen.)
    """
    from html import escape  # loads html.entities: not before the first paint

    return f'<p style="white-space: pre-wrap">{escape(text, quote=False)}</p>'


def show_message(
    parent: QWidget, title: str, text: str, icon: QMessageBox.Icon | None = None
) -> QMessageBox:
    """Show `text` as plain text in a window-modal message box (a warning unless `icon`)."""
    kind = QtWidgets.QMessageBox.Icon.Warning if icon is None else icon
    box = QtWidgets.QMessageBox(kind, title, text, parent=parent)
    box.setTextFormat(QtCore.Qt.TextFormat.PlainText)
    box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
