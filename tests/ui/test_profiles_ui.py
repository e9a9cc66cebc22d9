"""Readers on a shared login in the window: "Who is reading?", Switch Reader, Manage Readers."""

from __future__ import annotations

import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from ui_helpers import PHRASE, annotations_of, drawn, from_file_menu, run_steps, select

from reader.core.data_folder import DataFolder
from reader.core.profiles import ROOT_FOLDER, ProfileRegistry
from reader.ui.app import run_gui
from reader.ui.main_window import MainWindow
from reader.ui.profile_claim import window_closed_on
from reader.ui.profile_picker import ProfilePicker
from reader.ui.profiles_dialog import ManageReaders
from reader.ui.settings import Settings
from reader.ui.single_instance import SingleInstance

SLUG = "human-security"
# The File menu pops up (and raises) on the offscreen platform, which says it cannot.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


def _visible(kind: type[QWidget]) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def _picker() -> ProfilePicker | None:
    shown = [w for w in QApplication.allWidgets() if isinstance(w, ProfilePicker)]
    return next((w for w in shown if w.isVisible()), None)


def _window() -> MainWindow | None:
    windows = _visible(MainWindow)
    window = windows[0] if windows else None
    if window is None or window.features.annotations is None or window.features.profiles is None:
        return None
    return window  # type: ignore[return-value]


def _choose(qtbot: QtBot, keys: list[Qt.Key], expect_first: str, seen: list[str]) -> bool:
    """In the picker shown, check the preselected reader, press `keys` then Enter."""
    picker = _picker()
    if picker is None:
        return False
    chosen = picker.chosen()
    seen.append(f"preselected {chosen.name if chosen else None}")
    assert chosen is not None and chosen.name == expect_first
    for key in keys:
        qtbot.keyClick(picker.list, key)
    qtbot.keyClick(picker.list, Qt.Key.Key_Return)
    return True


def _notes_in(folder: Path) -> int:
    with sqlite3.connect(folder / "notes.sqlite3") as db:
        return int(db.execute("SELECT count(*) FROM annotations WHERE deleted = 0").fetchone()[0])


