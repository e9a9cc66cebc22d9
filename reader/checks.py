"""`field-reader check`: validate a library for content authors preparing a pack."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from reader.core.library import Library, Problem, load_library
from reader.core.render import render_markdown


def check_library(root: Path) -> dict[str, Any]:
    """Everything `check --json` reports about the library at `root`."""
    library: Library = load_library(root)
    problems: list[Problem] = list(library.problems)
    chapters: list[dict[str, Any]] = []
    for chapter in library.chapters:
        rendered = render_markdown(chapter.body, library.root)
        images = []
        for ref in rendered.images:
            images.append({"src": ref.src, "found": ref.status == "found"})
            if ref.status == "missing":
                problems.append(
                    Problem(
                        chapter.relpath,
                        "missing-image",
                        f'The image "{ref.src}" is not in the library folder.',
                    )
                )
            elif ref.status == "unsafe":
                problems.append(
                    Problem(
                        chapter.relpath,
                        "unsafe-path",
                        f'The image "{ref.src}" points outside the library folder '
                        "(or is a URL or an absolute path) and will not be shown.",
                    )
                )
        chapters.append(
            {
                "slug": chapter.slug,
                "title": chapter.title,
                "path": chapter.relpath,
                "outline": [
                    {"level": h.level, "title": h.title, "id": h.id} for h in rendered.headings
                ],
                "images": images,
            }
        )
    return {"chapters": chapters, "problems": [asdict(p) for p in problems]}


def format_report(report: dict[str, Any], root: Path) -> str:
    """A readable summary of a `check_library` report."""
    lines = [f"Library: {root}"]
    for chapter in report["chapters"]:
        found = sum(1 for image in chapter["images"] if image["found"])
        lines.append(
            f'  {chapter["path"]}: "{chapter["title"]}" ({chapter["slug"]}), '
            f"{len(chapter['outline'])} headings, {found}/{len(chapter['images'])} images found"
        )
    problems = report["problems"]
    if problems:
        lines.append(f"{len(problems)} problem{'s' if len(problems) != 1 else ''}:")
        lines.extend(f"  {p['path']} [{p['kind']}] {p['message']}" for p in problems)
    else:
        lines.append("No problems found.")
    return "\n".join(lines)
