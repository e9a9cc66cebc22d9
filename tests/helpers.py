"""Helpers shared by the tests (fixtures live in conftest.py)."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "content" / "human-security.md"


def write_chapter(root: Path, name: str, title: str, body: str, **meta: object) -> Path:
    """Write a chapter file with front matter into library `root`."""
    lines = ["---", f"title: {title}"] + [f"{k}: {v}" for k, v in meta.items()] + ["---", "", body]
    path = root / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def write_png(path: Path, width: int, height: int) -> None:
    """Write a small solid PNG without any imaging library."""
    raw = b"".join(b"\x00" + b"\x40\x80\xc0" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


# Two public courses as published (licences inside), beside the repository: in a
# checkout at <dir>/main they are at <dir>/shared/courses.
COURSES = REPO.parent / "shared" / "courses"
IOT_COURSE = COURSES / "iot-for-beginners"
CARPENTRIES_COURSE = COURSES / "python-novice-inflammation"


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`field-reader ARGS` as a real subprocess (offscreen Qt, UTF-8 output, from the repo)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env=env,
        cwd=cwd or REPO,
    )
