"""The search index: build, incremental updates, queries, notes, fallback and a broken cache."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import write_chapter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reader.core.search as search_module
import reader.core.search_build as search_build
from reader.core.anchoring import Target, TextPositionSelector, TextQuoteSelector
from reader.core.document import load_document
from reader.core.library_scan import load_library
from reader.core.search import FALLBACK_NOTICE, SearchIndex, chapter_sections, index_path
from reader.core.search_types import NoteEntry

ALPHA = """Intro words before any heading.

## Freedom From Fear

Human security means "freedom from fear" and freedom from want.

## Le café

On parle de café et de liberté au café.
"""
BETA = """# Governance

Governance of security institutions; fear of change.

# Secure futures

Securing the future needs cooperation.
"""


@pytest.fixture(params=[True, False], ids=["fts5", "fallback"])
def fts5(request: pytest.FixtureRequest) -> bool:
    """Run each test with FTS5 and with the plain-matching fallback."""
    return bool(request.param)


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    root.mkdir()
    write_chapter(root, "alpha.md", "Alpha", ALPHA, slug="alpha", order=1)
    write_chapter(root, "beta.md", "Beta", BETA, slug="beta", order=2)
    return root


@pytest.fixture
def index(data_dir: Path, library_dir: Path, fts5: bool) -> Iterator[SearchIndex]:
    with SearchIndex.for_data_dir(data_dir, use_fts5=fts5) as idx:
        idx.sync(load_library(library_dir))
        yield idx


def places(idx: SearchIndex, query: str) -> list[tuple[str, str | None]]:
    return [(hit.chapter, hit.heading) for hit in idx.search(query)]


def test_sections_follow_headings(library_dir: Path) -> None:
    library = load_library(library_dir)
    sections = chapter_sections(library.chapters[0], library.root)
    assert [(s.heading_id, s.title) for s in sections] == [
        (None, ""),
        ("freedom-from-fear", "Freedom From Fear"),
        ("le-café", "Le café"),
    ]
    assert sections[0].text == "Intro words before any heading."
    assert sections[1].text.startswith("Freedom From Fear\nHuman security")


def test_build_indexes_every_section(index: SearchIndex, data_dir: Path) -> None:
    assert index.path == index_path(data_dir) == data_dir / "cache" / "search.sqlite3"
    assert index.counts() == {"chapters": 2, "sections": 5, "notes": 0}
    assert places(index, "intro") == [("alpha", None)]
    assert places(index, "cooperation") == [("beta", "secure-futures")]
    hit = index.search("cooperation")[0]
    assert (hit.chapter_title, hit.heading_title, hit.kind) == ("Beta", "Secure futures", "text")
    assert "«cooperation»" in hit.snippet()


def test_plain_words_must_all_match(index: SearchIndex) -> None:
    assert {c for c, _ in places(index, "fear")} == {"alpha", "beta"}
    assert places(index, "fear governance") == [("beta", "governance")]
    assert places(index, "fear nowhere") == []


def test_phrase_matches_words_in_order(index: SearchIndex) -> None:
    assert places(index, '"freedom from fear"') == [("alpha", "freedom-from-fear")]
    assert places(index, '"fear from freedom"') == []


def test_prefix(index: SearchIndex) -> None:
    assert set(places(index, "secur*")) == {
        ("alpha", "freedom-from-fear"),
        ("beta", "governance"),
        ("beta", "secure-futures"),
    }
    assert places(index, "secur") == []


def test_case_and_diacritics_are_ignored(index: SearchIndex) -> None:
    for query in ("cafe", "CAFÉ", "Café", "liberte", "caf*"):
        assert places(index, query) == [("alpha", "le-café")], query
    hit = index.search("cafe")[0]
    assert "«café»" in hit.snippet()


def test_more_occurrences_rank_higher(index: SearchIndex, library_dir: Path) -> None:
    write_chapter(library_dir, "gamma.md", "Gamma", "## Once\n\nWant is here once among many "
                  "other words that dilute it a lot more than elsewhere in the text.")  # fmt: skip
    write_chapter(library_dir, "delta.md", "Delta", "## Often\n\nWant want want.")
    index.sync(load_library(library_dir))
    assert places(index, "want")[0] == ("delta", "often")


def test_limit(index: SearchIndex) -> None:
    assert len(index.search("fear", limit=1)) == 1
    assert index.search("fear", limit=0) == []


HOSTILE = ['"', "-", "+", ":", "(", ")", "", "   ", '"unbalanced', "a OR", "NEAR(", "*", "^x",
           "col:val", "-fear", "+fear", "(fear", 'fear"', "\x00", "'", "%", "_"]  # fmt: skip


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_queries_give_a_list(index: SearchIndex, text: str) -> None:
    assert isinstance(index.search(text), list)
    assert places(index, f"{text} cooperation") in ([], [("beta", "secure-futures")])


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=60))
def test_random_queries_never_raise(index: SearchIndex, text: str) -> None:
    hits = index.search(text)
    assert isinstance(hits, list)


def test_unchanged_library_does_no_work(
    data_dir: Path, library_dir: Path, fts5: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = load_library(library_dir)
    with SearchIndex.for_data_dir(data_dir, use_fts5=fts5) as idx:
        assert idx.sync(library).indexed == ("alpha", "beta")

    def no_rendering(*args: object) -> None:
        raise AssertionError("an unchanged chapter was rendered again")

    monkeypatch.setattr(search_build, "chapter_sections", no_rendering)
    with SearchIndex.for_data_dir(data_dir, use_fts5=fts5) as idx:
        report = idx.sync(load_library(library_dir))
        assert (report.indexed, report.removed, report.unchanged) == ((), (), 2)
        assert places(idx, "cooperation") == [("beta", "secure-futures")]


def test_edited_chapter_alone_is_reindexed(index: SearchIndex, library_dir: Path) -> None:
    write_chapter(library_dir, "beta.md", "Beta", "# Renamed\n\nSolidarity instead.", slug="beta")
    report = index.sync(load_library(library_dir))
    assert report.indexed == ("beta",)
    assert report.unchanged == 1
    assert places(index, "cooperation") == []
    assert places(index, "solidarity") == [("beta", "renamed")]
    assert places(index, '"freedom from fear"') == [("alpha", "freedom-from-fear")]


def test_deleted_chapter_disappears(index: SearchIndex, library_dir: Path) -> None:
    (library_dir / "beta.md").unlink()
    report = index.sync(load_library(library_dir))
    assert (report.indexed, report.removed) == ((), ("beta",))
    assert places(index, "cooperation") == []
    assert {c for c, _ in places(index, "fear")} == {"alpha"}
    assert index.counts()["chapters"] == 1


def test_sync_can_stop_and_resume(data_dir: Path, library_dir: Path, fts5: bool) -> None:
    library = load_library(library_dir)
    with SearchIndex.for_data_dir(data_dir, use_fts5=fts5) as idx:
        report = idx.sync(library, should_stop=lambda: True)
        assert not report.complete and report.indexed == ()
        assert idx.sync(library).indexed == ("alpha", "beta")


def note(note_id: str, chapter: str, quote: str, text: str) -> NoteEntry:
    return NoteEntry(note_id, chapter, "freedom-from-fear", quote, text)


def test_notes_are_found_and_marked_as_notes(index: SearchIndex) -> None:
    entry = note("n1", "alpha", "freedom from want", "Ask about Sen's capabilities")
    assert index.update_notes([entry]) == 1
    hits = index.search("capabilities")
    assert [(h.chapter, h.heading, h.kind, h.note_id) for h in hits] == [
        ("alpha", "freedom-from-fear", "note", "n1")
    ]
    assert "«capabilities»" in hits[0].snippet()
    assert "freedom from want" in hits[0].snippet()
    assert hits[0].to_json() == {
        "chapter": "alpha",
        "heading": "freedom-from-fear",
        "kind": "note",
        "snippet": hits[0].snippet(),
    }
    # The quote is searchable too: a note and the chapter text both answer.
    assert {h.kind for h in index.search('"freedom from want"')} == {"text", "note"}


def test_notes_update_remove_and_replace(index: SearchIndex) -> None:
    first = note("n1", "alpha", "q", "mangoes")
    assert index.update_notes([first]) == 1
    assert index.update_notes([first]) == 0  # unchanged: nothing re-indexed
    index.update_notes([note("n1", "alpha", "q", "papayas")])
    assert places(index, "mangoes") == []
    assert len(index.search("papayas")) == 1
    index.remove_note("n1")
    index.remove_note("never-there")
    assert index.search("papayas") == []
    index.update_notes([note("a", "alpha", "q", "kiwi one"), note("b", "beta", "q", "kiwi two")])
    assert index.replace_notes([note("b", "beta", "q", "kiwi two")]) == 1
    assert [h.note_id for h in index.search("kiwi")] == ["b"]


def test_notes_of_missing_chapters_are_hidden(index: SearchIndex, library_dir: Path) -> None:
    index.update_notes([note("n1", "beta", "q", "pineapple")])
    (library_dir / "beta.md").unlink()
    index.sync(load_library(library_dir))
    assert index.search("pineapple") == []


def test_hidden_notes_never_crowd_out_results(
    index: SearchIndex, data_dir: Path, fts5: bool
) -> None:
    # Notes of a chapter that is not indexed outrank the text but are hidden; the search
    # looks past as many rows as there are such notes, however they were added.
    index.update_notes([note(f"a{n}", "gone", "cooperation", "cooperation") for n in range(3)])
    assert places(index, "cooperation") == [("beta", "secure-futures")]
    with SearchIndex.for_data_dir(data_dir, use_fts5=fts5) as other:
        other.update_notes([note(f"b{n}", "gone", "cooperation", "cooperation") for n in range(3)])
    assert [(h.chapter, h.kind) for h in index.search("cooperation", limit=1)] == [("beta", "text")]


@dataclass(frozen=True)
class FakeAnnotation:
    id: str
    chapter: str
    note: str
    target: Target
    deleted: bool = False


def test_note_entries_from_annotations(index: SearchIndex, library_dir: Path) -> None:
    library = load_library(library_dir)
    doc_offset = load_document(library.chapters[0], library.root).plain.text.index("café et")
    annotations = [
        FakeAnnotation(
            "1",
            "alpha",
            "a note",
            Target(TextQuoteSelector("café"), TextPositionSelector(doc_offset, doc_offset + 4)),
        ),
        FakeAnnotation("2", "alpha", "no position", Target(TextQuoteSelector("Intro"))),
        FakeAnnotation("3", "alpha", "", Target(TextQuoteSelector("bare highlight"))),
        FakeAnnotation("4", "alpha", "gone", Target(TextQuoteSelector("x")), deleted=True),
    ]
    assert index.note_entries(annotations) == [
        NoteEntry("1", "alpha", "le-café", "café", "a note"),
        NoteEntry("2", "alpha", None, "Intro", "no position"),
    ]
    assert index.heading_at("alpha", 0) is None
    assert index.heading_at("nowhere", 10) is None


def test_fallback_is_used_when_fts5_is_missing(
    data_dir: Path, library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_module, "fts5_available", lambda: False)
    with SearchIndex.for_data_dir(data_dir) as idx:
        assert not idx.uses_fts5
        idx.sync(load_library(library_dir))
        assert places(idx, "cafe") == [("alpha", "le-café")]
        assert idx.take_fallback_notice() == FALLBACK_NOTICE
        assert idx.take_fallback_notice() is None
    with SearchIndex.for_data_dir(data_dir) as idx:
        assert idx.take_fallback_notice() is None  # told once, not at every start


def test_no_notice_with_fts5(index: SearchIndex, fts5: bool) -> None:
    assert (index.take_fallback_notice() is None) == fts5


def test_corrupt_cache_is_rebuilt(
    data_dir: Path, library_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = index_path(data_dir)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database" * 100)
    with caplog.at_level(logging.WARNING), SearchIndex(path) as idx:
        idx.sync(load_library(library_dir))
        assert places(idx, "cooperation") == [("beta", "secure-futures")]
    assert "rebuilding" in caplog.text


def test_cache_from_another_version_is_rebuilt(
    data_dir: Path, library_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with SearchIndex.for_data_dir(data_dir) as idx:
        idx.sync(load_library(library_dir))
    with sqlite3.connect(index_path(data_dir)) as conn:
        conn.execute("PRAGMA user_version = 99")
    conn.close()
    with caplog.at_level(logging.WARNING), SearchIndex.for_data_dir(data_dir) as idx:
        assert idx.counts()["chapters"] == 0
        assert idx.sync(load_library(library_dir)).indexed == ("alpha", "beta")
    assert "another version" in caplog.text


def test_seed_chapter_phrase(seed_library: Path, data_dir: Path) -> None:
    with SearchIndex.for_data_dir(data_dir) as idx:
        idx.sync(load_library(seed_library))
        hits = idx.search('"freedom from fear"')
    assert (hits[0].chapter, hits[0].heading) == ("human-security", "human-security")
    assert "«freedom from fear»" in hits[0].snippet()
