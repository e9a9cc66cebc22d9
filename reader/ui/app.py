"""Start the Qt application: the reader window, or an offscreen screenshot of it."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reader import __version__, startup_gc
from reader.core.data_folder import DataFolder
from reader.core.library import Library
from reader.core.pack import open_library
from reader.paths import resource
from reader.ui.context import AppContext, create_context, open_notes_in
from reader.ui.i18n import apply_language
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings

if TYPE_CHECKING:
    from reader.core.library_snapshot import Snapshot


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
    library: Library | None = None,
) -> MainWindow:
    """The main window over the library at `content`, keeping user data in `data_dir`.

    `library` is the library at `content` when the caller has opened it already.

    With `defer`, only the chapter is built before its first paint; highlights, notes,
    export, import and search are added right after it (a few milliseconds later), so the
    student sees the page as soon as a bare Qt window would show it.
    """
    create_files = not read_only_settings
    # The language first: whatever is made from here on (library problems too) is in it.
    apply_language(Settings(data_dir, read_only=True).language)
    folder = DataFolder(data_dir, shared_dir)
    cache = folder.library_cache(content) if create_files else None
    # A deferred restart trusts the snapshot of the last scan for its first paint
    # (reader/core/library_snapshot.py); the library is scanned right after it.
    snapshot = None
    if library is None and defer and create_files:
        snapshot = _read_snapshot(content, folder)
    context = _first_context(snapshot, chapter, data_dir, shared_dir)
    # A big library's first start reads only the chapter to show before the first paint;
    # the rest is read in the background right after it (then the features come).
    read_rest = False
    if context is None and library is None and defer and create_files:
        context = _first_start_context(content, chapter, data_dir, shared_dir)
        read_rest = context is not None
    if context is None:
        snapshot = None
        if library is None:
            # A folder, or a zip pack read in place; PackError when it cannot be used.
            library = open_library(content, cache)
        context = create_context(
            library, data_dir, read_only=read_only_settings, shared_dir=shared_dir
        )
    window = MainWindow(context, start_chapter=chapter)
    if not defer:
        install_features(window, create_files=create_files, sync_dir=sync_dir)
        startup_gc.resume()
        return window

    def after_paint() -> None:
        startup_gc.resume()  # paused by the command line while the Qt shell was imported
        if create_files:
            from reader.ui import library_check

            if read_rest:
                library_check.read_rest(
                    context,
                    window,
                    content,
                    lambda: install_features(window, create_files=True, sync_dir=sync_dir),
                )
                return
            if snapshot is not None:
                library_check.complete_library(context, snapshot)
            library_check.verify_library(context, window, content, scan=snapshot is not None)
        install_features(window, create_files=create_files, sync_dir=sync_dir)

    after_first_paint(window.view.viewport(), after_paint)
    return window


def _read_snapshot(content: Path, folder: DataFolder) -> Snapshot | None:
    from reader.core.library_snapshot import read_snapshot

    return read_snapshot(folder.library_snapshot(content), content.resolve())


def _first_context(
    snapshot: Snapshot | None, chapter: str | None, data_dir: Path, shared_dir: Path | None
) -> AppContext | None:
    """The context over the snapshot's chapters for the first paint, or None (scan now).

    None too when the chapter to show changed on disk since the snapshot: a scan then
    reads it (and everything else) as a start without a snapshot would.
    """
    if snapshot is None:
        return None
    first = snapshot.first_paint(chapter)
    if first is None or (chapter is not None and first[1].slug != chapter):
        return None
    context = create_context(first[0], data_dir, shared_dir=shared_dir, library_info=snapshot.info)
    if chapter is None and context.settings.last_chapter:
        first = snapshot.first_paint(context.settings.last_chapter) or first
    if not snapshot.unchanged(first[1]):
        return None
    context.replace_library(first[0], partial=True)
    return context


def _first_start_context(
    content: Path, chapter: str | None, data_dir: Path, shared_dir: Path | None
) -> AppContext | None:
    """The context over the first paint's chapters of a big library not read before.

    None (read the whole library now) for a small library, a pack that cannot be used
    (reading it says why) or a `chapter` asked for that its file's name does not give.
    """
    from reader.core.library_files import FolderFiles, LibraryFiles
    from reader.core.library_first import find_first

    files: LibraryFiles
    if content.is_dir():
        files = FolderFiles(content.resolve())
    else:
        from reader.core.pack import PackError
        from reader.core.zip_pack import is_zip, open_zip

        if not is_zip(content):
            return None
        try:
            files = open_zip(content)
        except PackError:
            return None
    first = find_first(files)
    made = first.first_paint(chapter) if first is not None else None
    if first is None or made is None or (chapter is not None and made[1].slug != chapter):
        files.close()
        return None
    context = create_context(made[0], data_dir, shared_dir=shared_dir)
    last = context.settings.last_chapter  # known once the library's identity is
    if chapter is None and last and made[0].by_slug(last) is None:
        made = first.first_paint(last) or made
    context.replace_library(made[0], partial=True)
    return context


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
    from reader.ui.language_menu import install_language_menu
    from reader.ui.library_feature import install_library_menu
    from reader.ui.navigation import install_navigation
    from reader.ui.print_feature import install_printing
    from reader.ui.profile_claim import window_closed_on
    from reader.ui.profiles_feature import install_profiles
    from reader.ui.search_feature import install_search

    context, features = window.context, window.features
    if create_files or context.data_folder.notes.exists():
        notes = open_notes_in(context.data_folder, context.library_id)
        context.attach_notes(notes)
        if notes.database is not None:
            window.destroyed.connect(notes.database.close)
        features.annotations = install_annotations(context, window)
    features.exchange = install_exchange(context, window, sync_dir=sync_dir, sync=create_files)
    features.navigation = install_navigation(context, window)
    features.help = install_help(context, window)
    install_language_menu(context, window)
    features.printing = install_printing(context, window)
    features.libraries = install_library_menu(
        context, window, window.library_menu, record=create_files
    )
    features.profiles = install_profiles(context, window, window_closed_on)
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
    content: Path | None,
    data_dir: Path,
    *,
    chapter: str | None = None,
    sync_dir: Path | None = None,
    portable: bool = False,
    notice: str | None = None,
    shared_dir: Path | None = None,
) -> int:
    """Open the reader window and run until it is closed.

    Without `content` the library open last is opened again (the bundled one when it is
    gone or unusable, saying why in the status bar); a `content` that cannot be opened
    raises PackError. When `shared_dir` is None and `data_dir` holds a list of readers
    (profiles), the student is asked who is reading first. In `portable` mode Qt's own
    settings (file dialog history) go to the data folder too; `notice` (say, why portable
    mode fell back) is shown once the window is up. A window that asks to be reopened
    (another library, another reader) is replaced by a new one in the same process.
    """
    app = application()
    if portable:
        from reader.ui.exchange_dialogs import keep_qt_settings_in

        keep_qt_settings_in(data_dir)
    fallback: Path | None = None  # what to show if a reopen's library cannot be opened
    if shared_dir is None and DataFolder(data_dir).profiles_registry.is_file():
        # Several readers share this data folder: ask who is reading before building a
        # window (the picker is imported only then, so a one-reader start does not pay).
        from reader.ui.profile_picker import pick_profile_at_start

        shared_dir = data_dir
        picked = pick_profile_at_start(shared_dir)
        if picked is None:
            return 0
        data_dir = picked
    while True:
        window, status = _open_window(
            app,
            content,
            data_dir,
            chapter=chapter,
            sync_dir=sync_dir,
            shared_dir=shared_dir,
            fallback=fallback,
        )
        if window is None:
            return status
        if notice:
            from reader.ui.plain import show_message

            show_message(window, "Field Reader", notice)
            notice = None
        status = app.exec()
        request = window.context.reopen_request
        fallback = window.library.root
        window.deleteLater()
        if request is None:
            return status
        content = request.content or fallback
        if request.data_dir is not None:
            data_dir, shared_dir = request.data_dir, request.shared_dir
        chapter = None


def _open_window(
    app: QApplication,
    content: Path | None,
    data_dir: Path,
    *,
    chapter: str | None,
    sync_dir: Path | None,
    shared_dir: Path | None,
    fallback: Path | None = None,
) -> tuple[MainWindow | None, int]:
    """Show the window over `content`, or hand `chapter` to the one already open there.

    A `content` that cannot be opened shows `fallback` instead, when there is one.
    """
    from reader.core.library_start import StartLibrary, choose_start_library, unusable_note
    from reader.core.pack import PackError
    from reader.paths import bundled_content_dir
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
    folder = DataFolder(data_dir, shared_dir)
    bundled = bundled_content_dir()

    def build(start: StartLibrary) -> MainWindow:
        return build_window(
            start.path,
            data_dir,
            chapter=chapter,
            sync_dir=sync_dir,
            defer=True,
            shared_dir=shared_dir,
            library=start.library,
        )

    # Only where the library is: it is read by build_window (from the snapshot of the
    # last scan when there is one, so that a big library's restart reads nothing).
    own_last = Settings(data_dir, read_only=True).last_library
    start = choose_start_library(
        content, folder.libraries_list, bundled, load=False, own_last=own_last
    )
    try:
        window = build(start)
    except PackError as error:
        if content is not None and fallback is None:
            instance.close()
            raise
        if content is None:
            # The library open last no longer opens: the bundled one, saying why.
            start = StartLibrary(bundled, note=unusable_note(start.title, error.message))
        else:
            start = StartLibrary(fallback or bundled, note=error.message)
        window = build(start)
    instance.serve(window)
    if os.environ.get("FIELD_READER_QUIT_AFTER_FIRST_PAINT"):
        # For measuring start-up (packaging/measure.py) and for tests of a whole session:
        # say when the chapter is painted, and leave once the features are installed and
        # the work they start at once (a sync) has been queued; the task runner finishes
        # its writes on the way out. quit() says aboutToQuit at once, which would cancel
        # what is not yet running, so it is asked for two turns of the event loop after
        # the paint.
        def painted() -> None:
            # The moment a student sees the chapter, on the clock every process shares.
            print(f"first paint at {time.monotonic():.6f}", file=sys.stderr, flush=True)
            QTimer.singleShot(0, lambda: QTimer.singleShot(0, app.quit))

        after_first_paint(window.view.viewport(), painted)
    window.show()
    if start.note:
        window.show_status(start.note, 30000)
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
    window.view.redraw_cards_now()  # missing figures' cards, at the size they are shown
    window.view.figures.wait(in_view=True)  # big figures decode on worker threads
    image = window.grab()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        print(f"field-reader: could not write {out}.", file=sys.stderr)
        return 1
    window.close()
    return 0
