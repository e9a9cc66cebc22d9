"""`check` on two real courses as published: every lesson and figure found, no false dead link."""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path
from typing import Any

import pytest
from helpers import CARPENTRIES_COURSE, IOT_COURSE

from reader.checks import check_library
from reader.core.links import library_path

_LINK_RE = re.compile(r'The link "([^"]*)" leads nowhere')


def _markdown_files(root: Path) -> set[str]:
    found = set()
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = Path(folder).relative_to(root).as_posix()
        for name in files:
            if name.lower().endswith(".md"):
                found.add(name if rel == "." else f"{rel}/{name}")
    return found


@pytest.fixture(scope="module", params=[IOT_COURSE, CARPENTRIES_COURSE], ids=["iot", "carpentries"])
def course(request: pytest.FixtureRequest) -> tuple[Path, dict[str, Any]]:
    root: Path = request.param
    return root, check_library(root)


def test_every_lesson_is_a_chapter(course: tuple[Path, dict[str, Any]]) -> None:
    root, report = course
    paths = {chapter["path"] for chapter in report["chapters"]}
    skipped = {s["path"] for s in report["skipped"]}
    missing = _markdown_files(root) - paths - skipped
    assert not missing
    assert all(s["message"] for s in report["skipped"])
    assert len(paths) == len(report["chapters"])  # no chapter listed twice


def test_every_figure_is_found(course: tuple[Path, dict[str, Any]]) -> None:
    root, report = course
    found = 0
    for chapter in report["chapters"]:
        folder = posixpath.dirname(chapter["path"])
        for image in chapter["images"]:
            target = library_path(image["src"], folder)
            exists = target is not None and (root / target).is_file()
            assert image["found"] == exists, (chapter["path"], image)
            found += exists
    assert found > 20
    # Images on the web are told apart from paths that leave the library.
    for problem in report["problems"]:
        if problem["kind"] == "unsafe-path":
            assert "http" not in problem["message"].split('"')[1]


def test_no_dead_link_that_github_would_follow(course: tuple[Path, dict[str, Any]]) -> None:
    root, report = course
    dead = [p for p in report["problems"] if p["kind"] == "dead-link"]
    for problem in dead:
        found = _LINK_RE.search(problem["message"])
        if found is None:
            continue  # a missing section: judged by the heading ids, tested elsewhere
        href = found.group(1).partition("#")[0]
        folder = posixpath.dirname(problem["path"])
        target = library_path(href, folder)
        # GitHub follows a relative link when its target exists in the repository.
        assert target is None or not (root / target).exists(), problem


def test_no_raw_markdown_problem_is_reported(course: tuple[Path, dict[str, Any]]) -> None:
    _, report = course
    assert not [p for p in report["problems"] if p["kind"] in ("unclosed-fence", "too-deep")]
