"""Two data folders syncing through one shared folder, without Qt."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core import sync as sync_module
from reader.core.anchoring import describe
from reader.core.data_folder import NOTES_FILE
from reader.core.document import load_document
from reader.core.library import Library
from reader.core.library_scan import load_library
from reader.core.notes import Annotation
from reader.core.sync import installation_id, sync_file_name, sync_folder, write_atomic
from reader.storage.annotations import AnnotationStore
from reader.storage.db import Database


class Machine:
    """One installation: its own data folder and notes database."""

    def __init__(self, data: Path, library: Library) -> None:
        data.mkdir()
        self.data = data
        self.library = library
        self.db = Database(data / NOTES_FILE)
        self.store = AnnotationStore(self.db)

    def highlight(self, phrase: str, colour: str = "yellow", note: str = "") -> Annotation:
        chapter = self.library.by_slug("human-security")
        assert chapter is not None
        text = load_document(chapter, self.library.root).plain.text
        start = text.index(phrase)
        return self.store.add(
            "human-security", describe(text, start, start + len(phrase)), colour, note
        )

    def sync(self, folder: Path) -> None:
        result = sync_folder(self.store, self.library, self.data, folder)
        assert not result.refused and result.write_error is None

    def live(self) -> list[Annotation]:
        return self.store.list()

    def history(self) -> list[tuple[str, str, bool]]:
        return [(a.id, a.modified, a.deleted) for a in self.store.all_including_tombstones()]


@pytest.fixture
def machines(seed_library: Path, tmp_path: Path) -> Iterator[tuple[Machine, Machine, Path]]:
    library = load_library(seed_library)
    shared = tmp_path / "usb-stick"
    shared.mkdir()
    a, b = Machine(tmp_path / "lab-a", library), Machine(tmp_path / "lab-b", library)
    yield a, b, shared
    a.db.close()
    b.db.close()


def test_two_machines_converge_after_edits_and_deletions_on_both_sides(
    machines: tuple[Machine, Machine, Path],
) -> None:
    a, b, shared = machines
    first = a.highlight("freedom from fear", "green", "from lab A")
    second = a.highlight("human security", "pink")
    b.highlight("Poverty", "blue", "from lab B")
    a.sync(shared)
    b.sync(shared)
    a.sync(shared)
    assert a.live() == b.live() and len(a.live()) == 3

    # Both sides change things while apart: edits, a deletion each, a new note each.
    a.store.set_note(first.id, "edited on A")
    b.store.delete(second.id)
    [poverty] = [x for x in a.live() if x.note == "from lab B"]
    a.store.delete(poverty.id)
    b.store.set_colour(first.id, "purple")  # later than A's edit: this version wins
    a.highlight("freedom from want", "yellow", "new on A")
    b.highlight("Health", "green", "new on B")
    for machine in (a, b, a):
        machine.sync(shared)

    assert a.live() == b.live()
    assert a.history() == b.history()
    notes = sorted(x.note for x in a.live())
    assert notes == ["from lab A", "new on A", "new on B"]
    [winner] = [x for x in a.live() if x.id == first.id]
    assert winner.colour == "purple"  # the newer edit wins as a whole
    assert second.id not in {x.id for x in a.live()}

    # Syncing again changes nothing on either side, and does not even rewrite the files.
    before = (a.history(), b.history())
    inodes = {p.name: p.stat().st_ino for p in shared.iterdir()}
    a.sync(shared)
    b.sync(shared)
    assert (a.history(), b.history()) == before
    assert {p.name: p.stat().st_ino for p in shared.iterdir()} == inodes


def test_each_machine_writes_one_file_named_after_its_installation(
    machines: tuple[Machine, Machine, Path],
) -> None:
    a, b, shared = machines
    a.highlight("freedom from fear")
    a.sync(shared)
    b.sync(shared)
    ids = {installation_id(a.data), installation_id(b.data)}
    assert len(ids) == 2
    assert sorted(p.name for p in shared.iterdir()) == sorted(sync_file_name(i) for i in ids)
    assert installation_id(a.data) == installation_id(a.data)
    data = json.loads((shared / sync_file_name(installation_id(a.data))).read_text())
    assert data["type"] == "AnnotationCollection" and data["total"] == 1


def test_a_broken_file_in_the_folder_is_left_out_and_reported(
    machines: tuple[Machine, Machine, Path],
) -> None:
    a, b, shared = machines
    b.highlight("freedom from fear")
    b.sync(shared)
    # Half a file, as a USB stick pulled out during another program's write would leave.
    (shared / "field-reader-broken.json").write_text('{"type": "AnnotationCollection", "fir')
    result = sync_folder(a.store, a.library, a.data, shared)
    assert list(result.refused) == [shared / "field-reader-broken.json"]
    assert "not valid JSON" in result.refused[shared / "field-reader-broken.json"]
    assert len(a.live()) == 1  # the good file was still merged


def test_atomic_write_leaves_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    path = tmp_path / "field-reader-x.json"
    write_atomic(path, "old")

    with pytest.raises(UnicodeEncodeError):  # a lone surrogate has no UTF-8
        write_atomic(path, "new \ud800")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["field-reader-x.json"]


def test_missing_sync_folder_is_reported_not_raised(
    machines: tuple[Machine, Machine, Path], tmp_path: Path
) -> None:
    a, _, _ = machines
    result = sync_folder(a.store, a.library, a.data, tmp_path / "not-plugged-in")
    assert result.written is None and result.write_error


def test_a_file_that_hits_a_bug_is_reported_and_the_others_still_merge(
    machines: tuple[Machine, Machine, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, shared = machines
    b.highlight("freedom from fear")
    b.sync(shared)
    poisoned = shared / "field-reader-a-poisoned.json"
    poisoned.write_text((shared / sync_file_name(installation_id(b.data))).read_text())
    real_read = sync_module.read_import_file

    def read(path: Path) -> bytes:
        # Stands in for a bug met while reading one file (the OverflowError of a position
        # too big for SQLite was one).
        if path == poisoned:
            raise OverflowError("Python int too large to convert to SQLite INTEGER")
        return real_read(path)

    monkeypatch.setattr(sync_module, "read_import_file", read)
    result = sync_folder(a.store, a.library, a.data, shared)
    assert list(result.refused) == [poisoned]
    assert (
        "internal error" in result.refused[poisoned] and "OverflowError" in result.refused[poisoned]
    )
    assert "Traceback" in result.failures[poisoned]
    assert len(a.live()) == 1  # b's file was merged
    assert result.written == shared / sync_file_name(installation_id(a.data))
    assert json.loads(result.written.read_text())["total"] == 1


def test_a_position_too_big_for_the_database_refuses_only_its_file(
    machines: tuple[Machine, Machine, Path],
) -> None:
    a, b, shared = machines
    b.highlight("freedom from fear")
    b.sync(shared)
    item = {
        "id": "urn:uuid:6f1c9a52-3f4e-4b8e-9a57-1d2c3b4a5f60",
        "type": "Annotation",
        "modified": "2024-05-01T10:00:00Z",
        "target": {
            "source": "chapter:human-security",
            "selector": [
                {"type": "TextQuoteSelector", "exact": "a passage not in the chapter"},
                {"type": "TextPositionSelector", "start": 2**63, "end": 2**63 + 5},
            ],
        },
    }
    hostile = shared / "field-reader-0-hostile.json"
    hostile.write_text(json.dumps({"type": "AnnotationPage", "items": [item]}))
    result = sync_folder(a.store, a.library, a.data, shared)
    assert list(result.refused) == [hostile]
    assert "longer than any chapter" in result.refused[hostile] and not result.failures
    assert len(a.live()) == 1 and result.written is not None
