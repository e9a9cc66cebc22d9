"""The Help menu's own entries: the guide (F1), Keyboard Shortcuts (Ctrl+/) and About."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, SignalInstance, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow

from reader.core.i18n import translate
from reader.ui.about_window import AboutWindow
from reader.ui.actions import make_action
from reader.ui.help_window import HelpWindow
from reader.ui.settings import Settings
from reader.ui.shortcuts_window import ShortcutsWindow
from reader.ui.theme import THEMES, Theme
from reader.ui.window_menus import HELP_ABOUT, HELP_GUIDE

if TYPE_CHECKING:
    from reader.ui.context import AppContext, ReaderWindow

SHORTCUTS_KEYS = "Ctrl+/"


class HelpFeature(QObject):
    """Opens the guide, the shortcuts list and About: one window each, in the window's theme."""

    def __init__(
        self,
        window: QMainWindow,
        data_dir: Path,
        settings: Settings,
        theme: Theme,
        theme_changed: SignalInstance,
    ) -> None:
        """Make the actions on `window`; `theme_changed` carries the name of each new theme."""
        super().__init__(window)
        self._window = window
        self._data_dir = data_dir
        self._settings = settings  # the text size the guide is shown at
        self._theme = theme
        self._guide: HelpWindow | None = None
        self._shortcuts: ShortcutsWindow | None = None
        self._about: AboutWindow | None = None
        self.guide_action = make_action(
            window,
            translate("HelpFeature", "&Using Field Reader"),
            self.show_guide,
            QKeySequence.StandardKey.HelpContents,
            translate("HelpFeature", "Open the guide to Field Reader"),
        )
        if not self.guide_action.shortcuts():  # the platform names no Help key
            self.guide_action.setShortcuts([QKeySequence.fromString("F1")])
        self.shortcuts_action = make_action(
            window,
            translate("HelpFeature", "&Keyboard Shortcuts"),
            self.show_shortcuts,
            SHORTCUTS_KEYS,
            translate("HelpFeature", "List every key of Field Reader"),
        )
        self.about_action = make_action(
            window,
            translate("HelpFeature", "&About Field Reader"),
            self.show_about,
            tip=translate("HelpFeature", "Version, licence and data folder"),
        )
        theme_changed.connect(self._on_theme)

    @property
    def guide_window(self) -> HelpWindow | None:
        """The guide's window, once opened."""
        return self._guide

    @property
    def shortcuts_window(self) -> ShortcutsWindow | None:
        """The Keyboard Shortcuts window, once opened."""
        return self._shortcuts

    @property
    def about_window(self) -> AboutWindow | None:
        """The About window, once opened."""
        return self._about

    @Slot()
    def show_guide(self) -> None:
        """Open (or bring forward) the guide "Using Field Reader"."""
        if self._guide is None:
            self._guide = HelpWindow(self._theme, self._settings.font_size, self._window)
        _present(self._guide)

    @Slot()
    def show_shortcuts(self) -> None:
        """Open (or bring forward) the list of keys, read afresh from the window's actions."""
        if self._shortcuts is None:
            self._shortcuts = ShortcutsWindow(self._window, self._theme, self._window)
        elif self._shortcuts.isVisible():
            self._shortcuts.refresh()
        _present(self._shortcuts)

    @Slot()
    def show_about(self) -> None:
        """Open (or bring forward) About Field Reader."""
        if self._about is None:
            self._about = AboutWindow(self._data_dir, self._theme, self._window)
        _present(self._about)

    @Slot(str)
    def _on_theme(self, name: str) -> None:
        theme = self._theme = THEMES[name]
        for dialog in (self._guide, self._shortcuts, self._about):
            if dialog is not None:
                dialog.set_theme(theme)


def _present(dialog: QDialog) -> None:
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()


def install_help(context: AppContext, window: ReaderWindow) -> HelpFeature:
    """Register the guide and Keyboard Shortcuts at the top of the Help menu, About at its end."""
    feature = HelpFeature(
        window.as_widget(),
        context.data_dir,
        context.settings,
        window.theme,
        context.signals.theme_changed,
    )
    register = context.actions.register
    register(feature.guide_action, menu="help", group="guide", order=HELP_GUIDE)
    register(feature.shortcuts_action, menu="help", group="guide", order=HELP_GUIDE + 1)
    register(feature.about_action, menu="help", group="about", order=HELP_ABOUT + 1)
    return feature
