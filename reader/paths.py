"""Where content, resources and user data live: source tree, frozen build or portable."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APP_NAME = "field-reader"


def bundle_root() -> Path:
    """The folder holding `content/` and `resources/`: the frozen bundle or the source tree."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def bundled_content_dir() -> Path:
    """The library of chapters shipped with the reader."""
    return bundle_root() / "content"


def resources_dir() -> Path:
    """Stylesheets, icons and other files the reader needs at run time."""
    return bundle_root() / "resources"


def resource(*parts: str) -> Path:
    """A file inside the resources folder."""
    return resources_dir().joinpath(*parts)


def default_data_dir() -> Path:
    """The per-user folder for notes and settings (platformdirs' user data folder)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_cache_dir() -> Path:
    """The per-user folder for rebuildable caches such as the search index."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
