"""Readers on a shared login: the list of readers, their folders, removal with a backup."""

from __future__ import annotations

import json
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from reader.core.data_folder import DataFolder
from reader.core.profile_removal import remove_profile
from reader.core.profiles import ROOT_FOLDER, Profile, ProfileError, ProfileRegistry


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_one_reader_without_a_list_and_nothing_written(tmp_path: Path) -> None:
    registry = ProfileRegistry(tmp_path)
    loaded = registry.load()
    assert [p.folder for p in loaded.profiles] == [ROOT_FOLDER]
    assert loaded.last_profile.root(tmp_path) == tmp_path
    registry.set_last(loaded.last_profile)
    assert list(tmp_path.iterdir()) == []


def test_add_rename_and_last_used_survive_a_new_registry(tmp_path: Path) -> None:
    registry = ProfileRegistry(tmp_path)
    amina = registry.add("  Amina   Diallo ")
    zoe = registry.add("Zoë")
    assert amina.name == "Amina Diallo"
    assert amina.folder == "profiles/amina-diallo" and (tmp_path / amina.folder).is_dir()
    assert zoe.folder == "profiles/zoe"
    registry.set_last(zoe)
    renamed = registry.rename(zoe, "Zoë Martin")
    assert renamed.folder == zoe.folder  # renaming moves no file

    again = ProfileRegistry(tmp_path).load()
    assert again.names() == ["Amina Diallo", "First reader", "Zoë Martin"]
    assert again.last_profile == renamed
    assert again.find("zoë martin") == renamed
    assert again.notice is None


def test_names_are_unique_ignoring_case_and_checked_in_words(tmp_path: Path) -> None:
    registry = ProfileRegistry(tmp_path)
    registry.add("Ben")
    with pytest.raises(ProfileError, match="already a reader called BEN"):
        registry.add(" BEN ")
    with pytest.raises(ProfileError, match="needs a name"):
        registry.add("   ")
    with pytest.raises(ProfileError, match="at most 40"):
        registry.add("x" * 41)
    with pytest.raises(ProfileError, match="control"):
        registry.add("Ben\x00")
    with pytest.raises(ProfileError, match="already a reader called first reader"):
        registry.rename(registry.find("Ben"), "first reader")
    # Names that differ only in accents are different names; their folders differ too.
    other = registry.add("Bén")
    assert other.folder == "profiles/ben-2"
    with pytest.raises(ProfileError, match=r"no reader called Nobody.*Ben, Bén, First reader"):
        registry.find("Nobody")


def test_folders_are_safe_whatever_the_name(tmp_path: Path) -> None:
    registry = ProfileRegistry(tmp_path)
    assert registry.add("李小龙").folder == "profiles/reader"
    assert registry.add("../../etc").folder == "profiles/etc"
    assert registry.add("CON").folder == "profiles/con-reader"
    assert registry.add("李小").folder == "profiles/reader-2"


def test_removing_a_reader_keeps_a_checked_zip_of_its_files(tmp_path: Path) -> None:
    registry = ProfileRegistry(tmp_path)
    amina = registry.add("Amina")
    folder = amina.data_folder(tmp_path)
    _write(folder.notes, "amina's notes")
    _write(folder.settings, "[reader]\nlast_chapter=intro\n")
    _write(folder.backups / "notes-1.sqlite3", "old notes")
    _write(DataFolder(tmp_path).notes, "first reader's notes")
    registry.set_last(amina)

    removal = remove_profile(registry, amina, now=datetime(2024, 5, 1, 10, 15, 0))

    assert removal.backup == tmp_path / "backups/removed-readers/Amina 2024-05-01 101500.zip"
    assert removal.left == ()
    with zipfile.ZipFile(removal.backup) as archive:
        assert sorted(archive.namelist()) == [
            "backups/notes-1.sqlite3",
            "notes.sqlite3",
            "settings.ini",
        ]
        assert archive.read("notes.sqlite3") == b"amina's notes"
    assert not (tmp_path / "profiles/amina").exists()
    assert DataFolder(tmp_path).notes.read_text() == "first reader's notes"
    # A reader of the same name removed in the same second keeps its own backup.
    again = remove_profile(registry, registry.add("Amina"), now=datetime(2024, 5, 1, 10, 15, 0))
    assert again.backup.name == "Amina 2024-05-01 101500 (2).zip"
    assert removal.backup.is_file()
    after = registry.load()
    assert after.names() == ["First reader"]
    assert after.last == ROOT_FOLDER


