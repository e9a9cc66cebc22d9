"""Copy Code Block: a right click in a code block offers to copy it exactly, lines kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import write_chapter
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from reader.core.document import ChapterDocument
from reader.core.library import Chapter, Slug
from reader.core.render import render_markdown
from reader.ui.code_blocks import code_block_at, code_range_at
from reader.ui.highlight_menus import HighlightMenus
from reader.ui.theme import LIGHT
from reader.ui.viewer import ChapterView

CODE = (
    "  # indented on purpose\ndef greet(name):\n    return f'Hello, {name}!'\n\n\n"
    "print(greet('world'))"
)
BODY = f"""# Code

Some prose before the code.

```python
{CODE}
```

Prose after the code.
"""


def _point_at(view: ChapterView, phrase: str) -> QPoint:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.document().toRawText().index(phrase) + 2)
    return view.cursorRect(cursor).center()


def _menus(window: object) -> HighlightMenus:
    found = window.findChildren(HighlightMenus)  # type: ignore[attr-defined]
    assert len(found) == 1
    return found[0]


def test_code_range_at_counts_both_ends() -> None:
    code = ((10, 20), (40, 45))
    assert code_range_at(code, 9) is None
    assert code_range_at(code, 10) == (10, 20)
    assert code_range_at(code, 20) == (10, 20)
    assert code_range_at(code, 30) is None
    assert code_range_at(code, 45) == (40, 45)
    assert code_range_at((), 3) is None


def test_the_context_menu_offers_copy_code_block_only_on_code(
    open_window, tmp_path: Path, data_dir: Path, qtbot: QtBot
) -> None:
    root = tmp_path / "library"
    root.mkdir()
    write_chapter(root, "code.md", "Code", BODY)
    window = open_window(root, data_dir, size=(1000, 800))
    view = window.view
    menus = _menus(window)
    on_code = menus.context_menu(_point_at(view, "return f"))
    labels = [a.text() for a in on_code.actions()]
    assert "Copy Code &Block" in labels
    on_prose = menus.context_menu(_point_at(view, "Prose after"))
    assert "Copy Code &Block" not in [a.text() for a in on_prose.actions()]
    # Far below the text (the room left under the end) is not on the code.
    below = _point_at(view, "Prose after") + QPoint(0, 300)
    assert "Copy Code &Block" not in [a.text() for a in menus.context_menu(below).actions()]
    QGuiApplication.clipboard().clear()
    next(a for a in on_code.actions() if a.text() == "Copy Code &Block").trigger()
    assert QGuiApplication.clipboard().text() == CODE


# The offscreen platform cannot raise a popup or grab the keyboard for it, and says so.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_a_right_click_on_code_copies_it(
    qtbot: QtBot, open_window, tmp_path: Path, data_dir: Path
) -> None:
    root = tmp_path / "library"
    root.mkdir()
    write_chapter(root, "code.md", "Code", BODY)
    window = open_window(root, data_dir, size=(1000, 800))
    view = window.view
    QGuiApplication.clipboard().clear()
    point = _point_at(view, "print(gr")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.RightButton, pos=point)
    # The offscreen platform makes no context-menu event of a right click (a desktop
    # does): send the one it would.
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    action = next(a for a in menu.actions() if a.text() == "Copy Code &Block")
    # Chosen with the keyboard, as a reader may: the action's own trigger path.
    menu.setActiveAction(action)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == CODE)


def test_below_a_closing_code_block_is_not_on_it(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "end.md"
    chapter = Chapter(Slug("end"), "End", "", None, path, path.name, "end")
    doc = ChapterDocument(chapter, render_markdown(f"# End\n\n```\n{CODE}\n```\n", tmp_path))
    view = ChapterView()
    qtbot.addWidget(view)
    view.resize(800, 900)
    view.show_document(doc, LIGHT, 18)
    assert code_block_at(view, _point_at(view, "print(gr")) is not None
    assert code_block_at(view, _point_at(view, "print(gr") + QPoint(0, 400)) is None
