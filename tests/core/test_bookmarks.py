"""Bookmarks, labelled dates and reworded passages in the store, the merge and the exports.

Real notes databases in the test folder; real chapters read from disk.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from notes_factory import StoreFactory

from reader.core.anchoring import Target, TextPositionSelector, TextQuoteSelector, describe
from reader.core.document import load_document
from reader.core.exchange import export
from reader.core.exported import dates_label, quote_and_was, was_edited
from reader.core.importing import parse_w3c
from reader.core.library import Library
from reader.core.library_scan import load_library
from reader.core.merge import plan_merge
from reader.core.notes import Annotation, AnnotationId, InvalidAnnotation
from reader.core.placement import Span
from reader.core.requote import requoted_target
from reader.storage.annotations import AnnotationStore
from reader.storage.schema import SCHEMA_VERSION

SLUG = "human-security"
PHRASE = '"freedom from want" and "freedom from fear"'
GENERATED = "2026-06-01T12:00:00.000Z"


@pytest.fixture
def library(seed_library: Path) -> Library:
    return load_library(seed_library)


def text_of(library: Library) -> str:
    chapter = library.by_slug(SLUG)
    assert chapter is not None
    return load_document(chapter, library.root).plain.text


def bookmark(
    store: AnnotationStore, library: Library, words: str = "Human security is"
) -> Annotation:
    text = text_of(library)
    start = text.index(words)
    return store.add(SLUG, describe(text, start, start + 80), "yellow", kind="bookmark")


def test_a_bookmark_is_stored_with_its_kind_and_read_back(
    stores: StoreFactory, library: Library, tmp_path: Path
) -> None:
    store = stores("notes")
    made = bookmark(store, library)
    assert made.kind == "bookmark" and store.get(made.id) == made
    with sqlite3.connect(tmp_path / "notes.sqlite3") as conn:
        # Bookmarks arrived with schema 2; the file is at the current schema.
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 2
        assert conn.execute("SELECT kind FROM annotations").fetchall() == [("bookmark",)]


def test_an_unknown_kind_is_refused_and_nothing_is_written(
    stores: StoreFactory, library: Library
) -> None:
    store = stores("notes")
    text = text_of(library)
    with pytest.raises(InvalidAnnotation, match="unknown kind 'shelf'"):
        store.add(SLUG, describe(text, 0, 10), "yellow", kind="shelf")
    assert store.all_including_tombstones() == []
    # From a merge too (another version's file): the whole merge is refused.
    made = store.add(SLUG, describe(text, 0, 10), "yellow")
    stranger = replace(made, kind="shelf", modified="2026-06-01T00:00:00.000Z")  # type: ignore[arg-type]
    with pytest.raises(InvalidAnnotation, match="unknown kind"):
        store.merge([stranger])
    assert store.all_including_tombstones() == [made]


def test_bookmarks_travel_as_w3c_bookmarking_and_come_back_as_bookmarks(
    stores: StoreFactory, library: Library
) -> None:
    here = stores("here")
    made = bookmark(here, library)
    text = export(here.list(), library, "json", generated=GENERATED)
    [item] = json.loads(text)["first"]["items"]
    assert item["motivation"] == "bookmarking"
    assert "styleClass" not in item["target"]
    kinds = {s["type"] for s in item["target"]["selector"]}
    assert kinds == {"TextQuoteSelector", "TextPositionSelector"}
    quote = next(s for s in item["target"]["selector"] if s["type"] == "TextQuoteSelector")
    assert quote["exact"].startswith("Human security is") and len(quote["exact"]) <= 80
    [parsed] = parse_w3c(text)
    assert parsed.kind == "bookmark"
    there = stores("there")
    counts = there.merge([parsed])
    assert counts.added == 1 and there.get(made.id) == made


def test_a_deleted_bookmark_merges_like_a_highlight(stores: StoreFactory, library: Library) -> None:
    here, there = stores("here"), stores("there")
    made = bookmark(here, library)
    there.merge(here.all_including_tombstones())
    tombstone = here.delete(made.id)
    counts = there.merge(parse_w3c(export(here.all_including_tombstones(), library, "json")))
    assert counts.deleted == 1
    stored = there.get(made.id)
    assert stored is not None and stored.deleted and stored.kind == "bookmark"
    assert stored.modified == tombstone.modified


def test_markdown_and_html_list_bookmarks_with_their_section(
    stores: StoreFactory, library: Library
) -> None:
    store = stores("notes")
    bookmark(store, library)
    markdown = export(store.list(), library, "md", generated=GENERATED)
    assert "0 highlights, 1 bookmark." in markdown
    assert "### Bookmarks" in markdown
    [line] = [ln for ln in markdown.splitlines() if ln.startswith("- ")]
    assert "“Human security is" in line and "(Created " in line
    page = export(store.list(), library, "html", generated=GENERATED)
    assert '<ul class="bookmarks">' in page and "“Human security is" in page


def test_restoring_keeps_the_created_date_and_dates_the_restore(
    stores: StoreFactory, library: Library
) -> None:
    store = stores("notes")
    text = text_of(library)
    start = text.index(PHRASE)
    made = store.add(SLUG, describe(text, start, start + len(PHRASE)), "green")
    gone = store.delete(made.id)
    back = store.restore(made.id, expected=gone)
    assert back.created == made.created
    assert back.modified > gone.modified > made.modified
    assert store.get(made.id) == back


def test_dates_are_labelled_and_edited_only_after_the_first_minute() -> None:
    day = lambda stamp: stamp[:10]  # noqa: E731 - the format is the caller's
    created = "2026-05-03T09:00:00.000Z"
    assert dates_label(created, created, day) == "created 2026-05-03"
    assert not was_edited(created, "2026-05-03T09:01:00.000Z")
    assert was_edited(created, "2026-05-03T09:01:00.001Z")
    assert (
        dates_label(created, "2026-05-05T10:00:00.000Z", day)
        == "created 2026-05-03 · edited 2026-05-05"
    )


def test_exports_label_created_and_edited(stores: StoreFactory, library: Library) -> None:
    store = stores("notes")
    text = text_of(library)
    start = text.index(PHRASE)
    made = store.add(SLUG, describe(text, start, start + len(PHRASE)), "green")
    edited = replace(
        made,
        created="2026-05-03T09:00:00.000Z",
        modified="2026-05-05T09:00:00.000Z",
        note="why it matters",
    )
    store.upsert_raw(edited)
    markdown = export(store.list(), library, "md", generated=GENERATED)
    assert "> — green, created 3 May 2026 · edited 5 May 2026" in markdown
    page = export(store.list(), library, "html", generated=GENERATED)
    assert "Green · Created 3 May 2026 · edited 5 May 2026" in page
    store.upsert_raw(replace(edited, modified=edited.created))
    markdown = export(store.list(), library, "md", generated=GENERATED)
    assert "> — green, created 3 May 2026\n" in markdown and "edited" not in markdown


def _reworded(library: Library) -> tuple[str, Annotation, Span]:
    """A highlight on PHRASE, and the chapter's text with one of its words changed."""
    text = text_of(library)
    start = text.index(PHRASE)
    annotation = Annotation(
        id=AnnotationId("0b6f6a52-6c1e-4c43-9d0e-1f7c3c1a0101"),
        chapter=SLUG,
        created="2026-05-03T09:00:00.000Z",
        modified="2026-05-03T09:00:00.000Z",
        colour="green",
        note="",
        target=describe(text, start, start + len(PHRASE)),
    )
    new_phrase = PHRASE.replace("freedom from want", "freedom from need")
    changed = text.replace(PHRASE, new_phrase)
    return changed, annotation, Span(start, start + len(new_phrase), False)


