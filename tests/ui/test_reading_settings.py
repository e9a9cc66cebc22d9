"""Reading settings: themes (Ctrl+Shift+L, the Theme menu, following the system), text face
and line spacing, each remembered; and every highlight legible and apart from the selection."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from helpers import SEED
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot
from ui_helpers import WindowFactory

from reader.core.colours import COLOURS, colour_info
from reader.core.contrast import blend, contrast_ratio, delta_e2000, parse_hex
from reader.ui.main_window import MainWindow
from reader.ui.theme import SANS, SERIF, THEMES

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
# The translucency highlights are drawn with (reader/ui/theme.py highlight_colour).
HIGHLIGHT_ALPHA = 0.55
# CIEDE2000: about 2 is just noticeable; 10 is "another colour" at a glance.
MIN_DISTANCE = 10.0
# A popup menu makes the offscreen platform say it cannot raise windows or grab the
# keyboard; that is the test platform's limit, not the reader's doing.
POPUPS = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """The seed chapter."""
    root = tmp_path / "library"
    root.mkdir()
    shutil.copy(SEED, root / SEED.name)
    return root


def _open(open_window: WindowFactory, qtbot: QtBot, library: Path, data_dir: Path) -> MainWindow:
    window = open_window(library, data_dir, size=(1100, 760))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    return window


def _body_family(sheet: str) -> str:
    """The font-family of the stylesheet's body rule (headings have their own)."""
    match = re.search(r"body\s*\{[^}]*font-family:\s*([^;]+);", sheet)
    assert match is not None, "no body rule"
    return match.group(1).strip()


def _page(window: MainWindow) -> str:
    return window.view.palette().base().color().name()


def test_ctrl_shift_l_goes_light_sepia_dark_and_is_remembered(
    open_window: WindowFactory, qtbot: QtBot, library: Path, data_dir: Path
) -> None:
    window = _open(open_window, qtbot, library, data_dir)
    # Nothing chosen yet: the system is followed, and the offscreen platform is light.
    assert window.theme_choice == "system" and window.theme.name == "light"
    seen = []
    for _ in range(3):
        qtbot.keyClick(window.view, Qt.Key.Key_L, CTRL_SHIFT)
        seen.append((window.theme.name, _page(window)))
        assert window.reading_settings.themes[window.theme.name].isChecked()
    assert seen == [
        ("sepia", THEMES["sepia"].page),
        ("dark", THEMES["dark"].page),
        ("light", THEMES["light"].page),
    ]
    # The chapter itself is restyled: its text colour is the theme's.
    qtbot.keyClick(window.view, Qt.Key.Key_L, CTRL_SHIFT)
    assert f"color: {THEMES['sepia'].text}" in window.view.document().defaultStyleSheet()
    window.close()

    again = _open(open_window, qtbot, library, data_dir)
    assert again.theme_choice == "sepia" and _page(again) == THEMES["sepia"].page
    assert again.reading_settings.themes["sepia"].isChecked()


def _choose(qtbot: QtBot, window: MainWindow, submenu_key: Qt.Key, entry_key: Qt.Key) -> None:
    """Open View with Alt+V, a submenu by its mnemonic, and choose an entry by its mnemonic."""
    qtbot.keyClick(window, Qt.Key.Key_V, ALT)
    view_menu = window.findChild(QMenu, "viewMenu")
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is view_menu)
    qtbot.keyClick(view_menu, submenu_key)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() not in (None, view_menu))
    submenu = QApplication.activePopupWidget()
    assert submenu is not None
    qtbot.keyClick(submenu, entry_key)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


