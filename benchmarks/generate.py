"""Seeded synthetic inputs for the benchmarks: chapters, libraries, figures and annotation sets.

Everything here is deterministic: the same seed and size give the same bytes on every
machine and Python version (only `random.Random` with integer seeds and fixed word lists
are used), so that two benchmark runs measure the same work.
"""

from __future__ import annotations

import json
import random
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SEED_CHAPTER_BYTES = 12_292  # content/human-security.md, the bundled seed chapter
KB = 1024
MB = 1024 * 1024


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_WORDS = _words(
    "security people state human rights policy risk health food water climate "
    "conflict community development economy trade market growth poverty income "
    "education school teacher student learning knowledge evidence research data "
    "report survey analysis method model theory practice framework approach "
    "government institution agency governance law court treaty border region "
    "city village household family migration refugee displacement shelter "
    "disaster flood drought famine harvest land forest river ocean energy "
    "technology network information media trust violence peace dialogue "
    "cooperation coalition organisation donor funding programme project "
    "resilience vulnerability capacity inequality dignity freedom fear want "
    "livelihood employment labour wage price crisis recovery response "
    "prevention protection empowerment participation accountability "
    "transparency legitimacy authority power influence interest value norm "
    "culture identity language history memory future change pressure tension "
    "balance outcome impact effect cause condition pattern trend scale level"
)
_CONNECTIVES = _words(
    "and or but while because although whereas since unless therefore "
    "however moreover meanwhile instead thus"
)
_SMALL = _words("the a an of in on for with to from by across within between among")
_VERBS = _words(
    "shapes reduces increases undermines supports protects exposes enables limits "
    "requires reflects reveals challenges strengthens weakens connects"
)
# Text a real course carries: accents, other scripts, typographic punctuation, an emoji.
_FOREIGN = (
    "café",
    "naïve",
    "Zürich",
    "São Paulo",
    "Kraków",
    "Ñuñoa",
    "Åland",
    "Δημοκρατία",
    "Москва",
    "東京",
    "—",
    "“quoted”",
    "🌍",
)
_REPEATED_TITLES = ("Summary", "Key points", "Case study", "Discussion", "Further reading")
_LANGS = ("python", "json", "text", "bash")


@dataclass(frozen=True)
class Figure:
    """An image a chapter refers to: its path inside the library and whether it exists."""

    relpath: str
    present: bool
    width: int
    height: int


def _rng(seed: int, *salt: int) -> random.Random:
    value = seed
    for part in salt:
        value = value * 1_000_003 + part
    return random.Random(value)


def _sentence(rng: random.Random) -> str:
    words: list[str] = []
    for i in range(rng.randint(8, 24)):
        roll = rng.random()
        if i and roll < 0.08:
            words.append(rng.choice(_CONNECTIVES))
        elif i and roll < 0.25:
            words.append(rng.choice(_SMALL))
        elif i and roll < 0.32:
            words.append(rng.choice(_VERBS))
        elif roll < 0.335:
            words.append(rng.choice(_FOREIGN))
        else:
            words.append(rng.choice(_WORDS))
    roll = rng.random()
    if roll < 0.06:
        k = rng.randrange(len(words))
        words[k] = f"**{words[k]}**"
    elif roll < 0.12:
        k = rng.randrange(len(words))
        words[k] = f"*{words[k]}*"
    elif roll < 0.15:
        k = rng.randrange(len(words))
        words[k] = f"`{words[k]}`"
    elif roll < 0.17:
        k = rng.randrange(len(words))
        words[k] = f"[{words[k]}](https://example.org/{words[k]})"
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice(".....?!;")[0]


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(3, 7)))


def _title(rng: random.Random) -> str:
    if rng.random() < 0.12:
        return rng.choice(_REPEATED_TITLES)
    words = [rng.choice(_WORDS) for _ in range(rng.randint(2, 5))]
    if rng.random() < 0.1:
        words.append(rng.choice(_FOREIGN))
    text = " ".join(words)
    return text[0].upper() + text[1:]


