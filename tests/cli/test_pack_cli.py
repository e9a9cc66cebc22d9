"""--content takes a zip course pack for every command; a bad pack is refused in words."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import SEED, run_cli
from pack_zips import zip_entries

run = run_cli


def _pack(tmp_path: Path) -> Path:
    return zip_entries(
        tmp_path / "security.zip",
        {
            "security-main/": b"",
            "security-main/human-security.md": SEED.read_bytes(),
            "security-main/more/README.md": "# More\n\nA [dead link](nowhere.md).\n",
        },
    )


def test_check_reads_a_zip_pack(tmp_path: Path) -> None:
    done = run("check", "--content", str(_pack(tmp_path)), "--json")
    assert done.returncode == 1, done.stderr  # the dead link
    report = json.loads(done.stdout)
    assert [c["path"] for c in report["chapters"]] == ["human-security.md", "more/README.md"]
    assert [p["kind"] for p in report["problems"]].count("dead-link") == 1


def test_check_reports_a_refused_pack(tmp_path: Path) -> None:
    bad = zip_entries(tmp_path / "bad.zip", {"README.md": "# Fine\n", "../evil.md": "# Evil\n"})
    done = run("check", "--content", str(bad))
    assert done.returncode == 1
    assert "bad.zip cannot be opened" in done.stdout and "outside the pack" in done.stdout
    assert "Traceback" not in done.stderr


def test_search_finds_text_inside_a_zip_pack(tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = run(
        "search", "freedom from fear", "--content", str(_pack(tmp_path)), "--data-dir", str(data)
    )
    assert done.returncode == 0, done.stderr
    assert "«freedom» «from» «fear»" in done.stdout
    assert "[human-security#human-security]" in done.stdout


def test_a_command_on_a_bad_pack_is_a_usage_error_in_words(tmp_path: Path) -> None:
    fake = tmp_path / "course.zip"
    fake.write_text("not a zip")
    data = tmp_path / "data"
    done = run("export", "--content", str(fake), "--data-dir", str(data))
    assert done.returncode == 2
    assert "course.zip is not a course pack" in done.stderr
    assert "Traceback" not in done.stderr
    shot = run(
        "screenshot", str(tmp_path / "x.png"), "--content", str(fake), "--data-dir", str(data)
    )
    assert shot.returncode == 2 and "neither a folder" in shot.stderr
    assert not (tmp_path / "x.png").exists()


def test_check_says_that_a_pack_without_chapters_would_open_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "empty-course"
    (empty / "images").mkdir(parents=True)
    (empty / "notes.txt").write_text("not a chapter", encoding="utf-8")
    result = run("check", "--json", "--content", str(empty))
    assert result.returncode == 1, result.stdout
    problems = json.loads(result.stdout)["problems"]
    assert problems[0]["message"].endswith("of Markdown (.md) files.")
    assert "holds no chapters" in problems[0]["message"]
