"""`field-reader recover`, run as a real process on damaged, empty and intact notes files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO
from notes_factory import live_ids, make_notes

from reader.storage.backup import BACKUP_FOLDER


def recover(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "recover", *args, "--data-dir", str(data)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        timeout=120,
    )


def counts(output: str) -> dict[str, str]:
    pairs = (line.split(":", 1) for line in output.splitlines() if ":" in line)
    return {key.strip(): value.strip() for key, value in pairs}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def test_damaged_file_is_rebuilt_from_its_rows_and_the_backup(data: Path) -> None:
    notes = data / "notes.sqlite3"
    make_notes(notes, 40, keep_backups=True)  # the backup holds notes 0..39
    make_notes(notes, 200, first=40)  # not backed up
    raw = bytearray(notes.read_bytes())
    raw[100:108] = b"\xff" * 8
    notes.write_bytes(bytes(raw))

    done = recover(data)
    assert done.returncode == 0, done.stderr
    found = counts(done.stdout)
    assert found["rows read"] == "240"
    assert found["rows recovered"] == "240"
    assert found["rows from backup"] == "40"
    damaged = Path(found["damaged file now at"])
    assert damaged.parent == data and damaged.name.startswith("notes-damaged-")
    assert damaged.read_bytes() == bytes(raw)
    assert len(live_ids(notes)) == 240


def test_intact_file_is_left_alone(data: Path) -> None:
    make_notes(data / "notes.sqlite3", 5)
    before = (data / "notes.sqlite3").read_bytes()
    done = recover(data)
    assert done.returncode == 0
    assert "intact; nothing needed recovering" in done.stdout
    assert (data / "notes.sqlite3").read_bytes() == before


def test_empty_file_without_backup_recovers_nothing(data: Path) -> None:
    data.mkdir()
    (data / "notes.sqlite3").write_bytes(b"")
    done = recover(data)
    assert done.returncode == 1
    assert "was empty (0 bytes)" in done.stdout
    assert "No backup was found" in done.stdout
    assert len(list(data.glob("notes-empty-*.sqlite3"))) == 1


def test_empty_file_with_backup_restores_it(data: Path) -> None:
    make_notes(data / "notes.sqlite3", 7, keep_backups=True)
    assert len(list((data / BACKUP_FOLDER).iterdir())) == 1
    (data / "notes.sqlite3").write_bytes(b"")
    done = recover(data)
    assert done.returncode == 0, done.stderr
    assert counts(done.stdout)["rows from backup"] == "7"
    assert len(live_ids(data / "notes.sqlite3")) == 7


def test_another_file_is_merged_and_left_as_it_is(data: Path, tmp_path: Path) -> None:
    make_notes(data / "notes.sqlite3", 10)
    other = tmp_path / "old-notes.sqlite3"
    make_notes(other, 30, first=5)
    raw = bytearray(other.read_bytes())
    raw[100:108] = b"\xff" * 8
    other.write_bytes(bytes(raw))
    done = recover(data, str(other))
    assert done.returncode == 0, done.stderr
    assert counts(done.stdout)["rows recovered"] == "30"
    assert other.read_bytes() == bytes(raw)
    assert len(live_ids(data / "notes.sqlite3")) == 35


def test_file_with_nothing_readable_exits_1(data: Path, tmp_path: Path) -> None:
    other = tmp_path / "noise.sqlite3"
    other.write_bytes(bytes(range(256)) * 64)
    done = recover(data, str(other))
    assert done.returncode == 1
    assert counts(done.stdout)["rows recovered"] == "0"


def test_usage_errors_exit_2(data: Path, tmp_path: Path) -> None:
    missing = recover(data, str(tmp_path / "missing.sqlite3"))
    assert missing.returncode == 2
    assert "does not exist" in missing.stderr
    assert recover(data, "--no-such-option").returncode == 2
