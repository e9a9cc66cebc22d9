"""Library discovery: chapters, front matter, ordering and every bad-file case."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from helpers import SEED, write_chapter

from reader.core.library import load_library


def test_seed_library_loads_one_chapter(seed_library: Path) -> None:
    library = load_library(seed_library)
    assert library.problems == ()
    [chapter] = library.chapters
    assert chapter.slug == "human-security"
    assert chapter.title == "Human Security"
    assert chapter.abstract == "This chapter will explain about Human Security"
    assert chapter.relpath == "human-security.md"
    assert chapter.body.lstrip().startswith("## Human Security")


SEED_SHA256 = "58daa29ec8bda94a1d02c2a7e7effb9310a630402a799eeeae317a23740cf857"


def test_bundled_content_is_the_seed_byte_for_byte() -> None:
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == SEED_SHA256
    shared = SEED.parents[2] / "shared" / "seed" / SEED.name
    if shared.exists():  # the course's source folder sits beside the repository when present
        assert SEED.read_bytes() == shared.read_bytes()


def test_order_then_title(tmp_path: Path) -> None:
    write_chapter(tmp_path, "b.md", "Beta", "text")
    write_chapter(tmp_path, "a.md", "alpha", "text")
    write_chapter(tmp_path, "z.md", "Zulu", "text", order=1)
    write_chapter(tmp_path, "y.md", "Yankee", "text", order=2.5)
    titles = [c.title for c in load_library(tmp_path).chapters]
    assert titles == ["Zulu", "Yankee", "alpha", "Beta"]


def test_slug_defaults_to_file_name(tmp_path: Path) -> None:
    write_chapter(tmp_path, "intro-1.md", "Intro", "text")
    assert load_library(tmp_path).chapters[0].slug == "intro-1"


def test_broken_front_matter_is_reported_and_others_load(tmp_path: Path) -> None:
    write_chapter(tmp_path, "good.md", "Good", "text")
    (tmp_path / "broken.md").write_text("---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    library = load_library(tmp_path)
    assert [c.slug for c in library.chapters] == ["good"]
    [problem] = library.problems
    assert (problem.path, problem.kind) == ("broken.md", "bad-front-matter")
    assert "YAML" in problem.message


def test_no_title_is_reported(tmp_path: Path) -> None:
    (tmp_path / "untitled.md").write_text("---\nslug: x\n---\nbody\n", encoding="utf-8")
    (tmp_path / "bare.md").write_text("# Just markdown\n", encoding="utf-8")
    library = load_library(tmp_path)
    assert library.chapters == ()
    assert sorted((p.path, p.kind) for p in library.problems) == [
        ("bare.md", "bad-front-matter"),
        ("untitled.md", "bad-front-matter"),
    ]
    assert all("title" in p.message for p in library.problems)


def test_front_matter_that_is_not_a_mapping(tmp_path: Path) -> None:
    (tmp_path / "list.md").write_text("---\n- a\n- b\n---\nbody\n", encoding="utf-8")
    [problem] = load_library(tmp_path).problems
    assert problem.kind == "bad-front-matter"


def test_invalid_utf8_is_unreadable(tmp_path: Path) -> None:
    write_chapter(tmp_path, "good.md", "Good", "text")
    (tmp_path / "latin1.md").write_bytes(b"---\ntitle: Caf\xe9\n---\nbody\n")
    library = load_library(tmp_path)
    assert [c.slug for c in library.chapters] == ["good"]
    [problem] = library.problems
    assert (problem.path, problem.kind) == ("latin1.md", "unreadable")
    assert "UTF-8" in problem.message


def test_duplicate_slug_keeps_the_first(tmp_path: Path) -> None:
    write_chapter(tmp_path, "a.md", "First", "text", slug="same")
    write_chapter(tmp_path, "b.md", "Second", "text", slug="same")
    library = load_library(tmp_path)
    assert [c.title for c in library.chapters] == ["First"]
    [problem] = library.problems
    assert (problem.path, problem.kind) == ("b.md", "duplicate-slug")
    assert "a.md" in problem.message


def test_hostile_slug_and_order_are_refused(tmp_path: Path) -> None:
    write_chapter(tmp_path, "a.md", "A", "text", slug="../../etc")
    write_chapter(tmp_path, "b.md", "B", "text", order="soon")
    kinds = sorted((p.path, p.kind) for p in load_library(tmp_path).problems)
    assert kinds == [("a.md", "bad-front-matter"), ("b.md", "bad-front-matter")]


def test_missing_folder_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    library = load_library(tmp_path / "nope")
    assert library.chapters == ()
    assert library.problems[0].kind == "unreadable"


def test_utf8_bom_and_unicode_titles(tmp_path: Path) -> None:
    (tmp_path / "u.md").write_bytes("\ufeff---\ntitle: Sécurité humaine\n---\nTexte\n".encode())
    [chapter] = load_library(tmp_path).chapters
    assert chapter.title == "Sécurité humaine"
    assert chapter.body == "Texte"


def test_metadata_cache_skips_parsing_unchanged_files(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import reader.core.library as library_module

    root = tmp_path / "lib"
    root.mkdir()
    write_chapter(root, "a.md", "Alpha", "Body of *alpha*.\n", order=2)
    write_chapter(root, "b.md", "Beta", "Body of beta.\n", slug="beta-slug")
    (root / "bad.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    cache = tmp_path / "cache" / "library.json"
    first = load_library(root, cache)
    assert cache.is_file()

    def refuse(_text: str) -> None:
        raise AssertionError("front matter parsed although the file is unchanged")

    monkeypatch.setattr(library_module, "_parse_front_matter", refuse)
    with pytest.raises(AssertionError):  # the bad file is never cached: parsed every time
        load_library(root, cache)
    (root / "bad.md").unlink()
    second = load_library(root, cache)
    assert second.chapters == tuple(c for c in first.chapters)
    # An edited file is parsed again, the others still come from the cache.
    monkeypatch.undo()
    write_chapter(root, "a.md", "Alpha two", "New body.\n", order=2)
    third = load_library(root, cache)
    assert [c.title for c in third.chapters] == ["Alpha two", "Beta"]
    assert third.by_slug("a").body == "New body."  # type: ignore[union-attr]
    cache.write_text("{damaged", encoding="utf-8")
    assert load_library(root, cache).chapters == third.chapters


def test_bodies_are_read_when_asked_and_changes_behind_our_back_are_caught(
    tmp_path: Path,
) -> None:
    import os

    from reader.core.library import ChapterChangedError

    root = tmp_path / "lib"
    root.mkdir()
    path = write_chapter(root, "a.md", "Alpha", "First body.\n")
    cache = tmp_path / "library.json"
    load_library(root, cache)
    again = load_library(root, cache)  # from the cache: size and time unchanged
    [chapter] = again.chapters
    assert chapter.body == "First body."
    # Same size, same modification time, other bytes: the metadata is trusted, but the
    # body is checked against the hash before it is used.
    stat = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("First", "Frist"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    stale = load_library(root, cache).chapters[0]
    with pytest.raises(ChapterChangedError, match="changed on disk"):
        _ = stale.body
    path.unlink()
    with pytest.raises(ChapterChangedError):
        _ = chapter.body
