"""Libraries laid out in folders: discovery, nesting, order, slugs, and what is left out."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import SEED, write_chapter
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core import assembly, discovery
from reader.core.discovery import FoundFile
from reader.core.library_scan import load_library
from reader.core.slugs import derive_slug, is_valid_slug

COURSES = Path("/work/shared/courses")
IOT = COURSES / "iot-for-beginners"
CARPENTRIES = COURSES / "python-novice-inflammation"


def _write(root: Path, relpath: str, text: str) -> Path:
    path = root / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_nested_folders_give_nested_chapters(tmp_path: Path) -> None:
    _write(tmp_path, "README.md", "# The course\n")
    _write(tmp_path, "10-last/README.md", "# Last module\n")
    _write(tmp_path, "2-second/README.md", "# Second module\n")
    _write(tmp_path, "2-second/lessons/1-first-lesson/README.md", "# First lesson\n")
    _write(tmp_path, "2-second/lessons/1-first-lesson/assignment.md", "# Assignment\n")
    _write(tmp_path, "2-second/lessons/1-first-lesson/pi.md", "# On a Pi\n")
    _write(tmp_path, "2-second/notes.md", "# Notes\n")
    _write(tmp_path, "loose/extra.md", "# Extra\n")
    library = load_library(tmp_path)
    assert library.problems == ()
    rows = [(c.relpath, c.slug, c.title, c.parent) for c in library.chapters]
    assert rows == [
        ("README.md", "README", "The course", None),
        ("2-second/README.md", "2-second", "Second module", None),
        ("2-second/notes.md", "2-second.notes", "Notes", "2-second"),
        (
            "2-second/lessons/1-first-lesson/README.md",
            "2-second.lessons.1-first-lesson",
            "First lesson",
            "2-second",
        ),
        (
            "2-second/lessons/1-first-lesson/assignment.md",
            "2-second.lessons.1-first-lesson.assignment",
            "Assignment",
            "2-second.lessons.1-first-lesson",
        ),
        (
            "2-second/lessons/1-first-lesson/pi.md",
            "2-second.lessons.1-first-lesson.pi",
            "On a Pi",
            "2-second.lessons.1-first-lesson",
        ),
        ("10-last/README.md", "10-last", "Last module", None),
        ("loose/extra.md", "loose.extra", "Extra", None),
    ]
    assert [c.slug for c in library.children("2-second")] == [
        "2-second.notes",
        "2-second.lessons.1-first-lesson",
    ]
    assert library.by_relpath("loose/extra.md") is library.by_slug("loose.extra")
    assert library.by_relpath("LOOSE/Extra.md") is None
    assert library.find_relpath("LOOSE/Extra.md") is library.by_slug("loose.extra")
    assert library.find_relpath(".\\loose\\extra.md") is library.by_slug("loose.extra")


def test_index_is_preferred_and_file_case_and_extensions_vary(tmp_path: Path) -> None:
    _write(tmp_path, "part/Readme.MD", "# The readme\n")
    _write(tmp_path, "part/INDEX.markdown", "# The index\n")
    _write(tmp_path, "part/other.Markdown", "# Other\n")
    library = load_library(tmp_path)
    rows = [(c.slug, c.title, c.parent) for c in library.chapters]
    assert rows == [
        ("part", "The index", None),
        ("part.other", "Other", "part"),
        ("part-2", "The readme", "part"),
    ]


def test_names_become_titles_when_nothing_else_does(tmp_path: Path) -> None:
    _write(tmp_path, "1-getting-started/README.md", "Just text.\n")
    _write(tmp_path, "1-getting-started/01-intro.md", "```\n# not a heading\n```\n")
    library = load_library(tmp_path)
    assert [c.title for c in library.chapters] == ["Getting started", "Intro"]
    assert [p.kind for p in library.problems] == ["no-title", "no-title"]


def test_odd_file_names_give_valid_distinct_slugs(tmp_path: Path) -> None:
    names = [
        "a b.md",
        "a-b.md",
        "a.b.md",
        "a/b.md",
        "Été café.md",
        "日本語.md",
        "007 licence.md",
        "-dash.md",
        "x" * 200 + ".md",
        "x" * 199 + "y.md",
    ]
    for name in names:
        _write(tmp_path, name, f"# {name}\n")
    library = load_library(tmp_path)
    slugs = [c.slug for c in library.chapters]
    assert len(library.chapters) == len(names)
    assert len(set(slugs)) == len(slugs)
    assert all(is_valid_slug(s) and len(s) <= 128 for s in slugs)
    by_path = {c.relpath: c.slug for c in library.chapters}
    assert by_path["Été café.md"] == "Été-café"
    assert by_path["日本語.md"] == "日本語"
    assert by_path["-dash.md"] == "dash"
    assert {by_path["a b.md"], by_path["a-b.md"]} == {"a-b", "a-b-2"}
    assert {by_path["a.b.md"], by_path["a/b.md"]} == {"a.b", "a.b-2"}


def test_front_matter_slugs_are_kept_exactly(tmp_path: Path) -> None:
    (tmp_path / "human-security.md").write_bytes(SEED.read_bytes())
    write_chapter(tmp_path, "intro.md", "Intro", "text")
    (tmp_path / "deep").mkdir()
    write_chapter(tmp_path, "deep/chosen.md", "Chosen", "text", slug="my-own")
    # A derived slug that would collide with a chosen one steps aside, even when its
    # file comes first in reading order ("-intro" sorts before "intro").
    _write(tmp_path, "my-own.md", "# Derived\n")
    _write(tmp_path, "-intro.md", "# Another file\n")
    library = load_library(tmp_path)
    by_path = {c.relpath: c.slug for c in library.chapters}
    assert by_path == {
        "human-security.md": "human-security",
        "intro.md": "intro",
        "deep/chosen.md": "my-own",
        "my-own.md": "my-own-2",
        "-intro.md": "intro-2",
    }


def test_hidden_and_tool_folders_are_skipped_and_listed(tmp_path: Path) -> None:
    _write(tmp_path, "lesson.md", "# Lesson\n")
    _write(tmp_path, ".hidden/secret.md", "# Secret\n")
    _write(tmp_path, ".draft.md", "# Draft\n")
    _write(tmp_path, "node_modules/pkg/README.md", "# Package\n")
    _write(tmp_path, "sub/__pycache__/x.md", "# Cache\n")
    _write(tmp_path, "sub/_site/page.md", "# Built\n")
    _write(tmp_path, "book/page.md", "# Kept: no SUMMARY.md, so book/ may be content\n")
    library = load_library(tmp_path)
    assert sorted(c.relpath for c in library.chapters) == ["book/page.md", "lesson.md"]
    skipped = {p.path: p.message for p in library.skipped}
    assert set(skipped) == {".hidden", ".draft.md", "node_modules", "sub/__pycache__", "sub/_site"}
    assert all(p.kind == "skipped" for p in library.skipped)
    assert "hidden" in skipped[".hidden"]
    assert "JavaScript" in skipped["node_modules"]


def test_links_out_of_the_library_are_refused_and_loops_end(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    _write(outside, "private.md", "# Private\n")
    root = tmp_path / "lib"
    _write(root, "a/inside.md", "# Inside\n")
    (root / "escape.md").symlink_to(outside / "private.md")
    (root / "out").symlink_to(outside, target_is_directory=True)
    (root / "a" / "loop").symlink_to(root, target_is_directory=True)
    (root / "alias.md").symlink_to(root / "a" / "inside.md")
    (root / "gone.md").symlink_to(root / "missing.md")
    library = load_library(root)
    assert sorted(c.relpath for c in library.chapters) == ["a/inside.md", "alias.md"]
    problems = {(p.path, p.kind) for p in library.problems}
    assert problems == {
        ("escape.md", "unsafe-path"),
        ("out", "unsafe-path"),
        ("gone.md", "unreadable"),
    }
    assert [p.path for p in library.skipped] == ["a/loop"]


def test_a_fifo_named_like_a_chapter_is_not_read(tmp_path: Path) -> None:
    _write(tmp_path, "real.md", "# Real\n")
    os.mkfifo(tmp_path / "pipe.md")
    library = load_library(tmp_path)
    assert [c.relpath for c in library.chapters] == ["real.md"]
    assert [p.path for p in library.skipped] == ["pipe.md"]


def test_depth_and_count_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deep = tmp_path / "/".join(f"d{i}" for i in range(discovery.MAX_DEPTH + 3))
    deep.mkdir(parents=True)
    (deep / "bottom.md").write_text("# Bottom\n", encoding="utf-8")
    _write(tmp_path, "top.md", "# Top\n")
    library = load_library(tmp_path)
    assert [c.relpath for c in library.chapters] == ["top.md"]
    [skip] = library.skipped
    assert skip.path.count("/") == discovery.MAX_DEPTH
    assert "levels deep" in skip.message
    monkeypatch.setattr(discovery, "MAX_CHAPTER_FILES", 3)
    for index in range(6):
        _write(tmp_path, f"many/{index}.md", f"# {index}\n")
    limited = load_library(tmp_path)
    assert len(limited.chapters) == 3
    assert any("Reading stopped" in p.message for p in limited.skipped)


def _lesson_files(root: Path) -> set[str]:
    """Every chapter file under `root` by os.walk, outside the folders a library skips."""
    found = set()
    for folder, folders, files in os.walk(root):
        folders[:] = [
            f
            for f in folders
            if not f.startswith(".") and f.lower() not in discovery.SKIPPED_FOLDERS
        ]
        rel = Path(folder).relative_to(root).as_posix()
        for name in files:
            if name.lower().endswith((".md", ".markdown")) and not name.startswith("."):
                found.add(name if rel == "." else f"{rel}/{name}")
    return found


@pytest.mark.skipif(not IOT.is_dir(), reason="the shared IoT course is not on this machine")
def test_iot_for_beginners_every_lesson_file_is_a_chapter() -> None:
    library = load_library(IOT)
    assert {c.relpath for c in library.chapters} == _lesson_files(IOT)
    assert len(library.chapters) == 123
    assert library.problems == ()
    first = library.chapters[0]
    assert (first.relpath, first.parent) == ("README.md", None)
    module = library.by_relpath("1-getting-started/README.md")
    lesson = library.by_relpath("1-getting-started/lessons/1-introduction-to-iot/README.md")
    pi = library.by_relpath("1-getting-started/lessons/1-introduction-to-iot/pi.md")
    assert module is not None and lesson is not None and pi is not None
    assert (module.parent, lesson.parent, pi.parent) == (None, module.slug, lesson.slug)
    assert lesson.slug == "1-getting-started.lessons.1-introduction-to-iot"
    order = [c.relpath for c in library.chapters]
    assert (
        order.index("1-getting-started/README.md")
        < order.index("1-getting-started/lessons/1-introduction-to-iot/README.md")
        < order.index("1-getting-started/lessons/1-introduction-to-iot/assignment.md")
        < order.index("2-farm/README.md")
    )


@pytest.mark.skipif(not CARPENTRIES.is_dir(), reason="the shared Carpentries lesson is absent")
def test_carpentries_lesson() -> None:
    library = load_library(CARPENTRIES)
    relpaths = [c.relpath for c in library.chapters]
    episodes = [f"episodes/{name}" for name in sorted(os.listdir(CARPENTRIES / "episodes"))]
    episodes = [e for e in episodes if e.endswith(".md")]
    assert len(episodes) == 12
    assert relpaths[0] == "index.md"
    assert set(relpaths) == {"index.md", "README.md", "LICENSE.md", "episodes/fig/README.md"} | set(
        episodes
    )
    assert [r for r in relpaths if r.startswith("episodes/") and "/fig/" not in r] == episodes
    intro = library.by_relpath("episodes/01-intro.md")
    assert intro is not None
    assert (intro.slug, intro.title) == ("episodes.01-intro", "Python Fundamentals")
    assert intro.body.startswith(":::")


def _entry(title: str = "T") -> dict[str, object]:
    return {
        "hash": "0",
        "body": [0, 0],
        "fm": False,
        "title": title,
        "slug": "",
        "abstract": "",
        "order": None,
    }


_NAME = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="/\\\x00"),
    min_size=1,
    max_size=40,
).filter(lambda n: n not in (".", ".."))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_NAME, min_size=1, max_size=4).map("/".join), max_size=12, unique=True))
def test_any_paths_give_valid_distinct_slugs(relpaths: list[str]) -> None:
    for relpath in relpaths:
        assert is_valid_slug(derive_slug(relpath)), relpath
    files = [FoundFile(r, Path("/lib", r), 0, 0) for r in relpaths]
    chapters, _ = assembly.assemble(Path("/lib"), files, {r: _entry() for r in relpaths}, None)
    slugs = [c.slug for c in chapters]
    assert len(chapters) == len(relpaths)
    assert len(set(slugs)) == len(slugs)
    assert all(is_valid_slug(s) for s in slugs)
    # The same paths in another order give the same slugs.
    again, _ = assembly.assemble(
        Path("/lib"), list(reversed(files)), {r: _entry() for r in relpaths}, None
    )
    assert {c.relpath: c.slug for c in again} == {c.relpath: c.slug for c in chapters}
