"""`field-reader export` and `import` end to end, as real subprocesses."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

from helpers import run_cli

from reader.command_library import library_info
from reader.core.anchoring import describe
from reader.core.data_folder import NOTES_FILE
from reader.core.document import load_document
from reader.core.library_scan import load_library
from reader.core.notes import Annotation
from reader.storage.annotations import AnnotationStore
from reader.storage.db import Database

PHRASE = '"freedom from want" and "freedom from fear"'


run = run_cli


def seed_notes(library_root: Path, data: Path) -> None:
    library = load_library(library_root)
    chapter = library.by_slug("human-security")
    assert chapter is not None
    text = load_document(chapter, library.root).plain.text
    with Database(data / NOTES_FILE) as db:
        # The notes of this library (a copy of the seed chapter, not the bundled one).
        store = AnnotationStore(db, library_info(library).id)
        start = text.index(PHRASE)
        store.add("human-security", describe(text, start, start + len(PHRASE)), "green", "why")
        start = text.index("Poverty")
        gone = store.add("human-security", describe(text, start, start + 7), "blue")
        store.delete(gone.id)


def rows(data: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(data / NOTES_FILE) as conn:
        # The columns of schema 1, deleted last (later columns are appended after it).
        return conn.execute(
            "SELECT id, chapter, created, modified, colour, note, quote_exact, quote_prefix,"
            " quote_suffix, position_start, position_end, deleted FROM annotations ORDER BY id"
        ).fetchall()


def same_notes(one: Path, other: Path) -> bool:
    """Whether two data folders hold the same live notes and the same deletions."""

    def notes(data: Path) -> tuple[list[Annotation], set[str]]:
        with Database(data / NOTES_FILE) as db:
            store = AnnotationStore(db)
            deleted = {a.id for a in store.all_including_tombstones() if a.deleted}
            return store.list(), deleted

    return notes(one) == notes(other)


def test_export_to_stdout_in_each_format(seed_library: Path, data_dir: Path) -> None:
    seed_notes(seed_library, data_dir)
    common = ("--content", str(seed_library), "--data-dir", str(data_dir))
    markdown = run("export", *common)
    assert markdown.returncode == 0, markdown.stderr
    assert markdown.stdout.startswith("# Study notes") and f"> {PHRASE}" in markdown.stdout
    page = run("export", "--format", "html", *common)
    assert page.returncode == 0 and "<mark style=" in page.stdout
    data = run("export", "--format", "json", "--chapter", "human-security", *common)
    assert data.returncode == 0
    collection = json.loads(data.stdout)
    assert collection["total"] == 2
    assert sorted(i["state"] for i in collection["first"]["items"]) == ["anchored", "deleted"]


def test_export_to_a_file_then_import_into_an_empty_folder(
    seed_library: Path, data_dir: Path, tmp_path: Path
) -> None:
    seed_notes(seed_library, data_dir)
    out = tmp_path / "notes.json"
    exported = run(
        "export", "-o", str(out), "--content", str(seed_library), "--data-dir", str(data_dir)
    )
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout == "" and json.loads(out.read_text())["type"] == "AnnotationCollection"

    other = tmp_path / "other-machine"
    imported = run("import", str(out), "--content", str(seed_library), "--data-dir", str(other))
    assert imported.returncode == 0, imported.stderr
    assert "added: 2" in imported.stdout and "orphaned: 0" in imported.stdout
    [live] = [r for r in rows(other) if not r[-1]]
    assert live == next(r for r in rows(data_dir) if not r[-1])
    again = run("import", str(out), "--content", str(seed_library), "--data-dir", str(other))
    assert again.returncode == 0 and "unchanged: 2" in again.stdout


def test_a_refused_file_exits_1_and_changes_nothing(
    seed_library: Path, data_dir: Path, tmp_path: Path
) -> None:
    seed_notes(seed_library, data_dir)
    before = rows(data_dir)
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "type": "AnnotationPage",
                "items": [{"id": "urn:uuid:1234", "type": "Annotation", "target": {}}],
            }
        )
    )
    result = run("import", str(bad), "--content", str(seed_library), "--data-dir", str(data_dir))
    assert result.returncode == 1
    assert "nothing was changed" in result.stderr and "Item 1 (urn:uuid:1234)" in result.stderr
    assert rows(data_dir) == before


def test_refused_import_into_a_new_folder_creates_no_notes_database(
    seed_library: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("not json")
    data = tmp_path / "fresh"
    result = run("import", str(bad), "--content", str(seed_library), "--data-dir", str(data))
    assert result.returncode == 1 and "not valid JSON" in result.stderr
    assert not (data / NOTES_FILE).exists()


def test_export_of_an_unknown_chapter_is_a_usage_error(seed_library: Path, data_dir: Path) -> None:
    result = run(
        "export", "--chapter", "nope", "--content", str(seed_library), "--data-dir", str(data_dir)
    )
    assert result.returncode == 2 and "nope" in result.stderr


def test_help_lists_the_commands_and_options() -> None:
    top = run("--help")
    assert "export" in top.stdout and "import" in top.stdout
    assert "--portable" in top.stdout and "--sync-dir" in top.stdout
    export_help = run("export", "--help")
    for word in ("--format", "--chapter", "-o", "--content", "--data-dir"):
        assert word in export_help.stdout


def test_sync_carries_notes_between_two_computers_through_a_folder(
    seed_library: Path, tmp_path: Path
) -> None:
    lab, laptop, stick = tmp_path / "lab", tmp_path / "laptop", tmp_path / "stick"
    lab.mkdir()
    laptop.mkdir()
    stick.mkdir()
    seed_notes(seed_library, lab)

    def sync(data: Path) -> subprocess.CompletedProcess[str]:
        return run("sync", str(stick), "--content", str(seed_library), "--data-dir", str(data))

    first = sync(lab)
    assert first.returncode == 0, first.stderr
    [lab_file] = list(stick.glob("field-reader-*.json"))
    assert str(lab_file) in first.stdout
    second = sync(laptop)
    assert second.returncode == 0, second.stderr
    # The note, and the deletion as a tombstone (which carries no quote or note).
    assert f"Merged {lab_file.name}: added: 2, updated: 0, deleted: 0" in second.stdout
    assert same_notes(laptop, lab)
    assert len(list(stick.glob("field-reader-*.json"))) == 2
    again = sync(laptop)
    assert "added: 0, updated: 0, deleted: 0, unchanged: 2" in again.stdout


def test_sync_refuses_a_bad_file_keeps_the_rest_and_never_creates_the_folder(
    seed_library: Path, tmp_path: Path
) -> None:
    lab, laptop, stick = tmp_path / "lab", tmp_path / "laptop", tmp_path / "stick"
    for folder in (lab, laptop, stick):
        folder.mkdir()
    seed_notes(seed_library, lab)
    common = ("--content", str(seed_library))
    assert run("sync", str(stick), *common, "--data-dir", str(lab)).returncode == 0
    (stick / "broken.json").write_text('{"type": "AnnotationCollection", "first": ', "utf-8")
    mixed = run("sync", str(stick), *common, "--data-dir", str(laptop))
    assert mixed.returncode == 1
    assert "broken.json was not merged; nothing of it was imported." in mixed.stderr
    assert "not valid JSON" in mixed.stderr
    assert same_notes(laptop, lab)  # the good file was merged all the same
    unplugged = tmp_path / "unplugged"
    gone = run("sync", str(unplugged), *common, "--data-dir", str(laptop))
    assert gone.returncode == 1
    assert f"The sync folder {unplugged} is not available." in gone.stderr
    assert not unplugged.exists()
