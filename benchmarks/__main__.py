"""`python -m benchmarks`: measure Field Reader against the bare-PySide6 floor, side by side.

Start-up and memory are measured as whole processes (the reader's real window against
`benchmarks.baseline`, interleaved, after one unrecorded warm-up of each); everything
else runs in a fresh worker process per group (`benchmarks.measures`). Writes
`results.md` (the table) and `results.json` (every raw figure) to `--out`.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks import PLUGINS, Config, Goal, Result, format_value
from benchmarks.generate import KB, write_library, write_single
from benchmarks.measures import REPO, SEED, STAGES, size_label

STARTUP_GOAL = Goal(1.5, "ratio")
MEMORY_GOAL = Goal(1.3, "ratio")
BUILTIN_GROUPS = ("startup", "switch", "render")
# The measured programs run as plain scripts, so that they do not import this package.
HERE = Path(__file__).resolve().parent


def log(message: str) -> None:
    """Progress on stderr, so that stdout stays the table."""
    print(f"[benchmarks] {message}", file=sys.stderr, flush=True)


def child_env() -> dict[str, str]:
    """The environment of every measured process: offscreen Qt, this checkout importable."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    # An installed reader runs from compiled bytecode (pip and PyInstaller write it);
    # without this the reader's own modules would be compiled again at every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


@dataclass(frozen=True)
class ChildRun:
    """One measured process: its marks, timed from just before it started, and its peak memory."""

    marks: dict[str, float]
    wall: float
    peak_mb: float | None
    output: dict[str, Any]