def _bullets(rng: random.Random, ordered: bool) -> str:
    lines = []
    for n in range(1, rng.randint(3, 7) + 1):
        marker = f"{n}." if ordered else "-"
        lines.append(f"{marker} {_sentence(rng)}")
        if not ordered and rng.random() < 0.15:
            lines.append(f"    - {_sentence(rng)}")
    return "\n".join(lines)


def _table(rng: random.Random) -> str:
    columns = rng.randint(3, 5)
    head = [_title(rng) for _ in range(columns)]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * columns]
    for _ in range(rng.randint(5, 12)):
        cells = [
            f"{rng.uniform(0, 1000):.1f}" if rng.random() < 0.4 else rng.choice(_WORDS)
            for _ in range(columns)
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _code(rng: random.Random) -> str:
    lang = rng.choice(_LANGS)
    lines = [
        f"{rng.choice(_WORDS)}_{i} = {rng.randint(0, 999)}  # {rng.choice(_WORDS)}"
        for i in range(rng.randint(4, 14))
    ]
    return f"```{lang}\n" + "\n".join(lines) + "\n```"


def _quote(rng: random.Random) -> str:
    return "> " + _sentence(rng) + " " + _sentence(rng)


def _image(rng: random.Random, figure: Figure) -> str:
    alt = _title(rng) if rng.random() < 0.8 else ""
    style = rng.random()
    if style < 0.45:
        # The seed's own form: a raw HTML block with a Windows-style path and a percent width.
        src = figure.relpath.replace("/", "\\")
        return f'<center> <img src="{src}" alt="{alt}" width="70%" /> </center>'
    if style < 0.6:
        return f'<img src="{figure.relpath}" alt="{alt}" width="{min(figure.width, 480)}" />'
    return f"![{alt}]({figure.relpath})"


def figures_for(chapter_index: int, count: int) -> list[Figure]:
    """The figures chapter number `chapter_index` refers to; about two in three exist."""
    out = []
    for k in range(count):
        present = (chapter_index * 7 + k) % 3 != 2
        folder = "images" if present else "static/modules"
        width, height = (640, 360) if k % 2 else (320, 200)
        out.append(Figure(f"{folder}/ch{chapter_index:04d}-fig{k:02d}.png", present, width, height))
    return out


def chapter_markdown(
    seed: int,
    size: int,
    *,
    index: int = 0,
    title: str | None = None,
    slug: str | None = None,
    order: int | None = None,
) -> tuple[str, list[Figure]]:
    """A chapter of about `size` bytes of UTF-8 Markdown, with front matter, and its figures."""
    rng = _rng(seed, index, size)
    # One figure per ~6 KB (the seed chapter has four in 12 KB), at most 400.
    figures = figures_for(index, max(1, min(400, size // (6 * KB))))
    title = title or f"Chapter {index + 1}. {_title(rng)}"
    slug = slug or f"chapter-{index + 1:04d}"
    # JSON strings are valid YAML scalars: no front matter trouble with `*`, `:` or `#`.
    head = [
        "---",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        f"slug: {slug}",
        f"abstract: {json.dumps(_sentence(rng), ensure_ascii=False)}",
    ]
    if order is not None:
        head.append(f"order: {order}")
    head += ["---", "", ""]
    parts: list[str] = ["\n".join(head)]
    used = len(parts[0].encode())
    pending_figures = list(figures)
    blocks_since_table = 0
    table_every = 100  # blocks average ~600 bytes: a table per ~60 KB, and one early on
    block = 0
    while used < size:
        roll = rng.random()
        if block == 0 or roll < 0.10:
            level = 1 if rng.random() < 0.12 else (2 if rng.random() < 0.6 else 3)
            if rng.random() < 0.05:
                level = 4
            if block == 0:
                level = 2
            text = "#" * level + " " + _title(rng)
        elif pending_figures and roll < 0.16:
            text = _image(rng, pending_figures.pop(0))
        elif blocks_since_table > table_every or (block == 12 and blocks_since_table):
            text = _table(rng)
            blocks_since_table = 0
        elif roll < 0.24:
            text = _bullets(rng, ordered=rng.random() < 0.35)
        elif roll < 0.27:
            text = _code(rng)
        elif roll < 0.29:
            text = _quote(rng)
        else:
            text = _paragraph(rng)
        text += "\n\n"
        parts.append(text)
        used += len(text.encode())
        blocks_since_table += 1
        block += 1
    referenced = [f for f in figures if f not in pending_figures]
    return "".join(parts), referenced


def png_bytes(width: int, height: int, seed: int = 0) -> bytes:
    """A small RGB PNG (a banded gradient), written with zlib and struct only."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rng = _rng(seed, width, height)
    base = [rng.randrange(256) for _ in range(3)]
    rows = []
    for y in range(height):
        shade = (y * 255) // max(1, height - 1)
        pixel = bytes(((base[0] + shade) % 256, base[1], (base[2] + 255 - shade) % 256))
        rows.append(b"\x00" + pixel * width)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 6))
        + chunk(b"IEND", b"")
    )


def write_chapter(root: Path, markdown: str, figures: list[Figure], name: str) -> Path:
    """Write a chapter file and those of its figures that exist into library `root`."""
    root.mkdir(parents=True, exist_ok=True)
    for figure in figures:
        if figure.present:
            path = root / figure.relpath
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(png_bytes(figure.width, figure.height))
    path = root / name
    path.write_text(markdown, encoding="utf-8")
    return path


def chapter_sizes(count: int, seed: int, mean: int = SEED_CHAPTER_BYTES) -> list[int]:
    """Varied chapter sizes around `mean` (a quarter to four times it) for a library."""
    rng = _rng(seed, count, 17)
    return [max(2 * KB, int(mean * 2 ** rng.uniform(-2, 2))) for _ in range(count)]


def write_library(root: Path, count: int, seed: int = 1, mean: int = SEED_CHAPTER_BYTES) -> Path:
    """A library folder of `count` generated chapters of varied sizes, in reading order."""
    for index, size in enumerate(chapter_sizes(count, seed, mean)):
        text, figures = chapter_markdown(seed, size, index=index, order=index + 1)
        write_chapter(root, text, figures, f"chapter-{index + 1:04d}.md")
    return root


def write_single(root: Path, size: int, seed: int = 1) -> Path:
    """A library folder holding one generated chapter of about `size` bytes."""
    text, figures = chapter_markdown(seed, size, index=size % 9973, slug="big", title="Big")
    return write_chapter(root, text, figures, "big.md")


@dataclass(frozen=True)
class AnnotationSpec:
    """A synthetic highlight: a plain-text range, its quote with context, and a note."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    note: str
    color: str

    def annotation(self, chapter: str, stamp: str) -> Any:
        """This highlight as the reader's Annotation on `chapter`, made and changed at `stamp`."""
        from reader.core.anchoring import Target, TextPositionSelector, TextQuoteSelector
        from reader.core.notes import Annotation, new_annotation_id

        return Annotation(
            id=new_annotation_id(),
            chapter=chapter,
            created=stamp,
            modified=stamp,
            colour=self.color,  # type: ignore[arg-type]
            note=self.note,
            target=Target(
                TextQuoteSelector(self.exact, self.prefix, self.suffix),
                TextPositionSelector(self.start, self.end),
            ),
        )


def annotation_set(text: str, count: int, seed: int = 1, context: int = 32) -> list[AnnotationSpec]:
    """`count` highlights spread over `text` (1 to 25 words each), some with notes."""
    rng = _rng(seed, count, len(text))
    words = [i for i in range(1, len(text)) if text[i - 1] == " " and text[i] != " "]
    if not words:
        return []
    out = []
    for _ in range(count):
        first = rng.randrange(len(words))
        last = min(len(words) - 1, first + rng.randint(1, 25))
        start, end = words[first], max(words[first] + 1, words[last] - 1)
        note = _sentence(rng) if rng.random() < 0.4 else ""
        out.append(
            AnnotationSpec(
                start,
                end,
                text[start:end],
                text[max(0, start - context) : start],
                text[end : end + context],
                note,
                rng.choice(("yellow", "green", "blue", "pink")),
            )
        )
    out.sort(key=lambda a: (a.start, a.end))
    return out
