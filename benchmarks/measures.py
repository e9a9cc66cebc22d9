"""In-process measurements, each group run in a fresh worker process by the harness.

`python -m benchmarks.measures GROUP CONFIG.json` runs one group (`switch`, `render`, or
`plugin:<name>` for a feature benchmark) and prints its results as the last line of output.
"""

from __future__ import annotations

import gc
import importlib
import inspect
import json
import math
import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import PLUGINS, Config, Goal, Result, from_plugin
from benchmarks.generate import (
    KB,
    SEED_CHAPTER_BYTES,
    chapter_markdown,
    write_chapter,
    write_single,
)

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "content" / "human-security.md"
WINDOW_SIZE = (1200, 820)
SWITCH_GOAL = Goal(0.100)
LINEAR_GOAL = Goal(1.15)  # growth exponent of the render cost: 1.0 is linear


def size_label(size: int) -> str:
    """A size in bytes as the table shows it (10 KB, 1 MB)."""
    return f"{size / (1024 * KB):g} MB" if size >= 1024 * KB else f"{size / KB:g} KB"


def _now() -> float:
    return time.perf_counter()


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = _now()
    value = fn()
    return _now() - start, value


# -- switching chapters -------------------------------------------------------------------


def switch_library(cfg: Config) -> Path:
    """The seed chapter and a few generated chapters of the seed's size."""
    root = cfg.workdir / "switch-library"
    if not root.is_dir():
        root.mkdir(parents=True)
        shutil.copy(SEED, root / SEED.name)
        for index in range(cfg.switch_chapters - 1):
            text, figures = chapter_markdown(
                cfg.seed, SEED_CHAPTER_BYTES, index=index, order=index + 1
            )
            write_chapter(root, text, figures, f"chapter-{index + 1:04d}.md")
    return root


def measure_switch(cfg: Config) -> list[Result]:
    """Open each chapter once (cold), then switch between them with everything cached (warm)."""
    from reader.ui.app import application, build_window

    app = application()
    data = cfg.workdir / "switch-data"
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir(parents=True)
    window = build_window(switch_library(cfg), data)
    window.resize(*WINDOW_SIZE)
    window.show()
    app.processEvents()
    slugs = [c.slug for c in window.library.chapters]

    def switch(slug: str) -> float:
        start = _now()
        window.open_chapter(slug, offset=0)
        app.processEvents()
        window.view.viewport().repaint()
        elapsed = _now() - start
        doc = window.current_document()
        if doc is None or doc.chapter.slug != slug:
            raise RuntimeError(f"switching to {slug} did not show it")
        return elapsed

    cold = [switch(slug) for slug in slugs[1:]]
    switch(slugs[0])
    warm = [switch(slug) for _ in range(cfg.runs) for slug in slugs[1:] + slugs[:1]]
    window.close()
    sizes = ", ".join(size_label(c.path.stat().st_size) for c in window.library.chapters)
    return [
        Result(
            "switch.warm",
            "Switch chapters, warm (seed-sized, HTML cached)",
            warm,
            goal=SWITCH_GOAL,
            note=f"chapters of {sizes}",
        ),
        Result(
            "switch.cold",
            "Switch chapters, first open (seed-sized, renders Markdown)",
            cold,
            note=f"chapters of {sizes}",
        ),
    ]


# -- rendering cost by size ---------------------------------------------------------------

STAGES = (
    ("read", "read file and front matter"),
    ("convert", "Markdown conversion"),
    ("sanitize", "sanitize and resolve images"),
    ("plain", "plain text"),
    ("qt_sethtml", "Qt setHtml (bare document)"),
    ("qt_layout", "Qt full layout (bare document)"),
    ("view_show", "viewer show_document"),
    ("view_layout", "viewer queued work and full layout"),
    ("view_paint", "viewer repaint"),
)
# The stages a reader waits for when a chapter opens for the first time.
OPEN_STAGES = ("read", "convert", "sanitize", "plain", "view_show", "view_layout", "view_paint")


def _render_once(root: Path, column: int) -> dict[str, float]:
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QApplication

    from reader.core import render
    from reader.core.document import ChapterDocument
    from reader.core.library_scan import read_chapter
    from reader.core.sanitize import sanitize_html
    from reader.ui.theme import LIGHT, body_font, chapter_stylesheet
    from reader.ui.viewer import ChapterView

    times: dict[str, float] = {}
    path = root / "big.md"
    times["read"], chapter = _timed(lambda: read_chapter(path, path.name))
    # The same steps as render.render_markdown, timed one by one.
    times["convert"], converted = _timed(lambda: render.convert(chapter.body))
    times["sanitize"], cleaned = _timed(lambda: sanitize_html(converted.html, root))
    rendered = render.finish(converted, cleaned)
    safe = rendered.html
    doc = ChapterDocument(chapter, rendered)
    times["plain"], _ = _timed(lambda: doc.plain)

    bare = QTextDocument()
    bare.setDefaultStyleSheet(chapter_stylesheet(LIGHT, 18))
    bare.setDefaultFont(body_font(18))
    bare.setDocumentMargin(0)
    times["qt_sethtml"], _ = _timed(lambda: bare.setHtml(safe))
    bare.setTextWidth(column)
    times["qt_layout"], _ = _timed(lambda: bare.documentLayout().documentSize())

    view = ChapterView()
    view.resize(WINDOW_SIZE[0] - 290, WINDOW_SIZE[1] - 60)
    view.show()
    QApplication.processEvents()  # exposed: repaint() paints only an exposed widget
    times["view_show"], _ = _timed(lambda: view.show_document(doc, LIGHT, 18))

    def finish() -> None:
        QApplication.processEvents()  # the viewer sizes images from a zero-time timer
        view.document().documentLayout().documentSize()

    times["view_layout"], _ = _timed(finish)
    times["view_paint"], _ = _timed(lambda: view.viewport().repaint())
    view.close()
    view.deleteLater()
    return times


