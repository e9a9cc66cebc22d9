"""Turn a chapter's Markdown into the HTML the viewer shows, with its headings, images and links."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.markdown_math import tex_to_text
from reader.core.rendered import FileTree, Heading, RenderedChapter
from reader.core.sanitize import HTML_NESTING_LIMIT, Sanitized

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


_HREF_RE = re.compile(
    r"""<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE
)


def slug_base(title: str) -> str:
    """GitHub's heading id before de-duplication: lower case, punctuation and emoji removed,
    each space a hyphen; letters of every script are kept."""
    kept = []
    for char in title.lower():
        if char.isalnum() or char in "-_ " or unicodedata.category(char).startswith("M"):
            kept.append(char)
    return "".join(kept).replace(" ", "-")


class Slugger:
    """Gives each heading a unique GitHub-style id: duplicates get -1, -2, ..."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def slug(self, title: str) -> str:
        """The id for the next heading titled `title`."""
        base = slug_base(title)
        slug = base
        while slug in self._seen:
            self._seen[base] += 1
            slug = f"{base}-{self._seen[base]}"
        self._seen[slug] = 0
        return slug


def _inline_text(token: Token) -> str:
    """The plain text of an inline token: what the heading reads, without markup."""
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type in ("math_inline", "math_inline_double"):
            parts.append(tex_to_text(child.content))
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def _walk_headings_and_links(
    md: MarkdownIt, tokens: list[Token]
) -> tuple[list[Heading], list[str]]:
    headings: list[Heading] = []
    links: list[str] = []
    slugger = Slugger()
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            title = _inline_text(tokens[index + 1])
            slug = slugger.slug(title)
            token.attrSet("id", slug)
            headings.append(Heading(int(token.tag[1]), title, slug))
        elif token.type in ("html_block", "html_inline"):
            links.extend(_raw_hrefs(token.content))
        if token.type == "inline":
            for child in token.children or ():
                if child.type == "link_open":
                    links.append(md.normalizeLinkText(str(child.attrs.get("href", ""))))
                elif child.type == "html_inline":
                    links.extend(_raw_hrefs(child.content))
    return headings, links


def _raw_hrefs(html: str) -> list[str]:
    if "href" not in html.lower():
        return []
    return [next(g for g in m.groups() if g is not None) for m in _HREF_RE.finditer(html)]


def _unclosed_fences(tokens: list[Token], lines: list[str]) -> list[tuple[str, str]]:
    issues = []
    for token in tokens:
        if token.type != "fence" or token.map is None:
            continue
        start, end = token.map
        last = lines[end - 1].lstrip(" \t>") if end - 1 < len(lines) else ""
        marker = token.markup
        closed = end - 1 > start and last.startswith(marker) and not last.strip(marker[0] + " \t")
        if not closed:
            issues.append(
                (
                    "unclosed-fence",
                    f"The code block opened on line {start + 1} is never closed: "
                    "it runs to the end of the chapter.",
                )
            )
    return issues


@dataclass(frozen=True)
class Converted:
    """Markdown converted to HTML that is not yet cleaned: the first stage of rendering."""

    html: str
    headings: tuple[Heading, ...]
    links: tuple[str, ...]
    issues: tuple[tuple[str, str], ...]
    too_deep: bool


def convert(body: str) -> Converted:
    """Parse Markdown `body` and write its HTML, headings, links and parsing issues."""
    from reader.core.markdown_parser import parser, transform_details

    md = parser()
    env: dict[str, object] = {}
    tokens = md.parse(body, env)
    swallowed: list[str] = []
    # An HTML block opened by <script>, <pre>, <style> or <textarea> runs to its closing
    # tag or, without one, to the end of the chapter (CommonMark's HTML block type 1), so
    # a stray opening tag would turn the rest into raw HTML. Drop that tag and parse again.
    for _ in range(_MAX_REPARSES):
        stray = _swallowing_block(tokens)
        if stray is None:
            break
        line, tag = stray
        lines = body.split("\n")
        lines[line] = re.sub(rf"<{tag}\b[^>]*>?", "", lines[line], count=1, flags=re.IGNORECASE)
        body = "\n".join(lines)
        swallowed.append(tag)
        env = {}
        tokens = md.parse(body, env)
    headings, links = _walk_headings_and_links(md, tokens)
    html = transform_details(md.renderer.render(tokens, md.options, env))
    issues = _unclosed_fences(tokens, body.split("\n"))
    issues += [_unclosed_tag_issue(tag) for tag in dict.fromkeys(swallowed)]
    return Converted(html, tuple(headings), tuple(links), tuple(issues), bool(env.get("too_deep")))


_MAX_REPARSES = 20
_TYPE_ONE_RE = re.compile(r"\s{0,3}<(script|pre|style|textarea)(?=[\s>]|$)", re.IGNORECASE)


def _swallowing_block(tokens: list[Token]) -> tuple[int, str] | None:
    """(line, tag) of a type-1 HTML block whose closing tag never comes, or None."""
    for token in tokens:
        if token.type != "html_block" or token.map is None:
            continue
        found = _TYPE_ONE_RE.match(token.content)
        if found and f"</{found.group(1).lower()}" not in token.content.lower():
            return token.map[0], found.group(1).lower()
    return None


def _unclosed_tag_issue(tag: str) -> tuple[str, str]:
    return (
        "unclosed-tag",
        f"A <{tag}> tag is never closed; it is ignored so that the text after it shows. "
        f"Close it with </{tag}> or remove it.",
    )


def render_markdown(body: str, root: Path | FileTree, base: str = "") -> RenderedChapter:
    """Render Markdown `body` of a chapter in folder `base` (posix, relative to the library
    folder `root`; "" at the top); its images resolve from there, inside `root` only."""
    from reader.core.sanitize import sanitize_html

    converted = convert(body)
    return finish(converted, sanitize_html(converted.html, root, base))


def finish(converted: Converted, result: Sanitized) -> RenderedChapter:
    """The rendered chapter from the converted Markdown and its cleaned HTML."""
    issues = list(converted.issues)
    if converted.too_deep or result.flattened:
        issues.append(
            (
                "too-deep",
                f"Lists, quotes or HTML nest deeper than {HTML_NESTING_LIMIT} levels; "
                "the deepest levels are shown flattened.",
            )
        )
    reported = {message for kind, message in issues if kind == "unclosed-tag"}
    for tag in dict.fromkeys(result.unclosed):
        issue = _unclosed_tag_issue(tag)
        if issue[1] not in reported:
            issues.append(issue)
    return RenderedChapter(
        result.html, converted.headings, result.images, converted.links, tuple(issues)
    )
