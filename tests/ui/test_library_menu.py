"""The Library menu: open another library, one opened before, or one dropped on the window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import write_chapter
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu
from pytestqt.qtbot import QtBot
from ui_helpers import WindowFactory

from reader.core.data_folder import DataFolder
from reader.core.library_list import LibraryEntry, read_list, record, write_list
from reader.paths import bundled_content_dir
from reader.ui.app import run_gui
from reader.ui.library_feature import LibraryFeature
from reader.ui.main_window import MainWindow

Step = Callable[[MainWindow], None]

# Menus pop up: the offscreen platform cannot raise them or grab the keyboard.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


def _course(root: Path, title: str, *chapters: str) -> Path:
    root.mkdir(parents=True)
    for number, chapter in enumerate(chapters or (title,)):
        write_chapter(root, f"{number:02d}.md", chapter, f"The text of {chapter}.")
    return root


def _plain(text: str) -> str:
    """A menu entry's words: without its & marks and its number."""
    words = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    head, _, rest = words.partition(" ")
    return rest if head.isdigit() else words


def _libraries(window: MainWindow) -> LibraryFeature:
    feature = window.features.libraries
    assert feature is not None
    return feature


def choose(qtbot: QtBot, menu: QMenu, label: str, at: QPoint) -> None:
    """Open `menu` and choose `label` with the arrow keys and Enter."""
    menu.popup(at)
    qtbot.waitUntil(menu.isVisible)
    for _ in range(len(menu.actions()) + 1):
        active = menu.activeAction()
        if active is not None and _plain(active.text()) == label:
            break
        qtbot.keyClick(menu, Qt.Key.Key_Down)
    else:
        raise AssertionError(f"{label!r} is not in the menu")
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not menu.isVisible())


def from_library_menu(qtbot: QtBot, window: MainWindow, label: str) -> None:
    """Choose `label` in the Library menu by keys."""
    choose(qtbot, window.library_menu, label, window.mapToGlobal(QPoint(10, 10)))


def entries(window: MainWindow) -> list[tuple[str, bool, bool]]:
    """The Library menu's libraries: (words, enabled, checked), in order."""
    window.library_menu.aboutToShow.emit()  # as on opening it: availability is looked at
    return [
        (_plain(a.text()), a.isEnabled(), a.isChecked())
        for a in window.library_menu.actions()
        if a.isCheckable() and a.isVisible()
    ]


def run_windows(qtbot: QtBot, content: Path | None, data: Path, steps: list[Step]) -> int:
    """run_gui, with each step done on the next window shown; the last window is closed."""
    done: list[int] = []
    failures: list[BaseException] = []

    def shown() -> MainWindow | None:
        for widget in QApplication.topLevelWidgets():
            if (
                isinstance(widget, MainWindow)
                and widget.isVisible()
                and widget.features.libraries is not None
                and widget not in seen
            ):
                return widget
        return None

    seen: list[MainWindow] = []

    def tick() -> None:
        window = shown()
        if window is None:
            QTimer.singleShot(20, tick)
            return
        seen.append(window)
        try:
            steps[len(done)](window)
        except BaseException as error:  # reported once the loop has ended
            failures.append(error)
            window.context.reopen_request = None
            window.close()
            return
        done.append(1)
        if len(done) < len(steps):
            QTimer.singleShot(20, tick)
        elif window.isVisible():
            window.close()

    QTimer.singleShot(20, tick)
    status = run_gui(content, data)
    if failures:
        raise failures[0]
    assert len(done) == len(steps)
    return status


def _titles(window: MainWindow) -> list[str]:
    return [c.title for c in window.library.chapters]


@pytest.fixture
def two(tmp_path: Path) -> tuple[Path, Path]:
    # Without a metadata file or a title page, a library is titled by its folder's name.
    first = _course(tmp_path / "Alpha one", "Alpha one", "Alpha one", "Alpha two")
    second = _course(tmp_path / "Beta one", "Beta one", "Beta one", "Beta two")
    return first, second


