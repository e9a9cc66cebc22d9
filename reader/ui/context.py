"""The application context: what the window and its features share, built once in app.py.

Features receive the context and the narrow window interface below (`ReaderWindow`)
instead of reaching into the window, and tell each other what happened through the
typed signals of `AppSignals` instead of calling each other.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow, QTabWidget

from reader.core.data_folder import DataFolder
from reader.core.document import ChapterDocument, DocumentCache
from reader.core.i18n import translate
from reader.core.library import Chapter, Library
from reader.core.library_info import BUNDLED_LIBRARY_ID, LibraryInfo
from reader.core.render_cache import RenderCache, render_cache_folder
from reader.ui.actions import ActionRegistry
from reader.ui.settings import Settings
from reader.ui.theme import Theme
from reader.ui.viewer import ChapterView

if TYPE_CHECKING:
    import tempfile

    # Type hints only: the notes and the search index are opened after the first paint,
    # and a start-up that shows the chapter first does not pay for their imports.
    from reader.core.search import SearchIndex
    from reader.storage.annotations import AnnotationStore
    from reader.storage.db import Database


log = logging.getLogger(__name__)


class NotesUnavailable(RuntimeError):
    """The notes file could not be opened or read, so no highlight can be read or changed."""


class AppSignals(QObject):
    """The one hub features talk through: each signal says what happened, not who listens."""

    # Ids of the annotations this window wrote (created, edited, deleted, restored), emitted
    # only after the write succeeded.
    notes_changed = Signal(list)
    # The stored notes changed beneath the window (an import, a sync, another program):
    # whatever shows or indexes notes reads them again.
    notes_replaced = Signal()
    # Ids an import or a sync of this window merged into the stored notes (on its own
    # connection, off the UI thread): the window shows them, search re-indexes only them.
    notes_merged = Signal(list)
    chapter_opened = Signal(str)  # slug; also when the same chapter is laid out again
    theme_changed = Signal(str)  # "light" or "dark"
    # The library was replaced (a chapter re-read after its file changed on disk): whatever
    # keeps the library reads context.library again.
    library_changed = Signal()
    # A jump (link, Contents, search result, note, next chapter) leaves this place: chapter
    # slug and the plain-text offset at the top of the view.
    place_left = Signal(str, int)


class ReaderWindow(Protocol):
    """What features need of the window: its view and sidebar, opening places, the status."""

    @property
    def view(self) -> ChapterView:
        """The chapter view."""
        ...

    @property
    def sidebar(self) -> QTabWidget:
        """The sidebar's tabs, where features add their panels."""
        ...

    @property
    def theme(self) -> Theme:
        """The active reading theme."""
        ...

    def as_widget(self) -> QMainWindow:
        """The window itself: the parent of dialogs, and where close events are watched."""
        ...

    def current_document(self) -> ChapterDocument | None:
        """The chapter being shown."""
        ...

    def open_chapter(
        self, slug: str, *, heading: str | None = None, offset: int | None = None
    ) -> bool:
        """Show a chapter, at a heading or plain-text offset; False if it cannot be shown."""
        ...

    def leave_place(self) -> None:
        """Say that a jump is about to leave the place shown (so Back can return to it)."""
        ...

    def show_status(self, message: str, timeout_ms: int = 0) -> None:
        """Show a passing message in the status bar."""
        ...

    def focus_contents(self) -> None:
        """Show the sidebar's Contents and put the keyboard focus there."""
        ...


class Notes:
    """The notes database and its store of one library's notes, or why there are none.

    `library_id` is the library whose notes the store reads and writes (the window's open
    library).
    """

    def __init__(
        self,
        database: Database | None,
        problem: str | None,
        *,
        library_id: str = BUNDLED_LIBRARY_ID,
    ) -> None:
        self.database = database
        self.problem = problem
        self.library_id = library_id
        self._store: AnnotationStore | None = None
        if database is not None:
            from reader.storage.annotations import AnnotationStore

            self._store = AnnotationStore(database, library_id)

    @property
    def store(self) -> AnnotationStore:
        """The annotation store; NotesUnavailable when the notes file could not be read."""
        # An explicit check, not an assert: `python -O` strips asserts, and callers rely on
        # this raising to tell the user instead of failing on None later.
        if self._store is None:
            raise NotesUnavailable(
                self.problem or translate("Context", "Your notes cannot be read.")
            )
        return self._store

    @property
    def readable(self) -> bool:
        """Whether the notes can be read."""
        return self._store is not None

    @property
    def writable(self) -> bool:
        """Whether highlights can be made and changed."""
        return self._store is not None and self.database is not None and not self.database.read_only

    def give_up(self, problem: str) -> None:
        """The notes file turned out unreadable: carry on without it, saying `problem`."""
        self._store = None
        self.problem = problem


def open_notes_in(folder: DataFolder, library_id: str = BUNDLED_LIBRARY_ID) -> Notes:
    """Open the notes database of a data folder (recovering a damaged one) for the notes of
    one library, and say how it went."""
    from reader.storage.db import StorageError
    from reader.storage.recovery import open_notes

    try:
        # open_notes rebuilds a damaged or empty file; db.notices says what it did.
        db = open_notes(folder.notes)
    except StorageError as error:
        return Notes(None, error.message, library_id=library_id)
    messages = [*db.notices, *([db.read_only_reason] if db.read_only_reason else [])]
    return Notes(db, "\n\n".join(messages) or None, library_id=library_id)


