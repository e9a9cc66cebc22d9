"""Watches the open chapter's file and shows it again, in place, when it changes on disk.

An author editing a chapter beside the reader sees each save a moment later: the chapter
is read again, rendered, its highlights placed on the new text, and the paragraph at the
top of the view stays there (reader/ui/place_keeper.py). Editors save in several steps
(truncate and write, or write a new file and rename it over the old one), so the watch
waits until the file has been quiet for a moment; a file that cannot be read or used any
more keeps the version shown, and the status bar says why.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Slot

from reader.core.i18n import translate
from reader.core.library import Chapter, ChapterChangedError

if TYPE_CHECKING:
    from reader.core.document import ChapterDocument
    from reader.ui.context import AppContext

# Quiet time after the last change before the file is read again (editors write in steps).
DEBOUNCE_MS = 300
_STATUS_MS = 15000


class ChapterUnreadable(Exception):
    """A chapter's file can no longer be read or used; `message` says why, in words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def revise_chapter(chapter: Chapter) -> Chapter:
    """`chapter` as its file reads now, keeping its slug, parent, part and place in the order.

    Raises ChapterUnreadable when the file is gone, unreadable, too large or not UTF-8.
    """
    # Imported when a file changes: the reading code is not needed before that.
    from reader.core.library_scan import BadChapterError, read_chapter

    try:
        fresh = read_chapter(chapter.path, chapter.relpath)
    except OSError as error:
        raise ChapterUnreadable(
            translate("ChapterWatch", "{path} can no longer be read ({reason}).").format(
                path=chapter.relpath, reason=error.strerror or error
            )
        ) from None
    except BadChapterError as bad:
        raise ChapterUnreadable(f"{chapter.relpath}: {bad.message}") from None
    # Read on its own, the file cannot know where the library lists it: keep that.
    return fresh._replace(
        slug=chapter.slug, parent=chapter.parent, part=chapter.part, order=chapter.order
    )


def revised_document(context: AppContext, chapter: Chapter) -> ChapterDocument:
    """Re-read `chapter`, render it and put it in the context's library; its document.

    Raises ChapterUnreadable (kept as it was), or ChapterChangedError when the file changed
    again while it was being rendered.
    """
    revised = revise_chapter(chapter)
    doc = context.documents.get(revised)
    if revised.content_hash != chapter.content_hash:
        context.replace_chapter(revised)
    return doc


class RevisableWindow(Protocol):
    """What the watch needs of the window."""

    def current_document(self) -> ChapterDocument | None:
        """The chapter being shown."""
        ...

    def show_revision(self, doc: ChapterDocument) -> None:
        """Show the open chapter's new version in place."""
        ...

    def show_status(self, message: str, timeout_ms: int = 0) -> None:
        """Show a passing message in the status bar."""
        ...


class ChapterWatch(QObject):
    """Follows the open chapter's file; shows the chapter again after it changed on disk."""

    def __init__(
        self, context: AppContext, window: RevisableWindow, parent: QObject | None = None
    ) -> None:
        """Watch nothing until `follow` names a chapter."""
        super().__init__(parent)
        self._context = context
        self._window = window
        self._watcher: QFileSystemWatcher | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.check)
        self._chapter: Chapter | None = None
        self._seen: tuple[int, int, int] | None = None
        self._problem: str | None = None

    def follow(self, chapter: Chapter | None) -> None:
        """Watch `chapter`'s file (None: nothing), and its folder for a file renamed over it."""
        self._timer.stop()
        self._chapter, self._problem = chapter, None
        self._seen = None  # read it at the first change, whatever its time stamps say
        if self._watcher is not None:
            watched = self._watcher.files() + self._watcher.directories()
            if watched:
                self._watcher.removePaths(watched)
        if chapter is None or self._context.read_only or chapter.files is not None:
            # A zip pack's chapters are read in place and do not change under the reader.
            return
        if self._watcher is None:
            self._watcher = QFileSystemWatcher(self)
            self._watcher.fileChanged.connect(self._changed)
            # Editors that save to a new file and rename it over the chapter replace the
            # watched file; its folder's change says when the new one is there.
            self._watcher.directoryChanged.connect(self._changed)
        self._watcher.addPaths([str(chapter.path), str(chapter.path.parent)])

    @property
    def watched(self) -> list[str]:
        """The paths being watched (the chapter file and its folder)."""
        if self._watcher is None:
            return []
        return self._watcher.files() + self._watcher.directories()

    @Slot(str)
    def _changed(self, _path: str) -> None:
        self._timer.start()  # restarts: the check runs once the file has been quiet

    @Slot()
    def check(self) -> None:
        """Show the open chapter again if its file now reads differently; say if it cannot."""
        chapter = self._chapter
        if chapter is None:
            return
        current = self._window.current_document()
        if current is None or current.chapter.slug != chapter.slug:
            return
        path = str(chapter.path)
        if self._watcher is not None and path not in self._watcher.files():
            self._watcher.addPath(path)  # the file an editor renamed over the old one
        seen = _signature(chapter.path)
        if seen is not None and seen == self._seen and self._problem is None:
            return  # another file of the folder changed, not this one
        self._seen = seen
        try:
            doc = revised_document(self._context, chapter)
        except ChapterUnreadable as error:
            self._say_problem(error.message)
            return
        except ChapterChangedError:
            self._timer.start()  # written again while it was read: wait for quiet
            return
        self._problem = None
        if doc.chapter.content_hash == chapter.content_hash:
            return
        self._chapter = doc.chapter
        self._window.show_revision(doc)
        self._window.show_status(
            translate(
                "ChapterWatch", "{path} changed on disk and is shown as it now reads."
            ).format(path=chapter.relpath),
            5000,
        )

    def _say_problem(self, message: str) -> None:
        self._problem = message
        self._window.show_status(
            translate("ChapterWatch", "{message} The version shown is kept.").format(
                message=message
            ),
            _STATUS_MS,
        )


def _signature(path: os.PathLike[str]) -> tuple[int, int, int] | None:
    """Size, modification time and file id: what changes when the file is written or replaced."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino)
