"""Figures decoded on worker threads, one or two at a time, the ones nearest the reader first.

Qt's PNG reader decodes a whole picture before scaling it: an 8000x8000 scan takes half a
second and 256 MB however small it is shown. Done while Qt lays the chapter out, twelve of
them kept the window blank for six seconds. The chapter view answers Qt at once with a
stand-in of the figure's final size and hands the decoding to a `FigureLoader`, which runs
it on a thread of its own pool and reports each result back on the UI thread.

The loader keeps its own queue rather than the pool's: it starts a job only when the
memory of the decodes already running leaves room for it, and it picks the job its owner
ranks first at that moment, so figures scrolled to are decoded before those left behind.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)

from reader.core.i18n import translate
from reader.core.rendered import ImageRef
from reader.ui.images import UNREADABLE, Decoded, decode_image

# A raster decode holds 4 bytes a declared pixel until it is scaled. Two decodes may run
# side by side while together they stay under this (an 8000x8000 PNG alone is 64 MP, so
# such scans go one at a time and the reader stays far below 500 MB).
MEMORY_BUDGET_PIXELS = 70_000_000
MAX_WORKERS = 2


class FigureJob(NamedTuple):
    """One figure to decode: its file, how it is referenced, and the size it is shown at."""

    path: Path
    ref: ImageRef
    column: float
    dpr: float
    pixels: int  # declared pixels: what the decode costs in memory, 4 bytes each


class _Done(QObject):
    """Carries a worker's result back to the loader's thread (a queued signal)."""

    finished = Signal(object, object)  # FigureJob, Decoded


class _Decode(QRunnable):
    """Decodes one figure on a pool thread."""

    def __init__(self, job: FigureJob, done: _Done) -> None:
        super().__init__()
        self.job = job
        self.done = done
        # The loader keeps this object until its result arrives; C++ must not delete it.
        self.setAutoDelete(False)

    def run(self) -> None:
        """Decode the figure and report it, whatever happens."""
        try:
            decoded = decode_image(self.job.path, self.job.ref, self.job.column, self.job.dpr)
        except Exception:
            # Report something so the loader never waits forever, then let it be seen.
            self._report(Decoded(None, translate("Images", UNREADABLE)))
            raise
        self._report(decoded)

    def _report(self, decoded: Decoded) -> None:
        # RuntimeError: the loader went away while this ran, nobody is left to show it.
        with suppress(RuntimeError):
            self.done.finished.emit(self.job, decoded)


class FigureLoader(QObject):
    """Decodes figures off the UI thread and emits each as it is ready."""

    decoded = Signal(object, object)  # FigureJob, Decoded: also for jobs cancelled mid-decode
    idle = Signal()  # nothing queued and nothing decoding any more

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(MAX_WORKERS)
        self._pending: list[FigureJob] = []
        self._running: dict[_Decode, _Done] = {}
        self._rank: Callable[[FigureJob], float] = lambda job: 0.0
        # Requests arrive while Qt lays the chapter out; decodes start just after, when the
        # owner's ranking may look at the layout without re-entering it.
        self._kick = QTimer(self)
        self._kick.setSingleShot(True)
        self._kick.setInterval(0)
        self._kick.timeout.connect(self._start_more)
        app = QCoreApplication.instance()
        if app is not None:
            # Leaving the event loop stops the threads before Qt tears the objects down.
            app.aboutToQuit.connect(self.stop)

    def set_rank(self, rank: Callable[[FigureJob], float]) -> None:
        """Rank queued jobs with `rank` (lowest first), asked each time a decode starts."""
        self._rank = rank

    def request(self, job: FigureJob) -> None:
        """Queue `job` unless it is already queued or decoding."""
        if job in self._pending or any(r.job == job for r in self._running):
            return
        self._pending.append(job)
        self._kick.start()

    def cancel(self) -> None:
        """Forget every queued job; decodes already running finish and are still reported."""
        self._pending.clear()
        if not self._running:
            self.idle.emit()

    def busy(self) -> bool:
        """Whether any job is queued or decoding."""
        return bool(self._pending or self._running)

    def active(self) -> int:
        """How many decodes are running on the pool's threads right now."""
        return self._pool.activeThreadCount()

    def queued(self) -> list[FigureJob]:
        """The jobs waiting for a thread."""
        return list(self._pending)

    @Slot()
    def stop(self) -> None:
        """Forget queued jobs and wait for the running ones (their results still arrive)."""
        self._pending.clear()
        # Waited for here, while Python can still run the workers' last lines: a pool
        # destroyed later with decodes running would block the thread that destroys it.
        self._pool.waitForDone()

    @Slot()
    def _start_more(self) -> None:
        while self._pending and len(self._running) < MAX_WORKERS:
            job = min(self._pending, key=self._rank)
            load = sum(r.job.pixels for r in self._running)
            if self._running and load + job.pixels > MEMORY_BUDGET_PIXELS:
                return
            self._pending.remove(job)
            done = _Done()
            done.finished.connect(self._on_finished)
            runnable = _Decode(job, done)
            self._running[runnable] = done
            self._pool.start(runnable)

    @Slot(object, object)
    def _on_finished(self, job: FigureJob, decoded: Decoded) -> None:
        for runnable in list(self._running):
            if runnable.job == job:
                del self._running[runnable]
                break
        self._start_more()
        self.decoded.emit(job, decoded)
        if not self.busy():
            self.idle.emit()
