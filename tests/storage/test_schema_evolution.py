"""Notes databases of every released schema open with the current code, every note intact.

Each released schema is kept as the SQL that version ran, with rows, in
tests/fixtures/notes_schema/v<N>.sql (never edited). Opening one of an older version
must take a pre-migration backup into backups/ first; since schema 1 is so far the only
release, the backup is also proved on a next version added for the test.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from reader.core.anchoring import Target, TextPositionSelector, TextQuoteSelector
from reader.core.notes import Annotation, AnnotationId
from reader.storage import migration as migration_module
from reader.storage.annotations import AnnotationStore
from reader.storage.backup import list_backups
from reader.storage.db import Database
from reader.storage.schema import MIGRATIONS, SCHEMA_VERSION

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "notes_schema"
RELEASED = {
    int(match[1]): path
    for path in sorted(FIXTURES.glob("v*.sql"))
    if (match := re.fullmatch(r"v(\d+)\.sql", path.name))
}
_ID = "0b6f6a52-6c1e-4c43-9d0e-1f7c3c1a000"


def _note(
    n: int,
    chapter: str,
    times: tuple[str, str],
    colour: str,
    note: str,
    quote: tuple[str, str, str],
    position: tuple[int, int] | None,
    deleted: bool = False,
) -> Annotation:
    return Annotation(
        id=AnnotationId(f"{_ID}{n}"),
        chapter=chapter,
        created=times[0],
        modified=times[1],
        colour=colour,  # type: ignore[arg-type]
        note=note,
        target=Target(
            TextQuoteSelector(*quote),
            TextPositionSelector(*position) if position is not None else None,
        ),
        deleted=deleted,
    )


# What the rows of every fixture hold, as the current code must read them.
EXPECTED = [
    _note(
        1,
        "human-security",
        ("2026-11-29T13:10:00.000Z", "2026-11-29T13:10:00.000Z"),
        "yellow",
        "",
        ("freedom from fear", "argued for ", " and freedom from want"),
        (1020, 1037),
    ),
    _note(
        2,
        "human-security",
        ("2026-11-29T13:11:30.250Z", "2026-11-29T14:02:07.999Z"),
        "green",
        'Compare with "national security" — the state, not people.\nLine two: café, 東京, 🙂',
        ("national security", "notions of ", " that focus"),
        (420, 437),
    ),
    _note(
        3,
        "governance",
        ("2026-11-29T13:12:00.000Z", "2026-11-29T13:12:00.000Z"),
        "blue",
        "Quote only: the position was lost before this version stored it.",
        ("rule of law", "", ""),
        None,
    ),
    _note(
        4,
        "governance",
        ("2026-11-29T13:13:00.000Z", "2026-11-29T15:00:00.000Z"),
        "pink",
        "deleted later",
        ("accountability", "and ", "."),
        (77, 91),
        deleted=True,
    ),
    _note(
        5,
        "health",
        ("2026-11-29T13:14:00.000Z", "2026-11-29T13:14:00.000Z"),
        "purple",
        "It's the 'long' note; semicolons; -- and /* comments */ stay text.",
        ("pandemics", "such as ", ", which"),
        (0, 9),
    ),
]


def _build(version: int, data_dir: Path) -> Path:
    """A notes file at `version` made with that version's own SQL, as its app left it."""
    path = data_dir / "notes.db"
    data_dir.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.executescript("BEGIN;" + RELEASED[version].read_text(encoding="utf-8") + ";COMMIT;")
        conn.execute(f"PRAGMA user_version = {version}")
    finally:
        conn.close()
    return path


def _rows(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT * FROM annotations ORDER BY id").fetchall()


def _by_id(notes: list[Annotation]) -> list[Annotation]:
    return sorted(notes, key=lambda a: a.id)


def test_every_schema_up_to_the_current_one_has_its_released_fixture() -> None:
    """A new schema version is released together with its fixture here."""
    assert set(RELEASED) == set(range(1, SCHEMA_VERSION + 1))


@pytest.mark.parametrize("version", sorted(RELEASED))
def test_a_released_database_opens_with_every_note(version: int, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    path = _build(version, data_dir)
    before = _rows(path)
    db = Database(path)
    try:
        assert not db.read_only and db.file_schema_version == SCHEMA_VERSION
        store = AnnotationStore(db)
        assert _by_id(store.list(include_deleted=True)) == EXPECTED
        # The tombstone stays a tombstone: only the four live notes are listed.
        assert _by_id(store.list()) == [a for a in EXPECTED if not a.deleted]
    finally:
        db.close()
    backups = list_backups(data_dir / "backups", "notes")
    if version < SCHEMA_VERSION:
        (backup,) = [b for b in backups if b.pre_migration]
        assert backup.pre_migration_from == version
        assert _rows(backup.path) == before
    else:
        assert backups == []  # nothing changed, nothing migrated: no copy needed
        assert _rows(path) == before


def test_the_next_schema_version_backs_up_before_migrating(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The newest released file, opened by a version one schema ahead: the copy taken first
    holds the notes as they were, the migrated file holds them too."""
    following = SCHEMA_VERSION + 1
    migration = ("ALTER TABLE annotations ADD COLUMN tags TEXT NOT NULL DEFAULT ''",)
    monkeypatch.setattr(migration_module, "SCHEMA_VERSION", following)
    monkeypatch.setattr(migration_module, "MIGRATIONS", (*MIGRATIONS, migration))
    data_dir = tmp_path / "data"
    path = _build(SCHEMA_VERSION, data_dir)
    before = _rows(path)
    db = Database(path)
    try:
        assert db.file_schema_version == following
        assert _by_id(AnnotationStore(db).list(include_deleted=True)) == EXPECTED
    finally:
        db.close()
    (backup,) = [b for b in list_backups(data_dir / "backups", "notes") if b.pre_migration]
    assert backup.pre_migration_from == SCHEMA_VERSION
    assert backup.path.name.startswith(f"notes-pre-migration-v{SCHEMA_VERSION}-")
    assert _rows(backup.path) == before
    with sqlite3.connect(backup.path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == following
        assert conn.execute("SELECT DISTINCT tags FROM annotations").fetchall() == [("",)]
    assert [row[: len(before[0])] for row in _rows(path)] == before


def test_a_failed_migration_keeps_the_old_file_and_its_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    following = SCHEMA_VERSION + 1
    broken = ("ALTER TABLE annotations ADD COLUMN tags TEXT", "SELECT no_such_function()")
    monkeypatch.setattr(migration_module, "SCHEMA_VERSION", following)
    monkeypatch.setattr(migration_module, "MIGRATIONS", (*MIGRATIONS, broken))
    data_dir = tmp_path / "data"
    path = _build(SCHEMA_VERSION, data_dir)
    before = _rows(path)
    with pytest.raises(sqlite3.OperationalError):
        Database(path)
    assert _rows(path) == before
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    (backup,) = list_backups(data_dir / "backups", "notes")
    assert backup.pre_migration and _rows(backup.path) == before


def test_expected_values_differ_from_one_another() -> None:
    """Guard on the fixture itself: a row read into another row's place would be noticed."""
    assert len({replace(a, id=AnnotationId("x")) for a in EXPECTED}) == len(EXPECTED)
