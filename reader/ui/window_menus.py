"""The window's own menus and reading toolbar; features add theirs (Notes, Search) later."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from reader.ui.actions import make_action

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


@dataclass(frozen=True)
class WindowMenus:
    """The menus, the toolbar and the checkable or toolbar actions the window updates."""

    file: QMenu
    view: QMenu
    go: QMenu
    help: QMenu
    toolbar: QToolBar
    toggle_sidebar: QAction
    larger: QAction
    smaller: QAction
    dark: QAction


def build_menus(window: MainWindow, *, dark: bool) -> WindowMenus:
    """File, View, Go and Help, and the reading toolbar (Sidebar, A−, A+, Dark)."""
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    quit_action = make_action(window, "&Quit", window.close, QKeySequence.StandardKey.Quit)
    if not quit_action.shortcuts():  # the platform names none (plain X11 sessions)
        quit_action.setShortcuts([QKeySequence.fromString("Ctrl+Q")])
    file_menu.addAction(quit_action)

    view = bar.addMenu("&View")
    toggle_sidebar = make_action(
        window, "Show &Sidebar", window.set_sidebar_visible, "F9", "Show or hide the sidebar"
    )
    toggle_sidebar.setCheckable(True)
    toggle_sidebar.setChecked(True)
    view.addAction(toggle_sidebar)
    view.addAction(
        make_action(
            window,
            "Go to &Contents",
            window.focus_contents,
            "Ctrl+1",
            "Move the keyboard focus to the Contents",
        )
    )
    view.addAction(
        make_action(
            window,
            "Go to &Text",
            window.focus_text,
            "Ctrl+0",
            "Move the keyboard focus to the chapter text",
        )
    )
    view.addSeparator()
    larger = make_action(
        window,
        "&Larger Text",
        lambda: window.change_font_size(+1),
        QKeySequence.StandardKey.ZoomIn,
        "Larger text",
    )
    smaller = make_action(
        window,
        "S&maller Text",
        lambda: window.change_font_size(-1),
        QKeySequence.StandardKey.ZoomOut,
        "Smaller text",
    )
    view.addAction(larger)
    view.addAction(smaller)
    dark_action = make_action(
        window,
        "&Dark Theme",
        lambda on: window.set_theme("dark" if on else "light"),
        "Ctrl+Shift+L",
        "Switch between the light and the dark theme",
    )
    dark_action.setCheckable(True)
    dark_action.setChecked(dark)
    view.addAction(dark_action)

    go = bar.addMenu("&Go")
    go.addAction(
        make_action(
            window,
            "&Previous Chapter",
            lambda: window.step_chapter(-1),
            "Ctrl+PgUp",
            "Open the previous chapter",
        )
    )
    go.addAction(
        make_action(
            window,
            "&Next Chapter",
            lambda: window.step_chapter(+1),
            "Ctrl+PgDown",
            "Open the next chapter",
        )
    )

    help_menu = bar.addMenu("&Help")
    help_menu.addAction(make_action(window, "Library &Problems", window.show_problems))
    help_menu.addAction(make_action(window, "&About Field Reader", window.show_about))

    toolbar = QToolBar("Reading")
    toolbar.setObjectName("readingToolbar")
    toolbar.setMovable(False)
    # Its actions have no icons, so their buttons show their text (iconText below).
    toggle_sidebar.setIconText("Sidebar")
    smaller.setIconText("A−")
    larger.setIconText("A+")
    dark_action.setIconText("Dark")
    toolbar.addAction(toggle_sidebar)
    toolbar.addSeparator()
    toolbar.addAction(smaller)
    toolbar.addAction(larger)
    toolbar.addAction(dark_action)
    window.addToolBar(toolbar)  # at the top
    return WindowMenus(
        file_menu, view, go, help_menu, toolbar, toggle_sidebar, larger, smaller, dark_action
    )
