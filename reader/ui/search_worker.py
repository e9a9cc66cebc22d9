"""The search index's worker thread: brings the index up to date off the UI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from reader import background_work
from reader.core.library import Library
from reader.core.search import SearchIndex
from reader.core.search_types import SearchIndexError


class IndexWorker(QThread):
    """Brings the index up to date off the UI thread, through its own connection."""

    progress = Signal(int, int)
    synced = Signal(object)  # SyncReport
    failed = Signal(str)

    def __init__(
        self, path: Path, library: Library, use_fts5: bool, renderings: Path, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._path = path
        self._renderings = renderings
        self._library = library
        self._use_fts5 = use_fts5

    def run(self) -> None:
        """Synchronise, stopping between chapters when interrupted."""
        try:
            with (
                background_work.working(),
                SearchIndex(self._path, use_fts5=self._use_fts5) as index,
            ):
                report = index.sync(
                    self._library,
                    should_stop=self.isInterruptionRequested,
                    progress=self.progress.emit,
                    render_cache=self._renderings,
                )
        except SearchIndexError as error:
            self.failed.emit(str(error))
            return
        self.synced.emit(report)
