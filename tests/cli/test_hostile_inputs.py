"""Every command against the hostile corpus (tests/hostile/): a clean message, never a traceback.

Real subprocesses, as a user would run them. The expected exit status and words of each
input are in tests/hostile/expected.json.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers import REPO

from reader.core.data_folder import NOTES_FILE
from reader.core.sync import sync_file_name

CORPUS = REPO / "tests" / "hostile"
EXPECTED: dict[str, Any] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
IMPORTS = sorted(EXPECTED["import"])
SEED_CONTENT = REPO / "content"


def run(
    *args: str | bytes, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run field-reader in a subprocess, offscreen, from the repository."""
    full = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="backslashreplace",
        timeout=timeout,
        env=full,
        cwd=REPO,
    )


def assert_clean(result: subprocess.CompletedProcess[str], status: int, words: str = "") -> None:
    """No traceback, the expected exit status, and the expected words somewhere in the output."""
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output[-3000:]
    assert "internal error" not in output, output[-3000:]
    assert result.returncode == status, output[-3000:]
    assert words in output, output[-3000:]


def note_count(data: Path) -> int:
    """Live and deleted notes stored in a data folder (0 when it has no notes file)."""
    if not (data / NOTES_FILE).exists():
        return 0
    with sqlite3.connect(data / NOTES_FILE) as conn:
        return int(conn.execute("SELECT count(*) FROM annotations").fetchone()[0])


def write_generated(folder: Path) -> dict[str, Path]:
    """The hostile files too big to keep in the repository, written into `folder`."""
    huge = folder / "huge.json"
    with huge.open("wb") as handle:
        handle.truncate(60 * 1024 * 1024)  # sparse: no disk space, still 60 MB to read
    item = json.loads((CORPUS / "import" / "colour-unknown.json").read_text(encoding="utf-8"))
    item["first"]["items"][0]["id"] = "urn:uuid:0b3f1f5e-7c55-4c1e-9d3a-5f2b6c7d8e9f"
    item["first"]["items"][0]["bodyValue"] = "n" * (1024 * 1024 + 1)
    long_note = folder / "long-note.json"
    long_note.write_text(json.dumps(item), encoding="utf-8")
    return {"huge.json": huge, "long-note.json": long_note, "missing.json": folder / "missing"}


# -- import -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", IMPORTS)
def test_each_hostile_import_file_is_merged_or_refused_in_words(name: str, tmp_path: Path) -> None:
    status, words = EXPECTED["import"][name]
    data = tmp_path / "data"
    result = run(
        "import",
        str(CORPUS / "import" / name),
        "--content",
        str(SEED_CONTENT),
        "--data-dir",
        str(data),
    )
    assert_clean(result, status, words)
    if status:
        assert "nothing was changed" in result.stderr and note_count(data) == 0
    else:
        assert note_count(data) >= 1


def test_generated_hostile_import_files_are_refused_in_words(tmp_path: Path) -> None:
    for name, path in write_generated(tmp_path).items():
        status, words = EXPECTED["generated_imports"][name]
        data = tmp_path / f"data-{name}"
        result = run("import", str(path), "--content", str(SEED_CONTENT), "--data-dir", str(data))
        assert_clean(result, status, words)
        assert note_count(data) == 0


# -- sync ---------------------------------------------------------------------------------------


