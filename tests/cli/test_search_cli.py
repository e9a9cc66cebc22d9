"""`field-reader search`, run as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO

from reader.command_library import library_info
from reader.core.anchoring import Target, TextQuoteSelector
from reader.core.library_scan import load_library
from reader.storage.annotations import AnnotationStore
from reader.storage.db import Database


def run_search(library: Path, data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "reader",
            "search",
            *args,
            "--content",
            str(library),
            "--data-dir",
            str(data),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        timeout=120,
    )


def test_json_results_best_first(seed_library: Path, data_dir: Path) -> None:
    done = run_search(seed_library, data_dir, '"freedom from fear"', "--json")
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    assert isinstance(results, list) and results
    assert set(results[0]) == {"chapter", "heading", "kind", "snippet"}
    assert results[0]["chapter"] == "human-security"
    assert results[0]["heading"] == "human-security"
    assert results[0]["kind"] == "text"
    assert "«freedom from fear»" in results[0]["snippet"]
    assert (data_dir / "cache" / "search.sqlite3").is_file()


def test_plain_output_and_limit(seed_library: Path, data_dir: Path) -> None:
    done = run_search(seed_library, data_dir, "security", "--limit", "2")
    assert done.returncode == 0, done.stderr
    assert "Human Security" in done.stdout
    assert "«security»" in done.stdout.lower()
    assert done.stdout.rstrip().endswith("2 results.")
    several = run_search(seed_library, data_dir, "poverty", "--json", "--limit", "1")
    assert len(json.loads(several.stdout)) == 1


def test_no_results_exits_zero(seed_library: Path, data_dir: Path) -> None:
    done = run_search(seed_library, data_dir, "zyxwvut")
    assert (done.returncode, done.stdout.strip()) == (0, "No results.")
    done = run_search(seed_library, data_dir, "zyxwvut", "--json")
    assert (done.returncode, json.loads(done.stdout)) == (0, [])


@pytest.mark.parametrize("query", ['"', "-", "(", ":", "+", "", '"unbalanced', "a OR (", "*"])
def test_odd_queries_never_fail(seed_library: Path, data_dir: Path, query: str) -> None:
    done = run_search(seed_library, data_dir, "--json", "--", query)
    assert done.returncode == 0, done.stderr
    assert isinstance(json.loads(done.stdout), list)
    assert "Traceback" not in done.stderr


def test_bad_limit_is_a_usage_error(seed_library: Path, data_dir: Path) -> None:
    done = run_search(seed_library, data_dir, "x", "--limit", "0")
    assert done.returncode == 2
    assert "--limit" in done.stderr


def test_notes_are_searched(seed_library: Path, data_dir: Path) -> None:
    library_id = library_info(load_library(seed_library)).id
    with Database(data_dir / "notes.sqlite3") as db:
        AnnotationStore(db, library_id).add(
            "human-security",
            Target(TextQuoteSelector("freedom from want")),
            "yellow",
            "Compare with the Atlantic Charter",
        )
    done = run_search(seed_library, data_dir, "atlantic", "--json")
    assert done.returncode == 0, done.stderr
    [result] = json.loads(done.stdout)
    assert (result["chapter"], result["kind"]) == ("human-security", "note")
    assert "«Atlantic»" in result["snippet"]


def test_corrupt_cache_is_rebuilt(seed_library: Path, data_dir: Path) -> None:
    cache = data_dir / "cache" / "search.sqlite3"
    cache.parent.mkdir()
    cache.write_bytes(b"garbage" * 1000)
    done = run_search(seed_library, data_dir, "poverty", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)
    assert "rebuilding" in done.stderr


def test_help_describes_the_query_language() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "reader", "search", "--help"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert done.returncode == 0
    assert "--json" in done.stdout and "phrase" in done.stdout
