"""`check` names what would hurt readers: huge files, huge figures, deep nesting, links out."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

from helpers import write_png

from reader.checks import check_library, format_report
from reader.core.library import MAX_CHAPTER_BYTES


def _kinds(report: dict[str, Any], kind: str) -> list[dict[str, str]]:
    return [p for p in report["problems"] if p["kind"] == kind]


def _declared_png(path: Path, width: int, height: int) -> None:
    """A 1x1 PNG whose header declares `width` x `height` (nothing else is read)."""
    write_png(path, 1, 1)
    data = bytearray(path.read_bytes())
    data[16:24] = struct.pack(">II", width, height)
    path.write_bytes(bytes(data))


def test_a_chapter_over_the_size_limit_is_listed(tmp_path: Path) -> None:
    (tmp_path / "fine.md").write_text("# Fine\n\nText.\n", encoding="utf-8")
    with (tmp_path / "huge.md").open("wb") as file:
        file.truncate(MAX_CHAPTER_BYTES + 1024)  # sparse: costs no disk
    report = check_library(tmp_path)
    (problem,) = [p for p in report["problems"] if p["path"] == "huge.md"]
    assert problem["kind"] == "unreadable"
    assert (
        f"{MAX_CHAPTER_BYTES // (1024 * 1024)} MB" in problem["message"]
        and "not opened" in problem["message"]
    )
    assert [c["path"] for c in report["chapters"]] == ["fine.md"]
    assert "huge.md [unreadable]" in format_report(report, tmp_path)


def test_a_chapter_with_over_two_million_characters_is_big(tmp_path: Path) -> None:
    paragraph = "Water, food and shelter come first in every plan for a camp.\n\n"
    (tmp_path / "big.md").write_text("# Big\n\n" + paragraph * 36_000, encoding="utf-8")
    (tmp_path / "middling.md").write_text("# Mid\n\n" + paragraph * 16_000, encoding="utf-8")
    report = check_library(tmp_path)
    (problem,) = _kinds(report, "big-chapter")
    assert problem["path"] == "big.md"
    assert "2.2 million characters" in problem["message"]
    assert "16,000 characters" in problem["message"]


def test_figures_over_100_megapixels_are_too_large(tmp_path: Path) -> None:
    figures = tmp_path / "figures"
    figures.mkdir()
    _declared_png(figures / "scan.png", 12_000, 9_000)
    _declared_png(figures / "photo.png", 8_000, 8_000)
    (figures / "map.svg").write_text('<svg width="100000" height="100000"></svg>')
    (tmp_path / "a.md").write_text(
        "# A\n\n![scan](figures/scan.png)\n\n![photo](figures/photo.png)\n\n"
        "![map](figures/map.svg)\n\n![gone](figures/gone.png)\n",
        encoding="utf-8",
    )
    (tmp_path / "b.md").write_text("# B\n\n![again](figures/scan.png)\n", encoding="utf-8")
    report = check_library(tmp_path)
    large = _kinds(report, "image-too-large")
    assert [p["path"] for p in large] == ["a.md", "b.md"]
    assert '"figures/scan.png" is 12,000 x 9,000 pixels (108 megapixels)' in large[0]["message"]
    assert "over 100 megapixels are not shown" in large[0]["message"]
    assert [p["path"] for p in _kinds(report, "missing-image")] == ["a.md"]
    assert report["chapters"][0]["images"][0] == {"src": "figures/scan.png", "found": True}


def test_nesting_flattened_by_the_renderer_is_reported(tmp_path: Path) -> None:
    deep = "".join("  " * level + "- item\n" for level in range(2_000))
    (tmp_path / "deep.md").write_text("# Deep\n\n" + deep, encoding="utf-8")
    (tmp_path / "tags.md").write_text("# Tags\n\n" + "<ul><li>" * 10_000, encoding="utf-8")
    (tmp_path / "flat.md").write_text("# Flat\n\n- one\n  - two\n", encoding="utf-8")
    report = check_library(tmp_path)
    assert sorted(p["path"] for p in _kinds(report, "too-deep")) == ["deep.md", "tags.md"]


def test_links_leaving_the_library_are_unsafe_paths(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("# Secret\n", encoding="utf-8")
    library = tmp_path / "library"
    library.mkdir()
    (library / "own.md").write_text("# Own\n", encoding="utf-8")
    (library / "leak.md").symlink_to(outside / "secret.md")
    (library / "elsewhere").symlink_to(outside, target_is_directory=True)
    report = check_library(library)
    unsafe = sorted(p["path"] for p in _kinds(report, "unsafe-path"))
    assert unsafe == ["elsewhere", "leak.md"]
    assert [c["path"] for c in report["chapters"]] == ["own.md"]
    assert "outside the library folder" in format_report(report, library)
