"""View › Language: System, English, Français, Español; choosing one reopens the window in it."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from reader.core.i18n import translate
from reader.ui.context import AppContext, ReaderWindow, ReopenRequest
from reader.ui.i18n import (
    LANGUAGE_CHOICES,
    LANGUAGE_NAMES,
    SYSTEM,
    interface_language,
    resolve_language,
)

# View menu order (reader/ui/window_menus.py keeps the others): after the reading submenus.
VIEW_LANGUAGE = 40


class LanguageMenu(QObject):
    """View › Language: System, English, Français, Español, one checked."""

    def __init__(self, context: AppContext, window: ReaderWindow) -> None:
        super().__init__(window.as_widget())
        self._context = context
        self._window = window
        widget = window.as_widget()
        self.menu = QMenu(translate("LanguageMenu", "&Language"), widget)
        self.menu.setObjectName("languageMenu")
        group = QActionGroup(self.menu)
        self.actions: dict[str, QAction] = {}
        names = {SYSTEM: translate("LanguageMenu", "&System Language"), **LANGUAGE_NAMES}
        for key in LANGUAGE_CHOICES:
            action = QAction(names[key], self.menu)
            action.setCheckable(True)
            action.setObjectName(f"languageMenu-{key}")
            action.triggered.connect(lambda _checked=False, key=key: self.choose(key))
            group.addAction(action)
            self.menu.addAction(action)
            self.actions[key] = action
        self.actions[context.settings.language].setChecked(True)
        # An action made here, not the menu's own menuAction() (see reading_settings.py).
        self.opener = QAction(self.menu.title(), widget)
        self.opener.setMenu(self.menu)

    def choose(self, choice: str) -> None:
        """Remember `choice` and reopen the window in that language, at the same place."""
        settings = self._context.settings
        if choice == settings.language:
            return
        settings.language = choice
        settings.sync()
        if resolve_language(choice) == interface_language():
            return  # "System" when the system's language is the one shown: nothing changes
        self._context.request_reopen(ReopenRequest())
        self._window.as_widget().close()


def install_language_menu(context: AppContext, window: ReaderWindow) -> LanguageMenu:
    """Register View › Language with the window's actions."""
    feature = LanguageMenu(context, window)
    context.actions.register(feature.opener, menu="view", group="reading", order=VIEW_LANGUAGE)
    return feature
