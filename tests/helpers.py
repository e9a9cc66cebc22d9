"""Helpers shared by the tests (fixtures live in conftest.py)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "content" / "human-security.md"


def write_chapter(root: Path, name: str, title: str, body: str, **meta: object) -> Path:
    """Write a chapter file with front matter into library `root`."""
    lines = ["---", f"title: {title}"] + [f"{k}: {v}" for k, v in meta.items()] + ["---", "", body]
    path = root / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
