"""Copy Code Block: the context-menu action that copies a whole code block as written."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QAction, QGuiApplication

from reader.core.i18n import translate
from reader.ui.viewer import ChapterView


def code_range_at(code: Sequence[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The code block range (in order, not overlapping) holding plain-text `offset`."""
    index = bisect_right(code, offset, key=lambda span: span[0]) - 1
    if index >= 0:
        start, end = code[index]
        # The end counts: the caret after a block's last character is still in the block.
        if start <= offset <= end:
            return code[index]
    return None


def code_block_at(view: ChapterView, point: QPoint) -> tuple[int, int] | None:
    """The plain-text range of the code block under viewport point `point`, or None."""
    doc, positions = view.chapter_document, view.positions
    if doc is None or positions is None or not doc.plain.code:
        return None
    cursor = view.cursorForPosition(point)
    # Below the last line (or in the margin under it) is not "in" the block.
    rect = view.cursorRect(cursor)
    if abs(rect.center().y() - point.y()) > rect.height():
        return None
    return code_range_at(doc.plain.code, positions.from_qt(cursor.position()))


def copy_code_block(view: ChapterView, start: int, end: int) -> str:
    """Put the plain text [start, end) of the chapter shown on the clipboard; returns it."""
    doc = view.chapter_document
    text = doc.plain.text[start:end] if doc is not None else ""
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(text)
    return text


def copy_code_action(view: ChapterView, point: QPoint, parent: QObject) -> QAction | None:
    """The "Copy Code Block" action for a right click at `point`, if it is on a code block."""
    found = code_block_at(view, point)
    if found is None:
        return None
    start, end = found
    action = QAction(translate("CodeBlocks", "Copy Code &Block"), parent)
    action.setStatusTip(
        translate("CodeBlocks", "Copy the whole code block, line by line, as written")
    )
    action.triggered.connect(lambda: copy_code_block(view, start, end))
    return action
