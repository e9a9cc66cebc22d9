"""Strict sanitising with nh3, image sizes, and images resolved from the chapter's folder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.render import render_markdown
from reader.core.rendered import ImageResolver, resolve_image
from reader.core.text_extract import plain_text

# Pieces of hostile and ordinary HTML that the generated chapters are made of.
_PIECES = [
    "<script>", "</script>", "<script src=x.js>", "<style>", "</style>",
    "<img src=javascript:alert(1)>", '<img src="x.png" onerror="alert(1)">',
    '<a href="javascript:alert(1)">', "<a href='JaVaScRiPt:x'>",
    '<a href=" javascript:x">', '<a href="vbscript:x">', '<a href="data:text/html,x">',
    '<a href="file:///etc/passwd">', "</a>", '<div onclick="x()">', "</div>", "<p style='x'>",
    "<iframe src=//evil>", "</iframe>", "<embed src=x>", "<object data=x>", "<svg onload=x>",
    "<math>", "<form action=x>", "<input>", "<button>", '<img src="data:image/png;base64,AA">',
    "<details>", "<summary>", "</summary>", "</details>", "<table>", "<td>", "<b>", "</b>",
    "<!--", "-->", "<![CDATA[", "]]>", "<base href=//x>", "<meta http-equiv=refresh>",
    "<link rel=stylesheet href=x>", " onmouseover=x ", "text", "\n\n", "*em*", "`code`",
    "[link](javascript:alert(1))", "![img](javascript:x)", "<", ">", "&", '"', "'", "=",
]  # fmt: skip
_DANGEROUS_TAG = re.compile(
    r"<(script|style|iframe|embed|object|svg|math|form|input|button|base|meta|link)\b", re.I
)
# Inside a tag (text never holds a raw "<": it is escaped).
_DANGEROUS_ATTRIBUTE = re.compile(
    r"\son[a-z]+=|javascript:|vbscript:|data:|file:|style=\"(?!max-width:[\d.]+%\")", re.I
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_nothing_dangerous_survives_generated_html(
    tmp_path_factory: pytest.TempPathFactory, body: str
) -> None:
    root = tmp_path_factory.mktemp("lib", numbered=True)
    rendered = render_markdown(body, root)
    assert _DANGEROUS_TAG.search(rendered.html) is None, rendered.html
    for tag in re.findall(r"<[^>]*>", rendered.html):
        assert _DANGEROUS_ATTRIBUTE.search(tag) is None, tag
    for match in re.finditer(r'<(a|img)\s[^>]*(href|src)="([^"]*)"', rendered.html):
        url = match.group(3)
        assert re.match(r"(https?:|mailto:|details:|#|image:\d|placeholder:\d|[^:]*$)", url), url


def test_scripts_and_styles_vanish_with_content_other_tags_keep_text(tmp_path: Path) -> None:
    body = (
        "Before.\n\n<script>alert('x')</script>\n\n<style>p { color: red }</style>\n\n"
        "<p>Kept <blink>blinking</blink> <foo>unknown</foo> <form>form text</form>.</p>\n"
    )
    rendered = render_markdown(body, tmp_path)
    text = plain_text(rendered.html).text
    assert "alert" not in rendered.html and "color: red" not in rendered.html
    # A form is a block: its text starts a line of its own, but nothing is lost.
    assert "Kept blinking unknown\nform text." in text and "Before." in text


@pytest.mark.parametrize("opener", ["<embed src='x'>", "<div>", "<textarea>", "<span>", "<b>"])
def test_unclosed_tags_never_hide_the_rest_of_the_chapter(tmp_path: Path, opener: str) -> None:
    body = f"# Start\n\n{opener}\n\nMiddle paragraph.\n\n## Later heading\n\nLast words.\n"
    rendered = render_markdown(body, tmp_path)
    text = plain_text(rendered.html).text
    assert "Middle paragraph." in text and "Last words." in text
    if opener != "<textarea>":  # CommonMark reads the rest after <textarea> as raw HTML
        assert [h.title for h in rendered.headings] == ["Start", "Later heading"]
        assert 'id="later-heading"' in rendered.html


def test_only_emitted_classes_and_safe_attributes_are_kept(tmp_path: Path) -> None:
    body = (
        '<p class="box-title evil" id="keep" title="t" data-x="1" style="color:red">x</p>\n\n'
        '<span class="hl-k secret">y</span> <a href="#keep" name="n" target="_blank">z</a>\n'
    )
    html = render_markdown(body, tmp_path).html
    assert '<p class="box-title" id="keep" title="t">x</p>' in html
    assert '<span class="hl-k">y</span>' in html
    assert '<a href="#keep" name="n">z</a>' in html
    assert "evil" not in html and "secret" not in html and "data-x" not in html


@pytest.mark.parametrize(
    ("markup", "percent", "pixels", "height"),
    [
        ('<img src="a.png" width="70%">', 70.0, None, None),
        ('<img src="a.png" width="300">', None, 300, None),
        ('<img src="a.png" width="300px" height="120">', None, 300, 120),
        ('<img src="a.png" style="width:50%">', 50.0, None, None),
        ('<img src="a.png" style="height: 80px; width: 300px">', None, 300, 80),
        ('<img src="a.png" style="width: 250%">', 100.0, None, None),
        ("![alt](a.png)", None, None, None),
    ],
)
def test_image_widths_from_attributes_and_style(
    tmp_path: Path, markup: str, percent: float | None, pixels: int | None, height: int | None
) -> None:
    rendered = render_markdown(markup, tmp_path)
    [ref] = rendered.images
    assert (ref.width_percent, ref.width_pixels, ref.height_pixels) == (percent, pixels, height)
    if percent is not None:
        assert f'width="20000" style="max-width:{percent:g}%"' in rendered.html
    elif pixels is not None:
        assert f'width="{pixels}"' in rendered.html
    assert 'style="width' not in rendered.html and 'style="height' not in rendered.html


def test_svg_images_are_marked(tmp_path: Path) -> None:
    (tmp_path / "d.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    rendered = render_markdown("![d](d.svg) ![p](p.png)", tmp_path)
    assert [(i.status, i.svg) for i in rendered.images] == [("found", True), ("missing", False)]


def test_center_blocks_keep_working(tmp_path: Path) -> None:
    html = render_markdown('<center> <img src="a\\b.png" width="70%" /> </center>\n', tmp_path).html
    assert html.startswith("<center> <img src=") and "</center>" in html


def test_unsafe_image_schemes_are_placeholders_named_by_alt(tmp_path: Path) -> None:
    rendered = render_markdown(
        '<img src="javascript:alert(1)" alt="trap"> <img src="file:///etc/passwd"> ![y](ok.png)',
        tmp_path,
    )
    assert [i.status for i in rendered.images] == ["unsafe", "unsafe", "missing"]
    assert rendered.images[0].label == "trap"
    assert [m for m in re.findall(r'src="([^"]*)"', rendered.html)] == [
        "placeholder:0", "placeholder:1", "placeholder:2",
    ]  # fmt: skip


def _nested_library(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    lesson = root / "1-start" / "lessons" / "1-intro"
    (lesson / "images").mkdir(parents=True)
    (lesson / "images" / "own.png").write_bytes(b"x")
    (root / "images").mkdir()
    (root / "images" / "shared.png").write_bytes(b"x")
    (tmp_path / "outside.png").write_bytes(b"x")
    return root


@pytest.mark.parametrize(
    ("src", "status", "relative"),
    [
        ("./images/own.png", "found", "1-start/lessons/1-intro/images/own.png"),
        ("images/own.png", "found", "1-start/lessons/1-intro/images/own.png"),
        ("../../../images/shared.png", "found", "images/shared.png"),
        ("..\\..\\..\\images\\shared.png", "found", "images/shared.png"),
        ("../../../../outside.png", "unsafe", None),
        ("../missing.png", "missing", "1-start/lessons/missing.png"),
        ("/images/shared.png", "unsafe", None),
        ("https://example.org/x.png", "unsafe", None),
        ("images/own.png\x00", "unsafe", None),
    ],
)
def test_images_resolve_from_the_chapter_folder_inside_the_root(
    tmp_path: Path, src: str, status: str, relative: str | None
) -> None:
    root = _nested_library(tmp_path)
    base = "1-start/lessons/1-intro"
    found, path = resolve_image(src, root, base)
    assert found == status
    assert path == (None if relative is None else root.resolve() / relative)


def test_a_symlinked_folder_that_points_out_is_refused_from_a_nested_chapter(
    tmp_path: Path,
) -> None:
    root = _nested_library(tmp_path)
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "s.png").write_bytes(b"x")
    (root / "1-start" / "out").symlink_to(tmp_path / "secret")
    resolver = ImageResolver(root, "1-start/lessons")
    assert resolver.resolve("../out/s.png") == ("unsafe", None)
    assert resolver.resolve("1-intro/images/own.png")[0] == "found"
    rendered = render_markdown("![s](../out/s.png)", root, "1-start/lessons")
    assert rendered.images[0].status == "unsafe" and "secret" not in rendered.html
