"""Menus declared in one place: every entry comes from the action registry, in order."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from ui_helpers import WindowFactory

from reader.core.library_scan import load_library
from reader.ui.actions import ActionRegistry
from reader.ui.app import application
from reader.ui.context import create_context
from reader.ui.main_window import MainWindow


def _texts(actions: list[QAction]) -> list[str]:
    return ["--" if a.isSeparator() else a.text() for a in actions]


def test_the_installed_window_s_menus_in_their_declared_order(
    open_window: WindowFactory, seed_library: Path, data_dir: Path
) -> None:
    window = open_window(seed_library, data_dir)
    bar = [a.text() for a in window.menuBar().actions()]
    assert bar == ["&File", "&Library", "&View", "&Go", "&Notes", "&Search", "&Help"]
    assert _texts(window.file_menu.actions()) == [
        "&Export Notes…",
        "&Import Notes…",
        "Sync &Folder…",
        "--",
        "&Print…",
        "Save as P&DF…",
        "--",
        "S&witch Reader…",
        "Manage &Readers…",
        "--",
        "&Quit",
    ]
    assert _texts(window.go_menu.actions()) == [
        "&Back",
        "&Forward",
        "--",
        "&Previous Chapter",
        "&Next Chapter",
    ]
    toolbar = window.toolbar.actions()
    assert [a.iconText() for a in toolbar if not a.isSeparator()][:4] == [
        "Sidebar",
        "A−",
        "A+",
        "Theme",
    ]
    assert window.toolbar.findChild(object, "highlightButton") is not None


def test_a_registered_action_is_shown_at_its_order_after_a_rebuild(
    qtbot: QtBot, seed_library: Path, data_dir: Path
) -> None:
    application()
    window = MainWindow(create_context(load_library(seed_library), data_dir))
    qtbot.addWidget(window)
    # Before Quit (order 90), in a group of its own: a separator parts them.
    extra = QAction("&Print…", window)
    window.context.actions.register(extra, menu="file", group="print", order=50)
    assert "&Print…" not in _texts(window.file_menu.actions())  # not until the rebuild
    window.rebuild_menus()
    window.rebuild_menus()  # twice changes nothing: no entry or separator is doubled
    assert _texts(window.file_menu.actions()) == ["&Print…", "--", "&Quit"]
    # Menus with no entries are left out of the bar.
    assert "&Notes" not in [a.text() for a in window.menuBar().actions()]


def test_the_registry_refuses_unknown_menus_and_doubles(qtbot: QtBot) -> None:
    registry = ActionRegistry()
    action = QAction("&Thing")
    with pytest.raises(ValueError, match="no menu is called 'tools'"):
        registry.register(action, menu="tools", group="x", order=1)  # type: ignore[arg-type]
    registry.register(action, menu="help", group="x", order=1)
    with pytest.raises(ValueError, match="already registered"):
        registry.register(action, menu="help", group="x", order=2)
