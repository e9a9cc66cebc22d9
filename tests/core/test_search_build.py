"""The index build in batches and on worker processes ends with exactly the same index."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import reader.core.search as search_module
import reader.core.search_build as search_build
from benchmarks.generate import write_library
from reader.core.document import DocumentCache
from reader.core.library import Chapter
from reader.core.library_scan import load_library
from reader.core.render_cache import RenderCache
from reader.core.search import SearchIndex
from reader.core.search_types import Section

QUERIES = ["the", "security", "water river", '"of the"', "ka*", "café"]


@pytest.fixture(scope="module")
def library_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("generated") / "library"
    write_library(root, 24, seed=5)
    return root


def rows(path: Path) -> list[tuple[object, ...]]:
    """Every indexed row with its text, in the order of its chapter and place."""
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT e.chapter, e.heading, e.heading_title, e.start, e.stop, t.heading, t.body "
            "FROM entries AS e JOIN texts AS t ON t.rowid = e.id "
            "ORDER BY e.chapter, e.start"
        ).fetchall()


def answers(index: SearchIndex) -> list[list[tuple[str, str | None, str]]]:
    return [
        [(h.chapter, h.heading, h.snippet()) for h in index.search(query, limit=20)]
        for query in QUERIES
    ]


def build(path: Path, library_dir: Path, **options: object) -> SearchIndex:
    index = SearchIndex(path)
    report = index.sync(load_library(library_dir), **options)  # type: ignore[arg-type]
    assert report.complete
    return index


def test_interrupted_build_resumes_and_ends_complete(
    tmp_path: Path, library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = load_library(library_dir)
    with build(tmp_path / "whole.sqlite3", library_dir, workers=0) as whole:
        expected = answers(whole)
    # One commit per chapter; the build stops after the ninth.
    monkeypatch.setattr(search_module, "_BATCH_SECONDS", 0.0)
    seen: list[tuple[int, int]] = []
    with SearchIndex(tmp_path / "parts.sqlite3") as index:
        report = index.sync(
            library, should_stop=lambda: len(seen) >= 9, progress=lambda d, t: seen.append((d, t))
        )
        assert not report.complete and len(report.indexed) == 9
        assert seen == [(n, 24) for n in range(1, 10)]
        assert index.counts()["chapters"] == 9
        changed, _ = index.stale(library)
        assert len(changed) == 15
        # The next build takes only what is missing, counting on from what was indexed.
        seen.clear()
        again = index.sync(library, progress=lambda d, t: seen.append((d, t)))
        assert again.complete and again.unchanged == 9 and len(again.indexed) == 15
        assert seen[0] == (10, 24) and seen[-1] == (24, 24)
        assert answers(index) == expected
    assert rows(tmp_path / "parts.sqlite3") == rows(tmp_path / "whole.sqlite3")


def test_worker_processes_build_the_same_index(tmp_path: Path, library_dir: Path) -> None:
    with build(tmp_path / "here.sqlite3", library_dir, workers=0) as here:
        expected = answers(here)
    with build(tmp_path / "pool.sqlite3", library_dir, workers=2) as pooled:
        assert answers(pooled) == expected
    assert rows(tmp_path / "pool.sqlite3") == rows(tmp_path / "here.sqlite3")


def test_changed_chapter_is_rewritten_alone(tmp_path: Path, library_dir: Path) -> None:
    library = load_library(library_dir)
    with build(tmp_path / "index.sqlite3", library_dir, workers=0) as index:
        before = rows(tmp_path / "index.sqlite3")
        edited = library.chapters[3]
        path = library_dir / edited.relpath
        original = path.read_text(encoding="utf-8")
        try:
            path.write_text(original + "\n\nA zanzibarian postscript.\n", encoding="utf-8")
            report = index.sync(load_library(library_dir))
            assert report.indexed == (edited.slug,)
            assert [h.chapter for h in index.search("zanzibarian")] == [edited.slug]
            after = rows(tmp_path / "index.sqlite3")
            assert [r for r in after if r[0] != edited.slug] == [
                r for r in before if r[0] != edited.slug
            ]
            # Its old rows are gone: the index is the one a fresh build makes.
            with build(tmp_path / "fresh.sqlite3", library_dir, workers=0):
                assert after == rows(tmp_path / "fresh.sqlite3")
        finally:
            path.write_text(original, encoding="utf-8")


def test_chapters_already_rendered_are_read_from_the_render_cache(
    tmp_path: Path, library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = load_library(library_dir)
    folder = tmp_path / "renderings"
    shown = DocumentCache(library.files, disk=RenderCache(folder))
    for chapter in library.chapters[:5]:
        shown.get(chapter)  # the reader showed these: their renderings are on disk
    rendered: list[str] = []
    real = search_build.chapter_sections

    def counted(chapter: Chapter, root: Path) -> list[Section]:
        rendered.append(chapter.slug)
        return real(chapter, root)

    monkeypatch.setattr(search_build, "chapter_sections", counted)
    with build(tmp_path / "cached.sqlite3", library_dir, workers=0, render_cache=folder):
        pass
    assert rendered == [c.slug for c in library.chapters[5:]]
    with build(tmp_path / "plain.sqlite3", library_dir, workers=0):
        pass
    assert rows(tmp_path / "cached.sqlite3") == rows(tmp_path / "plain.sqlite3")
    with build(tmp_path / "pool.sqlite3", library_dir, workers=2, render_cache=folder):
        pass
    assert rows(tmp_path / "pool.sqlite3") == rows(tmp_path / "plain.sqlite3")
