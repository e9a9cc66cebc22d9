"""Big chapters in the search index: long sections are stored in parts, hits name their place.

The largest chapter the library opens (just under its size limit) is built once for the
module (rendering it is most of the cost); its timing against the seed chapter is the
hostile benchmark's business, not a test's.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import SEED

from reader.core.document import load_document
from reader.core.library import MAX_CHAPTER_BYTES, Chapter
from reader.core.library_scan import load_library
from reader.core.search import SearchIndex, chapter_sections, index_path
from reader.core.search_parts import PART_CHARS, part_ranges, plain_sections
from reader.core.text_extract import plain_text

BIG_BYTES = MAX_CHAPTER_BYTES - 256 * 1024
MARKER = "zanzibarite"


def _seed_body_without_headings() -> str:
    body = SEED.read_text(encoding="utf-8").split("---\n", 2)[2]
    return "".join(
        line.lstrip("#").lstrip() if line.startswith("#") else line
        for line in body.splitlines(keepends=True)
    )


def _write_big_chapter(root: Path) -> None:
    """Just under the size limit: a short opening section, then one long section with no heading
    inside, the marker word in one paragraph two thirds of the way through it."""
    filler = _seed_body_without_headings()
    repeats = BIG_BYTES // len(filler.encode("utf-8"))
    before, after = repeats * 2 // 3, repeats - repeats * 2 // 3
    text = (
        "---\ntitle: Big\nslug: big\n---\n\n## Opening\n\nA short first section.\n\n"
        "## Endless plains\n\n"
        + filler * before
        + f"\n\nThe rare mineral {MARKER} lies here.\n\n"
        + filler * after
    )
    (root / "big.md").write_text(text, encoding="utf-8")


@dataclass
class BigLibrary:
    """The indexed largest chapter with its plain text, and the seed chapter beside it."""

    index: SearchIndex
    plain: str
    chapter: Chapter
    data_dir: Path


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BigLibrary]:
    root = tmp_path_factory.mktemp("big-library")
    _write_big_chapter(root)
    (root / SEED.name).write_bytes(SEED.read_bytes())
    library = load_library(root)
    assert not library.problems, library.problems
    data_dir = tmp_path_factory.mktemp("big-data")
    with SearchIndex.for_data_dir(data_dir) as index:
        report = index.sync(library)
        assert set(report.indexed) == {"big", "human-security"}
        chapter = library.by_slug("big")
        assert chapter is not None
        plain = load_document(chapter, root).plain.text
        yield BigLibrary(index, plain, chapter, data_dir)


def _rows(data_dir: Path, slug: str) -> list[tuple[str | None, int, int]]:
    with sqlite3.connect(index_path(data_dir)) as conn:
        rows = conn.execute(
            "SELECT heading, start, stop FROM entries WHERE chapter = ? AND kind = 'text' "
            "ORDER BY start",
            (slug,),
        ).fetchall()
    return [(heading, int(start), int(stop)) for heading, start, stop in rows]


def test_the_largest_chapter_is_indexed_in_parts_that_tile_its_text(big: BigLibrary) -> None:
    rows = _rows(big.data_dir, "big")
    assert len(big.chapter.body.encode("utf-8")) > MAX_CHAPTER_BYTES - 512 * 1024
    # The long section alone needs about its size / 16,000 characters of rows.
    assert len(rows) > len(big.plain) // PART_CHARS
    assert all(stop - start <= PART_CHARS for _, start, stop in rows)
    assert rows[0][1] == 0 and rows[-1][2] == len(big.plain)
    assert all(a[2] == b[1] for a, b in itertools.pairwise(rows))
    assert {heading for heading, _, _ in rows} == {"opening", "endless-plains"}


def test_a_query_finds_the_one_part_holding_a_word(big: BigLibrary) -> None:
    hits = big.index.search(MARKER)
    assert len(hits) == 1
    hit = hits[0]
    assert (hit.chapter, hit.heading, hit.heading_title) == (
        "big",
        "endless-plains",
        "Endless plains",
    )
    offset = big.plain.index(MARKER)
    assert hit.start is not None and hit.end is not None
    assert hit.start <= offset < offset + len(MARKER) <= hit.end
    assert hit.end - hit.start <= PART_CHARS
    assert big.plain.count(MARKER) == 1
    assert "«zanzibarite»" in hit.snippet()


def test_common_words_give_a_full_page_of_parts_with_snippets(big: BigLibrary) -> None:
    hits = big.index.search("human security", limit=50)
    assert len(hits) == 50
    assert all(h.start is not None and h.end is not None for h in hits)
    for hit in hits:
        if hit.chapter == "big":
            assert hit.end is not None and hit.start is not None
            assert "human security" in big.plain[hit.start : hit.end].lower()
        assert "«" in hit.snippet()


def test_a_heading_weighs_once_not_in_every_part(big: BigLibrary) -> None:
    # "plains" is only in the long section's heading: its first part alone matches.
    hits = big.index.search("plains")
    assert [(h.heading, h.start) for h in hits] == [("endless-plains", hits[0].start)]
    first = min(
        start for heading, start, _ in _rows(big.data_dir, "big") if heading == "endless-plains"
    )
    assert hits[0].start == first


def test_notes_are_placed_under_the_part_of_their_section(big: BigLibrary) -> None:
    offset = big.plain.index(MARKER)
    assert big.index.heading_at("big", offset) == "endless-plains"
    assert big.index.heading_at("big", 5) == "opening"


def test_the_seed_chapter_keeps_one_row_per_section(big: BigLibrary) -> None:
    rows = _rows(big.data_dir, "human-security")
    headings = [heading for heading, _, _ in rows]
    assert len(headings) == len(set(headings))
    assert [h.heading for h in big.index.search("famine")] == []
    assert big.index.search("poverty")[0].chapter in {"big", "human-security"}


def test_plain_matching_also_finds_the_part(tmp_path: Path) -> None:
    """The fallback without FTS5 stores the same parts and reports the same range."""
    root = tmp_path / "lib"
    root.mkdir()
    paragraph = "Grass and wind over the long plain, mile after mile.\n\n"
    body = "## Steppe\n\n" + paragraph * 2000 + f"The {MARKER} glints.\n\n" + paragraph * 2000
    (root / "steppe.md").write_text("---\ntitle: Steppe\n---\n\n" + body, encoding="utf-8")
    library = load_library(root)
    with SearchIndex.for_data_dir(tmp_path / "data", use_fts5=False) as index:
        index.sync(library)
        (hit,) = index.search(MARKER)
    plain = load_document(library.chapters[0], root).plain.text
    offset = plain.index(MARKER)
    assert hit.heading == "steppe"
    assert hit.start is not None and hit.end is not None
    assert hit.start <= offset < hit.end and hit.end - hit.start <= PART_CHARS


def test_parts_end_at_paragraphs_and_tile_the_range() -> None:
    text = "".join(f"Paragraph {n} " + "word " * (n % 7 + 3) + "\n\n" for n in range(400))
    ranges = part_ranges(text, 0, len(text), 500)
    assert ranges[0][0] == 0 and ranges[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(ranges))
    assert all(0 < stop - start <= 500 for start, stop in ranges)
    assert all(text[stop - 2 : stop] == "\n\n" for _, stop in ranges[:-1])


def test_a_run_without_breaks_is_cut_at_the_limit() -> None:
    text = "x" * 1050
    assert part_ranges(text, 0, 1050, 500) == [(0, 500), (500, 1000), (1000, 1050)]
    with pytest.raises(ValueError):
        part_ranges(text, 0, 10, 1)


def test_short_sections_are_one_row_each(tmp_path: Path) -> None:
    html = "<p>Intro.</p><h2 id='a'>A</h2><p>" + "alpha " * 50 + "</p><h2 id='b'>B</h2>"
    plain = plain_text(html)
    sections = plain_sections(plain, {"a": "A", "b": "B"}, limit=10_000)
    assert [(s.heading_id, s.part) for s in sections] == [(None, 0), ("a", 0), ("b", 0)]
    long_sections = plain_sections(plain, {"a": "A", "b": "B"}, limit=100)
    parts = [s for s in long_sections if s.heading_id == "a"]
    assert len(parts) > 1 and [s.part for s in parts] == list(range(len(parts)))
    assert all(s.title == "A" for s in parts)


def test_chapter_sections_of_the_seed_are_whole_sections(tmp_path: Path) -> None:
    (tmp_path / SEED.name).write_bytes(SEED.read_bytes())
    library = load_library(tmp_path)
    sections = chapter_sections(library.chapters[0], library.root)
    assert all(s.part == 0 for s in sections)
    assert all(s.end is not None and s.start < s.end for s in sections)
