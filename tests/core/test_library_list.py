"""The list of libraries opened before, and which library a start opens (no Qt)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from helpers import write_chapter

from reader.core.library_list import (
    LibraryEntry,
    keep_damaged_copy,
    read_list,
    record,
    remove,
    write_list,
)
from reader.core.library_start import choose_start_library
from reader.core.pack import PackError

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def _entry(name: str, kind: str = "folder") -> LibraryEntry:
    path = "" if kind == "bundled" else f"/packs/{name}"
    return LibraryEntry(path, f"derived:{name}", name.title(), kind)  # type: ignore[arg-type]


def _opened(*names: str) -> tuple[LibraryEntry, ...]:
    """The list after opening `names` one after the other, a minute apart."""
    entries: tuple[LibraryEntry, ...] = ()
    for minute, name in enumerate(names):
        kind = "bundled" if name == "bundled" else "folder"
        entries = record(entries, _entry(name, kind), moment=T0 + timedelta(minutes=minute))
    return entries


def test_the_library_opened_last_comes_first_and_is_listed_once() -> None:
    entries = _opened("alpha", "beta", "alpha", "gamma")
    assert [e.title for e in entries] == ["Gamma", "Alpha", "Beta"]
    assert entries[0].opened == "2026-03-01T09:03:00Z"


def test_the_list_survives_writing_and_reading_in_order(tmp_path: Path) -> None:
    file = tmp_path / "shared" / "libraries.json"
    entries = _opened("alpha", "bundled", "beta")
    write_list(file, entries)
    listing = read_list(file)
    assert listing.problem is None
    assert listing.entries == entries
    assert listing.last_open() == entries[0]


def test_the_cap_drops_the_oldest_but_never_the_bundled_library() -> None:
    entries = _opened("bundled", *[f"pack{n}" for n in range(40)])
    entries = record(entries, _entry("last"), cap=5, moment=T0 + timedelta(days=1))
    assert len(entries) == 5
    assert [e.title for e in entries][:4] == ["Last", "Pack39", "Pack38", "Pack37"]
    assert entries[-1].bundled


def test_a_removed_library_leaves_the_list_but_the_bundled_one_stays() -> None:
    entries = _opened("bundled", "alpha", "beta")
    assert [e.title for e in remove(entries, "/packs/alpha")] == ["Beta", "Bundled"]
    assert remove(entries, "bundled") == entries


def test_no_file_is_an_empty_list_without_a_problem(tmp_path: Path) -> None:
    listing = read_list(tmp_path / "libraries.json")
    assert listing.entries == () and listing.problem is None and listing.last_open() is None


def test_a_file_that_is_not_json_is_an_empty_list_said_damaged(tmp_path: Path) -> None:
    file = tmp_path / "libraries.json"
    file.write_bytes(b'{"version": 1, "libraries": [\xff')
    listing = read_list(file)
    assert listing.entries == () and listing.damaged
    assert listing.problem is not None and "damaged" in listing.problem


def test_a_hand_edited_file_is_read_as_far_as_it_goes(tmp_path: Path) -> None:
    file = tmp_path / "libraries.json"
    good = {"path": "/packs/a", "id": "x", "title": "A", "kind": "folder", "opened": ""}
    newer = {"path": "/packs/b", "kind": "zip", "opened": "2026-03-02T10:00:00Z"}
    rows = [good, "junk", {"path": 3, "kind": "folder"}, {"path": "/p", "kind": "tape"}, newer]
    file.write_text(json.dumps({"version": 1, "libraries": rows}), encoding="utf-8")
    listing = read_list(file)
    # Newest first; the one without a time last; a title made from the path when missing.
    assert [(e.path, e.title) for e in listing.entries] == [("/packs/b", "b"), ("/packs/a", "A")]
    assert listing.damaged and listing.problem is not None and "3 entries" in listing.problem


def test_a_damaged_list_is_copied_aside(tmp_path: Path) -> None:
    file = tmp_path / "libraries.json"
    file.write_text("not json", encoding="utf-8")
    copy = keep_damaged_copy(file, T0)
    assert copy is not None and copy.read_text(encoding="utf-8") == "not json"
    assert copy.name == "libraries.json.damaged-2026-03-01T090000Z"


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    root = tmp_path / "bundled"
    root.mkdir()
    write_chapter(root, "seed.md", "Seed", "The bundled chapter.")
    return root


def test_a_start_reopens_the_library_open_last(tmp_path: Path, bundled: Path) -> None:
    pack = tmp_path / "course"
    pack.mkdir()
    write_chapter(pack, "one.md", "One", "First chapter.")
    file = tmp_path / "libraries.json"
    entry = LibraryEntry(str(pack), "derived:one", "One", "folder")
    write_list(file, record((), entry, moment=T0))
    start = choose_start_library(None, file, bundled)
    assert start.path == pack and start.note is None
    assert start.library is not None and [c.title for c in start.library.chapters] == ["One"]


def test_a_start_opens_the_bundled_library_when_the_last_one_is_gone(
    tmp_path: Path, bundled: Path
) -> None:
    file = tmp_path / "libraries.json"
    gone = LibraryEntry(str(tmp_path / "usb" / "course"), "derived:c", "Course", "folder")
    write_list(file, record((), gone, moment=T0))
    start = choose_start_library(None, file, bundled)
    assert start.path == bundled and start.library is None
    assert start.note is not None and "Course" in start.note and "usb" in start.note
    assert "any more" in start.note  # gone, rather than unusable


def test_a_start_opens_the_bundled_library_when_the_last_one_no_longer_opens(
    tmp_path: Path, bundled: Path
) -> None:
    emptied = tmp_path / "emptied"
    emptied.mkdir()
    file = tmp_path / "libraries.json"
    write_list(file, record((), LibraryEntry(str(emptied), "d:e", "Emptied", "folder")))
    start = choose_start_library(None, file, bundled)
    assert start.path == bundled
    assert start.note is not None and "holds no chapters" in start.note


def test_a_damaged_list_starts_the_bundled_library(tmp_path: Path, bundled: Path) -> None:
    file = tmp_path / "libraries.json"
    file.write_text("{{{", encoding="utf-8")
    start = choose_start_library(None, file, bundled)
    assert start.path == bundled and start.note is None


def test_a_library_asked_for_that_cannot_be_opened_is_refused(
    tmp_path: Path, bundled: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(PackError, match="holds no chapters"):
        choose_start_library(empty, tmp_path / "libraries.json", bundled)


def test_each_reader_resumes_their_own_library_before_the_lists_last(
    tmp_path: Path, bundled: Path
) -> None:
    """Readers sharing a computer share the list, yet each resumes the course they left."""
    packs = {}
    for name in ("one", "two", "three"):
        packs[name] = tmp_path / name
        packs[name].mkdir()
        write_chapter(packs[name], "a.md", name.title(), f"The {name} course.")
    file = tmp_path / "libraries.json"
    entries: tuple[LibraryEntry, ...] = ()
    for minute, name in enumerate(("one", "two")):
        entry = LibraryEntry(str(packs[name]), f"derived:{name}", name.title(), "folder")
        entries = record(entries, entry, moment=T0 + timedelta(minutes=minute))
    write_list(file, entries)
    assert choose_start_library(None, file, bundled, load=False).path == packs["two"]
    mine = choose_start_library(None, file, bundled, load=False, own_last=str(packs["one"]))
    assert mine.path == packs["one"] and mine.title == "One"
    # The bundled one, when that is what this reader had open.
    assert choose_start_library(None, file, bundled, own_last="").path == bundled
    # A library taken off the list but still there opens, named by its folder.
    unlisted = choose_start_library(None, file, bundled, load=False, own_last=str(packs["three"]))
    assert unlisted.path == packs["three"] and unlisted.title == "three"
    # Gone: the bundled one, saying so.
    gone = choose_start_library(None, file, bundled, own_last=str(tmp_path / "usb" / "four"))
    assert gone.path == bundled and gone.note is not None and "four" in gone.note
