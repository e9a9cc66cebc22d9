"""Annotations benchmark: opening a 1 MB chapter with 1,000 highlights against none.

Run `python -m benchmarks.annotations_bench [ANNOTATIONS] [SEED]`; it prints a Markdown
table. Opening is measured in the real window (render, re-anchoring and drawing, up to a
painted viewport), alternating a data folder with the highlights and one without, so the
ratio compares like with like in one process. Commit latency is one `add()` each, with
the notes database's synchronous=FULL.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.generate import KB, annotation_set, write_single

OPEN_RATIO_GOAL = 1.5
COMMIT_GOAL_S = 0.010
ROUNDS = 5


def _open_once(window: Any, slug: str, other: str) -> float:
    """Open `slug` from `other` and wait for the painted viewport; seconds."""
    from PySide6.QtWidgets import QApplication

    window.open_chapter(other)
    QApplication.processEvents()
    started = time.perf_counter()
    window.open_chapter(slug, offset=0)
    window.view.viewport().repaint()
    QApplication.processEvents()
    return time.perf_counter() - started


def run(annotations: int = 1000, seed: int = 1) -> dict[str, Any]:
    """Time opening a ~1 MB chapter with `annotations` highlights and without any."""
    from reader.core.anchoring import describe
    from reader.core.colours import COLOURS
    from reader.core.document import load_document
    from reader.core.library_scan import load_library
    from reader.storage.annotations import AnnotationStore
    from reader.storage.db import Database
    from reader.ui.app import application, build_window

    app = application()
    with tempfile.TemporaryDirectory(prefix="annotations-bench-") as tmp:
        root = Path(tmp) / "library"
        write_single(root, 1024 * KB, seed)
        (root / "other.md").write_text("---\ntitle: Other\nslug: other\n---\n\nA short page.\n")
        library = load_library(root)
        chapter = library.by_slug("big")
        assert chapter is not None
        text = load_document(chapter, library.root).plain.text
        with_notes, without = Path(tmp) / "with", Path(tmp) / "without"
        db = Database(with_notes / "notes.sqlite3")
        store = AnnotationStore(db)
        specs = annotation_set(text, annotations, seed)
        for i, spec in enumerate(specs):
            store.add("big", describe(text, spec.start, spec.end), COLOURS[i % 5], spec.note)
        db.close()
        # Commit latency of a user's highlight, on a database of its own.
        commit_db = Database(Path(tmp) / "commits" / "notes.sqlite3")
        commit_store = AnnotationStore(commit_db)
        commits: list[float] = []
        for spec in specs[:200]:
            started = time.perf_counter()
            commit_store.add("big", describe(text, spec.start, spec.end), "yellow")
            commits.append(time.perf_counter() - started)
        commit_db.close()

        windows = {
            name: build_window(root, folder)
            for name, folder in (("with", with_notes), ("without", without))
        }
        for window in windows.values():
            window.resize(1280, 800)
            window.show()
            _open_once(window, "big", "other")  # warm-up: render cache, first layout
        timings: dict[str, list[float]] = {"with": [], "without": []}
        for _ in range(ROUNDS):
            for name in ("without", "with"):
                timings[name].append(_open_once(windows[name], "big", "other"))
        drawn = len(windows["with"].view.layer("highlights"))
        for window in windows.values():
            window.close()
        app.processEvents()
    return {
        "open_with": {
            "samples": timings["with"],
            "baseline": timings["without"],
            "label": f"Open 1 MB chapter with {annotations} highlights (vs none)",
            "goal_ratio": OPEN_RATIO_GOAL,
        },
        "commit": {
            "samples": commits,
            "label": "Create a highlight, committed to disk",
            "goal": COMMIT_GOAL_S,
        },
        "setup": {"annotations": annotations, "drawn": drawn, "chapter_chars": len(text)},
    }


def table(result: dict[str, Any]) -> str:
    """The result as a small Markdown table."""
    opened, commit, setup = result["open_with"], result["commit"], result["setup"]
    with_s, without_s = statistics.median(opened["samples"]), statistics.median(opened["baseline"])
    ratio = with_s / without_s
    ordered = sorted(commit["samples"])
    median_ms = statistics.median(ordered) * 1000
    p95_ms = ordered[int(0.95 * (len(ordered) - 1))] * 1000
    open_ok = "✓" if ratio <= OPEN_RATIO_GOAL else "✗"
    commit_ok = "✓" if p95_ms / 1000 < COMMIT_GOAL_S else "✗"
    count = setup["annotations"]
    return "\n".join(
        [
            "| Measure | Value | Goal |",
            "|---|---|---|",
            f"| Open 1 MB chapter, no highlights | {without_s * 1000:.0f} ms | |",
            f"| Open 1 MB chapter, {count} highlights | {with_s * 1000:.0f} ms ({ratio:.2f}x)"
            f" | ≤ {OPEN_RATIO_GOAL}x {open_ok} |",
            f"| Highlight committed, median / p95 | {median_ms:.2f} / {p95_ms:.2f} ms"
            f" | < 10 ms {commit_ok} |",
            "",
            f"{setup['drawn']} highlights drawn; {setup['chapter_chars']:,} plain-text characters.",
        ]
    )


def main(argv: list[str]) -> int:
    """Run the benchmark and print its table."""
    count = int(argv[0]) if argv else 1000
    seed = int(argv[1]) if len(argv) > 1 else 1
    print(table(run(count, seed)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
