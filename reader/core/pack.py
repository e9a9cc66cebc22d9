"""Open a course pack as a library: a folder of chapters, refused with a reason when unusable.

This is the one entry point the window and the commands use to open a library chosen by
the user, so that every refusal reads the same and the current library stays open.
"""

from __future__ import annotations

from pathlib import Path

from reader.core.i18n import translate
from reader.core.library import Library, load_library

__all__ = ["PackError", "open_library"]


class PackError(Exception):
    """A course pack that cannot be opened; `message` says why and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def open_library(path: Path, cache_file: Path | None = None) -> Library:
    """The library of the pack at `path`; PackError when it cannot be used."""
    if not path.exists():
        message = translate("Pack", "{path} does not exist. Check the name, or plug the drive in.")
        raise PackError(message.format(path=path))
    if not path.is_dir():
        raise PackError(translate("Pack", "{path} is not a folder of chapters.").format(path=path))
    library = load_library(path, cache_file)
    if not library.chapters:
        raise PackError(
            translate(
                "Pack",
                "{path} holds no chapters: a course pack is a folder of Markdown (.md) files.",
            ).format(path=path)
        )
    return library
