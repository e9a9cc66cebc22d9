"""Field Reader's side of the start-up measurement: the real window, up to its first paint.

Run as its own process by the harness (`python benchmarks/probe_app.py --content DIR
--data-dir DIR`). It goes the way `field-reader` goes without a command: the command
line parsed by `reader.cli`, then `run_gui`'s steps
(`application()`, `build_window()`, `show()`, the event loop), and exits after the
chapter view's first paint. The last line of output is JSON with `time.monotonic()` marks.
"""

from __future__ import annotations

import time

STARTED = time.monotonic()

import importlib.util  # noqa: E402  (the clock is read before anything else is imported)
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from types import ModuleType  # noqa: E402


def _baseline() -> ModuleType:
    """The baseline script as a module (it shares the paint watcher), without this package."""
    spec = importlib.util.spec_from_file_location(
        "baseline", Path(__file__).with_name("baseline.py")
    )
    if spec is None or spec.loader is None:
        raise ImportError("benchmarks/baseline.py is missing")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str]) -> int:
    """Open the reader on `--content`/`--data-dir` and exit after the chapter's first paint."""
    marks = {"started": STARTED}
    import reader.cli as cli

    args = cli.parse_command_line(argv)
    content, data = cli.content_dir(args), cli.data_dir(args)
    ui_app = cli._ui_app()
    marks["imported"] = time.monotonic()

    from PySide6.QtCore import QTimer

    baseline = _baseline()
    app = ui_app.application()
    marks["app"] = time.monotonic()
    window = ui_app.build_window(content, data, chapter=args.chapter, defer=True)
    marks["window"] = time.monotonic()
    watcher = _settle_class()(marks, window)
    window.view.viewport().installEventFilter(watcher)
    QTimer.singleShot(baseline.TIMEOUT_MS, lambda: app.exit(1))
    window.show()
    marks["shown"] = time.monotonic()
    status = int(app.exec())
    doc = window.current_document()
    baseline.report(
        marks,
        chapter=doc.chapter.slug if doc is not None else None,
        peak_kb=watcher.peak_kb,
        chapters=len(window.library.chapters),
    )
    return status


def _settle_class() -> type:
    """FirstPaint that, after marking the paint, waits for the library check to end.

    A student keeps the reader open: the scan after the first paint (which verifies the
    snapshot of the last scan and writes the next one, or reads the rest of a big library
    at its first start) ends before they close it. The
    peak memory is read at the paint, as the baseline's is.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reader.core.i18n import translate

    base = _baseline().FirstPaint
    # The check after a restart, or the read of the rest after a big library's first start.
    labels = {
        translate("Library", "Checking the library"),
        translate("Library", "Reading the library"),
    }

    class Settle(base):  # type: ignore[misc, valid-type]
        def __init__(self, marks: dict[str, float], window: object) -> None:
            super().__init__(marks)
            self._window = window
            self.peak_kb: int | None = None

        def _done(self) -> None:
            self._marks["painted"] = time.monotonic()
            self.peak_kb = _baseline().peak_memory_kb()
            QTimer.singleShot(0, self._wait)

        def _wait(self) -> None:
            # Imported after the paint: the task runner's module (and the notes model it
            # brings) is not on the start-up path, and must not be measured as if it were.
            from reader.ui.tasks import TaskRunner

            runner = self._window.findChild(TaskRunner, "taskRunner")  # type: ignore[attr-defined]
            busy = runner is not None and any(t.label in labels for t in runner.active())
            if busy:
                QTimer.singleShot(20, self._wait)
            else:
                self._marks["settled"] = time.monotonic()
                QApplication.quit()

    return Settle


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
