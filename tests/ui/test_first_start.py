"""A big library's first start paints its first chapter, then reads the rest in the background.

Each test opens the real window over a real library folder (or zip pack) of more
chapters than `BACKGROUND_FROM`, with an empty data folder: no snapshot, no cache. The
background read is only submitted after the first paint, so the test sees the paint with
the partial library before anything else is read.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from helpers import write_chapter
from pytestqt.qtbot import QtBot

from reader.core.library_first import BACKGROUND_FROM
from reader.core.pack import load_pack
from reader.core.pack_identity import identify
from reader.ui.app import after_first_paint, build_window
from reader.ui.main_window import MainWindow

COUNT = BACKGROUND_FROM + 20


def _library(root: Path, *, readme: bool = True) -> Path:
    """A library of COUNT chapters named in their reading order, in folders of 100."""
    root.mkdir()
    if readme:
        (root / "README.md").write_text("# The big course\n\nWelcome.\n", encoding="utf-8")
    for n in range(1, COUNT + 1):
        folder = root / f"part-{(n - 1) // 100 + 1}"
        folder.mkdir(exist_ok=True)
        (folder / f"lesson-{n}.md").write_text(f"# Lesson {n}\n\nText {n}.\n", encoding="utf-8")
    return root


def _whole(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the whole library is in and the features are installed."""
    qtbot.waitUntil(lambda: window.features.search is not None, timeout=30_000)


def _shown(window: MainWindow) -> str | None:
    doc = window.current_document()
    return doc.chapter.slug if doc is not None else None


def test_first_start_paints_before_the_library_is_read_and_ends_with_all_of_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    content, data = _library(tmp_path / "lib"), tmp_path / "data"
    window = build_window(content, data, defer=True)
    qtbot.addWidget(window)
    assert window.context.library_partial
    assert _shown(window) == "README"
    painted: list[tuple[bool, int]] = []
    after_first_paint(
        window.view.viewport(),
        lambda: painted.append((window.context.library_partial, len(window.library.chapters))),
    )
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    window.show()
    qtbot.waitUntil(lambda: bool(painted), timeout=10_000)
    assert painted[0][0] and painted[0][1] < 5  # painted with the few chapters read
    _whole(qtbot, window)

    scanned = load_pack(content)
    assert not window.context.library_partial
    assert window.library.chapters == scanned.chapters
    assert window.library.problems == scanned.problems
    assert window.library.skipped == scanned.skipped
    assert window.context.library_info == identify(scanned)
    tops = [c for c in scanned.chapters if c.parent is None]
    assert window.contents.topLevelItemCount() == len(tops)
    assert f"Reading the library: 250 of {COUNT + 1:,} chapters" in messages
    assert _shown(window) == "README"
    assert window.context.data_folder.library_snapshot(content).is_file()


def test_a_chapter_asked_for_on_a_first_start_is_shown_first(qtbot: QtBot, tmp_path: Path) -> None:
    content, data = _library(tmp_path / "lib"), tmp_path / "data"
    window = build_window(content, data, defer=True, chapter="part-3.lesson-250")
    qtbot.addWidget(window)
    assert window.context.library_partial
    assert _shown(window) == "part-3.lesson-250"
    window.show()
    _whole(qtbot, window)
    assert _shown(window) == "part-3.lesson-250"
    assert len(window.library.chapters) == COUNT + 1

    # A slug chosen in the front matter cannot be found without reading every file:
    # that start reads the whole library first, and shows the chapter.
    write_chapter(content / "part-2", "lesson-150.md", "Renamed", "Text.", slug="chosen")
    other = build_window(content, tmp_path / "data2", defer=True, chapter="chosen")
    qtbot.addWidget(other)
    assert not other.context.library_partial
    assert _shown(other) == "chosen"


def test_the_chapter_read_last_reopens_on_a_start_without_snapshot(
    qtbot: QtBot, tmp_path: Path
) -> None:
    content, data = _library(tmp_path / "lib"), tmp_path / "data"
    window = build_window(content, data, defer=True)
    qtbot.addWidget(window)
    window.show()
    _whole(qtbot, window)
    window.open_chapter("part-5.lesson-420")
    window.close()
    shutil.rmtree(data / "cache")  # no snapshot, no scan cache: as a first start

    again = build_window(content, data, defer=True)
    qtbot.addWidget(again)
    assert again.context.library_partial
    assert _shown(again) == "part-5.lesson-420"


def test_a_first_chapter_moved_by_front_matter_is_put_right_once_all_is_read(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The guess (natural order) shows part-1's first lesson; an `order:` says otherwise."""
    content, data = _library(tmp_path / "lib", readme=False), tmp_path / "data"
    write_chapter(content / "part-4", "README.md", "Start here", "Text.", order=1)
    window = build_window(content, data, defer=True)
    qtbot.addWidget(window)
    assert _shown(window) == "part-1.lesson-1"
    window.show()
    _whole(qtbot, window)
    assert window.library.chapters == load_pack(content).chapters
    assert window.library.chapters[0].title == "Start here"
    assert window.contents.topLevelItem(0).text(0) == "Start here"
    assert _shown(window) == "part-1.lesson-1"  # the page being read stays


def test_a_big_zip_pack_first_start_reads_the_rest_in_the_background(
    qtbot: QtBot, tmp_path: Path
) -> None:
    folder = _library(tmp_path / "lib")
    pack = tmp_path / "course.zip"
    with zipfile.ZipFile(pack, "w") as archive:
        for path in sorted(folder.rglob("*.md")):
            archive.write(path, "course/" + path.relative_to(folder).as_posix())
    window = build_window(pack, tmp_path / "data", defer=True)
    qtbot.addWidget(window)
    assert window.context.library_partial
    assert _shown(window) == "README"
    window.show()
    _whole(qtbot, window)
    scanned = load_pack(pack)
    assert window.library.chapters == scanned.chapters
    assert window.context.library_info == identify(scanned)
