"""Back and Forward in the window: Go menu, Alt+Left / Alt+Right and the mouse's side buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtGui import QKeySequence, QMouseEvent

from reader.core.history import History, Place
from reader.core.i18n import translate
from reader.ui.actions import make_action
from reader.ui.context import AppContext, ReaderWindow
from reader.ui.window_menus import GO_HISTORY


class NavigationFeature(QObject):
    """Remembers the places jumps leave (signals.place_left) and goes back and forth."""

    def __init__(self, context: AppContext, window: ReaderWindow) -> None:
        super().__init__(window.as_widget())
        self._window = window
        self.history = History()
        widget = window.as_widget()
        self.back_action = make_action(
            widget,
            translate("Navigation", "&Back"),
            self.go_back,
            QKeySequence.StandardKey.Back,
            translate("Navigation", "Back to where you were before the last jump"),
        )
        self.forward_action = make_action(
            widget,
            translate("Navigation", "&Forward"),
            self.go_forward,
            QKeySequence.StandardKey.Forward,
            translate("Navigation", "Forward again, after going back"),
        )
        # Not Backspace (some platforms bind it to Back): in a reader it would throw the
        # student back a page when a key meant for a text field lands elsewhere.
        for action in (self.back_action, self.forward_action):
            action.setShortcuts([k for k in action.shortcuts() if not _is_plain_backspace(k)])
        for step, action in enumerate((self.back_action, self.forward_action)):
            context.actions.register(action, menu="go", group="history", order=GO_HISTORY + step)
        context.signals.place_left.connect(self._left)
        window.view.viewport().installEventFilter(self)
        self._update()

    def _here(self) -> Place | None:
        doc = self._window.current_document()
        if doc is None:
            return None
        return Place(doc.chapter.slug, self._window.view.top_offset())

    @Slot(str, int)
    def _left(self, slug: str, offset: int) -> None:
        self.history.jumped_from(Place(slug, offset))
        self._update()

    @Slot()
    def go_back(self) -> None:
        """Return to where the last jump left from."""
        self._go(self.history.back)

    @Slot()
    def go_forward(self) -> None:
        """Redo the jump that Back undid."""
        self._go(self.history.forward)

    def _go(self, step: Callable[[Place], Place | None]) -> None:
        here = self._here()
        if here is None:
            return
        while (target := step(here)) is not None:
            if target == here:
                continue  # a jump that went nowhere (its chapter could not be opened)
            if self._window.open_chapter(target.chapter, offset=target.offset):
                break
            self.history.forget(target)
            self._window.show_status(
                translate("Navigation", "That place is no longer in the library."), 5000
            )
        self._update()

    def _update(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back)
        self.forward_action.setEnabled(self.history.can_go_forward)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The mouse's back and forward side buttons, over the chapter text."""
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            button = event.button()
            if button == QtCore.Qt.MouseButton.BackButton:
                self.go_back()
                return True
            if button == QtCore.Qt.MouseButton.ForwardButton:
                self.go_forward()
                return True
        return False


def _is_plain_backspace(keys: QKeySequence) -> bool:
    return keys.toString().endswith("Backspace") and "Alt" not in keys.toString()


def install_navigation(context: AppContext, window: ReaderWindow) -> NavigationFeature:
    """Add Back and Forward to the window (the menus show them at their next rebuild)."""
    return NavigationFeature(context, window)
