"""Start the Qt application: the reader window, or an offscreen screenshot of it."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reader import __version__
from reader.core.data_folder import DataFolder
from reader.core.pack import load_pack
from reader.paths import resource
from reader.ui.context import create_context, open_notes_in
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
    # PNG sizes, not the SVG: an SVG icon would load Qt's SVG libraries at every start.
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        path = resource("icons", f"field-reader-{size}.png")
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    if not icon.isNull():
        app.setWindowIcon(icon)
    return app


def build_window(
    content: Path,
    data_dir: Path,
    *,
    chapter: str | None = None,
    read_only_settings: bool = False,
    sync_dir: Path | None = None,
    defer: bool = False,
    shared_dir: Path | None = None,
) -> MainWindow:
    """The main window over the library at `content`, keeping user data in `data_dir`.

    With `defer`, only the chapter is built before its first paint; highlights, notes,
    export, import and search are added right after it (a few milliseconds later), so the
    student sees the page as soon as a bare Qt window would show it.
    """
    create_files = not read_only_settings
    cache = DataFolder(data_dir).library_cache if create_files else None
    library = load_pack(content, cache)  # a folder, or a zip pack read in place
    context = create_context(library, data_dir, read_only=read_only_settings, shared_dir=shared_dir)
    window = MainWindow(context, start_chapter=chapter)
    if not defer:
        install_features(window, create_files=create_files, sync_dir=sync_dir)
        return window
    after_first_paint(
        window.view.viewport(),
        lambda: install_features(window, create_files=create_files, sync_dir=sync_dir),
    )
    return window


class _FirstPaint(QObject):
    """Runs a callback once, from the event loop, after a widget's first paint."""

    def __init__(self, widget: QObject, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        self._quitting = False
        widget.installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            # A window closed right after its first paint must not start features (and
            # their threads) while the application is already on its way out.
            app.aboutToQuit.connect(self._quit)

    def _quit(self) -> None:
        self._quitting = True

    def _run(self) -> None:
        if not self._quitting:
            self._callback()
        self.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Schedule the callback on the first paint event, then stop watching."""
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._run)
        return False


def after_first_paint(widget: QObject, callback: Callable[[], None]) -> None:
    """Call `callback` once `widget` has been painted for the first time."""
    _FirstPaint(widget, callback)


def install_features(
    window: MainWindow, *, create_files: bool = True, sync_dir: Path | None = None
) -> None:
    """Add the features built on the window: notes, export and import, Back/Forward, search.

    Each feature registers its actions with the context; the menus are laid out once
    they all have. With `create_files` False (screenshots), a notes database is used only
    if it exists, the sync folder is left alone and search is not started.
    """
    # Imported here: a start-up that defers the features does not pay for their imports.
    from reader.ui.annotations_feature import install_annotations
    from reader.ui.exchange_feature import install_exchange
    from reader.ui.help_feature import install_help
    from reader.ui.navigation import install_navigation
    from reader.ui.print_feature import install_printing
    from reader.ui.search_feature import install_search

    context, features = window.context, window.features
    if create_files or context.data_folder.notes.exists():
        notes = open_notes_in(context.data_folder)
        context.attach_notes(notes)
        if notes.database is not None:
            window.destroyed.connect(notes.database.close)
        features.annotations = install_annotations(context, window)
    features.exchange = install_exchange(context, window, sync_dir=sync_dir, sync=create_files)
    features.navigation = install_navigation(context, window)
    features.help = install_help(context, window)
    features.printing = install_printing(context, window)
    if create_files:
        # Renderings of chapter versions long gone are deleted after the first paint.
        QTimer.singleShot(0, lambda: _prune_render_cache(window))
        features.search = install_search(context, window)
        if features.annotations is not None:
            # Notes become searchable; the context's signals keep them in step.
            features.search.set_notes_source(features.annotations.all_annotations)
    window.rebuild_menus()


def _prune_render_cache(window: MainWindow) -> None:
    from reader.core.render_cache import RenderCache, render_cache_folder

    keep = {chapter.content_hash for chapter in window.library.chapters}
    RenderCache(render_cache_folder(window.data_dir)).prune(keep)


def run_gui(
    content: Path,
    data_dir: Path,
    *,
    chapter: str | None = None,
    sync_dir: Path | None = None,
    portable: bool = False,
    notice: str | None = None,
    shared_dir: Path | None = None,
) -> int:
    """Open the reader window and run until it is closed.

    In `portable` mode Qt's own settings (file dialog history) go to the data folder too;
    `notice` (say, why portable mode fell back) is shown once the window is up. A window
    that asks to be reopened (another library, another reader) is replaced by a new one
    in the same process.
    """
    app = application()
    if portable:
        from reader.ui.exchange_dialogs import keep_qt_settings_in

        keep_qt_settings_in(data_dir)
    while True:
        window, status = _open_window(
            app, content, data_dir, chapter=chapter, sync_dir=sync_dir, shared_dir=shared_dir
        )
        if window is None:
            return status
        if notice:
            from reader.ui.plain import show_message

            show_message(window, "Field Reader", notice)
            notice = None
        status = app.exec()
        request = window.context.reopen_request
        window.deleteLater()
        if request is None:
            return status
        content = request.content or content
        if request.data_dir is not None:
            data_dir, shared_dir = request.data_dir, request.shared_dir
        chapter = None


def _open_window(
    app: QApplication,
    content: Path,
    data_dir: Path,
    *,
    chapter: str | None,
    sync_dir: Path | None,
    shared_dir: Path | None,
) -> tuple[MainWindow | None, int]:
    """Show the window over `content`, or hand `chapter` to the one already open there."""
    from reader.ui.single_instance import SingleInstance

    # One window per data folder: a second one would be a second writer of the notes.
    instance = SingleInstance(data_dir, app)
    handed_off = instance.hand_off(chapter)
    if handed_off is None and not instance.listen():
        # Another start claimed the folder between the two steps: hand over to it. When
        # no channel could be made at all (sockets refused), this window is the only one.
        handed_off = instance.hand_off(chapter)
    if handed_off is not None:
        print(handed_off)
        return None, 0
    app.aboutToQuit.connect(instance.close)
    window = build_window(
        content, data_dir, chapter=chapter, sync_dir=sync_dir, defer=True, shared_dir=shared_dir
    )
    instance.serve(window)
    if os.environ.get("FIELD_READER_QUIT_AFTER_FIRST_PAINT"):
        # For measuring start-up (packaging/measure.py): leave once the chapter is painted.
        after_first_paint(window.view.viewport(), app.quit)
    window.show()
    return window, 0


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
    window.view.figures.wait(in_view=True)  # big figures decode on worker threads
    image = window.grab()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        print(f"field-reader: could not write {out}.", file=sys.stderr)
        return 1
    window.close()
    return 0
