"""The Export Notes and Sync Folder dialogs, opened from the File menu and driven for real.

Qt's own file dialog is what the offscreen platform offers (it has no native one), so
the file and folder are typed into that dialog's name field, as a user could.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from helpers import REPO
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
)
from pytestqt.qtbot import QtBot
from ui_helpers import (
    WindowFactory,
    annotations_of,
    answer_file_dialog,
    from_file_menu,
    select,
    shown_dialog,
)

from reader.core.data_folder import NOTES_FILE
from reader.ui.annotations_feature import NotesUnavailable
from reader.ui.exchange_dialogs import ExportDialog, SyncDialog
from reader.ui.exchange_feature import ExchangeFeature
from reader.ui.main_window import MainWindow

PHRASE = "infectious diseases"
NOTE = "Ask about cholera"
# Popup menus and dialogs make the offscreen platform say it cannot raise windows or
# grab the keyboard; that is the test platform's limit, not the reader's doing.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


def exchange(window: MainWindow) -> ExchangeFeature:
    """The window's export, import and sync feature."""
    found = window.features.exchange
    assert found is not None
    return found


def open_with_note(
    open_window: WindowFactory, qtbot: QtBot, library: Path, data_dir: Path
) -> MainWindow:
    """The seed chapter with one noted highlight, and the window active."""
    window = open_window(library, data_dir, chapter="human-security", size=(1100, 760))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    select(window, PHRASE)
    created = annotations_of(window).highlight_selection("green", note=NOTE)
    assert created is not None
    return window


def test_export_dialog_writes_the_chosen_format_for_this_chapter(
    open_window: WindowFactory, qtbot: QtBot, seed_library: Path, data_dir: Path
) -> None:
    window = open_with_note(open_window, qtbot, seed_library, data_dir)
    from_file_menu(qtbot, window, "Export Notes…")
    dialog = shown_dialog(qtbot, window, ExportDialog)
    combo = dialog.findChild(QComboBox)
    assert combo is not None
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    assert combo.currentText() == "Markdown study notes"
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == "Web Annotation JSON, to import elsewhere"
    this_chapter = next(
        r for r in dialog.findChildren(QRadioButton) if r.text().startswith("This chapter")
    )
    assert this_chapter.isChecked() and "Human Security" in this_chapter.text()

    # The dialog offers the home folder (a temporary one in the tests).
    target = Path.home() / "mine.json"
    answered = answer_file_dialog("mine.json")
    qtbot.keyClick(combo, Qt.Key.Key_Return)  # the dialog's default button: Save
    # The file is in place before the task's result reaches the window: wait for the
    # status message, which comes last.
    done = f"Notes exported to {target}"
    qtbot.waitUntil(lambda: done in window.statusBar().currentMessage(), timeout=5000)
    assert answered == ["Export Notes"]
    data = json.loads(target.read_text(encoding="utf-8"))
    text = json.dumps(data, ensure_ascii=False)
    assert PHRASE in text and NOTE in text


def test_export_dialog_all_chapters_as_markdown(
    open_window: WindowFactory, qtbot: QtBot, seed_library: Path, data_dir: Path
) -> None:
    window = open_with_note(open_window, qtbot, seed_library, data_dir)
    from_file_menu(qtbot, window, "Export Notes…")
    dialog = shown_dialog(qtbot, window, ExportDialog)
    radios = {r.text().split(":")[0]: r for r in dialog.findChildren(QRadioButton)}
    radios["This chapter"].setFocus()
    qtbot.waitUntil(radios["This chapter"].hasFocus)
    qtbot.keyClick(radios["This chapter"], Qt.Key.Key_Down)
    every = radios["All chapters"]
    assert every.isChecked()
    assert isinstance(dialog, ExportDialog) and dialog.choice() == ("md", False)
    target = Path.home() / "all.md"
    answered = answer_file_dialog("all.md")
    save = next(b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") == "Save")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Notes exported" in window.statusBar().currentMessage(), timeout=5000)
    assert answered == ["Export Notes"]
    written = target.read_text(encoding="utf-8")
    assert "Human Security" in written and PHRASE in written and NOTE in written


