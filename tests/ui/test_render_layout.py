"""Rendered chapters as Qt lays them out: code colours, wrapping, figures, boxes and folds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import write_png
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

from reader.core.render import render_markdown
from reader.core.rendered import RenderedChapter
from reader.core.text_extract import plain_text
from reader.paths import resource
from reader.ui.theme import DARK, LIGHT, Theme, body_font, chapter_stylesheet

COLUMN = 600


def _document(rendered: RenderedChapter, theme: Theme = LIGHT) -> QTextDocument:
    doc = QTextDocument()
    doc.setDefaultStyleSheet(chapter_stylesheet(theme, 18))
    doc.setDefaultFont(body_font(18))
    doc.setDocumentMargin(0)
    for index, ref in enumerate(rendered.images):
        if ref.path is not None and ref.status == "found":
            image = QImage(str(ref.path))
            url = QUrl(f"image:{index}")
            doc.addResource(QTextDocument.ResourceType.ImageResource.value, url, image)
    doc.setHtml(rendered.html)
    doc.setTextWidth(COLUMN)
    doc.documentLayout().documentSize()  # lay everything out
    return doc


def _css_colour(theme: Theme, css_class: str) -> str:
    name = f"code-{'dark' if theme.dark else 'light'}.css"
    css = resource("styles", name).read_text(encoding="utf-8")
    match = re.search(rf"span\.{css_class} {{ color: (#[0-9a-fA-F]{{6}});", css)
    assert match is not None
    return match.group(1).lower()


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_a_coloured_code_span_gets_its_theme_colour(
    qapp: QApplication, tmp_path: Path, theme: Theme
) -> None:
    rendered = render_markdown("```python\ndef answer():\n    return 42\n```\n", tmp_path)
    doc = _document(rendered, theme)
    cursor = QTextCursor(doc)
    cursor.setPosition(doc.toPlainText().index("def") + 1)
    assert cursor.charFormat().foreground().color().name() == _css_colour(theme, "hl-k")
    cursor.setPosition(doc.toPlainText().index("42") + 1)
    assert cursor.charFormat().foreground().color().name() == _css_colour(theme, "hl-m")


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_every_chapter_style_rule_names_its_element(theme: Theme) -> None:
    # Qt checks a rule without an element name (".hl-k") against every element of the
    # chapter: seventy such rules made a 1 MB chapter's layout a fifth slower.
    sheet = re.sub(r"/\*.*?\*/", "", chapter_stylesheet(theme, 18), flags=re.DOTALL)
    selectors = [
        selector.strip()
        for rule in re.findall(r"([^{}]+)\{", sheet)
        for selector in rule.split(",")
    ]
    assert len(selectors) > 80
    assert [s for s in selectors if not re.match(r"[a-z][a-z0-9]*\b", s)] == []


@pytest.mark.parametrize("line", ["word " * 80, "x" * 400], ids=["words", "one-token"])
def test_a_400_character_code_line_wraps_inside_the_column(
    qapp: QApplication, tmp_path: Path, line: str
) -> None:
    doc = _document(render_markdown(f"```\n{line.strip()}\n```\n", tmp_path))
    assert doc.idealWidth() <= COLUMN


def _block_tops(doc: QTextDocument) -> list[tuple[str, float, float]]:
    layout = doc.documentLayout()
    out = []
    block = doc.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        out.append((block.text(), rect.y(), block.blockFormat().bottomMargin()))
        block = block.next()
    return out


@pytest.mark.parametrize(
    "body",
    [
        "![fig](fig.png)\n\nNext paragraph.",
        "Text before ![fig](fig.png) and after.\n\nNext paragraph.",
        "[![fig](fig.png)](https://example.org/video)\n\nNext paragraph.",
        "See [the ![fig](fig.png) board](other.md) here.\n\nNext paragraph.",
    ],
    ids=["alone", "in-text", "linked", "inside-a-link-in-text"],
)
def test_a_figure_sits_on_its_own_line_with_no_gap_below(
    qapp: QApplication, tmp_path: Path, body: str
) -> None:
    write_png(tmp_path / "fig.png", 200, 100)
    rendered = render_markdown(body, tmp_path)
    assert rendered.images[0].status == "found"
    blocks = _block_tops(_document(rendered))
    [figure] = [i for i, (text, _, _) in enumerate(blocks) if text == "\ufffc"]
    _, top, margin = blocks[figure]
    next_top = blocks[figure + 1][1]
    # The next block starts right after the image and the paragraph margin: the 158% line
    # height of text once added about half the image's height here.
    assert next_top - top - margin == pytest.approx(100, abs=1)


def test_a_percent_width_is_a_share_of_the_column(qapp: QApplication, tmp_path: Path) -> None:
    write_png(tmp_path / "fig.png", 1000, 500)
    for markup in ('<img src="fig.png" width="50%">', '<img src="fig.png" style="width:50%">'):
        doc = _document(render_markdown(markup, tmp_path))
        block = doc.begin()
        while "\ufffc" not in block.text():
            block = block.next()
        assert block.layout().lineAt(0).naturalTextWidth() == pytest.approx(COLUMN / 2, abs=2)


def test_an_alert_box_has_the_theme_colour(qapp: QApplication, tmp_path: Path) -> None:
    doc = _document(render_markdown("> [!WARNING]\n> Hot.\n", tmp_path), DARK)
    [box] = doc.rootFrame().childFrames()
    assert box.frameFormat().borderBrush().color().name() == DARK.warning
    assert box.frameFormat().border() >= 1


def test_hiding_a_fold_body_hides_only_it(qapp: QApplication, tmp_path: Path) -> None:
    rendered = render_markdown(
        "<details>\n<summary>More</summary>\n\nOne.\n\nTwo.\n\n</details>\n\nAfter.\n", tmp_path
    )
    doc = _document(rendered)
    plain = plain_text(rendered.html)
    [fold] = plain.folds
    full = doc.documentLayout().documentSize().height()
    # Qt's text and the plain text agree here; the viewer maps positions in general.
    assert doc.toPlainText().replace("\n", "").find("One.") >= 0
    start = doc.find("One.").selectionStart()
    end = doc.find("Two.").selectionEnd()
    assert plain.text[fold.start : fold.end] == "One.\nTwo."
    block = doc.findBlock(start)
    while block.isValid() and block.position() < end:
        block.setVisible(False)
        block = block.next()
    doc.markContentsDirty(0, doc.characterCount())
    folded = doc.documentLayout().documentSize().height()
    assert folded < full
    assert "More" in doc.findBlock(doc.find("More").selectionStart()).text()
