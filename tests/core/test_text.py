"""The plain text of a chapter, its sections, and the alignment used at the Qt boundary."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from reader.core.document import load_document
from reader.core.library_scan import load_library
from reader.core.text import OBJECT_CHAR, align
from reader.core.text_extract import plain_text


def test_seed_plain_text_sections(seed_library: Path) -> None:
    library = load_library(seed_library)
    doc = load_document(library.chapters[0], library.root)
    text = doc.plain.text
    assert text.count(OBJECT_CHAR) == 4
    for section, heading in zip(doc.plain.sections, doc.rendered.headings, strict=True):
        assert section.heading_id == heading.id
        assert text[section.offset :].startswith(heading.title)
    poverty = text.index("Poverty represents")
    assert doc.plain.section_at(poverty) == "poverty"
    assert doc.plain.section_at(0) == "human-security"


def test_blocks_whitespace_and_entities() -> None:
    html = "<h1 id='t'>Title</h1>\n<p>a  <em>b</em>\n c&nbsp;&amp;</p><ul><li>x</li><li>y</li></ul>"
    plain = plain_text(html)
    assert plain.text == "Title\na b c &\nx\ny"
    assert plain.sections[0].offset == 0


def test_align_identical_and_whitespace_differences() -> None:
    same = align("abc\ndef", "abc\ndef")
    assert same.identical and same.to_target(5) == 5
    mapped = align("ab\ncd\nef", "ab \ncd\nef\n")
    assert not mapped.identical
    for i, ch in enumerate("ab\ncd\nef"):
        if not ch.isspace():
            assert "ab \ncd\nef\n"[mapped.to_target(i)] == ch
    assert mapped.to_source(mapped.to_target(4)) == 4


@given(st.text(alphabet="ab \n", max_size=60), st.data())
def test_align_maps_every_non_space_character(source: str, data: st.DataObject) -> None:
    # The target is the source with whitespace inserted at random places.
    target_chars: list[str] = []
    for ch in source:
        target_chars.append(ch)
        if data.draw(st.booleans()):
            target_chars.append(" ")
    target = "".join(target_chars)
    mapping = align(source, target)
    for i, ch in enumerate(source):
        if not ch.isspace():
            assert target[mapping.to_target(i)] == ch


def test_folds_mark_the_arrow_and_the_body_of_each_details_box() -> None:
    html = (
        "<p>Intro</p>"
        '<table class="box box-details"><tr><td><p class="summary"><a href="details:0">'
        "\u25b8 Title</a></p><p>Body one</p><p>Body two</p></td></tr></table>"
        '<table class="box box-details"><tr><td><p class="summary"><a href="details:1">'
        "\u25be Open</a></p><pre>code</pre></td></tr></table><p>After</p>"
    )
    plain = plain_text(html)
    assert plain.text == "Intro\n\u25b8 Title\nBody one\nBody two\n\n\u25be Open\ncode\n\nAfter"
    first, second = plain.folds
    assert plain.text[first.marker] == "\u25b8" and not first.open
    assert plain.text[first.start : first.end] == "Body one\nBody two"
    assert plain.text[second.marker] == "\u25be" and second.open
    assert plain.text[second.start : second.end] == "code"
    assert [plain.text[s:e] for s, e in plain.code] == ["code"]


def test_code_ranges_cover_each_block_line_for_line() -> None:
    plain = plain_text("<p>a</p><pre>x = 1\n\ny = 2</pre><p>b</p><pre>z</pre>")
    assert [plain.text[s:e] for s, e in plain.code] == ["x = 1\n\ny = 2", "z"]


def test_a_table_cell_of_paragraphs_adds_no_empty_line() -> None:
    assert plain_text("<table><tr><td><p>one</p><p>two</p></td></tr></table>").text == "one\ntwo\n"
    assert plain_text("<table><tr><td></td><td>x</td></tr></table>").text == "\nx\n"


def test_inline_tags_removed_before_parsing_give_the_same_text() -> None:
    html = (
        '<p>a<span class="hl-k" title="x>y">b</span><em\nclass=x>c</em> <code>&lt;span&gt;</code>'
        "<spanner>d</spanner> <B>e</B><a href='#x'>f</a></p><pre><span>x</span>\n<i>y</i></pre>"
    )
    assert plain_text(html).text == "abc <span>d ef\nx\ny"
