"""Measure the frozen Field Reader against the bare PySide6 program, side by side.

    python packaging/measure.py [--build] [--runs 7] [--untrimmed] [--json OUT]

Builds what is missing (always with --build): the one-folder app and the bare
QTextBrowser baseline (packaging/baseline/bare_browser.py, frozen by the same spec with
the same Qt trimming), each with its .tar.gz. Then, on this machine and in one run:

- sizes: .tar.gz archive, one folder, and the folder by part (Qt, ICU, plugins, Python, ...);
- launch to first rendered chapter: from starting `field-reader` (opening its window on
  the bundled chapter, FIELD_READER_QUIT_AFTER_FIRST_PAINT) to the chapter's first paint,
  which the program reports on stderr with the time on the monotonic clock all processes
  share, on a kept data folder (a restart, as students start it every day; the warm-up
  run is the first start), against the baseline showing the same chapter HTML
  (`bare-browser --quit-after-paint`), offscreen, alternating, median of --runs;
- launch to exit: the same runs until the process has ended (the reader first installs
  the features it adds after the paint, then quits; the baseline quits at once);
- peak memory: the maximum resident set size of each run (wait4), median.

Prints a Markdown table and writes the figures as JSON (dist/measurements.json).
--untrimmed also freezes the baseline with PyInstaller's defaults, to show what the
trimming saves.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
sys.path.insert(0, str(ROOT / "packaging"))

import build as builder  # noqa: E402  (packaging/build.py)

SIZE = "1280x800"


# --- Sizes ---------------------------------------------------------------------------
def classify(rel: Path) -> str:
    """The part of the one-folder build a file belongs to."""
    parts = rel.parts
    name = rel.name
    if len(parts) == 1:
        return "executable (bootloader + Python modules)"
    inner = parts[1:]  # below _internal/
    if inner[0] in ("content", "resources"):
        return "content + resources"
    if inner[0] == "PySide6" and len(inner) > 2 and inner[1] == "Qt":
        if inner[2] == "plugins":
            return "Qt plugins"
        if name.startswith("libicu"):
            return "ICU (Qt's Unicode data)"
        return "Qt libraries"
    if inner[0] in ("PySide6", "shiboken6") or name.startswith(("libpyside6", "libshiboken6")):
        return "PySide6 bindings"
    if (
        name.startswith("libpython")
        or inner[0] in ("base_library.zip", "python3.11")
        or (inner[0].startswith("python3"))
    ):
        return "Python runtime"
    if len(inner) > 1:
        return "Python packages, compiled (" + inner[0] + ")"
    return "system libraries (X11, xcb, fontconfig, glib, dbus, ...)"


def folder_parts(folder: Path) -> dict[str, int]:
    """Bytes per part of a one-folder build (symbolic links count as nothing)."""
    parts: dict[str, int] = {}
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            key = classify(path.relative_to(folder))
            if key.startswith("Python packages, compiled"):
                key = "Python packages, compiled (rapidfuzz, yaml, ...)"
            parts[key] = parts.get(key, 0) + path.stat().st_size
    return dict(sorted(parts.items(), key=lambda item: -item[1]))


def python_modules(executable: Path) -> dict[str, int]:
    """Compressed bytes of the Python modules inside the executable: ours and the rest."""
    from PyInstaller.archive.readers import CArchiveReader

    pkg = CArchiveReader(str(executable))
    pyz_name = next(name for name, entry in pkg.toc.items() if entry[-1] == "z")
    pyz = pkg.open_embedded_archive(pyz_name)
    ours = sum(entry[2] for name, entry in pyz.toc.items() if name.split(".")[0] == "reader")
    total = sum(entry[2] for entry in pyz.toc.values())
    return {"reader package": ours, "other Python modules": total - ours}


# --- Runs ------------------------------------------------------------------------------
PAINT_LINE = "first paint at "


def timed_run(command: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """(seconds to the first paint, seconds to the exit, peak RSS in bytes) of one run,
    which must succeed and say when it painted (`first paint at <time.monotonic()>` on
    stderr: on Linux every process reads the same monotonic clock)."""
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.monotonic() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    err = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.returncode != 0:
        raise SystemExit(f"measure.py: {command[0]} failed ({process.returncode}):\n{err}")
    marks = [line for line in err.splitlines() if line.startswith(PAINT_LINE)]
    if not marks:
        raise SystemExit(f"measure.py: {command[0]} did not say when it painted:\n{err}")
    painted = float(marks[0][len(PAINT_LINE) :]) - started
    # ru_maxrss is in kilobytes on Linux and bytes on macOS; wait4 covers the whole
    # process tree it reaped (the one-file build's unpacking parent and its child).
    return painted, elapsed, usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)


def chapter_html(work: Path) -> Path:
    """The bundled chapter as the app renders it, for the baseline to show."""
    from reader.core.library_scan import load_library
    from reader.core.render import render_markdown
    from reader.paths import bundled_content_dir

    library = load_library(bundled_content_dir())
    chapter = library.chapters[0]
    out = work / "chapter.html"
    out.write_text(render_markdown(chapter.body, library.root).html, encoding="utf-8")
    return out


def run_benchmark(commands: dict[str, list[str]], env: dict[str, str], runs: int) -> dict:
    """Alternate the commands `runs` times after one warm-up each; medians and ranges."""
    samples: dict[str, list[tuple[float, float, int]]] = {name: [] for name in commands}
    for command in commands.values():
        timed_run(command, env)  # warm the file cache
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(timed_run(command, env))
    result = {}
    for name, values in samples.items():
        times = [t for t, _, _ in values]
        exits = [e for _, e, _ in values]
        rss = [m for _, _, m in values]
        result[name] = {
            "time_median_s": statistics.median(times),
            "time_min_s": min(times),
            "time_max_s": max(times),
            "exit_median_s": statistics.median(exits),
            "peak_rss_median_bytes": statistics.median(rss),
            "runs": runs,
        }
    return result


# --- Report ------------------------------------------------------------------------------
def mb(value: float) -> str:
    return f"{value / 1e6:.1f} MB"


def table(figures: dict) -> str:
    """The side-by-side Markdown table."""
    app, base = figures["app"], figures["baseline"]
    untrimmed = figures.get("baseline_untrimmed")
    head = "| | Field Reader | bare PySide6 QTextBrowser | ratio | goal |"
    rule = "|---|---:|---:|---:|---|"
    if untrimmed:
        head += " bare program, PyInstaller defaults |"
        rule += "---:|"

    def row(label: str, a: float, b: float, fmt, goal: str, extra: float | None = None) -> str:
        line = f"| {label} | {fmt(a)} | {fmt(b)} | {a / b:.2f}x | {goal} |"
        if untrimmed:
            line += f" {fmt(extra) if extra is not None else '-'} |"
        return line

    def sec(value: float) -> str:
        return f"{value:.2f} s"

    lines = [head, rule]
    lines.append(
        row(
            "archive (.tar.gz)",
            app["archive_bytes"],
            base["archive_bytes"],
            mb,
            "<= 1.15x",
            untrimmed and untrimmed["archive_bytes"],
        )
    )
    lines.append(
        row(
            "one folder",
            app["folder_bytes"],
            base["folder_bytes"],
            mb,
            "",
            untrimmed and untrimmed["folder_bytes"],
        )
    )
    lines.append(
        row(
            "launch to first rendered chapter (median)",
            app["time_median_s"],
            base["time_median_s"],
            sec,
            "<= 1.5x",
            untrimmed and untrimmed.get("time_median_s"),
        )
    )
    lines.append(
        row(
            "launch to exit, quitting after the paint (median)",
            app["exit_median_s"],
            base["exit_median_s"],
            sec,
            "",
            untrimmed and untrimmed.get("exit_median_s"),
        )
    )
    lines.append(
        row(
            "peak memory (max RSS, median)",
            app["peak_rss_median_bytes"],
            base["peak_rss_median_bytes"],
            mb,
            "",
            untrimmed and untrimmed.get("peak_rss_median_bytes"),
        )
    )
    out = "\n".join(lines)
    out += "\n\nOne folder by part:\n\n| part | Field Reader | bare program |\n|---|---:|---:|\n"
    keys = list(app["parts"]) + [k for k in base["parts"] if k not in app["parts"]]
    for key in keys:
        out += f"| {key} | {mb(app['parts'].get(key, 0))} | {mb(base['parts'].get(key, 0))} |\n"
    mods = app["python_modules_compressed"]
    out += (
        f"\nInside the executable: the reader package {mb(mods['reader package'])}, other "
        f"Python modules {mb(mods['other Python modules'])} (compressed)."
    )
    return out


def main(argv: list[str] | None = None) -> int:
    """Build what is missing, measure, print the table and write the JSON."""
    parser = argparse.ArgumentParser(prog="measure.py", description=__doc__.split("\n")[0])
    parser.add_argument("--build", action="store_true", help="rebuild everything first")
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each (default 7)")
    parser.add_argument(
        "--untrimmed",
        action="store_true",
        help="also measure the bare program frozen with PyInstaller's defaults",
    )
    parser.add_argument("--json", type=Path, default=DIST / "measurements.json")
    args = parser.parse_args(argv)

    tag = builder.platform_tag()
    variants = {
        "app": (
            dict(baseline=False, no_trim=False),
            DIST / "field-reader",
            DIST / f"field-reader-{builder.version()}-{tag}.tar.gz",
        ),
        "baseline": (
            dict(baseline=True, no_trim=False),
            DIST / "baseline" / "bare-browser",
            DIST / "baseline" / f"bare-browser-{tag}.tar.gz",
        ),
    }
    if args.untrimmed:
        variants["baseline_untrimmed"] = (
            dict(baseline=True, no_trim=True),
            DIST / "baseline-untrimmed" / "bare-browser",
            DIST / "baseline-untrimmed" / f"bare-browser-{tag}.tar.gz",
        )
    figures: dict = {"machine": f"{platform.platform()}, {os.cpu_count()} CPUs", "runs": args.runs}
    for name, (options, folder, packed) in variants.items():
        if args.build or not folder.exists() or not packed.exists():
            builder.build(onefile=False, make_archive=True, **options)
        exe = folder / folder.name
        figures[name] = {
            "folder_bytes": builder.tree_size(folder),
            "archive_bytes": packed.stat().st_size,
            "parts": folder_parts(folder),
            "python_modules_compressed": python_modules(exe),
        }

    with tempfile.TemporaryDirectory(prefix="field-reader-measure-") as tmp:
        work = Path(tmp)
        env = builder.isolated_env(work)
        html = chapter_html(work)
        env["FIELD_READER_QUIT_AFTER_FIRST_PAINT"] = "1"
        commands = {
            "app": [str(DIST / "field-reader" / "field-reader"), "--data-dir", str(work / "data")],
        }
        for name in variants:
            if name != "app":
                commands[name] = [
                    str(variants[name][1] / "bare-browser"),
                    "--quit-after-paint",
                    "--html",
                    str(html),
                    "--size",
                    SIZE,
                ]
        for name, values in run_benchmark(commands, env, args.runs).items():
            figures[name].update(values)

    text = table(figures)
    print(f"Measured on {figures['machine']}, {args.runs} runs each after a warm-up:\n")
    print(text)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"\nmeasure.py: figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
