"""With --data-dir, nothing is written outside the data folder: the home folder stays empty.

The real program runs as subprocesses with HOME and every XDG folder pointed at an empty
folder: screenshot, export, import, and a window session that quits after its first
paint. Afterwards the home folder is walked: it must hold nothing at all.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers import REPO

from reader.core.anchoring import describe
from reader.core.data_folder import NOTES_FILE, DataFolder
from reader.core.document import load_document
from reader.core.library_scan import load_library
from reader.core.pack_identity import identify
from reader.storage.annotations import AnnotationStore
from reader.storage.db import Database

PHRASE = '"freedom from want" and "freedom from fear"'


def _environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
        QT_QPA_PLATFORM="offscreen",
    )
    return env


def _run(home: Path, *args: str, extra: dict[str, str] | None = None) -> None:
    env = _environment(home) | (extra or {})
    done = subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env=env,
        cwd=REPO,
    )
    assert done.returncode == 0, f"{args[0]} failed:\n{done.stdout}\n{done.stderr}"


def _everything_in(folder: Path) -> list[str]:
    """Every file and folder under `folder`, hidden ones included."""
    return sorted(
        str(Path(top, name).relative_to(folder))
        for top, dirs, files in os.walk(folder)
        for name in dirs + files
    )


def test_commands_and_a_window_session_write_nothing_in_the_home_folder(
    seed_library: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    data = tmp_path / "data"
    data.mkdir()
    library = load_library(seed_library)
    chapter = library.by_slug("human-security")
    assert chapter is not None
    text = load_document(chapter, library.root).plain.text
    with Database(data / NOTES_FILE) as db:
        start = text.index(PHRASE)
        # The notes of this library (a copy of the seed chapter: a library of its own).
        AnnotationStore(db, identify(library).id).add(
            "human-security", describe(text, start, start + len(PHRASE)), "green", "why"
        )
    common = ("--content", str(seed_library), "--data-dir", str(data))
    out = tmp_path / "out"

    _run(home, "screenshot", str(out / "window.png"), *common)
    _run(home, "export", "-o", str(out / "notes.json"), *common)
    _run(home, "export", "-o", str(out / "notes.md"), *common)
    other = tmp_path / "other-data"
    _run(
        home,
        "import",
        str(out / "notes.json"),
        "--content",
        str(seed_library),
        "--data-dir",
        str(other),
    )
    _run(home, *common, extra={"FIELD_READER_QUIT_AFTER_FIRST_PAINT": "1"})

    assert (out / "window.png").stat().st_size > 0 and (other / NOTES_FILE).exists()
    assert "why" in (out / "notes.md").read_text(encoding="utf-8")
    assert _everything_in(home) == []
    # What Qt would keep for itself belongs in the data folder, if anywhere.
    assert not (home / ".config" / "QtProject.conf").exists()
    assert DataFolder(data).root.is_dir()
