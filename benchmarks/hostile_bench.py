"""Hostile-input benchmark: time and peak memory of opening, checking and indexing chapters
built to hurt a reader, each step in a fresh process, against a budget.

`python -m benchmarks.hostile_bench [--quick] [--window] [--out DIR]` generates the cases
(every chapter of tests/hostile/library, a line of 10,000 "- ", a list indented 2,000
levels, 10,000 nested `<ul>`, an unclosed `<embed>`, twelve 8000x8000 PNGs in one chapter,
a 31 MB chapter of one section, which the library refuses as over its size limit, and one
just under that limit), runs each step in a subprocess that reports its own
time and peak resident memory, prints a table, writes hostile.md and hostile.json to
OUT (default bench-results/) and exits 1 when a step breaks the budget
(`BUDGET_SECONDS`, `BUDGET_MB`). `--window` adds `field-reader screenshot` of each case
(figures in view shown) and "figures": the window with every figure of the chapter shown.
Through `python -m benchmarks` it is the "hostile" group (`run`).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from reader.core.library import MAX_CHAPTER_BYTES

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "hostile" / "library"
SEED = REPO / "content" / "human-security.md"
BUDGET_SECONDS = 5.0
BUDGET_MB = 500.0
STEPS = ("open", "check", "index")
# Measured, not judged by time: figures arrive one by one while the reader already reads
# (a decode of an 8000x8000 PNG alone takes half a second); their memory is judged.
UNTIMED_STEPS = frozenset({"figures"})
QUERIES = ("human security", "poverty", "freedom from fear", "zanzibarite")
MB = 1024 * 1024


# -- the cases ----------------------------------------------------------------------------


def _png(width: int, height: int) -> bytes:
    """A solid-colour RGB PNG, compressed row by row (8000x8000 is a few hundred KB)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    packer = zlib.compressobj(9)
    row = b"\x00" + b"\x2a\x6f\xb4" * width
    data = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def _seed_body(flat: bool) -> str:
    body = SEED.read_text(encoding="utf-8").split("---\n", 2)[2]
    if not flat:
        return body
    return "".join(
        line.lstrip("#").lstrip() if line.startswith("#") else line
        for line in body.splitlines(keepends=True)
    )


def _write(root: Path, name: str, text: str) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, encoding="utf-8")


def _figures(root: Path, count: int, side: int) -> None:
    figures = root / "figures"
    figures.mkdir(parents=True)
    data = _png(side, side)
    for n in range(count):
        (figures / f"scan-{n:02d}.png").write_bytes(data)
    lines = [f"Figure {n}:\n\n![Scan {n}](figures/scan-{n:02d}.png)\n" for n in range(count)]
    _write(root, "figures.md", f"# {count} scans of {side}x{side}\n\n" + "\n".join(lines))


