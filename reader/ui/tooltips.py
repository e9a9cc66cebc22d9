"""Tooltips that show text as written: chapter titles, quotes and notes are never markup."""

from __future__ import annotations

from html import escape


def plain_tooltip(text: str) -> str:
    """`text` as a tooltip that shows it literally, line breaks kept and long lines wrapped.

    Qt treats a tooltip as HTML as soon as it looks like markup ("a <b>" is enough), so a
    note or a front-matter title holding "<img src=…>" would be rendered, not shown. Escaped
    rich text also wraps long notes instead of drawing one line across the screen.
    """
    return f'<p style="white-space: pre-wrap">{escape(text, quote=False)}</p>'
