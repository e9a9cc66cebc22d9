"""Ctrl+Z and Ctrl+Shift+Z never write over a newer version, and outside changes show up."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_helpers import PHRASE, WindowFactory, annotations_of, drawn, select

from reader.core.anchoring import describe
from reader.core.data_folder import NOTES_FILE
from reader.core.library_scan import load_library
from reader.core.notes import Annotation, format_timestamp
from reader.core.pack_identity import identify
from reader.storage.annotations import AnnotationStore
from reader.storage.db import Database
from reader.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
KEPT = "changed elsewhere since; undo skipped so the newer version is kept"


@pytest.fixture
def elsewhere(data_dir: Path, seed_library: Path) -> Iterator[AnnotationStore]:
    """The notes file through its own connection, as `field-reader import` or sync would,
    for the notes of the window's library."""
    db = Database(data_dir / NOTES_FILE)
    yield AnnotationStore(db, identify(load_library(seed_library)).id)
    db.close()


@pytest.fixture
def window(open_window: WindowFactory, seed_library: Path, data_dir: Path) -> MainWindow:
    """The window over the seed chapter and the test's data folder."""
    return open_window(seed_library, data_dir)


def press(qtbot: QtBot, window: MainWindow, modifiers: Qt.KeyboardModifier = CTRL) -> None:
    """Press Z with `modifiers` in the text, as the student would."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, modifiers)


def highlighted(window: MainWindow, colour: str = "yellow") -> Annotation:
    """Highlight PHRASE through the window (an undoable command)."""
    select(window, PHRASE)
    created = annotations_of(window).highlight_selection(colour)
    assert created is not None
    return created


def test_undo_and_redo_without_outside_changes_follow_each_other(
    window: MainWindow, qtbot: QtBot
) -> None:
    notes = annotations_of(window)
    created = highlighted(window)
    notes.set_colour(created.id, "green")
    notes.delete(created.id)
    assert drawn(window) == []
    press(qtbot, window)  # the delete
    press(qtbot, window)  # the colour
    restored = notes.store.get(created.id)
    assert restored is not None and not restored.deleted and restored.colour == "yellow"
    # The old value is written as the newest intent, so it wins the next merge.
    assert restored.modified > created.modified and restored.created == created.created
    press(qtbot, window)  # the highlight itself
    assert drawn(window) == []
    for _ in range(3):
        press(qtbot, window, CTRL_SHIFT)
    final = notes.store.get(created.id)
    assert final is not None and final.deleted and final.colour == "green"
    assert notes.undo_stack.count() == 3
    assert "elsewhere" not in window.statusBar().currentMessage()


def test_undo_keeps_a_note_written_by_another_program(
    elsewhere: AnnotationStore, window: MainWindow, qtbot: QtBot
) -> None:
    notes = annotations_of(window)
    created = highlighted(window)
    notes.set_colour(created.id, "blue")
    newer = elsewhere.set_note(created.id, "written in the other program")
    press(qtbot, window)
    assert notes.store.get(created.id) == newer
    assert KEPT in window.statusBar().currentMessage()
    # The skipped undo is gone; the highlight's own creation is next, and is skipped too.
    assert notes.undo_stack.count() == 1
    press(qtbot, window)
    assert notes.store.get(created.id) == newer
    assert notes.undo_stack.count() == 0
    assert drawn(window) == [PHRASE]


def test_undo_keeps_a_newer_edit_merged_from_another_computer(
    elsewhere: AnnotationStore, window: MainWindow, qtbot: QtBot
) -> None:
    notes = annotations_of(window)
    created = highlighted(window)
    notes.set_note(created.id, "my note")
    mine = notes.store.get(created.id)
    assert mine is not None
    # The laptop's clock runs an hour ahead, so its edit is the newer one.
    later = format_timestamp(datetime.now(UTC) + timedelta(hours=1))
    from_laptop = replace(mine, note="the laptop's note", modified=later)
    assert elsewhere.merge([from_laptop]).updated == 1
    press(qtbot, window)
    assert notes.store.get(created.id) == from_laptop
    assert KEPT in window.statusBar().currentMessage()


def test_undo_of_a_delete_keeps_a_newer_tombstone(
    elsewhere: AnnotationStore, window: MainWindow, qtbot: QtBot
) -> None:
    notes = annotations_of(window)
    created = highlighted(window)
    notes.delete(created.id)
    # Another window brings it back, recolours it and deletes it again.
    elsewhere.restore(created.id)
    elsewhere.set_colour(created.id, "pink")
    newer = elsewhere.delete(created.id)
    press(qtbot, window)
    assert notes.store.get(created.id) == newer
    assert drawn(window) == []
    assert "deleted elsewhere since; undo skipped" in window.statusBar().currentMessage()


def test_redo_keeps_a_newer_version_too(
    elsewhere: AnnotationStore, window: MainWindow, qtbot: QtBot
) -> None:
    notes = annotations_of(window)
    created = highlighted(window)
    notes.set_colour(created.id, "purple")
    press(qtbot, window)
    newer = elsewhere.set_colour(created.id, "green")
    press(qtbot, window, CTRL_SHIFT)
    assert notes.store.get(created.id) == newer
    assert "redo skipped so the newer version is kept" in window.statusBar().currentMessage()
    assert not notes.undo_stack.canRedo()


def test_an_edit_on_a_stale_view_undoes_to_what_it_replaced(
    elsewhere: AnnotationStore, window: MainWindow, qtbot: QtBot
) -> None:
    notes = annotations_of(window)
    created = highlighted(window)
    # Another program recolours it before the window has looked again.
    elsewhere.set_colour(created.id, "pink")
    notes.set_colour(created.id, "blue")
    press(qtbot, window)
    back = notes.store.get(created.id)
    assert back is not None and back.colour == "pink"


def test_a_highlight_added_by_another_program_appears(
    elsewhere: AnnotationStore, window: MainWindow, qtbot: QtBot
) -> None:
    notes = annotations_of(window)
    notes.show_panel()
    doc = window.current_document()
    assert doc is not None
    start = doc.plain.text.index(PHRASE)
    added = elsewhere.add(
        doc.chapter.slug, describe(doc.plain.text, start, start + len(PHRASE)), "green", "hi"
    )
    qtbot.waitUntil(lambda: drawn(window) == [PHRASE], timeout=5000)
    qtbot.waitUntil(lambda: notes.panel.item_for(added.id) is not None, timeout=5000)
    elsewhere.delete(added.id)
    qtbot.waitUntil(lambda: drawn(window) == [], timeout=5000)


def test_the_window_s_own_writes_do_not_trigger_a_reload(window: MainWindow, qtbot: QtBot) -> None:
    notes = annotations_of(window)
    assert notes.watcher is not None
    highlighted(window)
    with qtbot.assertNotEmitted(window.context.signals.notes_replaced):
        assert notes.watcher.check() is False
