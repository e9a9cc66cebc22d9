"""Damaged, truncated and empty notes files: set aside, salvaged, merged with a backup."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from notes_factory import annotation, integrity, live_ids, make_notes

from reader.storage.annotations import AnnotationStore
from reader.storage.backup import BACKUP_FOLDER
from reader.storage.db import Database, StorageError, StorageErrorKind
from reader.storage.recovery import open_notes, recover_notes
from reader.storage.salvage import scan_file

NOTES = 2_100


def table_leaf_pages(path: Path) -> list[int]:
    """Page numbers of the annotations table's leaf pages (from SQLite's dbstat-free walk)."""
    data = path.read_bytes()
    size = int.from_bytes(data[16:18], "big")
    return [n for n in range(2, len(data) // size + 1) if data[(n - 1) * size] == 0x0D]


def damage_page(path: Path, number: int) -> None:
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    start = (number - 1) * size
    data[start : start + size] = bytes((i * 7 + 3) % 256 for i in range(size))
    path.write_bytes(bytes(data))


@pytest.fixture
def notes_file(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "notes.sqlite3"
    make_notes(path, NOTES)
    return path


def test_one_garbage_page_loses_only_that_page(notes_file: Path) -> None:
    leaves = table_leaf_pages(notes_file)
    victim = leaves[len(leaves) // 2]
    damage_page(notes_file, victim)
    with pytest.raises(StorageError) as refused:
        Database(notes_file)
    assert refused.value.kind is StorageErrorKind.CORRUPT

    db = open_notes(notes_file)
    try:
        count = len(AnnotationStore(db).list())
        message = db.notices[0]
    finally:
        db.close()
    per_page = NOTES // len(leaves) + 20
    assert NOTES - per_page <= count < NOTES
    damaged = list(notes_file.parent.glob("notes-damaged-*.sqlite3"))
    assert len(damaged) == 1
    assert str(damaged[0]) in message
    assert f"{count:,} notes could be read back" in message
    assert "No backup was found" in message
    assert integrity(notes_file) == "ok"


def test_truncated_at_half_keeps_the_readable_rows(notes_file: Path) -> None:
    data = notes_file.read_bytes()
    notes_file.write_bytes(data[: len(data) // 2])
    report = recover_notes(notes_file)
    assert report.rows_recovered >= 1_000
    assert report.notes_now == report.rows_recovered
    assert report.damaged_path is not None
    assert report.damaged_path.read_bytes() == data[: len(data) // 2]
    assert integrity(notes_file) == "ok"


def test_salvage_is_merged_with_the_newest_good_backup(tmp_path: Path) -> None:
    path = tmp_path / "data" / "notes.sqlite3"
    # The backup knows notes 0..99 and 5000..5009; the file has newer edits of 0..99.
    make_notes(path, 100)
    with Database(path) as db:
        AnnotationStore(db).merge(annotation(i) for i in range(5000, 5010))
    backups = list((path.parent / BACKUP_FOLDER).glob("notes-*.sqlite3"))
    assert len(backups) == 1
    with Database(path, keep_backups=False) as db:
        AnnotationStore(db).merge(annotation(i, note="newer", seconds=60) for i in range(100))
    data = bytearray(path.read_bytes())
    data[100:108] = b"\xff" * 8  # the first page's header: SQLite refuses the file
    path.write_bytes(bytes(data))
    with pytest.raises(StorageError):
        Database(path)

    report = recover_notes(path)
    assert report.backup_used == backups[0]
    assert report.rows_from_backup == 110
    assert report.rows_recovered == 110
    with Database(path) as db:
        notes = {a.id: a.note for a in AnnotationStore(db).list()}
    assert len(notes) == 110
    assert [i for i in range(100) if notes[annotation(i).id] != "newer"] == []


def test_rows_that_fail_the_models_checks_are_counted_not_kept(notes_file: Path) -> None:
    conn = sqlite3.connect(notes_file)
    # Written behind the store's back: a colour the model does not know.
    conn.execute("UPDATE annotations SET colour = 'octarine' WHERE rowid <= 5")
    conn.commit()
    conn.close()
    scan = scan_file(notes_file)
    assert scan.rejected == 5
    assert len(scan.annotations) == NOTES - 5


def test_zero_length_file_restores_the_newest_backup(tmp_path: Path) -> None:
    path = tmp_path / "data" / "notes.sqlite3"
    make_notes(path, 30, keep_backups=True)
    assert len(live_ids(path)) == 30
    assert len(list((path.parent / BACKUP_FOLDER).glob("notes-*.sqlite3"))) == 1
    path.write_bytes(b"")
    db = open_notes(path)
    try:
        assert len(AnnotationStore(db).list()) == 30
        assert "was empty (0 bytes)" in db.notices[0]
        assert "supplied 30 notes" in db.notices[0]
    finally:
        db.close()
    assert [p.stat().st_size for p in path.parent.glob("notes-empty-*.sqlite3")] == [0]


def test_zero_length_file_without_backup_starts_anew_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "data" / "notes.sqlite3"
    path.parent.mkdir()
    path.write_bytes(b"")
    db = open_notes(path)
    try:
        assert AnnotationStore(db).list() == []
        assert "A new, empty notes file was started" in db.notices[0]
        assert "No backup was found" in db.notices[0]
    finally:
        db.close()
    assert len(list(path.parent.glob("notes-empty-*.sqlite3"))) == 1


def test_a_failed_rebuild_puts_the_damaged_file_back(
    notes_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.storage.recovery as recovery

    damage_page(notes_file, table_leaf_pages(notes_file)[3])
    before = notes_file.read_bytes()
    real = recovery.Database

    def disk_full_after_creating(path: Path) -> Database:
        real(path, keep_backups=False).close()  # the new file exists, then the disk fills
        raise StorageError(StorageErrorKind.DISK_FULL, path, "The disk is full.")

    monkeypatch.setattr(recovery, "Database", disk_full_after_creating)
    with pytest.raises(StorageError):
        recover_notes(notes_file)
    # Next start tries again rather than beginning with no notes.
    assert notes_file.read_bytes() == before
    assert list(notes_file.parent.glob("notes-damaged-*")) == []
    assert len(list(notes_file.parent.glob("notes-incomplete-*.sqlite3"))) == 1


def test_one_bad_cell_costs_only_its_own_row(notes_file: Path) -> None:
    page = table_leaf_pages(notes_file)[5]
    data = bytearray(notes_file.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    first_pointer = (page - 1) * size + 8
    data[first_pointer : first_pointer + 2] = (size - 1).to_bytes(2, "big")  # off the page
    notes_file.write_bytes(bytes(data))
    scan = scan_file(notes_file)
    assert len(scan.annotations) == NOTES - 1