def run_child(args: list[str]) -> ChildRun:
    """Run `python ARGS...`, timing it from just before the start; read its peak memory."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, *args], stdout=out, stderr=err, env=child_env(), cwd=REPO
        )
        proc.wait()
        wall = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    lines = [line for line in stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(
            f"`python {' '.join(args)}` failed ({proc.returncode}):\n{stdout}\n{stderr}"
        )
    output = json.loads(lines[-1])
    marks = {k: v - start for k, v in output.get("marks", {}).items()}
    # The child reads its own peak (VmHWM) after painting: on Linux the rusage of a child
    # includes the peak of the process it was started from (this harness).
    peak_kb = output.get("peak_kb")
    return ChildRun(marks, wall, peak_kb / 1024 if peak_kb else None, output)


# -- start-up and memory ------------------------------------------------------------------


@dataclass(frozen=True)
class Startup:
    """A start-up case: a library whose first chapter the reader opens, and that HTML."""

    key: str
    label: str
    library: Path
    html: Path
    slug: str


def prepare_startup(cfg: Config) -> list[Startup]:
    """Generate the libraries and render the HTML each baseline shows."""
    from reader.core.library_scan import load_library
    from reader.core.render import render_markdown

    cases = []
    specs: list[tuple[str, str, Callable[[Path], object]]] = [
        ("seed", "seed chapter (12 KB)", lambda root: shutil.copy(SEED, root / SEED.name)),
        (
            "large",
            f"{size_label(cfg.large_bytes)} chapter",
            lambda root: write_single(root, cfg.large_bytes, cfg.seed),
        ),
        (
            "library",
            f"library of {cfg.library_chapters:,} chapters",
            lambda root: write_library(root, cfg.library_chapters, cfg.seed),
        ),
    ]
    if cfg.big_chapters:
        specs.append(
            (
                "big",
                f"library of {cfg.big_chapters:,} chapters",
                lambda root: write_library(root, cfg.big_chapters, cfg.seed),
            )
        )
    for key, label, make in specs:
        root = cfg.workdir / f"startup-{key}"
        if not root.is_dir():
            root.mkdir(parents=True)
            make(root)
        library = load_library(root)
        first = library.chapters[0]
        html = cfg.workdir / f"startup-{key}.html"
        html.write_text(render_markdown(first.body, library.root).html, encoding="utf-8")
        cases.append(Startup(key, label, root, html, first.slug))
    return cases


def measure_startup(cfg: Config) -> list[Result]:
    """Start-up to the first painted chapter and peak memory: the reader against the floor."""
    cases = prepare_startup(cfg)
    app_runs: dict[str, list[ChildRun]] = {c.key: [] for c in cases}
    base_runs: dict[str, list[ChildRun]] = {c.key: [] for c in cases}
    first_runs: dict[str, ChildRun] = {}
    # Run 0 is the reader's first start ever (empty data folder, cold file cache); it is
    # reported on its own. The recorded runs are restarts on the same data folder, the
    # way a student opens the reader every day (settings and render cache in place).
    for run in range(cfg.runs + 1):
        for case in cases:
            data = cfg.workdir / f"startup-data-{case.key}"
            base = run_child([str(HERE / "baseline.py"), str(case.html)])
            app = run_child(
                [
                    str(HERE / "probe_app.py"),
                    "--content",
                    str(case.library),
                    "--data-dir",
                    str(data),
                ]
            )
            if app.output.get("chapter") != case.slug:
                raise RuntimeError(
                    f"the reader opened {app.output.get('chapter')}, not {case.slug}"
                )
            if run:
                base_runs[case.key].append(base)
                app_runs[case.key].append(app)
            else:
                first_runs[case.key] = app
        log(f"start-up run {run}/{cfg.runs} done")
    for case in cases:
        shutil.rmtree(cfg.workdir / f"startup-data-{case.key}", ignore_errors=True)
    results: list[Result] = []
    for case in cases:
        results.append(
            Result(
                f"startup.first.{case.key}",
                f"First start ever (empty data folder), {case.label}",
                [first_runs[case.key].marks["painted"]],
                note="one sample: renders the Markdown, creates the notes database",
            )
        )
    for case in cases:
        apps, bases = app_runs[case.key], base_runs[case.key]
        results.append(
            Result(
                f"startup.{case.key}",
                f"Start-up to first paint (restart), {case.label}",
                [r.marks["painted"] for r in apps],
                baseline=[r.marks["painted"] for r in bases],
                goal=STARTUP_GOAL,
                note="from process start to the chapter's first paint",
            )
        )
    for case in cases:
        apps, bases = app_runs[case.key], base_runs[case.key]
        if all(r.peak_mb is not None for r in apps + bases):
            results.append(
                Result(
                    f"memory.{case.key}",
                    f"Peak memory at start-up, {case.label}",
                    [float(r.peak_mb or 0) for r in apps],
                    unit="MB",
                    baseline=[float(r.peak_mb or 0) for r in bases],
                    goal=MEMORY_GOAL,
                    note="peak resident set size of the process",
                )
            )
    for case in cases:
        apps, bases = app_runs[case.key], base_runs[case.key]
        for mark in ("imported", "app", "window", "shown", "painted"):
            if mark not in apps[0].marks:
                continue
            floor = [r.marks[mark] for r in bases] if mark in bases[0].marks else None
            results.append(
                Result(
                    f"startup.{case.key}.{mark}",
                    f"{case.label}: {mark}",
                    [r.marks[mark] for r in apps],
                    baseline=floor,
                    main=False,
                    params={"case": case.key, "mark": mark},
                )
            )
        results.append(
            Result(
                f"startup.{case.key}.exit",
                f"{case.label}: process exit",
                [r.wall for r in apps],
                baseline=[r.wall for r in bases],
                main=False,
                params={"case": case.key, "mark": "exit"},
            )
        )
    return results


def run_worker(group: str, cfg: Config) -> tuple[list[Result], dict[str, Any]]:
    """Run an in-process group in a fresh worker process and read its results."""
    config_file = cfg.workdir / "config.json"
    config_file.write_text(json.dumps(cfg.to_json()), encoding="utf-8")
    child = run_child(["-m", "benchmarks.measures", group, str(config_file)])
    results = [Result.from_json(r) for r in child.output["results"]]
    return results, dict(child.output.get("info") or {})


# -- machine and output -------------------------------------------------------------------


def machine() -> dict[str, Any]:
    """The machine the run measured: CPU, cores, memory, OS, Python, Qt and library versions."""
    from importlib.metadata import PackageNotFoundError, version

    cpu = platform.processor() or platform.machine()
    memory_gb: float | None = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_gb = round(int(line.split()[1]) / (1024 * 1024), 1)
                break
    except OSError:
        pass
    versions: dict[str, str] = {}
    packages = ("PySide6-Essentials", "markdown-it-py", "nh3", "python-frontmatter", "field-reader")
    for package in packages:
        try:
            versions[package] = version(package)
        except PackageNotFoundError:
            versions[package] = "-"
    from PySide6 import QtCore

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": memory_gb,
        "os": platform.platform(),
        "python": platform.python_version(),
        "qt": QtCore.qVersion(),
        "packages": versions,
    }


def machine_line(info: dict[str, Any]) -> str:
    """The machine in one line."""
    return (
        f"{info['cpu']}, {info['cores']} cores, {info['memory_gb']} GB; {info['os']}; "
        f"Python {info['python']}, Qt {info['qt']} "
        f"(PySide6 {info['packages'].get('PySide6-Essentials')}), "
        f"markdown-it-py {info['packages'].get('markdown-it-py')}, "
        f"nh3 {info['packages'].get('nh3')}"
    )


def _cell(result: Result, value: float | None) -> str:
    return "—" if value is None else format_value(value, result.unit)


def main_table(results: list[Result]) -> list[str]:
    """The main table, one row per measurement."""
    lines = [
        "| measurement | median | min | max | baseline median | ratio | goal | met? |",
        "|---|---:|---:|---:|---:|---:|---|---|",
    ]
    for r in results:
        if not r.main:
            continue
        ratio = "—" if r.ratio is None else f"{r.ratio:.2f}×"  # noqa: RUF001
        met = {True: "yes", False: "**no**", None: "—"}[r.met]
        lines.append(
            f"| {r.label} | {_cell(r, r.median)} | {_cell(r, min(r.samples))} | "
            f"{_cell(r, max(r.samples))} | {_cell(r, r.baseline_median)} | {ratio} | "
            f"{r.goal.text(r.unit) if r.goal else '—'} | {met} |"
        )
    return lines


def render_table(results: list[Result]) -> list[str]:
    """Median cost of each stage of opening a chapter, one column per size."""
    by_key = {r.key: r for r in results}
    sizes = sorted({int(r.params["size"]) for r in results if r.key.startswith("render.open.")})
    if not sizes:
        return []
    lines = [
        "| stage | " + " | ".join(size_label(s) for s in sizes) + " |",
        "|---|" + "---:|" * len(sizes),
    ]
    for stage, name in (*STAGES, ("open", "**open, cold (sum)**")):
        cells = []
        for size in sizes:
            r = by_key.get(f"render.{stage}.{size}")
            cells.append(format_value(r.median, "s") if r else "—")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def phase_table(results: list[Result]) -> list[str]:
    """Median time from process start to each start-up mark, reader and baseline."""
    rows = [r for r in results if r.key.startswith("startup.") and "mark" in r.params]
    if not rows:
        return []
    lines = [
        "| case: mark | Field Reader | baseline |",
        "|---|---:|---:|",
    ]
    for r in rows:
        lines.append(f"| {r.label} | {_cell(r, r.median)} | {_cell(r, r.baseline_median)} |")
    return lines


def steadier_ratios(result: Result) -> tuple[float, float] | None:
    """Two ratios less moved by a shared machine's load than the median's: the best run
    over the baseline's best (as `timeit` advises: slower runs are other processes'
    doing), and the median of each run over the baseline run made just before it (the
    harness alternates them, so a burst of load weighs on both)."""
    if not result.baseline or len(result.baseline) != len(result.samples):
        return None
    best = min(result.samples) / min(result.baseline)
    paired = statistics.median(a / b for a, b in zip(result.samples, result.baseline, strict=True))
    return best, paired


def steadier_table(results: list[Result]) -> list[str]:
    """The ratio rows again, with their best-run and paired ratios (the goal stays the
    median's)."""
    rows = [(r, steadier_ratios(r)) for r in results if r.main and r.ratio is not None]
    if not any(ratios for _, ratios in rows):
        return []
    lines = [
        "| measurement | ratio of medians | best over best | median of pairs |",
        "|---|---:|---:|---:|",
    ]
    for r, ratios in rows:
        if ratios is not None and r.ratio is not None:
            best, paired = ratios
            lines.append(f"| {r.label} | {r.ratio:.2f}× | {best:.2f}× | {paired:.2f}× |")  # noqa: RUF001
    return lines


def markdown(report: dict[str, Any], results: list[Result]) -> str:
    """results.md: the table, the machine, how to rerun, and the details."""
    missed = [r.label for r in results if r.met is False]
    out = [
        "# Field Reader benchmarks",
        "",
        f"Run {report['finished']} on {machine_line(report['machine'])}.",
        f"Command: `{report['command']}` ({report['duration_s']:.0f} s, "
        f"{report['config']['runs']} runs per measurement; quick={report['config']['quick']}).",
        "Ratios compare medians with the bare-PySide6 baseline measured in the same run.",
        "",
        *main_table(results),
        "",
        ("Goals missed: " + "; ".join(missed) + ".") if missed else "Every goal is met.",
    ]
    steadier = steadier_table(results)
    if steadier:
        out += ["", "## The same ratios, steadier under load", "", *steadier]
    render = render_table(results)
    if render:
        out += ["", "## Cost of opening a chapter, by stage and size (median)", "", *render]
    phases = phase_table(results)
    if phases:
        out += ["", "## Start-up: time from process start to each step (median)", "", *phases]
    if report["plugins_missing"]:
        out += [
            "",
            "Feature benchmarks not available yet: " + ", ".join(report["plugins_missing"]) + ".",
        ]
    return "\n".join(out) + "\n"


# -- command line -------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The benchmark command's options."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measure Field Reader against a bare PySide6 program, side by side.",
    )
    parser.add_argument(
        "--quick", action="store_true", help="a tiny configuration (for tests; under a minute)"
    )
    parser.add_argument("--runs", type=int, help="repetitions per measurement (default 5; 2 quick)")
    parser.add_argument(
        "--out",
        type=Path,
        default=REPO / "bench-results",
        help="folder for results.md and results.json (default: bench-results/)",
    )
    names = ", ".join((*BUILTIN_GROUPS, *(p.name for p in PLUGINS)))
    parser.add_argument("--only", metavar="NAME,...", help=f"run only these groups: {names}")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated inputs")
    parser.add_argument(
        "--keep-inputs", action="store_true", help="keep the generated inputs in OUT/inputs"
    )
    return parser


