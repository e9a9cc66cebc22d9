"""Course packs: a folder and its zip (with or without a top folder) are the same library;
damaged, escaping and bomb zips are refused before anything is read, and nothing is
ever unpacked to disk."""

from __future__ import annotations

import struct
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from helpers import CARPENTRIES_COURSE, COURSES, IOT_COURSE, write_png
from pack_zips import zip_entries, zip_folder

from reader.core.document import load_document
from reader.core.library import MAX_CHAPTER_BYTES, Library
from reader.core.links import classify_link
from reader.core.pack import PackError, open_library
from reader.core.search import SearchIndex

needs_courses = pytest.mark.skipif(
    not COURSES.is_dir(), reason=f"the shared courses are not at {COURSES}"
)


def _chapters(library: Library) -> list[tuple[object, ...]]:
    return [
        (c.slug, c.title, c.parent, c.part, c.relpath, c.content_hash, c.abstract, c.order)
        for c in library.chapters
    ]


def _messages(problems: tuple[object, ...]) -> list[tuple[str, str, str]]:
    return sorted((p.path, p.kind, p.message) for p in problems)  # type: ignore[attr-defined]


def assert_same_library(folder: Library, packed: Library) -> None:
    """Same chapters, problems, outlines, figure bytes and links, chapter by chapter."""
    assert packed.chapters, "the zip gave no chapters"
    assert _chapters(packed) == _chapters(folder)
    assert _messages(packed.problems) == _messages(folder.problems)
    assert _messages(packed.skipped) == _messages(folder.skipped)
    figures = 0
    for ours, theirs in zip(folder.chapters, packed.chapters, strict=True):
        assert theirs.body == ours.body
        mine, other = load_document(ours, folder.files), load_document(theirs, packed.files)
        assert other.rendered.headings == mine.rendered.headings
        assert other.rendered.html == mine.rendered.html
        assert [(i.src, i.status) for i in other.rendered.images] == [
            (i.src, i.status) for i in mine.rendered.images
        ]
        for mine_ref, other_ref in zip(mine.rendered.images, other.rendered.images, strict=True):
            if mine_ref.status == "found":
                assert mine_ref.path is not None and other_ref.path is not None
                assert other_ref.files is not None
                assert other_ref.files.read_path(other_ref.path) == mine_ref.path.read_bytes()
                figures += 1
        for href in dict.fromkeys(mine.rendered.links):
            assert classify_link(href, theirs.slug, packed) == classify_link(
                href, ours.slug, folder
            )
    return None


def _generated(root: Path) -> Path:
    """A library using every rule of discovery: folders, README, natural order, skips."""
    (root / "2-basics" / "images").mkdir(parents=True)
    (root / "10-advanced").mkdir()
    (root / "README.md").write_text(
        "# Generated course\n\nSee [basics](2-basics/), [notes](notes.txt), "
        "[art](2-basics/images/).\n"
    )
    (root / "2-basics" / "README.md").write_text("# Basics\n\n![A chart](images/chart.png)\n")
    write_png(root / "2-basics" / "images" / "chart.png", 40, 30)
    (root / "2-basics" / "1-first.md").write_text("# First\n\n## Part\n\nText.\n")
    (root / "2-basics" / "10-tenth.md").write_text("---\ntitle: Tenth\norder: 1\n---\nBody.\n")
    (root / "10-advanced" / "index.md").write_text("No heading here.\n\n![gone](missing.png)\n")
    (root / ".hidden.md").write_text("# Hidden\n")
    (root / ".git").mkdir()
    (root / ".git" / "x.md").write_text("# Git\n")
    (root / "node_modules" / "pkg").mkdir(parents=True)
    (root / "node_modules" / "pkg" / "README.md").write_text("# Package\n")
    (root / "bad.md").write_bytes(b"# Bad\n\xff\xfe not UTF-8\n")
    (root / "notes.txt").write_text("not a chapter")
    return root


@pytest.mark.parametrize("top", [None, "course-main"])
def test_a_generated_library_reads_the_same_from_a_zip(tmp_path: Path, top: str | None) -> None:
    folder = open_library(_generated(tmp_path / "course"))
    packed = open_library(zip_folder(tmp_path / "course", tmp_path / "pack.zip", top))
    assert_same_library(folder, packed)
    assert [c.relpath for c in packed.chapters][:3] == [
        "README.md",
        "2-basics/README.md",
        "2-basics/10-tenth.md",
    ]
    assert {p.path for p in packed.skipped} >= {".hidden.md", ".git", "node_modules"}
    assert any(p.path == "bad.md" and p.kind == "unreadable" for p in packed.problems)
    # The top README without a title takes the pack's name, as a folder's takes its own.
    assert packed.by_relpath("10-advanced/index.md") is not None