def test_a_library_opened_from_the_menu_replaces_the_window_and_names_it(
    qtbot: QtBot, tmp_path: Path, data_dir: Path, two: tuple[Path, Path], monkeypatch
) -> None:
    first, second = two
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(second))

    def open_second(window: MainWindow) -> None:
        assert _titles(window) == ["Alpha one", "Alpha two"]
        from_library_menu(qtbot, window, "Open Library Folder…")

    def look(window: MainWindow) -> None:
        assert _titles(window) == ["Beta one", "Beta two"]
        assert window.contents.topLevelItem(0).text(0) == "Beta one"
        qtbot.keyClick(window.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        assert window.windowTitle() == "Beta two — Beta one — Field Reader"
        assert entries(window)[:3] == [
            ("Bundled Chapters", True, False),
            ("Beta one", True, True),
            ("Alpha one", True, False),
        ]

    assert run_windows(qtbot, first, data_dir, [open_second, look]) == 0
    listed = read_list(DataFolder(data_dir).libraries_list).entries
    assert [(e.title, e.kind) for e in listed] == [("Beta one", "folder"), ("Alpha one", "folder")]


def test_a_start_reopens_the_library_open_last_and_the_list_is_newest_first(
    qtbot: QtBot, data_dir: Path, two: tuple[Path, Path]
) -> None:
    first, second = two
    run_windows(qtbot, first, data_dir, [lambda w: None])
    run_windows(qtbot, second, data_dir, [lambda w: None])

    def reopened(window: MainWindow) -> None:
        assert _titles(window) == ["Beta one", "Beta two"]
        assert [e[0] for e in entries(window)] == ["Bundled Chapters", "Beta one", "Alpha one"]
        from_library_menu(qtbot, window, "Alpha one")

    def chosen(window: MainWindow) -> None:
        assert _titles(window) == ["Alpha one", "Alpha two"]

    run_windows(qtbot, None, data_dir, [reopened, chosen])

    def again(window: MainWindow) -> None:
        assert _titles(window) == ["Alpha one", "Alpha two"]
        assert [e[0] for e in entries(window)][1:] == ["Alpha one", "Beta one"]

    run_windows(qtbot, None, data_dir, [again])


def test_a_start_whose_last_library_is_gone_opens_the_bundled_one_and_says_why(
    qtbot: QtBot, tmp_path: Path, data_dir: Path, two: tuple[Path, Path]
) -> None:
    first, _second = two
    run_windows(qtbot, first, data_dir, [lambda w: None])
    first.rename(tmp_path / "elsewhere")

    def fell_back(window: MainWindow) -> None:
        assert window.library.root == bundled_content_dir().resolve()
        message = window.statusBar().currentMessage()
        assert "Alpha one" in message and str(first) in message
        assert ("Alpha one (unavailable)", False, False) in entries(window)

    run_windows(qtbot, None, data_dir, [fell_back])


def test_a_damaged_list_does_not_stop_the_start(
    qtbot: QtBot, data_dir: Path, two: tuple[Path, Path]
) -> None:
    file = DataFolder(data_dir).libraries_list
    file.write_bytes(b'{"libraries": [{"path": \xff\xfe')

    def started(window: MainWindow) -> None:
        assert window.library.root == bundled_content_dir().resolve()
        assert "damaged" in window.statusBar().currentMessage()

    run_windows(qtbot, None, data_dir, [started])
    [copy] = data_dir.glob("libraries.json.damaged-*")
    assert copy.read_bytes().startswith(b'{"libraries"')
    assert [e.kind for e in read_list(file).entries] == ["bundled"]


def test_a_missing_library_is_unavailable_not_dropped_and_can_be_removed(
    qtbot: QtBot, open_window: WindowFactory, tmp_path: Path, data_dir: Path, seed_library: Path
) -> None:
    gone = LibraryEntry(str(tmp_path / "usb" / "course"), "derived:gone", "Gone & Lost", "zip")
    file = DataFolder(data_dir).libraries_list
    write_list(file, record((), gone))
    window = open_window(seed_library, data_dir)
    assert entries(window) == [
        ("Bundled Chapters", True, False),
        ("Human Security", True, True),
        ("Gone & Lost (unavailable)", False, False),
    ]
    [action] = [a for a in window.library_menu.actions() if "Gone" in a.text()]
    assert str(tmp_path / "usb" / "course") in action.toolTip()
    assert [e.title for e in read_list(file).entries] == ["Human Security", "Gone & Lost"]

    # Alt+L, R (Remove from List), then 1 for the one entry there.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.library_menu)
    qtbot.keyClick(window.library_menu, Qt.Key.Key_R)
    remove_menu = _libraries(window).remove_menu
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is remove_menu)
    assert [_plain(a.text()) for a in remove_menu.actions()] == ["Gone & Lost (unavailable)"]
    # The menu acts on the press and is gone by the release, which no widget would take.
    qtbot.keyPress(remove_menu, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)

    assert [e.title for e in read_list(file).entries] == ["Human Security"]
    assert [e[0] for e in entries(window)] == ["Bundled Chapters", "Human Security"]
    assert "removed" in window.statusBar().currentMessage()


