"""Export, import and sync keep each note in its library, with two libraries that both have
a chapter `intro`; files without library ids (older exports, other tools) still import."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.core.anchoring import describe
from reader.core.data_folder import NOTES_FILE, DataFolder
from reader.core.document import load_document
from reader.core.exchange import LIBRARIES_PROPERTY, LIBRARY_PROPERTY, export, export_all_libraries
from reader.core.importing import ImportRefused, import_file, import_into, parse_w3c
from reader.core.library import Library
from reader.core.library_scan import load_library
from reader.core.notes import BUNDLED_LIBRARY_ID, Annotation
from reader.core.pack_identity import LibraryInfo, identify
from reader.core.sync import sync_file_name, sync_folder
from reader.storage.annotations import AnnotationStore
from reader.storage.db import Database

GENERATED = "2024-06-01T12:00:00.000Z"


def _library(root: Path, text: str) -> Library:
    root.mkdir(parents=True)
    (root / "intro.md").write_text(f"# Introduction\n\n{text}\n", encoding="utf-8")
    return load_library(root)


@pytest.fixture
def bundled(tmp_path: Path) -> Library:
    return _library(tmp_path / "bundled", "Human security puts people first, not the state.")


@pytest.fixture
def other(tmp_path: Path) -> Library:
    return _library(tmp_path / "other", "Markets clear when supply meets demand at a price.")


OTHER_INFO = LibraryInfo("derived:economics", "Economics")
BUNDLED_INFO = LibraryInfo(BUNDLED_LIBRARY_ID, "Field Reader")


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(tmp_path / "data" / NOTES_FILE)
    yield database
    database.close()


def _highlight(store: AnnotationStore, library: Library, phrase: str, note: str) -> Annotation:
    chapter = library.by_slug("intro")
    assert chapter is not None
    text = load_document(chapter, library.root).plain.text
    start = text.index(phrase)
    return store.add("intro", describe(text, start, start + len(phrase)), "green", note)


def _items(text: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads(text)["first"]["items"]
    return items


def test_an_export_names_its_library_at_the_top_and_on_each_item(
    db: Database, bundled: Library, other: Library
) -> None:
    mine = AnnotationStore(db)
    theirs = AnnotationStore(db, OTHER_INFO.id)
    _highlight(mine, bundled, "people first", "bundled note")
    kept = _highlight(theirs, other, "supply meets demand", "economics note")
    theirs.delete(_highlight(theirs, other, "at a price", "gone").id)
    text = export(
        theirs.all_including_tombstones(), other, "json", generated=GENERATED, info=OTHER_INFO
    )
    data = json.loads(text)
    assert data[LIBRARY_PROPERTY] == {"id": OTHER_INFO.id, "title": "Economics"}
    assert LIBRARIES_PROPERTY not in data
    items = _items(text)
    assert len(items) == 2 and {i[LIBRARY_PROPERTY] for i in items} == {OTHER_INFO.id}
    assert any(i["id"] == f"urn:uuid:{kept.id}" and i["state"] == "anchored" for i in items)
    # Study notes of one library hold only its notes.
    markdown = export(theirs.list(), other, "md", generated=GENERATED)
    assert "economics note" in markdown and "bundled note" not in markdown


def test_every_library_exported_goes_back_to_its_own_library(
    db: Database, bundled: Library, other: Library, tmp_path: Path
) -> None:
    mine = AnnotationStore(db)
    theirs = AnnotationStore(db, OTHER_INFO.id)
    a = _highlight(mine, bundled, "people first", "bundled note")
    b = _highlight(theirs, other, "supply meets demand", "economics note")
    text = export_all_libraries(mine.every_record(), bundled, BUNDLED_INFO, generated=GENERATED)
    data = json.loads(text)
    assert data[LIBRARIES_PROPERTY] == [
        {"id": BUNDLED_LIBRARY_ID, "title": "Field Reader"},
        {"id": OTHER_INFO.id},
    ]
    assert {i[LIBRARY_PROPERTY] for i in _items(text)} == {BUNDLED_LIBRARY_ID, OTHER_INFO.id}
    path = tmp_path / "all.json"
    path.write_text(text, encoding="utf-8")
    with Database(tmp_path / "elsewhere" / NOTES_FILE) as fresh:
        summary = import_file(AnnotationStore(fresh), bundled, path)
        assert (summary.added, summary.other_library) == (2, 1)
        assert "for other libraries than this one: 1" in summary.text()
        assert AnnotationStore(fresh).list() == [a]
        assert AnnotationStore(fresh, OTHER_INFO.id).list() == [b]


def test_an_item_without_a_library_goes_to_the_open_library(
    db: Database, other: Library, tmp_path: Path
) -> None:
    source = AnnotationStore(db, OTHER_INFO.id)
    made = _highlight(source, other, "supply meets demand", "from an older export")
    data = json.loads(export(source.list(), other, "json", generated=GENERATED))
    for item in data["first"]["items"]:
        del item[LIBRARY_PROPERTY]  # as an export of the release before libraries
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with Database(tmp_path / "elsewhere" / NOTES_FILE) as fresh:
        summary = import_file(AnnotationStore(fresh, OTHER_INFO.id), other, path)
        assert (summary.added, summary.other_library) == (1, 0)
        assert AnnotationStore(fresh, OTHER_INFO.id).list() == [made]
        assert AnnotationStore(fresh).list() == []


def test_records_of_another_library_are_not_placed_in_the_open_librarys_text(
    db: Database, bundled: Library, other: Library
) -> None:
    theirs = AnnotationStore(db, OTHER_INFO.id)
    made = _highlight(theirs, other, "supply meets demand", "")
    text = export(theirs.list(), other, "json", generated=GENERATED, info=OTHER_INFO)
    # Imported while the bundled library is open: its `intro` does not hold these words,
    # yet the note is not an orphan of this library, and keeps its own position.
    summary = import_into(AnnotationStore(db), bundled, parse_w3c(text))
    assert (summary.unchanged, summary.orphaned, summary.unknown_chapter) == (1, 0, 0)
    assert AnnotationStore(db, OTHER_INFO.id).list() == [made]


@pytest.mark.parametrize("value", [3, "", ["x"], "x" * 201])
def test_a_library_id_that_is_not_one_refuses_the_file(value: object) -> None:
    item = {
        "id": "urn:uuid:00000000-0000-0000-0000-000000000001",
        "type": "Annotation",
        "modified": GENERATED,
        "target": {"source": "chapter:intro", "selector": {"type": "TextQuoteSelector"}},
        LIBRARY_PROPERTY: value,
    }
    item["target"]["selector"]["exact"] = "words"  # type: ignore[index]
    with pytest.raises(ImportRefused, match=r"Item 1 .*urn:field-reader:library"):
        parse_w3c(json.dumps([item]))


def test_sync_carries_every_library_and_keeps_each_note_in_its_own(
    bundled: Library, other: Library, tmp_path: Path
) -> None:
    folder = tmp_path / "usb-stick"
    folder.mkdir()
    lab_a, lab_b = tmp_path / "lab-a", tmp_path / "lab-b"
    with Database(lab_a / NOTES_FILE) as db:
        # Lab A has the other library open: the sync still carries both libraries' notes.
        a_note = _highlight(AnnotationStore(db), bundled, "people first", "a bundled")
        b_note = _highlight(AnnotationStore(db, OTHER_INFO.id), other, "at a price", "a econ")
        result = sync_folder(AnnotationStore(db, OTHER_INFO.id), other, lab_a, folder)
        assert not result.refused and result.written is not None
    with Database(lab_b / NOTES_FILE) as db:
        result = sync_folder(AnnotationStore(db), bundled, lab_b, folder)
        assert not result.refused
        (summary,) = result.merged.values()
        assert (summary.added, summary.other_library) == (2, 1)
        assert AnnotationStore(db).list() == [a_note]
        assert AnnotationStore(db, OTHER_INFO.id).list() == [b_note]
        own = json.loads((folder / sync_file_name(_ident(lab_b))).read_text(encoding="utf-8"))
        libraries = {i[LIBRARY_PROPERTY] for i in own["first"]["items"]}
        assert libraries == {BUNDLED_LIBRARY_ID, OTHER_INFO.id}


def test_a_sync_file_of_the_release_before_libraries_goes_to_the_bundled_library(
    other: Library, tmp_path: Path
) -> None:
    folder = tmp_path / "usb-stick"
    folder.mkdir()
    with Database(tmp_path / "old" / NOTES_FILE) as db:
        made = _highlight(AnnotationStore(db), other, "supply meets demand", "old machine")
        data = json.loads(export(AnnotationStore(db).list(), other, "json"))
    for item in data["first"]["items"]:
        del item[LIBRARY_PROPERTY]
    (folder / "field-reader-old.json").write_text(json.dumps(data), encoding="utf-8")
    with Database(tmp_path / "new" / NOTES_FILE) as db:
        # Opened over another library, the old machine's notes still go where its own
        # notes go once it is updated: the bundled library.
        result = sync_folder(AnnotationStore(db, OTHER_INFO.id), other, tmp_path / "new", folder)
        assert not result.refused
        assert AnnotationStore(db).list() == [made]
        assert AnnotationStore(db, OTHER_INFO.id).list() == []


def _ident(data: Path) -> str:
    return DataFolder(data).installation_id.read_text(encoding="utf-8").strip()


def test_identify_gives_the_other_test_library_another_id(other: Library) -> None:
    """Guard on the fixtures: the two libraries really are two."""
    assert identify(other).id != BUNDLED_LIBRARY_ID
