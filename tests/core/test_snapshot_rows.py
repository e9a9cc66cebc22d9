"""The snapshot's first paint reads single rows out of its joined columns: every row, the
first and the last, slugs that are parts of other slugs, and a file changed since."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import write_chapter

from reader.core.library_scan import load_library
from reader.core.library_snapshot import Snapshot, read_snapshot, write_snapshot
from reader.core.pack_identity import identify

# "c1" is the start of "c10" and the end of "ac1": a row found by its slug must be the
# one whose whole field matches.
SLUGS = ["c10", "ac1", "c1", "c1-more", "zed"]


def _stored(tmp_path: Path) -> tuple[Path, Path]:
    root = tmp_path / "library"
    root.mkdir()
    for order, slug in enumerate(SLUGS, start=1):
        write_chapter(
            root, f"{slug}.md", f"Title of {slug}", f"# {slug}\n\nText.", slug=slug, order=order
        )
    library = load_library(root)
    assert [c.slug for c in library.chapters] == SLUGS
    path = tmp_path / "snap.bin"
    assert write_snapshot(path, library, identify(library))
    return root, path


def _fresh(path: Path, root: Path) -> Snapshot:
    snapshot = read_snapshot(path, root.resolve())
    assert snapshot is not None
    return snapshot


def test_each_chapter_read_alone_is_the_chapter_of_the_whole_library(tmp_path: Path) -> None:
    root, path = _stored(tmp_path)
    whole = _fresh(path, root).library()
    for index, slug in enumerate(SLUGS):
        first = _fresh(path, root).first_paint(slug)  # a fresh snapshot: nothing split yet
        assert first is not None
        library, shown = first
        assert shown == whole.chapters[index]
        assert library.chapters[0] == whole.chapters[0]
        assert _fresh(path, root).unchanged(shown)


def test_a_slug_not_in_the_library_shows_the_first_chapter(tmp_path: Path) -> None:
    root, path = _stored(tmp_path)
    for wanted in ("c", "1", "c1-", "", None):
        first = _fresh(path, root).first_paint(wanted)
        assert first is not None and first[1].slug == "c10"


def test_a_chapter_changed_since_the_scan_is_not_trusted(tmp_path: Path) -> None:
    root, path = _stored(tmp_path)
    first = _fresh(path, root).first_paint("c1")
    assert first is not None
    shown = first[1]
    later = shown.path.stat().st_mtime_ns + 5_000_000_000
    os.utime(shown.path, ns=(later, later))
    assert not _fresh(path, root).unchanged(shown)
    assert _fresh(path, root).unchanged(_fresh(path, root).library().chapters[0])


def test_accents_and_a_file_name_that_is_not_utf8_come_back_as_scanned(tmp_path: Path) -> None:
    root = tmp_path / "library"
    root.mkdir()
    write_chapter(root, "first.md", "Première leçon 📘", "# Un\n\nTexte.", order=1)
    odd_name = os.fsdecode(b"caf\xe9.md")  # Latin-1 bytes: a lone surrogate in Python
    write_chapter(root, odd_name, "Café", "# Deux\n\nTexte.", order=2)
    library = load_library(root)
    assert [c.relpath for c in library.chapters] == ["first.md", odd_name]
    path = tmp_path / "snap.bin"
    assert write_snapshot(path, library, identify(library))
    assert _fresh(path, root).library() == library
    first = _fresh(path, root).first_paint(library.chapters[1].slug)
    assert first is not None and first[1] == library.chapters[1]
    assert _fresh(path, root).unchanged(first[1])


def test_a_snapshot_damaged_inside_its_text_is_not_trusted(tmp_path: Path) -> None:
    # Same length and separators, but a byte that is not UTF-8 in the titles: the first
    # paint scans the library instead, and the whole library reports the damage.
    import marshal

    root, path = _stored(tmp_path)
    data = list(marshal.loads(path.read_bytes()))
    columns = dict(data[2])
    columns["title"] = b"\xff" + columns["title"][1:]
    data[2] = columns
    path.write_bytes(marshal.dumps(tuple(data)))
    damaged = _fresh(path, root)
    assert damaged.first_paint("zed") is None
    with pytest.raises(UnicodeDecodeError):
        damaged.library()
