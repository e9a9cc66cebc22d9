"""The Notes list's own menu (Show in Text) and the caret's words for the highlights under it."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import write_chapter
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot
from ui_helpers import WindowFactory, annotations_of

from reader.core.anchoring import Target, TextQuoteSelector
from reader.core.notes import Annotation, AnnotationId
from reader.core.placement import Span
from reader.ui.highlight_painter import describe_highlights

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
BODY = "# Water\n\nRivers carry water to the sea.\n\n## Pumps\n\nA pump lifts water from a well.\n"


def _popup(qtbot: QtBot) -> QMenu:
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_show_in_text_from_the_notes_menu_flashes_the_passage(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path, qtbot: QtBot
) -> None:
    root = tmp_path / "library"
    root.mkdir()
    write_chapter(root, "water.md", "Water", BODY)
    window = open_window(root, data_dir, chapter="water")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    notes = annotations_of(window)
    doc = window.current_document()
    assert doc is not None
    start = doc.plain.text.index("A pump")
    window.view.setTextCursor(window.view.cursor_for_range(start, start + 6))
    assert notes.highlight_selection("green") is not None
    assert window.view.layer("flash") == []
    qtbot.keyClick(window.view, Qt.Key.Key_2, CTRL)
    tree = notes.panel.tree
    qtbot.waitUntil(tree.hasFocus)
    qtbot.keyClick(tree, Qt.Key.Key_F10, SHIFT)
    menu = _popup(qtbot)
    show = menu.defaultAction()
    assert show is not None and show.text() == "&Show in Text"
    while menu.activeAction() is not show:
        qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.view.layer("flash")) == 1)
    [flash] = window.view.layer("flash")
    assert flash.cursor.selectedText() == "A pump"


def _highlight(number: int, colour: str, note: str) -> Annotation:
    return Annotation(
        id=AnnotationId(f"h{number}"),
        chapter="water",
        created="2025-05-03T10:00:00.000Z",
        modified="2025-05-03T10:00:00.000Z",
        colour=colour,
        note=note,
        target=Target(TextQuoteSelector("words"), None),
    )


def test_the_caret_s_words_name_each_highlight_under_it_with_its_note() -> None:
    placed = [
        (_highlight(1, "yellow", ""), Span(10, 30, True)),
        (_highlight(2, "green", "check\n  this   date"), Span(20, 40, True)),
    ]
    assert describe_highlights(placed, 5) == ""
    assert describe_highlights(placed, 10) == "Highlighted, yellow"
    assert describe_highlights(placed, 25) == (
        "Highlighted, yellow. Highlighted, green; note: check this date"
    )
    assert describe_highlights(placed, 30) == "Highlighted, green; note: check this date"
    assert describe_highlights(placed, 40) == ""
