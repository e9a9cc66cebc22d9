"""Link classification: only http(s) leaves the reader, and never silently."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import write_chapter

from reader.core.library_scan import load_library
from reader.core.links import classify_link


@pytest.fixture
def library(tmp_path: Path):  # type: ignore[no-untyped-def]
    write_chapter(tmp_path, "one.md", "One", "text", slug="one")
    write_chapter(tmp_path, "two.md", "Two", "text", slug="two")
    return load_library(tmp_path)


def test_internal_anchor(library) -> None:  # type: ignore[no-untyped-def]
    target = classify_link("#poverty", "one", library)
    assert (target.kind, target.slug, target.anchor) == ("anchor", "one", "poverty")


def test_other_chapter_by_file_and_by_slug(library) -> None:  # type: ignore[no-untyped-def]
    assert classify_link("two.md#x", "one", library).slug == "two"
    assert classify_link("./two.md", "one", library).anchor is None
    assert classify_link("chapter:two#y", "one", library).anchor == "y"
    assert classify_link("missing.md", "one", library).kind == "missing"


@pytest.mark.parametrize("href", ["http://example.org/a", "https://example.org/b?c=d"])
def test_web_links_are_external(library, href: str) -> None:  # type: ignore[no-untyped-def]
    target = classify_link(href, "one", library)
    assert target.kind == "external" and target.url == href


@pytest.mark.parametrize(
    "href",
    [
        "file:///etc/passwd",
        "javascript:alert(1)",
        "data:text/html,x",
        "mailto:a@b",
        "ftp://x/y",
        "http:nohost",
        "",
        "#",
        "../outside.md",
    ],
)
def test_other_schemes_do_nothing(library, href: str) -> None:  # type: ignore[no-untyped-def]
    target = classify_link(href, "one", library)
    assert target.kind in ("blocked", "outside") and not target.opens and target.reason


@pytest.fixture
def course(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A course laid out in lesson folders, without front matter, as published."""
    files = {
        "README.md": "# Course\n\n[Lesson one](1-topic/lessons/1-first/README.md)\n",
        "1-topic/README.md": "# Topic\n",
        "1-topic/lessons/1-first/README.md": "# First\n\n## Part A\n",
        "1-topic/lessons/1-first/assignment.md": "# Assignment\n",
        "1-topic/lessons/1-first/code/app.py": "print('hi')\n",
        "1-topic/lessons/2-second/README.md": "# Second\n",
        "src/ch04-01-ownership.md": "# Ownership\n",
        "src/ch04-00.md": "# Four\n",
    }
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return load_library(tmp_path)


def _slug_of(library, relpath: str) -> str:  # type: ignore[no-untyped-def]
    chapter = library.by_relpath(relpath)
    assert chapter is not None, relpath
    return str(chapter.slug)


@pytest.mark.parametrize(
    ("source", "href", "target", "anchor"),
    [
        (
            "1-topic/lessons/1-first/README.md",
            "../2-second/README.md",
            "1-topic/lessons/2-second/README.md",
            None,
        ),
        (
            "1-topic/lessons/1-first/README.md",
            "../2-second/README.md#part",
            "1-topic/lessons/2-second/README.md",
            "part",
        ),
        (
            "1-topic/lessons/1-first/README.md",
            "./assignment.md",
            "1-topic/lessons/1-first/assignment.md",
            None,
        ),
        (
            "1-topic/lessons/1-first/README.md",
            "../2-second",
            "1-topic/lessons/2-second/README.md",
            None,
        ),
        (
            "1-topic/lessons/1-first/README.md",
            "../2-second/",
            "1-topic/lessons/2-second/README.md",
            None,
        ),
        ("1-topic/lessons/1-first/README.md", "../../README.md", "1-topic/README.md", None),
        ("1-topic/lessons/1-first/README.md", "../../../README.md", "README.md", None),
        ("1-topic/lessons/1-first/README.md", "/1-topic/README.md", "1-topic/README.md", None),
        (
            "1-topic/lessons/1-first/README.md",
            "..\\2-second\\README.md",
            "1-topic/lessons/2-second/README.md",
            None,
        ),
        (
            "1-topic/lessons/1-first/README.md",
            "../2-second/readme.MD",
            "1-topic/lessons/2-second/README.md",
            None,
        ),
        ("src/ch04-00.md", "ch04-01-ownership.html", "src/ch04-01-ownership.md", None),
        (
            "src/ch04-00.md",
            "ch04-01-ownership.html#the-stack",
            "src/ch04-01-ownership.md",
            "the-stack",
        ),
        ("src/ch04-00.md", "ch04-01-ownership", "src/ch04-01-ownership.md", None),
        (
            "README.md",
            "1-topic/lessons/1-first/README.md",
            "1-topic/lessons/1-first/README.md",
            None,
        ),
    ],
)
def test_links_resolve_from_the_chapter_folder(  # type: ignore[no-untyped-def]
    course, source: str, href: str, target: str, anchor: str | None
) -> None:
    found = classify_link(href, _slug_of(course, source), course)
    assert (found.kind, found.slug, found.anchor) == ("chapter", _slug_of(course, target), anchor)


def test_link_to_own_file_with_anchor_stays_in_the_chapter(course) -> None:  # type: ignore[no-untyped-def]
    source = _slug_of(course, "1-topic/lessons/1-first/README.md")
    found = classify_link("README.md#part-a", source, course)
    assert (found.kind, found.slug, found.anchor) == ("anchor", source, "part-a")


@pytest.mark.parametrize(
    ("href", "kind"),
    [
        ("../../../../outside.md", "outside"),
        ("../../../../../etc/passwd", "outside"),
        ("C:/Windows/x.md", "blocked"),
        ("code/app.py", "file"),
        ("../3-third/README.md", "missing"),
        ("missing.md#x", "missing"),
    ],
)
def test_links_that_go_nowhere_say_why(course, href: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    source = _slug_of(course, "1-topic/lessons/1-first/README.md")
    found = classify_link(href, source, course)
    assert found.kind == kind
    assert not found.opens and found.reason


def test_symlink_out_of_the_library_is_not_a_chapter(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("# Secret\n", encoding="utf-8")
    root = tmp_path / "lib"
    root.mkdir()
    (root / "README.md").write_text("# Top\n\n[x](secret.md)\n", encoding="utf-8")
    (root / "secret.md").symlink_to(outside / "secret.md")
    library = load_library(root)
    found = classify_link("secret.md", _slug_of(library, "README.md"), library)
    assert found.kind != "chapter"
