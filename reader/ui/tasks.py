"""Slow work off the UI thread: tasks on a thread pool whose results come back as signals.

After Anki's aqt/taskman.py. A task is a function of a TaskContext, run on a pool thread;
its result (or its exception) comes back on the UI thread through the Task's signals, so
the window stays responsive. SQLite connections must not cross threads: a task opens its
own Database with the notes file's path (see `open_notes_for_task`).

Writers are serialised (one writer queue: a sync and an import never interleave their
transactions); readers run beside them. Closing the window waits for the running and
queued writes (an import is one transaction, but the user asked for it) and cancels the
reads, which check `context.cancelled` between steps.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any, Literal

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMainWindow, QWidget

from reader import background_work
from reader.core.i18n import translate
from reader.core.importing import ImportRefused
from reader.core.notes import NotesStoreError

__all__ = [
    "Task",
    "TaskCancelled",
    "TaskContext",
    "TaskKind",
    "TaskRunner",
    "error_message",
    "task_runner",
    "writes_running",
]

log = logging.getLogger(__name__)

TaskKind = Literal["read", "write"]
READERS = 2
"""Reading tasks that may run at once (two cores; the UI thread needs one)."""


class TaskCancelled(Exception):
    """Raised inside a task (by TaskContext.check) when it was cancelled."""


def error_message(error: BaseException) -> str:
    """What the user is told about a task's exception, in words."""
    if isinstance(error, NotesStoreError | ImportRefused):
        return str(getattr(error, "message", error))
    if isinstance(error, OSError):
        where = f" ({error.filename})" if error.filename else ""
        return translate("Tasks", "The disk reported a problem: {reason}{where}.").format(
            reason=error.strerror or error, where=where
        )
    return translate(
        "Tasks",
        "Field Reader hit an internal error ({kind}: {error}); nothing was "
        "half-saved: each change is written whole or not at all.",
    ).format(kind=type(error).__name__, error=error)


class Task(QObject):
    """One piece of work; its signals are delivered on the UI thread.

    Exactly one of `finished(result)`, `failed(exception)` or `cancelled()` is emitted,
    then `done()`. `progress(done, total, text)` may come before.
    """

    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    progress = Signal(int, int, str)
    done = Signal()

    def __init__(self, kind: TaskKind, label: str, parent: QObject) -> None:
        super().__init__(parent)
        self.kind: TaskKind = kind
        self.label = label
        self.result: Any = None
        self.error: BaseException | None = None
        self.error_details = ""
        self._cancel = threading.Event()
        self._ended = False

    def cancel(self) -> None:
        """Ask the task to stop at its next check (a write is never cancelled half-way)."""
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        """Whether cancelling was asked."""
        return self._cancel.is_set()

    @property
    def is_done(self) -> bool:
        """Whether the task has ended and its signals were delivered."""
        return self._ended

    def _end(self) -> None:
        self._ended = True
        self.done.emit()


class TaskContext:
    """What a task's function is given: progress reporting and cancellation."""

    def __init__(self, task: Task) -> None:
        self._task = task

    def progress(self, done: int, total: int, text: str = "") -> None:
        """Report progress (shown in the status bar); safe from the pool thread."""
        self._task.progress.emit(done, total, text)

    @property
    def cancelled(self) -> bool:
        """Whether the task should stop now."""
        return self._task.is_cancelled

    def check(self) -> None:
        """Raise TaskCancelled when the task was cancelled (call between steps)."""
        if self._task.is_cancelled:
            raise TaskCancelled


class _Outcome(QObject):
    """Carries a pool thread's outcome to the UI thread (a queued connection)."""

    ended = Signal(object, object, str, bool)  # result, error, details, cancelled


class _Runnable(QRunnable):
    def __init__(self, task: Task, work: Callable[[TaskContext], Any], outcome: _Outcome) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner keeps it until its outcome is delivered
        self._task = task
        self._work = work
        self._outcome = outcome

    def run(self) -> None:
        """Run the work on this pool thread; report the outcome, whatever happens."""
        if self._task.is_cancelled and self._task.kind == "read":
            self._outcome.ended.emit(None, None, "", True)
            return
        try:
            with background_work.working():  # no full collection stalls the window meanwhile
                result = self._work(TaskContext(self._task))
        except TaskCancelled:
            self._outcome.ended.emit(None, None, "", True)
        except BaseException as error:  # every failure reaches the UI: never swallowed
            self._outcome.ended.emit(None, error, traceback.format_exc(), False)
        else:
            self._outcome.ended.emit(result, None, "", False)


