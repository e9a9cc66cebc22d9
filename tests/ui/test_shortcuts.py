"""Every key of the README's "Keys" table, pressed for real on the focused widget of the window."""

from __future__ import annotations

import re
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from helpers import SEED, write_chapter
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot
from ui_helpers import WindowFactory, annotations_of, drawn, link_point, select

from reader.core.data_folder import NOTES_FILE
from reader.ui.main_window import MainWindow
from reader.ui.search_feature import SearchFeature

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier

# Five separate passages of the seed chapter's first paragraph.
PHRASES = (
    "ordinary people",
    "external military threats",
    "infectious diseases",
    "natural disasters",
    "political repression",
)
# What the README promises for Ctrl+Shift+H, then 1 to 5.
README_COLOURS = ("yellow", "green", "blue", "pink", "purple")
# A popup menu makes the offscreen platform say it cannot raise windows or grab the
# keyboard; that is the test platform's limit, not the reader's doing.
POPUPS = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """The seed chapter and two more, the second with a link to its own last section."""
    root = tmp_path / "library"
    root.mkdir()
    shutil.copy(SEED, root / SEED.name)
    write_chapter(
        root,
        "beta.md",
        "Beta",
        "# Beta start\n\n[to the end](#beta-end)\n\n"
        + "\n\n".join(f"Beta paragraph {i}." for i in range(150))
        + "\n\n# Beta end\n\nlast words",
        slug="beta",
        order=50,
    )
    write_chapter(root, "gamma.md", "Gamma", "# Gamma\n\nThe last chapter.", slug="gamma", order=60)
    return root


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Make `window` the active window: Qt only fires shortcuts of the active window."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def press(
    qtbot: QtBot,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier = NONE,
) -> None:
    """Press `key` on whatever widget has the keyboard focus, as a user's keyboard would."""
    target = QApplication.focusWidget()
    assert target is not None, "no widget has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def focused(window: MainWindow) -> QWidget:
    """The widget holding the keyboard focus."""
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def stored(data_dir: Path) -> list[tuple[str, str, str, int]]:
    """(quote, colour, note, deleted) of every annotation in the notes file, oldest first."""
    with closing(sqlite3.connect(data_dir / NOTES_FILE)) as conn:
        return conn.execute(
            "SELECT quote_exact, colour, note, deleted FROM annotations ORDER BY created, rowid"
        ).fetchall()


def open_at_text(
    open_window: WindowFactory,
    qtbot: QtBot,
    library: Path,
    data_dir: Path,
    chapter: str | None = "human-security",
) -> MainWindow:
    """The window, active, with the keyboard focus in the chapter text."""
    window = open_window(library, data_dir, chapter=chapter, size=(1100, 760))
    activate(qtbot, window)
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    return window


def test_ctrl_1_2_0_move_the_focus_to_contents_notes_and_text(
    open_window: WindowFactory, qtbot: QtBot, library: Path, data_dir: Path
) -> None:
    window = open_at_text(open_window, qtbot, library, data_dir)
    notes = annotations_of(window)
    press(qtbot, Qt.Key.Key_1, CTRL)
    qtbot.waitUntil(window.contents.hasFocus)
    assert window.sidebar.currentWidget().isAncestorOf(window.contents)  # under the filter box
    press(qtbot, Qt.Key.Key_2, CTRL)
    qtbot.waitUntil(lambda: notes.panel.isAncestorOf(focused(window)) or notes.panel.hasFocus())
    assert window.sidebar.currentWidget() is notes.panel
    press(qtbot, Qt.Key.Key_0, CTRL)
    qtbot.waitUntil(window.view.hasFocus)


def test_f9_hides_and_shows_the_sidebar(
    open_window: WindowFactory, qtbot: QtBot, library: Path, data_dir: Path
) -> None:
    window = open_at_text(open_window, qtbot, library, data_dir)
    assert window.sidebar.isVisible()
    press(qtbot, Qt.Key.Key_F9)
    assert window.sidebar.isHidden()
    press(qtbot, Qt.Key.Key_F9)
    assert window.sidebar.isVisible()
    # From the Contents too, which the hiding takes the focus from.
    press(qtbot, Qt.Key.Key_1, CTRL)
    qtbot.waitUntil(window.contents.hasFocus)
    press(qtbot, Qt.Key.Key_F9)
    assert window.sidebar.isHidden()
    press(qtbot, Qt.Key.Key_F9)
    assert window.sidebar.isVisible()


