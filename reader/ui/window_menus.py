"""The menus and the reading toolbar, declared in one place and built from registered actions.

The window and each feature register their actions in the context's ActionRegistry with
a menu, a group and an order (the constants below); `WindowMenus.rebuild` lays every menu
out from the registry: groups parted by separators, menus in the order of `MENUS`, empty
menus left out. The window rebuilds once at start and once after the deferred features
have registered theirs.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from reader.core.i18n import QT_TRANSLATE_NOOP, translate
from reader.ui.actions import ActionRegistry, MenuName, make_action

# The menu bar, left to right; the toolbar is not a menu and is laid out apart.
MENUS: tuple[tuple[MenuName, str], ...] = (
    ("file", QT_TRANSLATE_NOOP("WindowMenus", "&File")),
    ("library", QT_TRANSLATE_NOOP("WindowMenus", "&Library")),
    ("view", QT_TRANSLATE_NOOP("WindowMenus", "&View")),
    ("go", QT_TRANSLATE_NOOP("WindowMenus", "&Go")),
    ("notes", QT_TRANSLATE_NOOP("WindowMenus", "&Notes")),
    ("search", QT_TRANSLATE_NOOP("WindowMenus", "&Search")),
    ("help", QT_TRANSLATE_NOOP("WindowMenus", "&Help")),
)

# Orders of the entries, menu by menu: one table, so that where an entry goes is read
# here and not worked out from which feature happened to install first.
FILE_EXCHANGE, FILE_QUIT = 20, 90  # Export, Import, Sync Folder (+0, +1, +2); Quit last
FILE_READERS = 70  # Switch Reader…, Manage Readers… (reader/ui/profiles_feature.py)
# Sidebar, Go to Contents, Go to Text; Larger, Smaller Text (Next Theme +2 and the Theme,
# Text Face and Line Spacing submenus at 30: reader/ui/reading_settings.py).
VIEW_SIDEBAR, VIEW_TEXT = 10, 20
# Open Library…, Open Library Folder…; the bundled library; those opened before; Remove.
LIBRARY_OPEN, LIBRARY_BUNDLED, LIBRARY_RECENT, LIBRARY_MANAGE = 10, 20, 30, 90
GO_HISTORY, GO_CHAPTERS = 10, 20  # Back, Forward; Previous, Next Chapter
NOTES_HIGHLIGHT, NOTES_UNDO, NOTES_PANEL = 10, 20, 30
SEARCH_FIND = 10  # Find, Find Next, Find Previous, Search All Chapters
HELP_GUIDE, HELP_ABOUT = 0, 10  # Guide, Keyboard Shortcuts; Library Problems, About
TOOLBAR_SIDEBAR, TOOLBAR_TEXT, TOOLBAR_HIGHLIGHT = 10, 20, 30


class WindowCommands(Protocol):
    """What the window's own menu entries do."""

    def close(self) -> bool:
        """Close the window (and so quit)."""
        ...

    def set_sidebar_visible(self, visible: bool) -> None:
        """Show or hide the sidebar."""
        ...

    def focus_contents(self) -> None:
        """Put the keyboard focus on the Contents."""
        ...

    def focus_text(self) -> None:
        """Put the keyboard focus on the chapter text."""
        ...

    def change_font_size(self, step: int) -> None:
        """Larger (+1) or smaller (-1) text."""
        ...

    def step_chapter(self, step: int) -> None:
        """Open the next (+1) or previous (-1) chapter."""
        ...

    def show_problems(self) -> None:
        """List the library's problems."""
        ...


