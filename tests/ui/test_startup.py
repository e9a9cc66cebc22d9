"""What the window does before its first paint: the start-up path stays lean.

PySide creates a class's Python enums the first time anything touches the class; for Qt's
namespace (QtCore.Qt) that is about a hundred enums, 15-20 ms, and QStyle adds 5 ms more.
The chapter must reach the screen without either: these tests open the real window in a
fresh process, as a student's start does, and look at what exists at the first paint.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import write_chapter, write_png

PROBE = """
import json, sys
from pathlib import Path
from PySide6 import QtCore, QtWidgets
from reader.ui.app import after_first_paint, application, build_window

app = application()
window = build_window(Path(sys.argv[1]), Path(sys.argv[2]), defer=True)
seen = {}

def first_paint():
    seen["qt_namespace"] = "Qt" in vars(QtCore)
    seen["qstyle"] = "QStyle" in vars(QtWidgets)
    seen["features"] = sorted(window.features)
    document = window.current_document()
    seen["chapter"] = document.chapter.slug
    seen["images"] = [ref.status for ref in document.rendered.images]
    seen["loaded"] = [
        window.view.loadResource(2, QtCore.QUrl(f"image:{i}")) is not None
        for i, ref in enumerate(document.rendered.images) if ref.status == "found"
    ]
    app.quit()

after_first_paint(window.view.viewport(), first_paint)
window.show()
app.exec()
print(json.dumps(seen))
"""


def _first_paint(content: Path, data: Path) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(content), str(data)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


@pytest.mark.parametrize("start", ["first", "restart"])
def test_the_seed_chapter_is_painted_before_qt_enums_are_made(
    seed_library: Path, data_dir: Path, start: str
) -> None:
    if start == "restart":
        _first_paint(seed_library, data_dir)  # fills the caches, as the first start does
    seen = _first_paint(seed_library, data_dir)
    assert seen["chapter"] == "human-security"
    # The seed's four missing figures are drawn as placeholders for this paint, too.
    assert seen["qt_namespace"] is False
    assert seen["qstyle"] is False
    # Notes, search and export come right after the first paint, not before.
    assert seen["features"] == []


def test_a_chapter_with_a_found_image_also_starts_without_them(
    tmp_path: Path, data_dir: Path
) -> None:
    library = tmp_path / "library"
    library.mkdir()
    write_png(library / "figure.png", 40, 20)
    write_chapter(library, "one.md", "One", "# One\n\n![A figure](figure.png)\n\nText.\n")
    seen = _first_paint(library, data_dir)
    assert seen["chapter"] == "one"
    assert seen["images"] == ["found"] and seen["loaded"] == [True]
    assert seen["qt_namespace"] is False
