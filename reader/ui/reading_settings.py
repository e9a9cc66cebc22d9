"""The View menu's reading settings: Theme, Text Face and Line Spacing, and Ctrl+Shift+L.

Each choice is a checkable entry of a submenu (one checked at a time); the window applies
it, remembers it in settings.ini and keeps the reader's place. "Follow System" (the
default until the reader picks a theme) follows the system's colour scheme: before the
first paint it is judged from the palette the platform gave the application (reading
Qt's ColorScheme would create the enums of Qt's whole namespace, see
reader/ui/qt_names.py), after it from the style hints, whose change signal keeps it in
step while the reader runs.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QPalette, QStyleHints
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from reader.core.i18n import QT_TRANSLATE_NOOP, translate
from reader.ui.actions import ActionRegistry, make_action
from reader.ui.theme import FOLLOW_SYSTEM, Theme

# Where the entries go (reader/ui/window_menus.py keeps the View menu's other orders):
# Next Theme after Larger and Smaller Text, then the three submenus in a group of their own.
VIEW_NEXT_THEME = 22
VIEW_READING = 30
TOOLBAR_THEME = 22

# Mnemonics are unique within each menu: the View menu already has T (Go to Text, Next
# Theme) and S (Show Sidebar).
THEME_ENTRIES = (
    ("light", QT_TRANSLATE_NOOP("ReadingSettings", "&Light")),
    ("sepia", QT_TRANSLATE_NOOP("ReadingSettings", "S&epia")),
    ("dark", QT_TRANSLATE_NOOP("ReadingSettings", "&Dark")),
    (FOLLOW_SYSTEM, QT_TRANSLATE_NOOP("ReadingSettings", "Follow &System")),
)
FACE_ENTRIES = (
    ("serif", QT_TRANSLATE_NOOP("ReadingSettings", "&Serif")),
    ("sans", QT_TRANSLATE_NOOP("ReadingSettings", "S&ans")),
)
SPACING_ENTRIES = (
    ("compact", QT_TRANSLATE_NOOP("ReadingSettings", "&Compact")),
    ("normal", QT_TRANSLATE_NOOP("ReadingSettings", "&Normal")),
    ("relaxed", QT_TRANSLATE_NOOP("ReadingSettings", "&Relaxed")),
)
# The themes as the Next Theme tip names them.
THEME_NAMES = {
    "light": QT_TRANSLATE_NOOP("ReadingSettings", "light"),
    "sepia": QT_TRANSLATE_NOOP("ReadingSettings", "sepia"),
    "dark": QT_TRANSLATE_NOOP("ReadingSettings", "dark"),
}

# The platform's darkness as first seen, kept on the application object: once the window
# has set its own palette, the application's palette no longer tells.
_SYSTEM_DARK = "fieldReaderSystemDark"


class ReadingWindow(Protocol):
    """What the reading settings need of the window."""

    @property
    def theme(self) -> Theme:
        """The theme shown (with its face and spacing)."""
        ...

    @property
    def theme_choice(self) -> str:
        """ "light", "sepia", "dark" or "system"."""
        ...

    def as_widget(self) -> QMainWindow:
        """The window itself."""
        ...

    def set_theme(self, name: str) -> None:
        """Choose a theme, or "system"."""
        ...

    def cycle_theme(self) -> None:
        """Go to the next theme of light, sepia, dark."""
        ...

    def set_face(self, name: str) -> None:
        """Set the chapter in "serif" or "sans"."""
        ...

    def set_spacing(self, name: str) -> None:
        """Space lines "compact", "normal" or "relaxed"."""
        ...

    def set_system_dark(self, dark: bool) -> None:
        """The system's colour scheme turned dark (or light)."""
        ...


