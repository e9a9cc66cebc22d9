"""Export formats, all-or-nothing import and the merge rules, on real notes databases."""

from __future__ import annotations

import html
import json
import re
import sqlite3
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from helpers import write_chapter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from notes_factory import StoreFactory

from reader.core import importing
from reader.core.anchoring import Target, TextPositionSelector, TextQuoteSelector, describe
from reader.core.document import load_document
from reader.core.exchange import LIBRARY_PROPERTY, export
from reader.core.importing import ImportRefused, import_file, import_into, parse_w3c
from reader.core.library import Library
from reader.core.library_scan import load_library
from reader.core.notes import BUNDLED_LIBRARY_ID, Annotation, AnnotationId, format_timestamp
from reader.core.print_marks import blend
from reader.storage.annotations import AnnotationStore
from reader.storage.db import Database

PHRASE = '"freedom from want" and "freedom from fear"'
GENERATED = "2024-06-01T12:00:00.000Z"


@pytest.fixture
def library(seed_library: Path) -> Library:
    return load_library(seed_library)


def text_of(library: Library, slug: str = "human-security") -> str:
    chapter = library.by_slug(slug)
    assert chapter is not None
    return load_document(chapter, library.root).plain.text


def highlight(
    store: AnnotationStore, library: Library, phrase: str, colour: str = "yellow", note: str = ""
) -> Annotation:
    text = text_of(library)
    start = text.index(phrase)
    return store.add("human-security", describe(text, start, start + len(phrase)), colour, note)


def dump(path: Path) -> list[str]:
    """The whole content of a database file, as SQL statements."""
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


def w3c(*items: dict[str, Any], **extra: Any) -> str:
    collection = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "total": len(items),
        "first": {"type": "AnnotationPage", "items": list(items)},
        **extra,
    }
    return json.dumps(collection)


def item(
    ident: str | None = None,
    *,
    modified: str = "2024-05-01T10:00:00.000Z",
    exact: str = "freedom from fear",
    note: str | None = None,
    source: str = "chapter:human-security",
    **extra: Any,
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": ident or f"urn:uuid:{uuid.uuid4()}",
        "type": "Annotation",
        "created": "2024-05-01T09:00:00.000Z",
        "modified": modified,
        "target": {
            "source": source,
            "styleClass": "green",
            "selector": [{"type": "TextQuoteSelector", "exact": exact}],
        },
    }
    if note is not None:
        out["body"] = {"type": "TextualBody", "value": note}
    out.update(extra)
    return out


# -- round trip and formats -----------------------------------------------------------------------


def test_round_trip_into_an_empty_data_folder_gives_identical_annotations(
    stores: StoreFactory, library: Library
) -> None:
    source = stores("source")
    highlight(source, library, PHRASE, "green", "Two freedoms\n\nsecond paragraph")
    highlight(source, library, "human security", "pink")
    gone = highlight(source, library, "Poverty", "blue")
    source.delete(gone.id)
    orphan = source.add(
        "human-security", Target(TextQuoteSelector("a passage since rewritten")), "purple", "lost"
    )
    elsewhere = source.add(
        "future-chapter", describe("words of a chapter not here", 9, 16), "yellow", "later"
    )
    exported = export(source.all_including_tombstones(), library, "json", generated=GENERATED)

    target = stores("target")
    summary = import_into(target, library, parse_w3c(exported))

    assert (summary.added, summary.updated, summary.deleted) == (5, 0, 0)
    assert summary.orphaned == 1 and summary.unknown_chapter == 1
    assert target.list() == source.list()
    [tombstone] = [a for a in target.all_including_tombstones() if a.deleted]
    assert (tombstone.id, tombstone.modified) == (gone.id, source.get(gone.id).modified)  # type: ignore[union-attr]
    assert target.get(orphan.id) == orphan
    assert target.get(elsewhere.id) == elsewhere
    # And back again: nothing changes on either side.
    again = export(target.all_including_tombstones(), library, "json", generated=GENERATED)
    assert import_into(source, library, parse_w3c(again)).unchanged == 5