def test_ctrl_page_keys_step_through_the_chapters(
    open_window: WindowFactory, qtbot: QtBot, library: Path, data_dir: Path
) -> None:
    window = open_at_text(open_window, qtbot, library, data_dir)
    order = [c.slug for c in window.library.chapters]
    assert sorted(order) == ["beta", "gamma", "human-security"]

    def shown() -> str:
        doc = window.current_document()
        assert doc is not None
        return doc.chapter.slug

    press(qtbot, Qt.Key.Key_PageUp, CTRL)
    press(qtbot, Qt.Key.Key_PageUp, CTRL)
    assert shown() == order[0]
    press(qtbot, Qt.Key.Key_PageUp, CTRL)  # the first chapter: nowhere further back
    assert shown() == order[0]
    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert shown() == order[1]
    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert shown() == order[2]
    press(qtbot, Qt.Key.Key_PageDown, CTRL)  # the last chapter: nowhere further
    assert shown() == order[2]
    press(qtbot, Qt.Key.Key_PageUp, CTRL)
    assert shown() == order[1]


def test_alt_left_and_right_go_back_and_forward_after_a_clicked_link(
    open_window: WindowFactory, qtbot: QtBot, library: Path, data_dir: Path
) -> None:
    window = open_at_text(open_window, qtbot, library, data_dir, chapter="beta")
    window.view.verticalScrollBar().setValue(0)
    point = link_point(window, "#beta-end")
    assert window.view.viewport().rect().contains(point)
    before = window.view.top_offset()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    jumped = window.view.top_offset()
    assert jumped > before
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    press(qtbot, Qt.Key.Key_Left, ALT)
    assert window.view.top_offset() == before
    press(qtbot, Qt.Key.Key_Right, ALT)
    assert window.view.top_offset() == jumped


@POPUPS
def test_ctrl_h_highlights_in_the_last_colour_and_ctrl_shift_h_picks_each_colour(
    open_window: WindowFactory, qtbot: QtBot, library: Path, data_dir: Path
) -> None:
    window = open_at_text(open_window, qtbot, library, data_dir)
    notes = annotations_of(window)
    for number, (phrase, colour) in enumerate(zip(PHRASES, README_COLOURS, strict=True), 1):
        select(window, phrase)
        press(qtbot, Qt.Key.Key_H, CTRL | SHIFT)
        menu = notes.colour_menu
        qtbot.waitUntil(notes.colour_menu.isVisible)
        assert isinstance(QApplication.activePopupWidget(), QMenu)
        qtbot.keyClick(menu, Qt.Key(Qt.Key.Key_0.value + number))
        qtbot.waitUntil(lambda: not notes.colour_menu.isVisible())
        assert stored(data_dir)[-1] == (phrase, colour, "", 0)
    assert sorted(drawn(window)) == sorted(PHRASES)
    # Ctrl+H uses the colour chosen last (purple), and is committed at once.
    select(window, "social conflict")
    press(qtbot, Qt.Key.Key_H, CTRL)
    assert stored(data_dir)[-1] == ("social conflict", "purple", "", 0)
    assert len(stored(data_dir)) == 6
    assert not window.view.textCursor().hasSelection()


def test_ctrl_h_in_a_fresh_window_uses_yellow(
    open_window: WindowFactory, qtbot: QtBot, library: Path, data_dir: Path
) -> None:
    window = open_at_text(open_window, qtbot, library, data_dir)
    press(qtbot, Qt.Key.Key_H, CTRL)  # nothing selected: nothing happens
    assert stored(data_dir) == []
    select(window, PHRASES[0])
    press(qtbot, Qt.Key.Key_H, CTRL)
    assert stored(data_dir) == [(PHRASES[0], "yellow", "", 0)]
    assert drawn(window) == [PHRASES[0]]


