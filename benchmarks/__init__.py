"""Field Reader benchmarks: `python -m benchmarks` (see benchmarks/README.md).

This module holds the registry the harness runs: a measurement group is a named function
taking the run's `Config` and returning `Result`s (raw samples, an optional baseline
measured in the same run, an optional goal). Feature benchmarks plug in as optional
modules (`benchmarks/<name>_bench.py` with a `run(...) -> dict` function, see `from_plugin`).
It imports neither Qt nor the reader, so the baseline process stays bare.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

Unit = Literal["s", "MB", "x"]


@dataclass(frozen=True)
class Goal:
    """A target: the median (`value`) or its ratio to the baseline (`ratio`) at most `limit`."""

    limit: float
    kind: Literal["value", "ratio"] = "value"

    def text(self, unit: Unit) -> str:
        """The goal as the table shows it."""
        if self.kind == "ratio":
            return f"≤ {self.limit:g}× baseline"  # noqa: RUF001
        return f"≤ {format_value(self.limit, unit)}"

    def met(self, median: float, ratio: float | None) -> bool | None:
        """Whether the goal is met (None when it cannot be judged)."""
        if self.kind == "ratio":
            return None if ratio is None else ratio <= self.limit
        return median <= self.limit


@dataclass
class Result:
    """One row of the table: raw samples, and those of its baseline when it has one."""

    key: str
    label: str
    samples: list[float]
    unit: Unit = "s"
    baseline: list[float] | None = None
    goal: Goal | None = None
    note: str = ""
    main: bool = True  # shown in the main table (else only in the JSON and detail tables)
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def median(self) -> float:
        """The median sample."""
        return statistics.median(self.samples)

    @property
    def baseline_median(self) -> float | None:
        """The baseline's median sample, if there is a baseline."""
        return statistics.median(self.baseline) if self.baseline else None

    @property
    def ratio(self) -> float | None:
        """Median over the baseline's median."""
        base = self.baseline_median
        return self.median / base if base else None

    @property
    def met(self) -> bool | None:
        """Whether the goal is met; None without a goal."""
        return None if self.goal is None else self.goal.met(self.median, self.ratio)

    def to_json(self) -> dict[str, Any]:
        """The raw figures and their summary, for results.json."""
        data = asdict(self)
        data.update(
            median=self.median,
            min=min(self.samples),
            max=max(self.samples),
            baseline_median=self.baseline_median,
            ratio=self.ratio,
            goal_text=self.goal.text(self.unit) if self.goal else None,
            met=self.met,
        )
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Result:
        """Rebuild a Result from `to_json` output (as a worker process prints it)."""
        goal = data.get("goal")
        return cls(
            key=str(data["key"]),
            label=str(data["label"]),
            samples=[float(v) for v in data["samples"]],
            unit=data.get("unit", "s"),
            baseline=[float(v) for v in data["baseline"]] if data.get("baseline") else None,
            goal=Goal(float(goal["limit"]), goal.get("kind", "value")) if goal else None,
            note=str(data.get("note", "")),
            main=bool(data.get("main", True)),
            params=dict(data.get("params") or {}),
        )


def format_value(value: float, unit: Unit) -> str:
    """A number with its unit, readable: ms below 10 s, MB with one decimal."""
    if unit == "s":
        if value < 0.001:
            return f"{value * 1e6:.0f} µs"
        if value < 10:
            return f"{value * 1000:.3g} ms" if value < 1 else f"{value:.2f} s"
        return f"{value:.1f} s"
    if unit == "MB":
        return f"{value:.1f} MB"
    return f"{value:.2f}"


@dataclass(frozen=True)
class Config:
    """What one run measures: sizes, repetitions and where generated inputs go."""

    workdir: Path
    runs: int
    quick: bool
    seed: int = 1
    large_bytes: int = 1024 * 1024
    render_sizes: tuple[int, ...] = (10 * 1024, 100 * 1024, 300 * 1024, 1024 * 1024)
    library_chapters: int = 1000
    big_chapters: int = 10_000  # the big-library start-up case; 0 leaves it out (--quick)
    switch_chapters: int = 5
    plugin_runs: int = 3  # feature benchmarks that do not repeat themselves are called this often

    def to_json(self) -> dict[str, Any]:
        """The configuration as JSON values."""
        data = asdict(self)
        data["workdir"] = str(self.workdir)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Config:
        """Rebuild a Config passed to a worker process."""
        data = dict(data)
        data["workdir"] = Path(data["workdir"])
        data["render_sizes"] = tuple(data["render_sizes"])
        return cls(**data)


