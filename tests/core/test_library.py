"""Library discovery: chapters, front matter, ordering and every bad-file case."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from helpers import SEED, write_chapter

from reader.core.library_scan import load_library


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


def test_order_then_path(tmp_path: Path) -> None:
    write_chapter(tmp_path, "b.md", "Beta", "text")
    write_chapter(tmp_path, "a.md", "alpha", "text")
    write_chapter(tmp_path, "z.md", "Zulu", "text", order=1)
    write_chapter(tmp_path, "y.md", "Yankee", "text", order=2.5)
    write_chapter(tmp_path, "10-c.md", "Ten", "text")
    write_chapter(tmp_path, "2-c.md", "Two", "text")
    titles = [c.title for c in load_library(tmp_path).chapters]
    assert titles == ["Zulu", "Yankee", "Two", "Ten", "alpha", "Beta"]


def test_slug_defaults_to_file_name(tmp_path: Path) -> None:
    write_chapter(tmp_path, "intro-1.md", "Intro", "text")
    write_chapter(tmp_path, "intro.md", "Intro", "text")
    write_chapter(tmp_path, "Case.Mixed.md", "Mixed", "text")
    slugs = sorted(c.slug for c in load_library(tmp_path).chapters)
    assert slugs == ["Case.Mixed", "intro", "intro-1"]


def test_broken_front_matter_is_reported_and_the_chapter_still_loads(tmp_path: Path) -> None:
    write_chapter(tmp_path, "good.md", "Good", "text")
    (tmp_path / "broken.md").write_text(
        "---\ntitle: [unclosed\n---\n# Broken but readable\n", encoding="utf-8"
    )
    library = load_library(tmp_path)
    assert [(c.slug, c.title) for c in library.chapters] == [
        ("broken", "Broken but readable"),
        ("good", "Good"),
    ]
    [problem] = library.problems
    assert (problem.path, problem.kind) == ("broken.md", "bad-front-matter")
    assert "YAML" in problem.message
    assert library.by_slug("broken").body == "# Broken but readable"  # type: ignore[union-attr]


def test_chapters_without_any_title_load_and_are_reported(tmp_path: Path) -> None:
    (tmp_path / "untitled.md").write_text("---\nslug: x\n---\nbody\n", encoding="utf-8")
    (tmp_path / "bare.md").write_text("# Just markdown\n", encoding="utf-8")
    (tmp_path / "03-plain-words.md").write_text("no heading at all\n", encoding="utf-8")
    library = load_library(tmp_path)
    assert [(c.slug, c.title) for c in library.chapters] == [
        ("03-plain-words", "Plain words"),
        ("bare", "Just markdown"),
        ("x", "Untitled"),
    ]
    assert sorted((p.path, p.kind) for p in library.problems) == [
        ("03-plain-words.md", "no-title"),
        ("untitled.md", "no-title"),
    ]
    assert all("# Title" in p.message for p in library.problems)


def test_front_matter_that_is_not_a_mapping(tmp_path: Path) -> None:
    (tmp_path / "list.md").write_text("---\n- a\n- b\n---\n# List\n", encoding="utf-8")
    library = load_library(tmp_path)
    [problem] = library.problems
    assert problem.kind == "bad-front-matter"
    assert [c.title for c in library.chapters] == ["List"]


def test_front_matter_only_on_the_first_line(tmp_path: Path) -> None:
    (tmp_path / "rule.md").write_text(
        "# Real title\n\nText.\n\n---\ntitle: Not metadata\n---\n\nMore.\n", encoding="utf-8"
    )
    (tmp_path / "dots.md").write_text("---\ntitle: Closed by dots\n...\nBody\n", encoding="utf-8")
    (tmp_path / "open.md").write_text("---\ntitle: never closed\n\n# Heading\n", encoding="utf-8")
    library = load_library(tmp_path)
    rule = library.by_relpath("rule.md")
    assert rule is not None and rule.title == "Real title"
    assert "title: Not metadata" in rule.body
    dots = library.by_relpath("dots.md")
    assert dots is not None and (dots.title, dots.body) == ("Closed by dots", "Body")
    unclosed = library.by_relpath("open.md")
    assert unclosed is not None and unclosed.title == "Heading"
    assert unclosed.body.startswith("---")
    assert library.problems == ()


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


def test_hostile_slug_and_order_are_reported_and_ignored(tmp_path: Path) -> None:
    write_chapter(tmp_path, "a.md", "A", "text", slug="../../etc")
    write_chapter(tmp_path, "b.md", "B", "text", order="soon")
    library = load_library(tmp_path)
    kinds = sorted((p.path, p.kind) for p in library.problems)
    assert kinds == [("a.md", "bad-front-matter"), ("b.md", "bad-front-matter")]
    assert [(c.slug, c.order) for c in library.chapters] == [("a", None), ("b", None)]


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
    import reader.core.library_scan as library_module

    root = tmp_path / "lib"
    (root / "part").mkdir(parents=True)
    write_chapter(root, "a.md", "Alpha", "Body of *alpha*.\n", order=2)
    write_chapter(root, "b.md", "Beta", "Body of beta.\n", slug="beta-slug")
    (root / "bad.md").write_text("---\ntitle: [\n---\n# Bad\n", encoding="utf-8")
    (root / "part" / "README.md").write_text("# Part one\n", encoding="utf-8")
    (root / "part" / "x.md").write_text("no title\n", encoding="utf-8")
    cache = tmp_path / "cache" / "library.json"
    first = load_library(root, cache)
    assert cache.is_file()

    def refuse(*_args: object) -> None:
        raise AssertionError("front matter parsed although the file is unchanged")

    real_read_bytes = Path.read_bytes

    def read_no_chapter(path: Path) -> bytes:
        assert path.suffix != ".md", f"{path.name} was read although it is unchanged"
        return real_read_bytes(path)

    # A restart reads no chapter file and parses no YAML, yet gives the same library,
    # problems included.
    monkeypatch.setattr(library_module, "_parse_front_matter", refuse)
    monkeypatch.setattr(Path, "read_bytes", read_no_chapter)
    second = load_library(root, cache)
    assert second.chapters == first.chapters
    assert second.problems == first.problems
    assert [c.parent for c in second.chapters] == [None, None, None, None, "part"]
    # An edited file is parsed again, the others still come from the cache.
    monkeypatch.undo()
    write_chapter(root, "a.md", "Alpha two", "New body.\n", order=2)
    third = load_library(root, cache)
    assert [c.title for c in third.chapters] == ["Alpha two", "Beta", "Bad", "Part one", "X"]
    assert third.by_slug("a").body == "New body."  # type: ignore[union-attr]
    cache.write_text("{damaged", encoding="utf-8")
    assert load_library(root, cache).chapters == third.chapters


def test_a_damaged_cache_entry_is_read_again(tmp_path: Path) -> None:
    import json

    root = tmp_path / "lib"
    root.mkdir()
    write_chapter(root, "a.md", "Alpha", "Body.\n")
    cache = tmp_path / "library.json"
    good = load_library(root, cache)
    data = json.loads(cache.read_text(encoding="utf-8"))
    data["chapters"]["a.md"]["body"] = "not a span"
    cache.write_text(json.dumps(data), encoding="utf-8")
    assert load_library(root, cache).chapters == good.chapters


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