def test_ctrl_shift_n_highlights_and_opens_the_note_editor(
    open_window: WindowFactory, qtbot: QtBot, library: Path, data_dir: Path
) -> None:
    window = open_at_text(open_window, qtbot, library, data_dir)
    notes = annotations_of(window)
    select(window, PHRASES[2])
    press(qtbot, Qt.Key.Key_N, CTRL | SHIFT)
    assert stored(data_dir) == [(PHRASES[2], "yellow", "", 0)]
    dialog = notes.note_dialog
    qtbot.waitExposed(dialog)
    activate(qtbot, dialog)
    assert dialog.isAncestorOf(focused(window))  # the editor, ready to type
    qtbot.keyClicks(focused(window), "Ask about cholera")
    press(qtbot, Qt.Key.Key_Return, SHIFT)  # a line break inside the note
    qtbot.keyClicks(focused(window), "and malaria")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert stored(data_dir) == [(PHRASES[2], "yellow", "Ask about cholera\nand malaria", 0)]


def test_ctrl_z_and_ctrl_shift_z_undo_and_redo_a_highlight(
    open_window: WindowFactory, qtbot: QtBot, library: Path, data_dir: Path
) -> None:
    window = open_at_text(open_window, qtbot, library, data_dir)
    select(window, PHRASES[1])
    press(qtbot, Qt.Key.Key_H, CTRL)
    assert stored(data_dir) == [(PHRASES[1], "yellow", "", 0)]
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert stored(data_dir) == [(PHRASES[1], "yellow", "", 1)]  # a tombstone, for sync
    assert drawn(window) == []
    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert stored(data_dir) == [(PHRASES[1], "yellow", "", 0)]
    assert drawn(window) == [PHRASES[1]]
    press(qtbot, Qt.Key.Key_Z, CTRL)
    press(qtbot, Qt.Key.Key_Y, CTRL)  # the other Redo key
    assert stored(data_dir) == [(PHRASES[1], "yellow", "", 0)]


def search_feature(window: MainWindow) -> SearchFeature:
    """The window's search feature."""
    found = window.features.search
    assert found is not None
    return found


def test_find_keys_step_through_the_matches_and_esc_closes(
    open_window: WindowFactory, qtbot: QtBot, library: Path, data_dir: Path
) -> None:
    window = open_at_text(open_window, qtbot, library, data_dir)
    bar = search_feature(window).find_bar
    press(qtbot, Qt.Key.Key_F, CTRL)
    assert bar.isVisible() and focused(window) is bar.field
    qtbot.keyClicks(focused(window), "freedom")
    qtbot.waitUntil(lambda: bool(re.fullmatch(r"\d+ of \d+", bar.count_text())))
    total = int(bar.count_text().split(" of ")[1])
    assert total >= 3

    def current() -> int:
        return int(bar.count_text().split(" of ")[0])

    assert current() == 1
    press(qtbot, Qt.Key.Key_Return)
    assert current() == 2
    press(qtbot, Qt.Key.Key_Enter)  # the keypad's Enter too
    assert current() == 3
    press(qtbot, Qt.Key.Key_Return, SHIFT)
    assert current() == 2
    press(qtbot, Qt.Key.Key_F3)
    assert current() == 3
    press(qtbot, Qt.Key.Key_F3, SHIFT)
    assert current() == 2
    # F3 works from the text as well, with the bar open.
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    press(qtbot, Qt.Key.Key_F3)
    assert current() == 3
    bar.field.setFocus()
    qtbot.waitUntil(bar.field.hasFocus)
    press(qtbot, Qt.Key.Key_Escape)
    assert bar.isHidden()
    assert window.view.layer("find") == []
    assert window.view.hasFocus()


def test_ctrl_shift_f_opens_search_and_typing_gives_results(
    open_window: WindowFactory, qtbot: QtBot, library: Path, data_dir: Path
) -> None:
    window = open_at_text(open_window, qtbot, library, data_dir)
    search = search_feature(window)
    qtbot.waitUntil(search.is_ready, timeout=20000)
    press(qtbot, Qt.Key.Key_F3, NONE)  # harmless: no find bar yet, so it opens it
    press(qtbot, Qt.Key.Key_Escape)
    press(qtbot, Qt.Key.Key_F, CTRL | SHIFT)
    assert window.sidebar.currentWidget() is search.panel
    assert focused(window) is search.panel.field
    qtbot.keyClicks(focused(window), "paragraph 149")
    qtbot.waitUntil(lambda: bool(search.panel.hits()), timeout=5000)
    assert search.panel.hits()[0].chapter == "beta"
    assert search.panel.results.count() == len(search.panel.hits())


