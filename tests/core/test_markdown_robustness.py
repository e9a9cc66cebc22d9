"""Hostile nesting never crashes or stalls rendering, plain text or the outline."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from reader.core.outline import build_outline, walk
from reader.core.render import render_markdown
from reader.core.text import plain_text

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