@POPUPS
def test_face_and_spacing_from_the_view_menu_keep_the_place_and_are_remembered(
    open_window: WindowFactory, qtbot: QtBot, library: Path, data_dir: Path
) -> None:
    window = _open(open_window, qtbot, library, data_dir)
    sheet = window.view.document().defaultStyleSheet
    assert _body_family(sheet()) == SERIF and "line-height: 158%" in sheet()
    window.open_location("human-security", "poverty")
    qtbot.waitUntil(lambda: window.view.current_heading() == "poverty")
    normal_height = window.view.document().size().height()

    _choose(qtbot, window, Qt.Key.Key_F, Qt.Key.Key_A)  # Text Face > Sans
    assert window.theme.face == "sans"
    assert _body_family(sheet()) == SANS
    assert window.reading_settings.faces["sans"].isChecked()
    _choose(qtbot, window, Qt.Key.Key_P, Qt.Key.Key_R)  # Line Spacing > Relaxed
    assert window.theme.spacing == "relaxed" and "line-height: 175%" in sheet()
    qtbot.waitUntil(lambda: window.view.document().size().height() > normal_height)
    # The reader is still at the section they were reading.
    qtbot.waitUntil(lambda: window.view.current_heading() == "poverty")
    window.close()

    again = _open(open_window, qtbot, library, data_dir)
    assert (again.theme.face, again.theme.spacing) == ("sans", "relaxed")
    assert "line-height: 175%" in again.view.document().defaultStyleSheet()
    assert again.reading_settings.spacings["relaxed"].isChecked()
    _choose(qtbot, again, Qt.Key.Key_P, Qt.Key.Key_C)  # Line Spacing > Compact
    assert "line-height: 140%" in again.view.document().defaultStyleSheet()


@POPUPS
def test_follow_system_follows_the_colour_scheme_until_a_theme_is_chosen(
    open_window: WindowFactory, qtbot: QtBot, library: Path, data_dir: Path
) -> None:
    window = _open(open_window, qtbot, library, data_dir)
    hints = QGuiApplication.styleHints()
    # The offscreen platform cannot change its scheme: its signal is sent as a desktop's
    # would be, after the first paint (when the window listens).
    qtbot.waitUntil(lambda: hints.receivers("2colorSchemeChanged(Qt::ColorScheme)") > 0)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window.theme.name == "dark" and _page(window) == THEMES["dark"].page
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert window.theme.name == "light"

    _choose(qtbot, window, Qt.Key.Key_H, Qt.Key.Key_E)  # Theme > Sepia
    assert window.theme_choice == "sepia"
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window.theme.name == "sepia"  # a chosen theme stays
    _choose(qtbot, window, Qt.Key.Key_H, Qt.Key.Key_S)  # Theme > Follow System
    assert window.theme_choice == "system" and window.theme.name == "dark"
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    window.close()
    assert _open(open_window, qtbot, library, data_dir).theme_choice == "system"


@pytest.mark.parametrize("name", list(THEMES))
def test_text_on_every_highlight_is_legible_and_apart_from_the_selection(name: str) -> None:
    theme = THEMES[name]
    selection = parse_hex(theme.selection)
    assert contrast_ratio(theme.text, selection) >= 4.5, "selected text is hard to read"
    for colour in COLOURS:
        fill = blend(colour_info(colour).fill(name), HIGHLIGHT_ALPHA, theme.page)
        ratio = contrast_ratio(theme.text, fill)
        assert ratio >= 4.5, f"{name} text on {colour}: {ratio:.2f}:1"
        distance = delta_e2000(fill, selection)
        assert distance >= MIN_DISTANCE, f"{name} {colour} vs selection: ΔE {distance:.1f}"
    # The highlights stay apart from each other as well.
    fills = [blend(colour_info(c).fill(name), HIGHLIGHT_ALPHA, theme.page) for c in COLOURS]
    for i, first in enumerate(fills):
        for second in fills[i + 1 :]:
            assert delta_e2000(first, second) >= MIN_DISTANCE


@pytest.mark.parametrize("name", list(THEMES))
def test_theme_text_colours_keep_their_contrast(name: str) -> None:
    theme = THEMES[name]
    for background in (theme.page, theme.code_bg):  # code_bg: code, table heads, cards
        for role in ("text", "heading", "muted", "link"):
            colour = getattr(theme, role)
            assert contrast_ratio(colour, background) >= 4.5, f"{name} {role} on {background}"
    for role in ("note", "tip", "important"):  # call-out titles and rules, on the page
        assert contrast_ratio(getattr(theme, role), theme.page) >= 4.5, f"{name} {role}"
    # Warning and caution titles are bold call-out headings: large-text contrast suffices.
    for role in ("warning", "caution"):
        assert contrast_ratio(getattr(theme, role), theme.page) >= 3.0
    assert contrast_ratio(theme.muted, theme.sidebar) >= 4.5
