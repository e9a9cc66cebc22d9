"""Search benchmark: index build, unchanged restart and query latency on a synthetic library.

Run `python -m benchmarks.search_bench [CHAPTERS] [SEED] [WORKERS]`; it prints a Markdown
table. The build is also given as a ratio to reading every chapter file once.
The library is generated from a seed (same seed, same bytes), with chapters of about the
seed chapter's size: headings, paragraphs of varied words, some accented, some figures.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from itertools import accumulate
from pathlib import Path
from typing import Any

from reader.core.library_scan import load_library
from reader.core.search import SearchIndex, index_path

SEED_CHAPTER_BYTES = 12_292  # content/human-security.md
QUERY_COUNT = 100
GOALS = {"build": 10.0, "restart": 0.2, "query_p95": 0.020}

_COMMON_TEXT = (
    "security human people state rights policy risk health food water climate conflict "
    "community development economy trade market growth poverty income education school "
    "knowledge evidence research data report analysis theory practice framework approach "
    "government institution agency governance law treaty border region city village "
    "family migration refugee displacement disaster flood drought famine land forest "
    "river energy technology network information media trust violence peace dialogue "
    "cooperation donor resilience vulnerability capacity inequality dignity freedom fear "
    "want livelihood employment labour crisis recovery response prevention protection "
    "participation accountability legitimacy authority power influence interest norm "
    "culture identity"
)
_GLUE_TEXT = "the of and to in a is that for on as with by this are from or be an which"
_SYLLABLES_TEXT = (
    "ka ri to mu se la ven dor pa li qua stre mon tel ar is fe no ga bu zi o e ré ça ñe ü ö ø é è ï"
)

_COMMON = _COMMON_TEXT.split()
_GLUE = _GLUE_TEXT.split()
_SYLLABLES = _SYLLABLES_TEXT.split()


def _vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    words = set(_COMMON)
    while len(words) < size:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


class _Writer:
    """Draws words with a Zipf-like law, so that some are everywhere and most are rare."""

    def __init__(self, rng: random.Random, vocabulary: list[str]) -> None:
        self._rng = rng
        shuffled = vocabulary[:]
        rng.shuffle(shuffled)
        self.words = shuffled
        # Accumulated once: random.choices does this on every call given plain weights
        # (the same draws, minutes faster for 10,000 chapters).
        self._cum_weights = list(accumulate(1.0 / (rank + 1) for rank in range(len(shuffled))))

    def sentence(self) -> str:
        rng = self._rng
        picks = rng.choices(self.words, cum_weights=self._cum_weights, k=rng.randint(8, 22))
        out = [w if rng.random() < 0.7 else f"{w} {rng.choice(_GLUE)}" for w in picks]
        return " ".join(out).capitalize() + rng.choice([".", ".", ".", "?", ";"])

    def title(self) -> str:
        return " ".join(self._rng.choices(self.words[:300], k=self._rng.randint(1, 5))).title()


def _chapter(writer: _Writer, rng: random.Random, number: int) -> str:
    parts = [f"---\ntitle: {writer.title()} {number}\nslug: ch-{number:05d}\n---\n"]
    size = 0
    target = int(SEED_CHAPTER_BYTES * rng.uniform(0.7, 1.3))
    while size < target:
        level = "#" if rng.random() < 0.4 else "##"
        section = [f"{level} {writer.title()}"]
        for _ in range(rng.randint(1, 4)):
            section.append(" ".join(writer.sentence() for _ in range(rng.randint(3, 8))))
        if rng.random() < 0.3:
            section.append(f'<center> <img src="static/fig{number}.png" alt="figure" /> </center>')
        text = "\n\n".join(section) + "\n\n"
        parts.append(text)
        size += len(text.encode("utf-8"))
    return "\n".join(parts)


def generate_library(root: Path, chapters: int, seed: int = 1) -> list[str]:
    """Write `chapters` synthetic chapters into `root`; returns the words they use."""
    rng = random.Random(seed)
    writer = _Writer(rng, _vocabulary(rng))
    root.mkdir(parents=True, exist_ok=True)
    for number in range(chapters):
        (root / f"ch-{number:05d}.md").write_text(_chapter(writer, rng, number), encoding="utf-8")
    return writer.words


def queries(words: list[str], seed: int = 1, count: int = QUERY_COUNT) -> list[str]:
    """A fixed mix of queries: frequent and rare words, pairs, phrases, prefixes, odd input."""
    rng = random.Random(seed * 7919)
    common, rare = words[:50], words[200:]
    kinds = [
        lambda: rng.choice(common),
        lambda: rng.choice(rare),
        lambda: f"{rng.choice(common)} {rng.choice(words[:400])}",
        lambda: f'"{rng.choice(common)} {rng.choice(_GLUE)}"',
        lambda: rng.choice(words[:600])[:3] + "*",
        lambda: rng.choice(["cafe", "ecole", "reka", "freedom from fear", '"(', "-", "a:b +c"]),
    ]
    return [kinds[n % len(kinds)]() for n in range(count)]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def read_all(root: Path) -> float:
    """Seconds to read every chapter file once (as `cat` would): the floor of any build."""
    started = time.perf_counter()
    for path in sorted(root.glob("*.md")):
        path.read_bytes()
    return time.perf_counter() - started


def run(
    chapters: int = 1000,
    seed: int = 1,
    build_goal: float | None = None,
    workers: int | None = None,
) -> dict[str, Any]:
    """Generate a library, then time the full build, an unchanged restart and 100 queries.

    `build_goal` replaces the build's goal (seconds); `workers` is passed to the build
    (None: the reader's own choice, 0: no worker processes).
    """
    with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp:
        root, data = Path(tmp) / "library", Path(tmp) / "data"
        words = generate_library(root, chapters, seed)
        started = time.perf_counter()
        library = load_library(root)
        load_s = time.perf_counter() - started

        read_s = read_all(root)
        started = time.perf_counter()
        with SearchIndex.for_data_dir(data) as index:
            index.sync(library, workers=workers)
        build_s = time.perf_counter() - started

        started = time.perf_counter()
        with SearchIndex.for_data_dir(data) as index:
            report = index.sync(library)
            restart_s = time.perf_counter() - started
            assert not report.indexed, "an unchanged library must not be re-indexed"
            fts5 = index.uses_fts5
            latencies: list[float] = []
            hits = 0
            for query in queries(words, seed):
                started = time.perf_counter()
                hits += len(index.search(query, limit=50))
                latencies.append(time.perf_counter() - started)
            sections = index.counts()["sections"]
        size_mb = index_path(data).stat().st_size / 2**20
        library_mb = sum(p.stat().st_size for p in root.glob("*.md")) / 2**20

    def measure(samples: list[float], label: str, goal: str | None = None) -> dict[str, Any]:
        entry: dict[str, Any] = {"samples": samples, "unit": "s", "label": label}
        if goal is not None:
            entry["goal"] = GOALS[goal]
        return entry

    build = measure([build_s], f"Search: full index build, {chapters} chapters", "build")
    if build_goal is not None:
        build["goal"] = build_goal
    # Against reading the same files once in this process: the ratio travels between machines.
    build["baseline"] = [read_s]
    return {
        "build": build,
        "read_files": measure([read_s], "Reading every chapter file once (the build's floor)"),
        "build_ratio": {
            "samples": [build_s / read_s if read_s else 0.0],
            "unit": "x",
            "label": "Search: build time over reading the files once",
        },
        "restart": measure([restart_s], "Search: restart with nothing changed", "restart"),
        "query_median": measure([statistics.median(latencies)], "Search: query, median"),
        "query_p95": measure([_percentile(latencies, 0.95)], "Search: query, p95", "query_p95"),
        "library_load": measure([load_s], "Library load (not part of the index)"),
        "setup": {
            "chapters": chapters,
            "seed": seed,
            "sections": sections,
            "library_mb": round(library_mb, 1),
            "index_mb": round(size_mb, 1),
            "fts5": fts5,
            "workers": "auto" if workers is None else workers,
            "results_returned": hits,
        },
    }


def table(result: dict[str, Any]) -> str:
    """The benchmark result as a small Markdown table."""
    lines = ["| Measure | Value | Goal |", "|---|---|---|"]
    for entry in result.values():
        if "samples" not in entry:
            continue
        value = entry["samples"][0]
        if entry.get("unit") == "x":
            shown = f"{value:.0f}x"
        else:
            shown = f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
        goal = entry.get("goal")
        goal = None if entry.get("unit") == "x" else goal
        goal_text = "" if goal is None else f"< {goal * 1000:g} ms" if goal < 1 else f"< {goal:g} s"
        if goal is not None:
            goal_text += " ✓" if value < goal else " ✗"
        lines.append(f"| {entry['label']} | {shown} | {goal_text} |")
    setup = result["setup"]
    lines.append("")
    lines.append(
        f"{setup['chapters']} chapters ({setup['library_mb']} MB, {setup['sections']} sections "
        f"indexed, index {setup['index_mb']} MB), seed {setup['seed']}, "
        f"{'FTS5' if setup['fts5'] else 'plain fallback'}, {QUERY_COUNT} queries."
    )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Run the benchmark and print its table."""
    chapters = int(argv[0]) if argv else 1000
    seed = int(argv[1]) if len(argv) > 1 else 1
    workers = int(argv[2]) if len(argv) > 2 else None
    print(table(run(chapters, seed, workers=workers)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
