"""The Notes menu and the toolbar's Highlight button, built for the annotations feature."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolButton

from reader.core.colours import COLOURS, HIGHLIGHTS
from reader.ui.actions import make_action
from reader.ui.highlight_menus import swatch_icon
from reader.ui.main_window import MainWindow

if TYPE_CHECKING:
    from reader.ui.annotations_feature import AnnotationsFeature


@dataclass(frozen=True)
class NotesActions:
    """The Notes menu and the actions the feature enables, disables and triggers."""

    menu: QMenu
    colour_menu: QMenu
    highlight: QAction
    colour_menu_action: QAction
    note: QAction
    undo: QAction
    redo: QAction


def build_notes_menu(feature: AnnotationsFeature, window: MainWindow) -> NotesActions:
    """Add Notes (before Help) and a Highlight button with a colour menu to the toolbar."""
    menu = window.menuBar().addMenu("&Notes")
    window.menuBar().insertMenu(window.help_menu.menuAction(), menu)
    highlight = make_action(
        window,
        "&Highlight Selection",
        lambda: feature.highlight_selection(),
        "Ctrl+H",
        "Highlight the selected text in the last colour used",
    )
    colour_menu = QMenu("Highlight in &Colour", window)
    for index, colour in enumerate(COLOURS, start=1):
        action = colour_menu.addAction(
            swatch_icon(colour, window), f"&{index}  {HIGHLIGHTS[colour].label}"
        )
        action.triggered.connect(partial(feature.highlight_selection, colour))
    colour_menu_action = make_action(
        window,
        "Highlight in &Colour…",
        feature.pop_colour_menu,
        "Ctrl+Shift+H",
        "Highlight the selected text in a colour of your choice (then 1 to 5)",
    )
    note = make_action(
        window,
        "Highlight with &Note…",
        feature.highlight_with_note,
        "Ctrl+Shift+N",
        "Highlight the selected text and write a note on it",
    )
    undo = feature.undo_stack.createUndoAction(window, "&Undo")
    undo.setShortcuts(QKeySequence.StandardKey.Undo)
    redo = feature.undo_stack.createRedoAction(window, "&Redo")
    redo.setShortcuts(QKeySequence.StandardKey.Redo)  # Ctrl+Shift+Z and Ctrl+Y
    window.addAction(undo)
    window.addAction(redo)
    for action in (highlight, colour_menu_action, note):
        menu.addAction(action)
    menu.addSeparator()
    menu.addAction(undo)
    menu.addAction(redo)
    menu.addSeparator()
    menu.addAction(
        make_action(window, "Show &Notes Panel", feature.show_panel, "Ctrl+2", "Show your notes")
    )
    button = QToolButton()
    button.setDefaultAction(highlight)
    highlight.setIconText("Highlight")
    button.setMenu(colour_menu)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
    button.setObjectName("highlightButton")
    window.toolbar.addSeparator()
    window.toolbar.addWidget(button)
    return NotesActions(menu, colour_menu, highlight, colour_menu_action, note, undo, redo)
