"""Notes belong to their library: two libraries with a chapter `intro` keep their notes apart,
and a database of the release before libraries opens with every note in the bundled one."""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import replace
from pathlib import Path

import pytest

from reader.core.anchoring import Target, TextPositionSelector, TextQuoteSelector
from reader.core.notes import (
    BUNDLED_LIBRARY_ID,
    Annotation,
    AnnotationId,
    AnnotationNotFoundError,
    InvalidAnnotation,
    MergeCounts,
)
from reader.storage.annotations import AnnotationStore, existing_notes
from reader.storage.backup import list_backups
from reader.storage.db import Database

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "notes_schema"
OTHER = "derived:world-politics"


def _target(words: str, start: int) -> Target:
    return Target(TextQuoteSelector(words, "", ""), TextPositionSelector(start, start + len(words)))


def test_two_libraries_with_the_same_chapter_slug_keep_their_notes_apart(db: Database) -> None:
    bundled = AnnotationStore(db, BUNDLED_LIBRARY_ID)
    other = AnnotationStore(db, OTHER)
    mine = bundled.add("intro", _target("the state", 10), "yellow", "bundled note")
    theirs = other.add("intro", _target("the market", 20), "green", "other note")
    bookmark = other.add("intro", _target("A paragraph", 0), "yellow", kind="bookmark")
    assert (mine.library, theirs.library) == (BUNDLED_LIBRARY_ID, OTHER)
    assert bundled.list("intro") == [mine]
    assert other.list("intro") == [bookmark, theirs]
    assert bundled.list() == [mine] and bundled.all_including_tombstones() == [mine]
    assert bundled.get(theirs.id) is None and other.get(mine.id) is None
    # One library's window cannot change or delete the other's notes by their ids.
    with pytest.raises(AnnotationNotFoundError):
        bundled.set_note(theirs.id, "overwritten")
    with pytest.raises(AnnotationNotFoundError):
        bundled.delete(theirs.id)
    assert bundled.update_positions([(theirs.id, 1, 5)]) == 0
    deleted = other.delete(theirs.id)
    assert other.list("intro", include_deleted=True) == [bookmark, deleted]
    assert bundled.list("intro", include_deleted=True) == [mine]
    # Both libraries' records travel together where every library is meant.
    assert {a.id for a in bundled.every_record()} == {mine.id, theirs.id, bookmark.id}
    assert bundled.libraries() == {BUNDLED_LIBRARY_ID: 1, OTHER: 2}
    assert existing_notes(db.path, "intro", library=OTHER) == [bookmark]
    assert existing_notes(db.path, "intro") == [mine]
    assert {a.id for a in existing_notes(db.path, library=None)} == {mine.id, bookmark.id}


def test_notes_stay_in_their_library_after_reopening(db_path: Path) -> None:
    with Database(db_path) as db:
        AnnotationStore(db, OTHER).add("intro", _target("kept", 0), "blue", "there")
    with Database(db_path) as db:
        assert AnnotationStore(db).list() == []
        (note,) = AnnotationStore(db, OTHER).list()
        assert (note.library, note.note) == (OTHER, "there")


def _record(library: str, modified: str, note: str = "") -> Annotation:
    return Annotation(
        id=AnnotationId(str(uuid.UUID(int=7))),
        chapter="intro",
        created="2024-01-01T00:00:00.000Z",
        modified=modified,
        colour="yellow",
        note=note,
        target=_target("words", 0),
        library=library,
    )


def test_an_older_version_from_another_library_never_moves_a_note(db: Database) -> None:
    store = AnnotationStore(db, BUNDLED_LIBRARY_ID)
    stored = _record(BUNDLED_LIBRARY_ID, "2024-02-01T00:00:00.000Z", "here")
    assert store.merge([stored]) == MergeCounts(added=1)
    older = _record(OTHER, "2024-01-15T00:00:00.000Z", "there")
    assert store.merge([older]) == MergeCounts(unchanged=1)
    assert store.list() == [stored] and AnnotationStore(db, OTHER).list() == []


def test_a_newer_version_from_another_library_moves_the_note_and_says_so(db: Database) -> None:
    store = AnnotationStore(db, BUNDLED_LIBRARY_ID)
    store.merge([_record(BUNDLED_LIBRARY_ID, "2024-02-01T00:00:00.000Z", "here")])
    newer = _record(OTHER, "2024-03-01T00:00:00.000Z", "there")
    counts = store.merge([newer])
    assert counts == MergeCounts(updated=1, moved=1)
    assert store.list() == [] and AnnotationStore(db, OTHER).list() == [newer]


