"""Every file and folder the program writes in a data folder, named in one place.

The data folder is chosen by reader/paths.py (--data-dir, portable mode, or the per-user
folder); this module only says what lives inside it, so that every writer agrees.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

__all__ = [
    "BACKUPS_FOLDER",
    "CACHE_FOLDER",
    "INSTALLATION_ID_FILE",
    "LIBRARIES_FILE",
    "LIBRARY_CACHE_FILE",
    "LIBRARY_SNAPSHOT_FILE",
    "LOGS_FOLDER",
    "NOTES_FILE",
    "PROFILES_FILE",
    "PROFILES_FOLDER",
    "QT_SETTINGS_FOLDER",
    "REMOVED_PROFILES_FOLDER",
    "RENDER_CACHE_FOLDER",
    "SEARCH_CACHE_FILE",
    "SETTINGS_FILE",
    "SYNC_STATE_FILE",
    "DataFolder",
]

NOTES_FILE = "notes.sqlite3"
"""The notes database (with its -wal, -shm and .pairing companions beside it)."""
SETTINGS_FILE = "settings.ini"
"""Window geometry, theme, font size and places in chapters (an INI file)."""
INSTALLATION_ID_FILE = "installation-id"
"""This installation's random id, which names its file in a sync folder."""
BACKUPS_FOLDER = "backups"
"""Backups of the notes database, taken on closing after a change."""
LOGS_FOLDER = "logs"
"""Error reports of internal errors."""
CACHE_FOLDER = "cache"
"""Everything that can be rebuilt: deleting it loses nothing."""
SEARCH_CACHE_FILE = "search.sqlite3"
"""The search index, inside the cache folder."""
LIBRARY_CACHE_FILE = "library.json"
"""What the library scan found last time, inside the cache folder."""
LIBRARY_SNAPSHOT_FILE = "library-snapshot.bin"
"""The last scan's chapters, trusted for a restart's first paint, inside the cache folder."""
SYNC_STATE_FILE = "sync-state.json"
"""What the last sync merged from each file of the sync folder, inside the cache folder."""
RENDER_CACHE_FOLDER = "render"
"""Rendered chapters, inside the cache folder."""
LIBRARIES_FILE = "libraries.json"
"""The libraries opened before (the Library menu), shared by every profile of the folder."""
PROFILES_FILE = "profiles.json"
"""The readers (profiles) of a shared data folder and the last one used, in the shared root."""
PROFILES_FOLDER = "profiles"
"""The folders of every reader but the first (whose files are the shared root's own)."""
REMOVED_PROFILES_FOLDER = "removed-readers"
"""Backups (zip files) of removed readers, inside the shared root's backups folder."""
QT_SETTINGS_FOLDER = "qt"
"""Where Qt's own settings (the file dialog's QtProject.conf) are kept, if redirected."""


def _per_library(library: Path, name: str, language: str = "en") -> str:
    """`name` made particular to the library at `library` ("library-1a2b3c4d5e6f.json"),
    and to the interface `language` when it is not English ("library-1a2b3c4d5e6f-fr.json").

    A checksum of the library's path, not a cryptographic hash: hashlib costs 20 ms to
    import at every start, and two libraries that happened to share a name would only
    share a cache that says which library it holds (and is read again when it is not).
    """
    import binascii

    path = str(library.resolve()).encode("utf-8")
    digest = (binascii.crc32(path) << 16) ^ binascii.crc_hqx(path, len(path) & 0xFFFF)
    stem, dot, suffix = name.partition(".")
    tongue = "" if language == "en" else f"-{language}"
    return f"{stem}-{digest:012x}{tongue}{dot}{suffix}"


def _language(language: str | None) -> str:
    """`language`, or the one reader.core.i18n translates into now."""
    if language is not None:
        return language
    from reader.core import i18n

    return i18n.language()


class DataFolder(NamedTuple):
    """The paths of everything the program keeps in the data folder `root`.

    `shared` is the folder holding what every profile of one data folder shares (the list
    of libraries); None when `root` is that folder itself.
    """

    root: Path
    shared: Path | None = None

    @property
    def shared_root(self) -> Path:
        """The folder of what every profile shares."""
        return self.shared if self.shared is not None else self.root

    @property
    def libraries_list(self) -> Path:
        """The libraries opened before, most recent first."""
        return self.shared_root / LIBRARIES_FILE

    @property
    def profiles_registry(self) -> Path:
        """The list of readers (profiles) sharing the data folder."""
        return self.shared_root / PROFILES_FILE

    @property
    def profiles_folder(self) -> Path:
        """The folder holding the folders of every reader but the first."""
        return self.shared_root / PROFILES_FOLDER

    @property
    def removed_profiles(self) -> Path:
        """The backups of removed readers."""
        return self.shared_root / BACKUPS_FOLDER / REMOVED_PROFILES_FOLDER

    @property
    def notes(self) -> Path:
        """The notes database."""
        return self.root / NOTES_FILE

    @property
    def settings(self) -> Path:
        """The settings file."""
        return self.root / SETTINGS_FILE

    @property
    def installation_id(self) -> Path:
        """The file holding this installation's id."""
        return self.root / INSTALLATION_ID_FILE

    @property
    def backups(self) -> Path:
        """The folder of notes backups."""
        return self.root / BACKUPS_FOLDER

    @property
    def logs(self) -> Path:
        """The folder of error reports."""
        return self.root / LOGS_FOLDER

    @property
    def cache(self) -> Path:
        """The folder of rebuildable caches."""
        return self.root / CACHE_FOLDER

    @property
    def search_cache(self) -> Path:
        """The search index database."""
        return self.cache / SEARCH_CACHE_FILE

    def library_cache(self, library: Path, language: str | None = None) -> Path:
        """The scan cache of the library at `library` (a folder or a zip pack), for the
        interface `language` (by default the one reader.core.i18n translates into now).

        One per library: a reader who moves between two big courses keeps both caches.
        One per language too, as is the snapshot's, because both keep the library's
        problems as sentences in the language of the scan that wrote them (the scan cache
        its chapters' front-matter problems; the snapshot every problem and every file
        left out). A cache named after its language can never show a French reader
        English problems, nor the reverse, and needs nothing but its name to be right;
        the price is that the first start in another language reads the library again, as
        a first start does (a rare event: the language is chosen once). Keeping message
        keys instead of sentences would spare that read, but every problem of the core
        (some forty sentences, a few built around another's text) would have to be
        stored as a key and its arguments and turned into words where it is shown.
        """
        return self.cache / _per_library(library, LIBRARY_CACHE_FILE, _language(language))

    def library_snapshot(self, library: Path, language: str | None = None) -> Path:
        """The last scan of the library at `library`, trusted for a restart's first paint;
        one per interface `language` (by default the one shown now), as `library_cache`
        says why."""
        return self.cache / _per_library(library, LIBRARY_SNAPSHOT_FILE, _language(language))

    @property
    def sync_state(self) -> Path:
        """What the last sync merged from each file of the sync folder."""
        return self.cache / SYNC_STATE_FILE

    @property
    def render_cache(self) -> Path:
        """The folder of rendered chapters."""
        return self.cache / RENDER_CACHE_FOLDER

    @property
    def qt_settings(self) -> Path:
        """The folder for Qt's own settings files."""
        return self.root / QT_SETTINGS_FOLDER