class WindowMenus:
    """The window's menus and toolbar, and the window's own checkable or toolbar actions."""

    def __init__(
        self, window: QMainWindow, commands: WindowCommands, registry: ActionRegistry
    ) -> None:
        self._window = window
        self._registry = registry
        self._menus: dict[MenuName, QMenu] = {}
        for name, title in MENUS:
            menu = QMenu(translate("WindowMenus", title), window)
            menu.setObjectName(f"{name}Menu")
            # The Library menu's tooltips name where each library is.
            menu.setToolTipsVisible(name == "library")
            self._menus[name] = menu
        self.toolbar = QToolBar(translate("WindowMenus", "Reading"))
        self.toolbar.setObjectName("readingToolbar")
        self.toolbar.setMovable(False)
        window.addToolBar(self.toolbar)  # at the top
        self._register_window_actions(commands)
        self.rebuild()

    def menu(self, name: MenuName) -> QMenu:
        """One of the menus of the bar."""
        if name == "toolbar":
            raise ValueError("the toolbar is not a menu")
        return self._menus[name]

    def _register_window_actions(self, commands: WindowCommands) -> None:
        window, register = self._window, self._registry.register
        quit_action = make_action(
            window, translate("WindowMenus", "&Quit"), commands.close, QKeySequence.StandardKey.Quit
        )
        if not quit_action.shortcuts():  # the platform names none (plain X11 sessions)
            quit_action.setShortcuts([QKeySequence.fromString("Ctrl+Q")])
        register(quit_action, menu="file", group="quit", order=FILE_QUIT)

        self.toggle_sidebar = make_action(
            window,
            translate("WindowMenus", "Show &Sidebar"),
            commands.set_sidebar_visible,
            "F9",
            translate("WindowMenus", "Show or hide the sidebar"),
        )
        self.toggle_sidebar.setCheckable(True)
        self.toggle_sidebar.setChecked(True)
        to_contents = make_action(
            window,
            translate("WindowMenus", "Go to &Contents"),
            commands.focus_contents,
            "Ctrl+1",
            translate("WindowMenus", "Move the keyboard focus to the Contents"),
        )
        to_text = make_action(
            window,
            translate("WindowMenus", "Go to &Text"),
            commands.focus_text,
            "Ctrl+0",
            translate("WindowMenus", "Move the keyboard focus to the chapter text"),
        )
        for step, action in enumerate((self.toggle_sidebar, to_contents, to_text)):
            register(action, menu="view", group="sidebar", order=VIEW_SIDEBAR + step)
        self.larger = make_action(
            window,
            translate("WindowMenus", "&Larger Text"),
            lambda: commands.change_font_size(+1),
            QKeySequence.StandardKey.ZoomIn,
            translate("WindowMenus", "Larger text"),
        )
        self.smaller = make_action(
            window,
            translate("WindowMenus", "S&maller Text"),
            lambda: commands.change_font_size(-1),
            QKeySequence.StandardKey.ZoomOut,
            translate("WindowMenus", "Smaller text"),
        )
        for step, action in enumerate((self.larger, self.smaller)):
            register(action, menu="view", group="text", order=VIEW_TEXT + step)

        previous = make_action(
            window,
            translate("WindowMenus", "&Previous Chapter"),
            lambda: commands.step_chapter(-1),
            "Ctrl+PgUp",
            translate("WindowMenus", "Open the previous chapter"),
        )
        following = make_action(
            window,
            translate("WindowMenus", "&Next Chapter"),
            lambda: commands.step_chapter(+1),
            "Ctrl+PgDown",
            translate("WindowMenus", "Open the next chapter"),
        )
        register(previous, menu="go", group="chapters", order=GO_CHAPTERS)
        register(following, menu="go", group="chapters", order=GO_CHAPTERS + 1)

        # About Field Reader is the help feature's (reader/ui/help_feature.py).
        problems = make_action(
            window, translate("WindowMenus", "Library &Problems"), commands.show_problems
        )
        register(problems, menu="help", group="about", order=HELP_ABOUT)

        # Its actions have no icons, so their buttons show their text (iconText).
        self.toggle_sidebar.setIconText(translate("WindowMenus", "Sidebar"))
        self.smaller.setIconText("A−")
        self.larger.setIconText("A+")
        register(self.toggle_sidebar, menu="toolbar", group="sidebar", order=TOOLBAR_SIDEBAR)
        for step, action in enumerate((self.smaller, self.larger)):
            register(action, menu="toolbar", group="text", order=TOOLBAR_TEXT + step)

    def rebuild(self) -> None:
        """Lay out every menu and the toolbar from the registry, as it stands now."""
        bar = self._window.menuBar()
        bar.clear()
        for name, _title in MENUS:
            menu = self._menus[name]
            menu.clear()  # deletes only the separators it made; actions belong to the window
            group: str | None = None
            for placement in self._registry.placements(name):
                if group is not None and placement.group != group:
                    menu.addSeparator()
                group = placement.group
                menu.addAction(placement.action)
            if not menu.isEmpty():
                bar.addMenu(menu)
        self.toolbar.clear()  # deletes the separators it made; actions belong to the window
        group = None
        for placement in self._registry.placements("toolbar"):
            if group is not None and placement.group != group:
                self.toolbar.addSeparator()
            group = placement.group
            self.toolbar.addAction(placement.action)