def test_a_tombstone_without_content_keeps_the_notes_library(db: Database) -> None:
    store = AnnotationStore(db, OTHER)
    store.merge([_record(OTHER, "2024-02-01T00:00:00.000Z", "there")])
    tombstone = replace(
        _record(BUNDLED_LIBRARY_ID, "2024-03-01T00:00:00.000Z"),
        deleted=True,
        target=Target(TextQuoteSelector("")),
    )
    assert store.merge([tombstone]) == MergeCounts(deleted=1)
    (gone,) = store.list(include_deleted=True)
    assert gone.deleted and gone.library == OTHER and gone.note == "there"


@pytest.mark.parametrize("library", ["", "x" * 201, "bad\x00id"])
def test_a_library_id_no_note_may_carry_is_refused(db: Database, library: str) -> None:
    with pytest.raises(InvalidAnnotation):
        AnnotationStore(db).merge([_record(library, "2024-02-01T00:00:00.000Z")])
    assert AnnotationStore(db).every_record() == []


# -- the database of the release before libraries (schema 2) -------------------------------------

_V2_COLUMNS = (
    "id, chapter, created, modified, colour, note, quote_exact, quote_prefix, quote_suffix,"
    " position_start, position_end, deleted, kind, previous_quote"
)


def _release_two_database(path: Path) -> list[tuple[object, ...]]:
    """A notes file as the release with schema 2 left it, its fixture plus notes such as
    that release writes (bookmarks, a reworded passage, many chapters); its rows."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        script = (FIXTURES / "v2.sql").read_text(encoding="utf-8")
        conn.executescript("BEGIN;" + script + ";COMMIT;")
        conn.execute("PRAGMA user_version = 2")
        rows = [
            (
                str(uuid.UUID(int=1000 + n)),
                ("intro", "governance", "health")[n % 3],
                f"2025-03-01T10:{n % 60:02d}:00.000Z",
                f"2025-03-02T10:{n % 60:02d}:00.000Z",
                ("yellow", "green", "blue")[n % 3],
                f"note {n}" if n % 2 else "",
                f"passage {n}",
                "before ",
                " after",
                n * 10,
                n * 10 + 9,
                int(n % 7 == 0),
                "bookmark" if n % 5 == 0 else "highlight",
                f"first words {n}" if n % 4 == 0 else "",
            )
            for n in range(60)
        ]
        conn.execute("BEGIN")
        conn.executemany(
            f"INSERT INTO annotations ({_V2_COLUMNS}) VALUES ({', '.join('?' * 14)})", rows
        )
        conn.execute("COMMIT")
        return conn.execute(f"SELECT {_V2_COLUMNS} FROM annotations ORDER BY id").fetchall()
    finally:
        conn.close()


def test_the_database_of_the_release_before_libraries_keeps_every_note_in_the_bundled_one(
    tmp_path: Path,
) -> None:
    path = tmp_path / "data" / "notes.db"
    before = _release_two_database(path)
    assert len(before) == 65
    with Database(path) as db:
        bundled = AnnotationStore(db, BUNDLED_LIBRARY_ID)
        records = sorted(bundled.all_including_tombstones(), key=lambda a: a.id)
        assert len(records) == len(before)
        assert {a.library for a in records} == {BUNDLED_LIBRARY_ID}
        assert sorted(bundled.every_record(), key=lambda a: a.id) == records
        assert AnnotationStore(db, OTHER).all_including_tombstones() == []
        assert len(bundled.list()) == sum(1 for row in before if not row[11])
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
        # Every column of every row as the old release wrote it, and the bundled library.
        after = conn.execute(f"SELECT {_V2_COLUMNS}, library FROM annotations ORDER BY id")
        assert [row[:-1] for row in after.fetchall()] == before
        libraries = conn.execute("SELECT DISTINCT library FROM annotations").fetchall()
        assert libraries == [(BUNDLED_LIBRARY_ID,)]
    (backup,) = [b for b in list_backups(path.parent / "backups", "notes") if b.pre_migration]
    assert backup.pre_migration_from == 2
    with sqlite3.connect(backup.path) as conn:
        assert conn.execute(f"SELECT {_V2_COLUMNS} FROM annotations ORDER BY id").fetchall() == (
            before
        )
