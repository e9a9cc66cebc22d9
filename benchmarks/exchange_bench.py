"""Notes exchange benchmark: export and import of 10,000 annotations.

Run `python -m benchmarks.exchange_bench [COUNT] [SEED]`; it prints a Markdown table.
The library is 20 generated chapters of about the seed chapter's size, each with an
equal share of the highlights (some with notes). Export times include rendering each
chapter and re-anchoring every highlight in it, as File > Export Notes… does; import is
parsing and validating the JSON, anchoring, and the one merge transaction into an empty
notes database (synchronous=FULL).
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks.generate import annotation_set, write_library

CHAPTERS = 20
GOAL_S = 2.0


def run(annotations: int = 10000, seed: int = 1) -> dict[str, Any]:
    """Time exporting `annotations` highlights (JSON, Markdown, HTML) and importing the JSON.

    The result is in the form `python -m benchmarks` reads: one entry per timing (with
    its label and goal) and a `setup` entry of information.
    """
    count = annotations
    from reader.core.document import load_document
    from reader.core.exchange import export
    from reader.core.importing import import_into, parse_w3c
    from reader.core.library_scan import load_library
    from reader.core.notes import Annotation, format_timestamp
    from reader.storage.annotations import AnnotationStore
    from reader.storage.db import Database

    with tempfile.TemporaryDirectory(prefix="exchange-bench-") as tmp:
        root = write_library(Path(tmp) / "library", CHAPTERS, seed)
        library = load_library(root)
        base = datetime(2024, 5, 1, tzinfo=UTC)
        records: list[Annotation] = []
        per_chapter = [count // CHAPTERS + (i < count % CHAPTERS) for i in range(CHAPTERS)]
        for chapter, share in zip(library.chapters, per_chapter, strict=False):
            text = load_document(chapter, library.root).plain.text
            for spec in annotation_set(text, share, seed):
                stamp = format_timestamp(base + timedelta(seconds=len(records)))
                records.append(spec.annotation(chapter.slug, stamp))
        timings: dict[str, float] = {}
        with Database(Path(tmp) / "source.sqlite3") as db:
            store = AnnotationStore(db)
            store.merge(records)
            stored = store.all_including_tombstones()
            texts: dict[str, str] = {}
            for fmt in ("json", "md", "html"):
                started = time.perf_counter()
                texts[fmt] = export(store.all_including_tombstones(), library, fmt)
                timings[f"export_{fmt}"] = time.perf_counter() - started
        with Database(Path(tmp) / "target.sqlite3") as db:
            store = AnnotationStore(db)
            started = time.perf_counter()
            summary = import_into(store, library, parse_w3c(texts["json"]))
            timings["import_json"] = time.perf_counter() - started
            identical = store.all_including_tombstones() == stored
            started = time.perf_counter()
            again = import_into(store, library, parse_w3c(texts["json"]))
            timings["reimport_json"] = time.perf_counter() - started
    labels = {
        "export_json": "Export {n} annotations as W3C JSON",
        "export_md": "Export {n} annotations as Markdown",
        "export_html": "Export {n} annotations as HTML",
        "import_json": "Import {n} annotations (empty notes)",
        "reimport_json": "Import the same {n} again (all unchanged)",
    }
    result: dict[str, Any] = {
        name: {
            "samples": [seconds],
            "label": labels[name].format(n=f"{len(records):,}"),
            "goal": GOAL_S,
        }
        for name, seconds in timings.items()
    }
    result["setup"] = {
        "count": len(records),
        "seed": seed,
        "chapters": CHAPTERS,
        "json_bytes": len(texts["json"].encode("utf-8")),
        "added": summary.added,
        "unchanged_on_reimport": again.unchanged,
        "identical": identical,
    }
    return result


def format_table(result: dict[str, Any]) -> str:
    """The result as a Markdown table with the goal for each timing."""
    setup = result["setup"]
    lines = [
        f"Notes exchange: {setup['count']:,} annotations in {setup['chapters']} chapters "
        f"(seed {setup['seed']}, JSON {setup['json_bytes'] / 1e6:.1f} MB)",
        "",
        "| measure | seconds | goal | ok |",
        "|---|---:|---:|:-:|",
    ]
    for name, entry in result.items():
        if name == "setup":
            continue
        seconds = entry["samples"][0]
        ok = "yes" if seconds < entry["goal"] else "NO"
        lines.append(f"| {entry['label']} | {seconds:.3f} | < {entry['goal']:.0f} | {ok} |")
    lines += [
        "",
        f"Round trip identical: {'yes' if setup['identical'] else 'NO'}; "
        f"re-import unchanged: {setup['unchanged_on_reimport']:,}.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    print(format_table(run(*args)))
