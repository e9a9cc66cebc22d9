"""Highlights and notes in the real window: create, persist, re-attach, panel, undo."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from helpers import write_chapter
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox, QToolTip
from pytestqt.qtbot import QtBot
from ui_helpers import PHRASE, WindowFactory, annotations_of, drawn, select

from reader.core.data_folder import NOTES_FILE
from reader.ui.note_delegate import NOTE_ROLE, QUOTE_ROLE
from reader.ui.notes_panel import CHANGED_TITLE, ORPHANS_TITLE

feature = annotations_of


def test_highlight_survives_a_restart(
    open_window: WindowFactory, seed_library: Path, data_dir: Path
) -> None:
    window = open_window(seed_library, data_dir)
    select(window, PHRASE)
    created = feature(window).highlight_selection("green")
    assert created is not None and created.colour == "green"
    assert drawn(window) == [PHRASE]
    assert not window.view.textCursor().hasSelection()
    window.close()
    # Committed at once: a second connection sees it before any restart.
    with sqlite3.connect(data_dir / NOTES_FILE) as conn:
        assert conn.execute("SELECT count(*) FROM annotations WHERE deleted = 0").fetchone()[0] == 1

    again = open_window(seed_library, data_dir)
    assert drawn(again) == [PHRASE]
    [selection] = again.view.layer("highlights")
    assert selection.format.background().color().name() == "#9be58f"


def test_note_appears_in_the_panel_as_plain_text(
    open_window: WindowFactory,
    seed_library: Path,
    data_dir: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(seed_library, data_dir)
    select(window, PHRASE)
    notes = feature(window)
    window.view.setFocus()
    notes.highlight_with_note()
    dialog = notes.note_dialog
    hostile = "<b>bold?</b> **not markdown** <img src=x onerror=alert(1)>"
    dialog.set_note(hostile)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog._editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [annotation] = notes.store.list("human-security")
    assert annotation.note == hostile
    notes.show_panel()
    item = notes.panel.item_for(annotation.id)
    assert item is not None
    assert item.data(0, NOTE_ROLE) == hostile
    assert PHRASE in item.data(0, QUOTE_ROLE)
    # The note marker: a noted highlight is underlined.
    [selection] = window.view.layer("highlights")
    assert selection.format.underlineStyle() != selection.format.UnderlineStyle.NoUnderline
    # Tooltips show the note as written: Qt would render "<b>" and "<img>" as markup.
    assert "&lt;img src=x" in item.toolTip(0) and "<img" not in item.toolTip(0)
    shown: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", lambda _at, text, *_rest: shown.append(text))
    viewport = window.view.viewport()
    middle = QTextCursor(window.view.document())
    middle.setPosition((selection.cursor.selectionStart() + selection.cursor.selectionEnd()) // 2)
    point = window.view.cursorRect(middle).center()
    QApplication.sendEvent(
        viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    )
    assert shown and "&lt;b&gt;bold?&lt;/b&gt;" in shown[0] and "<img" not in shown[0]


def test_delete_and_undo(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seed_library, data_dir)
    notes = feature(window)
    select(window, PHRASE)
    created = notes.highlight_selection()
    assert created is not None
    notes.delete(created.id)
    assert drawn(window) == []
    assert notes.store.get(created.id).deleted  # type: ignore[union-attr]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert drawn(window) == [PHRASE]
    assert not notes.store.get(created.id).deleted  # type: ignore[union-attr]
    notes.undo_action.trigger()  # undoes the highlight itself
    assert drawn(window) == []


def test_colour_change_and_menu_on_click(
    open_window: WindowFactory, seed_library: Path, data_dir: Path
) -> None:
    window = open_window(seed_library, data_dir)
    notes = feature(window)
    select(window, PHRASE)
    created = notes.highlight_selection("yellow")
    assert created is not None
    view = window.view
    start = window.current_document().plain.text.index(PHRASE)  # type: ignore[union-attr]
    cursor = view.cursor_for_range(start + 5, start + 5)
    point = view.cursorRect(cursor).center()
    assert [a.id for a in notes.menus.annotations_at(point)] == [created.id]
    menu = notes.menus.annotation_menu(notes.menus.annotations_at(point))
    labels = [a.text() for a in menu.actions()]
    assert "Change &Colour" in labels and "&Delete Highlight" in labels and "Copy &Quote" in labels
    notes.set_colour(created.id, "purple")
    assert notes.store.get(created.id).colour == "purple"  # type: ignore[union-attr]
    notes.copy_quote(created.id)
    assert QApplication.clipboard().text() == PHRASE
    # In the blank band above the first line there is nothing to hit.
    view.verticalScrollBar().setValue(0)
    assert notes.menus.annotations_at(QPoint(5, 2)) == []


def test_overlapping_highlights_are_both_drawn_and_clickable(
    open_window: WindowFactory, seed_library: Path, data_dir: Path
) -> None:
    window = open_window(seed_library, data_dir)
    notes = feature(window)
    select(window, "human security encompasses a broad range of issues")
    first = notes.highlight_selection("green")
    select(window, "broad range of issues that threaten the safety")
    second = notes.highlight_selection("blue")
    assert first is not None and second is not None
    assert sorted(drawn(window)) == sorted(
        [
            "human security encompasses a broad range of issues",
            "broad range of issues that threaten the safety",
        ]
    )
    start = window.current_document().plain.text.index("range of issues that")  # type: ignore[union-attr]
    point = window.view.cursorRect(window.view.cursor_for_range(start + 2, start + 2)).center()
    assert {a.id for a in notes.menus.annotations_at(point)} == {first.id, second.id}
    menu = notes.menus.annotation_menu(notes.menus.annotations_at(point))
    assert len([a for a in menu.actions() if a.menu() is not None]) == 2


def test_context_menu_offers_highlighting(
    open_window: WindowFactory, seed_library: Path, data_dir: Path
) -> None:
    window = open_window(seed_library, data_dir)
    select(window, PHRASE)
    menu = feature(window).menus.context_menu(QPoint(10, 10))
    texts = [a.text() for a in menu.actions()]
    assert "&Highlight Selection" in texts and "Highlight with &Note…" in texts
    assert any("Copy" in t for t in texts)


def test_edited_chapter_reattaches_or_lists_orphans(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path
) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    body = (
        "# Part\n\nThe first paragraph talks about rivers and their deltas in spring.\n\n"
        "A second paragraph describes the mountains that feed those rivers.\n"
    )
    write_chapter(root, "c.md", "Geography", body, slug="geo")
    window = open_window(root, data_dir)
    notes = feature(window)
    select(window, "rivers and their deltas")
    kept = notes.highlight_selection()
    select(window, "describes the mountains that feed")
    lost = notes.highlight_selection()
    assert kept is not None and lost is not None
    notes.set_note(lost.id, "remember the mountains")
    window.close()

    new_body = (
        "# Part\n\nAn inserted introduction comes first now.\n\n"
        "The first paragraph talks about rivers and their deltas in spring.\n"
    )
    write_chapter(root, "c.md", "Geography", new_body, slug="geo")
    again = open_window(root, data_dir)
    notes2 = feature(again)
    notes2.show_panel()
    assert drawn(again) == ["rivers and their deltas"]
    assert [a.id for a in notes2.orphans()] == [lost.id]
    assert notes2.panel.group_titles()[-1] == ORPHANS_TITLE
    item = notes2.panel.item_for(lost.id)
    assert item is not None and item.data(0, NOTE_ROLE) == "remember the mountains"
    # The new place was certain, so it was stored for next time.
    assert notes2.store.get(
        kept.id
    ).target.position.start == again.current_document().plain.text.index(  # type: ignore[union-attr]
        "rivers and their deltas"
    )
    # The orphan is kept, and tried again on the next open.
    again.close()
    third = open_window(root, data_dir)
    assert [a.id for a in feature(third).orphans()] == [lost.id]


def test_emoji_before_the_quote(open_window: WindowFactory, tmp_path: Path, data_dir: Path) -> None:
    write_chapter(
        tmp_path, "e.md", "Emoji", "Stars 🌟🌟 and a 🦉 owl, then the quiet harbour at dusk."
    )
    window = open_window(tmp_path, data_dir)
    start, end = select(window, "quiet harbour")
    created = feature(window).highlight_selection()
    assert created is not None
    assert created.target.position is not None
    assert (created.target.position.start, created.target.position.end) == (start, end)
    assert drawn(window) == ["quiet harbour"]
    window.close()
    assert drawn(open_window(tmp_path, data_dir)) == ["quiet harbour"]


def test_panel_filters_scope_and_activation(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path, qtbot: QtBot
) -> None:
    write_chapter(
        tmp_path,
        "a.md",
        "Alpha",
        "# A1\n\n" + "Filler text. " * 400 + "\n\n# A2\n\nalpha target words",
        order=1,
    )
    write_chapter(tmp_path, "b.md", "Beta", "# B1\n\nbeta target words", order=2)
    window = open_window(tmp_path, data_dir)
    notes = feature(window)
    select(window, "alpha target")
    a = notes.highlight_selection("pink")
    window.open_chapter("b")
    select(window, "beta target")
    b = notes.highlight_selection("blue")
    assert a is not None and b is not None
    assert notes.panel.visible_ids() == []  # filled only once shown
    notes.show_panel()
    assert notes.panel.visible_ids() == [b.id]
    notes.panel.set_scope(all_chapters=True)  # listed off the UI thread
    qtbot.waitUntil(lambda: notes.panel.visible_ids() == [a.id, b.id])
    assert notes.panel.group_titles() == ["Alpha", "Beta"]
    notes.panel.set_colour_filter("pink")
    assert notes.panel.visible_ids() == [a.id]
    notes.panel.set_colour_filter("")
    notes.panel.set_text_filter("BETA")
    assert notes.panel.visible_ids() == [b.id]
    notes.panel.set_text_filter("")
    # Activating an entry opens its chapter, scrolls to it and flashes it.
    notes.panel.activated.emit(a.id)
    assert window.current_document().chapter.slug == "a"  # type: ignore[union-attr]
    [flash] = window.view.layer("flash")
    assert flash.cursor.selectedText() == "alpha target"
    rect = window.view.cursorRect(flash.cursor)
    assert 0 <= rect.top() < window.view.viewport().height()
    qtbot.waitUntil(lambda: window.view.layer("flash") == [], timeout=3000)


def test_newer_database_is_read_only_and_untouched(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    path = data_dir / NOTES_FILE
    # A notes file from this version with one highlight, then marked as written by a newer one.
    first = open_window(seed_library, data_dir)
    select(first, PHRASE)
    feature(first).highlight_selection()
    first.close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 99")
    before = path.read_bytes()
    window = open_window(seed_library, data_dir)
    notes = feature(window)
    assert not notes.writable
    # Its highlights are still shown, read-only.
    assert drawn(window) == [PHRASE]
    select(window, PHRASE)
    assert not notes.highlight_action.isEnabled()
    assert notes.highlight_selection() is None
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()
        )
    )
    box = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    )
    assert "newer version" in box.text()
    box.close()
    assert path.read_bytes() == before


def test_damaged_database_is_set_aside_explained_and_replaced(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    path = data_dir / NOTES_FILE
    path.write_bytes(b"this is not a database" * 100)
    before = path.read_bytes()
    window = open_window(seed_library, data_dir)
    assert "Human security" in window.view.toPlainText()
    # The damaged file is kept, renamed; a new notes file takes its place and is usable.
    [kept] = data_dir.glob("notes-damaged-*.sqlite3")
    assert kept.read_bytes() == before
    assert feature(window).writable
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()
        )
    )
    box = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    )
    assert f"Your notes file {path} was damaged" in box.text()
    assert str(kept) in box.text()
    box.close()
    select(window, PHRASE)
    assert feature(window).highlight_selection() is not None


def test_a_failed_write_is_reported_and_leaves_nothing_to_undo(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from reader.storage.db import StorageError, StorageErrorKind

    window = open_window(seed_library, data_dir)
    notes = feature(window)

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise StorageError(
            StorageErrorKind.DISK_FULL, data_dir / NOTES_FILE, "The disk is full. Free some space."
        )

    monkeypatch.setattr(notes.store, "add", full_disk)
    select(window, PHRASE)
    assert notes.highlight_selection() is None
    assert notes.undo_stack.count() == 0
    assert drawn(window) == []
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, QMessageBox) and w.isVisible() and "disk is full" in w.text()
            for w in QApplication.topLevelWidgets()
        )
    )
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox):
            widget.close()


def test_far_highlights_are_drawn_when_scrolled_to(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path, qtbot: QtBot
) -> None:
    body = "\n\n".join(f"Paragraph {i} says something worth reading." for i in range(400))
    write_chapter(tmp_path, "long.md", "Long", body)
    window = open_window(tmp_path, data_dir)
    notes = feature(window)
    select(window, "Paragraph 2 says")
    near = notes.highlight_selection()
    select(window, "Paragraph 390 says")
    far = notes.highlight_selection()
    assert near is not None and far is not None
    assert sorted(drawn(window)) == ["Paragraph 2 says", "Paragraph 390 says"]

    def on_screen() -> list[str]:
        return [s.cursor.selectedText() for s in window.view.extraSelections()]

    window.view.verticalScrollBar().setValue(0)
    assert on_screen() == ["Paragraph 2 says"]
    start = window.current_document().plain.text.index("Paragraph 390 says")  # type: ignore[union-attr]
    window.view.scroll_to_offset(start)
    qtbot.waitUntil(lambda: on_screen() == ["Paragraph 390 says"])


def test_switching_theme_recolours_highlights_once(
    open_window: WindowFactory, seed_library: Path, data_dir: Path
) -> None:
    from reader.ui.theme import DARK, LIGHT, highlight_colour

    window = open_window(seed_library, data_dir)
    notes = feature(window)
    select(window, PHRASE)
    assert notes.highlight_selection("blue") is not None
    light = window.view.layer("highlights")[0].format.background().color()
    assert light == highlight_colour("blue", LIGHT)
    window.set_theme("dark")
    [selection] = window.view.layer("highlights")
    assert selection.format.background().color() == highlight_colour("blue", DARK)
    assert drawn(window) == [PHRASE]


def test_notes_of_a_chapter_changed_on_disk_are_listed_not_lost(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path, qtbot: QtBot
) -> None:
    write_chapter(tmp_path, "a.md", "Alpha", "# A1\n\nalpha target words", order=1)
    write_chapter(tmp_path, "b.md", "Beta", "# B1\n\nbeta target words", order=2)
    first = open_window(tmp_path, data_dir, chapter="b")
    select(first, "beta target")
    kept = feature(first).highlight_selection("blue")
    assert kept is not None
    first.close()
    # Without a rendering of Beta on disk (a cleared cache), the next start must read
    # Beta's file to list its notes: and that file is edited after the library was read.
    shutil.rmtree(data_dir / "cache" / "render")
    window = open_window(tmp_path, data_dir, chapter="a")
    write_chapter(tmp_path, "b.md", "Beta", "# B1\n\nbeta target words, now revised")
    notes = feature(window)
    notes.show_panel()
    notes.panel.set_scope(all_chapters=True)  # listed off the UI thread
    qtbot.waitUntil(lambda: notes.panel.visible_ids() == [kept.id])
    assert notes.panel.group_titles() == [CHANGED_TITLE]