def test_json_follows_the_web_annotation_model(stores: StoreFactory, library: Library) -> None:
    store = stores("notes")
    noted = highlight(store, library, PHRASE, "green", "my note")
    plain = highlight(store, library, "human security", "pink")
    orphan = store.add("human-security", Target(TextQuoteSelector("not in the text")), "blue")
    store.delete(plain.id)
    data = json.loads(
        export(store.all_including_tombstones(), library, "json", generated=GENERATED)
    )

    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert (data["type"], data["generated"], data["total"]) == (
        "AnnotationCollection",
        GENERATED,
        3,
    )
    items = {i["id"]: i for i in data["first"]["items"]}
    assert data["first"]["type"] == "AnnotationPage"
    first = items[f"urn:uuid:{noted.id}"]
    assert first["motivation"] == "commenting" and first["state"] == "anchored"
    assert first["body"] == {"type": "TextualBody", "value": "my note", "format": "text/plain"}
    assert first["target"]["source"] == "chapter:human-security"
    assert first["target"]["styleClass"] == "green"
    quote, position = first["target"]["selector"]
    assert quote["type"] == "TextQuoteSelector" and quote["exact"] == PHRASE
    text = text_of(library)
    assert text[position["start"] : position["end"]] == PHRASE
    assert first["created"].endswith("Z") and first["modified"] == noted.modified
    lost = items[f"urn:uuid:{orphan.id}"]
    assert lost["state"] == "orphaned" and lost["motivation"] == "highlighting"
    assert "body" not in lost
    assert [s["type"] for s in lost["target"]["selector"]] == ["TextQuoteSelector"]
    tombstone = items[f"urn:uuid:{plain.id}"]
    assert set(tombstone) == {"id", "type", "modified", "target", "state", LIBRARY_PROPERTY}
    assert {item[LIBRARY_PROPERTY] for item in items.values()} == {BUNDLED_LIBRARY_ID}
    assert tombstone["target"] == {"source": "chapter:human-security"}
    assert tombstone["state"] == "deleted"


def test_json_files_hold_a_note_per_line_and_read_back_whatever_the_text(
    stores: StoreFactory, library: Library
) -> None:
    store = stores("notes")
    hostile = [
        'line one\nline two "quoted" \\ back',
        "\u2028 separators \u2029 and \u0085 next line",
        '"items": [] and items 1234',  # looks like what the writer splices in
        "accents é, CJK 学习, emoji 🌍",
    ]
    for note in hostile:
        highlight(store, library, PHRASE, "green", note)
    text = export(store.all_including_tombstones(), library, "json", generated=GENERATED)
    assert [item["body"]["value"] for item in json.loads(text)["first"]["items"]] == hostile
    assert "\u2028" not in text and "\u2029" not in text  # written as escapes
    lines = text.split("\n")[:-1]
    assert lines[0] == "{" and lines[-1] == "}" and text.endswith("}\n")
    notes = [line for line in lines if line.startswith('   {"')]
    assert len(notes) == len(hostile)  # each note whole on a line of its own
    for line in notes:
        json.loads(line.rstrip(","))
    assert json.loads(text) == json.loads(json.dumps(json.loads(text), indent=1))


def test_markdown_groups_by_section_and_keeps_notes_inside_the_quote(
    stores: StoreFactory, library: Library
) -> None:
    store = stores("notes")
    hostile = "line one\n\n# Not a heading\n- not a list\n<script>alert(1)</script> [x](y)"
    highlight(store, library, PHRASE, "green", hostile)
    store.add("human-security", Target(TextQuoteSelector("rewritten passage")), "blue")
    text = export(store.list(), library, "md", generated=GENERATED)
    lines = text.splitlines()

    assert lines[0] == "# Study notes"
    assert "## Human Security" in lines
    assert "### Not found in the current text" in lines
    quote_start = lines.index(f"> {PHRASE}")
    block = lines[quote_start : lines.index("", quote_start)]
    assert all(line.startswith(">") for line in block)
    assert "> \\# Not a heading" in block and "> \\- not a list" in block
    assert "<script>" not in text and "\\<script\\>" in text
    assert any(line.startswith("> — green, ") for line in block)
    # The orphan comes after the placed highlight, under its own heading.
    assert lines.index("> rewritten passage") > lines.index("### Not found in the current text")


def test_html_is_self_contained_escaped_and_coloured(
    stores: StoreFactory, library: Library
) -> None:
    store = stores("notes")
    highlight(store, library, PHRASE, "pink", '<img src=x onerror=alert(1)> & "quotes"')
    page = export(store.list(), library, "html", generated=GENERATED)

    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert (
        "<img" not in page and "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;" in page
    )
    assert "#ffa6c9" in page  # the light pink of the window's highlights
    assert "@media print" in page and "print-color-adjust: exact" in page
    assert "src=" not in page.replace("src=x", "") and "<link" not in page and "<script" not in page