def system_dark_guess() -> bool:
    """Whether the platform's colours are dark, judged from the palette it gave the
    application before the reader set its own (no Qt namespace enum is touched)."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    known = app.property(_SYSTEM_DARK)
    if isinstance(known, bool):
        return known
    dark = QGuiApplication.palette().color(QPalette.ColorRole.Window).lightnessF() < 0.5
    app.setProperty(_SYSTEM_DARK, dark)
    return dark


def system_scheme_dark(scheme: object = None) -> bool | None:
    """Whether colour scheme `scheme` (by default the system's) is dark; None when the
    platform does not say.

    Touches Qt.ColorScheme: call it only after the first paint.
    """
    from PySide6.QtCore import Qt

    app = QGuiApplication.instance()
    if scheme is None and isinstance(app, QGuiApplication):
        scheme = app.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return None


class ReadingSettingsMenus:
    """The Theme, Text Face and Line Spacing submenus and the Next Theme action."""

    def __init__(self, window: ReadingWindow, registry: ActionRegistry) -> None:
        self._window = window
        widget = window.as_widget()
        self.next_theme = make_action(
            widget,
            translate("ReadingSettings", "Next &Theme"),
            window.cycle_theme,
            "Ctrl+Shift+L",
            translate("ReadingSettings", "Switch to the next theme: light, sepia, dark"),
        )
        self.next_theme.setIconText(translate("ReadingSettings", "Theme"))
        self.theme_menu, self.themes = self._submenu(
            widget,
            translate("ReadingSettings", "T&heme"),
            "themeMenu",
            THEME_ENTRIES,
            window.set_theme,
        )
        self.face_menu, self.faces = self._submenu(
            widget,
            translate("ReadingSettings", "Text &Face"),
            "faceMenu",
            FACE_ENTRIES,
            window.set_face,
        )
        self.spacing_menu, self.spacings = self._submenu(
            widget,
            translate("ReadingSettings", "Line S&pacing"),
            "spacingMenu",
            SPACING_ENTRIES,
            window.set_spacing,
        )
        registry.register(self.next_theme, menu="view", group="text", order=VIEW_NEXT_THEME)
        registry.register(self.next_theme, menu="toolbar", group="text", order=TOOLBAR_THEME)
        for step, menu in enumerate((self.theme_menu, self.face_menu, self.spacing_menu)):
            # An action made here, not the menu's own menuAction(): laying the View menu
            # out again clears it, and PySide then drops its wrappers of actions Qt made.
            opener = QAction(menu.title(), widget)
            opener.setMenu(menu)
            registry.register(opener, menu="view", group="reading", order=VIEW_READING + step)
        self.refresh()

    @staticmethod
    def _submenu(
        parent: QWidget,
        title: str,
        name: str,
        entries: tuple[tuple[str, str], ...],
        choose: Callable[[str], None],
    ) -> tuple[QMenu, dict[str, QAction]]:
        menu = QMenu(title, parent)
        menu.setObjectName(name)
        group = QActionGroup(menu)  # exclusive: one entry checked
        actions: dict[str, QAction] = {}
        for key, text in entries:
            action = QAction(translate("ReadingSettings", text), menu)
            action.setCheckable(True)
            action.setObjectName(f"{name}-{key}")
            # triggered, not toggled: a check set by refresh() must not choose again.
            action.triggered.connect(lambda _checked=False, key=key: choose(key))
            group.addAction(action)
            menu.addAction(action)
            actions[key] = action
        return menu, actions

    def refresh(self) -> None:
        """Check the entries that say what the window shows now."""
        theme = self._window.theme
        self.themes[self._window.theme_choice].setChecked(True)
        self.faces[theme.face].setChecked(True)
        self.spacings[theme.spacing].setChecked(True)
        following = self._window.theme_choice == FOLLOW_SYSTEM
        self.next_theme.setToolTip(
            (
                translate(
                    "ReadingSettings",
                    "Theme: {theme} (following the system). "
                    "Next theme: light, sepia, dark ({keys})",
                )
                if following
                else translate(
                    "ReadingSettings", "Theme: {theme}. Next theme: light, sepia, dark ({keys})"
                )
            ).format(
                theme=translate("ReadingSettings", THEME_NAMES.get(theme.name, theme.name)),
                keys=self.next_theme.shortcut().toString(),
            )
        )


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call `callback` once, from the event loop, after `widget` is first painted."""
    _FirstPaint(widget, callback)


class _FirstPaint(QObject):
    """Calls back once, from the event loop, after a widget's first paint."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Schedule the callback on the first paint event, then stop watching."""
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


def follow_system_scheme(window: ReadingWindow, painted: QWidget) -> None:
    """After `painted` is first painted, read the system's colour scheme and follow its
    changes (the window applies them only while its theme choice is "system")."""

    def changed(scheme: object = None) -> None:
        dark = system_scheme_dark(scheme)
        if dark is None:
            return  # the platform does not say: the palette's judgement stands
        app = QGuiApplication.instance()
        if app is not None:
            app.setProperty(_SYSTEM_DARK, dark)
        window.set_system_dark(dark)

    def connect() -> None:
        app = QGuiApplication.instance()
        if not isinstance(app, QGuiApplication):
            return
        hints = app.styleHints()
        hints.colorSchemeChanged.connect(changed)
        # The connection must not outlive the window (hints live as long as the app).
        window.as_widget().destroyed.connect(lambda: _disconnect(hints, changed))
        changed()

    after_first_paint(painted, connect)


def _disconnect(hints: QStyleHints, slot: Callable[..., None]) -> None:
    with suppress(RuntimeError, TypeError):  # already gone with the application
        hints.colorSchemeChanged.disconnect(slot)


def install_reading_settings(
    window: ReadingWindow, registry: ActionRegistry, painted: QWidget
) -> ReadingSettingsMenus:
    """Register the reading-settings entries of `window` and follow the system's scheme
    once `painted` has been painted."""
    menus = ReadingSettingsMenus(window, registry)
    follow_system_scheme(window, painted)
    return menus
