"""Export, import and the sync folder in the real window."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from ui_helpers import PHRASE, WindowFactory, annotations_of, drawn, select

from reader.core.anchoring import describe
from reader.core.data_folder import NOTES_FILE
from reader.core.document import load_document
from reader.core.exchange import export
from reader.core.library_scan import load_library
from reader.core.pack_identity import identify
from reader.core.sync import installation_id, sync_file_name
from reader.storage.annotations import AnnotationStore
from reader.storage.db import Database
from reader.ui.exchange_feature import ExchangeFeature
from reader.ui.main_window import MainWindow

notes = annotations_of


def exchange(window: MainWindow) -> ExchangeFeature:
    found = window.features.exchange
    assert found is not None
    return found


def highlight(window: MainWindow, phrase: str, colour: str = "green") -> None:
    select(window, phrase)
    assert notes(window).highlight_selection(colour) is not None


def other_machine_export(seed_library: Path, folder: Path, phrase: str, note: str) -> Path:
    """Notes made on another computer, exported as JSON into `folder`."""
    library = load_library(seed_library)
    chapter = library.chapters[0]
    text = load_document(chapter, library.root).plain.text
    start = text.index(phrase)
    with Database(folder / "other.sqlite3") as db:
        # The other computer had the same library open: its notes carry the library's id.
        store = AnnotationStore(db, identify(library).id)
        store.add(chapter.slug, describe(text, start, start + len(phrase)), "blue", note)
        data = export(store.all_including_tombstones(), library, "json")
    (folder / "other.sqlite3").unlink()
    path = folder / "from-other.json"
    path.write_text(data, encoding="utf-8")
    return path


def test_the_file_menu_offers_export_import_and_sync(
    open_window: WindowFactory, seed_library: Path, data_dir: Path
) -> None:
    window = open_window(seed_library, data_dir)
    texts = [a.text() for a in window.file_menu.actions() if not a.isSeparator()]
    assert texts[:3] == ["&Export Notes…", "&Import Notes…", "Sync &Folder…"]
    assert texts[-1] == "&Quit"


def test_export_to_writes_the_chosen_format(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, tmp_path: Path
) -> None:
    window = open_window(seed_library, data_dir)
    highlight(window, PHRASE)
    feature = exchange(window)
    markdown = feature.export_to(tmp_path / "notes.md", "md", "human-security")
    assert markdown is not None and f"> {PHRASE}" in markdown.read_text(encoding="utf-8")
    data = feature.export_to(tmp_path / "notes.json", "json")
    assert data is not None and json.loads(data.read_text())["total"] == 1
    page = feature.export_to(tmp_path / "notes.html", "html")
    assert page is not None and "<mark style=" in page.read_text(encoding="utf-8")


def test_import_draws_the_new_highlights_and_shows_the_summary(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, tmp_path: Path
) -> None:
    path = other_machine_export(seed_library, tmp_path, PHRASE, "made elsewhere")
    window = open_window(seed_library, data_dir)
    feature = exchange(window)
    summary = feature.import_file(path)
    assert summary is not None and summary.added == 1
    assert drawn(window) == [PHRASE]
    box = feature.last_message
    assert box is not None and box.isVisible()
    assert box.icon() == QMessageBox.Icon.Information
    assert "added: 1" in box.text() and "orphaned: 0" in box.text()
    box.close()
    again = feature.import_file(path)
    assert again is not None and again.unchanged == 1 and drawn(window) == [PHRASE]


def test_a_refused_file_names_the_problem_and_changes_nothing(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, tmp_path: Path
) -> None:
    window = open_window(seed_library, data_dir)
    highlight(window, PHRASE)
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "AnnotationPage", "items": [{"id": "urn:uuid:x"}]}')
    feature = exchange(window)
    assert feature.import_file(bad) is None
    box = feature.last_message
    assert box is not None and box.icon() == QMessageBox.Icon.Warning
    assert "nothing was changed" in box.text() and "Item 1 (urn:uuid:x)" in box.text()
    assert len(notes(window).store.list()) == 1


def test_sync_folder_merges_at_start_and_rewrites_after_each_change(
    open_window: WindowFactory,
    seed_library: Path,
    data_dir: Path,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    other_machine_export(seed_library, stick, PHRASE, "from the lab")
    window = open_window(seed_library, data_dir)
    feature = exchange(window)
    with qtbot.waitSignal(feature.sync.synced):
        feature.sync.set_sync_dir(stick)
    assert drawn(window) == [PHRASE]
    own = stick / sync_file_name(installation_id(data_dir))
    assert json.loads(own.read_text())["total"] == 1
    assert window.settings.sync_dir == stick

    # A change in the window rewrites our file shortly after.
    doc = window.current_document()
    assert doc is not None
    start = doc.plain.text.index("human security")
    window.view.setTextCursor(window.view.cursor_for_range(start, start + len("human security")))
    with qtbot.waitSignal(feature.sync._write_timer.timeout, timeout=5000):
        notes(window).highlight_selection("pink")
    # Written off the UI thread, shortly after.
    qtbot.waitUntil(lambda: json.loads(own.read_text())["total"] == 2)
    window.close()

    # The next start (a new window on the same data folder) merges new files at once.
    second = tmp_path / "second"
    second.mkdir()
    newer = other_machine_export(seed_library, second, "Poverty", "later")
    newer.rename(stick / "another-machine.json")
    again = open_window(seed_library, data_dir)
    qtbot.waitUntil(lambda: "Poverty" in drawn(again))


def test_focus_regained_syncs_and_broken_files_are_reported_once(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    window = open_window(seed_library, data_dir)
    feature = exchange(window)
    window.settings.sync_dir = stick
    (stick / "half.json").write_text('{"type": "Annot')
    with qtbot.waitSignal(feature.sync.synced) as blocker:
        feature.sync._application_state(Qt.ApplicationState.ApplicationActive)
    assert list(blocker.args[0].refused) == [stick / "half.json"]
    box = feature.last_message
    assert box is not None and "half.json" in box.text()
    box.close()
    feature.last_message = None
    with qtbot.waitSignal(feature.sync.synced) as again:
        assert feature.sync.sync_now() is not None  # a sync runs off the UI thread
    assert again.args[0].refused
    assert feature.last_message is None  # the same problem is not shown twice


def test_import_is_refused_politely_when_notes_are_read_only(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, tmp_path: Path
) -> None:
    path = other_machine_export(seed_library, tmp_path, PHRASE, "x")
    # Notes written by a newer Field Reader open read-only (a damaged file would be rebuilt).
    Database(data_dir / NOTES_FILE).close()
    with sqlite3.connect(data_dir / NOTES_FILE) as conn:
        conn.execute("PRAGMA user_version = 99")
    window = open_window(seed_library, data_dir)
    feature = exchange(window)
    assert feature.import_file(path) is None
    assert not feature.import_action.isEnabled()
    assert window.context.data_folder.notes == data_dir / NOTES_FILE
