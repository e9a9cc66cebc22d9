"""The benchmark command runs end to end in its tiny configuration (timings are not judged)."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from benchmarks import from_plugin
from benchmarks.generate import chapter_markdown, png_bytes

REPO = Path(__file__).resolve().parent.parent


def test_quick_run_writes_the_table_and_the_raw_figures(tmp_path: Path) -> None:
    """`python -m benchmarks --quick` writes results.md and results.json with every measurement."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    out = tmp_path / "results"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--runs", "1", "--out", str(out)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]

    report = json.loads((out / "results.json").read_text(encoding="utf-8"))
    keys = {r["key"] for r in report["results"]}
    expected = {
        "startup.seed",
        "startup.large",
        "startup.library",
        "memory.seed",
        "memory.large",
        "switch.warm",
        "switch.cold",
        "render.convert.102400",
        "render.view_show.102400",
        "render.open.10240",
        "render.open.102400",
        "render.growth",
    }
    assert expected <= keys
    for result in report["results"]:
        assert result["samples"], result["key"]
        assert result["min"] <= result["median"] <= result["max"]
    assert report["machine"]["cpu"] and report["machine"]["qt"]
    startup = next(r for r in report["results"] if r["key"] == "startup.seed")
    assert startup["baseline"] and startup["ratio"] is not None

    table = (out / "results.md").read_text(encoding="utf-8")
    assert "| measurement | median | min | max | baseline median | ratio | goal | met? |" in table
    assert "Start-up to first paint (restart), seed chapter" in table
    assert "First start ever (empty data folder), seed chapter" in table
    assert "Switch chapters, warm" in table
    assert report["machine"]["cpu"] in table


def test_generated_inputs_are_deterministic() -> None:
    """The same seed and size give the same chapter; sizes are honoured."""
    first, figures = chapter_markdown(7, 20_000, index=3)
    again, _ = chapter_markdown(7, 20_000, index=3)
    other, _ = chapter_markdown(8, 20_000, index=3)
    assert first == again != other
    assert 20_000 <= len(first.encode()) < 24_000
    assert first.startswith("---\ntitle: ")
    assert any(f.present for f in figures) and any(not f.present for f in figures)


def test_png_writer_makes_a_valid_png() -> None:
    """The pure-Python PNG has the signature, the size asked for and a sound IDAT."""
    data = png_bytes(4, 3)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (4, 3)
    start = data.index(b"IDAT") + 4
    length = struct.unpack(">I", data[start - 8 : start - 4])[0]
    assert len(zlib.decompress(data[start : start + length])) == 3 * (1 + 4 * 3)


def test_feature_benchmark_results_become_rows() -> None:
    """A feature benchmark's dict turns into rows; non-numeric entries are kept as information."""
    results, info = from_plugin(
        "search",
        {
            "build": {"samples": [1.0, 2.0], "label": "Build", "goal": 10.0},
            "restart": 0.01,
            "setup": {"chapters": 10},
        },
    )
    assert [r.key for r in results] == ["search.build", "search.restart"]
    assert results[0].met is True and results[0].median == 1.5
    assert info == {"setup": {"chapters": 10}}


def test_hostile_benchmark_quick_run_measures_every_case_within_budget(tmp_path: Path) -> None:
    """`python -m benchmarks.hostile_bench --quick` times each step of each case in its own
    process, prints the table and writes hostile.md and hostile.json."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    out = tmp_path / "results"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.hostile_bench", "--quick", "--out", str(out)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    assert "| case | open | check | index | search query (median) |" in done.stdout
    assert "Every step is within the budget (5 s and 500 MB per step)." in done.stdout
    report = json.loads((out / "hostile.json").read_text(encoding="utf-8"))
    steps = {(s["case"], s["step"]) for s in report["steps"]}
    for case in ("corpus-list-bomb", "dashes", "indented", "ul", "embed", "figures", "big", "seed"):
        assert {(case, "open"), (case, "check"), (case, "index")} <= steps
    assert all(s["seconds"] > 0 and s["peak_mb"] > 10 for s in report["steps"])
    by_key = {(s["case"], s["step"]): s for s in report["steps"]}
    assert "too-deep" in by_key["indented", "check"]["detail"]["problems"]
    assert by_key["big", "index"]["detail"]["rows"] > 1  # the one long section, in parts
    assert report["query_ratio"] is not None
    assert (out / "hostile.md").read_text(encoding="utf-8").startswith("# Hostile inputs (quick")


def test_hostile_benchmark_exits_1_over_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A step over the memory budget is shown in bold, counted, and fails the command."""
    import benchmarks.hostile_bench as hostile

    monkeypatch.setattr(hostile, "BUDGET_MB", 1.0)
    monkeypatch.setattr(
        hostile, "cases", lambda quick: [hostile.Case("tiny", "tiny", hostile._text("t.md", "# T"))]
    )
    assert hostile.main(["--out", str(tmp_path)]) == 1
    shown = capsys.readouterr().out
    assert "Over the budget (5 s and 1 MB per step): 3 of 3 steps." in shown
    assert "| tiny | **" in shown
    steps = json.loads((tmp_path / "hostile.json").read_text(encoding="utf-8"))["steps"]
    assert [s["within_budget"] for s in steps] == [False, False, False]


def test_steadier_ratios_take_the_best_runs_and_the_pairs() -> None:
    from benchmarks import Result
    from benchmarks.__main__ import steadier_ratios, steadier_table

    # Load slowed the second and third pairs, and the baseline's fourth run alone.
    reader = [1.2, 2.4, 3.6, 1.2, 1.2]
    floor = [1.0, 2.0, 3.0, 2.0, 1.0]
    result = Result("startup.x", "Start-up, x", reader, baseline=floor)
    assert result.ratio == pytest.approx(0.6)  # 1.2 over 2.0: the medians mislead
    best, paired = steadier_ratios(result)
    assert best == pytest.approx(1.2) and paired == pytest.approx(1.2)
    assert steadier_ratios(Result("t", "no floor", reader)) is None
    table = steadier_table([result, Result("t", "no floor", reader)])
    assert table[2] == "| Start-up, x | 0.60× | 1.20× | 1.20× |" and len(table) == 3  # noqa: RUF001