def make_config(args: argparse.Namespace, workdir: Path) -> Config:
    """The configuration for --quick or a full run."""
    runs = args.runs or (2 if args.quick else 5)
    if runs < 1:
        raise SystemExit("--runs must be at least 1")
    cfg = Config(
        workdir=workdir,
        runs=runs,
        quick=args.quick,
        seed=args.seed,
        plugin_runs=1 if args.quick else min(runs, 3),
    )
    if args.quick:
        cfg = replace(
            cfg,
            large_bytes=100 * KB,
            render_sizes=(10 * KB, 100 * KB),
            library_chapters=20,
            big_chapters=0,
            switch_chapters=3,
        )
    return cfg


def plugin_available(module: str) -> bool:
    """Whether a feature benchmark's module exists (without importing it)."""
    try:
        return importlib.util.find_spec(module) is not None
    except ImportError:
        return False


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks and write results.md and results.json."""
    args = build_parser().parse_args(argv)
    plugins = [p for p in PLUGINS if plugin_available(p.module)]
    missing = [p.name for p in PLUGINS if p not in plugins]
    groups = [*BUILTIN_GROUPS, *(p.name for p in plugins)]
    if args.only:
        wanted = [name.strip() for name in args.only.split(",") if name.strip()]
        unknown = [n for n in wanted if n not in groups and n not in {p.name for p in PLUGINS}]
        if unknown:
            raise SystemExit(f"unknown group(s) {', '.join(unknown)}; choose from {groups}")
        groups = [g for g in groups if g in wanted]
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    workdir = out / "inputs" if args.keep_inputs else Path(tempfile.mkdtemp(prefix="fr-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    cfg = make_config(args, workdir)
    started = time.monotonic()
    results: list[Result] = []
    info: dict[str, Any] = {}
    try:
        for group in groups:
            log(f"{group} ...")
            t0 = time.monotonic()
            if group == "startup":
                results += measure_startup(cfg)
            elif group in BUILTIN_GROUPS:
                results += run_worker(group, cfg)[0]
            else:
                found, info[group] = run_worker(f"plugin:{group}", cfg)
                results += found
            log(f"{group} done in {time.monotonic() - t0:.1f} s")
    finally:
        if not args.keep_inputs:
            shutil.rmtree(workdir, ignore_errors=True)
    report: dict[str, Any] = {
        "command": " ".join(
            ["python -m benchmarks", *(argv if argv is not None else sys.argv[1:])]
        ),
        "finished": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "duration_s": time.monotonic() - started,
        "machine": machine(),
        "config": cfg.to_json(),
        "plugins_missing": missing,
        "plugin_info": info,
        "results": [r.to_json() for r in results],
        "summary": {r.key: statistics.median(r.samples) for r in results},
    }
    (out / "results.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    text = markdown(report, results)
    (out / "results.md").write_text(text, encoding="utf-8")
    print(text)
    log(f"wrote {out / 'results.md'} and {out / 'results.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
