"""Every chapter of the real published courses renders with no Markdown syntax left showing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.core.render import render_markdown
from reader.core.text_extract import plain_text

# /work/shared/courses on the development machine; ../shared/courses next to the checkout in CI.
COURSES = Path(__file__).resolve().parents[2].parent / "shared" / "courses"
_CHAPTERS = sorted(COURSES.rglob("*.md")) if COURSES.is_dir() else []
_LEFTOVERS = [
    ("a fence", re.compile(r"```|~~~")),
    ("an alert marker", re.compile(r"\[!(note|tip|important|warning|caution)\]", re.I)),
    ("a fenced div", re.compile(r"^\s*:::")),
    ("details markup", re.compile(r"</?(details|summary)\b", re.I)),
    ("bold or heading markup", re.compile(r"^\s*(\*\*|###)")),
]


@pytest.mark.skipif(not _CHAPTERS, reason=f"the shared courses are not at {COURSES}")
def test_every_course_chapter_renders_without_visible_syntax() -> None:
    problems: list[str] = []
    for path in _CHAPTERS:
        relpath = path.relative_to(COURSES).as_posix()
        base = relpath.rpartition("/")[0]
        rendered = render_markdown(path.read_text(encoding="utf-8"), COURSES, base)
        plain = plain_text(rendered.html)
        offset = 0
        for line in plain.text.split("\n"):
            inside_code = any(start <= offset <= end for start, end in plain.code)
            offset += len(line) + 1
            if inside_code:
                continue
            for what, pattern in _LEFTOVERS:
                if pattern.search(line):
                    problems.append(f"{relpath}: {what} in {line[:80]!r}")
    assert len(_CHAPTERS) > 100
    assert problems == []


@pytest.mark.skipif(not _CHAPTERS, reason=f"the shared courses are not at {COURSES}")
def test_lesson_images_reached_through_parent_folders_are_found() -> None:
    lesson = (
        COURSES / "iot-for-beginners" / "1-getting-started" / "lessons" / "1-introduction-to-iot"
    )
    body = (lesson / "README.md").read_text(encoding="utf-8")
    rendered = render_markdown(body, COURSES, lesson.relative_to(COURSES).as_posix())
    found = [i for i in rendered.images if i.src.startswith("../../../images/")]
    assert found and all(i.status == "found" for i in found)


@pytest.mark.skipif(not _CHAPTERS, reason=f"the shared courses are not at {COURSES}")
def test_carpentries_episode_boxes_and_solutions() -> None:
    episode = COURSES / "python-novice-inflammation" / "episodes" / "01-intro.md"
    if not episode.is_file():
        episode = sorted((COURSES / "python-novice-inflammation" / "episodes").glob("*.md"))[0]
    rendered = render_markdown(episode.read_text(encoding="utf-8"), COURSES, "x/episodes")
    plain = plain_text(rendered.html)
    assert 'class="box box-' in rendered.html
    assert plain.folds and all(plain.text[f.marker] == "▸" for f in plain.folds)
