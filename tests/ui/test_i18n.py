"""The interface language: the window opens in French and in Spanish, View › Language
switches it (reopening the window at the same place) and the choice survives a restart."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu
from pytestqt.qtbot import QtBot

from reader.core.data_folder import DataFolder
from reader.core.i18n import translate
from reader.paths import resource
from reader.ui.app import application, build_window, run_gui
from reader.ui.help_window import GUIDE_FILE, load_guide
from reader.ui.i18n import apply_language, interface_language
from reader.ui.main_window import MainWindow

ENGLISH_MENUS = ["&File", "&Library", "&View", "&Go", "&Notes", "&Search", "&Help"]


def _menus_in(language: str) -> list[str]:
    """The menu bar's titles as the shipped translation of `language` has them."""
    ts = resource("translations", f"field-reader_{language}.ts")
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        if context.findtext("name") == "WindowMenus":
            for message in context.iter("message"):
                found[message.findtext("source")] = message.findtext("translation") or ""
    return [found.get(title, "") for title in ENGLISH_MENUS]


MENU_TITLES = {
    "en": ENGLISH_MENUS,
    "fr": _menus_in("fr"),
}
CLOSE_BUTTON = {"fr": "Fermer", "es": "Cerrar"}
# The offscreen platform cannot raise a window or grab the keyboard for a menu.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    """Translators are the application's: leave it in English for the other tests."""
    yield
    apply_language("en")


def _choose_language(data_dir: Path, choice: str) -> None:
    settings = QSettings(str(DataFolder(data_dir).settings), QSettings.Format.IniFormat)
    settings.setValue("interface/language", choice)
    settings.sync()


