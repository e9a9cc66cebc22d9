"""An on-disk cache of rendered chapters, so a restart skips Markdown conversion.

Converting and cleaning 1 MB of Markdown takes about a quarter of a second and extracting
the plain text a tenth more; a restart with an unchanged chapter reads one file instead
(`marshal`, which loads a 1 MB chapter's entry in a third of JSON's time). Entries are
keyed by the chapter file's content hash and this module's format version, and by the
chapter's folder (the same bytes in two folders reach different images). Images are
resolved again on every load (a figure may have been added or removed since), and an
entry whose images changed is not used.

Beside an entry, a small file may keep how the chapter's plain text lines up with a
viewer's own text of it (`Alignment`, made by reader/ui/positions.py for one Qt version):
working that out again reads the whole document back from Qt, about 18 ms for 1 MB.

The cache can always be deleted: it is rebuilt as chapters are opened.
"""

from __future__ import annotations

import contextlib
import logging
import marshal
import os
import time
from itertools import pairwise
from pathlib import Path
from typing import Any, NamedTuple

from reader.core.atomic import write_atomic
from reader.core.data_folder import DataFolder
from reader.core.rendered import FileTree, Heading, ImageRef, RenderedChapter, resolver_for
from reader.core.text import Fold, PlainText, SectionStart

# Bump when the rendered HTML or the plain text would come out differently.
FORMAT_VERSION = 7
_ENTRY = ".marshal"  # a rendered chapter
_ALIGNMENT = ".alignment"  # how its plain text lines up with a viewer's text of it
# Renderings of chapter versions no longer in the library are deleted once unused this long
# (another library may share the data folder: its chapters' entries stay while it is read).
UNUSED_DAYS = 30
_log = logging.getLogger(__name__)


def render_cache_folder(data_dir: Path) -> Path:
    """Where the rendered chapters of the data folder `data_dir` are kept."""
    return DataFolder(data_dir).render_cache


class Alignment(NamedTuple):
    """How a chapter's plain text lines up with the text a viewer made of its HTML.

    `viewer` names the viewer and its version (another Qt may lay the HTML out as other
    text); `points` are the offset pairs where the two texts resume agreeing (see
    reader.core.text.align), `length` the viewer text's length, and `astral` the indices
    of its characters outside Unicode's first plane.
    """

    viewer: str
    points: tuple[tuple[int, int], ...]
    length: int
    astral: tuple[int, ...]


def _digest(text: str) -> str:
    """A short digest of `text`; hashlib loads only for chapters in subfolders (it costs
    about 3 ms at start)."""
    import hashlib

    return hashlib.sha256(text.encode()).hexdigest()[:16]


