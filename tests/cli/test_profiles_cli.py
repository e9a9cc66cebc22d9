"""Readers on a shared login from the command line: `profiles` and `--profile`, as subprocesses."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from helpers import SEED, run_cli
from test_portable import Install

NOTE = {
    "type": "AnnotationPage",
    "items": [
        {
            "id": "urn:uuid:6f1c9a52-3f4e-4b8e-9a57-1d2c3b4a5f60",
            "type": "Annotation",
            "modified": "2024-05-01T10:00:00Z",
            "target": {
                "source": "chapter:human-security",
                "selector": [{"type": "TextQuoteSelector", "exact": "freedom from fear"}],
            },
        }
    ],
}


run = run_cli


def _library(tmp_path: Path) -> Path:
    library = tmp_path / "library"
    library.mkdir()
    (library / SEED.name).write_bytes(SEED.read_bytes())
    return library


def _exported(library: Path, data: Path, *profile: str) -> int:
    result = run(
        "export", "--format", "json", "--content", str(library), "--data-dir", str(data), *profile
    )
    assert result.returncode == 0, result.stderr
    return int(json.loads(result.stdout)["total"])


def test_a_trainer_sets_readers_up_and_each_keeps_their_own_notes(tmp_path: Path) -> None:
    data, library = tmp_path / "data", _library(tmp_path)
    folder = ("--data-dir", str(data))
    for name in ("Amina", "Ben"):
        added = run("profiles", "add", name, *folder)
        assert added.returncode == 0, added.stderr
    assert run("profiles", "add", "amina", *folder).returncode == 1
    notes = tmp_path / "notes.json"
    notes.write_text(json.dumps(NOTE), encoding="utf-8")

    imported = run("import", str(notes), "--content", str(library), *folder, "--profile", "amina")
    assert imported.returncode == 0, imported.stderr
    assert "added: 1" in imported.stdout

    assert (data / "profiles/amina/notes.sqlite3").is_file()
    assert _exported(library, data, "--profile", "Amina") == 1
    assert _exported(library, data, "--profile", "Ben") == 0
    assert _exported(library, data, "--profile", "First reader") == 0
    # Without --profile a command uses the last reader and says whose notes those are.
    plain = run("export", "--content", str(library), *folder)
    assert "using the notes of First reader" in plain.stderr

    renamed = run("profiles", "rename", "AMINA", "Amina Diallo", *folder)
    assert renamed.returncode == 0, renamed.stderr
    assert _exported(library, data, "--profile", "amina diallo") == 1
    listed = run("profiles", "list", "--json", *folder)
    assert [p["name"] for p in json.loads(listed.stdout)["profiles"]] == [
        "Amina Diallo",
        "Ben",
        "First reader",
    ]


def test_an_unknown_reader_is_a_usage_error_naming_the_readers(tmp_path: Path) -> None:
    data, library = tmp_path / "data", _library(tmp_path)
    run("profiles", "add", "Ben", "--data-dir", str(data))
    for command in (
        ["export", "--content", str(library)],
        ["search", "fear", "--content", str(library)],
        ["recover"],
        [],  # the window
    ):
        result = run(*command, "--data-dir", str(data), "--profile", "Nobody")
        assert result.returncode == 2, (command, result.stderr)
        assert "no reader called Nobody" in result.stderr
        assert "Ben, First reader" in result.stderr
        assert "field-reader profiles add NAME" in result.stderr
        assert "Traceback" not in result.stderr
    assert not (data / "profiles/nobody").exists()


def test_removing_a_reader_asks_for_yes_and_keeps_a_backup(tmp_path: Path) -> None:
    data, library = tmp_path / "data", _library(tmp_path)
    folder = ("--data-dir", str(data))
    run("profiles", "add", "Ben", *folder)
    notes = tmp_path / "notes.json"
    notes.write_text(json.dumps(NOTE), encoding="utf-8")
    run("import", str(notes), "--content", str(library), *folder, "--profile", "Ben")

    refused = run("profiles", "remove", "Ben", *folder)
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert (data / "profiles/ben/notes.sqlite3").is_file()

    removed = run("profiles", "remove", "ben", "--yes", *folder)
    assert removed.returncode == 0, removed.stderr
    [backup] = (data / "backups/removed-readers").iterdir()
    assert backup.name.startswith("Ben ") and backup.suffix == ".zip"
    with zipfile.ZipFile(backup) as archive:
        assert "notes.sqlite3" in archive.namelist()
    assert not (data / "profiles/ben").exists()
    last = run("profiles", "remove", "First reader", "--yes", *folder)
    assert last.returncode == 1 and "last one cannot be removed" in last.stderr
    assert run("profiles", "list", *folder).stdout.splitlines() == ["First reader"]


def test_portable_mode_keeps_every_reader_in_its_data_folder(tmp_path: Path) -> None:
    (tmp_path / "install").mkdir()
    install = Install(tmp_path / "install")
    data = install.app / "data"
    data.mkdir()
    library = _library(tmp_path)
    content = ("--content", str(library))
    notes = tmp_path / "notes.json"
    notes.write_text(json.dumps(NOTE), encoding="utf-8")
    steps = [
        install.run("profiles", "add", "Amina"),
        install.run("import", str(notes), *content, "--profile", "Amina"),
        install.run(*content, "--profile", "Amina", gui=True),
        install.run("export", "--format", "json", *content, "--profile", "Amina"),
    ]
    for step in steps:
        assert step.returncode == 0, step.stderr
    assert json.loads(steps[3].stdout)["total"] == 1
    amina = data / "profiles/amina"
    assert (amina / "notes.sqlite3").is_file() and (amina / "settings.ini").is_file()
    assert json.loads((data / "profiles.json").read_text())["last"] == "profiles/amina"
    assert not (data / "notes.sqlite3").exists()
    assert install.home_files() == []
    assert sorted(p.name for p in install.app.iterdir()) == ["data"]
