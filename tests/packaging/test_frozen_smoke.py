"""The frozen build works: packaging/smoke_test.py builds it and runs it end to end."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent.parent


@pytest.mark.slow
def test_frozen_build_passes_the_smoke_test() -> None:
    """Build the one-folder program, then --version, screenshot and check all work frozen."""
    done = subprocess.run(
        [sys.executable, str(REPO / "packaging" / "smoke_test.py"), "--build"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
    )
    report = "\n".join(line for line in done.stdout.splitlines() if line.startswith("smoke test"))
    assert done.returncode == 0, f"{report}\n{done.stderr[-3000:]}"