def test_removing_the_first_reader_keeps_the_others_and_what_is_shared(tmp_path: Path) -> None:
    registry = ProfileRegistry(tmp_path)
    ben = registry.add("Ben")
    root = DataFolder(tmp_path)
    for path in (root.notes, Path(f"{root.notes}-wal"), root.settings, root.installation_id):
        _write(path, path.name)
    _write(root.search_cache, "index")
    _write(root.backups / "notes-2024.sqlite3", "backup")
    _write(root.libraries_list, "[]")
    _write(root.logs / "internal-errors.log", "log")
    _write(ben.data_folder(tmp_path).notes, "ben's notes")
    first = registry.find("First reader")
    earlier = remove_profile(registry, registry.add("Cara"))

    removal = remove_profile(registry, first)

    with zipfile.ZipFile(removal.backup) as archive:
        assert sorted(archive.namelist()) == [
            "backups/notes-2024.sqlite3",
            "cache/search.sqlite3",
            "installation-id",
            "notes.sqlite3",
            "notes.sqlite3-wal",
            "settings.ini",
        ]
    assert removal.backup.parent == root.removed_profiles
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "backups",
        "libraries.json",
        "logs",
        "profiles",
        "profiles.json",
    ]
    assert ben.data_folder(tmp_path).notes.read_text() == "ben's notes"
    assert registry.load().names() == ["Ben"]
    # The last reader cannot go, and nothing is zipped or deleted trying.
    with pytest.raises(ProfileError, match="only reader"):
        remove_profile(registry, registry.find("Ben"))
    assert ben.data_folder(tmp_path).notes.is_file()
    assert sorted(root.removed_profiles.iterdir()) == sorted([earlier.backup, removal.backup])


def test_a_damaged_list_is_kept_aside_and_rebuilt_from_the_folders(tmp_path: Path) -> None:
    registry = ProfileRegistry(tmp_path)
    registry.add("Amina")
    _write(DataFolder(tmp_path).notes, "notes")
    registry.path.write_text('{"profiles": [{"name": "Amina", "folder": "../../el', "utf-8")

    loaded = ProfileRegistry(tmp_path).load()

    assert loaded.notice is not None and "damaged" in loaded.notice
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("profiles.json.damaged-")]
    assert len(kept) == 1 and kept[0].read_text().endswith("../../el")
    assert sorted(p.folder for p in loaded.profiles) == [ROOT_FOLDER, "profiles/amina"]
    # The rebuilt list was written: the next start says nothing.
    assert ProfileRegistry(tmp_path).load().notice is None


@pytest.mark.parametrize(
    "text",
    [
        "[]",
        '{"profiles": []}',
        '{"profiles": [{"name": "A", "folder": "/etc"}]}',
        '{"profiles": [{"name": "A", "folder": "profiles/../x"}]}',
        '{"profiles": [{"name": "A", "folder": "."}, {"name": "a", "folder": "profiles/a"}]}',
        '{"profiles": [{"name": 3, "folder": "."}]}',
        "[" * 100_000,
    ],
)
def test_lists_this_program_did_not_write_are_damaged(tmp_path: Path, text: str) -> None:
    (tmp_path / "profiles.json").write_text(text, "utf-8")
    loaded = ProfileRegistry(tmp_path).load()
    assert loaded.notice is not None
    assert [p.folder for p in loaded.profiles] == [ROOT_FOLDER]
    assert json.loads((tmp_path / "profiles.json").read_text())["profiles"] == [
        {"name": "First reader", "folder": "."}
    ]


def test_a_profile_folder_is_a_data_folder_sharing_the_root(tmp_path: Path) -> None:
    profile = Profile("Amina", "profiles/amina")
    folder = profile.data_folder(tmp_path)
    assert folder.notes == tmp_path / "profiles/amina/notes.sqlite3"
    assert folder.libraries_list == tmp_path / "libraries.json"
    assert folder.profiles_registry == tmp_path / "profiles.json"
