"""Help in the program: the guide (F1), Keyboard Shortcuts (Ctrl+/) and About, driven by keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QAction, QDesktopServices, QImage, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QTreeWidget, QWidget
from pytestqt.qtbot import QtBot
from ui_helpers import WindowFactory, link_cursor

from reader import __version__
from reader.paths import help_dir
from reader.ui.about_window import OFFLINE_LINE, AboutWindow, license_line
from reader.ui.actions import make_action
from reader.ui.help_feature import HelpFeature
from reader.ui.help_window import GUIDE_FILE, HelpView, HelpWindow, load_guide
from reader.ui.main_window import MainWindow
from reader.ui.shortcuts_window import (
    ShortcutsWindow,
    collect_shortcuts,
    find_clashes,
    strip_mnemonic,
)
from reader.ui.theme import THEMES

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
NATIVE = QKeySequence.SequenceFormat.NativeText


@pytest.fixture
def window(open_window: WindowFactory, seed_library: Path, data_dir: Path) -> MainWindow:
    """The real window over the seed chapter, active, with the keyboard in the text."""
    opened = open_window(seed_library, data_dir, size=(1000, 700))
    opened.activateWindow()
    opened.view.setFocus()
    return opened


def help_of(window: MainWindow) -> HelpFeature:
    """The window's help feature."""
    feature = window.features.help
    assert isinstance(feature, HelpFeature)
    return feature


def guide_via_f1(qtbot: QtBot, window: MainWindow) -> HelpWindow:
    """Press F1 in the text and wait for the guide."""
    qtbot.keyClick(window.view, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: help_of(window).guide_window is not None)
    guide = help_of(window).guide_window
    assert guide is not None
    qtbot.waitUntil(guide.isVisible)
    return guide


def shortcuts_via_keys(qtbot: QtBot, window: MainWindow) -> ShortcutsWindow:
    """Press Ctrl+/ in the text and wait for the Keyboard Shortcuts window."""
    qtbot.keyClick(window.view, Qt.Key.Key_Slash, CTRL)
    qtbot.waitUntil(lambda: help_of(window).shortcuts_window is not None)
    shown = help_of(window).shortcuts_window
    assert shown is not None
    qtbot.waitUntil(shown.isVisible)
    return shown


def link_point(view: HelpView, href: str) -> tuple[int, int]:
    """The viewport point in the middle of the first link to `href`, scrolled into view."""
    cursor = link_cursor(view, href)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    center = view.cursorRect(cursor).center()
    return center.x(), center.y()


# -- the guide -----------------------------------------------------------------------------


def test_f1_opens_the_guide_with_its_pictures_and_esc_closes_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    guide = guide_via_f1(qtbot, window)
    rendered = guide.view.rendered
    assert rendered is not None
    ids = {h.id for h in rendered.headings}
    assert {"highlights-and-notes", "the-notes-panel", "keyboard-shortcuts"} <= ids
    # Every picture the guide names is shipped and decodes for the column.
    assert len(rendered.images) >= 3
    for index, ref in enumerate(rendered.images):
        assert ref.status == "found", ref.src
        assert ref.path is not None and ref.path.parent == help_dir() / "images"
        image = guide.view.loadResource(2, QUrl(f"image:{index}"))  # 2: ImageResource
        assert isinstance(image, QImage) and not image.isNull()
        assert image.width() / image.devicePixelRatio() <= guide.view.column_width() + 1
    # The guide is not a chapter of the library.
    assert [c.slug for c in window.library.chapters] == ["human-security"]
    assert guide.view.accessibleName() == "Using Field Reader"
    qtbot.keyClick(guide.view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not guide.isVisible())
    # F1 again brings back the same window.
    assert guide_via_f1(qtbot, window) is guide


def test_guide_links_to_headings_scroll_and_web_links_open_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    guide = guide_via_f1(qtbot, window)
    guide.resize(820, 500)
    view = guide.view
    bar = view.verticalScrollBar()
    bar.setValue(0)
    x, y = link_point(view, "#the-notes-panel")
    before = bar.value()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, y))
    qtbot.waitUntil(lambda: bar.value() > before + 100)
    top = view.cursorForPosition(QPoint(10, 10))
    assert "Notes panel" in top.block().text() or "Ctrl+2" in top.block().text()

    opened: list[QUrl] = []

    class Catcher(QObject):
        @Slot(QUrl)
        def open(self, url: QUrl) -> None:
            opened.append(url)

    catcher = Catcher()
    for scheme in ("http", "https", "file"):
        QDesktopServices.setUrlHandler(scheme, catcher, "open")
    try:
        at = bar.value()
        view.anchorClicked.emit(QUrl("https://example.org/"))
        view.anchorClicked.emit(QUrl("file:///etc/passwd"))
        QApplication.processEvents()
        assert opened == []
        assert bar.value() == at
    finally:
        for scheme in ("http", "https", "file"):
            QDesktopServices.unsetUrlHandler(scheme)