def _big(root: Path, size: int) -> None:
    filler = _seed_body(flat=True)
    repeats = max(1, size // len(filler.encode("utf-8")))
    text = (
        "---\ntitle: One endless section\n---\n\n# Endless\n\n"
        + filler * (repeats // 2)
        + "\n\nA rare word: zanzibarite.\n\n"
        + filler * (repeats - repeats // 2)
    )
    _write(root, "big.md", text)


@dataclass(frozen=True)
class Case:
    """One library to measure: a name, what it holds, and how to make it."""

    key: str
    label: str
    make: Callable[[Path], None]


def _copy(source: Path) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        root.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, root / source.name)

    return make


def _text(name: str, text: str) -> Callable[[Path], None]:
    return lambda root: _write(root, name, text)


def cases(quick: bool) -> list[Case]:
    """The cases of a run; --quick keeps two corpus chapters and makes the rest small."""
    found = [
        Case(f"corpus-{path.stem}", f"hostile/{path.name} ({path.stat().st_size:,} B)", _copy(path))
        for path in sorted(CORPUS.glob("*.md"))
        if not quick or path.name in ("list-bomb.md", "ul-bomb.md")
    ]
    side, count, big = (2000, 2, 1 * MB) if quick else (8000, 12, 31 * MB)
    # Just under the size limit (bigger files are refused by the library at once).
    largest = (MAX_CHAPTER_BYTES - 256 * 1024) if not quick else 2 * MB
    indented = "".join("  " * n + "- item\n" for n in range(2_000))
    embed = '# Embed\n\nBefore.\n\n<embed src="movie.swf" width="9999\n\n' + "After. " * 2_000
    found += [
        Case("dashes", '"- " x 10,000 on one line', _text("d.md", "# D\n\n" + "- " * 10_000)),
        Case("indented", "list indented 2,000 levels", _text("i.md", "# I\n\n" + indented)),
        Case("ul", "<ul> nested 10,000 deep", _text("u.md", "# U\n\n" + "<ul><li>" * 10_000)),
        Case("embed", "unclosed <embed>", _text("e.md", embed)),
        Case(
            "figures",
            f"{count} PNGs of {side}x{side}, one chapter",
            lambda r: _figures(r, count, side),
        ),
        Case("big", f"{big // MB} MB chapter, one section", lambda r: _big(r, big)),
        Case(
            "largest",
            f"{largest / MB:.1f} MB chapter, one section (the largest opened)",
            lambda r: _big(r, largest),
        ),
        Case("seed", "seed chapter (12 KB), for comparison", _copy(SEED)),
    ]
    return found


# -- one step, in its own process -----------------------------------------------------------


def _peak_mb() -> float:
    """This process's peak resident memory (VmHWM), in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def step(name: str, root: Path, data: Path) -> dict[str, Any]:
    """Run one step on the library at `root` (data folder `data`) and measure it."""
    from reader.core.document import load_document
    from reader.core.library_scan import load_library

    out: dict[str, Any] = {}
    started = time.perf_counter()
    if name == "open":
        library = load_library(root)
        for chapter in library.chapters:
            doc = load_document(chapter, library.root)
            out["chars"] = out.get("chars", 0) + len(doc.plain.text)
        out["chapters"] = len(library.chapters)
    elif name == "check":
        from reader.checks import check_library

        report = check_library(root)
        out["problems"] = sorted({p["kind"] for p in report["problems"]})
    elif name == "index":
        from reader.core.search import SearchIndex

        library = load_library(root)
        with SearchIndex.for_data_dir(data) as index:
            index.sync(library)
            out["seconds"] = time.perf_counter() - started
            times = []
            for query in QUERIES:
                begun = time.perf_counter()
                index.search(query)
                times.append(time.perf_counter() - begun)
            out["query_s"] = statistics.median(times)
            out["query_max_s"] = max(times)
            out["rows"] = index.counts()["sections"]
    elif name == "window":
        # The whole program: its own process, measured from here (rusage of children).
        import resource

        shot = data / "window.png"
        done = subprocess.run(
            [sys.executable, "-m", "reader", "screenshot", "--content", str(root),
             "--data-dir", str(data), str(shot)],
            capture_output=True, text=True, env=_env(), cwd=REPO, check=False,
        )  # fmt: skip
        out["exit"] = done.returncode
        out["seconds"] = time.perf_counter() - started
        out["peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        return out
    elif name == "figures":
        out.update(_all_figures_shown(root, data))
    else:
        raise ValueError(f"unknown step {name!r}")
    out.setdefault("seconds", time.perf_counter() - started)
    out["peak_mb"] = _peak_mb()
    return out


def _all_figures_shown(root: Path, data: Path) -> dict[str, Any]:
    """Open the real window offscreen, lay the whole chapter out and wait until every
    figure decoded on a worker is in it: the text's first paint and the last figure."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    started = time.perf_counter()
    from reader.ui.app import application, build_window

    app = application()
    window = build_window(root, data, read_only_settings=True)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    shown = time.perf_counter() - started
    view = window.view
    qdoc = view.document()
    # Qt lays a long page out lazily; every figure is asked for only once it is laid out.
    qdoc.documentLayout().blockBoundingRect(qdoc.lastBlock())
    view.figures.wait(in_view=False)
    out = {"shown_s": shown, "seconds": time.perf_counter() - started}
    window.close()
    return out


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


@dataclass
class Measured:
    """One step of one case: time and peak memory, or why it failed."""

    case: str
    label: str
    step: str
    seconds: float | None
    peak_mb: float | None
    detail: dict[str, Any]
    error: str = ""

    @property
    def within_budget(self) -> bool:
        """Whether the step finished, in time and memory."""
        return (
            not self.error
            and self.seconds is not None
            and (self.step in UNTIMED_STEPS or self.seconds <= BUDGET_SECONDS)
            and self.peak_mb is not None
            and self.peak_mb <= BUDGET_MB
        )


def measure(case: Case, name: str, root: Path, data: Path, timeout: float) -> Measured:
    """Run `step` in a fresh process and read what it printed."""
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir(parents=True)
    command = [
        sys.executable,
        "-m",
        "benchmarks.hostile_bench",
        "--step",
        name,
        str(root),
        str(data),
    ]
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            env=_env(),
            cwd=REPO,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return Measured(case.key, case.label, name, None, None, {}, f"no answer in {timeout:.0f} s")
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return Measured(case.key, case.label, name, None, None, {}, f"failed: {tail[:200]}")
    result = json.loads(lines[-1])
    seconds, peak = float(result.pop("seconds")), float(result.pop("peak_mb"))
    error = "the window exited with an error" if result.get("exit") else ""
    return Measured(case.key, case.label, name, seconds, peak, result, error)


def run_all(
    workdir: Path, quick: bool = False, window: bool = False, timeout: float = 600.0
) -> list[Measured]:
    """Generate every case under `workdir` and measure each step of each."""
    steps = (*STEPS, "window", "figures") if window else STEPS
    measured: list[Measured] = []
    for case in cases(quick):
        root = workdir / "cases" / case.key
        if not root.exists():
            case.make(root)
        for name in steps:
            found = measure(case, name, root, workdir / "data" / f"{case.key}-{name}", timeout)
            print(f"[hostile] {case.key} {name}: {_cell(found)}", file=sys.stderr, flush=True)
            measured.append(found)
    return measured


# -- output ---------------------------------------------------------------------------------


def _cell(found: Measured) -> str:
    if found.error:
        return f"**{found.error}**"
    text = f"{found.seconds:.2f} s, {found.peak_mb:.0f} MB"
    return text if found.within_budget else f"**{text}**"


def table(measured: list[Measured]) -> str:
    """The Markdown table: one row per case, one column per step, over-budget cells bold."""
    steps = list(dict.fromkeys(m.step for m in measured))
    rows: dict[str, dict[str, Measured]] = {}
    for found in measured:
        rows.setdefault(found.case, {})[found.step] = found
    lines = [
        "| case | " + " | ".join(steps) + " | search query (median) |",
        "|---|" + "---:|" * (len(steps) + 1),
    ]
    for by_step in rows.values():
        first = next(iter(by_step.values()))
        index = by_step.get("index")
        query = index.detail.get("query_s") if index is not None else None
        shown = "—" if query is None else f"{query * 1000:.1f} ms"
        cells = " | ".join(_cell(by_step[s]) if s in by_step else "—" for s in steps)
        lines.append(f"| {first.label} | {cells} | {shown} |")
    broken = [m for m in measured if not m.within_budget]
    lines.append("")
    budget = f"{BUDGET_SECONDS:g} s and {BUDGET_MB:g} MB per step"
    if "figures" in steps:
        budget += "; 'figures' (every figure shown, the text long since) only by memory"
    if broken:
        lines.append(f"Over the budget ({budget}): {len(broken)} of {len(measured)} steps.")
    else:
        lines.append(f"Every step is within the budget ({budget}).")
    return "\n".join(lines)


def query_ratio(measured: list[Measured]) -> float | None:
    """The largest chapter's median query time over the seed chapter's."""
    times = {m.case: m.detail.get("query_s") for m in measured if m.step == "index"}
    big, seed = times.get("largest"), times.get("seed")
    return big / seed if big and seed else None


def run(workdir: Path, quick: bool = False, window: bool = False) -> dict[str, Any]:
    """The harness's entry (`python -m benchmarks`): one row per step, budget as the goal."""
    measured = run_all(workdir, quick, window)
    returned: dict[str, Any] = {}
    for found in measured:
        if found.error or found.seconds is None or found.peak_mb is None:
            returned[f"{found.case}.{found.step}.error"] = found.error
            continue
        name = f"{found.label}: {found.step}"
        returned[f"{found.case}.{found.step}"] = {
            "samples": [found.seconds], "label": name, "goal": BUDGET_SECONDS,
        }  # fmt: skip
        returned[f"{found.case}.{found.step}.memory"] = {
            "samples": [found.peak_mb], "unit": "MB", "label": f"{name}, peak memory",
            "goal": BUDGET_MB,
        }  # fmt: skip
    ratio = query_ratio(measured)
    if ratio is not None:
        returned["query_ratio"] = {
            "samples": [ratio], "unit": "x",
            "label": "Search query, big chapter over seed chapter (median)",
        }  # fmt: skip
    return returned


def main(argv: list[str] | None = None) -> int:
    """Measure, print the table, write hostile.md and hostile.json; 1 when over budget."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.hostile_bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small cases (for tests)")
    parser.add_argument("--window", action="store_true", help="also time field-reader screenshot")
    parser.add_argument("--out", type=Path, default=REPO / "bench-results", help="results folder")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds before a step fails")
    parser.add_argument("--step", nargs=3, metavar=("STEP", "ROOT", "DATA"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.step:
        name, root, data = args.step
        print(json.dumps(step(name, Path(root), Path(data))))
        return 0
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="fr-hostile-") as folder:
        measured = run_all(Path(folder), args.quick, args.window, args.timeout)
    text = table(measured)
    ratio = query_ratio(measured)
    if ratio is not None:
        text += (
            f"\nA search query on the largest chapter takes {ratio:.1f}x the time on the "
            "seed chapter."
        )
    print(text)
    args.out.mkdir(parents=True, exist_ok=True)
    mode = "quick" if args.quick else "full"
    heading = f"# Hostile inputs ({mode}, {time.monotonic() - started:.0f} s)\n\n"
    (args.out / "hostile.md").write_text(heading + text + "\n", encoding="utf-8")
    report = {
        "quick": args.quick,
        "budget": {"seconds": BUDGET_SECONDS, "mb": BUDGET_MB},
        "query_ratio": ratio,
        "steps": [asdict(m) | {"within_budget": m.within_budget} for m in measured],
    }
    (args.out / "hostile.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0 if all(m.within_budget for m in measured) else 1


if __name__ == "__main__":
    sys.exit(main())
