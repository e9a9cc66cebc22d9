"""Open a course pack as a library: a folder of chapters or a zip file read in place,
refused with a reason when unusable.

This is the one entry point the window and the commands use to open a library chosen by
the user, so that every refusal reads the same and the current library stays open.
"""

from __future__ import annotations

from pathlib import Path

from reader.core.i18n import translate
from reader.core.library import Library, Progress
from reader.core.pack_error import PackError

__all__ = ["PackError", "load_pack", "no_chapters_message", "open_library"]


def load_pack(
    path: Path, cache_file: Path | None = None, progress: Progress | None = None
) -> Library:
    """The library of the folder or zip file at `path`, even without chapters (the window
    shows why); PackError when it is neither, or is a zip that cannot be used. `progress`
    hears how far the read is (reader/core/library_scan.py)."""
    from reader.core.library_scan import load_files, load_library

    if not path.exists():
        message = translate("Pack", "{path} does not exist. Check the name, or plug the drive in.")
        raise PackError(message.format(path=path))
    if path.is_dir():
        library = load_library(path, cache_file, progress)
    else:
        from reader.core.zip_pack import is_zip, open_zip

        if not is_zip(path):
            raise PackError(
                translate(
                    "Pack",
                    "{path} is not a course pack: open a folder of Markdown chapters, or a "
                    ".zip file of one.",
                ).format(path=path)
            )
        library = load_files(open_zip(path), cache_file, progress)
    return _with_metadata_problems(library)


def open_library(path: Path, cache_file: Path | None = None) -> Library:
    """The library of the pack at `path` (a folder or a .zip); PackError when it cannot be used."""
    library = load_pack(path, cache_file)
    if not library.chapters:
        library.files.close()
        raise PackError(no_chapters_message(path))
    return library


def no_chapters_message(path: Path) -> str:
    """Why a pack without any chapter cannot be read."""
    return translate(
        "Pack",
        "{path} holds no chapters: a course pack is a folder (or a .zip of a folder) "
        "of Markdown (.md) files.",
    ).format(path=path)


def _with_metadata_problems(library: Library) -> Library:
    """`library`, with a problem added when its metadata file is unusable."""
    from reader.core.pack_identity import read_metadata

    problem = read_metadata(library.files)[1]
    if problem is None:
        return library
    return library.replace(problems=(*library.problems, problem))
