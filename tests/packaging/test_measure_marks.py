"""packaging/measure.py times the first paint from the line both programs print at it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(REPO / "packaging"))

import measure  # noqa: E402  (packaging/measure.py)

ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen", FIELD_READER_QUIT_AFTER_FIRST_PAINT="1")


def _painted_within(command: list[str]) -> None:
    painted, ended, peak = measure.timed_run(command, ENV)
    assert 0 < painted < ended and peak > 10_000_000


def test_the_reader_says_when_it_painted_before_it_quits(
    seed_library: Path, tmp_path: Path
) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    _painted_within([sys.executable, "-m", "reader", "--content", str(seed_library), *data])


def test_the_bare_program_says_it_the_same_way() -> None:
    bare = REPO / "packaging" / "baseline" / "bare_browser.py"
    _painted_within([sys.executable, str(bare), "--quit-after-paint"])


def test_a_run_that_never_says_it_painted_is_an_error() -> None:
    with pytest.raises(SystemExit, match="did not say when it painted"):
        measure.timed_run([sys.executable, "-c", "pass"], ENV)
