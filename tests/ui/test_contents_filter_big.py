"""The Contents filter on a generated library of 10,000 chapters keeps what it always kept.

The panel's fast filter (narrowing the last matches, walking up from them) is checked
against `visibility`, the plain rule it speeds up, keystroke by keystroke.
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from benchmarks.contents_bench import TYPED, chapters
from reader.ui.contents_panel import ContentsPanel
from reader.ui.title_filter import folded_paths, query_words, visibility


def test_filtering_10000_chapters_shows_what_the_plain_rule_shows(qtbot: QtBot) -> None:
    listed = chapters(10_000)
    panel = ContentsPanel(lambda chapter: [])
    qtbot.addWidget(panel)
    panel.set_chapters(listed)
    index = {c.slug: i for i, c in enumerate(listed)}
    parents = [index.get(c.parent, -1) if c.parent else -1 for c in listed]
    paths = folded_paths([c.title for c in listed], parents)
    rows = [panel.item_for(c.slug, "") for c in listed]
    typed = [TYPED[:n] for n in range(1, len(TYPED) + 1)]
    # Typed and erased, then words that widen, swap and narrow again.
    texts = [*typed, *reversed(typed[:-1]), "policy", "policy risk", "risk", "", "trade 12"]
    for text in texts:
        found = panel.set_filter(text)
        words = query_words(text)
        if not words:
            assert found == len(listed)
            assert not any(row.isHidden() for row in rows if row is not None)
            continue
        matched, visible, opened = visibility(paths, parents, words)
        assert found == sum(matched), text
        assert [row.isHidden() for row in rows if row is not None] == [not v for v in visible]
        assert all(row.isExpanded() for row, o in zip(rows, opened, strict=True) if row and o)
        first = next((listed[i] for i, hit in enumerate(matched) if hit), None)
        match = panel.first_match()
        assert (match.text(0) if match else None) == (first.title if first else None), text