def test_sync_merges_the_good_files_and_names_every_bad_one(tmp_path: Path) -> None:
    folder = tmp_path / "stick"
    shutil.copytree(CORPUS / "import", folder)
    write_generated(folder)
    # A file name that is not UTF-8, as an old USB stick may hold.
    odd = os.fsdecode(b"field-reader-caf\xe9.json")
    shutil.copy(CORPUS / "import" / "nan.json", folder / odd)
    (folder / "a-folder.json").mkdir()  # not a file: passed over
    data = tmp_path / "data"
    result = run("sync", str(folder), "--content", str(SEED_CONTENT), "--data-dir", str(data))
    assert_clean(result, 1, "Wrote this computer's notes to")

    good = [name for name, (status, _) in EXPECTED["import"].items() if status == 0]
    bad = {name: words for name, (status, words) in EXPECTED["import"].items() if status}
    bad.update({k: v[1] for k, v in EXPECTED["generated_imports"].items() if k != "missing.json"})
    for name in good:
        assert f"Merged {name}:" in result.stdout
    blocks = result.stderr.split("field-reader: ")
    for name, words in bad.items():
        [block] = [b for b in blocks if b.startswith(f"{name} was not merged")]
        assert words in block, block
    assert "field-reader-caf\\udce9.json was not merged" in result.stderr
    assert note_count(data) == len(good)
    [own] = [
        p for p in folder.iterdir() if p.name.startswith("field-reader-") and "caf" not in p.name
    ]
    assert own.name == sync_file_name(own.name[len("field-reader-") : -len(".json")])
    assert json.loads(own.read_text(encoding="utf-8"))["total"] == len(good)

    # Again: the same refusals, nothing changed, no note lost.
    again = run("sync", str(folder), "--content", str(SEED_CONTENT), "--data-dir", str(data))
    assert_clean(again, 1, "Wrote this computer's notes to")
    assert "added: 0, updated: 0, deleted: 0" in again.stdout
    assert "added: 1" not in again.stdout and note_count(data) == len(good)


def test_a_sync_folder_that_is_not_there_is_reported(tmp_path: Path) -> None:
    result = run("sync", str(tmp_path / "unplugged"), "--data-dir", str(tmp_path / "data"))
    assert_clean(result, 1, "is not available")
    assert not (tmp_path / "unplugged").exists()


# -- search -------------------------------------------------------------------------------------


def test_hostile_search_queries_answer_cleanly(tmp_path: Path) -> None:
    data = tmp_path / "data"
    for entry in EXPECTED["search"]:
        query, status = entry[0], entry[1]
        if len(entry) > 2:
            query = query * entry[2]
        result = run("search", query, "--content", str(SEED_CONTENT), "--data-dir", str(data))
        assert_clean(result, status)
    # Bytes that are not UTF-8 reach Python as lone surrogates.
    result = run("search", b"caf\xe9 \xff", "--content", str(SEED_CONTENT), "--data-dir", str(data))
    assert_clean(result, 0)


def test_a_search_query_holding_nul_answers_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A NUL cannot travel in a command line, so this one runs in this process.
    from reader.cli import main

    data = tmp_path / "data"
    for query in ("free\x00dom", "\x00", '"\x00"*'):
        assert main(["search", query, "--content", str(SEED_CONTENT), "--data-dir", str(data)]) == 0
        out = capsys.readouterr()
        assert "Traceback" not in out.out + out.err


# -- a library of hostile chapters --------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile") / "library"
    shutil.copytree(CORPUS / "library", root)
    # A file name that is not UTF-8 (git cannot keep one): Python sees a lone surrogate.
    (root / os.fsdecode(b"caf\xe9.md")).write_text("---\ntitle: Caf\n---\n\nText.\n")
    return root


def test_check_names_the_broken_chapters(hostile_library: Path) -> None:
    status, words = EXPECTED["library"]["check"]
    result = run("check", "--content", str(hostile_library))
    assert_clean(result, status, words)
    for name in EXPECTED["library"]["skipped"]:
        assert name in result.stdout
    assert "caf\\udce9.md" in result.stdout  # named, escaped
    as_json = run("check", "--json", "--content", str(hostile_library))
    assert_clean(as_json, status)
    json.loads(as_json.stdout)


