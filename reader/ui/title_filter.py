"""Which chapters a typed filter text keeps: folded titles, words and visibility (no Qt)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def fold(text: str) -> str:
    """`text` without accents and case, so that "cafe" finds "Café" and "ÉTÉ" finds "été"."""
    if text.isascii():  # most titles: nothing to decompose (a third of the time on 10,000)
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def query_words(text: str) -> tuple[str, ...]:
    """The folded words of a filter text; none for blank text (nothing is filtered)."""
    return tuple(fold(text).split())


def folded_paths(titles: Sequence[str], parents: Sequence[int]) -> list[str]:
    """Each chapter's folded title after those of its ancestors, one title a line.

    `parents[i]` is the index of chapter i's parent (-1 at the top level), and a parent
    always comes before its children (the library's depth-first reading order).
    """
    paths: list[str] = []
    for title, parent in zip(titles, parents, strict=True):
        own = fold(title)
        paths.append(f"{paths[parent]}\n{own}" if parent >= 0 else own)
    return paths


def visibility(
    paths: Sequence[str], parents: Sequence[int], words: Sequence[str]
) -> tuple[list[bool], list[bool], list[bool]]:
    """Which chapters match, which stay visible, and which have a visible child chapter.

    A chapter matches when every word is in its title or an ancestor's title (so a
    module's name keeps its lessons); a chapter stays visible when it matches or one
    of its descendants does, so that every match is reached through its ancestors.
    """
    matched = [all(word in path for word in words) for path in paths]
    visible = list(matched)
    opened = [False] * len(paths)
    # Children come after their parent: walking backwards settles every child first.
    for index in range(len(paths) - 1, -1, -1):
        parent = parents[index]
        if visible[index] and parent >= 0:
            visible[parent] = True
            opened[parent] = True
    return matched, visible, opened
