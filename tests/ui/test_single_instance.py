"""One window per data folder: a second start brings the first window forward and exits."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO, write_chapter
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from pytestqt.qtbot import QtBot
from ui_helpers import PHRASE, WindowFactory, drawn

from reader.core.anchoring import describe
from reader.core.data_folder import NOTES_FILE
from reader.storage.annotations import AnnotationStore
from reader.storage.db import Database
from reader.ui.main_window import MainWindow
from reader.ui.single_instance import HANDED_OFF, SingleInstance, server_name


def start(*args: str) -> subprocess.Popen[str]:
    """`field-reader ARGS` in its own process, offscreen, as a student's second start."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [sys.executable, "-m", "reader", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=REPO,
    )


def finish(qtbot: QtBot, process: subprocess.Popen[str]) -> tuple[int, str, str]:
    """Let this process's event loop answer while the other one runs; its status and output."""
    try:
        qtbot.waitUntil(lambda: process.poll() is not None, timeout=60000)
    finally:
        if process.poll() is None:
            process.kill()
    out, err = process.communicate()
    return process.returncode, out, err


@pytest.fixture
def two_chapters(seed_library: Path) -> Path:
    """The seed library plus a second, short chapter."""
    write_chapter(seed_library, "field-notes.md", "Field notes", "# Field notes\n\nShort one.\n")
    return seed_library


@pytest.fixture
def claimed(open_window: WindowFactory, two_chapters: Path, data_dir: Path) -> MainWindow:
    """A window that holds its data folder, as run_gui sets it up."""
    window = open_window(two_chapters, data_dir, chapter="human-security")
    instance = SingleInstance(data_dir, window)
    assert instance.listen()
    instance.serve(window)
    window.destroyed.connect(instance.close)
    return window


def test_the_name_follows_the_folder_not_its_spelling(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (tmp_path / "link").symlink_to(folder)
    other = tmp_path / "other"
    assert server_name(folder) == server_name(tmp_path / "data" / ".." / "data")
    assert server_name(folder) == server_name(tmp_path / "link")
    assert server_name(folder) != server_name(other)
    assert len(server_name(folder)) < 64  # well inside a socket path's limit


# Qt's offscreen platform has no window stack to raise a window in, and says so.
OFFSCREEN_RAISE = pytest.mark.qt_log_ignore("This plugin does not support raise")


@OFFSCREEN_RAISE
def test_a_second_start_brings_the_window_forward_with_its_chapter(
    claimed: MainWindow, two_chapters: Path, data_dir: Path, qtbot: QtBot
) -> None:
    assert claimed.current_document().chapter.slug == "human-security"  # type: ignore[union-attr]
    second = start(
        "--content", str(two_chapters), "--data-dir", str(data_dir), "--chapter", "field-notes"
    )
    status, out, err = finish(qtbot, second)
    assert (status, out.strip()) == (0, HANDED_OFF), err
    qtbot.waitUntil(
        lambda: claimed.current_document().chapter.slug == "field-notes"  # type: ignore[union-attr]
    )


@OFFSCREEN_RAISE
def test_an_unknown_chapter_is_named_and_the_page_stays(
    claimed: MainWindow, two_chapters: Path, data_dir: Path, qtbot: QtBot
) -> None:
    second = start("--content", str(two_chapters), "--data-dir", str(data_dir), "--chapter", "nope")
    status, out, err = finish(qtbot, second)
    assert (status, out.strip()) == (0, HANDED_OFF), err
    qtbot.waitUntil(lambda: "'nope'" in claimed.statusBar().currentMessage())
    assert claimed.current_document().chapter.slug == "human-security"  # type: ignore[union-attr]


def test_another_data_folder_gets_its_own_window(
    claimed: MainWindow, data_dir: Path, tmp_path: Path
) -> None:
    other = SingleInstance(tmp_path / "elsewhere")
    assert other.hand_off(None) is None
    assert other.listen() and other.listening
    other.close()


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="socket files exist on Unix only")
def test_a_socket_file_left_by_a_crash_is_replaced(data_dir: Path, qtbot: QtBot) -> None:
    name = server_name(data_dir)
    probe = QLocalServer()
    assert probe.listen(name)
    path = probe.fullServerName()
    probe.close()
    # What a killed window leaves: the socket file, with nobody listening on it.
    dead = socket.socket(socket.AF_UNIX)
    dead.bind(path)
    dead.close()
    assert Path(path).exists()
    instance = SingleInstance(data_dir)
    assert instance.hand_off("human-security") is None
    assert instance.listen()
    client = QLocalSocket()
    client.connectToServer(name)
    assert client.waitForConnected(1000)
    client.abort()
    instance.close()


def test_screenshot_and_import_still_run_beside_the_window(
    claimed: MainWindow, two_chapters: Path, data_dir: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    common = ["--content", str(two_chapters), "--data-dir", str(data_dir)]
    shot = tmp_path / "shot.png"
    status, _, err = finish(qtbot, start("screenshot", str(shot), *common))
    assert status == 0 and shot.stat().st_size > 0, err
    # Notes made on another computer, exported, then imported from a terminal.
    laptop = tmp_path / "laptop"
    doc = claimed.current_document()
    assert doc is not None
    text = doc.plain.text
    start_at = text.index(PHRASE)
    with Database(laptop / NOTES_FILE) as db:
        AnnotationStore(db).add(
            "human-security", describe(text, start_at, start_at + len(PHRASE)), "blue"
        )
    export = tmp_path / "notes.json"
    exported = finish(
        qtbot,
        start(
            "export",
            "--format",
            "json",
            "-o",
            str(export),
            "--content",
            str(two_chapters),
            "--data-dir",
            str(laptop),
        ),
    )
    assert exported[0] == 0, exported[2]
    status, _, err = finish(qtbot, start("import", str(export), *common))
    assert status == 0, err
    qtbot.waitUntil(lambda: drawn(claimed) == [PHRASE], timeout=5000)


def test_a_window_that_just_started_keeps_its_socket(data_dir: Path, qtbot: QtBot) -> None:
    first = SingleInstance(data_dir)
    assert first.listen()
    # A start that missed it (both looked before either listened) must not take it over.
    late = SingleInstance(data_dir)
    assert not late.listen()
    assert first.listening and not late.listening
    first.close()
