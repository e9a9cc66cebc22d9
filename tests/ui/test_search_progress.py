"""Indexing a big library in the window: progress in the Search tab, and answers from the
chapters indexed so far, refreshed when indexing ends."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from helpers import write_chapter
from PySide6.QtCore import Qt, QThread
from pytestqt.qtbot import QtBot

import reader.core.search as search_module
import reader.core.search_build as search_build
from reader.core.library import Chapter, Library
from reader.core.library_scan import load_library
from reader.ui.context import create_context
from reader.ui.main_window import MainWindow
from reader.ui.search_feature import SearchFeature, install_search

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
CHAPTERS = 120
HELD_AT = 40


@pytest.fixture
def big_library(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    root.mkdir()
    for number in range(CHAPTERS):
        # "lantern keeper" once per chapter: fewer answers than the 50 shown while indexing.
        body = "\n\n".join(
            f"## Part {part}\n\nThe {'lantern' if part == 0 else 'tower'} keeper of chapter "
            f"{number} writes part {part} of a long account, so that each chapter takes a "
            "moment to render."
            for part in range(12)
        )
        write_chapter(root, f"c{number:03d}.md", f"Chapter {number}", body, order=number)
    return root


class Gate:
    """Holds the build before the chapter numbered HELD_AT until released."""

    def __init__(self) -> None:
        self.released = threading.Event()

    def render(
        self,
        real: Callable[..., Iterator[tuple[Chapter, object]]],
    ) -> Callable[..., Iterator[tuple[Chapter, object]]]:
        def held(
            library: Library,
            chapters: Sequence[Chapter],
            stop: Callable[[], bool],
            workers: object,
            render_cache: Path | None,
        ) -> Iterator[tuple[Chapter, object]]:
            for number, item in enumerate(real(library, chapters, stop, 0, render_cache)):
                if number == HELD_AT:
                    self.released.wait(30)
                yield item

        return held


def open_window(qtbot: QtBot, root: Path, data_dir: Path) -> tuple[MainWindow, SearchFeature]:
    window = MainWindow(create_context(load_library(root), data_dir))
    qtbot.addWidget(window)
    feature = install_search(window.context, window)
    window.rebuild_menus()
    window.resize(1100, 760)
    window.show()
    qtbot.waitExposed(window)
    return window, feature


def test_search_while_indexing_answers_from_the_chapters_indexed_so_far(
    qtbot: QtBot, big_library: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = Gate()
    # A commit after every chapter, and the build held after HELD_AT of them.
    monkeypatch.setattr(search_module, "_BATCH_SECONDS", 0.0)
    monkeypatch.setattr(search_module, "render_sections", gate.render(search_build.render_sections))
    window, feature = open_window(qtbot, big_library, data_dir)
    try:
        panel = feature.panel
        held = f"Indexing chapters: {HELD_AT} of {CHAPTERS}"
        qtbot.waitUntil(lambda: panel.status_text() == held, timeout=20000)
        assert feature.indexing_progress() == (HELD_AT, CHAPTERS)
        assert not feature.is_ready()

        qtbot.keyClick(window, Qt.Key.Key_F, CTRL_SHIFT)
        qtbot.keyClicks(panel.field, "lantern keeper")
        qtbot.waitUntil(lambda: bool(panel.hits()), timeout=5000)
        found = {hit.chapter for hit in panel.hits()}
        assert found == {f"c{number:03d}" for number in range(HELD_AT)}
        assert panel.status_text() == (
            f"{HELD_AT} results. Still indexing: results from {HELD_AT} of {CHAPTERS} chapters."
        )
    finally:
        gate.released.set()
    qtbot.waitUntil(feature.is_ready, timeout=30000)
    # The answer is given again from the whole library, without typing anything.
    qtbot.waitUntil(lambda: len(panel.hits()) == 50, timeout=5000)
    assert panel.status_text() == "50 results."
    assert feature.indexing_progress() is None
    window.close()


def test_thousands_are_grouped_in_the_progress(
    qtbot: QtBot, big_library: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, feature = open_window(qtbot, big_library, data_dir)
    qtbot.waitUntil(feature.is_ready, timeout=30000)
    feature._on_progress(4200, 10000)
    assert feature.panel.status_text() == "Indexing chapters: 4,200 of 10,000"
    window.close()


def test_restart_with_an_up_to_date_index_does_no_work(
    qtbot: QtBot, big_library: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, feature = open_window(qtbot, big_library, data_dir)
    qtbot.waitUntil(feature.is_ready, timeout=30000)
    window.close()

    rendered: list[str] = []
    real = search_build.chapter_sections

    def counted(chapter: Chapter, root: object) -> object:
        rendered.append(chapter.slug)
        return real(chapter, root)  # type: ignore[arg-type]

    monkeypatch.setattr(search_build, "chapter_sections", counted)
    window, feature = open_window(qtbot, big_library, data_dir)
    # Ready at once: no indexing thread was even started.
    assert feature.is_ready() and not feature.findChildren(QThread)
    window.close()

    path = big_library / "c007.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n\nA zanzibarian coda.\n", "utf-8")
    window, feature = open_window(qtbot, big_library, data_dir)
    qtbot.waitUntil(feature.is_ready, timeout=30000)
    assert rendered == ["c007"]
    assert [hit.chapter for hit in feature.index.search("zanzibarian")] == ["c007"]
    window.close()
