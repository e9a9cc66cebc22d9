"""Highlight colours as plain hex values, shared by the window and the exports (no Qt here)."""

from __future__ import annotations

# Highlight colours as (light theme, dark theme) fills. They are drawn translucent over
# the text, so overlapping highlights stay visible; the dark fills are deeper so light
# text on them keeps its contrast.
HIGHLIGHTS: dict[str, tuple[str, str]] = {
    "yellow": ("#ffe45c", "#8a7400"),
    "green": ("#9be58f", "#2f7a3a"),
    "blue": ("#9cc8ff", "#2d5e9e"),
    "pink": ("#ffa6c9", "#9b3a66"),
    "purple": ("#cfb0ff", "#6446a0"),
}
