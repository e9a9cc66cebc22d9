"""Tests for opening, migrating and writing the notes database file."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from reader.storage import migration, opening
from reader.storage.annotations import AnnotationStore
from reader.storage.db import Database, StorageError, StorageErrorKind
from reader.storage.schema import APPLICATION_ID, SCHEMA_VERSION


def file_state(path: Path) -> tuple[bytes, int]:
    """The bytes and modification time of a file, to prove nothing touched it."""
    return path.read_bytes(), path.stat().st_mtime_ns


def user_version(path: Path) -> int:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def make_database(path: Path, version: int, *, wal: bool = False) -> None:
    """A database with a table and a given user_version, written without Field Reader."""
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("CREATE TABLE future_annotations (id TEXT PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO future_annotations VALUES ('a', 'kept')")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()


def test_new_file_is_created_and_migrated(db_path: Path) -> None:
    assert not db_path.exists()
    with Database(db_path) as db:
        assert db.file_schema_version == SCHEMA_VERSION
        assert not db.read_only
        assert db.read_only_reason is None
    assert user_version(db_path) == SCHEMA_VERSION


def test_zero_length_file_is_refused_not_taken_as_new(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"")
    with pytest.raises(StorageError) as error:
        Database(path)
    assert error.value.kind is StorageErrorKind.CORRUPT
    assert "empty (0 bytes)" in error.value.message
    assert path.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_connection_pragmas(db: Database) -> None:
    def pragma(name: str) -> object:
        row = db.query_one(f"PRAGMA {name}")
        assert row is not None
        return row[0]

    assert pragma("journal_mode") == "wal"
    assert pragma("foreign_keys") == 1
    assert pragma("synchronous") == 2  # FULL
    assert pragma("busy_timeout") == opening.BUSY_TIMEOUT_MS


def test_reopening_keeps_data_and_does_not_migrate_again(db_path: Path) -> None:
    with Database(db_path) as db, db.transaction() as conn:
        conn.execute("CREATE TABLE scratch (x)")
        conn.execute("INSERT INTO scratch VALUES (1)")
    with Database(db_path) as db:
        assert db.query("SELECT x FROM scratch")[0]["x"] == 1
        assert db.file_schema_version == SCHEMA_VERSION


def test_failed_migration_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "notes.db"
    broken = (("CREATE TABLE half_done (x)", "THIS IS NOT SQL"),)
    monkeypatch.setattr(migration, "MIGRATIONS", broken)
    with pytest.raises(sqlite3.OperationalError):
        Database(path)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
        assert conn.execute("SELECT name FROM sqlite_master").fetchall() == []
    finally:
        conn.close()


@pytest.mark.parametrize("wal", [False, True])
def test_newer_database_is_opened_read_only_and_left_untouched(tmp_path: Path, wal: bool) -> None:
    path = tmp_path / "notes.db"
    newer = SCHEMA_VERSION + 1
    make_database(path, newer, wal=wal)
    before = file_state(path)

    db = Database(path)
    try:
        assert db.read_only
        assert db.file_schema_version == newer
        assert db.read_only_reason == (
            "This notes database was written by a newer version of Field Reader "
            f"(schema {newer}, this version understands {SCHEMA_VERSION}). It was opened "
            "read-only: nothing will be changed. Update Field Reader to edit your notes."
        )
        # Reading still works.
        assert db.query("SELECT body FROM future_annotations")[0]["body"] == "kept"
        with pytest.raises(StorageError) as refused, db.transaction():
            pytest.fail("a read-only database must not start a transaction")
        assert refused.value.kind is StorageErrorKind.READ_ONLY
        assert str(refused.value) == db.read_only_reason
        # Even a raw write through the connection is refused by SQLite itself.
        with pytest.raises(sqlite3.Error):
            db._conn.execute("INSERT INTO future_annotations VALUES ('b', 'no')")
    finally:
        db.close()

    assert file_state(path) == before
    assert user_version(path) == newer


def test_rollback_on_a_failing_write_leaves_nothing(db: Database) -> None:
    with db.transaction() as conn:
        conn.execute("CREATE TABLE items (id TEXT PRIMARY KEY)")
    with pytest.raises(sqlite3.IntegrityError), db.transaction() as conn:
        conn.execute("INSERT INTO items VALUES (:id)", {"id": "first"})
        conn.execute("INSERT INTO items VALUES (:id)", {"id": "first"})
    assert db.query("SELECT * FROM items") == []


def test_rollback_on_any_exception(db: Database, second_connection: sqlite3.Connection) -> None:
    with db.transaction() as conn:
        conn.execute("CREATE TABLE items (id TEXT)")

    class Boom(Exception):
        pass

    with pytest.raises(Boom), db.transaction() as conn:
        conn.execute("INSERT INTO items VALUES ('partial')")
        raise Boom
    assert db.query("SELECT * FROM items") == []
    assert second_connection.execute("SELECT * FROM items").fetchall() == []
    # The database is usable afterwards.
    with db.transaction() as conn:
        conn.execute("INSERT INTO items VALUES ('whole')")
    assert second_connection.execute("SELECT * FROM items").fetchall() == [("whole",)]


def test_transactions_do_not_nest(db: Database) -> None:
    with db.transaction(), pytest.raises(RuntimeError), db.transaction():
        pass


def test_corrupt_file_is_reported_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(os.urandom(8192))
    before = file_state(path)
    with pytest.raises(StorageError) as error:
        Database(path)
    assert error.value.kind is StorageErrorKind.CORRUPT
    assert str(path) in str(error.value)
    assert "left exactly as it is" in str(error.value)
    assert file_state(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_damaged_pages_are_reported_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 200)
    conn.commit()
    conn.close()
    data = path.read_bytes()
    path.write_bytes(data[:8192] + bytes(255 - b for b in data[8192:]))
    before = file_state(path)
    with pytest.raises(StorageError) as error:
        Database(path)
    assert error.value.kind is StorageErrorKind.CORRUPT
    assert file_state(path) == before


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = file_state(path)
    with pytest.raises(StorageError) as error:
        Database(path)
    assert error.value.kind is StorageErrorKind.NOT_NOTES
    assert file_state(path) == before


def test_locked_database_gives_busy_error(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(opening, "BUSY_TIMEOUT_MS", 50)
    with Database(db_path) as db:
        other = sqlite3.connect(db_path, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            with pytest.raises(StorageError) as error, db.transaction():
                pass
            assert error.value.kind is StorageErrorKind.BUSY
            assert "not saved" in str(error.value)
            other.execute("ROLLBACK")
        finally:
            other.close()
        with db.transaction():
            pass


def test_full_disk_gives_disk_full_error_and_rolls_back(db: Database) -> None:
    with db.transaction() as conn:
        conn.execute("CREATE TABLE big (x)")
    # max_page_count makes SQLite report "database or disk is full" as a real disk would.
    pages = db.query_one("PRAGMA page_count")
    assert pages is not None
    db.query(f"PRAGMA max_page_count = {pages[0] + 2}")
    with pytest.raises(StorageError) as error, db.transaction() as conn:
        conn.execute("INSERT INTO big VALUES ('small')")
        conn.execute("INSERT INTO big VALUES (:x)", {"x": "x" * 100_000})
    assert error.value.kind is StorageErrorKind.DISK_FULL
    assert db.query("SELECT * FROM big") == []


def test_unopenable_path_gives_cannot_open(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StorageError) as error:
        Database(blocker / "notes.db")
    assert error.value.kind is StorageErrorKind.CANNOT_OPEN
    assert str(blocker / "notes.db") in str(error.value)


def test_unwritable_file_is_opened_read_only(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Database(db_path).close()
    before = file_state(db_path)
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda path, mode: False if Path(path) == db_path else real_access(path, mode),
    )
    with Database(db_path) as db:
        assert db.read_only
        assert db.read_only_reason is not None and "read-only" in db.read_only_reason
        assert AnnotationStore(db).list() == []
        with pytest.raises(StorageError), db.transaction():
            pass
    assert file_state(db_path) == before


def test_programming_errors_are_not_disguised_as_storage_errors(db: Database) -> None:
    db.close()
    # Using a closed database is a bug, not a problem of the user's disk.
    with pytest.raises(sqlite3.ProgrammingError):
        db.query("SELECT 1")


# -- read-only folders and full disks -------------------------------------------------


def test_unwritable_folder_shows_notes_read_only(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Simulated: tests run as root, for whom chmod 0o555 changes nothing. The real
    # mechanism (a read-only mount) is exercised by the test below where possible.
    with Database(db_path) as db:
        AnnotationStore(db).merge([])
        with db.transaction() as conn:
            conn.execute("CREATE TABLE scratch (x)")
    before = file_state(db_path)
    monkeypatch.setattr(opening, "folder_writable", lambda folder: False)
    with Database(db_path) as db:
        assert db.read_only
        assert db.read_only_reason == (
            f"Your notes are shown read-only because the folder {db_path.parent} cannot be "
            "written to; changes cannot be saved. They can still be read, searched and "
            "exported."
        )
        assert AnnotationStore(db).list() == []
        with pytest.raises(StorageError) as refused, db.transaction():
            pass
        assert refused.value.kind is StorageErrorKind.READ_ONLY
    assert file_state(db_path) == before


READ_ONLY_CHILD = """
import sys
from pathlib import Path
from reader.storage.annotations import AnnotationStore
from reader.storage.db import Database
with Database(Path(sys.argv[1])) as db:
    print(db.read_only)
    print(len(AnnotationStore(db).list()))
    print(db.read_only_reason)
