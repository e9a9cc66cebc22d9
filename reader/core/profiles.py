"""Readers (profiles) on a shared login: their names, their folders and the last one used.

A data folder (reader/paths.py chooses it) is the shared root of its readers. The first
reader's files are the shared root's own, exactly where a reader without profiles keeps
them; every other reader has a folder `profiles/<id>/` beneath it. `profiles.json` in the
shared root names them: each reader's display name and folder, and the last one used.
Without that file there is one reader, and nothing is written until a second is added.

Profiles separate work; they do not protect it: anyone using the same login can open
any reader. A damaged list never stops the reader: it is kept aside under another name
and rebuilt from the folders found.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reader.core.atomic import write_atomic
from reader.core.data_folder import PROFILES_FILE, PROFILES_FOLDER, DataFolder
from reader.core.i18n import translate

__all__ = [
    "MAX_NAME_LENGTH",
    "ROOT_FOLDER",
    "Profile",
    "ProfileError",
    "ProfileRegistry",
    "Registry",
    "normalise_name",
]

FORMAT_VERSION = 1
ROOT_FOLDER = "."
"""The folder of the first reader: the shared root itself."""
MAX_NAME_LENGTH = 40
_FOLDER_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")
# Names Windows refuses as file names, whatever the extension.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10))}
_RESERVED |= {f"lpt{i}" for i in range(10)}


class ProfileError(Exception):
    """A request about readers that cannot be done, with the reason in words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Profile:
    """One reader: the name shown and the folder of its files (relative to the shared root)."""

    name: str
    folder: str

    @property
    def is_root(self) -> bool:
        """Whether this reader's files are the shared root's own."""
        return self.folder == ROOT_FOLDER

    def root(self, shared_root: Path) -> Path:
        """The data folder of this reader."""
        return shared_root if self.is_root else shared_root / self.folder

    def data_folder(self, shared_root: Path) -> DataFolder:
        """Every file of this reader, sharing what readers share with the others."""
        return DataFolder(self.root(shared_root), shared=shared_root)


@dataclass(frozen=True)
class Registry:
    """The readers, sorted by name, the folder of the last one used, and any notice."""

    profiles: tuple[Profile, ...]
    last: str
    notice: str | None = None

    @property
    def last_profile(self) -> Profile:
        """The reader used last (the first one if that one is gone)."""
        return next((p for p in self.profiles if p.folder == self.last), self.profiles[0])

    def find(self, name: str) -> Profile | None:
        """The reader called `name`, ignoring case and surrounding spaces."""
        key = _key(name)
        return next((p for p in self.profiles if _key(p.name) == key), None)

    def by_folder(self, folder: str) -> Profile | None:
        """The reader whose files are in `folder`."""
        return next((p for p in self.profiles if p.folder == folder), None)

    def names(self) -> list[str]:
        """The readers' names, in the order shown."""
        return [p.name for p in self.profiles]


def default_name() -> str:
    """The name of the first reader until someone renames it."""
    return translate("Profiles", "First reader")


def normalise_name(name: str) -> str:
    """`name` as stored: NFC, spaces trimmed and runs of white space made one space."""
    return " ".join(unicodedata.normalize("NFC", name).split())


def _key(name: str) -> str:
    return normalise_name(name).casefold()


