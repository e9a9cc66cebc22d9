"""Code blocks: the language named by a fence's info string, and Pygments colouring as classes."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pygments.lexer import Lexer

# Class names carry this prefix so that they can never clash with the chapter's own styles.
CLASS_PREFIX = "hl-"
# The Pygments styles the two reading themes take their code colours from.
LIGHT_STYLE = "default"
DARK_STYLE = "monokai"
_LANGUAGE_RE = re.compile(r"[^\s,{}]+")


def fence_language(info: str) -> str:
    """The language of a fence: the first word of its info string, without `{`, `.` or options.

    "rust,ignore" -> "rust", "{.python}" -> "python", 'python title="x"' -> "python",
    "{r, echo=FALSE}" -> "r".
    """
    match = _LANGUAGE_RE.search(info.strip().lstrip("{").lstrip("."))
    return match.group(0).lstrip(".").lower() if match else ""


@lru_cache(maxsize=64)
def _lexer(language: str) -> Lexer | None:
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        # stripnl off: the block keeps its leading and trailing blank lines as written.
        return get_lexer_by_name(language, stripnl=False, ensurenl=False)
    except (ClassNotFound, ValueError, ImportError):
        # ImportError: the standalone program carries the lexers of common languages only.
        return None


@cache
def _class_of(ttype: object) -> str:
    from pygments.token import STANDARD_TYPES

    current = ttype
    while current is not None:
        short = STANDARD_TYPES.get(current)  # type: ignore[call-overload]
        if short:
            return CLASS_PREFIX + short
        current = getattr(current, "parent", None)
    return ""


def highlight(code: str, language: str) -> str | None:
    """`code` as escaped HTML with `<span class="hl-..">` runs, or None for an unknown language.

    Only a language the author named is coloured: guessing would colour prose and output.
    """
    if not language:
        return None
    lexer = _lexer(language)
    if lexer is None:
        return None
    out: list[str] = []
    run_class, run_text = "", list[str]()
    for ttype, value in lexer.get_tokens(code):
        css = _class_of(ttype)
        if css != run_class and run_text:
            out.append(_span(run_class, "".join(run_text)))
            run_text = []
        run_class = css
        run_text.append(value)
    if run_text:
        out.append(_span(run_class, "".join(run_text)))
    return "".join(out)


def _span(css: str, text: str) -> str:
    escaped = escape(text, quote=False)
    return f'<span class="{css}">{escaped}</span>' if css else escaped


def token_classes() -> frozenset[str]:
    """Every class name `highlight` can emit (the sanitiser's allow-list for spans)."""
    from pygments.token import STANDARD_TYPES

    return frozenset(CLASS_PREFIX + short for short in STANDARD_TYPES.values() if short)


def style_css(style_name: str) -> str:
    """Qt stylesheet rules colouring each token class as the Pygments style `style_name` does.

    Each rule names the span it colours: Qt checks a rule without an element name against
    every element of the chapter, and seventy of them made a long chapter's layout a
    fifth slower.
    """
    from pygments.styles import get_style_by_name
    from pygments.token import STANDARD_TYPES

    style = get_style_by_name(style_name)
    lines = [f"/* Code colours from the Pygments style '{style_name}'. */"]
    for ttype, short in sorted(STANDARD_TYPES.items(), key=lambda item: item[1]):
        if not short:
            continue
        found = style.style_for_token(ttype)
        rules = []
        if found["color"]:
            rules.append(f"color: #{found['color']};")
        if found["bold"]:
            rules.append("font-weight: bold;")
        if found["italic"]:
            rules.append("font-style: italic;")
        if rules:
            lines.append(f"span.{CLASS_PREFIX}{short} {{ {' '.join(rules)} }}")
    return "\n".join(lines) + "\n"
