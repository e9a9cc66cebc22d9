"""Helpers for the window tests: reach a feature, select a phrase, read the drawn highlights."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextEdit

from reader.ui.annotations_feature import AnnotationsFeature
from reader.ui.main_window import MainWindow

WindowFactory = Callable[..., MainWindow]
PHRASE = '"freedom from want" and "freedom from fear"'


def annotations_of(window: MainWindow) -> AnnotationsFeature:
    """The window's highlights-and-notes feature (installed)."""
    found = window.features.annotations
    assert found is not None, "the window has no notes"
    return found


def select(window: MainWindow, phrase: str, occurrence: int = 0) -> tuple[int, int]:
    """Select `phrase` in the view the way a user's drag would, via the Qt cursor."""
    doc = window.current_document()
    assert doc is not None
    start = -1
    for _ in range(occurrence + 1):
        start = doc.plain.text.index(phrase, start + 1)
    window.view.setTextCursor(window.view.cursor_for_range(start, start + len(phrase)))
    return start, start + len(phrase)


def drawn(window: MainWindow) -> list[str]:
    """The text under each drawn highlight."""
    return [s.cursor.selectedText() for s in window.view.layer("highlights")]


def link_cursor(view: QTextEdit, href: str) -> QTextCursor:
    """A cursor in the middle of the first link to `href` in the text of `view`."""
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(view.document())
                cursor.setPosition(fragment.position() + fragment.length() // 2)
                return cursor
            it += 1
        block = block.next()
    raise AssertionError(f"no link to {href!r} in the text")


def link_point(window: MainWindow, href: str) -> QPoint:
    """The viewport point in the middle of the first link to `href` in the shown chapter."""
    return window.view.cursorRect(link_cursor(window.view, href)).center()


def scroll_to_show(window: MainWindow, href: str) -> QPoint:
    """Scroll the link to `href` into view and give its point on the viewport."""
    point = link_point(window, href)
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.value() + point.y() - window.view.viewport().height() // 3)
    return link_point(window, href)
