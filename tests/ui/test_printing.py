"""Save as PDF from the File menu, driven with keys; page sizes, figures and bookmarks."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from helpers import write_chapter, write_png
from pypdf import PdfReader
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtWidgets import QApplication, QComboBox, QRadioButton
from pytestqt.qtbot import QtBot
from ui_helpers import (
    WindowFactory,
    annotations_of,
    answer_file_dialog,
    from_file_menu,
    select,
    shown_dialog,
)

from reader.core.library_scan import load_library
from reader.core.print_html import print_library
from reader.ui.print_feature import PrintOptionsDialog
from reader.ui.printing import MARGIN_MM, page_layout, page_size_for, write_pdf

PHRASE = "infectious diseases"
NOTE = "Ask about cholera <today> & tomorrow"
# Menus and dialogs make the offscreen platform say it cannot raise windows or grab the
# keyboard: the test platform's limit, not the reader's doing.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


def squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def test_save_as_pdf_of_all_chapters_with_footnotes(
    open_window: WindowFactory, qtbot: QtBot, seed_library: Path, data_dir: Path
) -> None:
    write_chapter(seed_library, "zz-extra.md", "Field Notes", "# Field Notes\n\nA short one.\n")
    window = open_window(seed_library, data_dir, chapter="human-security", size=(1100, 760))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    select(window, PHRASE)
    assert annotations_of(window).highlight_selection("pink", note=NOTE) is not None
    labels = [a.text().replace("&", "") for a in window.file_menu.actions() if a.text()]
    # Print and Save as PDF come after the notes' Export/Import/Sync, before the readers
    # and Quit.
    assert labels[-5:] == ["Print…", "Save as PDF…", "Switch Reader…", "Manage Readers…", "Quit"]

    from_file_menu(qtbot, window, "Save as PDF…")
    dialog = shown_dialog(qtbot, window, PrintOptionsDialog)
    radios = {r.text().split(":")[0].replace("&", ""): r for r in dialog.findChildren(QRadioButton)}
    assert radios["This chapter"].isChecked() and "Human Security" in radios["This chapter"].text()
    radios["This chapter"].setFocus()
    qtbot.waitUntil(radios["This chapter"].hasFocus)
    qtbot.keyClick(radios["This chapter"], Qt.Key.Key_Down)
    assert radios["All chapters"].isChecked()
    combo = dialog.findChild(QComboBox)
    assert combo is not None
    qtbot.keyClick(radios["All chapters"], Qt.Key.Key_Tab)
    qtbot.waitUntil(combo.hasFocus)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert dialog.choice() == (False, "footnotes")

    target = Path.home() / "course.pdf"
    answered = answer_file_dialog("course")  # the .pdf is added
    qtbot.keyClick(combo, Qt.Key.Key_Return)  # the dialog's default button
    qtbot.waitUntil(target.exists, timeout=15000)
    assert answered == ["Save as PDF"]
    reader = PdfReader(target)
    text = squash(" ".join(page.extract_text() or "" for page in reader.pages))
    assert squash(NOTE) in text and "FieldNotes" in text and "Governance" in text
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles == ["Human Security", "Field Notes"]
    qtbot.waitUntil(lambda: "Saved " in window.statusBar().currentMessage())
    assert str(target) in window.statusBar().currentMessage()


def test_cancelling_the_options_writes_nothing(
    open_window: WindowFactory, qtbot: QtBot, seed_library: Path, data_dir: Path
) -> None:
    window = open_window(seed_library, data_dir, chapter="human-security", size=(1100, 760))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    from_file_menu(qtbot, window, "Save as PDF…")
    dialog = shown_dialog(qtbot, window, PrintOptionsDialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert QApplication.activeModalWidget() is None
    assert list(Path.home().glob("*.pdf")) == []


@pytest.mark.parametrize(
    ("locale", "size"),
    [
        ("en_US", QPageSize.PageSizeId.Letter),
        ("fr_CA", QPageSize.PageSizeId.Letter),
        ("es_MX", QPageSize.PageSizeId.Letter),
        ("en_GB", QPageSize.PageSizeId.A4),
        ("de_DE", QPageSize.PageSizeId.A4),
        ("sw_KE", QPageSize.PageSizeId.A4),
    ],
)
def test_page_size_follows_the_locale(
    qapp: QApplication, locale: str, size: QPageSize.PageSizeId
) -> None:
    assert page_size_for(QLocale(locale)).id() == size
    margins = page_layout(QLocale(locale)).margins(QPageLayout.Unit.Millimeter)
    assert round(margins.left()) == round(margins.bottom()) == MARGIN_MM


def test_figures_are_decoded_at_print_size_and_missing_ones_named(
    qapp: QApplication, tmp_path: Path
) -> None:
    root = tmp_path / "library"
    root.mkdir()
    write_png(root / "wide.png", 4000, 100)
    write_png(root / "small.png", 40, 20)
    body = "# Figures\n\n![Wide](wide.png)\n\n![Small](small.png)\n\n![Lost](lost.png)\n"
    write_chapter(root, "figures.md", "Figures", body)
    library = load_library(root)
    out = tmp_path / "figures.pdf"
    write_pdf(print_library(library, []), out, layout=page_layout(QLocale("de_DE")))
    page = PdfReader(out).pages[0]
    objects = page["/Resources"]["/XObject"]
    widths = sorted(int(objects[name].get_object()["/Width"]) for name in objects)
    # The A4 column is 174 mm: about 2,055 pixels at 300 dpi, not the file's 4,000; a small
    # figure is never blown up; the missing figure is a drawn card naming it.
    assert len(widths) == 3 and widths[0] == 40
    assert 1900 <= widths[-1] <= 2100
