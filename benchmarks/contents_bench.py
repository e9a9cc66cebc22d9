"""Contents benchmark: listing a library of 10,000 chapters and filtering it keystroke by keystroke.

Run `python -m benchmarks.contents_bench [CHAPTERS]`. The real Contents panel (offscreen)
lists generated chapters, some nested three deep, and the filter box's text is typed one
character at a time ("security policy"), then erased the same way; each keystroke's
handling (`set_filter` and the repaint it causes) is one sample.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

TYPED = "security policy"
_WORDS_TEXT = (
    "security people state human rights policy risk health food water climate conflict "
    "community development economy trade market growth poverty income education school"
)
WORDS = _WORDS_TEXT.split()


def chapters(count: int, seed: int = 1) -> tuple[Any, ...]:
    """`count` chapters in reading order: modules of lessons of sections."""
    from reader.core.chapter import Chapter, Slug

    rng = random.Random(seed)
    made: list[Chapter] = []
    parents: list[str | None] = [None]
    for n in range(count):
        slug = f"ch-{n:05d}"
        depth = rng.choice((0, 1, 1, 2, 2, 2))
        parent = parents[min(depth, len(parents) - 1)]
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 5))).title()
        made.append(
            Chapter(
                slug=Slug(slug),
                title=f"{title} {n}",
                abstract="",
                order=float(n),
                path=Path(f"/nowhere/{slug}.md"),
                relpath=f"{slug}.md",
                content_hash="",
                body_span=(0, 0),
                parent=Slug(parent) if parent else None,
            )
        )
        level = 0 if parent is None else parents.index(parent) + 1
        parents = [*parents[: level + 1], slug][:3]
    return tuple(made)


def run(chapters_count: int = 10_000, runs: int = 3) -> dict[str, Any]:
    """Time listing the chapters and each keystroke of typing and erasing a filter."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from reader.ui.contents_filter import ContentsTab
    from reader.ui.contents_panel import ContentsPanel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    listed = chapters(chapters_count)
    list_s: list[float] = []
    keys: list[float] = []
    shown = 0
    for _ in range(runs):
        panel = ContentsPanel(lambda chapter: [])
        tab = ContentsTab(panel)
        tab.resize(320, 800)
        tab.show()
        app.processEvents()
        started = time.perf_counter()
        panel.set_chapters(listed)
        app.processEvents()
        list_s.append(time.perf_counter() - started)
        texts = [TYPED[:n] for n in range(1, len(TYPED) + 1)]
        for text in [*texts, *reversed(texts[:-1]), ""]:
            started = time.perf_counter()
            tab.box.setText(text)
            app.processEvents()  # the repaint of the tree
            keys.append(time.perf_counter() - started)
            if text == TYPED:
                shown = panel.set_filter(text)
        tab.close()
        tab.deleteLater()
        app.processEvents()
    return {
        "list": {"samples": list_s, "label": f"Contents: list {chapters_count:,} chapters"},
        "keystroke_median": {
            "samples": [statistics.median(keys)],
            "label": f"Contents filter: one keystroke, median ({chapters_count:,} chapters)",
            "goal": 0.05,
        },
        "keystroke_max": {
            "samples": [max(keys)],
            "label": f"Contents filter: slowest keystroke ({chapters_count:,} chapters)",
            "goal": 0.1,
        },
        "setup": {"chapters": chapters_count, "typed": TYPED, "matches": shown},
    }


def main(argv: list[str]) -> int:
    """Run the benchmark and print its figures."""
    result = run(int(argv[0]) if argv else 10_000)
    for key, entry in result.items():
        if "samples" in entry:
            print(f"{entry['label']}: {statistics.median(entry['samples']) * 1000:.1f} ms")
        else:
            print(key, entry)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
