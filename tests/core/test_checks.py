"""`check` tells an author what to fix: dead links with the likely target, figures, fences."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.checks import check_library, format_report


def _course(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def _problems(report: dict[str, Any], kind: str) -> list[dict[str, str]]:
    return [p for p in report["problems"] if p["kind"] == kind]


def test_dead_links_name_the_chapter_the_link_and_the_likely_target(tmp_path: Path) -> None:
    _course(
        tmp_path,
        {
            "README.md": "# Course\n\n[lesson two](1-topic/lesson-2/README.md)\n",
            "2-topic/lesson-2/README.md": "# Two\n",
            "1-topic/README.md": "# One\n\n[notes](notes.md) [ok](../2-topic/lesson-2/)\n",
            "1-topic/extra/notes.md": "# Notes\n",
        },
    )
    report = check_library(tmp_path)
    dead = {(p["path"], p["message"]) for p in _problems(report, "dead-link")}
    assert len(dead) == 2
    by_path = dict(dead)
    assert '"1-topic/lesson-2/README.md"' in by_path["README.md"]
    assert "2-topic/lesson-2/README.md" in by_path["README.md"].split("leads nowhere")[1]
    assert "1-topic/extra/notes.md" in by_path["1-topic/README.md"]


def test_a_link_to_a_missing_section_is_dead_and_capitals_do_not_matter(tmp_path: Path) -> None:
    _course(
        tmp_path,
        {
            "a.md": "# A\n\n[x](b.md#Part-Two) [y](b.md#part-three) [z](#a)\n",
            "b.md": "# B\n\n## Part two\n",
        },
    )
    dead = _problems(check_library(tmp_path), "dead-link")
    assert [p["message"] for p in dead] == [
        'The link "b.md#part-three" leads to a section "#part-three" that b.md does not have.'
    ]


def test_links_to_course_files_and_web_are_not_dead(tmp_path: Path) -> None:
    _course(
        tmp_path,
        {
            "a.md": "# A\n\n[code](code/app.py) [folder](code/) [web](https://example.org)\n",
            "code/app.py": "print()\n",
        },
    )
    assert not _problems(check_library(tmp_path), "dead-link")


def test_figures_missing_outside_and_on_the_web_are_told_apart(tmp_path: Path) -> None:
    _course(
        tmp_path,
        {
            "lesson/README.md": (
                "# L\n\n![a](images/missing.png)\n\n![b](../../outside.png)\n\n"
                "![c](https://example.org/x.png)\n\n![d](../assets/here.png)\n"
            ),
            "assets/here.png": b"\x89PNG\r\n\x1a\n",
            "assets/missing.png": b"\x89PNG\r\n\x1a\n",
        },
    )
    report = check_library(tmp_path)
    missing = _problems(report, "missing-image")
    assert len(missing) == 1 and "assets/missing.png" in missing[0]["message"]
    assert len(_problems(report, "unsafe-path")) == 1
    assert len(_problems(report, "remote-image")) == 1
    images = report["chapters"][0]["images"]
    assert [i["found"] for i in images] == [False, False, False, True]


def test_unclosed_fence_untitled_chapter_and_skipped_files_are_reported(tmp_path: Path) -> None:
    _course(
        tmp_path,
        {
            "a.md": "# A\n\n```python\nprint(1)\n",
            "b.md": "just words, no heading\n",
            "node_modules/pkg/README.md": "# Package\n",
        },
    )
    report = check_library(tmp_path)
    assert [p["path"] for p in _problems(report, "unclosed-fence")] == ["a.md"]
    assert any(s["path"].startswith("node_modules") for s in report["skipped"])
    text = format_report(report, tmp_path)
    assert "skipped" in text and "unclosed-fence" in text
    assert all("\\" not in c["path"] for c in report["chapters"])


def test_nested_chapters_are_indented_under_their_parent(tmp_path: Path) -> None:
    _course(
        tmp_path,
        {
            "README.md": "# Course\n",
            "1-topic/README.md": "# Topic\n",
            "1-topic/lessons/1-first/README.md": "# First\n",
        },
    )
    report = check_library(tmp_path)
    lesson = next(c for c in report["chapters"] if c["path"].startswith("1-topic/lessons"))
    topic = next(c for c in report["chapters"] if c["path"] == "1-topic/README.md")
    assert lesson["parent"] == topic["slug"]
    lines = format_report(report, tmp_path).splitlines()
    topic_line = next(line for line in lines if "1-topic/README.md" in line)
    lesson_line = next(line for line in lines if "1-first/README.md" in line)
    indent = len(lesson_line) - len(lesson_line.lstrip())
    assert indent > len(topic_line) - len(topic_line.lstrip())