def check_name(name: str, taken: list[str]) -> str:
    """`name` normalised, or ProfileError saying why it cannot name a reader.

    `taken` are the names of the other readers (a name must differ from each, ignoring case).
    """
    clean = normalise_name(name)
    if not clean:
        raise ProfileError(translate("Profiles", "A reader needs a name: type one."))
    if len(clean) > MAX_NAME_LENGTH:
        raise ProfileError(
            translate("Profiles", "That name has {count} characters; use at most {limit}.").format(
                count=len(clean), limit=MAX_NAME_LENGTH
            )
        )
    if any(unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn") for char in clean):
        raise ProfileError(
            translate("Profiles", "A name cannot hold control or unassigned characters.")
        )
    if any(_key(other) == clean.casefold() for other in taken):
        raise ProfileError(
            translate(
                "Profiles", "There is already a reader called {name}. Choose another name."
            ).format(name=clean)
        )
    return clean


def _valid_folder(folder: object) -> bool:
    if folder == ROOT_FOLDER:
        return True
    if not isinstance(folder, str) or not folder.startswith(PROFILES_FOLDER + "/"):
        return False
    return _FOLDER_ID.fullmatch(folder[len(PROFILES_FOLDER) + 1 :]) is not None


def _parse(text: str) -> Registry:
    """The registry in `text`; ValueError if it is not one this program wrote."""
    data = json.loads(text)
    if not isinstance(data, dict) or not isinstance(data.get("profiles"), list):
        raise ValueError("not a list of readers")
    profiles: list[Profile] = []
    for item in data["profiles"]:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise ValueError("a reader without a name")
        folder = item.get("folder")
        if not _valid_folder(folder) or any(p.folder == folder for p in profiles):
            raise ValueError(f"a reader with the folder {folder!r}")
        try:
            name = check_name(item["name"], [p.name for p in profiles])
        except ProfileError as error:
            raise ValueError(error.message) from None
        profiles.append(Profile(name, str(folder)))
    if not profiles:
        raise ValueError("no reader")
    last = data.get("last")
    return _registry(profiles, last if isinstance(last, str) else ROOT_FOLDER)


def _registry(profiles: list[Profile], last: str, notice: str | None = None) -> Registry:
    ordered = tuple(sorted(profiles, key=lambda p: (_key(p.name), p.folder)))
    if not any(p.folder == last for p in ordered):
        last = ordered[0].folder
    return Registry(ordered, last, notice)


def _text(registry: Registry) -> str:
    data = {
        "version": FORMAT_VERSION,
        "profiles": [{"name": p.name, "folder": p.folder} for p in registry.profiles],
        "last": registry.last,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _stamp(now: datetime) -> str:
    return now.strftime("%Y-%m-%d-%H%M%S")


class ProfileRegistry:
    """The readers of the shared data folder `shared_root`: read, add, rename, choose."""

    def __init__(self, shared_root: Path) -> None:
        self.shared_root = shared_root
        self._folder = DataFolder(shared_root)

    @property
    def path(self) -> Path:
        """The registry file."""
        return self._folder.profiles_registry

    def exists(self) -> bool:
        """Whether more than the first reader was ever set up (the file is there)."""
        return self.path.is_file()

    def load(self) -> Registry:
        """The readers as they are now; never fails (a damaged list is kept aside, rebuilt)."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return _registry([Profile(default_name(), ROOT_FOLDER)], ROOT_FOLDER)
        except (OSError, UnicodeDecodeError) as error:
            return self._rebuilt(
                translate(
                    "Profiles",
                    "The list of readers {path} cannot be read ({reason}); the readers "
                    "found in their folders are shown instead.",
                ).format(path=self.path, reason=getattr(error, "strerror", None) or error),
                keep_aside=isinstance(error, UnicodeDecodeError),
            )
        try:
            return _parse(text)
        except (ValueError, RecursionError):
            return self._rebuilt(None, keep_aside=True)

    def _rebuilt(self, notice: str | None, *, keep_aside: bool) -> Registry:
        """The readers found on disk, after keeping a damaged list aside (and saying so)."""
        profiles = self._found_on_disk()
        registry = _registry(profiles, ROOT_FOLDER)
        if keep_aside:
            kept = self.path.with_name(f"{PROFILES_FILE}.damaged-{_stamp(datetime.now())}")
            try:
                self.path.replace(kept)
                write_atomic(self.path, _text(registry))
            except OSError:
                kept = self.path
            notice = translate(
                "Profiles",
                "The list of readers was damaged. It is kept as {kept}, and the list was "
                "made again from the readers' folders: every reader's notes are still "
                "there, but names other than the first may need renaming.",
            ).format(kept=kept)
        return Registry(registry.profiles, registry.last, notice)

    def _found_on_disk(self) -> list[Profile]:
        """The first reader and one reader per folder in profiles/, named after its folder."""
        found: list[Profile] = []
        folder = self._folder.profiles_folder
        if folder.is_dir():
            for child in sorted(folder.iterdir()):
                if child.is_dir() and _FOLDER_ID.fullmatch(child.name):
                    found.append(Profile(child.name, f"{PROFILES_FOLDER}/{child.name}"))
        root_used = self._folder.notes.exists() or self._folder.settings.exists()
        if root_used or not found:
            name = default_name()
            while any(_key(p.name) == _key(name) for p in found):
                name += " 1"
            found.append(Profile(name, ROOT_FOLDER))
        return found

    def _save(self, registry: Registry) -> Registry:
        self.shared_root.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, _text(registry))
        return registry

    def find(self, name: str) -> Profile:
        """The reader called `name`; ProfileError naming the readers there are if none is."""
        registry = self.load()
        profile = registry.find(name)
        if profile is None:
            raise ProfileError(
                translate(
                    "Profiles",
                    "There is no reader called {name}. The readers are: {names}. Add one "
                    "with: field-reader profiles add NAME",
                ).format(name=normalise_name(name), names=", ".join(registry.names()))
            )
        return profile

    def add(self, name: str) -> Profile:
        """Add a reader called `name`, with an empty folder of its own."""
        registry = self.load()
        clean = check_name(name, registry.names())
        folder = self._new_folder(clean, registry)
        profile = Profile(clean, folder)
        profile.root(self.shared_root).mkdir(parents=True, exist_ok=True)
        self._save(_registry([*registry.profiles, profile], registry.last))
        return profile

    def _new_folder(self, name: str, registry: Registry) -> str:
        """A folder for a new reader, after its name where that gives a usable file name."""
        plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
        slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:24].strip("-")
        slug = slug or "reader"
        if slug in _RESERVED:
            slug += "-reader"
        taken = {p.folder for p in registry.profiles}
        candidate, number = slug, 1
        while (
            f"{PROFILES_FOLDER}/{candidate}" in taken
            or (self._folder.profiles_folder / candidate).exists()
        ):
            number += 1
            candidate = f"{slug}-{number}"
        return f"{PROFILES_FOLDER}/{candidate}"

    def rename(self, profile: Profile, name: str) -> Profile:
        """Give `profile` another name (its files stay where they are)."""
        registry = self.load()
        current = registry.by_folder(profile.folder)
        if current is None:
            raise ProfileError(
                translate("Profiles", "The reader {name} no longer exists.").format(
                    name=profile.name
                )
            )
        others = [p.name for p in registry.profiles if p.folder != profile.folder]
        renamed = Profile(check_name(name, others), profile.folder)
        profiles = [renamed if p.folder == profile.folder else p for p in registry.profiles]
        self._save(_registry(profiles, registry.last))
        return renamed

    def set_last(self, profile: Profile) -> None:
        """Remember `profile` as the one to preselect next time (only once there are two)."""
        registry = self.load()
        if len(registry.profiles) > 1 and registry.last != profile.folder:
            self._save(_registry(list(registry.profiles), profile.folder))

    def forget(self, profile: Profile) -> Registry:
        """Take `profile` off the list (its files are reader/core/profile_removal.py's)."""
        registry = self.load()
        if registry.by_folder(profile.folder) is None:
            raise ProfileError(
                translate("Profiles", "The reader {name} no longer exists.").format(
                    name=profile.name
                )
            )
        if len(registry.profiles) == 1:
            raise ProfileError(
                translate(
                    "Profiles", "{name} is the only reader, and the last one cannot be removed."
                ).format(name=profile.name)
            )
        rest = [p for p in registry.profiles if p.folder != profile.folder]
        return self._save(_registry(rest, registry.last))