def test_html_colours_are_inline_hex_without_css_variables(
    stores: StoreFactory, library: Library
) -> None:
    """Print engines and converters drop CSS variables: every colour must be written out."""
    store = stores("notes")
    highlight(store, library, PHRASE, "pink", "first")
    highlight(store, library, "freedom from fear", "blue", "second")
    page = export(store.list(), library, "html", generated=GENERATED)

    assert "var(" not in page and "--hl" not in page
    notes = re.findall(
        r'<div class="note" style="border-left-color: (#[0-9a-f]{6})">'
        r'<blockquote><mark style="background-color: (#[0-9a-f]{6})">([^<]*)</mark>',
        page,
    )
    by_quote = {quote: (rule, fill) for rule, fill, quote in notes}
    # The rule is the colour's swatch; the fill is the window's translucent fill on white.
    assert by_quote["freedom from fear"] == ("#9cc8ff", blend(["#9cc8ff"]))
    assert by_quote[html.escape(PHRASE)] == ("#ffa6c9", blend(["#ffa6c9"]))
    assert blend(["#9cc8ff"]) not in ("#9cc8ff", "#ffffff")
    assert "-webkit-print-color-adjust: exact" in page


def test_export_of_one_chapter_only(stores: StoreFactory, library: Library) -> None:
    store = stores("notes")
    highlight(store, library, PHRASE)
    store.add("other", describe("some other chapter", 5, 10), "blue")
    text = export(store.list("human-security"), library, "md", generated=GENERATED)
    assert "## Human Security" in text and "not in this library" not in text


# -- other tools' files and older editions --------------------------------------------------------


def test_hypothesis_style_file_with_quotes_only(stores: StoreFactory, library: Library) -> None:
    text = text_of(library)
    start = text.index("freedom from fear")
    hypothesis_item = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://hypothes.is/a/Xy12AbCdEfG",
        "type": "Annotation",
        "created": "2024-03-02T10:11:12.345678+00:00",
        "modified": "2024-03-04T08:00:00+01:00",
        "body": [
            {"type": "TextualBody", "value": "Roosevelt's phrase", "format": "text/markdown"},
            {"type": "TextualBody", "value": "politics", "purpose": "tagging"},
        ],
        "target": [
            {
                "source": "https://example.org/course/human-security.html",
                "selector": [
                    {"type": "RangeSelector", "startContainer": "/p[3]"},
                    {
                        "type": "TextQuoteSelector",
                        "exact": "freedom from fear",
                        "prefix": text[start - 10 : start],
                        "suffix": text[start + 17 : start + 27],
                    },
                ],
            }
        ],
    }
    data = json.dumps({"type": "AnnotationPage", "items": [hypothesis_item]})
    store = stores("notes")
    path = Path(store._db.path).with_name("hypothesis.json")
    path.write_text(data, encoding="utf-8")

    summary = import_file(store, library, path)
    [annotation] = store.list()
    assert summary.added == 1 and summary.orphaned == 0
    assert annotation.id == str(uuid.uuid5(uuid.NAMESPACE_URL, "https://hypothes.is/a/Xy12AbCdEfG"))
    assert annotation.note == "Roosevelt's phrase" and annotation.colour == "yellow"
    assert annotation.created == "2024-03-02T10:11:12.345Z"
    assert annotation.modified == "2024-03-04T07:00:00.000Z"
    assert annotation.target.position == TextPositionSelector(start, start + 17)
    before = dump(Path(store._db.path))
    assert import_file(store, library, path).unchanged == 1
    assert dump(Path(store._db.path)) == before


def test_hypothesis_source_that_matches_no_chapter_is_refused_unless_one_is_named(
    stores: StoreFactory, library: Library, tmp_path: Path
) -> None:
    path = tmp_path / "elsewhere.json"
    path.write_text(w3c(item("https://hypothes.is/a/1", source="https://example.org/x/page")))
    store = stores("notes")
    with pytest.raises(ImportRefused, match=r"Item 1 \(https://hypothes.is/a/1\): the source"):
        import_file(store, library, path)
    assert import_file(store, library, path, default_chapter="human-security").added == 1