def test_a_reworded_passage_is_requoted_only_when_its_context_agrees(library: Library) -> None:
    text, annotation, span = _reworded(library)
    target = requoted_target(annotation, text, span)
    assert target is not None and target.quote.exact == text[span.start : span.end]
    assert target.position == TextPositionSelector(span.start, span.end)
    # The same words found where the context is someone else's: not stored.
    elsewhere = "x" * 40 + text[span.start : span.end] + "y" * 40
    assert (
        requoted_target(annotation, elsewhere, Span(40, 40 + span.end - span.start, False)) is None
    )
    # Unchanged words: nothing to store.
    original = text_of(library)
    start = original.index(PHRASE)
    assert requoted_target(annotation, original, Span(start, start + len(PHRASE), True)) is None


def test_update_quotes_keeps_the_first_words_and_the_modified_time(
    stores: StoreFactory, library: Library
) -> None:
    store = stores("notes")
    text, annotation, span = _reworded(library)
    store.upsert_raw(annotation)
    target = requoted_target(annotation, text, span)
    assert target is not None
    assert store.update_quotes([(annotation.id, target)]) == 1
    stored = store.get(annotation.id)
    assert stored is not None and stored.modified == annotation.modified
    assert stored.target == target and stored.previous_quote == PHRASE and stored.reworded
    assert quote_and_was(stored) == (target.quote.exact, PHRASE)
    # Reworded again: "was" still shows the words first highlighted.
    again = Target(
        TextQuoteSelector("freedom from need and fear", "", ""), TextPositionSelector(1, 27)
    )
    store.update_quotes([(annotation.id, again)])
    assert store.get(annotation.id).previous_quote == PHRASE  # type: ignore[union-attr]
    # Back to the first words: nothing left to show as "was".
    first = replace(annotation.target, position=TextPositionSelector(1, 1 + len(PHRASE)))
    store.update_quotes([(annotation.id, first)])
    back = store.get(annotation.id)
    assert back is not None and back.previous_quote == "" and not back.reworded


def test_the_requoted_version_wins_a_merge_of_the_same_time_both_ways(library: Library) -> None:
    text, annotation, span = _reworded(library)
    target = requoted_target(annotation, text, span)
    assert target is not None
    requoted = replace(annotation, target=target, previous_quote=PHRASE)
    # Whatever the order of the quotes' text, the version with today's words is kept.
    incoming_new = plan_merge([requoted], {annotation.id: annotation})
    assert [w.record for w in incoming_new.writes] == [requoted]
    incoming_old = plan_merge([annotation], {annotation.id: requoted})
    assert incoming_old.writes == () and incoming_old.counts.unchanged == 1


def test_exports_show_todays_words_with_was(
    stores: StoreFactory, library: Library, seed_library: Path
) -> None:
    store = stores("notes")
    _, annotation, _ = _reworded(library)
    store.upsert_raw(annotation)
    chapter = seed_library / "human-security.md"
    chapter.write_text(
        chapter.read_text(encoding="utf-8").replace("freedom from want", "freedom from need"),
        encoding="utf-8",
    )
    changed = load_library(seed_library)
    new_phrase = PHRASE.replace("want", "need")
    markdown = export(store.list(), changed, "md", generated=GENERATED)
    assert f"> {new_phrase}" in markdown
    assert f"> (was: {PHRASE})" in markdown
    page = export(store.list(), changed, "html", generated=GENERATED)
    assert '<p class="was">(was: &quot;freedom from want&quot;' in page