class TaskRunner(QObject):
    """Runs tasks for one window: readers side by side, writers one at a time.

    `status(text)` shows progress ("Syncing… 3 of 10 files"); `report(title, message)`
    tells the user about a task that failed without an `on_error` of its own.
    """

    task_failed = Signal(str, str)  # title, message

    def __init__(
        self,
        parent: QObject,
        status: Callable[[str], None] | None = None,
        report: Callable[[str, str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("taskRunner")
        self._readers = QThreadPool(self)
        self._readers.setMaxThreadCount(READERS)
        self._writers = QThreadPool(self)
        self._writers.setMaxThreadCount(1)  # the one writer queue
        self._status = status
        self._report = report
        self._running: dict[Task, tuple[_Runnable, _Outcome]] = {}
        self._closed = False
        app = QCoreApplication.instance()
        if app is not None:
            # Leaving the event loop without closing the window (a quit from the system,
            # or measuring start-up) must still finish the writes, such as a sync file.
            app.aboutToQuit.connect(self.shutdown)

    def submit(
        self,
        kind: TaskKind,
        label: str,
        work: Callable[[TaskContext], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task:
        """Run `work(context)` on a pool thread; `on_done(result)` runs on the UI thread.

        Without `on_error`, a failure is reported (`task_failed`, and `report`) in words.
        After the window closed, nothing new starts: the task is cancelled at once.
        """
        task = Task(kind, label, self)
        if on_done is not None:
            task.finished.connect(on_done)
        task.failed.connect(on_error if on_error is not None else self._default_error(label))
        task.progress.connect(self._show_progress)
        outcome = _Outcome()  # created here: it lives on the UI thread, so delivery is queued
        runnable = _Runnable(task, work, outcome)
        outcome.ended.connect(lambda r, e, d, c, t=task: self._ended(t, r, e, d, c))
        self._running[task] = (runnable, outcome)
        if self._closed:
            task.cancel()
            self._ended(task, None, None, "", True)
            return task
        (self._writers if kind == "write" else self._readers).start(runnable)
        return task

    def active(self, kind: TaskKind | None = None) -> list[Task]:
        """The tasks queued or running (of one kind)."""
        return [t for t in self._running if kind is None or t.kind == kind]

    def wait(self, msecs: int = -1) -> bool:
        """Wait for every pool thread to finish (their signals are delivered afterwards)."""
        readers = self._readers.waitForDone(msecs)
        return self._writers.waitForDone(msecs) and readers

    def shutdown(self) -> None:
        """Cancel the reads and wait for the writes to finish: the window is closing."""
        self._closed = True
        for task in list(self._running):
            if task.kind == "read":
                task.cancel()
        self._readers.clear()  # queued reads never start
        self._writers.waitForDone()
        self._readers.waitForDone()

    def _ended(
        self,
        task: Task,
        result: Any,
        error: BaseException | None,
        details: str,
        cancelled: bool,
    ) -> None:
        if self._running.pop(task, None) is None:
            return
        if self._status is not None and not self.active():
            self._status("")
        if cancelled:
            task.cancelled.emit()
        elif error is not None:
            task.error, task.error_details = error, details
            log.error("Task %r failed:\n%s", task.label, details)
            task.failed.emit(error)
        else:
            task.result = result
            task.finished.emit(result)
        task._end()
        task.deleteLater()

    def _default_error(self, label: str) -> Callable[[BaseException], None]:
        def report(error: BaseException) -> None:
            message = error_message(error)
            self.task_failed.emit(label, message)
            if self._report is not None:
                self._report(translate("Tasks", "{label} failed").format(label=label), message)

        return report

    @Slot(int, int, str)
    def _show_progress(self, done: int, total: int, text: str) -> None:
        if self._status is not None and text:
            self._status(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Finish the writes and cancel the reads when the window closes."""
        if event.type() == QEvent.Type.Close and event.isAccepted():
            self.shutdown()
        return super().eventFilter(watched, event)


def task_runner(window: QMainWindow) -> TaskRunner:
    """The window's task runner, created at the first call (progress in its status bar)."""
    found = window.findChild(TaskRunner, "taskRunner")
    if isinstance(found, TaskRunner):
        return found

    def report(title: str, message: str) -> None:
        from reader.ui.plain import show_message

        show_message(window, title, message)

    runner = TaskRunner(window, lambda text: _status(window, text), report)
    window.installEventFilter(runner)
    return runner


def writes_running(obj: QObject) -> bool:
    """Whether the task runner of `obj`'s window has a write queued or running."""
    window: QObject | None = obj
    while window is not None and not isinstance(window, QMainWindow):
        window = window.parent()
    if window is None:
        return False
    runner = window.findChild(TaskRunner, "taskRunner")
    return isinstance(runner, TaskRunner) and bool(runner.active("write"))


def _status(window: QWidget, text: str) -> None:
    if isinstance(window, QMainWindow):
        if text:
            window.statusBar().showMessage(text)
        else:
            window.statusBar().clearMessage()