def test_an_export_of_an_older_edition_lands_in_the_new_text(
    stores: StoreFactory, tmp_path: Path
) -> None:
    old_root, new_root = tmp_path / "old", tmp_path / "new"
    old_root.mkdir()
    new_root.mkdir()
    body = "# Start\n\nThe river floods every spring and the village moves uphill.\n"
    write_chapter(old_root, "floods.md", "Floods", body)
    inserted = "# Preface\n\nA long new preface was added in this edition. " * 3 + "\n\n"
    write_chapter(new_root, "floods.md", "Floods", inserted + body)
    old, new = load_library(old_root), load_library(new_root)
    old_text, new_text = text_of(old, "floods"), text_of(new, "floods")
    phrase = "the village moves uphill"

    source = stores("old")
    start = old_text.index(phrase)
    source.add("floods", describe(old_text, start, start + len(phrase)), "blue")
    exported = export(source.list(), old, "json")
    target = stores("new")
    import_into(target, new, parse_w3c(exported))

    [annotation] = target.list()
    position = annotation.target.position
    assert position is not None and new_text[position.start : position.end] == phrase
    assert position.start != start


def test_unknown_chapter_is_kept_and_appears_once_the_chapter_exists(
    stores: StoreFactory, library: Library, tmp_path: Path
) -> None:
    store = stores("notes")
    summary = import_into(
        store, library, parse_w3c(w3c(item(source="chapter:next-week", exact="uphill")))
    )
    assert summary.unknown_chapter == 1 and summary.orphaned == 0
    [kept] = store.list("next-week")
    later = tmp_path / "later"
    later.mkdir()
    write_chapter(later, "next-week.md", "Next week", "The village moves uphill.", slug="next-week")
    [chapter] = export(store.list(), load_library(later), "md").split("## ")[1:]
    assert chapter.startswith("Next week") and "> uphill" in chapter
    assert kept.target.position is None


# -- merge rules ----------------------------------------------------------------------------------

TIMES = st.integers(min_value=0, max_value=5).map(lambda s: f"2024-05-01T10:00:0{s}.000Z")
VERSION = st.tuples(TIMES, st.booleans(), st.sampled_from(["", "note a", "note b"]))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(local=st.none() | VERSION, incoming=st.lists(VERSION, min_size=1, max_size=4))
def test_merge_newer_wins_tombstones_delete_and_reimport_changes_nothing(
    tmp_path_factory: pytest.TempPathFactory,
    library: Library,
    local: tuple[str, bool, str] | None,
    incoming: list[tuple[str, bool, str]],
) -> None:
    folder = tmp_path_factory.mktemp("merge")
    ident = str(uuid.uuid4())
    with Database(folder / "notes.sqlite3") as db:
        store = AnnotationStore(db)
        if local is not None:
            modified, deleted, note = local
            store.upsert_raw(
                Annotation(
                    id=AnnotationId(ident),
                    chapter="human-security",
                    created="2024-05-01T09:00:00.000Z",
                    modified=modified,
                    colour="green",
                    note=note,
                    target=Target(TextQuoteSelector("freedom from fear")),
                    deleted=deleted,
                )
            )
        items = []
        for modified, deleted, note in incoming:
            if deleted:
                items.append(
                    {
                        "id": f"urn:uuid:{ident}",
                        "type": "Annotation",
                        "modified": modified,
                        "target": {"source": "chapter:human-security"},
                        "state": "deleted",
                    }
                )
            else:
                items.append(item(f"urn:uuid:{ident}", modified=modified, note=note or None))
        # Each version is imported as its own file, in the order generated.
        for one in items:
            import_into(store, library, parse_w3c(w3c(one)))
        stored = store.get(AnnotationId(ident))
        assert stored is not None
        versions = ([local] if local is not None else []) + incoming
        newest = max(v[0] for v in versions)
        assert stored.modified == newest
        # At the newest time a tombstone beats an edit; otherwise the newest version's state.
        assert stored.deleted == any(v[1] for v in versions if v[0] == newest)
        before = dump(folder / "notes.sqlite3")
        for one in items:
            summary = import_into(store, library, parse_w3c(w3c(one)))
            assert not summary.changed
        assert dump(folder / "notes.sqlite3") == before