def test_readers_keep_separate_notes_and_places_that_survive_a_restart(
    qtbot: QtBot, seed_library: Path, data_dir: Path
) -> None:
    registry = ProfileRegistry(data_dir)
    amina, ben = registry.add("Amina"), registry.add("Ben")
    registry.set_last(amina)
    seen: list[str] = []

    def in_window(reader: str, check: Callable[[MainWindow], None]) -> Callable[[], bool]:
        def step() -> bool:
            window = _window()
            if window is None:
                return False
            seen.append(f"{reader}: {drawn(window)}")
            assert window.features.profiles is not None
            assert window.features.profiles.label.text() == f"Reader: {reader}"
            check(window)
            return True

        return step

    def highlight(window: MainWindow) -> None:
        select(window, PHRASE)
        assert annotations_of(window).highlight_selection() is not None
        bar = window.view.verticalScrollBar()
        bar.setValue(bar.maximum() // 2)  # Amina's place in the chapter

    def switch(window: MainWindow) -> None:
        from_file_menu(qtbot, window, "Switch Reader…")

    def close(window: MainWindow) -> None:
        window.close()

    def then(*checks: Callable[[MainWindow], None]) -> Callable[[MainWindow], None]:
        def both(window: MainWindow) -> None:
            for check in checks:
                check(window)

        return both

    # Amina is preselected (the last reader); Down, Up and Enter open her window.
    errors = run_steps(
        [
            lambda: _choose(qtbot, [Qt.Key.Key_Down, Qt.Key.Key_Up], "Amina", seen),
            in_window("Amina", then(highlight, switch)),
            lambda: _choose(qtbot, [Qt.Key.Key_Down], "Amina", seen),  # to Ben
            in_window("Ben", switch),
            lambda: _choose(qtbot, [Qt.Key.Key_Up], "Ben", seen),  # back to Amina
            in_window("Amina", close),
        ],
    )
    assert run_gui(seed_library, data_dir) == 0
    assert errors == []
    assert seen == [
        "preselected Amina",
        f"Amina: {[]}",
        "preselected Amina",
        "Ben: []",
        "preselected Ben",
        f"Amina: {[PHRASE]}",
    ]
    assert _notes_in(amina.root(data_dir)) == 1
    assert _notes_in(ben.root(data_dir)) == 0
    assert not DataFolder(data_dir).notes.exists()  # the first reader was never opened

    # A fresh start: Amina (the last reader) is preselected, her highlight and place kept.
    seen.clear()
    places: list[int] = []

    def place(window: MainWindow) -> None:
        places.append(window.context.settings.position(SLUG))

    errors = run_steps(
        [
            lambda: _choose(qtbot, [], "Amina", seen),
            in_window("Amina", then(place, close)),
        ],
    )
    assert run_gui(seed_library, data_dir) == 0
    assert errors == []
    assert seen == ["preselected Amina", f"Amina: {[PHRASE]}"]
    assert places[0] > 0
    assert Settings(ben.root(data_dir)).position(SLUG) == 0  # Ben never scrolled


def test_escape_at_who_is_reading_quits_without_a_window(
    qtbot: QtBot, seed_library: Path, data_dir: Path
) -> None:
    ProfileRegistry(data_dir).add("Amina")
    pressed: list[bool] = []

    def escape() -> bool:
        picker = _picker()
        if picker is None:
            return False
        qtbot.keyClick(picker.list, Qt.Key.Key_Escape)
        pressed.append(True)
        return True

    windows: list[str] = []
    waited = [0]

    def no_window() -> bool:
        # A window built after Esc is noted and closed, so a broken picker fails the test
        # instead of leaving run_gui running.
        for window in _visible(MainWindow):
            windows.append(window.windowTitle())
            window.close()
        waited[0] += 1
        return waited[0] > 25

    steps: list[Callable[[], bool]] = [escape, no_window]
    errors = run_steps(steps)
    assert run_gui(seed_library, data_dir) == 0
    # run_gui returned without an event loop of its own: the watching step ends here, so
    # that it cannot close the windows of the tests that follow.
    qtbot.waitUntil(lambda: not steps, timeout=5_000)
    assert errors == [] and pressed == [True]
    assert windows == []
    assert not DataFolder(data_dir).settings.exists()


def _click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _click_row(qtbot: QtBot, dialog: ManageReaders, name: str) -> None:
    [item] = [
        dialog.list.item(i)
        for i in range(dialog.list.count())
        if dialog.list.item(i).text() == name
    ]
    point = dialog.list.visualItemRect(item).center()
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert dialog.selected() is not None and dialog.list.currentItem() is item


def test_manage_readers_adds_renames_and_removes_with_a_backup(
    qtbot: QtBot, tmp_path: Path
) -> None:
    registry = ProfileRegistry(tmp_path)
    amina = registry.add("Amina")
    DataFolder(amina.root(tmp_path)).notes.write_text("Amina's notes")
    dialog = ManageReaders(registry, ROOT_FOLDER, window_closed_on)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    # The reader reading now cannot be removed from their own window.
    _click_row(qtbot, dialog, "First reader (reading now)")
    assert not dialog.remove_button.isEnabled()

    _click(qtbot, dialog.add_button)
    name = dialog.name_dialog
    assert name is not None
    qtbot.waitExposed(name)
    qtbot.keyClicks(name.name_edit, " amina ")
    _click(qtbot, name.ok_button)
    assert name.isVisible() and "already a reader called amina" in name.error.text()
    name.name_edit.clear()
    qtbot.keyClicks(name.name_edit, "Ben")
    _click(qtbot, name.ok_button)
    qtbot.waitUntil(lambda: not name.isVisible())
    assert registry.load().names() == ["Amina", "Ben", "First reader"]

    _click_row(qtbot, dialog, "Ben")
    _click(qtbot, dialog.rename_button)
    rename = dialog.name_dialog
    assert rename is not None and rename.name_edit.text() == "Ben"
    rename.name_edit.clear()
    qtbot.keyClicks(rename.name_edit, "Benjamin")
    _click(qtbot, rename.ok_button)
    qtbot.waitUntil(lambda: not rename.isVisible())
    assert registry.load().names() == ["Amina", "Benjamin", "First reader"]

    # Remove asks; Keep keeps.
    _click_row(qtbot, dialog, "Amina")
    _click(qtbot, dialog.remove_button)
    box = dialog.confirmation
    assert isinstance(box, QMessageBox) and "Remove Amina?" in box.text()
    qtbot.waitExposed(box)
    [keep] = [b for b in box.buttons() if b.text() == "Keep"]
    _click(qtbot, keep)
    assert "Amina" in registry.load().names()

    # A window open on Amina's folder stops the removal.
    window_claim = SingleInstance(amina.root(tmp_path))
    assert window_claim.listen()
    try:
        _click(qtbot, dialog.remove_button)
        box = dialog.confirmation
        assert box is not None
        [remove] = [b for b in box.buttons() if b.text() == "Remove Amina"]
        _click(qtbot, remove)
        assert "open in another window" in dialog.status.text()
        assert "Amina" in registry.load().names()
    finally:
        window_claim.close()

    _click(qtbot, dialog.remove_button)
    box = dialog.confirmation
    assert box is not None
    [remove] = [b for b in box.buttons() if b.text() == "Remove Amina"]
    _click(qtbot, remove)
    assert registry.load().names() == ["Benjamin", "First reader"]
    assert "A backup of their files is kept in" in dialog.status.text()
    [backup] = DataFolder(tmp_path).removed_profiles.iterdir()
    assert str(backup) in dialog.status.text()
    with zipfile.ZipFile(backup) as archive:
        assert archive.read("notes.sqlite3") == b"Amina's notes"
    assert not amina.root(tmp_path).exists()
