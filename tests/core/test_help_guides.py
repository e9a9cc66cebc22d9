"""The translated guides (using-field-reader.LANG.md) keep the English guide's shape.

Each translation must have the English guide's headings (same number, same levels), the
same pictures, the same tables of keys, and in-guide links that reach a heading of its own:
heading ids come from the heading text, so a translated heading has a new id and every
"#id" link to it must be rewritten. The ids are made by render_markdown, as in the help
window (reader/ui/help_window.py load_guide). No English sentence may be left behind.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from reader.core.render import render_markdown
from reader.core.rendered import RenderedChapter
from reader.paths import help_dir

# reader/ui/help_window.py GUIDE_FILE (a Qt module, so not imported here).
ENGLISH = "using-field-reader.md"
LANGUAGES = ("fr", "es")
# An English sentence at least this long found in a translation was left untranslated.
SENTENCE_MIN = 40
_FENCE_RE = re.compile(r"^\s*(```|~~~)")
_BLOCK_START_RE = re.compile(r"#{1,6}\s|[-*+]\s|\d+[.)]\s|!\[")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?:;])\s+")
_KEY_RE = re.compile(r"\b(?:(?:Ctrl|Shift|Alt)\+)+(?:[A-Za-z0-9/]+|\+|−)|\bF\d{1,2}\b")


def guide_path(language: str | None) -> Path:
    """The guide in `language` (None: the English one) in the shipped help folder."""
    name = ENGLISH if language is None else ENGLISH.replace(".md", f".{language}.md")
    return help_dir() / name


def rendered(path: Path) -> RenderedChapter:
    """The guide at `path` rendered as the help window renders it."""
    return render_markdown(path.read_text(encoding="utf-8"), path.parent)


def prose_and_tables(body: str) -> tuple[list[str], list[list[str]]]:
    """The guide's prose blocks (paragraphs, list items, headings, pictures; outside code
    blocks and tables; whitespace collapsed) and the rows of its tables as lists of cells
    (separator rows left out)."""
    blocks: list[list[str]] = [[]]
    rows: list[list[str]] = []
    in_code = False
    for line in body.splitlines():
        if _FENCE_RE.match(line):
            in_code = not in_code
            blocks.append([])
            continue
        stripped = line.strip()
        if in_code:
            continue
        if stripped.startswith("|"):
            cells = [cell.strip() for cell in stripped.strip("|").split("|")]
            if not all(set(cell) <= set("-: ") for cell in cells):
                rows.append(cells)
            blocks.append([])
            continue
        if not stripped or _BLOCK_START_RE.match(stripped):
            blocks.append([])
        blocks[-1].append(stripped)
    prose = [re.sub(r"\s+", " ", " ".join(block)).strip() for block in blocks]
    return [text for text in prose if text], rows


def english_sentences(blocks: list[str]) -> list[str]:
    """The sentences (or clauses ending in : or ;) of `blocks` long enough to judge."""
    return [
        sentence
        for block in blocks
        for sentence in _SENTENCE_END_RE.split(block)
        if len(sentence) >= SENTENCE_MIN
    ]


def anchor_targets(guide: RenderedChapter) -> list[int]:
    """For each "#id" link of `guide`, in order, the index of the heading it reaches
    (-1 when none has that id)."""
    ids = [heading.id for heading in guide.headings]
    anchors = [link[1:] for link in guide.links if link.startswith("#")]
    return [ids.index(anchor) if anchor in ids else -1 for anchor in anchors]


def test_every_translation_is_shipped() -> None:
    shipped = {path.name for path in help_dir().glob("using-field-reader.*.md")}
    assert shipped == {guide_path(language).name for language in LANGUAGES}


@pytest.mark.parametrize("language", LANGUAGES)
def test_headings_have_the_english_number_and_levels(language: str) -> None:
    english, translated = rendered(guide_path(None)), rendered(guide_path(language))
    assert [h.level for h in translated.headings] == [h.level for h in english.headings]
    # Translated, not copied: the ids (made from the text) are new.
    assert not {h.id for h in translated.headings} & {h.id for h in english.headings}


@pytest.mark.parametrize("language", LANGUAGES)
def test_pictures_are_the_english_ones_and_are_shipped(language: str) -> None:
    english, translated = rendered(guide_path(None)), rendered(guide_path(language))
    assert [ref.src for ref in translated.images] == [ref.src for ref in english.images]
    for ref in translated.images:
        assert ref.status == "found" and ref.path is not None and ref.path.is_file(), ref.src
        assert ref.alt.strip(), f"{ref.src} has no description"


@pytest.mark.parametrize("language", LANGUAGES)
def test_in_guide_links_reach_the_same_headings_as_in_english(language: str) -> None:
    english, translated = rendered(guide_path(None)), rendered(guide_path(language))
    targets = anchor_targets(translated)
    assert -1 not in targets, [link for link in translated.links if link[:1] == "#"]
    # Each link goes to the heading in the same place as the English link does.
    assert targets == anchor_targets(english)
    assert len(targets) >= 10
    assert [link for link in translated.links if link[:1] != "#"] == [
        link for link in english.links if link[:1] != "#"
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_keys_and_tables_of_keys_are_kept(language: str) -> None:
    english_body = guide_path(None).read_text(encoding="utf-8")
    translated_body = guide_path(language).read_text(encoding="utf-8")
    _, english_rows = prose_and_tables(english_body)
    _, translated_rows = prose_and_tables(translated_body)
    english_keys = Counter(_KEY_RE.findall(english_body))
    assert english_keys["Ctrl+Shift+F"] >= 2
    assert Counter(_KEY_RE.findall(translated_body)) == english_keys
    # The same table: the same keys, in the same rows, and every description translated.
    assert [row[0] for row in translated_rows[1:]] == [row[0] for row in english_rows[1:]]
    assert len(translated_rows) == len(english_rows)
    for english_row, translated_row in zip(english_rows, translated_rows, strict=True):
        assert translated_row[1:] != english_row[1:], translated_row


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_english_sentence_is_left(language: str) -> None:
    english_prose, _ = prose_and_tables(guide_path(None).read_text(encoding="utf-8"))
    translated_prose, _ = prose_and_tables(guide_path(language).read_text(encoding="utf-8"))
    sentences = english_sentences(english_prose)
    assert len(sentences) > 50
    translated_text = "\n".join(translated_prose)
    left = [sentence for sentence in sentences if sentence in translated_text]
    assert not left
