"""`field-reader pdf` end to end, as a real subprocess; the PDFs are read back with pypdf."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from helpers import REPO, write_chapter, write_png
from pypdf import PdfReader

from reader.command_library import library_info
from reader.core.anchoring import describe
from reader.core.data_folder import NOTES_FILE
from reader.core.document import load_document
from reader.core.library_scan import load_library
from reader.storage.annotations import AnnotationStore
from reader.storage.db import Database

RIVERS = """\
# Rivers and Deltas

Water carries sediment downstream until the current slows.

![A map](map.png)

## Floodplains

A floodplain stores water during floods.

## Estuaries

An estuary mixes fresh and salt water.
"""
COASTS = "# Coasts\n\nWaves shape the coast.\n\n## Cliffs\n\nCliffs retreat slowly.\n"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # the command sets the offscreen platform itself
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env=env,
        cwd=REPO,
    )


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """A two-chapter library and a data folder whose notes were made by the store."""
    root = tmp_path / "library"
    root.mkdir()
    write_chapter(root, "rivers.md", "Rivers and Deltas", RIVERS, order=1)
    write_chapter(root, "coasts.md", "Coasts", COASTS, order=2)
    write_png(root / "map.png", 60, 30)
    data = tmp_path / "data"
    data.mkdir()
    library = load_library(root)
    with Database(data / NOTES_FILE) as db:
        store = AnnotationStore(db, library_info(library).id)
        for slug, phrase, colour, note in (
            ("rivers", "sediment downstream", "green", "Load grows with speed & slope"),
            ("rivers", "stores water", "pink", "Why levees <fail>"),
            ("rivers", "mixes fresh", "blue", ""),
            ("coasts", "Cliffs retreat", "purple", "Erosion note"),
        ):
            chapter = library.by_slug(slug)
            assert chapter is not None
            text = load_document(chapter, root).plain.text
            start = text.index(phrase)
            store.add(slug, describe(text, start, start + len(phrase)), colour, note)
    return root, data


def outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(depth, title, page) of every bookmark, in order."""
    found: list[tuple[int, str, int]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return found


def squash(text: str) -> str:
    """Text without whitespace, ligatures unfolded: pypdf's extraction splits words where
    the PDF positions glyphs apart (kerning after a heading's capital) and keeps "ﬂ"."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def text_of(reader: PdfReader, page: int | None = None) -> str:
    pages = reader.pages if page is None else [reader.pages[page]]
    return squash(" ".join(p.extract_text() or "" for p in pages))


def test_one_chapter_with_footnotes(folders: tuple[Path, Path], tmp_path: Path) -> None:
    root, data = folders
    out = tmp_path / "rivers.pdf"
    result = run(
        "pdf", str(out), "--chapter", "rivers", "--with-notes", "footnotes",
        "--content", str(root), "--data-dir", str(data),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    pages = len(reader.pages)
    assert re.search(rf"Wrote .*rivers\.pdf: {pages} pages? \(", result.stdout)
    assert "2 notes as footnotes" in result.stdout
    text = text_of(reader)
    for words in ("Rivers and Deltas", "Floodplains", "Estuaries", "Load grows with speed & slope"):
        assert squash(words) in text
    assert squash("Why levees <fail>") in text and "created1" in text
    assert "Erosionnote" not in text  # another chapter's note
    assert [(depth, title) for depth, title, _ in outline(reader)] == [
        (0, "Rivers and Deltas"),
        (1, "Floodplains"),
        (1, "Estuaries"),
    ]
    # The page is A4 or Letter, by the locale: about 595 or 612 points wide.
    assert round(float(reader.pages[0].mediabox.width)) in (595, 612)


def test_all_chapters_with_an_appendix(folders: tuple[Path, Path], tmp_path: Path) -> None:
    root, data = folders
    out = tmp_path / "all.pdf"
    result = run(
        "pdf", str(out), "--all", "--with-notes", "appendix",
        "--content", str(root), "--data-dir", str(data),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "all 2 chapters, 3 notes in an appendix" in result.stdout
    reader = PdfReader(out)
    text = text_of(reader)
    assert text.index("Cliffsretreat3slowly") < text.index("Erosionnote")
    assert text.index("Whylevees<fail>") < text.index("Erosionnote")
    marks = outline(reader)
    assert [(d, t) for d, t, _ in marks] == [
        (0, "Rivers and Deltas"),  # the chapter, which opens with its own title
        (1, "Floodplains"),
        (1, "Estuaries"),
        (0, "Coasts"),
        (1, "Cliffs"),
        (0, "Notes"),
        (1, "Rivers and Deltas"),
        (2, "Floodplains"),
        (1, "Coasts"),
        (2, "Cliffs"),
    ]
    pages = {title: page for depth, title, page in marks if depth == 0}
    # Each chapter starts a page; the appendix follows the last one on a page of its own.
    assert 0 == pages["Rivers and Deltas"] < pages["Coasts"] < pages["Notes"]
    assert "Erosionnote" in text_of(reader, pages["Notes"])


def test_without_notes_prints_no_note_text(folders: tuple[Path, Path], tmp_path: Path) -> None:
    root, data = folders
    out = tmp_path / "plain.pdf"
    result = run("pdf", str(out), "--content", str(root), "--data-dir", str(data))
    assert result.returncode == 0, result.stderr
    text = text_of(PdfReader(out))
    assert "RiversandDeltas" in text and "Loadgrows" not in text and "Coasts" not in text


def test_refusals(folders: tuple[Path, Path], tmp_path: Path) -> None:
    root, data = folders
    common = ("--content", str(root), "--data-dir", str(data))
    folder = tmp_path / "taken.pdf"
    folder.mkdir()
    result = run("pdf", str(folder), *common)
    assert result.returncode == 1 and "cannot be written" in result.stderr
    assert "Traceback" not in result.stderr
    result = run("pdf", str(tmp_path / "no" / "such" / "x.pdf"), *common)
    assert result.returncode == 1 and "does not exist" in result.stderr
    result = run("pdf", str(tmp_path / "x.pdf"), "--chapter", "nowhere", *common)
    assert result.returncode == 2 and 'no chapter "nowhere"' in result.stderr
    result = run("pdf", str(tmp_path / "x.pdf"), "--chapter", "rivers", "--all", *common)
    assert result.returncode == 2
    result = run("pdf", str(tmp_path / "x.txt"), *common)
    assert result.returncode == 2 and ".pdf" in result.stderr
    assert not (tmp_path / "x.pdf").exists() and not list(tmp_path.glob(".*.tmp"))
