"""What can be wrong with a file of a library, said in words for the author."""

from __future__ import annotations

from typing import Literal, NamedTuple

ProblemKind = Literal[
    "missing-image",
    "unsafe-path",
    "bad-front-matter",
    "duplicate-slug",
    "unreadable",
    "no-title",
    "skipped",
    "bad-metadata",
]


class Problem(NamedTuple):
    """Something wrong with (or left out of) a library; `path` is relative, with "/"."""

    path: str
    kind: ProblemKind
    message: str
