"""The core's library problems go through the installed translator, and the caches that
keep them as sentences are named after the interface language (without Qt)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import write_chapter

from reader.core import i18n
from reader.core.data_folder import DataFolder
from reader.core.library_scan import load_library


def _marking(context: str, text: str, disambiguation: str | None, n: int) -> str:
    """A translator that shows which context translated each piece of a message."""
    return f"<{context}>{text}"


@pytest.fixture
def marked() -> Iterator[None]:
    i18n.install(_marking, "fr")
    yield
    i18n.install(None)


def test_the_caches_are_named_after_the_interface_language(tmp_path: Path) -> None:
    folder, library = DataFolder(tmp_path / "data"), tmp_path / "course"
    english_cache, english_snapshot = (
        folder.library_cache(library),
        folder.library_snapshot(library),
    )
    # English keeps the names caches had before they depended on the language.
    assert english_cache.name.startswith("library-") and english_cache.suffix == ".json"
    assert "-en" not in english_cache.name and "-fr" not in english_cache.name
    assert folder.library_cache(library, "en") == english_cache
    i18n.install(_marking, "fr")
    try:
        assert i18n.language() == "fr"
        assert folder.library_cache(library) == folder.library_cache(library, "fr")
        assert folder.library_cache(library).name == english_cache.name.replace(".json", "-fr.json")
        assert folder.library_snapshot(library).name.endswith("-fr.bin")
        assert folder.library_snapshot(library, "es").name.endswith("-es.bin")
        assert folder.library_snapshot(library, "en") == english_snapshot
    finally:
        i18n.install(None)
    assert i18n.language() == "en"
    assert folder.library_cache(library) == english_cache


def test_numbers_in_messages_are_grouped_as_the_language_writes_them() -> None:
    assert i18n.number(200_000) == "200,000"
    i18n.install(_marking, "fr")
    try:
        assert i18n.number(200_000) == "200\u202f000"
    finally:
        i18n.install(None)


def test_problems_and_skip_reasons_are_translated_whole(tmp_path: Path, marked: None) -> None:
    """Each message is looked up as one sentence; a folder's reason from the table too."""
    for folder in (tmp_path / "node_modules", tmp_path / ".drafts"):
        folder.mkdir()
        write_chapter(folder, "x.md", "X", "Text.")
    write_chapter(tmp_path, "intro.md", "Intro", "# Intro")
    (tmp_path / "broken.md").write_text("---\ntitle: [unclosed\n---\n# Broken\n", "utf-8")
    library = load_library(tmp_path)
    skipped = {p.path: p.message for p in library.skipped}
    assert skipped["node_modules"] == (
        "<Discovery>The folder node_modules/ was skipped: <Discovery>installed JavaScript packages."
    )
    assert skipped[".drafts"] == (
        "<Discovery>The folder .drafts/ was skipped: it is hidden (its name starts with a dot)."
    )
    [broken] = [p.message for p in library.problems if p.path == "broken.md"]
    assert broken.startswith("<Library><Library>The front matter is not valid YAML (")
    assert broken.endswith(" The chapter is shown without it.")
