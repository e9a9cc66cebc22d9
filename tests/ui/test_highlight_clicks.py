"""Clicking a highlight in the real window: its menu, driven with the keyboard, and undo/redo.

Every change is checked in the notes file itself, through a second SQLite connection.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot
from ui_helpers import WindowFactory, annotations_of, drawn, select

from reader.core.data_folder import NOTES_FILE
from reader.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
PHRASE = "infectious diseases"
OTHER = "political repression"
# A popup menu makes the offscreen platform say it cannot raise windows or grab the
# keyboard; that is the test platform's limit, not the reader's doing.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


def row(data_dir: Path, quote: str) -> tuple[str, str, int]:
    """(colour, note, deleted) of the annotation on `quote`, read from the notes file."""
    with closing(sqlite3.connect(data_dir / NOTES_FILE)) as conn:
        found = conn.execute(
            "SELECT colour, note, deleted FROM annotations WHERE quote_exact = ?", (quote,)
        ).fetchall()
    assert len(found) == 1, found
    return found[0]


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Make `window` active (Qt fires only the active window's shortcuts) and focus the text."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    """Press `key` on the widget that has the keyboard focus."""
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key, modifier)


def open_with_highlight(
    open_window: WindowFactory, qtbot: QtBot, library: Path, data_dir: Path
) -> MainWindow:
    """The seed chapter with PHRASE highlighted in yellow by Ctrl+H, and the window active."""
    window = open_window(library, data_dir, chapter="human-security", size=(1100, 760))
    activate(qtbot, window)
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    select(window, PHRASE)
    press(qtbot, Qt.Key.Key_H, CTRL)
    assert row(data_dir, PHRASE) == ("yellow", "", 0)
    return window


def click_highlight(qtbot: QtBot, window: MainWindow, phrase: str) -> QMenu:
    """Click in the middle of the highlight on `phrase`; the menu that opens."""
    view = window.view
    doc = window.current_document()
    assert doc is not None
    middle = doc.plain.text.index(phrase) + len(phrase) // 2
    point = view.cursorRect(view.cursor_for_range(middle, middle)).center()
    assert view.viewport().rect().contains(point)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=2000)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def choose(qtbot: QtBot, menu: QMenu, *path: str) -> None:
    """Walk down the menu with the arrow keys to each entry of `path` and press Enter on it."""
    for label in path:
        current = QApplication.activePopupWidget()
        assert isinstance(current, QMenu), f"no menu open to choose {label!r} from"
        for _ in range(len(current.actions()) + 1):
            active = current.activeAction()
            if active is not None and active.text().replace("&", "") == label:
                break
            qtbot.keyClick(current, Qt.Key.Key_Down)
        else:
            names = [a.text() for a in current.actions()]
            raise AssertionError(f"{label!r} is not in the menu {names}")
        qtbot.keyClick(current, Qt.Key.Key_Return)


def undo(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+Z, pressed in the chapter text."""
    activate(qtbot, window)
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    press(qtbot, Qt.Key.Key_Z, CTRL)