def _menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def _open(qtbot: QtBot, content: Path, data_dir: Path) -> MainWindow:
    application()
    window = build_window(content, data_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_window_opens_in_the_chosen_language(
    qtbot: QtBot, seed_library: Path, data_dir: Path, language: str
) -> None:
    _choose_language(data_dir, language)
    window = _open(qtbot, seed_library, data_dir)
    assert interface_language() == language
    titles = _menu_titles(window)[: len(ENGLISH_MENUS)]
    expected = _menus_in(language)
    assert titles == expected
    assert all(expected) and expected != ENGLISH_MENUS
    # Qt's own buttons come from Qt's translation of the same language.
    help_feature = window.features.help
    assert help_feature is not None
    help_feature.show_about()
    about = help_feature.about_window
    assert about is not None
    buttons = about.findChild(QDialogButtonBox)
    assert buttons is not None
    close = buttons.button(QDialogButtonBox.StandardButton.Close)
    assert close.text().replace("&", "") == CLOSE_BUTTON[language]
    about.close()


def test_english_loads_no_translation(qtbot: QtBot, seed_library: Path, data_dir: Path) -> None:
    apply_language("fr")  # a translator from before is removed, not kept
    _choose_language(data_dir, "en")
    window = _open(qtbot, seed_library, data_dir)
    assert _menu_titles(window)[: len(ENGLISH_MENUS)] == MENU_TITLES["en"]
    assert not QApplication.instance().findChildren(QTranslator)


def test_each_french_menu_has_unique_accelerators(
    qtbot: QtBot, seed_library: Path, data_dir: Path
) -> None:
    _choose_language(data_dir, "fr")
    window = _open(qtbot, seed_library, data_dir)
    menus: list[QMenu] = [window.menuBar()]  # type: ignore[list-item]
    seen_menus = 0
    while menus:
        menu = menus.pop()
        seen_menus += 1
        letters = [
            found.group(1).lower()
            for action in menu.actions()
            if not action.isSeparator()
            and (found := re.search(r"&(\w)", action.text())) is not None
        ]
        name = menu.title() if isinstance(menu, QMenu) else "the menu bar"
        assert len(letters) == len(set(letters)), f"{name}: {letters}"
        menus.extend(a.menu() for a in menu.actions() if isinstance(a.menu(), QMenu))
    assert seen_menus > 8


def test_plurals_follow_the_interface_language(qtbot: QtBot) -> None:
    application()
    apply_language("fr")
    assert translate("FindBar", "%n match(es)", None, 1) == "1 occurrence"
    assert translate("FindBar", "%n match(es)", None, 0) == "0 occurrence"
    assert translate("FindBar", "%n match(es)", None, 3) == "3 occurrences"
    apply_language("en")
    assert translate("FindBar", "%n match(es)", None, 0) == "0 matches"
    assert translate("FindBar", "%n match(es)", None, 1) == "1 match"


def _pick_from_language_menu(qtbot: QtBot, window: MainWindow, label: str) -> None:
    """Open View › Language and choose `label` with the arrow keys and Enter."""
    menu = window.findChild(QMenu, "languageMenu")
    assert menu is not None
    menu.popup(window.mapToGlobal(QPoint(40, 40)))
    qtbot.waitUntil(menu.isVisible)
    for _ in range(len(menu.actions()) + 1):
        active = menu.activeAction()
        if active is not None and active.text().replace("&", "") == label:
            break
        qtbot.keyClick(menu, Qt.Key.Key_Down)
    else:
        raise AssertionError(f"{label!r} is not in the Language menu")
    qtbot.keyClick(menu, Qt.Key.Key_Return)


def test_view_language_reopens_the_window_in_french_at_the_same_place_and_remembers_it(
    qapp: QApplication, qtbot: QtBot, seed_library: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    _choose_language(data_dir, "en")
    seen: list[tuple[list[str], str, int]] = []

    def windows() -> list[MainWindow]:
        shown = QApplication.topLevelWidgets()
        return [w for w in shown if isinstance(w, MainWindow) and w.isVisible()]

    def step() -> None:
        found = windows()
        if not found or found[0].findChild(QMenu, "languageMenu") is None:
            QTimer.singleShot(20, step)  # the menu comes with the features, after the paint
            return
        window = found[0]
        document = window.current_document()
        assert document is not None
        if not seen:
            window.view.verticalScrollBar().setValue(window.view.verticalScrollBar().maximum())
            qapp.processEvents()
        seen.append(
            (
                _menu_titles(window)[: len(ENGLISH_MENUS)],
                document.chapter.slug,
                window.view.top_offset(),
            )
        )
        if len(seen) == 1:
            _pick_from_language_menu(qtbot, window, "Français")
        else:
            window.close()
        QTimer.singleShot(20, step) if len(seen) == 1 else None

    QTimer.singleShot(20, step)
    assert run_gui(seed_library, data_dir) == 0
    assert [titles for titles, _, _ in seen] == [MENU_TITLES["en"], MENU_TITLES["fr"]]
    (_, slug, offset), (_, slug_after, offset_after) = seen
    assert slug_after == slug and offset > 0 and offset_after == offset

    # A restart opens in French: the choice was saved.
    seen.clear()

    def once() -> None:
        found = windows()
        if not found or found[0].findChild(QMenu, "languageMenu") is None:
            QTimer.singleShot(20, once)
            return
        seen.append((_menu_titles(found[0])[: len(ENGLISH_MENUS)], "", 0))
        found[0].close()

    QTimer.singleShot(20, once)
    assert run_gui(seed_library, data_dir) == 0
    assert seen[0][0] == MENU_TITLES["fr"]
    settings = QSettings(str(DataFolder(data_dir).settings), QSettings.Format.IniFormat)
    assert settings.value("interface/language") == "fr"


def test_the_guide_opens_in_the_interface_language_when_translated(tmp_path: Path) -> None:
    (tmp_path / GUIDE_FILE).write_text("# Using Field Reader\n\nEnglish guide.\n", "utf-8")
    assert "English guide" in load_guide(tmp_path, "fr").html
    (tmp_path / "using-field-reader.fr.md").write_text("# Utiliser\n\nGuide français.\n", "utf-8")
    assert "Guide français" in load_guide(tmp_path, "fr").html
    assert "English guide" in load_guide(tmp_path, "es").html
    assert "English guide" in load_guide(tmp_path, "en").html