def growth_exponent(sizes: list[int], times: list[float]) -> float:
    """The slope of log(time) against log(size): 1.0 is linear growth, 2.0 quadratic."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-9)) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    num = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    den = sum((x - mx) ** 2 for x in xs)
    return num / den if den else 0.0


def measure_render(cfg: Config) -> list[Result]:
    """Each stage of opening a generated chapter, at each size, `runs` times."""
    from PySide6.QtCore import QCoreApplication

    from reader.ui.app import application

    app = application()
    sizes = list(cfg.render_sizes)
    column = 850
    samples: dict[int, list[dict[str, float]]] = {}
    for size in sizes:
        root = cfg.workdir / f"render-{size}"
        if not (root / "big.md").is_file():
            write_single(root, size, cfg.seed)
        _render_once(root, column)  # warm-up: fonts, imports, file cache
        samples[size] = []
        for _ in range(cfg.runs):
            gc.collect()
            samples[size].append(_render_once(root, column))
            QCoreApplication.sendPostedEvents(None, 0)
            app.processEvents()
    results: list[Result] = []
    largest = sizes[-1]
    for size in sizes:
        actual = (cfg.workdir / f"render-{size}" / "big.md").stat().st_size
        for stage, name in STAGES:
            results.append(
                Result(
                    f"render.{stage}.{size}",
                    f"Render {size_label(size)}: {name}",
                    [run[stage] for run in samples[size]],
                    main=size == largest,
                    params={"size": size, "bytes": actual, "stage": stage},
                )
            )
        results.append(
            Result(
                f"render.open.{size}",
                f"Open a {size_label(size)} chapter, cold (all stages)",
                [sum(run[s] for s in OPEN_STAGES) for run in samples[size]],
                params={"size": size, "bytes": actual, "stage": "open"},
                note="read + convert + sanitize + plain text + viewer show, layout, paint",
            )
        )
    if len(sizes) > 1:
        exponents = [
            growth_exponent(sizes, [sum(samples[s][r][k] for k in OPEN_STAGES) for s in sizes])
            for r in range(cfg.runs)
        ]
        results.append(
            Result(
                "render.growth",
                f"Render cost growth exponent, {size_label(sizes[0])} to {size_label(largest)}",
                exponents,
                unit="x",
                goal=LINEAR_GOAL,
                note="slope of log(time) over log(size); 1.0 is linear",
            )
        )
    return results


# -- feature benchmarks -------------------------------------------------------------------


def measure_plugin(cfg: Config, name: str) -> tuple[list[Result], dict[str, Any]]:
    """Call a feature benchmark's `run()` with the arguments it accepts, repeated if it does not."""
    plugin = next(p for p in PLUGINS if p.name == name)
    run = importlib.import_module(plugin.module).run
    offered: dict[str, Any] = {
        "seed": cfg.seed,
        "runs": cfg.runs,
        "quick": cfg.quick,
        "workdir": cfg.workdir / f"plugin-{name}",
        **(plugin.quick if cfg.quick else plugin.full),
    }
    params = inspect.signature(run).parameters
    takes_any = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())
    kwargs = {k: v for k, v in offered.items() if takes_any or k in params}
    if "workdir" in kwargs:
        Path(kwargs["workdir"]).mkdir(parents=True, exist_ok=True)
    merged: dict[str, Result] = {}
    info: dict[str, Any] = {}
    for _ in range(1 if "runs" in kwargs else cfg.plugin_runs):
        results, extra = from_plugin(name, run(**kwargs))
        info.update(extra)
        for result in results:
            if result.key in merged:
                merged[result.key].samples.extend(result.samples)
                if result.baseline:
                    merged[result.key].baseline = (merged[result.key].baseline or []) + (
                        result.baseline
                    )
            else:
                merged[result.key] = result
    return list(merged.values()), {"arguments": {k: str(v) for k, v in kwargs.items()}, **info}


GROUPS: dict[str, Callable[[Config], list[Result]]] = {
    "switch": measure_switch,
    "render": measure_render,
}


def main(argv: list[str]) -> int:
    """Run group `argv[0]` with the configuration in file `argv[1]`; print the results."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    group, config_path = argv[0], Path(argv[1])
    cfg = Config.from_json(json.loads(config_path.read_text(encoding="utf-8")))
    info: dict[str, Any] = {}
    if group.startswith("plugin:"):
        results, info = measure_plugin(cfg, group.split(":", 1)[1])
    else:
        results = GROUPS[group](cfg)
    print(json.dumps({"results": [r.to_json() for r in results], "info": info}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
