"""The floor any PySide6 program pays: a bare QTextBrowser showing the same HTML, painted once.

Run as its own process by the harness (`python benchmarks/baseline.py PAGE.html`). It
imports PySide6, creates the QApplication, sets the already-rendered chapter HTML (the
exact string Field Reader gives its viewer) in a bare QTextBrowser of the reader's
default window size, shows it, and exits after the first paint of the text. The last
line of its output is JSON with `time.monotonic()` marks; on Linux that clock is shared
by all processes, so the harness measures from just before it started the process.
"""

from __future__ import annotations

import time

STARTED = time.monotonic()

import json  # noqa: E402  (the clock is read before anything else is imported)
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QTextBrowser  # noqa: E402

WINDOW_SIZE = (1200, 820)  # Field Reader's default window size
TIMEOUT_MS = 120_000


class FirstPaint(QObject):
    """Notes the time just after a widget's first paint, then quits the application."""

    def __init__(self, marks: dict[str, float]) -> None:
        super().__init__()
        self._marks = marks
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Let the paint happen; take the time once the event loop is back."""
        if event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            self._marks["paint_event"] = time.monotonic()
            QTimer.singleShot(0, self._done)
        return False

    def _done(self) -> None:
        self._marks["painted"] = time.monotonic()
        QApplication.quit()


def peak_memory_kb() -> int | None:
    """This process's peak resident memory in KB (Linux VmHWM), or None where unknown.

    Not `getrusage`: Linux carries the parent's peak over into a child at exec, so a
    large harness would inflate every child's figure.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def report(marks: dict[str, float], **extra: object) -> None:
    """Print the marks and the peak memory as the last line of output, for the harness."""
    print(json.dumps({"marks": marks, "peak_kb": peak_memory_kb(), **extra}), flush=True)


def main(argv: list[str]) -> int:
    """Show the HTML file `argv[0]` in a bare QTextBrowser and exit after its first paint."""
    marks = {"started": STARTED, "imported": time.monotonic()}
    html = Path(argv[0]).read_text(encoding="utf-8")
    app = QApplication(sys.argv[:1])
    browser = QTextBrowser()
    browser.resize(*WINDOW_SIZE)
    browser.setHtml(html)
    marks["window"] = time.monotonic()
    watcher = FirstPaint(marks)
    browser.viewport().installEventFilter(watcher)
    QTimer.singleShot(TIMEOUT_MS, lambda: app.exit(1))
    browser.show()
    status = app.exec()
    report(marks)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