def test_search_and_export_over_hostile_chapters(hostile_library: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    common = ("--content", str(hostile_library), "--data-dir", str(data))
    status, words = EXPECTED["library"]["search"]
    assert_clean(run("search", "freedom", *common), status, words)
    assert_clean(run("search", "- - -", *common), 0)
    status, words = EXPECTED["library"]["export"]
    assert_clean(run("export", *common), status, words)
    assert_clean(run("export", "--format", "html", *common), status)


@pytest.mark.parametrize("slug", EXPECTED["library"]["chapters"])
def test_screenshot_of_each_hostile_chapter(
    slug: str, hostile_library: Path, tmp_path: Path
) -> None:
    out = tmp_path / f"{slug}.png"
    result = run(
        "screenshot",
        str(out),
        "--chapter",
        slug,
        "--size",
        "640x480",
        "--content",
        str(hostile_library),
        "--data-dir",
        str(tmp_path / "data"),
    )
    assert_clean(result, 0)
    assert out.stat().st_size > 0


def test_the_window_command_with_a_missing_library_is_a_usage_error(tmp_path: Path) -> None:
    result = run("--content", str(tmp_path / "nowhere"), "--data-dir", str(tmp_path / "data"))
    assert_clean(result, 2, "does not exist")


# -- a bug: one line for the user, the traceback in the log -------------------------------------


def test_a_bug_prints_one_line_and_logs_the_traceback(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    # Stands in for a bug: the check command raises something no code expects.
    (site / "sitecustomize.py").write_text(
        "import reader.cli\n"
        "def broken(args):\n"
        "    raise KeyError('a bug in the check command')\n"
        "reader.cli.cmd_check = broken\n",
        encoding="utf-8",
    )
    data = tmp_path / "data"
    result = run("check", "--data-dir", str(data), env={"PYTHONPATH": str(site)})
    assert result.returncode == 70
    assert "Traceback" not in result.stdout + result.stderr
    [line] = result.stderr.splitlines()
    log = data / "logs" / "internal-errors.log"
    assert line.startswith("field-reader: Field Reader hit an internal error (KeyError: ")
    assert "please report it" in line and str(log) in line
    logged = log.read_text(encoding="utf-8")
    assert "Traceback" in logged and "a bug in the check command" in logged


# -- offline: no command needs the network --------------------------------------------------------

NO_NETWORK = '''\
"""Any attempt to use the network fails at once (installed by the offline test)."""
import socket


def _refuse(*args, **kwargs):
    raise OSError("the network is off for this test")


class _NoSocket(socket.socket):
    def __init__(self, *args, **kwargs):
        _refuse()


socket.socket = _NoSocket
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
'''


def test_every_command_works_with_the_network_off(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(NO_NETWORK, encoding="utf-8")
    env = {"PYTHONPATH": str(site)}
    # The switch itself works: a connection attempt fails in such a process.
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.create_connection(('127.0.0.1', 9))"],
        capture_output=True,
        text=True,
        env=dict(os.environ, **env),
        timeout=60,
    )
    assert probe.returncode != 0 and "the network is off" in probe.stderr

    data, stick = tmp_path / "data", tmp_path / "stick"
    stick.mkdir()
    common = ("--content", str(SEED_CONTENT), "--data-dir", str(data))
    note = CORPUS / "import" / "colour-unknown.json"
    for args in (
        ("check", "--content", str(SEED_CONTENT)),
        ("import", str(note), *common),
        ("search", "freedom", *common),
        ("export", "--format", "json", "-o", str(tmp_path / "notes.json"), *common),
        ("export", "--format", "html", "-o", str(tmp_path / "notes.html"), *common),
        ("sync", str(stick), *common),
        ("screenshot", str(tmp_path / "shot.png"), "--size", "640x480", *common),
    ):
        result = run(*args, env=env)
        # The bundled chapter lacks its four figures: check reports them (exit 1).
        assert_clean(result, 1 if args[0] == "check" else 0)
    assert note_count(data) == 1 and (tmp_path / "shot.png").stat().st_size > 0
    assert json.loads((tmp_path / "notes.json").read_text(encoding="utf-8"))["total"] == 1


def test_a_bug_inside_the_window_is_logged_not_printed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    # Stands in for the window: an event loop whose slot raises, then quits.
    (site / "sitecustomize.py").write_text(
        "import reader.cli\n"
        "def run_gui(*args, **kwargs):\n"
        "    from PySide6.QtCore import QTimer\n"
        "    from PySide6.QtWidgets import QApplication\n"
        "    app = QApplication([])\n"
        "    def slot():\n"
        "        raise ValueError('a bug in a slot')\n"
        "    QTimer.singleShot(0, slot)\n"
        "    QTimer.singleShot(50, app.quit)\n"
        "    return app.exec()\n"
        "class Shell:\n"
        "    pass\n"
        "shell = Shell()\n"
        "shell.run_gui = run_gui\n"
        "reader.cli._ui_app = lambda: shell\n",
        encoding="utf-8",
    )
    data = tmp_path / "data"
    result = run("--data-dir", str(data), env={"PYTHONPATH": str(site)})
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert "internal error (ValueError: a bug in a slot)" in result.stderr
    assert "a bug in a slot" in (data / "logs" / "internal-errors.log").read_text(encoding="utf-8")