def test_guide_follows_the_theme(qtbot: QtBot, window: MainWindow) -> None:
    guide = guide_via_f1(qtbot, window)
    assert THEMES["light"].text in guide.view.document().defaultStyleSheet()
    window.activateWindow()
    qtbot.keyClick(window.view, Qt.Key.Key_L, CTRL_SHIFT)
    # Ctrl+Shift+L goes from light to sepia.
    qtbot.waitUntil(lambda: THEMES["sepia"].text in guide.view.document().defaultStyleSheet())
    assert guide.view.rendered is not None and guide.view.document().toPlainText()


def test_guide_keeps_a_readable_column_in_a_wide_window(qtbot: QtBot, window: MainWindow) -> None:
    guide = guide_via_f1(qtbot, window)
    guide.resize(1600, 700)
    qtbot.waitUntil(lambda: guide.view.viewport().width() < 900)
    narrow_x = guide.view.viewport().x()
    assert narrow_x > 300  # the margins centre the column
    guide.resize(600, 700)
    qtbot.waitUntil(lambda: guide.view.viewport().x() == 0)
    assert guide.view.column_width() <= 600


def test_guide_pictures_resolve_inside_the_help_folder_only(tmp_path: Path) -> None:
    folder = tmp_path / "help"
    (folder / "images").mkdir(parents=True)
    (tmp_path / "outside.png").write_bytes(b"\x89PNG")
    QImage(4, 4, QImage.Format.Format_RGB32).save(str(folder / "images" / "a.png"))
    (folder / GUIDE_FILE).write_text(
        "# Guide\n\n![in](images/a.png)\n\n![out](../outside.png)\n", encoding="utf-8"
    )
    rendered = load_guide(folder)
    statuses = [(ref.src, ref.status) for ref in rendered.images]
    assert statuses[0] == ("images/a.png", "found")
    assert statuses[1][1] != "found"


def test_a_missing_guide_opens_a_page_saying_so(tmp_path: Path) -> None:
    rendered = load_guide(tmp_path)
    assert "could not be read" in rendered.html
    assert GUIDE_FILE in rendered.html
    assert "notes are not affected" in rendered.html


# -- keyboard shortcuts ------------------------------------------------------------------


def live_actions(window: MainWindow) -> list[QAction]:
    """Every action of the window with keys, found independently of the shortcuts module."""
    return [
        action
        for action in window.findChildren(QAction)
        if action.shortcuts()
        and (window in action.associatedObjects() or action.menu() is None)
        and any(isinstance(o, QWidget) for o in action.associatedObjects())
    ]


def test_every_key_of_the_window_is_listed_and_none_clashes(
    qtbot: QtBot, window: MainWindow
) -> None:
    shown = shortcuts_via_keys(qtbot, window)
    rows = shown.visible_entries()
    listed = {(text, keys) for _group, text, keys in rows}
    actions = live_actions(window)
    assert len(actions) >= 20
    for action in actions:
        keys = ",  ".join(k.toString(NATIVE) for k in action.shortcuts())
        assert (strip_mnemonic(action.text()), keys) in listed, action.text()
    groups = [group for group, _text, _keys in rows]
    assert {"File", "View", "Go", "Notes", "Search", "Help"} <= set(groups)
    assert ("Help", "Keyboard Shortcuts", "Ctrl+/") in rows
    assert ("Help", "Using Field Reader") in {(g, t) for g, t, _k in rows}
    assert any(text == "Close the find bar" for _g, text, _k in rows)
    assert not any("&" in text.replace("&&", "") for _g, text, _k in rows)
    assert find_clashes(collect_shortcuts(window)) == {}


def test_a_clash_is_found_and_a_new_action_is_listed_when_the_window_reopens(
    qtbot: QtBot, window: MainWindow
) -> None:
    shown = shortcuts_via_keys(qtbot, window)
    qtbot.keyClick(shown.filter_field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shown.isVisible())
    make_action(window, "&Mark Twice", lambda: None, "Ctrl+H")
    clashes = find_clashes(collect_shortcuts(window))
    assert sorted(clashes["Ctrl+H"]) == ["Notes > Highlight Selection", "Window > Mark Twice"]
    window.activateWindow()
    again = shortcuts_via_keys(qtbot, window)
    assert again is shown
    assert ("Window", "Mark Twice", "Ctrl+H") in again.visible_entries()