def test_cancelling_the_export_dialog_writes_nothing(
    open_window: WindowFactory, qtbot: QtBot, seed_library: Path, data_dir: Path
) -> None:
    window = open_with_note(open_window, qtbot, seed_library, data_dir)
    from_file_menu(qtbot, window, "Export Notes…")
    dialog = shown_dialog(qtbot, window, ExportDialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert QApplication.activeModalWidget() is None  # no file dialog follows
    assert list(Path.home().glob("*-notes.*")) == []


def test_sync_folder_dialog_chooses_a_folder_writes_our_file_and_stops(
    open_window: WindowFactory, qtbot: QtBot, seed_library: Path, data_dir: Path
) -> None:
    window = open_with_note(open_window, qtbot, seed_library, data_dir)
    folder = Path.home() / "usb-stick"  # the dialog opens in the home folder
    folder.mkdir()
    from_file_menu(qtbot, window, "Sync Folder…")
    dialog = shown_dialog(qtbot, window, SyncDialog)
    buttons = {b.text().replace("&", ""): b for b in dialog.findChildren(QPushButton)}
    assert not buttons["Stop Syncing"].isEnabled() and not buttons["Sync Now"].isEnabled()
    assert any("No sync folder is set." in label.text() for label in dialog.findChildren(QLabel))

    answered = answer_file_dialog("usb-stick")
    qtbot.keyClick(dialog, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # &Choose…

    def written() -> list[Path]:  # the file is written under a hidden name, then renamed
        return [p for p in folder.iterdir() if not p.name.startswith(".")]

    qtbot.waitUntil(lambda: bool(written()), timeout=5000)
    assert answered == ["Choose the Sync Folder"]
    [ours] = written()
    text = ours.read_text(encoding="utf-8")
    assert PHRASE in text and NOTE in text
    assert any(f"Folder: {folder}" == label.text() for label in dialog.findChildren(QLabel))
    assert buttons["Stop Syncing"].isEnabled() and buttons["Sync Now"].isEnabled()
    assert window.settings.sync_dir == folder

    qtbot.mouseClick(buttons["Stop Syncing"], Qt.MouseButton.LeftButton)
    assert window.settings.sync_dir is None
    assert exchange(window).sync.sync_dir is None
    assert not buttons["Sync Now"].isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [p.name for p in folder.iterdir()] == [ours.name]  # the folder is left as it is


def foreign_database(path: Path) -> None:
    """Write another program's SQLite database where the notes belong: it cannot be used
    (and, unlike a damaged notes file, is not rebuilt), so the window has no notes store."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA application_id = 12345")
        conn.execute("CREATE TABLE other (x)")
        conn.commit()


def test_unreadable_notes_raise_a_named_error_and_export_says_so(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, tmp_path: Path
) -> None:
    foreign_database(data_dir / NOTES_FILE)
    window = open_window(seed_library, data_dir)
    with pytest.raises(NotesUnavailable):
        annotations_of(window).store  # noqa: B018 - the property's check is what is tested
    feature = exchange(window)
    target = tmp_path / "never.json"
    assert feature.export_to(target, "json") is None
    assert not target.exists()
    box = feature.last_message
    assert isinstance(box, QMessageBox) and "cannot be read" in box.text()
    box.close()


# Run with `python -O`, which strips assert statements: the checks that keep an
# unreadable notes file from crashing export must not be asserts.
_OPTIMISED_EXPORT = """
import sys
from pathlib import Path
from reader.core.library_scan import load_library
from reader.ui.app import application, install_features
from reader.ui.context import create_context
from reader.ui.main_window import MainWindow

assert False, "asserts are not stripped"
library, data, target = (Path(p) for p in sys.argv[1:4])
application()
window = MainWindow(create_context(load_library(library), data))
install_features(window, create_files=False)
feature = window.features.exchange
result = feature.export_to(target, "json")
print("result", result, "exists", target.exists(), "message", feature.last_message.text())
"""


def test_export_with_unreadable_notes_under_python_O(
    seed_library: Path, data_dir: Path, tmp_path: Path
) -> None:
    foreign_database(data_dir / NOTES_FILE)
    target = tmp_path / "never.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    done = subprocess.run(
        [
            sys.executable,
            "-O",
            "-c",
            _OPTIMISED_EXPORT,
            str(seed_library),
            str(data_dir),
            str(target),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "result None exists False message Your notes cannot be read." in done.stdout
