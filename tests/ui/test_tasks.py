"""The task runner: work off the UI thread, results and errors back as signals, one writer."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from helpers import write_chapter
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot
from ui_helpers import WindowFactory, annotations_of, select

from reader.storage.errors import StorageError, StorageErrorKind
from reader.ui.note_listing import listing_for
from reader.ui.tasks import TaskContext, TaskRunner, task_runner


def make_window(qtbot: QtBot) -> QMainWindow:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_work_runs_on_another_thread_and_its_result_comes_back_on_the_ui_thread(
    qtbot: QtBot,
) -> None:
    window = make_window(qtbot)
    runner = task_runner(window)
    assert task_runner(window) is runner  # one per window
    ui_thread = threading.get_ident()
    seen: dict[str, int] = {}

    def work(context: TaskContext) -> int:
        seen["work"] = threading.get_ident()
        return 42

    def done(result: int) -> None:
        seen["done"] = threading.get_ident()

    task = runner.submit("read", "Counting", work, on_done=done)
    with qtbot.waitSignal(task.finished) as blocker:
        pass
    assert blocker.args == [42]
    assert seen["work"] != ui_thread and seen["done"] == ui_thread


def test_an_exception_comes_back_as_an_error_and_is_shown_in_words(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    reports: list[tuple[str, str]] = []
    runner = TaskRunner(window, report=lambda title, text: reports.append((title, text)))
    problem = StorageError(
        StorageErrorKind.DISK_FULL, Path("notes.sqlite3"), "The disk is full; nothing lost."
    )

    def work(context: TaskContext) -> None:
        raise problem

    task = runner.submit("write", "Importing notes", work)
    with qtbot.waitSignal(runner.task_failed) as blocker:
        pass
    assert blocker.args == ["Importing notes", "The disk is full; nothing lost."]
    assert reports == [("Importing notes failed", "The disk is full; nothing lost.")]
    assert task.error is problem and "StorageError" in task.error_details


def test_writes_wait_for_each_other_while_reads_run_alongside(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    runner = task_runner(window)
    started: list[str] = []
    release = threading.Event()

    def first_write(context: TaskContext) -> str:
        started.append("write 1")
        release.wait()
        return "write 1"

    def second_write(context: TaskContext) -> str:
        started.append("write 2")
        return "write 2"

    one = runner.submit("write", "one", first_write)
    two = runner.submit("write", "two", second_write)
    try:
        qtbot.waitUntil(lambda: "write 1" in started)
        read = runner.submit("read", "read", lambda context: started.append("read") or "read")
        with qtbot.waitSignal(read.finished):
            pass
        assert started == ["write 1", "read"]  # the second write still waits for the first
        assert [t.label for t in runner.active("write")] == ["one", "two"]
    finally:
        release.set()
    with qtbot.waitSignals([one.finished, two.finished]):
        pass
    assert started == ["write 1", "read", "write 2"]


def test_progress_is_shown_in_the_status_bar(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    runner = task_runner(window)
    shown: list[str] = []
    window.statusBar().messageChanged.connect(shown.append)

    def work(context: TaskContext) -> None:
        for done in range(3):
            context.progress(done, 3, f"Syncing… {done} of 3 files")

    task = runner.submit("write", "Syncing", work)
    with qtbot.waitSignal(task.done):
        pass
    assert "Syncing… 2 of 3 files" in shown
    assert window.statusBar().currentMessage() == ""  # cleared once nothing runs


def test_closing_the_window_finishes_the_write_and_cancels_the_reads(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(qtbot)
    runner = task_runner(window)
    database = tmp_path / "rows.sqlite3"
    writing = threading.Event()

    def write(context: TaskContext) -> int:
        with sqlite3.connect(database) as conn:
            conn.execute("CREATE TABLE rows (n INTEGER)")
            writing.set()
            for n in range(20_000):
                conn.execute("INSERT INTO rows VALUES (?)", (n,))
        return 20_000

    def read(context: TaskContext) -> str:
        while True:  # stops only when cancelled
            context.check()
            writing.wait(0.01)

    reader = runner.submit("read", "Listing notes", read)
    cancelled: list[bool] = []
    reader.cancelled.connect(lambda: cancelled.append(True))
    runner.submit("write", "Importing", write)
    qtbot.waitUntil(writing.is_set)
    window.close()  # waits for the write, cancels the read
    with sqlite3.connect(database) as conn:
        assert conn.execute("SELECT count(*) FROM rows").fetchone() == (20_000,)
    qtbot.waitUntil(lambda: cancelled == [True])
    late = runner.submit("read", "too late", lambda context: "never")
    assert late.is_done or late.is_cancelled


def test_the_all_chapters_notes_list_is_built_off_the_ui_thread_and_only_the_newest_shows(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path, qtbot: QtBot
) -> None:
    write_chapter(tmp_path, "a.md", "Alpha", "# A1\n\nalpha target words", order=1)
    write_chapter(tmp_path, "b.md", "Beta", "# B1\n\nbeta target words", order=2)
    window = open_window(tmp_path, data_dir)
    notes = annotations_of(window)
    select(window, "alpha target")
    a = notes.highlight_selection("pink")
    assert window.open_chapter("b")
    select(window, "beta target")
    b = notes.highlight_selection("green")
    assert a is not None and b is not None
    notes.show_panel()
    assert notes.panel.visible_ids() == [b.id]
    listing = listing_for(notes.panel)
    notes.panel.set_scope(all_chapters=True)
    task = listing.task
    assert task is not None and not task.is_done  # its result comes through the event loop
    assert notes.panel.visible_ids() == [b.id]
    qtbot.waitUntil(lambda: notes.panel.visible_ids() == [a.id, b.id])
    # Back to this chapter before a new all-chapters list arrives: that list is dropped.
    notes.panel.set_scope(all_chapters=False)
    notes.panel.set_scope(all_chapters=True)
    assert listing.task is not None
    notes.panel.set_scope(all_chapters=False)
    runner = task_runner(window)
    qtbot.waitUntil(lambda: not runner.active())
    qtbot.wait(0)  # deliver anything still queued
    assert notes.panel.visible_ids() == [b.id]
