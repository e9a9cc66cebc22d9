"""The figures of the chapter shown: decoded at once when cheap, else on a worker behind a
stand-in of their final size, and put into the document as each arrives.

The chapter view asks `ChapterFigures.image` from `loadResource`, while Qt lays the page
out. A raster figure declaring 2 megapixels or more (read from its header, no decoding)
gets a plain rectangle of exactly the size the figure will take and is queued on a
`FigureLoader`; when it is decoded it replaces the rectangle in the document's resources.
Its size is the rectangle's, so no line moves: the reader's place and highlights stay put.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QObject,
    QPoint,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QTextEdit, QWidget

from reader.core.i18n import translate
from reader.core.library_files import figure_size
from reader.core.rendered import ImageRef
from reader.ui.image_loader import FigureJob, FigureLoader
from reader.ui.images import UNREADABLE, Decoded, Target, decode_image, decode_target, pending_image
from reader.ui.qt_names import IMAGE_RESOURCE

# Figures declaring fewer pixels than this are decoded while Qt waits: they take a few
# milliseconds, and showing them at once spares a flash of the stand-in. (A file's size
# says nothing here: a scan of one colour is 8000x8000 in a few hundred KB.)
DECODE_AT_ONCE_PIXELS = 2_000_000
_OBJECT = "\ufffc"  # where each image sits in the document's text

# Draws the card shown instead of a figure that could not be decoded: (ref, reason).
CardMaker = Callable[[ImageRef, str], QImage]


class ChapterFigures(QObject):
    """Decoded figures of a view's chapter, by column width and screen density."""

    shown = Signal()  # every figure handed to a worker is now in the document

    def __init__(self, view: QTextEdit, card: CardMaker) -> None:
        super().__init__(view)
        self._view = view
        self._card = card
        self._colour = QColor("#f0ede6")
        # Decoded for one column width and pixel ratio; any other makes them useless.
        self._cache: dict[Path, Decoded] = {}
        self._size: tuple[int, float] = (0, 0.0)
        self._loader = FigureLoader(self)
        self._loader.set_rank(self._rank)
        self._loader.decoded.connect(self._on_decoded)
        self._loader.idle.connect(self._on_idle)
        self._waiting: dict[FigureJob, list[str]] = {}  # job -> resource names showing it
        self._at: dict[str, int] | None = None  # resource name -> Qt position
        self._stand_ins: dict[Target, QImage] = {}  # one per size: the figures share it
        self._window: QWidget | None = None  # watched for closing while figures decode

    @property
    def loader(self) -> FigureLoader:
        """The worker queue (for tests and measurements)."""
        return self._loader

    def reset(self, stand_in_colour: QColor) -> None:
        """A new document is about to be shown: drop the last one's queued figures."""
        self._waiting.clear()
        self._at = None
        self._stand_ins.clear()
        self._colour = stand_in_colour
        self._loader.cancel()

    def image(self, key: str, ref: ImageRef, column: float, dpr: float) -> QImage | str:
        """What resource `key` (a found figure) shows now: the figure, a stand-in while it
        is decoded, or why it cannot be shown."""
        if ref.path is None:
            return translate("Images", UNREADABLE)
        if (round(column), dpr) != self._size:
            self._cache.clear()
            self._size = (round(column), dpr)
        decoded = self._cache.get(ref.path)
        if decoded is None:
            later = self._decode_later(key, ref, ref.path, column, dpr)
            if later is not None:
                return later
            # Small, vector, refused unread, or of no size known from its header.
            decoded = decode_image(ref.path, ref, column, dpr)
            self._cache[ref.path] = decoded
        return (
            decoded.image
            if decoded.image is not None
            else decoded.problem or translate("Images", UNREADABLE)
        )

    def pending(self, in_view: bool = False) -> bool:
        """Whether figures are still being decoded (only those in the view, `in_view`)."""
        if not in_view:
            return bool(self._waiting)
        top, bottom = self._visible()
        at = self._positions()
        return any(
            top <= at.get(name, -1) <= bottom for names in self._waiting.values() for name in names
        )

    def wait(self, in_view: bool = True) -> None:
        """Process events until the figures (in the view, `in_view`) are shown (screenshots)."""
        app = QCoreApplication.instance()
        while app is not None and self._loader.busy() and self.pending(in_view):
            # Woken by the next event, such as a decode's result arriving.
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)

    def stop(self) -> None:
        """Drop the queued figures and wait for the decodes running (the window closes)."""
        self._loader.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Stop the workers when the view's window closes, before Qt tears it down."""
        if event.type() == QEvent.Type.Close and watched is self._window:
            self.stop()
        return False

    def _watch_window(self, watch: bool) -> None:
        """Watch the window for closing only while figures are decoding (no cost otherwise)."""
        if self._window is not None:
            self._window.removeEventFilter(self)
            self._window = None
        if watch:
            self._window = self._view.window()
            self._window.installEventFilter(self)

    def _decode_later(
        self, key: str, ref: ImageRef, path: Path, column: float, dpr: float
    ) -> QImage | None:
        """Queue a big raster figure and give its stand-in; None to decode it now."""
        size = figure_size(path, ref.files)
        if size is None or size.vector or size.too_large or size.pixels < DECODE_AT_ONCE_PIXELS:
            return None
        target = decode_target(ref, size.width, size.height, column, dpr, vector=False)
        if target is None:
            return None
        job = FigureJob(path, ref, column, dpr, size.pixels)
        self._waiting.setdefault(job, []).append(key)
        self._loader.request(job)
        if self._window is None:
            self._watch_window(True)
        stand_in = self._stand_ins.get(target)
        if stand_in is None:
            stand_in = self._stand_ins[target] = pending_image(target, self._colour)
        return stand_in

    @Slot(object, object)
    def _on_decoded(self, job: FigureJob, decoded: Decoded) -> None:
        if (round(job.column), job.dpr) == self._size:
            self._cache[job.path] = decoded
        names = self._waiting.pop(job, [])
        if not names:
            return  # a figure of a chapter no longer shown, or of another column width
        qdoc = self._view.document()
        at = self._positions()
        for name in names:
            image = decoded.image
            if image is None:
                image = self._card(job.ref, decoded.problem or translate("Images", UNREADABLE))
            qdoc.addResource(IMAGE_RESOURCE, QUrl(name), image)
            if name in at:
                # Lays that one block out again. A figure has its stand-in's size, so
                # nothing moves; a card (the decode failed) takes its own height.
                qdoc.markContentsDirty(at[name], 1)
        self._view.viewport().update()

    @Slot()
    def _on_idle(self) -> None:
        self._watch_window(False)
        if not self._waiting:
            self.shown.emit()

    def _positions(self) -> dict[str, int]:
        """Where each image of the document sits (Qt positions), found once per chapter."""
        if self._at is None:
            found: dict[str, int] = {}
            qdoc = self._view.document()
            cursor = qdoc.find(_OBJECT, 0)
            while not cursor.isNull():
                fmt = cursor.charFormat()
                if fmt.isImageFormat():
                    found.setdefault(fmt.toImageFormat().name(), cursor.selectionStart())
                cursor = qdoc.find(_OBJECT, cursor)
            self._at = found
        return self._at

    def _visible(self) -> tuple[int, int]:
        """The first and last document positions in the view."""
        viewport = self._view.viewport()
        top = self._view.cursorForPosition(QPoint(0, 0)).position()
        end = QPoint(viewport.width(), viewport.height())
        return top, self._view.cursorForPosition(end).position()

    def _rank(self, job: FigureJob) -> float:
        """How far a queued figure is from the view, in characters (0 when in it)."""
        top, bottom = self._visible()
        at = self._positions()
        best = float("inf")
        for name in self._waiting.get(job, []):
            where = at.get(name, top)
            if where < top:
                # Readers mostly go on down: a figure above counts as twice as far.
                best = min(best, 2.0 * (top - where))
            else:
                best = min(best, float(max(0, where - bottom)))
        return best