def test_an_mdbook_reads_the_same_from_a_zip(tmp_path: Path) -> None:
    root = tmp_path / "book"
    (root / "src").mkdir(parents=True)
    (root / "book.toml").write_text('[book]\ntitle = "The Book"\nsrc = "src"\n')
    (root / "src" / "SUMMARY.md").write_text(
        "# Summary\n\n- [Intro](intro.md)\n  - [Nested](nested.md)\n- [Later](later.md)\n"
    )
    for name in ("intro", "nested", "later", "unlisted"):
        (root / "src" / f"{name}.md").write_text(f"# {name.title()}\n")
    (root / "book").mkdir()
    (root / "book" / "built.md").write_text("# Built\n")
    folder = open_library(root)
    packed = open_library(zip_folder(root, tmp_path / "book.zip", "book-gh-pages"))
    assert_same_library(folder, packed)
    assert [c.title for c in packed.chapters] == ["Intro", "Nested", "Later"]
    assert packed.chapters[1].parent == packed.chapters[0].slug


@needs_courses
@pytest.mark.parametrize(
    ("course", "top"),
    [(IOT_COURSE, "IoT-For-Beginners-main"), (CARPENTRIES_COURSE, None)],
    ids=["iot-github-zip", "carpentries-flat-zip"],
)
def test_a_real_course_reads_the_same_from_its_zip(
    tmp_path: Path, course: Path, top: str | None
) -> None:
    folder = open_library(course)
    packed = open_library(zip_folder(course, tmp_path / "course.zip", top))
    assert packed.root == (tmp_path / "course.zip").resolve()
    assert_same_library(folder, packed)


@needs_courses
def test_search_finds_the_same_in_a_folder_and_its_zip(tmp_path: Path) -> None:
    folder = open_library(CARPENTRIES_COURSE)
    packed = open_library(zip_folder(CARPENTRIES_COURSE, tmp_path / "c.zip", "lesson-main"))
    results = []
    for name, library in (("folder", folder), ("zip", packed)):
        with SearchIndex(tmp_path / f"{name}.sqlite3") as index:
            index.sync(library)
            results.append(
                [
                    [(h.chapter, h.heading, h.segments, h.start) for h in index.search(query)]
                    for query in ("inflammation", "numpy array", "for loop", "matplotlib")
                ]
            )
    assert results[0] == results[1]
    assert all(results[1]), "every query finds something"


def test_nothing_is_unpacked_to_disk(tmp_path: Path) -> None:
    pack = zip_folder(_generated(tmp_path / "course"), tmp_path / "pack.zip", "c-main")
    (tmp_path / "elsewhere").mkdir()
    before = sorted(p for p in tmp_path.rglob("*"))
    library = open_library(pack)
    for chapter in library.chapters:
        load_document(chapter, library.files)
    assert sorted(p for p in tmp_path.rglob("*")) == before


# -- refusals -------------------------------------------------------------------------------


def _refused(path: Path) -> str:
    before = sorted(path.parent.rglob("*"))
    with pytest.raises(PackError) as refused:
        open_library(path)
    assert sorted(path.parent.rglob("*")) == before, "a refused pack wrote something"
    return refused.value.message


def test_a_file_named_zip_that_is_not_one_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "course.zip"
    fake.write_text("# Just Markdown\n")
    message = _refused(fake)
    assert "course.zip" in message and "not a course pack" in message


def test_a_zip_is_recognised_by_its_content_not_its_name(tmp_path: Path) -> None:
    pack = zip_entries(tmp_path / "course.download", {"README.md": "# Inside\n"})
    assert [c.title for c in open_library(pack).chapters] == ["Inside"]


def test_a_truncated_zip_is_refused(tmp_path: Path) -> None:
    whole = zip_folder(_generated(tmp_path / "course"), tmp_path / "whole.zip")
    cut = tmp_path / "cut" / "cut.zip"
    cut.parent.mkdir()
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    message = _refused(cut)
    assert "cut.zip cannot be opened" in message and "new copy" in message


@pytest.mark.parametrize(
    "name", ["../evil.md", "lesson/../../evil.md", "/etc/evil.md", "C:/evil.md", "a\\..\\..\\b.md"]
)
def test_a_zip_with_an_entry_escaping_it_is_refused_whole(tmp_path: Path, name: str) -> None:
    pack = zip_entries(tmp_path / "pack.zip", {"README.md": "# Fine\n", name: "# Evil\n"})
    message = _refused(pack)
    assert "points outside the pack" in message
    assert not (tmp_path.parent / "evil.md").exists()


