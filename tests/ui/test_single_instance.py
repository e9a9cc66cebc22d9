"""One window per data folder: a second start brings the first window forward and exits."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import REPO, write_chapter
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot
from ui_helpers import PHRASE, WindowFactory, drawn

from reader.core.anchoring import describe
from reader.core.data_folder import NOTES_FILE
from reader.storage.annotations import AnnotationStore
from reader.storage.db import Database
from reader.ui.local_channel import socket_path
from reader.ui.main_window import MainWindow
from reader.ui.single_instance import HANDED_OFF, REPLY, SingleInstance, server_name


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
def claimed(open_window: WindowFactory, two_chapters: Path, data_dir: Path) -> Iterator[MainWindow]:
    """A window that holds its data folder, as run_gui sets it up."""
    window = open_window(two_chapters, data_dir, chapter="human-security")
    instance = SingleInstance(data_dir)
    assert instance.listen()
    instance.serve(window)
    yield window
    instance.close()  # run_gui closes it when the application quits


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


UNIX_ONLY = pytest.mark.skipif(
    not hasattr(socket, "AF_UNIX"), reason="socket files exist on Unix only"
)


def _socket_file(data_dir: Path) -> Path:
    path = socket_path(server_name(data_dir))
    assert path is not None
    return path


@UNIX_ONLY
def test_a_socket_file_left_by_a_crash_is_replaced(data_dir: Path, qtbot: QtBot) -> None:
    path = _socket_file(data_dir)
    # What a killed window leaves: the socket file, with nobody listening on it.
    dead = socket.socket(socket.AF_UNIX)
    dead.bind(str(path))
    dead.close()
    assert path.exists()
    instance = SingleInstance(data_dir)
    assert instance.hand_off("human-security") is None
    assert instance.listen()
    client = socket.socket(socket.AF_UNIX)
    client.settimeout(1)
    client.connect(str(path))  # the new window's socket answers
    client.close()
    instance.close()
    assert not path.exists()


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
        # The laptop had the same library open: the note is that library's.
        AnnotationStore(db, claimed.context.library_id).add(
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


@pytest.fixture
def runtime_dir() -> Iterator[Path]:
    """A short private folder, as $XDG_RUNTIME_DIR is (pytest's tmp_path is too deep)."""
    folder = Path(tempfile.mkdtemp(prefix="fr-"))
    yield folder
    shutil.rmtree(folder)


@UNIX_ONLY
def test_the_socket_is_in_a_folder_only_the_user_can_enter(
    data_dir: Path, runtime_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = runtime_dir
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert _socket_file(data_dir).parent == runtime
    # A runtime folder others may enter, or one too deep for a socket address, is not used.
    runtime.chmod(0o755)
    fallback = _socket_file(data_dir).parent
    assert fallback == Path("/tmp") / f"field-reader-{os.getuid()}"
    assert fallback.stat().st_mode & 0o777 == 0o700
    runtime.chmod(0o700)
    deep = runtime / ("d" * 60)
    deep.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(deep))
    assert _socket_file(data_dir).parent == fallback
    instance = SingleInstance(data_dir)
    assert instance.listen()
    assert _socket_file(data_dir).exists()
    instance.close()
    assert not _socket_file(data_dir).exists()


@UNIX_ONLY
def test_a_fallback_folder_opened_to_others_is_closed_again(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    folder = _socket_file(data_dir).parent
    folder.chmod(0o777)
    assert _socket_file(data_dir).parent == folder
    assert folder.stat().st_mode & 0o777 == 0o700


def test_a_busy_window_thread_still_gets_the_request(data_dir: Path, qtbot: QtBot) -> None:
    first = SingleInstance(data_dir)
    assert first.listen()
    threads: list[object] = []
    first.requested.connect(lambda chapter: threads.append((chapter, QThread.currentThread())))
    # hand_off blocks this thread, which is also the listening window's: the answer comes
    # from the listening thread, and the request waits for the event loop.
    assert SingleInstance(data_dir).hand_off("field-notes") == HANDED_OFF
    assert threads == []
    qtbot.waitUntil(lambda: bool(threads))
    assert threads == [("field-notes", first.thread())]
    first.close()


@UNIX_ONLY
def test_a_request_that_makes_no_sense_is_ignored(data_dir: Path, qtbot: QtBot) -> None:
    first = SingleInstance(data_dir)
    assert first.listen()
    asked: list[object] = []
    first.requested.connect(asked.append)
    path = str(_socket_file(data_dir))
    for junk in (b"x" * 10_000, b"not json\n", b'{"chapter": 7}\n', b"[]\n"):
        client = socket.socket(socket.AF_UNIX)
        client.settimeout(3)
        client.connect(path)
        client.sendall(junk)
        try:
            reply = client.recv(16)
        except ConnectionResetError:  # closed with the rest of the junk unread
            reply = b""
        client.close()
        assert reply == (b"" if len(junk) > 4096 else REPLY)
    qtbot.waitUntil(lambda: len(asked) == 3)
    assert asked == [None, None, None]
    # Still listening, and a real request still arrives.
    assert SingleInstance(data_dir).hand_off("field-notes") == HANDED_OFF
    qtbot.waitUntil(lambda: asked[-1:] == ["field-notes"])
    first.close()


def test_without_sockets_every_start_is_the_only_one(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("the network is off for this test")

    monkeypatch.setattr(socket.socket, "__init__", refuse)
    instance = SingleInstance(data_dir)
    assert instance.hand_off("field-notes") is None
    assert not instance.listen() and not instance.listening
    instance.close()


NO_NETWORK = """\
import socket


def _refuse(*args, **kwargs):
    raise OSError("the network is off for this test")


class _NoSocket(socket.socket):
    def __init__(self, *args, **kwargs):
        _refuse()


socket.socket = _NoSocket
socket.socketpair = _refuse
"""


def test_a_window_opens_when_sockets_cannot_be_made(seed_library: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(NO_NETWORK, encoding="utf-8")
    env = dict(
        os.environ,
        PYTHONPATH=str(site),
        QT_QPA_PLATFORM="offscreen",
        FIELD_READER_QUIT_AFTER_FIRST_PAINT="1",
    )
    data_dir_args = ("--data-dir", str(tmp_path / "data"))
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--content", str(seed_library), *data_dir_args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=REPO,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


QT_NETWORK_LOADED = """\
import importlib, pkgutil, sys
import reader.ui
for module in pkgutil.iter_modules(reader.ui.__path__, "reader.ui."):
    importlib.import_module(module.name)
from pathlib import Path
from reader.ui.app import application
from reader.ui.single_instance import SingleInstance
application()
instance = SingleInstance(Path(sys.argv[1]))
assert instance.hand_off(None) is None and instance.listen()
instance.close()
print(sorted(name for name in sys.modules if name.startswith("PySide6.Qt")))
"""


def test_the_reader_never_loads_qt_network(data_dir: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", QT_NETWORK_LOADED, str(data_dir)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        cwd=REPO,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "PySide6.QtWidgets" in done.stdout
    assert "QtNetwork" not in done.stdout
