"""Bookmarks in the real window: Ctrl+D, the margin ribbon, the Notes panel, undo, restart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot
from ui_helpers import WindowFactory, annotations_of

from reader.ui.bookmarks import BookmarkMargin, paragraph_at
from reader.ui.main_window import MainWindow
from reader.ui.notes_panel import BOOKMARKS_TITLE

CTRL = Qt.KeyboardModifier.ControlModifier
WORDS = "In contrast to traditional notions"  # inside the chapter's first paragraph


def _scroll_to_paragraph_of(window: MainWindow, words: str, qtbot: QtBot) -> tuple[int, int]:
    doc = window.current_document()
    assert doc is not None
    paragraph = paragraph_at(doc.plain.text, doc.plain.text.index(words))
    assert paragraph is not None
    window.view.scroll_to_offset(paragraph[0])
    qtbot.waitUntil(lambda: window.view.top_offset() == paragraph[0])
    return paragraph


def _press_ctrl_d(window: MainWindow, qtbot: QtBot) -> None:
    # Window shortcuts need the window active, as a student's window is.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_D, CTRL)


def _margin(window: MainWindow) -> BookmarkMargin:
    margin = window.view.findChild(BookmarkMargin)
    assert margin is not None
    return margin


def test_ctrl_d_bookmarks_the_top_paragraph_and_ctrl_d_again_removes_it(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seed_library, data_dir, size=(1100, 700))
    notes = annotations_of(window)
    start, end = _scroll_to_paragraph_of(window, WORDS, qtbot)
    _press_ctrl_d(window, qtbot)
    [(made, span)] = notes.bookmarks()
    assert made.kind == "bookmark" and (span.start, span.end) == (
        made.target.position.start,  # type: ignore[union-attr]
        made.target.position.end,  # type: ignore[union-attr]
    )
    assert start == span.start and span.end <= end and span.end - span.start <= 80
    # A bookmark is not a highlight: nothing is painted over the text.
    assert window.view.layer("highlights") == []
    assert notes.placed() == []
    # The ribbon: one, beside the top line, in the margin left of the text.
    margin = _margin(window)
    qtbot.waitUntil(lambda: len(margin.ribbon_tops()) == 1)
    assert margin.isVisible()
    assert margin.geometry().right() < window.view.viewport().geometry().left()
    assert margin.ribbon_tops()[0] < window.view.fontMetrics().height() * 3
    image = margin.grab().toImage()
    painted = {
        QColor(image.pixel(x, y)).name()
        for x in range(image.width())
        for y in range(min(image.height(), 40))
    }
    assert QColor(window.theme.accent).name() in painted

    _press_ctrl_d(window, qtbot)
    assert notes.bookmarks() == []
    qtbot.waitUntil(lambda: margin.ribbon_tops() == [])
    stored = notes.store.get(made.id)
    assert stored is not None and stored.deleted

    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)  # undo the removal
    assert [a.id for a, _ in notes.bookmarks()] == [made.id]
    back = notes.store.get(made.id)
    assert back is not None and not back.deleted and back.created == made.created


def test_bookmarks_are_listed_with_their_section_and_jump_on_enter(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seed_library, data_dir, size=(1100, 700))
    notes = annotations_of(window)
    doc = window.current_document()
    assert doc is not None
    heading = doc.rendered.headings[-1]
    offset = next(s.offset for s in doc.plain.sections if s.heading_id == heading.id)
    # The paragraph after the last heading's own line.
    paragraph = paragraph_at(doc.plain.text, doc.plain.text.index("\n", offset) + 1)
    assert paragraph is not None
    window.view.scroll_to_offset(paragraph[0])
    qtbot.waitUntil(lambda: window.view.top_offset() == paragraph[0])
    _press_ctrl_d(window, qtbot)
    [(made, _)] = notes.bookmarks()

    notes.show_panel()
    panel = notes.panel
    assert BOOKMARKS_TITLE in panel.group_titles()
    item = panel.item_for(made.id)
    assert item is not None and item.parent() is not None
    assert item.parent().parent() is not None
    assert item.parent().parent().text(0) == BOOKMARKS_TITLE  # Bookmarks › chapter › entry
    from reader.ui.note_delegate import DATE_ROLE

    assert item.data(0, DATE_ROLE).startswith(f"{heading.title} · created ")

    window.view.scroll_to_offset(0)
    qtbot.waitUntil(lambda: window.view.top_offset() == 0)
    panel.tree.setFocus()
    panel.tree.setCurrentItem(item)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.view.top_offset() == paragraph[0])

    # Delete from the list; Ctrl+Z brings it back.
    panel.tree.setCurrentItem(panel.item_for(made.id))
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert notes.bookmarks() == []
    assert notes.undo_stack.undoText() == "Delete Bookmark"  # what Edit > Undo will say
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert [a.id for a, _ in notes.bookmarks()] == [made.id]


def test_a_bookmark_survives_a_restart(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seed_library, data_dir, size=(1100, 700))
    _scroll_to_paragraph_of(window, WORDS, qtbot)
    _press_ctrl_d(window, qtbot)
    [(made, span)] = annotations_of(window).bookmarks()
    window.close()

    again = open_window(seed_library, data_dir, size=(1100, 700))
    [(found, place)] = annotations_of(again).bookmarks()
    assert found == made and (place.start, place.end) == (span.start, span.end)
    again.view.scroll_to_offset(place.start)
    margin = _margin(again)
    qtbot.waitUntil(lambda: len(margin.ribbon_tops()) == 1)
