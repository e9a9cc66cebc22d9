"""Backups: taken on close after a change and before a migration, checked, atomic, pruned."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from notes_factory import annotation, live_ids, make_notes

import reader.storage.backup as backup_module
from reader.storage import migration
from reader.storage.annotations import AnnotationStore
from reader.storage.backup import (
    BACKUP_FOLDER,
    list_backups,
    make_backup,
    prune_backups,
)
from reader.storage.db import Database, StorageError
from reader.storage.schema import MIGRATIONS, SCHEMA_VERSION


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "notes.sqlite3"


def backups_of(path: Path) -> list[Path]:
    return sorted((path.parent / BACKUP_FOLDER).glob("*"))


def test_closing_after_a_change_takes_one_checked_backup(path: Path) -> None:
    with Database(path) as db:
        AnnotationStore(db).merge([annotation(1), annotation(2)])
    files = backups_of(path)
    assert len(files) == 1
    assert files[0].name.startswith("notes-") and files[0].name.endswith("Z.sqlite3")
    assert live_ids(files[0]) == live_ids(path) and len(live_ids(path)) == 2
    conn = sqlite3.connect(files[0])
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_closing_without_a_change_takes_no_backup(path: Path) -> None:
    Database(path).close()  # creating is a migration of an empty file, not a change
    with Database(path) as db:
        AnnotationStore(db).list()
    assert backups_of(path) == []


def regular_backup(folder: Path, source: Path, when: datetime) -> Path:
    conn = sqlite3.connect(source)
    try:
        return make_backup(conn, folder, "notes", now=when)
    finally:
        conn.close()


def test_pruning_keeps_ten_newest_one_a_day_for_two_weeks_and_pre_migration(
    path: Path, tmp_path: Path
) -> None:
    make_notes(path, 3)
    folder = tmp_path / "kept"
    now = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    conn = sqlite3.connect(path)
    old_pre = make_backup(conn, folder, "notes", pre_migration_from=1, now=now - timedelta(days=90))
    conn.close()
    # Three backups a day for 30 days, oldest first.
    for day in range(30, -1, -1):
        for hour in (8, 10, 11):
            regular_backup(folder, path, now - timedelta(days=day) + timedelta(hours=hour - 12))
    kept = list_backups(folder, "notes")
    regular = [b for b in kept if not b.pre_migration]
    newest_ten = sorted({b.taken for b in regular}, reverse=True)[:10]
    days = {b.taken.date() for b in regular}
    assert old_pre.exists()
    assert len(days) == 14 and min(days) == (now - timedelta(days=13)).date()
    # Ten newest: today's 3 and the 7 before; then one per day for the other days.
    assert len(regular) == 10 + (14 - 4)
    assert all(any(b.taken == t for b in regular) for t in newest_ten)


def test_a_backup_that_fails_its_check_prunes_nothing(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_notes(path, 3)
    folder = tmp_path / "kept"
    now = datetime(2026, 12, 1, tzinfo=UTC)
    for day in range(40, 20, -1):
        regular_backup(folder, path, now - timedelta(days=day))
    before = sorted(folder.iterdir())
    assert len(before) == 14  # the last one's ten newest and fourteen days before it
    monkeypatch.setattr(backup_module, "backup_is_good", lambda _path: False)
    # Pruning would remove old ones, as the next good backup shows; a failed one must not.
    monkeypatch.setattr(backup_module, "KEEP_LATEST", 2)
    with pytest.raises(StorageError) as failed:
        regular_backup(folder, path, now)
    assert "integrity check" in failed.value.message
    assert sorted(folder.iterdir()) == before  # nothing pruned, no partial file left
    monkeypatch.undo()
    monkeypatch.setattr(backup_module, "KEEP_LATEST", 2)
    regular_backup(folder, path, now)
    assert len(list(folder.iterdir())) == 2


def test_a_backup_that_cannot_be_written_does_not_stop_closing(path: Path) -> None:
    Database(path).close()
    (path.parent / BACKUP_FOLDER).write_text("a file where the folder should be")
    db = Database(path)
    AnnotationStore(db).merge([annotation(1)])
    db.close()
    assert db.backup_error is not None
    assert "could not be written" in db.backup_error.message
    assert len(live_ids(path)) == 1


def test_a_migration_is_preceded_by_a_backup_that_is_never_pruned(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_notes(path, 12)
    extra = (*MIGRATIONS, ("CREATE TABLE reading_places (chapter TEXT PRIMARY KEY)",))
    monkeypatch.setattr(migration, "MIGRATIONS", extra)
    monkeypatch.setattr(migration, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with Database(path) as db:
        assert db.file_schema_version == SCHEMA_VERSION + 1
    pre = [b for b in list_backups(path.parent / BACKUP_FOLDER, "notes") if b.pre_migration]
    assert len(pre) == 1
    assert pre[0].pre_migration_from == SCHEMA_VERSION
    assert f"pre-migration-v{SCHEMA_VERSION}-" in pre[0].path.name
    conn = sqlite3.connect(pre[0].path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        conn.close()
    assert len(live_ids(pre[0].path)) == 12
    prune_backups(path.parent / BACKUP_FOLDER, "notes", now=datetime.now(UTC) + timedelta(days=400))
    assert pre[0].path.exists()


def test_a_migration_whose_backup_fails_does_not_run(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_notes(path, 2)
    (path.parent / BACKUP_FOLDER).write_text("not a folder")
    extra = (*MIGRATIONS, ("CREATE TABLE reading_places (chapter TEXT PRIMARY KEY)",))
    monkeypatch.setattr(migration, "MIGRATIONS", extra)
    monkeypatch.setattr(migration, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(StorageError):
        Database(path)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        conn.close()
