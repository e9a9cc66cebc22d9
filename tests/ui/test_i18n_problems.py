"""The library's problems and left-out files are in the interface language, even when an
earlier start in another language left its scan cache and snapshot behind."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import write_chapter
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from reader.core import i18n
from reader.core.data_folder import DataFolder
from reader.ui.app import build_window
from reader.ui.i18n import apply_language
from reader.ui.main_window import MainWindow
from reader.ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")

BAD_YAML = {
    "en": "The front matter is not valid YAML",
    "fr": "L’en-tête YAML n’est pas du YAML valide",
    "es": "El encabezado YAML no es YAML válido",
}
SHOWN_WITHOUT = {
    "en": "The chapter is shown without it.",
    "fr": "Le chapitre est affiché sans lui.",
    "es": "El capítulo se muestra sin él.",
}
NODE_MODULES = {
    "en": "The folder node_modules/ was skipped: installed JavaScript packages.",
    "fr": "Le dossier node_modules/ a été ignoré\u00a0: il contient des paquets JavaScript "
    "installés.",
    "es": "Se omitió la carpeta node_modules/: contiene paquetes de JavaScript instalados.",
}
HIDDEN = {
    "en": "The folder .drafts/ was skipped: it is hidden (its name starts with a dot).",
    "fr": "Le dossier .drafts/ a été ignoré\u00a0: il est caché (son nom commence par un point).",
    "es": "Se omitió la carpeta .drafts/: está oculta (su nombre empieza por un punto).",
}


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    """Translators are the application's: leave it in English for the other tests."""
    yield
    apply_language("en")


def _library(root: Path) -> Path:
    """A library with a chapter whose front matter is broken, and two folders left out."""
    for folder in (root, root / "node_modules" / "pkg", root / ".drafts"):
        folder.mkdir(parents=True)
    write_chapter(root, "intro.md", "Intro", "# Intro\n\nWelcome.", order=1)
    (root / "broken.md").write_text("---\ntitle: [unclosed\n---\n# Broken\n\nText.\n", "utf-8")
    write_chapter(root / "node_modules" / "pkg", "notes.md", "Package", "Not course content.")
    write_chapter(root / ".drafts", "later.md", "Later", "Not yet.")
    return root


def _start(
    qtbot: QtBot, content: Path, data: Path, language: str, *, restart: bool = False
) -> MainWindow:
    """The window as `field-reader` opens it in `language`, once its scan has ended;
    `restart`: an earlier start in this language left a snapshot for the first paint."""
    settings = QSettings(str(DataFolder(data).settings), QSettings.Format.IniFormat)
    settings.setValue("interface/language", language)
    settings.sync()
    window = build_window(content, data, defer=True)
    qtbot.addWidget(window)
    # The first paint's library: a restart's comes from the snapshot of the last scan
    # (its chapter shown and the problems; what was left out comes after the paint).
    assert window.context.library_partial == restart
    _assert_library_in(window, language, skipped=not window.context.library_partial)
    window.show()
    qtbot.waitUntil(lambda: window.features.search is not None, timeout=10_000)
    runner = window.findChild(TaskRunner, "taskRunner")
    qtbot.waitUntil(lambda: runner is None or not runner.active(), timeout=10_000)
    assert DataFolder(data).library_snapshot(content, language).is_file()
    return window


def _problems_box_text(qtbot: QtBot, window: MainWindow) -> str:
    """What Help › Library Problems shows."""
    window.show_problems()

    def box() -> QMessageBox | None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
        return next((b for b in boxes if b.isVisible()), None)

    qtbot.waitUntil(lambda: box() is not None)
    shown = box()
    assert shown is not None
    text = shown.text()
    shown.close()
    qtbot.waitUntil(lambda: box() is None)
    return text


def _assert_library_in(window: MainWindow, language: str, *, skipped: bool = True) -> None:
    """The window's library holds its problems and left-out files in `language` only."""
    others = [code for code in BAD_YAML if code != language]
    problems = " ".join(p.message for p in window.library.problems)
    assert BAD_YAML[language] in problems and SHOWN_WITHOUT[language] in problems
    assert not any(BAD_YAML[other] in problems for other in others)
    if skipped:
        left_out = [p.message for p in window.library.skipped]
        assert NODE_MODULES[language] in left_out and HIDDEN[language] in left_out
        assert not any(NODE_MODULES[o] in left_out or HIDDEN[o] in left_out for o in others)


def _assert_in(window: MainWindow, qtbot: QtBot, language: str) -> None:
    """Help › Library Problems, and the library behind the window, are in `language`."""
    text = _problems_box_text(qtbot, window)
    assert "broken.md" in text and BAD_YAML[language] in text and SHOWN_WITHOUT[language] in text
    _assert_library_in(window, language)


def test_a_french_start_after_an_english_one_shows_the_problems_in_french(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """English, then French, then English again, over the same library and data folder:
    each start's problems (front matter, folders left out) are in its own language, from
    the first paint on, whatever the caches the others left."""
    content, data = _library(tmp_path / "lib"), tmp_path / "data"
    english = _start(qtbot, content, data, "en")
    _assert_in(english, qtbot, "en")
    english.close()

    french = _start(qtbot, content, data, "fr")
    assert i18n.language() == "fr"
    _assert_in(french, qtbot, "fr")
    french.close()

    for language, restart in (("en", True), ("es", False), ("fr", True), ("en", True)):
        # Restarts read the snapshot and the scan cache their language left.
        window = _start(qtbot, content, data, language, restart=restart)
        _assert_in(window, qtbot, language)
        window.close()
