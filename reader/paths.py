"""Where content, resources and user data live: source tree, frozen build or portable."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NamedTuple

APP_NAME = "field-reader"
PORTABLE_FOLDER = "data"
"""A folder of this name next to the executable makes the reader portable."""


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


def help_dir() -> Path:
    """The guide "Using Field Reader" and its pictures (shipped, not part of any library)."""
    return resources_dir() / "help"


def license_file() -> Path:
    """The program's licence text: next to resources/ in the bundle or the source tree."""
    return bundle_root() / "LICENSE"


def default_data_dir() -> Path:
    """The per-user folder for notes and settings (platformdirs' user data folder)."""
    # Imported here: platformdirs pulls in tempfile, shutil and random (several ms at
    # start-up), and a start with --data-dir never asks for the default folder.
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_cache_dir() -> Path:
    """The per-user folder for rebuildable caches such as the search index."""
    import platformdirs  # see default_data_dir: kept off the start-up path

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def program_dir() -> Path:
    """The folder holding the program: the executable's when frozen, else the source checkout."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def portable_data_dir() -> Path:
    """Where a portable installation keeps every user file: `data` next to the program."""
    return program_dir() / PORTABLE_FOLDER


class DataLocation(NamedTuple):
    """The data folder chosen for this run, with a notice for the user if it fell back."""

    path: Path
    portable: bool
    notice: str | None = None


def resolve_data_dir(explicit: Path | None = None, portable: bool = False) -> DataLocation:
    """Choose the data folder: --data-dir, else portable mode, else the per-user folder.

    Portable mode is on with --portable, or when a frozen build finds a `data` folder next
    to its executable (a source checkout only turns it on with --portable, so that a stray
    folder in the repository changes nothing). An unwritable portable folder is reported
    and the per-user folder used instead.
    """
    if explicit is not None:
        return DataLocation(explicit, False)
    folder = portable_data_dir()
    if not (portable or (getattr(sys, "frozen", False) and folder.is_dir())):
        return DataLocation(default_data_dir(), False)
    if _writable(folder):
        return DataLocation(folder, True)
    fallback = default_data_dir()
    return DataLocation(
        fallback,
        False,
        f"The portable data folder {folder} cannot be written to, so notes and settings "
        f"are kept in {fallback} instead.",
    )


def _writable(folder: Path) -> bool:
    """Whether files can be created in `folder` (created if missing), tried for real."""
    from reader.core.writable import folder_writable  # only when portable mode checks

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return folder_writable(folder)
