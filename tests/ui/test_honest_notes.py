"""Honest notes in the real window: labelled dates, today's words with "was:", the export folder.

A chapter is reworded on disk between two sessions; the Notes row and the Markdown
export must both show the words the chapter has now, with the old ones as "was: …".
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from helpers import write_chapter
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot
from ui_helpers import WindowFactory, annotations_of, drawn, select

from reader.core.exchange import export
from reader.core.library_scan import load_library
from reader.storage.annotations import AnnotationStore
from reader.storage.db import Database
from reader.ui.main_window import MainWindow
from reader.ui.note_delegate import DATE_ROLE, QUOTE_ROLE, WAS_ROLE

CTRL = Qt.KeyboardModifier.ControlModifier
BODY = (
    "# Rivers\n\nEvery spring the meltwater from the high valleys swells the rivers until "
    "they flood the low farmland along the delta.\n\n## Mountains\n\nThe ranges that feed "
    "those rivers rise steeply above the plains.\n"
)
OLD = "the meltwater from the high valleys swells the rivers"
NEW = "the meltwater from the high glaciers swells the rivers"


def _exchange(window: MainWindow):  # type: ignore[no-untyped-def]
    found = window.features.exchange
    assert found is not None
    return found


def test_a_reworded_passage_shows_todays_words_with_was_in_the_panel_and_export(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path
) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    write_chapter(root, "rivers.md", "Rivers", BODY, slug="rivers")
    window = open_window(root, data_dir)
    notes = annotations_of(window)
    select(window, OLD)
    made = notes.highlight_selection("blue")
    assert made is not None
    notes.set_note(made.id, "why spring floods")
    noted = notes.store.get(made.id)
    assert noted is not None
    window.close()

    # The author rewords the passage; the student opens the reader again.
    write_chapter(root, "rivers.md", "Rivers", BODY.replace(OLD, NEW), slug="rivers")
    again = open_window(root, data_dir)
    notes = annotations_of(again)
    assert drawn(again) == [NEW]
    notes.show_panel()
    row = notes.panel.item_for(made.id)
    assert row is not None
    assert row.data(0, QUOTE_ROLE) == NEW
    assert row.data(0, WAS_ROLE) == OLD
    # Stored as well, so that exports made without opening the chapter agree.
    stored = notes.store.get(made.id)
    assert stored is not None
    assert stored.target.quote.exact == NEW and stored.previous_quote == OLD
    # Bookkeeping, not an edit: it must not win a merge against an edit made elsewhere.
    assert stored.modified == noted.modified

    out = tmp_path / "exports" / "notes.md"
    out.parent.mkdir()
    assert _exchange(again).export_to(out, "md") == out
    text = out.read_text(encoding="utf-8")
    assert f"> {NEW}" in text and f"> (was: {OLD})" in text
    # The sync file's way: stored positions and quotes, no chapter read.
    synced = export(notes.store.list(), load_library(root), "md")
    assert f"> {NEW}" in synced and f"> (was: {OLD})" in synced


def test_undoing_a_delete_keeps_the_created_date_and_shows_the_edit(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path, qtbot: QtBot
) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    write_chapter(root, "rivers.md", "Rivers", BODY, slug="rivers")
    window = open_window(root, data_dir)
    notes = annotations_of(window)
    select(window, OLD)
    made = notes.highlight_selection("green")
    assert made is not None
    window.close()
    # Made on 3 May (of last year, so the panel names the year).
    with Database(data_dir / "notes.sqlite3") as db:
        store = AnnotationStore(db)
        made = replace(
            made, created="2025-05-03T09:00:00.000Z", modified="2025-05-03T09:00:00.000Z"
        )
        store.upsert_raw(made)

    again = open_window(root, data_dir)
    notes = annotations_of(again)
    notes.show_panel()
    row = notes.panel.item_for(made.id)
    assert row is not None and row.data(0, DATE_ROLE) == "created 3 May 2025"

    notes.delete(made.id)
    assert notes.panel.item_for(made.id) is None
    again.activateWindow()
    qtbot.waitUntil(again.isActiveWindow)
    qtbot.keyClick(again.view, Qt.Key.Key_Z, CTRL)
    back = notes.store.get(made.id)
    assert back is not None and not back.deleted
    assert back.created == made.created and back.modified > made.modified
    row = notes.panel.item_for(made.id)
    assert row is not None
    label = row.data(0, DATE_ROLE)
    assert label.startswith("created 3 May 2025 · edited ") and label != "created 3 May 2025"


def test_the_export_dialog_remembers_its_folder_and_qt_keeps_its_state_in_the_data_folder(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, tmp_path: Path
) -> None:
    window = open_window(seed_library, data_dir)
    exchange = _exchange(window)
    assert exchange.export_folder() == Path.home()
    folder = tmp_path / "usb-stick"
    folder.mkdir()
    assert exchange.export_to(folder / "notes.html", "html") is not None
    window.close()

    again = open_window(seed_library, data_dir)
    assert _exchange(again).export_folder() == folder
    # Qt's file dialog state (QtProject.conf) is written where QSettings of the QtProject
    # organisation go: inside the data folder, never under ~/.config.
    qt_state = QSettings(QSettings.Scope.UserScope, "QtProject")
    assert Path(qt_state.fileName()).is_relative_to(data_dir)
    # A removed folder is not offered: the home folder again.
    (folder / "notes.html").unlink()
    folder.rmdir()
    assert _exchange(again).export_folder() == Path.home()
