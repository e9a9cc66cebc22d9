"""A lab computer's session, end to end: two course zips from a USB stick, in French, two
readers on one login, each annotating both courses, and everything kept across a restart.

Everything runs through `run_gui` as `field-reader` does: "Who is reading?" is answered
with the arrow keys and Enter, packs are opened with Ctrl+O (only the file dialog's answer
is given), highlights made with Ctrl+H and the reader switched with Ctrl+Shift+R.
"""

from __future__ import annotations

import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import COURSES
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot
from ui_helpers import drawn, run_steps, select

from reader.core.profiles import ProfileRegistry
from reader.ui.app import run_gui
from reader.ui.main_window import MainWindow
from reader.ui.profile_picker import ProfilePicker
from reader.ui.settings import Settings

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")

Step = Callable[[], bool]


def _zip(course: Path, out: Path, top: str | None) -> Path:
    """`course` zipped to `out`, inside folder `top` (as GitHub's Download ZIP) or flat."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(course.rglob("*")):
            if path.is_file():
                name = path.relative_to(course).as_posix()
                archive.write(path, f"{top}/{name}" if top else name)
    return out


def _visible(kind: type[QWidget]) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def _window() -> MainWindow | None:
    """The reader's window once its features are in (notes, readers, libraries)."""
    windows = _visible(MainWindow)
    if not windows:
        return None
    window = windows[0]
    assert isinstance(window, MainWindow)
    features = window.features
    if features.annotations is None or features.profiles is None or features.libraries is None:
        return None
    return window


def _phrase(window: MainWindow, skip: int) -> str:
    """A passage of plain words of the chapter shown, `skip` passages in."""
    document = window.current_document()
    assert document is not None
    text = document.plain.text
    found = []
    for line in text.splitlines():
        words = line.split()
        if len(words) >= 8 and all(w.isalpha() for w in words[:5]):
            found.append(" ".join(words[:5]))
    phrase = found[skip]
    assert text.count(phrase) == 1
    return phrase


def _notes(folder: Path) -> dict[str, int]:
    """How many live highlights each library has in a reader's notes file."""
    with sqlite3.connect(folder / "notes.sqlite3") as db:
        rows = db.execute(
            "SELECT library, count(*) FROM annotations WHERE deleted = 0 GROUP BY library"
        ).fetchall()
    return {library: count for library, count in rows}


def test_two_readers_annotate_two_course_zips_in_french_and_keep_it_all(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    iot = _zip(COURSES / "iot-for-beginners", usb / "iot-for-beginners-main.zip", "iot-main")
    novice = _zip(COURSES / "python-novice-inflammation", usb / "inflammation.zip", None)
    data = tmp_path / "data"
    data.mkdir()
    registry = ProfileRegistry(data)
    amina, ben = registry.add("Amina"), registry.add("Ben")
    registry.set_last(amina)
    for reader in (amina, ben):
        settings = Settings(reader.root(data))
        settings.language = "fr"
        settings.sync()
    answers: list[Path] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(answers.pop(0)), ""))
    seen: dict[str, object] = {}

    def choose(expect: str, keys: list[Qt.Key]) -> Step:
        def step() -> bool:
            pickers = [w for w in _visible(ProfilePicker) if isinstance(w, ProfilePicker)]
            if not pickers:
                return False
            chosen = pickers[0].chosen()
            assert chosen is not None and chosen.name == expect, chosen
            # Asked in French too: the language of the reader who read last.
            labels = [label.text() for label in pickers[0].findChildren(QLabel)]
            assert "Qui lit\u00a0?" in labels, labels
            for key in keys:
                qtbot.keyClick(pickers[0].list, key)
            qtbot.keyClick(pickers[0].list, Qt.Key.Key_Return)
            return True

        step.__name__ = f"choose_after_{expect}"
        return step

    def in_window(name: str, library: str | None, act: Callable[[MainWindow], None]) -> Step:
        def step() -> bool:
            window = _window()
            if window is None or (library and window.context.library.root.name != library):
                return False
            # The interface is French: the menus, and the reader named in French.
            assert window.menuBar().actions()[0].text() == "&Fichier"
            assert window.features.profiles is not None
            assert name in window.features.profiles.label.text()
            act(window)
            return True

        step.__name__ = f"{name}_in_{library}"
        return step

    def highlight(key: str, skip: int) -> Callable[[MainWindow], None]:
        def act(window: MainWindow) -> None:
            phrase = _phrase(window, skip)
            select(window, phrase)
            qtbot.keyClick(window.view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
            assert phrase in drawn(window)
            seen[key] = phrase
            seen[key + " slug"] = window.current_document().chapter.slug  # type: ignore[union-attr]

        return act

    def open_pack(path: Path) -> Callable[[MainWindow], None]:
        def act(window: MainWindow) -> None:
            answers.append(path)
            qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)

        return act

    def switch_reader(window: MainWindow) -> None:
        modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        qtbot.keyClick(window, Qt.Key.Key_R, modifiers)

    def scroll_down(window: MainWindow) -> None:
        bar = window.view.verticalScrollBar()
        bar.setValue(bar.maximum() // 2)
        seen["amina place"] = bar.value()

    def nothing_of(key: str) -> Callable[[MainWindow], None]:
        def act(window: MainWindow) -> None:
            assert seen[key] not in drawn(window)

        return act

    def then(*acts: Callable[[MainWindow], None]) -> Callable[[MainWindow], None]:
        def act(window: MainWindow) -> None:
            for each in acts:
                each(window)

        return act

    def close(window: MainWindow) -> None:
        window.close()

    errors = run_steps(
        [
            choose("Amina", []),
            in_window("Amina", None, open_pack(iot)),
            in_window("Amina", iot.name, then(highlight("amina iot", 0), open_pack(novice))),
            in_window(
                "Amina", novice.name, then(highlight("amina novice", 1), scroll_down, switch_reader)
            ),
            choose("Amina", [Qt.Key.Key_Down]),  # Ben is listed after Amina
            # Ben starts where the computer was left: the course Amina opened last.
            in_window(
                "Ben", novice.name, then(nothing_of("amina novice"), highlight("ben novice", 2))
            ),
            in_window("Ben", novice.name, open_pack(iot)),
            in_window("Ben", iot.name, then(nothing_of("amina iot"), highlight("ben iot", 1))),
            in_window("Ben", iot.name, close),
        ],
        patience=1500,  # some thirty seconds: each pack is read at its opening
    )
    assert run_gui(None, data) == 0
    assert errors == []

    # The next morning: Ben (the last reader) is preselected; Amina takes her turn and
    # finds her own course, her highlights and her place.
    places: list[int] = []

    def check_amina(window: MainWindow) -> None:
        assert drawn(window) == [seen["amina novice"]]
        document = window.current_document()
        assert document is not None
        places.append(window.context.settings.position(document.chapter.slug))
        window.close()

    errors = run_steps(
        [choose("Ben", [Qt.Key.Key_Up]), in_window("Amina", novice.name, check_amina)],
    )
    assert run_gui(None, data) == 0
    assert errors == []
    assert places and places[0] > 0

    amina_notes, ben_notes = _notes(amina.root(data)), _notes(ben.root(data))
    assert sorted(amina_notes.values()) == [1, 1] and sorted(ben_notes.values()) == [1, 1]
    assert set(amina_notes) == set(ben_notes)  # the same two libraries, by their ids
    assert len(set(amina_notes)) == 2 and "bundled" not in amina_notes
