"""The floor any PySide6 app pays: a bare QTextBrowser window, frozen like Field Reader.

`bare_browser` opens a window showing a page of HTML. `bare_browser --screenshot OUT.png
[--html FILE] [--size WxH]` does what `field-reader screenshot` does (build the window
offscreen, lay it out, grab it, save a PNG, exit), and `--quit-after-paint` what
`field-reader` does with FIELD_READER_QUIT_AFTER_FIRST_PAINT=1 (open the window, quit
once its text is painted, saying on stderr when: `first paint at <time.monotonic()>`),
so both can be timed the same way.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

SEED_HTML = (
    "<h1>Bare QTextBrowser</h1>"
    + "<p>A paragraph of body text so that the browser has something to lay out.</p>" * 40
)


def main(argv: list[str] | None = None) -> int:
    """Show the page, or grab it into a PNG and exit."""
    parser = argparse.ArgumentParser(prog="bare_browser")
    parser.add_argument("--html", type=Path, help="HTML file to show (default: a seed page)")
    parser.add_argument("--screenshot", metavar="OUT.png", type=Path)
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--quit-after-paint", action="store_true")
    args = parser.parse_args(argv)
    if args.screenshot is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QTextBrowser

    class QuitAfterPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, painted)
            return False

    def painted() -> None:
        # The same line as field-reader's, for packaging/measure.py.
        print(f"first paint at {time.monotonic():.6f}", file=sys.stderr, flush=True)
        QApplication.quit()

    app = QApplication(sys.argv[:1])
    browser = QTextBrowser()
    html = args.html.read_text(encoding="utf-8") if args.html else SEED_HTML
    browser.setHtml(html)
    width, height = (int(part) for part in args.size.split("x"))
    browser.resize(width, height)
    if args.quit_after_paint:
        quitter = QuitAfterPaint()
        browser.viewport().installEventFilter(quitter)
    browser.show()
    if args.screenshot is None:
        return app.exec()
    app.processEvents()
    ok = browser.grab().save(str(args.screenshot), "PNG")
    browser.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
