"""Portable mode: every user file in `data` next to the executable, nothing written elsewhere.

A frozen build is simulated in a real subprocess (sys.frozen set, sys.executable pointing
into a temporary "install" folder), so that the code path of the shipped executable runs
without building it; HOME and the XDG folders point at empty temporary folders.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO, SEED

from reader import paths

FROZEN = """\
import sys
sys.frozen = True
sys.executable = {exe!r}
if {gui!r}:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from reader.ui.app import application
    application()
    # Close the window once its features (search, export, sync) are installed right after
    # the first paint and the sync they start has ended: closing writes the settings.
    def close_when_ready():
        windows = [w for w in QApplication.topLevelWidgets() if hasattr(w, "features")]
        if windows and all(w.features.exchange is not None for w in windows):
            for w in windows:
                sync = w.features.exchange.sync
                if sync.sync_dir is None:
                    w.close()
                else:
                    sync.synced.connect(lambda _result, w=w: w.close())
                    QTimer.singleShot(20000, w.close)  # a sync that never ends fails later
        else:
            QTimer.singleShot(10, close_when_ready)
    QTimer.singleShot(0, close_when_ready)
from reader.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


class Install:
    """A temporary installation folder, home folder and USB stick."""

    def __init__(self, root: Path) -> None:
        self.app = root / "FieldReader"
        self.app.mkdir()
        self.exe = self.app / "field-reader"
        self.home = root / "home"
        self.home.mkdir()
        self.env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(self.home))
        for name, sub in (
            ("XDG_DATA_HOME", ".local/share"),
            ("XDG_CONFIG_HOME", ".config"),
            ("XDG_CACHE_HOME", ".cache"),
            ("XDG_STATE_HOME", ".local/state"),
        ):
            self.env[name] = str(self.home / sub)
        self.env.pop("XDG_RUNTIME_DIR", None)
        self.cwd = root / "cwd"
        self.cwd.mkdir()

    def run(self, *args: str, gui: bool = False) -> subprocess.CompletedProcess[str]:
        script = FROZEN.format(exe=str(self.exe), gui=gui)
        return subprocess.run(
            [sys.executable, "-c", script, *args],
            capture_output=True,
            text=True,
            timeout=120,
            env=self.env,
            cwd=self.cwd,
        )

    def home_files(self) -> list[str]:
        return sorted(str(p.relative_to(self.home)) for p in self.home.rglob("*") if p.is_file())


@pytest.fixture
def install(tmp_path: Path) -> Install:
    return Install(tmp_path)


def test_a_data_folder_next_to_the_executable_keeps_every_file(
    install: Install, tmp_path: Path
) -> None:
    data = install.app / "data"
    data.mkdir()
    library = tmp_path / "library"
    library.mkdir()
    (library / SEED.name).write_bytes(SEED.read_bytes())
    notes = tmp_path / "notes.json"
    notes.write_text(
        json.dumps(
            {
                "type": "AnnotationPage",
                "items": [
                    {
                        "id": "urn:uuid:6f1c9a52-3f4e-4b8e-9a57-1d2c3b4a5f60",
                        "type": "Annotation",
                        "modified": "2024-05-01T10:00:00Z",
                        "target": {
                            "source": "chapter:human-security",
                            "selector": [
                                {"type": "TextQuoteSelector", "exact": "freedom from fear"}
                            ],
                        },
                    }
                ],
            }
        )
    )
    stick = tmp_path / "usb"
    stick.mkdir()
    content = ("--content", str(library))
    steps = [
        install.run("import", str(notes), *content),
        install.run("export", "--format", "json", *content),
        install.run("search", "freedom", *content),
        install.run("screenshot", str(tmp_path / "shot.png"), *content),
        install.run(*content, "--sync-dir", str(stick), gui=True),
    ]
    for step in steps:
        assert step.returncode == 0, step.stderr
    assert "added: 1" in steps[0].stdout
    assert json.loads(steps[1].stdout)["total"] == 1

    assert (data / "notes.sqlite3").is_file()
    assert (data / "settings.ini").is_file()
    assert (data / "installation-id").is_file()
    assert [p.name for p in stick.iterdir()] == [
        f"field-reader-{(data / 'installation-id').read_text().strip()}.json"
    ]
    assert install.home_files() == []
    assert sorted(p.name for p in install.app.iterdir()) == ["data"]
    assert list(install.cwd.iterdir()) == []


def test_portable_flag_uses_the_folder_next_to_the_executable(install: Install) -> None:
    result = install.run("export", "--portable")
    assert result.returncode == 0, result.stderr
    assert (install.app / "data").is_dir()
    assert install.home_files() == []


def test_an_unwritable_portable_folder_is_reported_and_the_user_folder_used(
    install: Install,
) -> None:
    # A file where the folder should be cannot be written into, even by root.
    (install.app / "data").write_text("not a folder")
    result = install.run("--portable", "import", str(install.exe))
    assert result.returncode == 1
    assert "portable data folder" in result.stderr and "cannot be written" in result.stderr
    export = install.run("export", "--portable", "--format", "json")
    assert export.returncode == 0
    assert (install.home / ".local/share/field-reader").is_dir()


def test_source_runs_are_portable_only_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paths, "program_dir", lambda: tmp_path)
    (tmp_path / "data").mkdir()
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert not paths.resolve_data_dir().portable
    assert paths.resolve_data_dir(portable=True) == paths.DataLocation(tmp_path / "data", True)
    explicit = tmp_path / "mine"
    assert paths.resolve_data_dir(explicit, portable=True).path == explicit


def test_program_dir_of_a_source_checkout_is_the_repository() -> None:
    assert paths.program_dir() == REPO
