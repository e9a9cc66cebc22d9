"""What the window does before its first paint: the start-up path stays lean.

PySide creates a class's Python enums the first time anything touches the class; for Qt's
namespace (QtCore.Qt) that is about a hundred enums, 15-20 ms, and QStyle adds 5 ms more.
The chapter must reach the screen without either: these tests open the real window in a
fresh process, as a student's start does, and look at which enum classes exist at the
first paint.

How the probe sees enum classes being made, without PySide's internals: every PySide enum
is a subclass of Python's `enum.Enum`, and creating a subclass calls its base's
`__init_subclass__` (a documented Python hook). The probe sets that hook on `enum.Enum`
before anything imports PySide, so it records every enum class made, in order. At the
first paint it notes how many there were; then it touches `Qt.ItemDataRole` and
`QStyle.StandardPixmap`, which makes all of their classes' enums if they were not made
yet, and collects the enum classes of `QtCore.Qt` and `QStyle`. The start-up was lean if
none of those is among the classes recorded before the paint. The check is sound only if
the hook does see PySide's enums being made: the probe also reports how many of Qt's
enums it recorded after the touch, and the test requires that to be all of them (a Qt
whose enums bypassed the hook would fail there, not pass silently).

The same process, after the paint, checks reader/ui/qt_names.py: each named value used
before the paint equals the value of the enum member it stands for.
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
import enum, importlib, json, sys
from pathlib import Path

made = []
enum.Enum.__init_subclass__ = classmethod(lambda cls, **kwargs: made.append(cls))

from PySide6 import QtCore, QtWidgets
from reader.ui import qt_names
from reader.ui.app import after_first_paint, application, build_window

app = application()
window = build_window(Path(sys.argv[1]), Path(sys.argv[2]), defer=True)
seen = {}


def enums_of(owner):
    return {
        value for value in vars(owner).values()
        if isinstance(value, type) and issubclass(value, enum.Enum)
    }


def first_paint():
    before = list(made)
    seen["features"] = window.features.installed()
    document = window.current_document()
    seen["chapter"] = document.chapter.slug
    seen["images"] = [ref.status for ref in document.rendered.images]
    seen["loaded"] = [
        window.view.loadResource(qt_names.IMAGE_RESOURCE, QtCore.QUrl(f"image:{i}")) is not None
        for i, ref in enumerate(document.rendered.images) if ref.status == "found"
    ]
    QtCore.Qt.ItemDataRole.UserRole, QtWidgets.QStyle.StandardPixmap.SP_DirIcon
    qt, qstyle = enums_of(QtCore.Qt), enums_of(QtWidgets.QStyle)
    seen["qt_enums_before_paint"] = sorted(c.__name__ for c in before if c in qt)
    seen["qstyle_enums_before_paint"] = sorted(c.__name__ for c in before if c in qstyle)
    seen["qt_enums"] = len(qt)
    seen["qt_enums_recorded"] = len(qt & set(made))
    wrong = []
    for name, member in qt_names.ENUM_OF.items():
        parts = member.split(".")  # PySide6, its module, then class, enum and member
        target = importlib.import_module(".".join(parts[:2]))
        for part in parts[2:]:
            target = getattr(target, part)
        if getattr(qt_names, name) != target.value:
            wrong.append(f"{name} = {getattr(qt_names, name)!r}, {member} = {target.value!r}")
    seen["qt_names_wrong"] = wrong
    seen["qt_names_checked"] = len(qt_names.ENUM_OF)
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
    # The probe sees Qt's enums being made at all (else the checks below prove nothing).
    assert seen["qt_enums"] > 50 and seen["qt_enums_recorded"] == seen["qt_enums"]
    # The seed's four missing figures are drawn as placeholders for this paint, too.
    assert seen["qt_enums_before_paint"] == []
    assert seen["qstyle_enums_before_paint"] == []
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
    assert seen["qt_enums_before_paint"] == []


def test_a_missing_figure_too_long_for_its_card_also_starts_without_them(
    tmp_path: Path, data_dir: Path
) -> None:
    # Its name and description are shortened to fit the card drawn for the first paint.
    library = tmp_path / "library"
    library.mkdir()
    name = "a_figure_name_" * 8 + ".png"
    alt = "A description of the figure " * 12
    write_chapter(library, "one.md", "One", f"# One\n\n![{alt}]({name})\n\nText.\n")
    seen = _first_paint(library, data_dir)
    assert seen["chapter"] == "one"
    assert seen["images"] == ["missing"]
    assert seen["qt_enums_before_paint"] == []


def test_the_named_qt_values_equal_their_enums(seed_library: Path, data_dir: Path) -> None:
    seen = _first_paint(seed_library, data_dir)
    assert seen["qt_names_checked"] >= 5
    assert seen["qt_names_wrong"] == []
