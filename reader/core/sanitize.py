"""Rewrite rendered chapter HTML into the safe subset the viewer shows, resolving images.

nh3 (Ammonia) does the cleaning: an allow-list of tags, attributes, classes and URL
schemes. Image sources pass through its attribute filter, which resolves each inside the
library; a last pass over the (now well-formed) HTML sizes the images and flattens
nesting deeper than Qt can lay out in reasonable time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html import escape, unescape
from pathlib import Path

from reader.core.code_highlight import token_classes
from reader.core.markdown_parser import BOX_CLASSES, FOLDED_ARROW, OPEN_ARROW, TITLE_CLASSES
from reader.core.rendered import FileTree, ImageRef, ImageStatus, image_url, resolver_for

# Tags Qt's rich text understands and that chapter authors need; anything else is
# unwrapped (its text kept), and the tags in _DROP_WITH_CONTENT vanish entirely.
_ALLOWED_TAGS = frozenset(
    ["a", "abbr", "b", "big", "blockquote", "br", "caption", "center", "cite", "code", "dd",
     "del", "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
     "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strike",
     "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u",
     "ul", "var"]
)  # fmt: skip
# Only elements whose content is never chapter text; a <textarea> or <noscript> is unwrapped
# instead, so that an unclosed one cannot hide the rest of the chapter.
_DROP_WITH_CONTENT = frozenset(
    ["script", "style", "head", "title", "iframe", "object", "applet", "template", "svg",
     "math", "canvas", "video", "audio", "select", "button", "frame", "frameset", "noembed"]
)  # fmt: skip
_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "title", "align", "dir"},
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height", "style"},
    "ol": {"start", "type"},
    "td": {"colspan", "rowspan", "valign"},
    "th": {"colspan", "rowspan", "valign"},
    "table": {"width", "cellspacing", "cellpadding", "border"},
}
# Classes the renderer emits; an author's own class names are dropped.
_CLASSES: dict[str, set[str]] = {
    "table": set(BOX_CLASSES) | {"code"},
    "p": set(TITLE_CLASSES) | {"summary", "math-block", "figure"},
    "pre": {"code"},
}
# "details:" links are the fold toggles of details boxes, routed by the viewer.
_URL_SCHEMES = {"http", "https", "mailto", "details"}
_PERCENT_RE = re.compile(r"^\s*(\d{1,3}(?:\.\d+)?)\s*%\s*$")
_STRETCH_WIDTH = 20000
_PIXELS_RE = re.compile(r"^\s*(\d{1,5})(?:\.\d+)?\s*(?:px)?\s*$")
_STYLE_SIZE_RE = re.compile(r"(?:^|;)\s*(width|height)\s*:\s*([^;]+)", re.IGNORECASE)
# Tags of the cleaned HTML: attribute values are always double-quoted there.
_TAG_RE = re.compile(r'<(/?)([a-z][a-z0-9]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*/?>')
_ATTR_RE = re.compile(r'([^\s=>/]+)="([^"]*)"')
_EMPTY_PARAGRAPH_RE = re.compile(r"<p>\s*(?:<a\b[^>]*>\s*</a>)?\s*</p>")
_VOID = frozenset({"br", "hr", "img"})
# Deeper element nesting is flattened: Qt's layout slows sharply with depth.
HTML_NESTING_LIMIT = 100


@dataclass(frozen=True)
class Sanitized:
    """Safe HTML, its images in order, whether nesting had to be flattened, and the
    raw-text tags left unclosed (each ignored so that the text after it still shows)."""

    html: str
    images: tuple[ImageRef, ...]
    flattened: bool
    unclosed: tuple[str, ...] = ()


# Elements whose content an HTML parser reads as raw text up to their closing tag: left
# unclosed, they would swallow the rest of the chapter.
_RAW_TEXT_TAGS = (
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    "noscript", "plaintext",
)  # fmt: skip
_RAW_TEXT_OPEN_RE = re.compile(r"<(" + "|".join(_RAW_TEXT_TAGS) + r")\b[^>]*>", re.IGNORECASE)


def _drop_unclosed_raw_text(html: str) -> tuple[str, tuple[str, ...]]:
    """`html` without the opening tags of raw-text elements that are never closed.

    A browser would hide everything after an unclosed `<script>` or `<textarea>`; a
    chapter must never lose its text to a typo, so such a tag is dropped (and reported).
    """
    lowered = html.lower()
    if not any(f"<{tag}" in lowered for tag in _RAW_TEXT_TAGS):
        return html, ()
    out: list[str] = []
    unclosed: list[str] = []
    pos = 0
    for match in _RAW_TEXT_OPEN_RE.finditer(html):
        if match.start() < pos:
            continue  # inside an element already passed over as a whole
        tag = match.group(1).lower()
        close = -1 if tag == "plaintext" else lowered.find(f"</{tag}", match.end())
        if close >= 0:
            end = lowered.find(">", close)
            pos_end = len(html) if end < 0 else end + 1
            out.append(html[pos:pos_end])
            pos = pos_end
            continue
        out.append(html[pos : match.start()])
        pos = match.end()
        unclosed.append(tag)
    out.append(html[pos:])
    return "".join(out), tuple(unclosed)


def sanitize(html: str, root: Path | FileTree, base: str = "") -> tuple[str, tuple[ImageRef, ...]]:
    """Keep the safe subset of `html`, rewriting each image to a viewer URL; list the images."""
    result = sanitize_html(html, root, base)
    return result.html, result.images


def sanitize_html(html: str, root: Path | FileTree, base: str = "") -> Sanitized:
    """Clean `html` with nh3, resolve and size its images, flatten too-deep nesting."""
    import nh3

    resolver = resolver_for(root, base)
    seen: list[tuple[str, ImageStatus, Path | None]] = []

    def attribute_filter(tag: str, attribute: str, value: str) -> str | None:
        if tag == "img" and attribute == "src":
            # Only sources with a safe scheme (or none) get here; the rest lose their src.
            status, path = resolver.resolve(value)
            seen.append((value, status, path))
            return f"seen:{len(seen) - 1}"
        return value

    html, unclosed = _drop_unclosed_raw_text(html)
    cleaned = nh3.clean(
        html,
        tags=set(_ALLOWED_TAGS),
        clean_content_tags=set(_DROP_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in _ATTRIBUTES.items()},
        attribute_filter=attribute_filter,
        strip_comments=True,
        link_rel=None,
        url_schemes=set(_URL_SCHEMES),
        allowed_classes=_allowed_classes(),
    )
    finished = _finish(cleaned, seen)
    images = finished.images
    files = resolver.files
    if files is not None:  # figures of a zip pack are read from it
        images = tuple(r._replace(files=files) if r.status == "found" else r for r in images)
    return Sanitized(finished.html, images, finished.flattened, unclosed)


@lru_cache(maxsize=1)
def _allowed_classes() -> dict[str, set[str]]:
    # Built on first use: the token class names come from Pygments, not loaded at start-up.
    classes = {tag: set(names) for tag, names in _CLASSES.items()}
    classes["span"] = set(token_classes()) | {"math"}
    return classes


def _finish(cleaned: str, seen: list[tuple[str, ImageStatus, Path | None]]) -> Sanitized:
    images: list[ImageRef] = []
    out: list[str] = []
    depth = skipped = pos = 0
    # Per open element: its tag, whether it was left out, and its opening tag as written.
    stack: list[tuple[str, bool, str]] = []
    split = False
    folds = 0
    has_folds = "details:" in cleaned
    for match in _TAG_RE.finditer(cleaned):
        closing, tag = match.group(1), match.group(2)
        fold_link = has_folds and tag == "a" and not closing and depth < HTML_NESTING_LIMIT
        if fold_link and 'href="details:' in match.group(3):
            # Fold links are numbered again in their final order, so that link N is the
            # N-th fold of the plain text whatever the cleaning removed; a "details:" link
            # that is not a box's title (no arrow) loses its target.
            out.append(cleaned[pos : match.start()])
            pos = match.end()
            if cleaned.startswith((FOLDED_ARROW, OPEN_ARROW), pos):
                out.append(f'<a href="details:{folds}">')
                folds += 1
            else:
                out.append("<a>")
        if tag == "img":
            out.append(cleaned[pos : match.start()])
            pos = match.end()
            image = _image(match.group(3), seen, images)
            if _on_the_web(images[-1]):
                # Shown as a one-line chip (badges, video thumbnails): it stays in its line.
                out.append(image)
                continue
            parent = stack[-1][0] if stack else ""
            grandparent = stack[-2][0] if len(stack) > 1 else ""
            # A figure gets a block of its own with single line height: the text's
            # line-height of 158% would otherwise add half the image's height below it.
            if parent == "a" and grandparent == "p":
                # A linked figure ([![alt](img)](url), as for a video's thumbnail): the
                # link is closed around the figure's own block and opened again after it.
                link = stack[-1][2]
                out.append(f'</a></p><p class="figure">{link}{image}</a></p><p>{link}')
                split = True
            elif parent == "p":
                out.append(f'</p><p class="figure">{image}</p><p>')
                split = True
            elif parent == "li":
                out.append(f'<p class="figure">{image}</p>')
            else:
                out.append(image)
            continue
        if tag in _VOID:
            continue
        if not closing:
            keep = depth < HTML_NESTING_LIMIT
            depth += 1
            stack.append((tag, not keep, match.group(0)))
        else:
            if not stack:
                continue
            depth -= 1
            keep = not stack.pop()[1]
        if not keep:
            skipped += 1
            out.append(cleaned[pos : match.start()])
            pos = match.end()
    out.append(cleaned[pos:])
    html = "".join(out)
    if split:
        html = _EMPTY_PARAGRAPH_RE.sub("", html)
    return Sanitized(html, tuple(images), skipped > 0)


def _on_the_web(ref: ImageRef) -> bool:
    return ref.status == "unsafe" and ref.src.strip().lower().startswith(("http:", "https:"))


def _size(value: str) -> tuple[float | None, int | None]:
    percent = _PERCENT_RE.match(value)
    if percent:
        return min(float(percent.group(1)), 100.0), None
    pixels = _PIXELS_RE.match(value)
    return None, (int(pixels.group(1)) if pixels else None)


def _image(
    attrs_text: str, seen: list[tuple[str, ImageStatus, Path | None]], images: list[ImageRef]
) -> str:
    attrs = {name: unescape(value) for name, value in _ATTR_RE.findall(attrs_text)}
    key = attrs.get("src", "")
    if key.startswith("seen:"):
        src, status, path = seen[int(key[5:])]
    else:
        src, status, path = key, "unsafe", None  # its scheme was refused by the cleaner
    styled = {
        m.group(1).lower(): m.group(2).strip()
        for m in _STYLE_SIZE_RE.finditer(attrs.get("style", ""))
    }
    percent, pixels = _size(attrs.get("width") or styled.get("width", ""))
    height = _size(attrs.get("height") or styled.get("height", ""))[1]
    name = (path.name if path is not None else src).lower()
    ref = ImageRef(
        src=src,
        alt=attrs.get("alt", ""),
        status=status,
        path=path,
        width_percent=percent,
        width_pixels=pixels,
        height_pixels=height,
        svg=name.endswith((".svg", ".svgz")),
    )
    index = len(images)
    images.append(ref)
    # Qt's rich text cannot parse percent widths (the image would vanish). A share of
    # the column is written as a very wide image shrunk by max-width, which Qt applies
    # against the text width and re-applies on every resize; nothing is ever wider
    # than the column.
    if ref.width_percent is not None:
        size = f' width="{_STRETCH_WIDTH}" style="max-width:{ref.width_percent:g}%"'
    else:
        size = f' width="{ref.width_pixels}"' if ref.width_pixels is not None else ""
        size += f' height="{ref.height_pixels}"' if ref.height_pixels is not None else ""
        size += ' style="max-width:100%"'
    alt = escape(ref.label, quote=True)
    return f'<img src="{image_url(index, ref)}" alt="{alt}" title="{alt}"{size} />'