def test_older_tombstone_is_ignored_and_newer_one_deletes(
    stores: StoreFactory, library: Library
) -> None:
    store = stores("notes")
    live = highlight(store, library, PHRASE)

    def tombstone(modified: str) -> str:
        return w3c(
            {
                "id": f"urn:uuid:{live.id}",
                "type": "Annotation",
                "modified": modified,
                "target": {"source": "chapter:human-security"},
                "state": "deleted",
            }
        )

    assert import_into(store, library, parse_w3c(tombstone("2001-01-01T00:00:00Z"))).unchanged == 1
    assert store.list() == [live]
    # An hour ahead of this clock: another computer's clock may run a little fast.
    soon = format_timestamp(datetime.now(UTC) + timedelta(hours=1))
    summary = import_into(store, library, parse_w3c(tombstone(soon)))
    assert summary.deleted == 1 and summary.future_dates == 0 and store.list() == []
    # The tombstone keeps the passage and note, as a local delete does.
    kept = store.get(live.id)
    assert kept is not None and kept.deleted and kept.target == live.target


def test_a_repeated_identical_item_is_kept_once(stores: StoreFactory, library: Library) -> None:
    ident = str(uuid.uuid4())
    # The same annotation written as a urn and as a bare UUID: one record.
    data = w3c(item(f"urn:uuid:{ident}", note="once"), item(ident, note="once"))
    store = stores("notes")
    assert import_into(store, library, parse_w3c(data)).added == 1
    assert [a.note for a in store.list()] == ["once"]


@pytest.mark.parametrize(
    "other",
    [
        {"modified": "2024-05-03T00:00:00Z", "note": "newer"},
        {"note": "same time, other note"},
    ],
)
def test_one_id_with_two_different_items_refuses_the_file_naming_both(
    stores: StoreFactory, library: Library, tmp_path: Path, other: dict[str, str]
) -> None:
    ident = f"urn:uuid:{uuid.uuid4()}"
    path = tmp_path / "twice.json"
    path.write_text(w3c(GOOD, item(ident, note="first"), item(ident, **other)))
    store = stores("notes")
    with pytest.raises(ImportRefused, match=r"^Items 2 and 3 have the same id \("):
        import_file(store, library, path)
    assert store.all_including_tombstones() == []


# -- refusals: all or nothing ---------------------------------------------------------------------

