"""Link classification: only http(s) leaves the reader, and never silently."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import write_chapter

from reader.core.library import load_library
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
    assert classify_link("missing.md", "one", library).kind == "blocked"


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
    assert classify_link(href, "one", library).kind == "blocked"
