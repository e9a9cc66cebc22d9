"""Hostile nesting never crashes or stalls rendering, plain text or the outline."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from reader.core.outline import build_outline, walk
from reader.core.render import render_markdown
from reader.core.text_extract import plain_text

# Generous caps: these inputs took 0.03-1.5 s on the project's 2-core machine; a regression
# to quadratic work or a recursion would take minutes or raise.
_CAP_SECONDS = 10.0
_CASES = {
    "dash-run": "- " * 10_000 + "end\n\nAfter.\n",
    "indent-1000": "".join(" " * (2 * i) + f"- item {i}\n" for i in range(1000)) + "\nAfter.\n",
    "indent-2000": "".join(" " * (2 * i) + f"- item {i}\n" for i in range(2000)) + "\nAfter.\n",
    "ul-10000": "<ul><li>" * 10_000 + "deep" + "</li></ul>" * 10_000 + "\n\nAfter.\n",
    "ul-unclosed": "<ul><li>" * 10_000 + "deep\n\nAfter.\n",
    "quotes": ">" * 10_000 + " deep\n\nAfter.\n",
    "divs": "<div>" * 10_000 + "deep\n\nAfter.\n",
}


@pytest.mark.parametrize("name", list(_CASES))
def test_deep_nesting_renders_flattened_and_reported(tmp_path: Path, name: str) -> None:
    body = _CASES[name]
    started = time.perf_counter()
    rendered = render_markdown(body, tmp_path)
    plain = plain_text(rendered.html)
    walk(build_outline(rendered.headings))
    elapsed = time.perf_counter() - started
    print(f"{name}: {elapsed:.2f} s for {len(body):,} characters")
    assert elapsed < _CAP_SECONDS
    assert "After." in plain.text
    assert "too-deep" in [kind for kind, _ in rendered.issues]
    depth = max_depth(rendered.html)
    assert depth <= 101, depth  # what Qt is given stays shallow whatever the input


def max_depth(html: str) -> int:
    """The deepest element nesting in (well-formed) HTML."""
    import re

    depth = deepest = 0
    for closing, tag in re.findall(r"<(/?)([a-z][a-z0-9]*)", html):
        if tag in ("br", "hr", "img"):
            continue
        depth += -1 if closing else 1
        deepest = max(deepest, depth)
    return deepest


def test_every_item_of_a_1000_level_list_keeps_its_text(tmp_path: Path) -> None:
    rendered = render_markdown(_CASES["indent-1000"], tmp_path)
    text = plain_text(rendered.html).text
    assert all(f"item {i}" in text for i in range(1000))


def test_shallow_documents_report_no_issue(tmp_path: Path) -> None:
    body = "".join(" " * (2 * i) + f"- item {i}\n" for i in range(20)) + "<div>" * 30 + "x"
    assert render_markdown(body, tmp_path).issues == ()


def test_plain_text_of_deep_html_is_iterative() -> None:
    html = "<ul><li>" * 50_000 + "deep" + "</li></ul>" * 50_000
    assert plain_text(html).text == "deep"


_RAW_TEXT = ["<script>", "<style>", "<textarea>", "<SCRIPT type='x'>", "<title>", "<xmp>"]


# <pre> swallows the chapter only as a block (CommonMark's HTML block type 1); in a line
# of text it merely sets what follows in a fixed face, which hides nothing.
@pytest.mark.parametrize(
    ("opening", "where"),
    [(tag, "block") for tag in [*_RAW_TEXT, "<pre>"]] + [(tag, "inline") for tag in _RAW_TEXT],
)
def test_an_unclosed_raw_text_tag_never_hides_the_chapter(
    tmp_path: Path, opening: str, where: str
) -> None:
    """A stray <script> or <textarea> would make a browser hide everything after it."""
    stray = f"\n\n{opening}\n\n" if where == "block" else f" and {opening} here.\n\n"
    body = "# First\n\nBefore" + stray + "After the tag.\n\n## Second\n\nLast words."
    rendered = render_markdown(body, tmp_path)
    text = plain_text(rendered.html).text
    assert "After the tag." in text and "Last words." in text
    assert [h.id for h in rendered.headings] == ["first", "second"]
    tag = opening.strip("<>").split()[0].lower()
    messages = [m for k, m in rendered.issues if k == "unclosed-tag"]
    assert len(messages) == 1 and f"<{tag}>" in messages[0]


def test_a_closed_raw_text_tag_and_one_inside_code_are_left_alone(tmp_path: Path) -> None:
    body = "# A\n\n<script>run()</script>\n\n```html\n<script>\n```\n\n## B\n\nEnd."
    rendered = render_markdown(body, tmp_path)
    text = plain_text(rendered.html).text
    assert "run()" not in text and "<script>" in text and "End." in text
    assert not [k for k, _ in rendered.issues if k == "unclosed-tag"]
