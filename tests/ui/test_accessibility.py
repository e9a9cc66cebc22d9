"""Every control a keyboard can reach has a name a screen reader can say."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from ui_helpers import PHRASE, WindowFactory, annotations_of, select


def _unnamed(root: QWidget) -> list[str]:
    """The widgets under `root` that take the focus but have no accessible name."""
    missing = []
    for widget in root.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or widget.accessibleName():
            continue
        missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_focusable_widget_of_the_window_has_an_accessible_name(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seed_library, data_dir)
    search = window.features.search
    assert search is not None
    search.find_bar.open_bar()  # its field and buttons are made hidden
    assert _unnamed(window) == []
    names = {w.accessibleName() for w in window.findChildren(QWidget)}
    for expected in ("Chapter text", "Sidebar", "Sidebar tabs", "Notes", "Search results"):
        assert expected in names
    # Toolbar buttons say their action's words.
    toolbar = window.toolbar
    buttons = [toolbar.widgetForAction(a) for a in toolbar.actions() if not a.isSeparator()]
    assert "Highlight Selection" in [b.accessibleName() for b in buttons if b is not None]


def test_notes_rows_and_search_results_are_described_in_words(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seed_library, data_dir)
    notes = annotations_of(window)
    select(window, PHRASE)
    created = notes.highlight_selection("blue")
    assert created is not None
    notes.set_note(created.id, "UNDP, 1994")
    notes.show_panel()
    item = notes.panel.item_for(created.id)
    assert item is not None
    spoken = item.data(0, Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Highlight, blue, in ")
    assert PHRASE in spoken and spoken.endswith("Note: UNDP, 1994")
    assert "Changed" in item.data(0, Qt.ItemDataRole.AccessibleDescriptionRole)
    group = item.parent()
    assert group is not None
    assert group.data(0, Qt.ItemDataRole.AccessibleTextRole).split(": ")[0] in (
        "Chapter",
        "Section",
    )

    search = window.features.search
    assert search is not None
    qtbot.waitUntil(search.is_ready)
    search.panel.field.setText("freedom")
    search.run_query("freedom")
    first = search.panel.results.item(0)
    assert first is not None
    assert first.data(Qt.ItemDataRole.AccessibleTextRole)
    total = search.panel.results.count()
    assert first.data(Qt.ItemDataRole.AccessibleDescriptionRole) == f"Result 1 of {total}"
