"""Chapter slugs: which are valid, and how one is made from a file's path.

Every stored note names its chapter by slug, so a slug must not change while the file
stays where it is: it is derived from the path alone, never from the file's text.
"""

from __future__ import annotations

import re
import unicodedata

MAX_SLUG = 128
# A letter or digit (any script), then letters, digits, "_", "." or "-".
SLUG_RE = re.compile(r"[^\W_][\w.-]{0,127}")
_OUTSIDE_RE = re.compile(r"[^\w.-]+")
_DASHES_RE = re.compile(r"-{2,}")
_DOTS_RE = re.compile(r"\.{2,}")
_EXTENSION_RE = re.compile(r"\.(?:md|markdown)$", re.IGNORECASE)
FOLDER_CHAPTER_STEMS = ("index", "readme")


def is_valid_slug(slug: str) -> bool:
    """True when `slug` may name a chapter (and be stored with notes)."""
    return SLUG_RE.fullmatch(slug) is not None


def _short_hash(text: str) -> str:
    import hashlib

    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]


def derive_slug(relpath: str) -> str:
    """A valid slug made from a chapter's path relative to the library (posix, "/").

    Folders are joined with "." and the extension dropped; a README or index file stands
    for its folder (`a/b/README.md` -> "a.b"), except at the top, where it keeps its own
    name ("README", "index") like every top-level file. Characters outside letters,
    digits, ".", "_" and "-" become "-"; names are NFC-normalised so that a copy made on
    macOS (which stores decomposed accents) gives the same slugs.
    """
    rel = unicodedata.normalize("NFC", relpath.replace("\\", "/"))
    parts = [part for part in rel.split("/") if part not in ("", ".")]
    if not parts:
        return "index"
    stem = _EXTENSION_RE.sub("", parts[-1])
    if stem.casefold() in FOLDER_CHAPTER_STEMS and len(parts) > 1:
        parts.pop()
    else:
        parts[-1] = stem
    slug = _OUTSIDE_RE.sub("-", ".".join(parts))
    slug = _DOTS_RE.sub(".", _DASHES_RE.sub("-", slug)).lstrip("._-").rstrip(".-")
    if not slug:
        return "chapter-" + _short_hash(rel)
    if len(slug) > MAX_SLUG:
        # Long paths keep a readable start; the hash keeps two of them apart.
        slug = slug[: MAX_SLUG - 9].rstrip(".-") + "-" + _short_hash(rel)
    return slug


def unique_slug(base: str, taken: set[str] | dict[str, str]) -> str:
    """`base`, or `base-2`, `base-3`, ... : the first not in `taken` (always valid)."""
    if base not in taken:
        return base
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = base[: MAX_SLUG - len(suffix)].rstrip(".-") + suffix
        if candidate not in taken:
            return candidate
        number += 1
