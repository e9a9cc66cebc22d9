"""The sync cache: unchanged files are not read again, and no change is ever hidden."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core import sync as sync_module
from reader.core.anchoring import describe
from reader.core.data_folder import NOTES_FILE, DataFolder
from reader.core.document import load_document
from reader.core.library import Library
from reader.core.library_scan import load_library
from reader.core.notes import Annotation
from reader.core.sync import SyncResult, installation_id, sync_file_name, sync_folder
from reader.core.sync_state import TRUST_AFTER_NS, load_folder_state
from reader.storage.annotations import AnnotationStore
from reader.storage.db import Database
from reader.storage.fingerprint import notes_fingerprint

HOUR_NS = 3600 * 1_000_000_000


class Machine:
    """One installation syncing with the cache (as the window and the command do)."""

    def __init__(self, data: Path, library: Library) -> None:
        data.mkdir(exist_ok=True)
        self.data = data
        self.library = library
        self.open()

    def open(self) -> None:
        self.db = Database(self.data / NOTES_FILE)
        self.store = AnnotationStore(self.db)

    def highlight(self, phrase: str, note: str = "") -> Annotation:
        chapter = self.library.by_slug("human-security")
        assert chapter is not None
        text = load_document(chapter, self.library.root).plain.text
        start = text.index(phrase)
        return self.store.add(
            "human-security", describe(text, start, start + len(phrase)), "yellow", note
        )

    def sync(self, folder: Path) -> SyncResult:
        return sync_folder(
            self.store,
            self.library,
            self.data,
            folder,
            fingerprint=lambda: notes_fingerprint(self.db),
        )

    def own_file(self, folder: Path) -> Path:
        return folder / sync_file_name(installation_id(self.data))

    def notes(self) -> dict[str, str]:
        return {a.id: a.note for a in self.store.list()}


@pytest.fixture
def pair(seed_library: Path, tmp_path: Path) -> Iterator[tuple[Machine, Machine, Path]]:
    library = load_library(seed_library)
    stick = tmp_path / "stick"
    stick.mkdir()
    a, b = Machine(tmp_path / "a", library), Machine(tmp_path / "b", library)
    yield a, b, stick
    a.db.close()
    b.db.close()


def age(path: Path, ns: int = HOUR_NS) -> None:
    """Make a file look written `ns` ago (as files on a stick usually are)."""
    stamp = time.time_ns() - ns
    os.utime(path, ns=(stamp, stamp))


def forbid(monkeypatch: pytest.MonkeyPatch, name: str) -> list[Path]:
    """Record calls of sync.<name>, to prove a file was not read, hashed or parsed."""
    calls: list[Path] = []
    real = getattr(sync_module, name)

    def record(arg: object, *rest: object, **kw: object) -> object:
        calls.append(arg if isinstance(arg, Path) else Path("<data>"))
        return real(arg, *rest, **kw)

    monkeypatch.setattr(sync_module, name, record)
    return calls


def test_an_unchanged_file_is_not_read_again_and_is_reported_as_unchanged(
    pair: tuple[Machine, Machine, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, stick = pair
    b.highlight("freedom from fear", "B's note")
    b.highlight("freedom from want")
    b.sync(stick)
    age(b.own_file(stick))
    first = a.sync(stick)
    assert first.merged[b.own_file(stick)].added == 2 and not first.skipped
    reads = forbid(monkeypatch, "read_import_file")
    hashes = forbid(monkeypatch, "digest_file")
    again = a.sync(stick)
    assert reads == [] and b.own_file(stick) not in hashes  # (our own new file is hashed)
    assert again.skipped == [b.own_file(stick)]
    summary = again.merged[b.own_file(stick)]
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, 2)
    assert not again.own_rewritten and again.written == a.own_file(stick)


def test_a_file_rewritten_within_the_same_clock_tick_with_the_same_size_is_merged(
    pair: tuple[Machine, Machine, Path],
) -> None:
    # A FAT stick keeps times to 2 seconds: another machine may rewrite its file with the
    # same size and leave the time where it was. Such a time was recent when recorded,
    # so the bytes are hashed and the change is found.
    a, b, stick = pair
    made = b.highlight("freedom from fear", "draft")
    b.sync(stick)
    theirs = b.own_file(stick)
    a.sync(stick)
    assert a.notes() == {made.id: "draft"}
    before = theirs.stat()
    b.store.set_note(made.id, "final")  # same length: the file keeps its size
    b.sync(stick)
    os.utime(theirs, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert theirs.stat().st_size == before.st_size
    assert theirs.stat().st_mtime_ns == before.st_mtime_ns
    result = a.sync(stick)
    assert a.notes() == {made.id: "final"}
    assert result.merged[theirs].updated == 1 and not result.skipped


def test_a_time_is_trusted_only_once_it_was_old_when_recorded(
    pair: tuple[Machine, Machine, Path],
) -> None:
    a, b, stick = pair
    b.highlight("freedom from fear")
    b.sync(stick)
    theirs = b.own_file(stick)
    a.sync(stick)
    recent = load_folder_state(DataFolder(a.data).sync_state, stick).files[theirs.name]
    assert not recent.trusted_unchanged(recent.size, recent.mtime_ns)
    age(theirs, TRUST_AFTER_NS + 1_000_000_000)
    a.sync(stick)  # the same bytes with another time: recorded again, now old enough
    aged = load_folder_state(DataFolder(a.data).sync_state, stick).files[theirs.name]
    assert aged.digest == recent.digest and aged.trusted_unchanged(aged.size, aged.mtime_ns)


def test_the_same_bytes_with_a_new_time_are_hashed_not_parsed(
    pair: tuple[Machine, Machine, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, stick = pair
    b.highlight("freedom from fear")
    b.sync(stick)
    theirs = b.own_file(stick)
    age(theirs)
    a.sync(stick)
    age(theirs, HOUR_NS // 2)  # copied again onto the stick: new time, same bytes
    parses = forbid(monkeypatch, "parse_w3c")
    result = a.sync(stick)
    assert parses == [] and result.skipped == [theirs]
    assert result.merged[theirs].unchanged == 1


def test_our_file_is_rewritten_only_when_our_notes_changed(
    pair: tuple[Machine, Machine, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, _, stick = pair
    a.highlight("freedom from fear")
    assert a.sync(stick).own_rewritten
    ours = a.own_file(stick)
    age(ours)  # recorded long after it was written: its time is trusted
    aged = ours.stat().st_mtime_ns
    assert not a.sync(stick).own_rewritten
    exports = forbid(monkeypatch, "collect")
    again = a.sync(stick)
    # Not even built: nothing changed since it was written.
    assert exports == [] and not again.own_rewritten
    assert ours.stat().st_mtime_ns == aged
    monkeypatch.undo()
    added = a.highlight("freedom from want", "new")
    assert a.sync(stick).own_rewritten
    assert added.id in ours.read_text(encoding="utf-8")
    ours.unlink()  # removed by someone else: written again although nothing changed
    assert a.sync(stick).own_rewritten and ours.is_file()


def test_a_restored_notes_database_merges_every_file_again(
    pair: tuple[Machine, Machine, Path],
) -> None:
    a, b, stick = pair
    a.highlight("freedom from want")
    a.sync(stick)  # the state is recorded against these notes
    saved = a.db.backup()
    made = b.highlight("freedom from fear", "from B")
    b.sync(stick)
    age(b.own_file(stick))
    a.sync(stick)
    assert made.id in a.notes()
    # The notes file is replaced by the copy from before B's note arrived.
    a.db.close()
    for companion in ("-wal", "-shm"):
        a.data.joinpath(NOTES_FILE + companion).unlink(missing_ok=True)
    os.replace(saved, a.data / NOTES_FILE)
    a.open()
    assert made.id not in a.notes()
    result = a.sync(stick)
    assert made.id in a.notes() and not result.skipped


def test_a_refused_file_is_reported_again_without_parsing_and_merged_once_fixed(
    pair: tuple[Machine, Machine, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, stick = pair
    broken = stick / "field-reader-broken.json"
    broken.write_text('{"type": "AnnotationCollection", "fir', encoding="utf-8")
    age(broken)
    first = a.sync(stick)
    assert "not valid JSON" in first.refused[broken]
    parses = forbid(monkeypatch, "parse_w3c")
    again = a.sync(stick)
    assert parses == [] and again.refused == first.refused
    monkeypatch.undo()
    made = b.highlight("freedom from fear")
    b.sync(stick)
    shutil.copy(b.own_file(stick), broken)
    fixed = a.sync(stick)
    assert broken not in fixed.refused and made.id in a.notes()


def test_a_damaged_cache_file_is_ignored(pair: tuple[Machine, Machine, Path]) -> None:
    a, b, stick = pair
    made = b.highlight("freedom from fear")
    b.sync(stick)
    state = DataFolder(a.data).sync_state
    state.parent.mkdir(parents=True)
    state.write_text('{"version": 1, "folders": {"x": [', encoding="utf-8")
    result = a.sync(stick)
    assert made.id in a.notes() and not result.refused
    assert load_folder_state(state, stick).files  # written afresh


def test_our_file_holding_the_same_notes_is_left_alone_whenever_it_was_written(
    pair: tuple[Machine, Machine, Path],
) -> None:
    # With no record of the last sync (a restored data folder), the file itself is
    # compared: the same notes, written at another time, are not written again.
    a, _, stick = pair
    a.highlight("freedom from fear", "first")
    a.highlight("freedom from want")
    assert a.sync(stick).own_rewritten
    ours = a.own_file(stick)
    earlier = ours.read_bytes().replace(b'"generated": "', b'"generated": "1999', 1)
    assert earlier != ours.read_bytes()
    ours.write_bytes(earlier)  # the same notes, written at another time
    age(ours)
    DataFolder(a.data).sync_state.unlink()
    again = a.sync(stick)
    assert not again.own_rewritten and ours.read_bytes() == earlier
    # A note that differs in the file is put right.
    ours.write_bytes(earlier.replace(b'"first"', b'"edited elsewhere"', 1))
    DataFolder(a.data).sync_state.unlink()
    assert a.sync(stick).own_rewritten
    assert b'"first"' in ours.read_bytes() and b"edited elsewhere" not in ours.read_bytes()