def test_a_zip_locked_by_a_password_is_refused(tmp_path: Path) -> None:
    pack = zip_entries(tmp_path / "pack.zip", {"README.md": "# Locked\n"})
    data = bytearray(pack.read_bytes())
    # Set the "encrypted" bit in the local header and in the central directory.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        flags = struct.unpack_from("<H", data, at + offset)[0]
        struct.pack_into("<H", data, at + offset, flags | 1)
    pack.write_bytes(bytes(data))
    assert "password" in _refused(pack)


def _declare_size(pack: Path, size: int) -> None:
    """Patch every header of `pack` to declare `size` uncompressed bytes (nothing more stored)."""
    data = bytearray(pack.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(signature)
        while at >= 0:
            struct.pack_into("<L", data, at + offset, size)
            at = data.find(signature, at + 4)
    pack.write_bytes(bytes(data))


def test_a_zip_declaring_a_huge_size_is_refused_before_reading(tmp_path: Path) -> None:
    pack = zip_entries(tmp_path / "bomb.zip", {f"part{i}.md": "# Part\n" * 200 for i in range(3)})
    _declare_size(pack, 0xFFFF_FFF0)  # three entries of 4 GB each
    tracemalloc.start()
    try:
        message = _refused(pack)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "zip bomb" in message
    assert peak < 5 * 1024 * 1024


def test_a_highly_compressed_entry_is_refused_as_a_bomb(tmp_path: Path) -> None:
    pack = tmp_path / "zeros.zip"
    with zipfile.ZipFile(pack, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.md", "# Course\n")
        with archive.open("figures/blank.png", "w") as entry:
            for _ in range(50):
                entry.write(bytes(1024 * 1024))  # 50 MB of zeros, about 50 KB packed
    assert pack.stat().st_size < 1024 * 1024
    tracemalloc.start()
    try:
        message = _refused(pack)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "zip bomb" in message and "figures/blank.png" in message
    assert peak < 5 * 1024 * 1024


def test_a_zip_with_too_many_entries_is_refused_before_it_is_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core import zip_pack

    pack = zip_entries(tmp_path / "many.zip", {f"c{i}.md": "# C\n" for i in range(12)})
    monkeypatch.setattr(zip_pack, "MAX_ZIP_ENTRIES", 10)

    def never(*args: object) -> None:
        raise AssertionError("the entries were listed before the count was checked")

    monkeypatch.setattr(zip_pack.zipfile, "ZipFile", never)
    message = _refused(pack)
    assert "12 entries, more than the 10" in message


def test_a_zip_without_chapters_is_refused(tmp_path: Path) -> None:
    pack = zip_entries(tmp_path / "empty.zip", {"notes.txt": "hello", "img/a.png": b"\x89PNG"})
    assert "holds no chapters" in _refused(pack)


def test_a_damaged_chapter_is_reported_and_the_others_load(tmp_path: Path) -> None:
    pack = tmp_path / "pack.zip"
    with zipfile.ZipFile(pack, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("README.md", "# Course\n")
        archive.writestr("damaged.md", "# Damaged\n\nSome text that gets a wrong byte.\n")
    data = pack.read_bytes()
    at = data.find(b"wrong byte")
    pack.write_bytes(data[:at] + b"W" + data[at + 1 :])  # the CRC no longer matches
    library = open_library(pack)
    assert [c.relpath for c in library.chapters] == ["README.md"]
    (problem,) = [p for p in library.problems if p.path == "damaged.md"]
    assert problem.kind == "unreadable" and "damaged" in problem.message


def test_a_chapter_over_the_size_limit_is_reported_as_in_a_folder(tmp_path: Path) -> None:
    pack = tmp_path / "big.zip"
    line = b"Some words of a long chapter, not very compressible: %d.\n"
    big = b"".join(line % i for i in range(MAX_CHAPTER_BYTES // 40))
    with zipfile.ZipFile(pack, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("README.md", "# Course\n")
        archive.writestr("huge.md", big)
    library = open_library(pack)
    (problem,) = [p for p in library.problems if p.path == "huge.md"]
    assert problem.kind == "unreadable" and "Split it" in problem.message


def test_a_zip_declaring_more_than_two_gigabytes_in_all_is_refused(tmp_path: Path) -> None:
    pack = zip_entries(tmp_path / "large.zip", {"a.md": "# A\n", "b.md": "# B\n"})
    data = bytearray(pack.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:  # each declares 1.5 GB, stored as 1.5 GB: no ratio to notice
        struct.pack_into("<LL", data, at + 20, 1536 * 1024 * 1024, 1536 * 1024 * 1024)
        at = data.find(b"PK\x01\x02", at + 4)
    pack.write_bytes(bytes(data))
    message = _refused(pack)
    assert "zip bomb" in message and "b.md" in message
