"""The fast plain-text path gives exactly the text, sections, folds and code of the old one.

Notes anchor to plain-text offsets, so the faster extraction (one regular expression pass
over the cleaned HTML instead of HTMLParser, and white space collapsed only where it is not
already a single space) must not move a single character.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from benchmarks.generate import write_library
from reader.core import text_extract
from reader.core.document import load_document
from reader.core.library_scan import load_library
from reader.core.text import PlainText
from reader.core.text_extract import plain_text
from tests.helpers import CARPENTRIES_COURSE, IOT_COURSE, REPO

_OLD_SPACE_RE = re.compile(r"[ \t\n\r\f\v]+")


def _old_plain_text(html: str, monkeypatch: pytest.MonkeyPatch) -> PlainText:
    """The plain text as it was made before: HTMLParser, every white-space run replaced."""
    with monkeypatch.context() as patch:
        patch.setattr(text_extract, "_SPACE_RE", _OLD_SPACE_RE)
        patch.setattr(text_extract, "_feed_fast", lambda builder, html: False)
        return plain_text(html)


def _htmls(root: Path) -> list[str]:
    library = load_library(root)
    return [load_document(c, library.files).rendered.html for c in library.chapters]


@pytest.mark.parametrize("root", [IOT_COURSE, CARPENTRIES_COURSE, REPO / "content"])
def test_real_courses_give_the_same_plain_text(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not root.is_dir():
        pytest.skip(f"the course is not at {root}")
    htmls = _htmls(root)
    assert htmls
    fast = 0
    for html in htmls:
        assert plain_text(html) == _old_plain_text(html, monkeypatch)
        fast += text_extract._feed_fast(
            text_extract._TextBuilder(), text_extract._INLINE_TAG_RE.sub("", html)
        )
    assert fast == len(htmls), "the real chapters' cleaned HTML takes the fast path"


def test_generated_library_gives_the_same_plain_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Lists, tables, code, quotes, figures (found and missing), accents and emoji.
    write_library(tmp_path / "lib", 12, seed=3)
    for html in _htmls(tmp_path / "lib"):
        assert plain_text(html) == _old_plain_text(html, monkeypatch)


@pytest.mark.parametrize(
    "html",
    [
        "<p>a <!-- note --> b</p>",  # a comment: not clean HTML, HTMLParser reads it
        "<p title=unquoted>x</p>",
        "<p>1 < 2 &amp; 3</p>",
        '<p data-x=\'1\'>single quotes</p><img src="a.png" alt="b &amp; c">',
        "<P>Upper</P><BR/>case",
        "<pre>  keep\n\n  spaces\t</pre><p>\xa0a\u2003 b\n\tc  d</p>",
        '<table class="box-details"><tr><td><a href="details:0">\u25b8 Hi</a><p>body</p></td>'
        "</tr></table><p>after</p>",
        "<script>if (a < b) {}</script><p>x</p>",
        "<p>&amp;amp; &lt;tag&gt; &#x27; &unknown; &amp</p>",
        '<h2 id="x" >Title</h2 ><p>t</p>',
    ],
)
def test_odd_html_gives_the_same_plain_text(html: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert plain_text(html) == _old_plain_text(html, monkeypatch)


def test_white_space_collapses_as_before() -> None:
    rng = random.Random(7)
    alphabet = [" ", " ", "\t", "\n", "\r", "\f", "\v", "\xa0", "\u2003", "a", "b"]
    for _ in range(3000):
        sample = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert text_extract._SPACE_RE.sub(" ", sample) == _OLD_SPACE_RE.sub(" ", sample)
