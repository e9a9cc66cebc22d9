"""A change log left by a killed session is replayed only into the database it belongs to."""

from __future__ import annotations

import os
import shutil
import sqlite3
import struct
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from helpers import REPO
from notes_factory import integrity, live_ids, make_notes

from reader.storage import wal_pairing
from reader.storage.annotations import AnnotationStore
from reader.storage.db import Database

# A session that writes notes through the store and is killed without closing anything.
SESSION = textwrap.dedent(
    """
    import os, signal, sys
    sys.path.insert(0, "tests")
    from pathlib import Path
    from notes_factory import annotation
    from reader.storage.annotations import AnnotationStore
    from reader.storage.db import Database
    path, first, count, mode = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    db = Database(path)
    store = AnnotationStore(db)
    for i in range(first, first + count):
        store.merge([annotation(i)])
    if mode == "checkpoint":
        from reader.storage import wal_pairing
        # What _checkpoint_if_large does, killed before the record after the checkpoint.
        wal_pairing.record_pairing(path, checkpointing=True)
        db._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def killed_session(path: Path, first: int, count: int, mode: str = "plain") -> None:
    done = subprocess.run(
        [sys.executable, "-c", SESSION, str(path), str(first), str(count), mode],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == -9, done.stderr
    assert path.with_name(path.name + "-wal").stat().st_size > 0


def set_aside(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}-wal-set-aside-*"))


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "notes.sqlite3"


def test_killed_session_replays_its_own_log(path: Path) -> None:
    make_notes(path, 10)
    killed_session(path, 10, 50)
    with Database(path) as db:
        assert db.notices == []
        assert len(AnnotationStore(db).list()) == 60
    assert set_aside(path) == []
    assert integrity(path) == "ok"


def test_killed_during_a_checkpoint_still_replays(path: Path) -> None:
    make_notes(path, 10)
    killed_session(path, 10, 50, mode="checkpoint")
    with Database(path) as db:
        assert db.notices == []
        assert len(AnnotationStore(db).list()) == 60
    assert set_aside(path) == []


@pytest.mark.parametrize("how", ["copy over", "rename over"])
def test_other_database_copied_over_keeps_its_notes_and_log_is_set_aside(
    path: Path, tmp_path: Path, how: str
) -> None:
    make_notes(path, 1)
    killed_session(path, 100_000, 50)
    other = tmp_path / "elsewhere" / "notes.sqlite3"
    make_notes(other, 2_100)
    if how == "copy over":
        shutil.copyfile(other, path)  # same inode, new contents
    else:
        os.replace(other, path)
    before_wal = path.with_name(path.name + "-wal").read_bytes()

    with Database(path) as db:
        assert len(AnnotationStore(db).list()) == 2_100
        assert len(db.notices) == 1
        notice = db.notices[0]
    moved = set_aside(path)
    assert len(moved) == 1 and moved[0].read_bytes() == before_wal
    assert str(moved[0]) in notice and "was not applied" in notice
    assert len(live_ids(path)) == 2_100
    assert integrity(path) == "ok"


def test_without_the_check_sqlite_would_replay_the_stray_log(path: Path, tmp_path: Path) -> None:
    # The fault being guarded against, shown with a bare connection.
    make_notes(path, 1)
    killed_session(path, 100_000, 50)
    other = tmp_path / "elsewhere" / "notes.sqlite3"
    make_notes(other, 2_100)
    shutil.copyfile(other, path)
    conn = sqlite3.connect(path)
    try:
        # The old session's pages replace the new file's: 51 notes instead of 2,100.
        assert conn.execute("SELECT count(*) FROM annotations").fetchone()[0] == 51
    finally:
        conn.close()


def test_damaged_log_header_is_set_aside(path: Path) -> None:
    make_notes(path, 5)
    killed_session(path, 5, 5)
    wal = path.with_name(path.name + "-wal")
    data = bytearray(wal.read_bytes())
    data[16] ^= 0xFF  # salt-1: the header checksum no longer matches
    wal.write_bytes(bytes(data))
    header = wal_pairing.read_wal_header(wal)
    assert header is not None and not header.checksum_ok
    with Database(path) as db:
        assert "its header is damaged" in db.notices[0]
        assert len(AnnotationStore(db).list()) == 5


def test_log_with_another_page_size_is_set_aside(path: Path) -> None:
    make_notes(path, 5)
    killed_session(path, 5, 5)
    wal = path.with_name(path.name + "-wal")
    data = bytearray(wal.read_bytes())
    data[8:12] = struct.pack(">I", 1024)
    big_endian = data[3] == 0x83
    data[24:32] = struct.pack(">2I", *wal_pairing._wal_checksum(bytes(data[:24]), big_endian))
    wal.write_bytes(bytes(data))
    with Database(path) as db:
        assert "page size" in db.notices[0]


def test_a_live_log_is_never_touched(path: Path) -> None:
    make_notes(path, 5)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
            "c.execute('PRAGMA wal_autocheckpoint = 0'); "
            "c.execute(\"UPDATE annotations SET note = 'held' WHERE rowid = 1\"); "
            "print('ready', flush=True); sys.stdin.read()",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "ready\n"
        # The other process's database file is "changed" since our record, yet its log is live.
        os.utime(path)
        assert path.with_name(path.name + "-wal").stat().st_size > 0
        with Database(path) as db:
            assert db.notices == []
            assert [a.note for a in AnnotationStore(db).list()].count("held") == 1
        assert set_aside(path) == []
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
