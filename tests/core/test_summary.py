"""mdBook libraries: SUMMARY.md decides the chapters, their order, nesting and titles."""

from __future__ import annotations

from pathlib import Path

from reader.core.library_scan import load_library
from reader.core.summary import parse_summary

SUMMARY = """\
# Summary

[Introduction](README.md)

# User Guide

- [Installation](guide/installation.md)
- [Reading *Books*](guide/reading.md)
    - [Nested one](guide/nested.md)
    - [A draft]()
        - [Under the draft](guide/under-draft.md)
- [Missing file](guide/missing.md)
- [Escape](../../outside.md)

# Reference

* [Listed twice](guide/installation.md)
* [Config](<format/config file.md>)
\t* [Tab nested](format/tab.md)

---

[Contributors](misc/contributors.md)
"""


def _write(root: Path, relpath: str, text: str) -> None:
    path = root / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _book(root: Path, source: str) -> None:
    base = f"{source}/" if source else ""
    _write(root, f"{base}SUMMARY.md", SUMMARY)
    for relpath in (
        "README.md",
        "guide/installation.md",
        "guide/reading.md",
        "guide/nested.md",
        "guide/under-draft.md",
        "format/config file.md",
        "format/tab.md",
        "misc/contributors.md",
        "guide/unlisted.md",
    ):
        _write(root, base + relpath, f"# Heading of {relpath}\n")


def test_summary_in_src_defines_order_nesting_and_titles(tmp_path: Path) -> None:
    _book(tmp_path, "src")
    _write(tmp_path, "README.md", "# The repository's readme\n")
    _write(tmp_path, "book/index.md", "# Built output\n")
    (tmp_path / "outside.md").write_text("# Not in the book\n", encoding="utf-8")
    library = load_library(tmp_path)
    rows = [(c.relpath, c.slug, c.title, c.parent, c.part) for c in library.chapters]
    assert rows == [
        ("src/README.md", "README", "Introduction", None, None),
        ("src/guide/installation.md", "guide.installation", "Installation", None, "User Guide"),
        ("src/guide/reading.md", "guide.reading", "Reading Books", None, "User Guide"),
        ("src/guide/nested.md", "guide.nested", "Nested one", "guide.reading", "User Guide"),
        (
            "src/guide/under-draft.md",
            "guide.under-draft",
            "Under the draft",
            "guide.reading",
            "User Guide",
        ),
        ("src/format/config file.md", "format.config-file", "Config", None, "Reference"),
        ("src/format/tab.md", "format.tab", "Tab nested", "format.config-file", "Reference"),
        ("src/misc/contributors.md", "misc.contributors", "Contributors", None, "Reference"),
    ]
    problems = {(p.path, p.kind) for p in library.problems}
    assert problems == {
        ("src/guide/missing.md", "unreadable"),
        ("src/SUMMARY.md", "unsafe-path"),
    }
    skipped = {p.path: p.message for p in library.skipped}
    assert "not listed in src/SUMMARY.md" in skipped["src/guide/unlisted.md"]
    assert "not listed" in skipped["README.md"]
    assert "mdBook" in skipped["book"]
    about_summary = [p.message for p in library.skipped if p.path == "src/SUMMARY.md"]
    assert any("table of contents" in m for m in about_summary)
    assert any('"A draft" is a draft chapter' in m for m in about_summary)
    assert "listed twice" in skipped["src/guide/installation.md"]


def test_summary_at_the_top_and_front_matter_order_among_siblings(tmp_path: Path) -> None:
    _book(tmp_path, "")
    _write(
        tmp_path,
        "guide/reading.md",
        "---\ntitle: Own title\norder: 0\n---\n# Heading\n",
    )
    library = load_library(tmp_path)
    top = [c.relpath for c in library.chapters if c.parent is None]
    # `order:` puts Reading first among the top-level chapters; its title wins.
    assert top[0] == "guide/reading.md"
    assert library.chapters[0].title == "Own title"
    assert [c.relpath for c in library.children("guide.reading")] == [
        "guide/nested.md",
        "guide/under-draft.md",
    ]
    assert library.by_relpath("SUMMARY.md") is None
    assert library.by_relpath("book/anything.md") is None


def test_book_toml_names_the_source_folder(tmp_path: Path) -> None:
    (tmp_path / "book.toml").write_text('[book]\nsrc = "pages"\n', encoding="utf-8")
    _write(tmp_path, "pages/SUMMARY.md", "- [One](one.md)\n- [Two](two.md)\n")
    _write(tmp_path, "pages/one.md", "text\n")
    _write(tmp_path, "pages/two.md", "text\n")
    _write(tmp_path, "src/SUMMARY.md", "- [Wrong](wrong.md)\n")
    _write(tmp_path, "src/wrong.md", "# Wrong\n")
    library = load_library(tmp_path)
    assert [(c.slug, c.title) for c in library.chapters] == [("one", "One"), ("two", "Two")]
    assert library.problems == ()


def test_parse_summary_without_files() -> None:
    summary = parse_summary(
        "# Summary\n\n<!-- - [Hidden](hidden.md) -->\n"
        "- [A](a.md)\n  - [B](b/b.md)\n- [C](./c.md)\n",
        "SUMMARY.md",
        "",
    )
    assert [(e.relpath, e.title, e.parent) for e in summary.entries] == [
        ("a.md", "A", None),
        ("b/b.md", "B", 0),
        ("c.md", "C", None),
    ]
