"""The reader's records compare by what they say, not by where their files are read from."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.chapter import Chapter, Slug
from reader.core.library import Library
from reader.core.library_files import FolderFiles
from reader.core.outline import OutlineNode
from reader.core.problems import Problem
from reader.core.rendered import Heading, ImageRef


def _chapter(**changes: object) -> Chapter:
    base = Chapter(Slug("one"), "One", "", 1.0, Path("/lib/one.md"), "one.md", "ab" * 32, (0, 9))
    return base._replace(**changes)


def test_chapters_are_equal_whatever_holds_their_body_or_reads_their_file() -> None:
    plain = _chapter()
    kept = _chapter(kept_body="text", files=FolderFiles(Path("/elsewhere")))
    assert plain == kept and hash(plain) == hash(kept)
    assert (plain != kept) is False  # a tuple's own != would say True
    assert len({plain, kept}) == 1
    for field in ("slug", "title", "order", "relpath", "content_hash", "parent", "part"):
        assert _chapter(**{field: "x"}) != plain, field
    assert "kept_body" not in repr(kept) and "relpath='one.md'" in repr(kept)
    assert plain != ("one",) and plain.__eq__(object()) is NotImplemented


def test_figures_are_equal_whatever_reads_their_file() -> None:
    found = ImageRef("fig.png", "A fig", "found", Path("/lib/fig.png"), 50.0, None)
    assert found == found._replace(files=FolderFiles(Path("/lib")))
    assert found != found._replace(alt="Another")
    assert hash(found) == hash(found._replace(files=FolderFiles(Path("/x"))))
    assert "files" not in repr(found)


def test_a_library_compares_by_its_chapters_and_problems_and_replaces_them() -> None:
    problem = Problem("two.md", "unreadable", "It cannot be read.")
    library = Library(Path("/lib"), (_chapter(),), (), (problem,))
    same = Library(Path("/lib"), (_chapter(kept_body="x"),), (), (problem,), FolderFiles(Path("/")))
    assert library == same and hash(library) == hash(same)
    more = library.replace(problems=(problem,))
    assert more != library and more.skipped == library.skipped and more.root == library.root
    assert more.by_slug("one") == _chapter()
    other = library.replace(chapters=(_chapter(slug=Slug("two"), relpath="two.md"),))
    assert other.by_slug("one") is None and other.by_relpath("two.md") is not None
    with pytest.raises(AttributeError):
        library.colour = "red"  # type: ignore[attr-defined]


def test_outline_nodes_compare_by_heading_and_children() -> None:
    top, sub = Heading(1, "Top", "top"), Heading(2, "Sub", "sub")
    assert OutlineNode(top, [OutlineNode(sub)]) == OutlineNode(top, [OutlineNode(sub)])
    assert OutlineNode(top) != OutlineNode(top, [OutlineNode(sub)])
    with pytest.raises(TypeError):
        hash(OutlineNode(top))