def _font_px(window: MainWindow) -> int:
    return window.view.document().defaultFont().pixelSize()


def test_ctrl_plus_and_minus_change_the_text_size_and_it_is_kept(
    open_window: WindowFactory, qtbot: QtBot, library: Path, data_dir: Path
) -> None:
    window = open_at_text(open_window, qtbot, library, data_dir)
    start = _font_px(window)
    press(qtbot, Qt.Key.Key_Plus, CTRL)
    press(qtbot, Qt.Key.Key_Plus, CTRL)
    larger = _font_px(window)
    assert larger > start
    window.close()

    again = open_at_text(open_window, qtbot, library, data_dir)
    assert _font_px(again) == larger
    press(qtbot, Qt.Key.Key_Minus, CTRL)
    smaller = _font_px(again)
    assert start < smaller < larger
    again.close()

    third = open_at_text(open_window, qtbot, library, data_dir)
    assert _font_px(third) == smaller


def test_ctrl_shift_l_switches_the_theme_and_it_is_kept(
    open_window: WindowFactory, qtbot: QtBot, library: Path, data_dir: Path
) -> None:
    window = open_at_text(open_window, qtbot, library, data_dir)
    assert window.theme.name == "light"
    light_page = window.view.palette().base().color().name()
    # Light, sepia, dark: the whole cycle is in tests/ui/test_reading_settings.py.
    press(qtbot, Qt.Key.Key_L, CTRL | SHIFT)
    assert window.theme.name == "sepia"
    assert window.view.palette().base().color().name() != light_page
    window.close()

    again = open_at_text(open_window, qtbot, library, data_dir)
    assert again.theme.name == "sepia"
    press(qtbot, Qt.Key.Key_L, CTRL | SHIFT)
    assert again.theme.name == "dark"
    again.close()
    assert open_at_text(open_window, qtbot, library, data_dir).theme.name == "dark"


def test_ctrl_q_closes_the_window_and_keeps_the_place(
    open_window: WindowFactory, qtbot: QtBot, library: Path, data_dir: Path
) -> None:
    window = open_at_text(open_window, qtbot, library, data_dir, chapter="gamma")
    press(qtbot, Qt.Key.Key_PageUp, CTRL)  # to Beta, a long chapter, by the key
    assert window.current_document().chapter.slug == "beta"  # type: ignore[union-attr]
    for _ in range(6):
        press(qtbot, Qt.Key.Key_PageDown)
    place = window.view.top_offset()
    assert place > 0
    press(qtbot, Qt.Key.Key_Q, CTRL)
    qtbot.waitUntil(lambda: not window.isVisible())

    again = open_window(library, data_dir, size=(1100, 760))
    doc = again.current_document()
    assert doc is not None and doc.chapter.slug == "beta"
    qtbot.waitUntil(lambda: abs(again.view.top_offset() - place) <= 20)


# Entries opening a window that only informs; every other command has keys of its own.
_INFORMING = {"Library Problems", "About Field Reader"}


def test_every_command_in_the_menus_has_keys_and_none_clash(
    open_window: WindowFactory, seed_library: Path, data_dir: Path
) -> None:
    """Choices inside a submenu (a theme, a text face) are reached by the menu's own keys
    (Alt+V, then its letters) or a key that cycles them (Ctrl+Shift+L for the theme)."""
    window = open_window(seed_library, data_dir)
    without: list[str] = []
    owners: dict[str, str] = {}
    for top in window.menuBar().actions():
        menu = top.menu()
        assert menu is not None
        for action in menu.actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            if menu is window.library_menu and action.isCheckable():
                continue  # a library of the list: Alt+L, then its number
            name = action.text().replace("&", "").rstrip("…")
            keys = [k.toString() for k in action.shortcuts() if not k.isEmpty()]
            if not keys and name not in _INFORMING:
                without.append(name)
            for key in keys:
                assert owners.setdefault(key, name) == name, f"{key}: {owners[key]} and {name}"
    assert without == []
