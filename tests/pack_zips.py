"""Zip files of course packs made in tests: from a folder, with or without a top folder."""

from __future__ import annotations

import zipfile
from pathlib import Path


def zip_folder(
    source: Path, out: Path, top: str | None = None, *, method: int = zipfile.ZIP_DEFLATED
) -> Path:
    """Zip every file and folder under `source` into `out`, inside folder `top` when given
    (GitHub's "Download ZIP" puts everything in `name-main/`, folder entries included)."""
    prefix = f"{top}/" if top else ""
    with zipfile.ZipFile(out, "w", method) as archive:
        if top:
            archive.writestr(prefix, "")
        for path in sorted(source.rglob("*")):
            name = prefix + path.relative_to(source).as_posix()
            if path.is_dir():
                archive.writestr(name + "/", "")
            else:
                archive.write(path, name)
    return out


def zip_entries(out: Path, entries: dict[str, bytes | str]) -> Path:
    """A zip holding exactly `entries` (name -> content)."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(zipfile.ZipInfo(name, (2024, 5, 1, 12, 0, 0)), content)
    return out
