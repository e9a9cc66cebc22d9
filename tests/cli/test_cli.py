"""The command line end to end, as real subprocesses: --help, --version, check, screenshot."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import run_cli, write_chapter
from PySide6.QtGui import QImage

from reader import __version__

run = run_cli


def test_help_names_every_command_and_option() -> None:
    result = run("--help")
    assert result.returncode == 0
    for word in ("screenshot", "check", "--content", "--data-dir", "--chapter", "--version"):
        assert word in result.stdout


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and __version__ in result.stdout


def test_check_bundled_library_reports_the_four_missing_figures() -> None:
    result = run("check", "--json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    [chapter] = report["chapters"]
    assert chapter["slug"] == "human-security" and chapter["path"] == "human-security.md"
    assert [h["level"] for h in chapter["outline"]] == [2, 2, 2, 2, 1, 1, 1, 1, 1]
    assert chapter["outline"][6] == {"level": 1, "title": "Poverty", "id": "poverty"}
    assert [i["src"] for i in chapter["images"]][
        3
    ] == "static\\modules\\debates_unresolved issues.png"
    assert all(not i["found"] for i in chapter["images"])
    assert [p["kind"] for p in report["problems"]] == ["missing-image"] * 4
    assert {p["path"] for p in report["problems"]} == {"human-security.md"}


def test_check_clean_library_exits_zero_and_plain_output(tmp_path: Path) -> None:
    write_chapter(tmp_path, "a.md", "Alpha", "# One\n\ntext")
    result = run("check", "--content", str(tmp_path))
    assert result.returncode == 0
    assert "No problems found" in result.stdout


def test_check_reports_every_kind(tmp_path: Path) -> None:
    write_chapter(tmp_path, "a.md", "Alpha", '<img src="../x.png" alt="x" />', slug="s")
    write_chapter(tmp_path, "b.md", "Beta", "text", slug="s")
    (tmp_path / "c.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    (tmp_path / "d.md").write_bytes(b"---\ntitle: \xff\n---\n")
    result = run("check", "--json", "--content", str(tmp_path))
    assert result.returncode == 1
    kinds = sorted((p["path"], p["kind"]) for p in json.loads(result.stdout)["problems"])
    assert kinds == [
        ("a.md", "unsafe-path"),
        ("b.md", "duplicate-slug"),
        ("c.md", "bad-front-matter"),
        ("c.md", "no-title"),  # it still loads, titled from its name
        ("d.md", "unreadable"),
    ]


def test_usage_errors_exit_two(tmp_path: Path) -> None:
    assert run("check", "--content", str(tmp_path / "missing")).returncode == 2
    assert run("check", "--bogus").returncode == 2
    result = run("screenshot", str(tmp_path / "x.png"), "--size", "big")
    assert result.returncode == 2 and "--size" in result.stderr


def test_screenshot_writes_a_png_of_the_window(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    result = run(
        "screenshot",
        str(out),
        "--size",
        "900x640",
        "--data-dir",
        str(tmp_path / "data"),
        "--heading",
        "poverty",
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (900, 640)
    # Text was drawn: many distinct colours (antialiased glyphs), and dark pixels on the light page.
    colours = {image.pixel(x, y) for x in range(300, 880, 3) for y in range(80, 600, 3)}
    assert len(colours) > 20
    # A screenshot never writes settings.
    assert not (tmp_path / "data" / "settings.ini").exists()


def test_screenshot_unknown_heading_is_an_error(tmp_path: Path) -> None:
    result = run(
        "screenshot", str(tmp_path / "x.png"), "--heading", "nope", "--data-dir", str(tmp_path)
    )
    assert result.returncode == 2 and "nope" in result.stderr


WINDOW_COMMAND_LINES = [
    [],
    ["--content", "check"],  # a library folder named like a command
    ["--cont", "lib", "--data", "d"],  # abbreviated options
    ["--portable", "--profile", "Amina", "--chapter", "intro", "--sync-dir", "usb"],
]


def test_a_command_line_that_opens_the_window_parses_as_the_whole_parser_would() -> None:
    from reader.cli import build_parser, parse_command_line

    for argv in WINDOW_COMMAND_LINES:
        assert vars(parse_command_line(argv)) == vars(build_parser(argv).parse_args(argv))


def test_a_command_line_with_a_command_gets_that_command() -> None:
    from reader.cli import cmd_check, parse_command_line

    args = parse_command_line(["--portable", "check", "--json"])
    assert args.command == "check" and args.handler is cmd_check and args.json


def test_a_mistake_in_the_window_options_is_worded_by_the_whole_parser() -> None:
    missing = run("--content")
    assert missing.returncode == 2
    assert "COMMAND" in missing.stderr and "expected one argument" in missing.stderr
    unknown = run("--bogus")
    assert unknown.returncode == 2 and "unrecognized arguments: --bogus" in unknown.stderr
