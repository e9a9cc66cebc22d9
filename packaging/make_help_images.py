"""Remake the pictures of the guide (resources/help/images/) from the real window.

Run after a change to the interface:

    .venv/bin/python packaging/make_help_images.py

A temporary data folder gets a few highlights and notes on the bundled chapter (through the
notes store, as the window would write them); the main-window pictures are then taken by
`field-reader screenshot`, the Notes panel by the same window built in this process (the
command has no option to open a sidebar tab). Each picture is scaled to 800 pixels wide and
stored with a palette of its own 256 commonest colours (each under about 120 KB).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt loads: no display needed

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402

from reader.core.anchoring import describe  # noqa: E402
from reader.core.data_folder import NOTES_FILE  # noqa: E402
from reader.core.document import load_document  # noqa: E402
from reader.core.library_scan import load_library  # noqa: E402
from reader.paths import bundled_content_dir, help_dir  # noqa: E402
from reader.storage.annotations import AnnotationStore  # noqa: E402
from reader.storage.db import Database  # noqa: E402

WIDTH = 800
WINDOW_SIZE = "1000x700"
# (phrase in the bundled chapter, colour, note): what a student might have marked.
HIGHLIGHTS = (
    ("places ordinary people at the center of security concerns", "yellow", ""),
    ("external military threats", "blue", "Traditional security: the state, not people."),
    ('"freedom from want" and "freedom from fear"', "green", "The two freedoms: learn both."),
    ("poverty, infectious diseases, natural disasters", "pink", ""),
)


def seed_notes(data: Path, content: Path) -> str:
    """Write the example highlights into a notes file in `data`; return the chapter's slug."""
    library = load_library(content)
    chapter = library.chapters[0]
    text = load_document(chapter, library.root).plain.text
    db = Database(data / NOTES_FILE)
    try:
        store = AnnotationStore(db)
        for phrase, colour, note in HIGHLIGHTS:
            start = text.index(phrase)
            store.add(chapter.slug, describe(text, start, start + len(phrase)), colour, note)
    finally:
        db.close()
    return str(chapter.slug)


def shrink(source: Path, out: Path) -> None:
    """Save `source` as `out`, 800 pixels wide, in its own 256 commonest colours."""
    image = QImage(str(source))
    if image.isNull():
        raise SystemExit(f"make_help_images: {source} is not a readable picture.")
    image = image.scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
    # Interface pictures have few colours: a palette of the picture's own 256 commonest
    # colours makes them a third of the size. (Qt's own palette for Indexed8 maps the
    # interface's greys to pinks and oranges.)
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    counts = Counter(image.pixel(x, y) for y in range(image.height()) for x in range(image.width()))
    table = [colour for colour, _ in counts.most_common(256)]
    image = image.convertToFormat(
        QImage.Format.Format_Indexed8, table, Qt.ImageConversionFlag.AvoidDither
    )
    if not image.save(str(out), "PNG", 0):
        raise SystemExit(f"make_help_images: could not write {out}.")


def screenshot(raw: Path, data: Path, content: Path, *extra: str) -> None:
    """Take a picture of the real window with the `screenshot` command."""
    command = [sys.executable, "-m", "reader", "screenshot", str(raw), "--size", WINDOW_SIZE]
    command += ["--data-dir", str(data), "--content", str(content), *extra]
    subprocess.run(command, check=True, cwd=ROOT)


def notes_panel(raw: Path, data: Path, content: Path) -> None:
    """Take a picture of the window with its Notes panel open, in a process of its own.

    Its own process, like the screenshot command: the window's notes database is closed
    when that process ends, before the temporary data folder is removed.
    """
    command = [sys.executable, __file__, "--notes-panel", str(raw), str(data), str(content)]
    subprocess.run(command, check=True, cwd=ROOT)


def notes_panel_here(raw: Path, data: Path, content: Path) -> None:
    """Build the window in this process, open its Notes panel and save a picture of it."""
    from reader.ui.annotations_feature import AnnotationsFeature
    from reader.ui.app import application, build_window

    app = application()
    window = build_window(content, data, read_only_settings=True)
    window.resize(*(int(n) for n in WINDOW_SIZE.split("x")))
    window.show()
    feature = window.features.annotations
    if not isinstance(feature, AnnotationsFeature):
        raise SystemExit("make_help_images: the window has no notes feature.")
    feature.show_panel()
    app.processEvents()
    if not window.grab().save(str(raw), "PNG"):
        raise SystemExit(f"make_help_images: could not write {raw}.")
    window.close()


def main() -> int:
    """Make every picture of the guide."""
    content = bundled_content_dir()
    out = help_dir() / "images"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="field-reader-help-") as tmp:
        work = Path(tmp)
        data = work / "data"
        data.mkdir()
        seed_notes(data, content)
        shots = {
            "window.png": lambda raw: screenshot(raw, data, content, "--theme", "light"),
            "dark-theme.png": lambda raw: screenshot(
                raw, data, content, "--theme", "dark", "--heading", "governance"
            ),
            "notes-panel.png": lambda raw: notes_panel(raw, data, content),
        }
        for name, take in shots.items():
            raw = work / name
            take(raw)
            shrink(raw, out / name)
            size = (out / name).stat().st_size
            print(f"{out / name}: {size // 1024} KB")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--notes-panel"]:
        notes_panel_here(*(Path(arg) for arg in sys.argv[2:5]))
        sys.exit(0)
    sys.exit(main())
