"""Where am I: the position in the chapter, and how far each chapter has been read.

The view's scrolling restarts a short timer; only when the reader stops scrolling does
the tracker measure (one cursor look-up at the bottom of the view), so dragging the
scroll bar costs nothing per pixel. The position is the share of the chapter's text that
is above the bottom of the view; a chapter is finished once its last line has been on
the screen. The state of every chapter lives in reader/core/progress.py and is written
to settings.ini as one value.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QTimer, Signal, Slot

from reader.core.progress import ChapterProgress, ReadingProgress, progress_label
from reader.ui.contents_panel import ContentsPanel
from reader.ui.settings import Settings
from reader.ui.viewer import ChapterView

# How long the view must rest before the position is measured and kept.
SETTLE_MS = 250


class ProgressTracker(QObject):
    """Measures the reader's position when scrolling settles and keeps each chapter's state."""

    # Chapter slug and the percentage of it read at the bottom of the view (100: the end
    # is on the screen).
    position_changed = Signal(str, int)

    def __init__(
        self,
        view: ChapterView,
        settings: Settings,
        contents: ContentsPanel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._view = view
        self._settings = settings
        self._contents = contents
        self._progress = ReadingProgress.parse(settings.progress)
        self._slug: str | None = None
        self._percent: int | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self.measure)
        view.verticalScrollBar().valueChanged.connect(self._on_scroll)
        # Shown before the first paint, so that every picture of the window has them: a
        # library of 1,000 chapters all read costs about 5 ms, a few dozen read 0.2 ms,
        # and none read nothing.
        contents.set_progress_marks(
            {slug: progress_label(state) for slug, state in self._progress.items()}
        )

    def state(self, slug: str) -> ChapterProgress | None:
        """How far chapter `slug` has been read, or None if never."""
        return self._progress.get(slug)

    def percent(self) -> int | None:
        """The position in the chapter shown, as last measured (None before a measure)."""
        return self._percent

    def chapter_shown(self, slug: str) -> None:
        """A chapter (or the same one laid out again) is in the view: measure once it rests."""
        if slug != self._slug:
            self._slug = slug
            self._percent = None
        self._timer.start()

    @Slot(int)
    def _on_scroll(self, _value: int) -> None:
        if self._slug is not None:
            self._timer.start()

    @Slot()
    def measure(self) -> None:
        """Measure the position now, show it and keep the chapter's state."""
        self._timer.stop()
        slug, view = self._slug, self._view
        doc, positions = view.chapter_document, view.positions
        if slug is None or doc is None or positions is None or doc.chapter.slug != slug:
            return
        viewport = view.viewport()
        if viewport.height() <= 0 or not view.isVisible():
            return  # not on the screen: nothing has been read
        bottom = view.cursorForPosition(QPoint(viewport.width() - 1, viewport.height() - 1))
        at_end = bottom.position() >= _last_shown_position(view)
        length = max(1, len(doc.plain.text))
        reached = min(1.0, positions.from_qt(bottom.position()) / length)
        percent = 100 if at_end else min(99, int(reached * 100))
        if percent != self._percent:
            self._percent = percent
            self.position_changed.emit(slug, percent)
        if self._progress.record(slug, reached, at_end):
            # One value for the whole library (about 1 ms for 1,000 chapters); QSettings
            # writes it to disk on its own schedule and at exit.
            self._settings.progress = self._progress.serialise()
            self._contents.set_progress_mark(slug, progress_label(self._progress.get(slug)))

    def flush(self) -> None:
        """Measure now if a measure is waiting (the window is closing or leaving the chapter)."""
        if self._timer.isActive():
            self.measure()


def _last_shown_position(view: ChapterView) -> int:
    """The document position of the end of the last text shown (folded boxes skipped)."""
    block = view.document().lastBlock()
    while block.isValid() and not block.isVisible():
        block = block.previous()
    if not block.isValid():
        return 0
    # An empty last block (after a table, say) holds nothing to read: the one before counts.
    while block.isValid() and block.length() <= 1 and block.previous().isValid():
        block = block.previous()
    return block.position() + max(0, block.length() - 1)