class RenderCache:
    """Rendered chapters stored as files in `folder`; `writable` False only reads."""

    def __init__(self, folder: Path, *, writable: bool = True) -> None:
        self._folder = folder
        self._writable = writable

    def _path(self, content_hash: str, base: str = "", kind: str = _ENTRY) -> Path:
        # The chapter's folder joins the key as a short digest (a name stays a file name).
        suffix = f"-{_digest(base)}" if base else ""
        return self._folder / f"v{FORMAT_VERSION}-{content_hash}{suffix}{kind}"

    def load(
        self, content_hash: str, root: Path | FileTree, base: str = ""
    ) -> tuple[RenderedChapter, PlainText] | None:
        """The cached rendering of the chapter with this hash in folder `base` of `root`,
        if still valid (every image resolves as it did)."""
        try:
            entry = self._path(content_hash, base)
            data = marshal.loads(entry.read_bytes())
            if data.get("base", "") != base:
                return None
            images = []
            resolver = resolver_for(root, base)
            for src, alt, status, percent, pixels, height, svg in data["images"]:
                now, path = resolver.resolve(src)
                if now != status:
                    return None  # a figure appeared or vanished: render again
                files = resolver.files if now == "found" else None
                images.append(
                    ImageRef(src, alt, now, path, percent, pixels, height, bool(svg), files)
                )
            headings = tuple(Heading(int(lv), str(t), str(i)) for lv, t, i in data["headings"])
            plain = PlainText(
                str(data["text"]),
                tuple(SectionStart(int(o), str(h)) for o, h in data["sections"]),
                tuple(Fold(int(m), int(s), int(e), bool(o)) for m, s, e, o in data["folds"]),
                tuple((int(s), int(e)) for s, e in data["code"]),
            )
            rendered = RenderedChapter(
                str(data["html"]),
                headings,
                tuple(images),
                tuple(str(link) for link in data["links"]),
                tuple((str(kind), str(message)) for kind, message in data["issues"]),
            )
            if self._writable:
                # Used now: the entry's age counts from its last use (see prune).
                with contextlib.suppress(OSError):
                    os.utime(entry)
            return rendered, plain
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, EOFError, AttributeError) as error:
            _log.info("ignoring a damaged render cache entry for %s: %s", content_hash, error)
            return None

    def save(
        self, content_hash: str, rendered: RenderedChapter, plain: PlainText, base: str = ""
    ) -> None:
        """Store a rendering of a chapter in folder `base`; failures (read-only or full
        disk) only cost speed."""
        if not self._writable:
            return
        data: dict[str, Any] = {
            "base": base,
            "html": rendered.html,
            "headings": [[h.level, h.title, h.id] for h in rendered.headings],
            "images": [
                [i.src, i.alt, i.status, i.width_percent, i.width_pixels, i.height_pixels, i.svg]
                for i in rendered.images
            ],
            "links": list(rendered.links),
            "issues": [list(issue) for issue in rendered.issues],
            "text": plain.text,
            "sections": [[s.offset, s.heading_id] for s in plain.sections],
            "folds": [[f.marker, f.start, f.end, f.open] for f in plain.folds],
            "code": [list(span) for span in plain.code],
        }
        try:
            self._folder.mkdir(parents=True, exist_ok=True)
            write_atomic(self._path(content_hash, base), marshal.dumps(data), durable=False)
        except (OSError, ValueError) as error:  # ValueError: text marshal cannot store
            _log.info("could not write the render cache: %s", error)

    def load_alignment(self, content_hash: str, viewer: str, base: str = "") -> Alignment | None:
        """The alignment kept for the chapter with this hash in folder `base`, made by
        `viewer`; None if there is none, it is another viewer's or it is damaged."""
        try:
            data = marshal.loads(self._path(content_hash, base, _ALIGNMENT).read_bytes())
            saved_viewer, points, length, astral = data
            if saved_viewer != viewer:
                return None
            pairs = tuple((int(s), int(t)) for s, t in points)
            indices = tuple(int(i) for i in astral)
            length = int(length)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError, EOFError) as error:
            _log.info("ignoring a damaged alignment for %s: %s", content_hash, error)
            return None
        ordered = all(a[0] <= b[0] and a[1] <= b[1] for a, b in pairwise(pairs))
        if not pairs or pairs[0] != (0, 0) or not ordered or pairs[-1][1] > length:
            return None
        if any(not 0 <= i < length for i in indices) or list(indices) != sorted(indices):
            return None
        return Alignment(viewer, pairs, length, indices)

    def save_alignment(self, content_hash: str, alignment: Alignment, base: str = "") -> None:
        """Keep `alignment` beside the chapter's entry; failures only cost speed."""
        if not self._writable:
            return
        data = (alignment.viewer, alignment.points, alignment.length, alignment.astral)
        try:
            self._folder.mkdir(parents=True, exist_ok=True)
            write_atomic(
                self._path(content_hash, base, _ALIGNMENT), marshal.dumps(data), durable=False
            )
        except OSError as error:
            _log.info("could not write the render cache: %s", error)

    def prune(
        self, keep: set[str], *, unused_days: float = UNUSED_DAYS, now: float | None = None
    ) -> int:
        """Delete entries of other format versions, and of chapter versions not in `keep`
        (content hashes) unused for `unused_days`; returns how many went. Never fails."""
        if not self._writable:
            return 0
        cutoff = (time.time() if now is None else now) - unused_days * 86400
        current = f"v{FORMAT_VERSION}-"
        removed = 0
        try:
            entries = list(os.scandir(self._folder))
        except OSError:
            return 0
        kinds = (_ENTRY, _ALIGNMENT, ".json")  # .json: entries of format 6 and before
        for entry in entries:
            name = entry.name
            leftover = name.startswith(".v") and name.endswith(".tmp")  # from a crash
            if not leftover and not (name.startswith("v") and name.endswith(kinds)):
                continue  # not ours
            # The content hash leads the key; a folder digest may follow it.
            key = name[len(current) :].split(".", 1)[0].split("-", 1)[0]
            if name.startswith(current) and key in keep:
                continue
            try:
                recent = entry.stat().st_mtime > cutoff
                if recent and (leftover or name.startswith(current)):
                    continue
                os.remove(entry.path)
                removed += 1
            except OSError as error:
                _log.info("could not prune the render cache entry %s: %s", name, error)
        return removed
