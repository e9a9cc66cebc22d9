"""The notes commands work on one library's notes (--content's, else the bundled chapters'),
and `export --all-libraries` writes every library's, as real subprocesses."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import run_cli

from reader.command_library import library_info
from reader.core.anchoring import Target, TextQuoteSelector
from reader.core.data_folder import NOTES_FILE
from reader.core.exchange import LIBRARIES_PROPERTY, LIBRARY_PROPERTY
from reader.core.library_scan import load_library
from reader.core.notes import BUNDLED_LIBRARY_ID
from reader.storage.annotations import AnnotationStore
from reader.storage.db import Database

run = run_cli


def _two_libraries(tmp_path: Path) -> tuple[Path, Path, str]:
    """Two libraries with a chapter `intro` and a note each in one data folder."""
    roots = []
    for name, words in (("econ", "Markets clear at a price."), ("law", "Courts weigh rights.")):
        root = tmp_path / name
        root.mkdir()
        (root / "intro.md").write_text(f"# {name.title()}\n\n{words}\n", encoding="utf-8")
        roots.append(root)
    data = tmp_path / "data"
    with Database(data / NOTES_FILE) as db:
        for root, quote, note in (
            (roots[0], "Markets", "econ note"),
            (roots[1], "Courts", "law note"),
        ):
            library_id = library_info(load_library(root)).id
            AnnotationStore(db, library_id).add(
                "intro", Target(TextQuoteSelector(quote)), "green", note
            )
    return roots[0], roots[1], str(data)


def test_export_and_search_see_only_the_librarys_own_notes(tmp_path: Path) -> None:
    econ, law, data = _two_libraries(tmp_path)
    exported = run("export", "--content", str(econ), "--data-dir", data)
    assert exported.returncode == 0, exported.stderr
    assert "econ note" in exported.stdout and "law note" not in exported.stdout
    as_json = run("export", "--format", "json", "--content", str(law), "--data-dir", data)
    document = json.loads(as_json.stdout)
    law_id = library_info(load_library(law)).id
    assert document[LIBRARY_PROPERTY] == {"id": law_id, "title": "Law"}
    (item,) = document["first"]["items"]
    assert item[LIBRARY_PROPERTY] == law_id and item["body"]["value"] == "law note"
    found = run("search", "note", "--json", "--content", str(law), "--data-dir", data)
    assert found.returncode == 0, found.stderr
    notes = [hit for hit in json.loads(found.stdout) if hit["kind"] == "note"]
    assert len(notes) == 1 and "law" in json.dumps(notes[0])


def test_export_all_libraries_then_import_keeps_each_note_in_its_library(tmp_path: Path) -> None:
    econ, law, data = _two_libraries(tmp_path)
    out = tmp_path / "everything.json"
    done = run(
        "export", "--all-libraries", "-o", str(out), "--content", str(econ), "--data-dir", data
    )
    assert done.returncode == 0, done.stderr
    document = json.loads(out.read_text(encoding="utf-8"))
    ids = {library_info(load_library(root)).id for root in (econ, law)}
    assert {entry["id"] for entry in document[LIBRARIES_PROPERTY]} == ids
    # Imported elsewhere with the bundled chapters open: each note goes to its library.
    other = tmp_path / "other-machine"
    imported = run("import", str(out), "--data-dir", str(other))
    assert imported.returncode == 0, imported.stderr
    assert "added: 2" in imported.stdout
    assert "for other libraries than this one: 2" in imported.stdout
    with Database(other / NOTES_FILE) as db:
        assert AnnotationStore(db).list() == []
        for root, note in ((econ, "econ note"), (law, "law note")):
            (kept,) = AnnotationStore(db, library_info(load_library(root)).id).list()
            assert kept.note == note and kept.chapter == "intro"


def test_an_old_export_without_library_ids_goes_to_the_content_library(tmp_path: Path) -> None:
    econ, _, data = _two_libraries(tmp_path)
    done = run("export", "--format", "json", "--content", str(econ), "--data-dir", data)
    document = json.loads(done.stdout)
    del document[LIBRARY_PROPERTY]
    for item in document["first"]["items"]:
        del item[LIBRARY_PROPERTY]
    old = tmp_path / "old.json"
    old.write_text(json.dumps(document), encoding="utf-8")
    other = tmp_path / "other-machine"
    bundled = run("import", str(old), "--data-dir", str(other))
    assert bundled.returncode == 0 and "other libraries" not in bundled.stdout
    with Database(other / NOTES_FILE) as db:
        (note,) = AnnotationStore(db, BUNDLED_LIBRARY_ID).list()
        assert note.note == "econ note"
    third = tmp_path / "third-machine"
    into_econ = run("import", str(old), "--content", str(econ), "--data-dir", str(third))
    assert into_econ.returncode == 0, into_econ.stderr
    with Database(third / NOTES_FILE) as db:
        assert AnnotationStore(db).list() == []
        (note,) = AnnotationStore(db, library_info(load_library(econ)).id).list()
        assert note.note == "econ note"


def test_all_libraries_refuses_study_notes_and_a_chapter(tmp_path: Path) -> None:
    econ, _, data = _two_libraries(tmp_path)
    common = ("--content", str(econ), "--data-dir", data)
    md = run("export", "--all-libraries", "--format", "md", *common)
    assert md.returncode == 2 and "JSON only" in md.stderr
    one = run("export", "--all-libraries", "--chapter", "intro", *common)
    assert one.returncode == 2 and "--chapter" in one.stderr
