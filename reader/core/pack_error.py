"""The error of a course pack that cannot be opened (reader/core/pack.py raises it)."""

from __future__ import annotations

__all__ = ["PackError"]


class PackError(Exception):
    """A course pack that cannot be opened; `message` says why and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