class ReopenRequest(NamedTuple):
    """Close this window and open another over a library or data folder (None: the same).

    Opening another library or switching to another reader's profile builds a fresh
    window and context rather than swapping parts of this one: everything that reads the
    library, the notes or the settings starts over, as at a start.
    """

    content: Path | None = None
    data_dir: Path | None = None
    shared_dir: Path | None = None


class AppContext:
    """The library, settings, document cache, data folder, notes, search index and hubs.

    Built once (`create_context`); the notes and the search index are attached once
    each, after the first paint, by `attach_notes` and `search_index()`.
    """

    def __init__(
        self,
        library: Library,
        data_folder: DataFolder,
        settings: Settings,
        documents: DocumentCache,
        *,
        read_only: bool = False,
        library_info: LibraryInfo | None = None,
    ) -> None:
        self._library = library
        self._library_info = library_info or _identify(library)
        self._data_folder = data_folder
        self._settings = settings
        self._documents = documents
        self._read_only = read_only
        self._notes: Notes | None = None
        self._index: SearchIndex | None = None
        self._temporary: tempfile.TemporaryDirectory[str] | None = None
        self.signals = AppSignals()
        self.actions = ActionRegistry()
        self.reopen_request: ReopenRequest | None = None
        # True while the library holds only the chapters of the first paint.
        self.library_partial = False

    @property
    def library(self) -> Library:
        """The library being read."""
        return self._library

    @property
    def library_info(self) -> LibraryInfo:
        """The open library's identity: its notes are the ones with its id."""
        return self._library_info

    @property
    def library_id(self) -> str:
        """The open library's id."""
        return self._library_info.id

    def replace_chapter(self, chapter: Chapter) -> None:
        """Put `chapter`, re-read from its file, in the place of the one with its slug.

        The library is immutable: a new one is made with the other chapters as they were,
        then library_changed says so.
        """
        chapters = tuple(chapter if c.slug == chapter.slug else c for c in self._library.chapters)
        if chapters == self._library.chapters:
            return
        self._library = self._library.replace(chapters=chapters)
        self.signals.library_changed.emit()

    def replace_library(self, library: Library, *, partial: bool = False) -> None:
        """Put a whole new library in place (a verified scan); library_changed says so.

        `partial` marks a library of just the chapters the first paint needs (from the
        snapshot of the last scan); the whole one replaces it right after.
        """
        self._library = library
        self.library_partial = partial
        self.signals.library_changed.emit()

    def request_reopen(self, request: ReopenRequest) -> None:
        """Ask for this window to be replaced by another once it has closed.

        The caller then closes the window (which saves its place and settings as ever);
        run_gui builds the new window in the same process.
        """
        self.reopen_request = request

    @property
    def data_folder(self) -> DataFolder:
        """Where every file the program writes lives."""
        return self._data_folder

    @property
    def data_dir(self) -> Path:
        """The data folder's path."""
        return self._data_folder.root

    @property
    def settings(self) -> Settings:
        """The reader's settings."""
        return self._settings

    @property
    def documents(self) -> DocumentCache:
        """Rendered chapters, cached in memory and on disk."""
        return self._documents

    @property
    def read_only(self) -> bool:
        """Whether this session must not create or change files (screenshots)."""
        return self._read_only

    def document_for(self, chapter: Chapter) -> ChapterDocument:
        """The rendered document of any chapter (cached)."""
        return self._documents.get(chapter)

    @property
    def notes(self) -> Notes | None:
        """The notes, once attached; None when this session has no notes file."""
        return self._notes

    def attach_notes(self, notes: Notes) -> None:
        """Set the notes, once."""
        if self._notes is not None:
            raise RuntimeError("the notes are attached once, when the features install")
        self._notes = notes

    def search_index(self) -> SearchIndex:
        """The search index, opened at the first call (a temporary one if the cache fails)."""
        if self._index is None:
            from reader.core.search import SearchIndex
            from reader.core.search_types import SearchIndexError

            try:
                self._index = SearchIndex(self._data_folder.search_cache)
            except SearchIndexError as error:
                # The index is only a cache: keep search working from a temporary one.
                log.warning("%s Using a temporary search index.", error)
                import tempfile  # only for this rare fallback: kept off the start-up path

                self._temporary = tempfile.TemporaryDirectory(prefix="field-reader-search-")
                self._index = SearchIndex(
                    Path(self._temporary.name) / self._data_folder.search_cache.name
                )
        return self._index


def _identify(library: Library) -> LibraryInfo:
    """The identity of `library`: the bundled one's fixed id, else its own."""
    from reader.core.pack_identity import identify_library
    from reader.paths import bundled_content_dir

    return identify_library(library, bundled_content_dir())


def create_context(
    library: Library,
    data_dir: Path,
    *,
    read_only: bool = False,
    shared_dir: Path | None = None,
    library_info: LibraryInfo | None = None,
) -> AppContext:
    """The context of a window over `library` that keeps user data in `data_dir`.

    `shared_dir` is the folder of what every profile shares, when `data_dir` is a profile's;
    `library_info` the library's identity when known (else it is worked out).
    """
    folder = DataFolder(data_dir, shared_dir)
    info = library_info or _identify(library)
    documents = DocumentCache(
        library.files,
        disk=RenderCache(render_cache_folder(data_dir), writable=not read_only),
    )
    # The places in the chapters, and the progress, are the open library's.
    settings = Settings(data_dir, read_only=read_only, library_id=info.id)
    return AppContext(library, folder, settings, documents, read_only=read_only, library_info=info)