def redo(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+Shift+Z, pressed in the chapter text."""
    activate(qtbot, window)
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)


def write_note(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """In the note editor that just opened: replace its text with `text` and save (Ctrl+Enter)."""
    dialog = annotations_of(window).note_dialog
    qtbot.waitExposed(dialog)
    activate(qtbot, dialog)
    editor = QApplication.focusWidget()
    assert editor is not None and dialog.isAncestorOf(editor)
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_clicking_a_highlight_opens_its_menu_and_changes_its_colour(
    open_window: WindowFactory, qtbot: QtBot, seed_library: Path, data_dir: Path
) -> None:
    window = open_with_highlight(open_window, qtbot, seed_library, data_dir)
    menu = click_highlight(qtbot, window, PHRASE)
    labels = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert labels == ["Change Colour", "Add Note…", "Copy Quote", "Delete Highlight"]
    choose(qtbot, menu, "Change Colour", "Blue")
    assert row(data_dir, PHRASE) == ("blue", "", 0)
    [selection] = window.view.layer("highlights")
    blue = selection.format.background().color().name()
    assert QApplication.activePopupWidget() is None

    undo(qtbot, window)
    assert row(data_dir, PHRASE) == ("yellow", "", 0)
    assert window.view.layer("highlights")[0].format.background().color().name() != blue
    redo(qtbot, window)
    assert row(data_dir, PHRASE) == ("blue", "", 0)
    assert window.view.layer("highlights")[0].format.background().color().name() == blue


def test_a_click_beside_the_highlight_opens_nothing(
    open_window: WindowFactory, qtbot: QtBot, seed_library: Path, data_dir: Path
) -> None:
    window = open_with_highlight(open_window, qtbot, seed_library, data_dir)
    view = window.view
    doc = window.current_document()
    assert doc is not None
    elsewhere = doc.plain.text.index(OTHER) + 3
    point = view.cursorRect(view.cursor_for_range(elsewhere, elsewhere)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.wait(50)
    assert QApplication.activePopupWidget() is None


def test_add_then_edit_a_note_from_the_click_menu_with_undo_and_redo(
    open_window: WindowFactory, qtbot: QtBot, seed_library: Path, data_dir: Path
) -> None:
    window = open_with_highlight(open_window, qtbot, seed_library, data_dir)
    choose(qtbot, click_highlight(qtbot, window, PHRASE), "Add Note…")
    write_note(qtbot, window, "Cholera first")
    assert row(data_dir, PHRASE) == ("yellow", "Cholera first", 0)

    menu = click_highlight(qtbot, window, PHRASE)
    assert "Edit &Note…" in [a.text() for a in menu.actions()]
    choose(qtbot, menu, "Edit Note…")
    write_note(qtbot, window, "Malaria too")
    assert row(data_dir, PHRASE) == ("yellow", "Malaria too", 0)

    undo(qtbot, window)
    assert row(data_dir, PHRASE) == ("yellow", "Cholera first", 0)
    undo(qtbot, window)
    assert row(data_dir, PHRASE) == ("yellow", "", 0)
    redo(qtbot, window)
    redo(qtbot, window)
    assert row(data_dir, PHRASE) == ("yellow", "Malaria too", 0)


def test_delete_from_the_click_menu_then_undo_and_redo(
    open_window: WindowFactory, qtbot: QtBot, seed_library: Path, data_dir: Path
) -> None:
    window = open_with_highlight(open_window, qtbot, seed_library, data_dir)
    choose(qtbot, click_highlight(qtbot, window, PHRASE), "Delete Highlight")
    assert row(data_dir, PHRASE) == ("yellow", "", 1)
    assert drawn(window) == []
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    undo(qtbot, window)
    assert row(data_dir, PHRASE) == ("yellow", "", 0)
    assert drawn(window) == [PHRASE]
    redo(qtbot, window)
    assert row(data_dir, PHRASE) == ("yellow", "", 1)
    assert drawn(window) == []


def test_copy_quote_from_the_click_menu(
    open_window: WindowFactory, qtbot: QtBot, seed_library: Path, data_dir: Path
) -> None:
    window = open_with_highlight(open_window, qtbot, seed_library, data_dir)
    QApplication.clipboard().setText("something else")
    choose(qtbot, click_highlight(qtbot, window, PHRASE), "Copy Quote")
    assert QApplication.clipboard().text() == PHRASE
    assert row(data_dir, PHRASE) == ("yellow", "", 0)  # copying changes nothing


def test_undo_and_redo_walk_back_through_mixed_edits(
    open_window: WindowFactory, qtbot: QtBot, seed_library: Path, data_dir: Path
) -> None:
    window = open_with_highlight(open_window, qtbot, seed_library, data_dir)
    choose(qtbot, click_highlight(qtbot, window, PHRASE), "Change Colour", "Pink")
    choose(qtbot, click_highlight(qtbot, window, PHRASE), "Add Note…")
    write_note(qtbot, window, "why pink")
    choose(qtbot, click_highlight(qtbot, window, PHRASE), "Delete Highlight")
    states = [
        ("yellow", "", 0),
        ("pink", "", 0),
        ("pink", "why pink", 0),
        ("pink", "why pink", 1),
    ]
    assert row(data_dir, PHRASE) == states[3]
    for expected in reversed(states[:3]):
        undo(qtbot, window)
        assert row(data_dir, PHRASE) == expected
    undo(qtbot, window)  # the highlight itself: a tombstone is kept for sync
    assert row(data_dir, PHRASE)[2] == 1
    assert drawn(window) == []
    for expected in states:
        redo(qtbot, window)
        assert row(data_dir, PHRASE) == expected
