"""Shared test setup: Qt runs offscreen, and no test touches the real user folders."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

# Before any Qt import: tests run without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from helpers import SEED


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


@pytest.fixture
def open_window(qtbot: QtBot):  # type: ignore[no-untyped-def]
    """Open the real main window over a library and data folder, shown and exposed."""
    from reader.core.library_scan import load_library
    from reader.ui.app import application, install_features
    from reader.ui.context import create_context
    from reader.ui.main_window import MainWindow

    def factory(
        content: Path,
        data_dir: Path,
        *,
        chapter: str | None = None,
        size: tuple[int, int] | None = None,
    ) -> MainWindow:
        application()
        window = MainWindow(create_context(load_library(content), data_dir), start_chapter=chapter)
        install_features(window)
        qtbot.addWidget(window)
        if size is not None:
            window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        return window

    return factory
