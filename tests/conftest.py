"""Shared test setup: Qt runs offscreen, and no test touches the real user folders."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# Before any Qt import: tests run without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "content" / "human-security.md"


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point HOME and the XDG folders at a temporary place, so nothing real is written."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for name, sub in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        monkeypatch.setenv(name, str(home / sub))
    return home


@pytest.fixture
def seed_library(tmp_path: Path) -> Path:
    """A library folder holding a copy of the bundled seed chapter."""
    root = tmp_path / "library"
    root.mkdir()
    shutil.copy(SEED, root / SEED.name)
    return root


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty user data folder."""
    path = tmp_path / "data"
    path.mkdir()
    return path


def write_chapter(root: Path, name: str, title: str, body: str, **meta: object) -> Path:
    """Write a chapter file with front matter into library `root`."""
    lines = ["---", f"title: {title}"] + [f"{k}: {v}" for k, v in meta.items()] + ["---", "", body]
    path = root / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
