"""A restart's first paint trusts the snapshot of the last scan; a scan right after verifies it.

Each test opens the real window twice over a real library folder and data folder: the
first start scans and leaves a snapshot; between the two starts the library is changed
on disk, as it may be while the reader is closed.
"""

from __future__ import annotations

from pathlib import Path

from helpers import write_chapter
from pytestqt.qtbot import QtBot

from reader.core.library_scan import load_library
from reader.core.library_snapshot import read_snapshot, write_snapshot
from reader.core.pack_identity import identify
from reader.ui.app import build_window
from reader.ui.main_window import MainWindow
from reader.ui.tasks import TaskRunner


def _library(root: Path, count: int) -> Path:
    root.mkdir()
    for n in range(1, count + 1):
        write_chapter(root, f"c{n:02d}.md", f"Chapter {n}", f"# Chapter {n}\n\nText {n}.", order=n)
    return root


def _start(qtbot: QtBot, content: Path, data: Path) -> MainWindow:
    """The window as `field-reader` opens it, once its after-paint work has ended."""
    window = build_window(content, data, defer=True)
    qtbot.addWidget(window)
    window.show()
    folder = window.context.data_folder
    qtbot.waitUntil(lambda: window.features.search is not None, timeout=10_000)
    runner = window.findChild(TaskRunner, "taskRunner")
    qtbot.waitUntil(lambda: runner is None or not runner.active(), timeout=10_000)
    assert folder.library_snapshot(content).is_file()
    return window


def _titles(window: MainWindow) -> list[str]:
    tree = window.contents
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def test_restart_paints_from_the_snapshot_then_the_whole_library(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Unchanged: the first paint has only the chapter shown, then all of them, as scanned."""
    content, data = _library(tmp_path / "lib", 5), tmp_path / "data"
    first = _start(qtbot, content, data)
    first.close()

    again = build_window(content, data, defer=True)
    qtbot.addWidget(again)
    # Before the paint: the chapter shown, from the snapshot (no scan yet).
    assert again.context.library_partial
    assert [c.slug for c in again.library.chapters] == ["c01"]
    assert again.contents.topLevelItemCount() == 0
    again.show()
    qtbot.waitUntil(lambda: len(again.library.chapters) == 5, timeout=10_000)
    assert not again.context.library_partial
    assert _titles(again) == [f"Chapter {n}" for n in range(1, 6)]
    assert again.library.chapters == load_library(content).chapters


def test_a_snapshot_damaged_past_the_first_paint_is_replaced_by_the_scan(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A title the first paint does not read is not UTF-8 on disk: the window still
    paints, and the scan after the paint gives the whole library as it is."""
    import marshal

    content, data = _library(tmp_path / "lib", 5), tmp_path / "data"
    first = _start(qtbot, content, data)
    path = first.context.data_folder.library_snapshot(content)
    first.close()
    stored = list(marshal.loads(path.read_bytes()))
    columns = dict(stored[2])
    columns["title"] = columns["title"][:-1] + b"\xff"  # the last chapter's title
    stored[2] = columns
    path.write_bytes(marshal.dumps(tuple(stored)))

    again = _start(qtbot, content, data)
    qtbot.waitUntil(lambda: _titles(again) == [f"Chapter {n}" for n in range(1, 6)])
    assert again.library.chapters == load_library(content).chapters


def test_chapters_added_removed_and_edited_while_closed_show_after_the_check(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The scan after the paint finds what changed while the reader was closed."""
    content, data = _library(tmp_path / "lib", 4), tmp_path / "data"
    _start(qtbot, content, data).close()
    write_chapter(content, "c05.md", "A new chapter", "New text.", order=5)
    (content / "c03.md").unlink()
    write_chapter(content, "c02.md", "Chapter two, renamed", "Edited text.", order=2)

    window = build_window(content, data, defer=True)
    qtbot.addWidget(window)
    window.show()
    expected = ["Chapter 1", "Chapter two, renamed", "Chapter 4", "A new chapter"]
    qtbot.waitUntil(lambda: _titles(window) == expected, timeout=10_000)
    assert [c.title for c in window.library.chapters] == expected
    assert window.library.by_slug("c03") is None
    # The next start's snapshot is the verified scan.
    stored = read_snapshot(window.context.data_folder.library_snapshot(content), content.resolve())
    assert stored is not None and stored.library().chapters == window.library.chapters


def test_the_chapter_shown_is_always_its_file_now(qtbot: QtBot, tmp_path: Path) -> None:
    """The chapter to show was edited while closed: it is shown as it is now, not cached."""
    content, data = _library(tmp_path / "lib", 3), tmp_path / "data"
    first = _start(qtbot, content, data)
    qtbot.waitUntil(lambda: first.current_document() is not None)
    first.open_chapter("c02")
    first.close()
    write_chapter(content, "c02.md", "Chapter 2", "# Chapter 2\n\nRewritten while closed.", order=2)

    window = build_window(content, data, defer=True)
    qtbot.addWidget(window)
    doc = window.current_document()
    assert doc is not None and doc.chapter.slug == "c02"
    assert "Rewritten while closed." in window.view.toPlainText()


def test_a_snapshot_of_another_folder_or_damaged_is_not_used(tmp_path: Path) -> None:
    """Only the snapshot of this very folder, readable and of this version, is trusted."""
    content = _library(tmp_path / "lib", 2)
    library = load_library(content)
    path = tmp_path / "snap.bin"
    assert write_snapshot(path, library, identify(library))
    stored = read_snapshot(path, library.root)
    assert stored is not None and stored.library() == library
    # The identity is kept with it: the first paint's chapter or two cannot tell it.
    assert stored.info == identify(library)
    assert read_snapshot(path, tmp_path) is None
    path.write_bytes(b"not a snapshot")
    assert read_snapshot(path, library.root) is None
    assert read_snapshot(tmp_path / "missing.bin", library.root) is None


def test_a_snapshot_keeps_every_field_and_refuses_what_it_cannot_store(tmp_path: Path) -> None:
    """Parents, parts, orders and spans come back as scanned; a title holding the
    snapshot's own separators is not stored (the next start scans instead)."""
    content = tmp_path / "book"
    (content / "src" / "part").mkdir(parents=True)
    (content / "src" / "SUMMARY.md").write_text(
        "# Summary\n\n[Intro](intro.md)\n\n# Part One\n\n- [Topic](part/README.md)\n"
        "    - [Detail](part/detail.md)\n",
        encoding="utf-8",
    )
    write_chapter(content / "src", "intro.md", "Intro", "Opening words.", order=2.5)
    write_chapter(content / "src" / "part", "README.md", "Topic", "About the topic.")
    write_chapter(content / "src" / "part", "detail.md", "Détail ünicode", "Deeper.")
    library = load_library(content)
    assert any(c.parent for c in library.chapters) and any(c.part for c in library.chapters)
    path = tmp_path / "snap.bin"
    assert write_snapshot(path, library, identify(library))
    stored = read_snapshot(path, library.root)
    assert stored is not None and stored.library() == library
    first = stored.first_paint(library.chapters[-1].slug)
    assert first is not None and first[1] == library.chapters[-1]

    odd = _library(tmp_path / "odd", 2)
    (odd / "c02.md").write_text("# Two\x01sneaky\n\nText.\n", encoding="utf-8")
    odd_library = load_library(odd)
    assert not write_snapshot(path, odd_library, identify(odd_library))
    assert not path.exists()
