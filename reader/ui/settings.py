"""Window and reading settings, kept as an INI file in the user's data folder."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from PySide6.QtCore import QByteArray, QSettings

from reader.core.data_folder import DataFolder
from reader.core.library_info import BUNDLED_LIBRARY_ID
from reader.ui.i18n import LANGUAGE_CHOICES, SYSTEM
from reader.ui.theme import (
    DEFAULT_FACE,
    DEFAULT_FONT_SIZE,
    DEFAULT_SPACING,
    FACES,
    FOLLOW_SYSTEM,
    FONT_SIZES,
    SPACINGS,
    THEME_CHOICES,
)


def library_prefix(library_id: str) -> str:
    """Where the settings of one library's chapters are kept (the last chapter, places,
    progress): the bundled library keeps the keys it had before libraries had ids, so
    that nobody loses their place on upgrading; any other library has a group of its own.
    """
    if library_id == BUNDLED_LIBRARY_ID:
        return ""
    # Percent-encoded: a slash in an id must not open a group of its own.
    return f"libraries/{quote(library_id, safe='')}/"


class Settings:
    """Typed access to the reader's settings; `read_only` sessions never write.

    The place in each chapter, the last chapter and the reading progress belong to the
    library `library_id` (two libraries may both have a chapter `intro`); the window and
    reading preferences are shared by all.
    """

    def __init__(
        self, data_dir: Path, read_only: bool = False, library_id: str = BUNDLED_LIBRARY_ID
    ) -> None:
        self._qs = QSettings(str(DataFolder(data_dir).settings), QSettings.Format.IniFormat)
        self._read_only = read_only
        self._library = library_prefix(library_id)

    def _set(self, key: str, value: object) -> None:
        if not self._read_only:
            self._qs.setValue(key, value)

    def sync(self) -> None:
        """Write pending changes to disk."""
        if not self._read_only:
            self._qs.sync()

    def bytes(self, key: str) -> QByteArray | None:
        """A stored binary value (window geometry and state)."""
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_bytes(self, key: str, value: QByteArray) -> None:
        """Store a binary value."""
        self._set(key, value)

    @property
    def last_library(self) -> str | None:
        """Where the library this reader had open at the last exit is ("" for the bundled
        one; None before any). Readers sharing a computer each resume their own course."""
        value = self._qs.value("reader/last_library")
        return None if value is None else str(value)

    @last_library.setter
    def last_library(self, path: str) -> None:
        self._set("reader/last_library", path)

    @property
    def last_chapter(self) -> str:
        """The slug of the chapter open at the last exit."""
        return str(self._qs.value(f"{self._library}reader/last_chapter", "") or "")

    @last_chapter.setter
    def last_chapter(self, slug: str) -> None:
        self._set(f"{self._library}reader/last_chapter", slug)

    def position(self, slug: str) -> int:
        """The plain-text offset at the top of the view when chapter `slug` was last read."""
        try:
            return max(0, int(str(self._qs.value(f"{self._library}positions/{slug}", 0))))
        except ValueError:
            return 0

    def set_position(self, slug: str, offset: int) -> None:
        """Remember where chapter `slug` is being read."""
        self._set(f"{self._library}positions/{slug}", offset)

    @property
    def theme(self) -> str:
        """The theme chosen: "light", "sepia", "dark", or "system" (the default) to follow
        the system's colour scheme."""
        name = str(self._qs.value("view/theme", FOLLOW_SYSTEM))
        return name if name in THEME_CHOICES else FOLLOW_SYSTEM

    @theme.setter
    def theme(self, name: str) -> None:
        self._set("view/theme", name)

    @property
    def face(self) -> str:
        """The text face of the chapter body: "serif" or "sans"."""
        name = str(self._qs.value("view/face", DEFAULT_FACE))
        return name if name in FACES else DEFAULT_FACE

    @face.setter
    def face(self, name: str) -> None:
        self._set("view/face", name)

    @property
    def spacing(self) -> str:
        """The line spacing: "compact", "normal" or "relaxed"."""
        name = str(self._qs.value("view/spacing", DEFAULT_SPACING))
        return name if name in SPACINGS else DEFAULT_SPACING

    @spacing.setter
    def spacing(self, name: str) -> None:
        self._set("view/spacing", name)

    @property
    def progress(self) -> str:
        """How far each chapter has been read, as reader/core/progress.py writes it.

        One value for the whole library: a thousand chapters are one key to read at start.
        """
        return str(self._qs.value(f"{self._library}reading/progress", "") or "")

    @progress.setter
    def progress(self, text: str) -> None:
        self._set(f"{self._library}reading/progress", text)

    @property
    def caret_browsing(self) -> bool:
        """Whether the chapter shows a keyboard caret (F7)."""
        return str(self._qs.value("view/caret_browsing", "false")).lower() == "true"

    @caret_browsing.setter
    def caret_browsing(self, on: bool) -> None:
        self._set("view/caret_browsing", "true" if on else "false")

    @property
    def font_size(self) -> int:
        """The body text size in pixels."""
        try:
            size = int(str(self._qs.value("view/font_size", DEFAULT_FONT_SIZE)))
        except ValueError:
            return DEFAULT_FONT_SIZE
        return size if size in FONT_SIZES else DEFAULT_FONT_SIZE

    @font_size.setter
    def font_size(self, size: int) -> None:
        self._set("view/font_size", size)

    @property
    def sync_dir(self) -> Path | None:
        """The folder whose notes exports are merged and which holds ours, if one is set."""
        value = str(self._qs.value("sync/folder", "") or "")
        return Path(value) if value else None

    @sync_dir.setter
    def sync_dir(self, folder: Path | None) -> None:
        self._set("sync/folder", str(folder) if folder is not None else "")

    @property
    def export_dir(self) -> Path | None:
        """The folder the last export was saved in, if any."""
        value = str(self._qs.value("exchange/export_folder", "") or "")
        return Path(value) if value else None

    @export_dir.setter
    def export_dir(self, folder: Path | None) -> None:
        self._set("exchange/export_folder", str(folder) if folder is not None else "")

    @property
    def language(self) -> str:
        """The interface language chosen: "system" (the default: the system's), "en", "fr"
        or "es"."""
        name = str(self._qs.value("interface/language", SYSTEM))
        return name if name in LANGUAGE_CHOICES else SYSTEM

    @language.setter
    def language(self, name: str) -> None:
        self._set("interface/language", name)