GOOD = item("urn:uuid:6f1c9a52-3f4e-4b8e-9a57-1d2c3b4a5f60", note="good one")
BAD_CASES: dict[str, tuple[str | bytes, str]] = {
    "not json": ("{not json", "not valid JSON"),
    "not utf-8": (b"\xff\xfe{}", "not UTF-8"),
    "wrong top type": (json.dumps({"type": "Book", "items": []}), '"type" is "Book"'),
    "a number": ("42", "not a JSON object"),
    "wrong item type": (w3c(GOOD, item(type="Highlight")), "Item 2 (urn:uuid:"),
    "item not object": (w3c(GOOD, "hello"), "Item 2: is not a JSON object"),  # type: ignore[arg-type]
    "bad urn": (w3c(GOOD, item("urn:uuid:not-a-uuid")), 'Item 2 (urn:uuid:not-a-uuid): "id"'),
    "id with spaces": (w3c(GOOD, item("my note 1")), "neither a urn:uuid nor an IRI"),
    "id not text": (w3c(GOOD, item(12)), '"id" is not text'),  # type: ignore[arg-type]
    "no id": (w3c(GOOD, {k: v for k, v in item().items() if k != "id"}), 'Item 2: has no "id"'),
    "bad date": (w3c(GOOD, item(modified="yesterday")), '"modified" is not a date: "yesterday"'),
    "month 13": (w3c(GOOD, item(modified="2024-13-01T00:00:00Z")), '"modified" is not a date'),
    "no quote": (
        w3c(GOOD, item(target={"source": "chapter:human-security", "selector": []})),
        "no TextQuoteSelector",
    ),
    "empty quote": (w3c(GOOD, item(exact="")), 'no "exact" text'),
    "bad position": (
        w3c(
            GOOD,
            item(
                target={
                    "source": "chapter:human-security",
                    "selector": [
                        {"type": "TextQuoteSelector", "exact": "x"},
                        {"type": "TextPositionSelector", "start": 9, "end": 3},
                    ],
                }
            ),
        ),
        "is not a range",
    ),
    "bad slug": (w3c(GOOD, item(source="chapter:../../etc")), "does not name a chapter slug"),
    "bad state": (w3c(GOOD, item(state="archived")), '"state" is "archived"'),
    "colour not text": (
        w3c(GOOD, item(target={"source": "chapter:x", "styleClass": 3, "selector": []})),
        '"styleClass" is not text',
    ),
    "total mismatch": (
        json.dumps(
            {
                "type": "AnnotationCollection",
                "total": 5,
                "first": {"type": "AnnotationPage", "items": [GOOD]},
            }
        ),
        "may be incomplete",
    ),
    "page by link": (
        json.dumps({"type": "AnnotationCollection", "first": "https://example.org/page1"}),
        "embedded",
    ),
    "NaN": (w3c(GOOD).replace('"total": 1', '"total": NaN'), "not valid JSON"),
    "too deep": ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    "no dates at all": (
        w3c(GOOD, {k: v for k, v in item().items() if k not in ("created", "modified")}),
        'has no "modified" or "created" date',
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_malformed_files_are_refused_and_change_nothing(
    case: str, stores: StoreFactory, library: Library, tmp_path: Path
) -> None:
    data, expected = BAD_CASES[case]
    store = stores("notes")
    highlight(store, library, PHRASE, "green", "already here")
    path = tmp_path / "import.json"
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    db_path = Path(store._db.path)
    before = dump(db_path)
    with pytest.raises(ImportRefused) as refused:
        import_file(store, library, path)
    assert expected in refused.value.message
    assert dump(db_path) == before


def test_a_file_over_the_size_limit_is_refused_unread(
    stores: StoreFactory, library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "MAX_IMPORT_BYTES", 1000)
    path = tmp_path / "big.json"
    path.write_text(w3c(*[GOOD] * 20))
    store = stores("notes")
    before = dump(Path(store._db.path))
    with pytest.raises(ImportRefused, match="larger than"):
        import_file(store, library, path)
    assert dump(Path(store._db.path)) == before


def test_a_missing_file_is_refused(stores: StoreFactory, library: Library, tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="cannot be read"):
        import_file(stores("notes"), library, tmp_path / "missing.json")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["id", "type", "items", "first", "target", "selector", "exact", "x"]),
            children,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(JSON_VALUES)
def test_any_json_is_either_parsed_or_refused_in_words(value: Any) -> None:
    for document in (value, {"type": "AnnotationPage", "items": [value]}):
        try:
            records = parse_w3c(json.dumps(document))
        except ImportRefused as refused:
            assert refused.message
        else:
            assert all(isinstance(r, Annotation) for r in records)


@settings(max_examples=100, deadline=None)
@given(
    # NUL is refused on import (see test_import_values.py); every other character survives.
    note=st.text(
        st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=40
    ),
    exact=st.text(
        st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)),
        min_size=1,
        max_size=40,
    ),
    modified=st.datetimes(
        min_value=datetime(1970, 1, 2), max_value=datetime.now(), timezones=st.just(UTC)
    ),
)
def test_parsed_fields_survive_a_json_round_trip(note: str, exact: str, modified: datetime) -> None:
    ident = "urn:uuid:6f1c9a52-3f4e-4b8e-9a57-1d2c3b4a5f60"
    one = item(ident, modified=modified.isoformat(), exact=exact, note=note)
    [record] = parse_w3c(w3c(one))
    assert record.target.quote.exact == exact and record.note == note
    assert record.modified == format_timestamp(modified)


def test_a_chapter_edited_after_the_library_was_read_neither_fails_export_nor_import(
    stores: StoreFactory, library: Library, seed_library: Path
) -> None:
    store = stores("notes")
    kept = highlight(store, library, PHRASE, "green", "two freedoms")
    exported = export(store.all_including_tombstones(), library, "json", generated=GENERATED)
    # The file changes on disk while `library` still describes the old one.
    chapter_file = seed_library / "human-security.md"
    chapter_file.write_text(chapter_file.read_text(encoding="utf-8") + "\nA new paragraph.\n")

    for fmt in ("json", "markdown", "html"):
        text = export(store.list(), library, fmt)
        assert "freedom from want" in text  # written from the stored positions
    target = stores("target")
    summary = import_into(target, library, parse_w3c(exported))
    assert summary.added == 1
    assert target.get(kept.id) == kept  # the file's own position, placed at the next opening
