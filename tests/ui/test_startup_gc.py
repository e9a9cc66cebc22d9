"""The window's start pauses the cyclic garbage collector until the first paint.

A real start in a fresh process: the command line's import of the Qt shell pauses the
collector, it is still paused at the chapter's first paint, and it runs again (with what
the start made set aside by gc.freeze) once the paint is done.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader import startup_gc

PROBE = """
import gc, json, sys
from pathlib import Path

import reader.cli as cli

ui_app = cli._ui_app()  # as a start without a command imports the Qt shell
from PySide6.QtCore import QTimer

seen = {"paused_at_import": not gc.isenabled()}
app = ui_app.application()
window = ui_app.build_window(Path(sys.argv[1]), Path(sys.argv[2]), defer=True)


def first_paint():
    seen["paused_at_paint"] = not gc.isenabled()
    # The work after the paint (features, the collector's return) is queued after this.
    QTimer.singleShot(0, lambda: QTimer.singleShot(0, done))


def done():
    seen["enabled_after"] = gc.isenabled()
    seen["frozen_after"] = gc.get_freeze_count()
    app.quit()


ui_app.after_first_paint(window.view.viewport(), first_paint)
window.show()
app.exec()
print(json.dumps(seen))
"""


@pytest.fixture
def collector() -> Iterator[None]:
    """Leave the test process's collector as it was found."""
    was_enabled = gc.isenabled()
    yield
    startup_gc.resume()
    gc.unfreeze()
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


def test_a_start_collects_again_once_the_window_is_painted(
    seed_library: Path, data_dir: Path
) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(seed_library), str(data_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["paused_at_import"] and seen["paused_at_paint"]
    assert seen["enabled_after"] and seen["frozen_after"] > 10_000


def test_resume_sets_the_start_aside_and_collects_again(collector: None) -> None:
    gc.enable()
    startup_gc.pause()
    assert not gc.isenabled()
    startup_gc.resume()
    assert gc.isenabled() and gc.get_freeze_count() > 0


def test_resume_without_a_pause_changes_nothing(collector: None) -> None:
    gc.unfreeze()
    startup_gc.resume()
    assert gc.get_freeze_count() == 0
    # A program that turned the collector off itself keeps it off.
    gc.disable()
    startup_gc.pause()
    startup_gc.resume()
    assert not gc.isenabled() and gc.get_freeze_count() == 0
