"""Start the Qt application: the reader window, or an offscreen screenshot of it."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reader import __version__
from reader.core.library import load_library
from reader.paths import resource
from reader.ui.annotations_feature import NOTES_FILE, install_annotations
from reader.ui.main_window import MainWindow


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once with the reader's name and icon."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setApplicationName("Field Reader")
    QCoreApplication.setApplicationVersion(__version__)
    QCoreApplication.setOrganizationName("field-reader")
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setDesktopFileName("field-reader")
    icon = resource("icons", "field-reader.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def build_window(
    content: Path, data_dir: Path, *, chapter: str | None = None, read_only_settings: bool = False
) -> MainWindow:
    """The main window over the library at `content`, keeping user data in `data_dir`."""
    library = load_library(content)
    window = MainWindow(
        library, data_dir, start_chapter=chapter, read_only_settings=read_only_settings
    )
    install_features(window, create_files=not read_only_settings)
    return window


def install_features(window: MainWindow, *, create_files: bool = True) -> None:
    """Add the features built on the window: highlights and notes.

    With `create_files` False (screenshots), a notes database is used only if it exists.
    """
    if create_files or (window.data_dir / NOTES_FILE).exists():
        window.features["annotations"] = install_annotations(window)


def run_gui(content: Path, data_dir: Path, *, chapter: str | None = None) -> int:
    """Open the reader window and run until it is closed."""
    app = application()
    window = build_window(content, data_dir, chapter=chapter)
    window.show()
    return app.exec()


def take_screenshot(
    content: Path,
    data_dir: Path,
    out: Path,
    *,
    size: tuple[int, int],
    chapter: str | None,
    heading: str | None,
    theme: str | None,
) -> int:
    """Render the real window offscreen at `size` and save it to `out` as a PNG."""
    app = application()
    window = build_window(content, data_dir, chapter=chapter, read_only_settings=True)
    if theme:
        window.set_theme(theme)
    window.resize(*size)
    window.show()
    app.processEvents()
    if heading is not None:
        doc = window.current_document()
        if doc is None or heading not in {h.id for h in doc.rendered.headings}:
            print(f"field-reader: the chapter has no heading with id {heading!r}.", file=sys.stderr)
            return 2
        window.open_location(doc.chapter.slug, heading)
        app.processEvents()
    image = window.grab()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        print(f"field-reader: could not write {out}.", file=sys.stderr)
        return 1
    window.close()
    return 0