def test_the_filter_narrows_the_list_as_you_type(qtbot: QtBot, window: MainWindow) -> None:
    shown = shortcuts_via_keys(qtbot, window)
    total = len(shown.visible_entries())
    qtbot.keyClicks(shown.filter_field, "highlight")
    narrowed = shown.visible_entries()
    assert 0 < len(narrowed) < total
    assert all("highlight" in f"{group} {text} {keys}".lower() for group, text, keys in narrowed)
    for _ in "highlight":
        qtbot.keyClick(shown.filter_field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(shown.filter_field, "ctrl+shift+f")
    assert [text for _g, text, _k in shown.visible_entries()] == ["Search All Chapters…"]
    shown.filter_field.clear()
    qtbot.keyClicks(shown.filter_field, "zzzz")
    assert shown.visible_entries() == []
    empty = shown.findChild(QLabel, "shortcutsEmpty")
    assert empty is not None and empty.isVisible() and "zzzz" in empty.text()
    shown.filter_field.clear()
    assert len(shown.visible_entries()) == total
    qtbot.keyClick(shown.filter_field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shown.isVisible())


# -- about -------------------------------------------------------------------------------


class FileOpener(QObject):
    """Stands in for the file manager: records the file URLs it is asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        """Record `url`."""
        self.urls.append(url)


@pytest.fixture
def file_opener() -> object:
    """A handler for file: URLs, so that no file manager opens during the test."""
    opener = FileOpener()
    QDesktopServices.setUrlHandler("file", opener, "open")
    yield opener
    QDesktopServices.unsetUrlHandler("file")


def about_from_menu(qtbot: QtBot, window: MainWindow) -> AboutWindow:
    """Trigger Help > About Field Reader as the menu does."""
    entries = {a.text(): a for a in window.findChildren(QAction)}
    entries["&About Field Reader"].trigger()
    shown = help_of(window).about_window
    assert shown is not None
    qtbot.waitUntil(shown.isVisible)
    return shown


def test_about_says_what_this_is_and_opens_the_data_folder(
    qtbot: QtBot, window: MainWindow, data_dir: Path, file_opener: FileOpener
) -> None:
    about = about_from_menu(qtbot, window)
    texts = [label.text() for label in about.findChildren(QLabel)]
    assert f"Field Reader {__version__}" in texts
    assert "MIT License" in texts
    assert str(data_dir) in texts
    assert OFFLINE_LINE in texts
    assert any(t.startswith("3.") and "on" in t for t in texts)  # Python
    qtbot.mouseClick(about.open_button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in file_opener.urls] == [str(data_dir)]
    assert about.status_text == ""
    qtbot.keyClick(about.open_button, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not about.isVisible())


def test_about_with_a_data_folder_not_made_yet_says_so(
    qtbot: QtBot, tmp_path: Path, file_opener: FileOpener
) -> None:
    missing = tmp_path / "not-yet"
    about = AboutWindow(missing, THEMES["light"])
    qtbot.addWidget(about)
    about.show()
    qtbot.mouseClick(about.open_button, Qt.MouseButton.LeftButton)
    assert file_opener.urls == []
    assert "does not exist yet" in about.status_text and str(missing) in about.status_text


def test_license_line_reads_the_first_line_or_says_it_is_missing(tmp_path: Path) -> None:
    licence = tmp_path / "LICENSE"
    licence.write_text("\nMIT License\n\nCopyright\n", encoding="utf-8")
    assert license_line(licence) == "MIT License"
    assert license_line() == "MIT License"  # the repository's own
    assert "missing" in license_line(tmp_path / "nothing")


# -- accessibility -----------------------------------------------------------------------


def test_every_control_of_the_help_windows_has_an_accessible_name(
    qtbot: QtBot, window: MainWindow, file_opener: FileOpener
) -> None:
    guide = guide_via_f1(qtbot, window)
    window.activateWindow()
    shortcuts = shortcuts_via_keys(qtbot, window)
    about = about_from_menu(qtbot, window)
    for dialog in (guide, shortcuts, about):
        assert dialog.accessibleName() and dialog.accessibleDescription()
        controls = [
            w
            for kind in (QLineEdit, QPushButton, QTreeWidget, HelpView)
            for w in dialog.findChildren(kind)
            if w.focusPolicy() != Qt.FocusPolicy.NoFocus
        ]
        assert controls, dialog.objectName()
        for control in controls:
            assert control.accessibleName(), (dialog.objectName(), type(control).__name__)
            assert control.accessibleDescription(), (dialog.objectName(), control.accessibleName())
