"""The Notes menu and the toolbar's Highlight button, registered for the annotations feature."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtGui import QAction, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QToolButton, QWidget, QWidgetAction

from reader.core.colours import COLOURS, HIGHLIGHTS
from reader.core.i18n import translate
from reader.ui.actions import ActionRegistry, make_action
from reader.ui.window_menus import NOTES_HIGHLIGHT, NOTES_PANEL, NOTES_UNDO, TOOLBAR_HIGHLIGHT


@dataclass(frozen=True)
class NotesCommands:
    """What the Notes menu's entries do."""

    highlight: Callable[[], object]  # in the last colour used
    highlight_in: Callable[[str], object]  # in a named colour
    pop_colours: Callable[[], None]  # offer the colours at the text cursor
    highlight_with_note: Callable[[], None]
    show_panel: Callable[[], None]


@dataclass(frozen=True)
class NotesActions:
    """The actions the feature enables, disables and triggers, and the colour menu."""

    colour_menu: QMenu
    highlight: QAction
    colour_menu_action: QAction
    note: QAction
    undo: QAction
    redo: QAction
    button: QToolButton


def build_notes_menu(
    registry: ActionRegistry,
    window: QWidget,
    commands: NotesCommands,
    undo_stack: QUndoStack,
    icon_for: Callable[[str], QIcon],
) -> NotesActions:
    """Register the Notes menu's entries and a Highlight button with a colour menu."""
    highlight = make_action(
        window,
        translate("NotesMenu", "&Highlight Selection"),
        lambda: commands.highlight(),
        "Ctrl+H",
        translate("NotesMenu", "Highlight the selected text in the last colour used"),
    )
    colour_menu = QMenu(translate("NotesMenu", "Highlight in &Colour"), window)
    for index, colour in enumerate(COLOURS, start=1):
        action = colour_menu.addAction(
            icon_for(colour), f"&{index}  {HIGHLIGHTS[colour].shown_label}"
        )
        action.triggered.connect(partial(commands.highlight_in, colour))
    colour_menu_action = make_action(
        window,
        translate("NotesMenu", "Highlight in &Colour…"),
        commands.pop_colours,
        "Ctrl+Shift+H",
        translate(
            "NotesMenu", "Highlight the selected text in a colour of your choice (then 1 to 5)"
        ),
    )
    note = make_action(
        window,
        translate("NotesMenu", "Highlight with &Note…"),
        commands.highlight_with_note,
        "Ctrl+Shift+N",
        translate("NotesMenu", "Highlight the selected text and write a note on it"),
    )
    undo = undo_stack.createUndoAction(window, translate("NotesMenu", "&Undo"))
    undo.setShortcuts(QKeySequence.StandardKey.Undo)
    redo = undo_stack.createRedoAction(window, translate("NotesMenu", "&Redo"))
    redo.setShortcuts(QKeySequence.StandardKey.Redo)  # Ctrl+Shift+Z and Ctrl+Y
    window.addAction(undo)
    window.addAction(redo)
    panel = make_action(
        window,
        translate("NotesMenu", "Show &Notes Panel"),
        commands.show_panel,
        "Ctrl+2",
        translate("NotesMenu", "Show your notes"),
    )
    for step, action in enumerate((highlight, colour_menu_action, note)):
        registry.register(action, menu="notes", group="highlight", order=NOTES_HIGHLIGHT + step)
    registry.register(undo, menu="notes", group="undo", order=NOTES_UNDO)
    registry.register(redo, menu="notes", group="undo", order=NOTES_UNDO + 1)
    registry.register(panel, menu="notes", group="panel", order=NOTES_PANEL)

    button = QToolButton()
    button.setDefaultAction(highlight)
    highlight.setIconText(translate("NotesMenu", "Highlight"))
    button.setMenu(colour_menu)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
    button.setObjectName("highlightButton")
    # The toolbar shows a widget through an action that carries it; the action keeps the
    # button when the toolbar is laid out again.
    holder = QWidgetAction(window)
    holder.setDefaultWidget(button)
    registry.register(holder, menu="toolbar", group="highlight", order=TOOLBAR_HIGHLIGHT)
    return NotesActions(colour_menu, highlight, colour_menu_action, note, undo, redo, button)