"""


def test_read_only_mount_shows_notes_and_exports(tmp_path: Path) -> None:
    import shutil
    import subprocess
    import sys

    from helpers import REPO
    from notes_factory import make_notes

    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("unshare is not installed")
    data = tmp_path / "stick"
    make_notes(data / "notes.sqlite3", 25)
    before = sorted(p.name for p in data.iterdir())

    def in_read_only_mount(*command: str) -> subprocess.CompletedProcess[str]:
        # A private mount namespace: the folder is remounted read-only for the child only.
        script = f'mount --bind "{data}" "{data}" && mount -o remount,bind,ro "{data}" && exec "$@"'
        return subprocess.run(
            [unshare, "-m", "--propagation", "private", "sh", "-c", script, "sh", *command],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=120,
        )

    probe = in_read_only_mount("touch", str(data / "probe"))
    if "Read-only file system" not in probe.stderr:
        pytest.skip(f"no read-only mount here: {probe.stderr.strip()}")
    shown = in_read_only_mount(sys.executable, "-c", READ_ONLY_CHILD, str(data / "notes.sqlite3"))
    assert shown.returncode == 0, shown.stderr
    read_only, count, reason = shown.stdout.splitlines()
    assert (read_only, count) == ("True", "25")
    assert reason.startswith(f"Your notes are shown read-only because the folder {data}")
    exported = in_read_only_mount(
        sys.executable, "-m", "reader", "export", "--data-dir", str(data), "--format", "json"
    )
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.count("quote number") == 25
    assert sorted(p.name for p in data.iterdir()) == before


def test_full_disk_opens_and_only_a_failed_change_says_not_saved(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Database(db_path) as db, db.transaction() as conn:
        conn.execute("CREATE TABLE big (x)")
    real_connect = opening._Opening._connect

    def full_disk(self: opening._Opening, uri: str) -> sqlite3.Connection:
        conn = real_connect(self, uri)
        # No page can be added: SQLite reports "database or disk is full" as a disk would.
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    monkeypatch.setattr(opening._Opening, "_connect", full_disk)
    with Database(db_path) as db:
        assert not db.read_only and db.notices == [] and db.read_only_reason is None
        assert db.query("SELECT count(*) FROM big")[0][0] == 0
        with pytest.raises(StorageError) as error, db.transaction() as conn:
            conn.execute("INSERT INTO big VALUES (:x)", {"x": "x" * 100_000})
        assert error.value.kind is StorageErrorKind.DISK_FULL
        assert "Your last change was not saved" in error.value.message


def test_full_disk_during_a_migration_is_told_without_speaking_of_a_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "notes.db"
    Database(path, keep_backups=False).close()
    big = ("CREATE TABLE filler (x)", "INSERT INTO filler VALUES (zeroblob(1000000))")
    monkeypatch.setattr(migration, "MIGRATIONS", (*migration.MIGRATIONS, big))
    monkeypatch.setattr(migration, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    real_connect = opening._Opening._connect

    def full_disk(self: opening._Opening, uri: str) -> sqlite3.Connection:
        conn = real_connect(self, uri)
        conn.execute("PRAGMA max_page_count = 20")
        return conn

    monkeypatch.setattr(opening._Opening, "_connect", full_disk)
    with pytest.raises(StorageError) as error:
        Database(path, keep_backups=False)
    assert error.value.kind is StorageErrorKind.DISK_FULL
    assert "is full" in error.value.message
    assert "change" not in error.value.message.replace("changes cannot be saved", "")
    assert user_version(path) == SCHEMA_VERSION


def test_old_notes_in_an_unwritable_folder_are_refused_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "notes.db"
    Database(path, keep_backups=False).close()
    monkeypatch.setattr(migration, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr(migration, "MIGRATIONS", (*migration.MIGRATIONS, ("SELECT 1",)))
    monkeypatch.setattr(opening, "folder_writable", lambda folder: False)
    before = file_state(path)
    with pytest.raises(StorageError) as error:
        Database(path)
    assert error.value.kind is StorageErrorKind.READ_ONLY
    assert "need updating" in error.value.message
    assert "last change" not in error.value.message
    assert file_state(path) == before