def test_the_bundled_library_stays_listed_past_the_cap_and_opens(
    qtbot: QtBot, open_window: WindowFactory, tmp_path: Path, data_dir: Path, seed_library: Path
) -> None:
    file = DataFolder(data_dir).libraries_list
    listed = record((), LibraryEntry("", "bundled", "Human Security", "bundled"))
    for number in range(40):
        listed = record(listed, LibraryEntry(f"/p/{number}", f"d:{number}", f"P{number}", "zip"))
    write_list(file, listed)
    window = open_window(seed_library, data_dir)
    shown = [e[0] for e in entries(window)]
    assert shown[0] == "Human Security (bundled)" and len(shown) == 30
    assert [e.kind for e in read_list(file).entries].count("bundled") == 1

    from_library_menu(qtbot, window, "Human Security (bundled)")
    qtbot.waitUntil(lambda: not window.isVisible())
    request = window.context.reopen_request
    assert request is not None and request.content == bundled_content_dir()


@pytest.mark.parametrize("kind", ["empty folder", "not a pack"])
def test_a_bad_pack_is_refused_in_words_and_the_library_stays_open(
    qtbot: QtBot,
    open_window: WindowFactory,
    tmp_path: Path,
    data_dir: Path,
    seed_library: Path,
    monkeypatch,
    kind: str,
) -> None:
    if kind == "empty folder":
        bad = tmp_path / "empty"
        bad.mkdir()
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(bad))
        label = "Open Library Folder…"
    else:
        bad = tmp_path / "notes.txt"
        bad.write_text("not a course", encoding="utf-8")
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
        label = "Open Library…"
    window = open_window(seed_library, data_dir)
    before = read_list(DataFolder(data_dir).libraries_list)
    from_library_menu(qtbot, window, label)
    box = _libraries(window).last_message
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert str(bad) in box.text() and "stays open" in box.text()
    assert window.isVisible() and window.context.reopen_request is None
    document = window.current_document()
    assert document is not None and document.chapter.title == "Human Security"
    assert read_list(DataFolder(data_dir).libraries_list) == before
    box.close()


def _drag(window: MainWindow, paths: list[Path]) -> tuple[QDragEnterEvent, QMimeData]:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDragEnterEvent(
        QPoint(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, event)
    return event, mime


def test_a_folder_dropped_on_the_window_opens(
    qtbot: QtBot, open_window: WindowFactory, data_dir: Path, seed_library: Path, two
) -> None:
    _first, second = two
    window = open_window(seed_library, data_dir)
    enter, mime = _drag(window, [second])
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: not window.isVisible())
    request = window.context.reopen_request
    assert request is not None and request.content == second


def test_a_drag_of_anything_but_one_folder_or_zip_is_refused_with_why(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path, seed_library: Path, two
) -> None:
    window = open_window(seed_library, data_dir)
    text = tmp_path / "photo.png"
    text.write_bytes(b"png")
    enter, _mime = _drag(window, [text])
    assert not enter.isAccepted()
    assert "photo.png is not a folder" in window.statusBar().currentMessage()
    enter, _mime = _drag(window, list(two))
    assert not enter.isAccepted()
    assert "Drop one folder" in window.statusBar().currentMessage()
    assert window.isVisible() and window.context.reopen_request is None
