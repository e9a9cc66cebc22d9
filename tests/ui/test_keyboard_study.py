"""Studying without a mouse: caret browsing, Ctrl+H on a find match, the lists' keys."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from helpers import write_chapter
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot
from ui_helpers import WindowFactory, annotations_of

from reader.core.data_folder import NOTES_FILE
from reader.ui.caret import HINT
from reader.ui.main_window import MainWindow

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
BODY = (
    "# Water\n\nRivers carry water to the sea. Clouds bring it back as rain.\n\n"
    "## Wells\n\nA well reaches water under the ground.\n\n"
    "## Pumps\n\nA pump lifts water from a well.\n"
)


def _library(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    root.mkdir()
    write_chapter(root, "water.md", "Water", BODY)
    write_chapter(root, "fire.md", "Fire", "# Fire\n\nFire needs air.\n")
    return root


def _stored(data_dir: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(data_dir / NOTES_FILE) as conn:
        rows = conn.execute("SELECT quote_exact, colour FROM annotations WHERE deleted = 0")
        return [(str(q), str(c)) for q, c in rows.fetchall()]


def _active(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_f7_caret_and_shift_arrows_select_what_ctrl_h_highlights(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(_library(tmp_path), data_dir, chapter="water")
    _active(window, qtbot)
    view = window.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F7)
    assert window.caret.is_enabled() and window.caret_action.isChecked()
    assert window.settings.caret_browsing
    assert view.cursorWidth() == 2
    # The caret starts at the top of the text in view: the chapter's start here.
    assert view.textCursor().position() == 0
    qtbot.keyClick(view, Qt.Key.Key_Down)  # from the title to the first paragraph
    qtbot.keyClick(view, Qt.Key.Key_Home)
    for _ in range(6):
        qtbot.keyClick(view, Qt.Key.Key_Right, SHIFT)
    assert view.textCursor().selectedText() == "Rivers"
    for _ in range(2):  # to the next word's start, then past it
        qtbot.keyClick(view, Qt.Key.Key_Right, SHIFT | CTRL)
    assert view.textCursor().selectedText() == "Rivers carry "
    qtbot.keyClick(view, Qt.Key.Key_H, CTRL)
    assert _stored(data_dir) == [("Rivers carry", "yellow")]
    # The caret now rests in the highlight: the text's description says so.
    cursor = view.textCursor()
    cursor.setPosition(cursor.position() - 3)
    view.setTextCursor(cursor)
    assert view.accessibleDescription().startswith("Highlighted, yellow")
    # F7 again: no caret, and remembered.
    qtbot.keyClick(view, Qt.Key.Key_F7)
    assert not window.caret.is_enabled() and not window.settings.caret_browsing


def test_ctrl_h_highlights_the_current_find_match_and_hints_without_one(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(_library(tmp_path), data_dir, chapter="water")
    _active(window, qtbot)
    view = window.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_H, CTRL)
    assert window.statusBar().currentMessage() == HINT
    assert _stored(data_dir) == []
    qtbot.keyClick(view, Qt.Key.Key_F, CTRL)
    search = window.features.search
    assert search is not None
    field = search.find_bar.field
    qtbot.keyClicks(field, "under the ground")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert search.find_bar.current_match() is not None
    qtbot.keyClick(field, Qt.Key.Key_H, CTRL)
    assert _stored(data_dir) == [("under the ground", "yellow")]


def test_ctrl_1_and_ctrl_3_then_down_and_enter_open_the_entry(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(_library(tmp_path), data_dir, chapter="water")
    _active(window, qtbot)
    qtbot.keyClick(window.view, Qt.Key.Key_1, CTRL)
    contents = window.contents
    assert contents.hasFocus() and contents.currentItem() is not None
    contents.setCurrentItem(contents.item_for("water", ""))
    qtbot.keyClick(contents, Qt.Key.Key_Down)  # the chapter's first section
    qtbot.keyClick(contents, Qt.Key.Key_Return)
    assert window.view.current_heading() == "wells"

    search = window.features.search
    assert search is not None
    qtbot.waitUntil(search.is_ready)
    search.panel.field.setText("fire air")
    search.run_query("fire air")
    qtbot.keyClick(window.view, Qt.Key.Key_3, CTRL)
    results = search.panel.results
    assert results.hasFocus() and results.currentRow() == 0
    qtbot.keyClick(results, Qt.Key.Key_Return)
    doc = window.current_document()
    assert doc is not None and doc.chapter.slug == "fire"


def _popup(qtbot: QtBot) -> QMenu:
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_ctrl_2_then_shift_f10_recolours_a_highlight_by_keys_and_undo_restores(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(_library(tmp_path), data_dir, chapter="water")
    _active(window, qtbot)
    notes = annotations_of(window)
    doc = window.current_document()
    assert doc is not None
    start = doc.plain.text.index("A pump")
    window.view.setTextCursor(window.view.cursor_for_range(start, start + 6))
    notes.highlight_selection("yellow")
    qtbot.keyClick(window.view, Qt.Key.Key_2, CTRL)
    tree = notes.panel.tree
    assert tree.hasFocus()
    item = tree.currentItem()
    assert item is not None and item.text(0) == "A pump"
    spoken = item.data(0, Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "Highlight, yellow, in Pumps: A pump"
    qtbot.keyClick(tree, Qt.Key.Key_F10, SHIFT)
    menu = _popup(qtbot)
    labels = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert labels[0] == "&Show in Text" and "Change &Colour" in labels
    assert "Copy &Quote" in labels and "&Delete Highlight" in labels
    qtbot.keyClick(menu, Qt.Key.Key_C)  # Change Colour's submenu
    colours = _popup(qtbot)
    assert colours is not menu
    green = next(a for a in colours.actions() if a.text() == "Green")
    while colours.activeAction() is not green:
        qtbot.keyClick(colours, Qt.Key.Key_Down)
    qtbot.keyClick(colours, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _stored(data_dir) == [("A pump", "green")])
    notes.undo_action.trigger()
    assert _stored(data_dir) == [("A pump", "yellow")]


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_the_menu_key_opens_a_contents_entry_s_and_a_search_result_s_menu(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(_library(tmp_path), data_dir, chapter="water")
    _active(window, qtbot)
    qtbot.keyClick(window.view, Qt.Key.Key_1, CTRL)
    contents = window.contents
    contents.setCurrentItem(contents.item_for("fire", ""))
    qtbot.keyClick(contents, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    menu = _popup(qtbot)
    assert [a.text() for a in menu.actions()] == ["&Open", "&Expand", "Copy &Title"]
    qtbot.keyClick(menu, Qt.Key.Key_Down)  # the first entry: Open
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_document().chapter.slug == "fire")  # type: ignore[union-attr]

    search = window.features.search
    assert search is not None
    qtbot.waitUntil(search.is_ready)
    search.panel.field.setText("well")
    search.run_query("well")
    qtbot.keyClick(window.view, Qt.Key.Key_3, CTRL)
    results = search.panel.results
    qtbot.keyClick(results, Qt.Key.Key_Menu)
    menu = _popup(qtbot)
    assert [a.text() for a in menu.actions()] == ["&Open", "&Copy Text"]
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Return)  # Copy Text
    copied = QApplication.clipboard().text()
    assert copied.startswith("Water › ") and "well" in copied.lower()
