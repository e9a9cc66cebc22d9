"""A library's identity survives moving its folder, renaming its zip and a newer version;
its metadata file wins when it has one, and a bad one is reported, never fatal."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import CARPENTRIES_COURSE, COURSES, IOT_COURSE
from pack_zips import zip_entries, zip_folder

from reader.core.pack import open_library
from reader.core.pack_identity import BUNDLED_LIBRARY_ID, clean_name, identify


def _course(root: Path, readme: str = "Welcome.\n", **files: str) -> Path:
    root.mkdir(parents=True)
    (root / "README.md").write_text(readme, encoding="utf-8")
    (root / "lesson.md").write_text("# Lesson\n\nText.\n", encoding="utf-8")
    for name, text in files.items():
        (root / name.replace("__", "/")).write_text(text, encoding="utf-8")
    return root


def _id(path: Path) -> str:
    return identify(open_library(path)).id


def test_a_moved_folder_keeps_its_id(tmp_path: Path) -> None:
    first = _course(tmp_path / "downloads" / "stats-course", "# Statistics for Everyone\n")
    before = identify(open_library(first))
    moved = tmp_path / "courses" / "renamed-by-me"
    moved.parent.mkdir()
    shutil.move(first, moved)
    after = identify(open_library(moved))
    assert after.id == before.id == "derived:statistics-for-everyone"
    assert after.title == "Statistics for Everyone"


def test_a_renamed_zip_keeps_its_id(tmp_path: Path) -> None:
    course = _course(tmp_path / "stats")  # no title anywhere: the name is what is left
    first = zip_folder(course, tmp_path / "stats.zip")
    renamed = tmp_path / "stats (2).zip"
    first.rename(renamed)
    assert _id(renamed) == "derived:stats"
    assert _id(zip_folder(course, tmp_path / "stats_1.0.3.zip")) == "derived:stats"


def test_a_newer_github_zip_keeps_its_id(tmp_path: Path) -> None:
    old = _course(tmp_path / "v1")
    new = _course(tmp_path / "v2", "Welcome, now with more.\n", **{"extra.md": "# Extra\n"})
    first = zip_folder(old, tmp_path / "course-main.zip", "course-main")
    second = zip_folder(new, tmp_path / "download.zip", "course-v2")
    info = identify(open_library(second))
    assert _id(first) == info.id == "derived:course"
    assert info.title == "course"


def test_a_folder_and_its_zip_have_one_id(tmp_path: Path) -> None:
    course = _course(tmp_path / "ml-course-master", "# Machine Learning\n")
    packed = zip_folder(course, tmp_path / "whatever.zip", "ml-course-master")
    assert _id(course) == _id(packed) == "derived:machine-learning"


@pytest.mark.skipif(not COURSES.is_dir(), reason="the shared courses are not there")
def test_real_courses_are_named_by_their_readme_title(tmp_path: Path) -> None:
    iot = identify(open_library(IOT_COURSE))
    # The IoT README opens with a banner's smaller headings, shared by many courses.
    assert iot.id == "derived:iot-for-beginners-a-curriculum"
    top = "python-novice-inflammation-gh-pages"
    packed = zip_folder(CARPENTRIES_COURSE, tmp_path / "l.zip", top)
    assert _id(packed) == _id(CARPENTRIES_COURSE) == "derived:programming-with-python"


def test_the_book_title_comes_first(tmp_path: Path) -> None:
    course = _course(
        tmp_path / "rust-book-main",
        "# Not this\n",
        **{"book.toml": '[book]\ntitle = "The Rust Book"\nlanguage = "en"\n'},
    )
    info = identify(open_library(course))
    assert (info.id, info.title, info.language) == ("derived:the-rust-book", "The Rust Book", "en")


def test_the_metadata_file_wins(tmp_path: Path) -> None:
    meta = {
        "id": "org.example.stats",
        "title": "Statistics",
        "version": "2.1",
        "language": "fr",
        "authors": ["Ada", "Grace"],
    }
    course = _course(
        tmp_path / "stats-main", "# Other title\n", **{"field-reader.json": json.dumps(meta)}
    )
    library = open_library(course)
    info = identify(library)
    assert (info.id, info.title, info.version, info.language, info.authors) == (
        "org.example.stats",
        "Statistics",
        "2.1",
        "fr",
        ("Ada", "Grace"),
    )
    assert not library.problems
    packed = zip_folder(course, tmp_path / "x.zip", "stats-v3")
    assert identify(open_library(packed)) == info


def test_metadata_without_an_id_keeps_the_derived_one(tmp_path: Path) -> None:
    course = _course(
        tmp_path / "stats", "# Stats\n", **{"field-reader.json": '{"title": "Nice title"}'}
    )
    info = identify(open_library(course))
    assert (info.id, info.title) == ("derived:stats", "Nice title")


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ('{"id": "../escape"}', "id"),
        ('{"id": "bundled"}', "id"),
        ('{"id": "x", "authors": [1, 2]}', "authors"),
        ('{"id": "x", "language": "french!"}', "language"),
        ("{not json", "not valid JSON"),
        ('["a list"]', "one JSON object"),
    ],
)
def test_a_bad_metadata_file_is_reported_and_ignored(tmp_path: Path, text: str, field: str) -> None:
    course = _course(tmp_path / "stats", "# Stats\n", **{"field-reader.json": text})
    library = open_library(course)
    (problem,) = [p for p in library.problems if p.kind == "bad-metadata"]
    assert problem.path == "field-reader.json" and field in problem.message
    info = identify(library)
    assert info.id not in ("../escape", BUNDLED_LIBRARY_ID)
    assert info.id.startswith("derived:") or info.id == "x"


def test_a_bad_metadata_file_in_a_zip_is_reported(tmp_path: Path) -> None:
    pack = zip_entries(tmp_path / "p.zip", {"README.md": "# P\n", "field-reader.json": b"\xff\xfe"})
    library = open_library(pack)
    assert [p.kind for p in library.problems] == ["bad-metadata"]
    assert identify(library).id == "derived:p"


@pytest.mark.parametrize(
    ("name", "cleaned"),
    [
        ("course-main", "course"),
        ("course-master", "course"),
        ("course-gh-pages", "course"),
        ("course-v1.2", "course"),
        ("course_1.0.3", "course"),
        ("course (2)", "course"),
        ("course-main (2)", "course"),
        ("course-v2", "course"),
        ("ml-101", "ml-101"),
        ("python-3", "python-3"),
        ("main", "main"),
    ],
)
def test_version_and_branch_suffixes_are_taken_off(name: str, cleaned: str) -> None:
    assert clean_name(name) == cleaned
