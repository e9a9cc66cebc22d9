"""Reading a chapter's text: front matter, its first heading, and a title from its name."""

from __future__ import annotations

import html
import re
from typing import Any

from reader.core.i18n import translate

# Front matter only when `---` is the very first line; closed by a `---` or `...` line.
_FRONT_MATTER_RE = re.compile(r"---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$\n?", re.S | re.M)
_FENCE_RE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)")
_ATX_RE = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*")
_CLOSING_HASHES_RE = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_SETEXT_RE = re.compile(r" {0,3}(?:=+|-+)[ \t]*")
_HTML_HEADING_RE = re.compile(r" {0,3}<h([1-6])\b[^>]*>(.*?)</h\1\s*>", re.I)
# Lines that cannot be the text of a setext heading (list items, quotes, tables, HTML).
_NOT_PARAGRAPH_RE = re.compile(r" {0,3}(?:[-+*][ \t]|\d{1,9}[.)][ \t]|>|\||<)")
_IMAGE_RE = re.compile(r"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])?")
_LINK_RE = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_TAG_RE = re.compile(r"</?[A-Za-z][^>]*>")
_EMPHASIS_RE = re.compile(r"[`*]+|~~|(?<!\w)_+|_+(?!\w)")
_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")
_ORDER_PREFIX_RE = re.compile(r"^\d+[-_. ]+(?=\w)")
_SEPARATORS_RE = re.compile(r"[-_\s]+")


def split_front_matter(text: str) -> tuple[str | None, int]:
    """(the YAML between the fences or None, where the body starts in `text`)."""
    match = _FRONT_MATTER_RE.match(text)
    if match is None:
        return None, 0
    return match.group(1), match.end()


class FrontMatterError(ValueError):
    """Front matter that is not YAML, or not a set of `key: value` lines."""


def parse_yaml(source: str) -> dict[str, Any]:
    """The metadata in front matter `source`; raises FrontMatterError saying what is wrong.

    Imported here: a start whose chapters are all in the metadata cache never loads YAML.
    """
    import yaml

    try:
        # The C loader: the pure-Python one is most of the time a large library takes.
        data = yaml.load(source, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as error:
        detail = str(error).splitlines()[0] if str(error) else "invalid YAML"
        message = translate("Library", "The front matter is not valid YAML ({detail}).")
        raise FrontMatterError(message.format(detail=detail)) from None
    except (ValueError, TypeError, RecursionError, OverflowError) as error:
        message = translate("Library", "The front matter cannot be read ({detail}).")
        raise FrontMatterError(message.format(detail=error)) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FrontMatterError(
            translate(
                "Library", "The front matter must be a set of `key: value` lines; it was ignored."
            )
        )
    return data


def plain_heading(source: str) -> str:
    """The text of a heading's inline Markdown: no markup, links as their text, no images."""
    pieces = []
    # Escaped characters are kept as written; only the text between them loses its markup.
    for index, piece in enumerate(_ESCAPE_RE.split(source)):
        if index % 2:
            pieces.append(piece)
            continue
        piece = _IMAGE_RE.sub("", piece)
        piece = _LINK_RE.sub(r"\1", piece)
        piece = _TAG_RE.sub("", piece)
        pieces.append(_EMPHASIS_RE.sub("", piece))
    return " ".join(html.unescape("".join(pieces)).split())


def first_heading(body: str) -> str:
    """The plain text of the first heading of `body`, or "" when it has none.

    ATX (`# x`, any level), setext (underlined with `=` or `-`) and `<h1>`..`<h6>` lines
    count; fenced code (``` or ~~~, any info string) and HTML comments are passed over.
    A heading with no text left once its markup is gone (a badge, say) does not count.
    """
    fence: tuple[str, int] | None = None
    in_comment = False
    paragraph: list[str] = []
    for line in body.splitlines():
        if in_comment:
            in_comment = "-->" not in line
            continue
        if fence is not None:
            stripped = line.strip()
            char, length = fence
            indent = len(line) - len(line.lstrip(" "))
            if indent <= 3 and len(stripped) >= length and stripped == char * len(stripped):
                fence = None
            continue
        opening = _FENCE_RE.fullmatch(line)
        if opening and not (opening.group(1)[0] == "`" and "`" in opening.group(2)):
            fence = (opening.group(1)[0], len(opening.group(1)))
            paragraph = []
            continue
        stripped = line.strip()
        if stripped.startswith("<!--"):
            in_comment = "-->" not in stripped[4:]
            paragraph = []
            continue
        if not stripped:
            paragraph = []
            continue
        title = _heading_on(line, paragraph)
        if title is not None:
            if title:
                return title
            paragraph = []
            continue
        if line.startswith(("    ", "\t")) and not paragraph:
            continue  # indented code
        if _NOT_PARAGRAPH_RE.match(line):
            paragraph = []
            continue
        paragraph.append(stripped)
    return ""


def _heading_on(line: str, paragraph: list[str]) -> str | None:
    """The heading text `line` ends (given the paragraph before it), or None if none."""
    atx = _ATX_RE.fullmatch(line)
    if atx:
        return plain_heading(_CLOSING_HASHES_RE.sub("", atx.group(2) or ""))
    tag = _HTML_HEADING_RE.match(line)
    if tag:
        return plain_heading(tag.group(2))
    if paragraph and _SETEXT_RE.fullmatch(line):
        return plain_heading(" ".join(paragraph))
    if line.lstrip(" ").startswith("---") and _SETEXT_RE.fullmatch(line):
        return ""  # a rule with no paragraph above: not a heading, ends nothing
    return None


def title_from_name(relpath: str, library_name: str) -> str:
    """A readable title from a chapter's file name (its folder's, for README/index).

    A leading order number is dropped ("01-intro.md" -> "Intro"), "-" and "_" become
    spaces and the first letter is raised; the top README/index takes the library's name.
    """
    parts = relpath.split("/")
    name = parts[-1]
    stem = name.rsplit(".", 1)[0] if "." in name else name
    if stem.casefold() in ("readme", "index"):
        stem = parts[-2] if len(parts) > 1 else library_name
    words = " ".join(_SEPARATORS_RE.split(_ORDER_PREFIX_RE.sub("", stem))).strip()
    if not words:
        words = " ".join(_SEPARATORS_RE.split(stem)).strip() or stem
    return words[:1].upper() + words[1:]