Group = Callable[[Config], list[Result]]


@dataclass(frozen=True)
class Plugin:
    """An optional feature benchmark: module `benchmarks.<module>` with `run(...) -> dict`."""

    name: str
    module: str
    full: dict[str, Any]
    quick: dict[str, Any]


# Feature benchmarks the harness knows how to call; each is used only once its module exists.
PLUGINS: tuple[Plugin, ...] = (
    Plugin("search", "benchmarks.search_bench", {"chapters": 1000, "seed": 1}, {"chapters": 10}),
    # The big library: the index build of 10,000 chapters (about 136 MB of Markdown), due
    # within 30 s on two cores, and the query p95 over it.
    Plugin(
        "bigsearch",
        "benchmarks.search_bench",
        {"chapters": 10_000, "seed": 1, "build_goal": 30.0},
        {"chapters": 10},
    ),
    # The Contents of 10,000 chapters: listing them, and each keystroke of the filter.
    Plugin(
        "contents",
        "benchmarks.contents_bench",
        {"chapters_count": 10_000},
        {"chapters_count": 200, "runs": 1},
    ),
    Plugin(
        "annotations",
        "benchmarks.annotations_bench",
        {"annotations": 1000, "seed": 1},
        {"annotations": 50},
    ),
    Plugin(
        "exchange",
        "benchmarks.exchange_bench",
        {"annotations": 10_000, "seed": 1},
        {"annotations": 200},
    ),
    # Every step in its own process against a budget; `python -m benchmarks.hostile_bench`
    # alone also exits 1 when the budget is broken (and can time the window: --window).
    Plugin("hostile", "benchmarks.hostile_bench", {"quick": False}, {"quick": True}),
    # Each sync in its own process; `python -m benchmarks.sync_bench` alone exits 1 when
    # an unchanged folder costs more than 1.3x an empty one.
    Plugin(
        "sync", "benchmarks.sync_bench", {"files": 10, "notes": 2000}, {"files": 2, "notes": 100}
    ),
)


def from_plugin(plugin: str, returned: dict[str, Any]) -> tuple[list[Result], dict[str, Any]]:
    """Turn a feature benchmark's `run()` dict into Results, and the rest into notes.

    Each numeric entry becomes a measurement named `<plugin>.<key>`: a number or a list
    of seconds, or a dict with `samples` and optionally `baseline`, `unit` ("s", "MB",
    "x"), `label`, `note`, `goal` (seconds) or `goal_ratio` (times the baseline).
    Entries that are not numbers (counts, sizes, names) are kept as information.
    """
    results: list[Result] = []
    info: dict[str, Any] = {}
    for key, value in returned.items():
        spec: dict[str, Any]
        if isinstance(value, bool):
            info[key] = value
            continue
        if isinstance(value, int | float):
            spec = {"samples": [value]}
        elif isinstance(value, list) and value and all(isinstance(v, int | float) for v in value):
            spec = {"samples": value}
        elif isinstance(value, dict) and "samples" in value:
            spec = value
        else:
            info[key] = value
            continue
        goal = None
        if spec.get("goal") is not None:
            goal = Goal(float(spec["goal"]))
        elif spec.get("goal_ratio") is not None:
            goal = Goal(float(spec["goal_ratio"]), "ratio")
        results.append(
            Result(
                key=f"{plugin}.{key}",
                label=str(spec.get("label") or f"{plugin}: {key.replace('_', ' ')}"),
                samples=[float(v) for v in spec["samples"]],
                unit=spec.get("unit", "s"),
                baseline=[float(v) for v in spec["baseline"]] if spec.get("baseline") else None,
                goal=goal,
                note=str(spec.get("note", "")),
            )
        )
    return results, info
