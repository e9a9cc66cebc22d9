"""Declared figure sizes read from file headers: real encoder output, huge sizes, odd bytes."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from helpers import write_png
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.image_size import HEAD_BYTES, MAX_PIXELS, ImageSize, image_size, image_size_of

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "images"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("qt.png", "png"),
        ("qt-baseline.jpg", "jpeg"),
        ("qt-progressive.jpg", "jpeg"),
        ("qt-with-comment.jpg", "jpeg"),
        ("qt-lossy.webp", "webp"),
        ("qt-lossless.webp", "webp"),
        ("qt-alpha.webp", "webp"),
    ],
)
def test_files_written_by_qt_give_their_size(name: str, kind: str) -> None:
    """Files Qt's encoders wrote (37x23) for each format and WebP flavour."""
    assert image_size(FIXTURES / name) == ImageSize(37, 23, kind)  # type: ignore[arg-type]


def test_a_huge_png_is_too_large_and_a_big_one_is_not(tmp_path: Path) -> None:
    big = tmp_path / "big.png"
    write_png(big, 1, 1)
    data = bytearray(big.read_bytes())
    data[16:24] = struct.pack(">II", 12_000, 9_000)  # 108 megapixels, declared only
    big.write_bytes(bytes(data))
    size = image_size(big)
    assert size == ImageSize(12_000, 9_000, "png") and size.too_large
    data[16:24] = struct.pack(">II", 8_000, 8_000)  # 64 megapixels: shown, scaled down
    big.write_bytes(bytes(data))
    assert image_size(big) == ImageSize(8_000, 8_000, "png")
    assert not ImageSize(10_000, 10_000, "png").too_large  # exactly the limit is allowed
    assert ImageSize(10_000, 10_001, "png").pixels > MAX_PIXELS


def test_gif_sizes() -> None:
    header = b"GIF89a" + struct.pack("<HH", 640, 480) + b"\x00\x00\x00"
    assert image_size_of(header) == ImageSize(640, 480, "gif")
    assert image_size_of(b"GIF87a" + struct.pack("<HH", 3, 2)) == ImageSize(3, 2, "gif")
    assert image_size_of(b"GIF89a\x01") is None


def _jpeg(app_bytes: int, width: int = 20_000, height: int = 15_000) -> bytes:
    """A JPEG start: APP1 segments holding `app_bytes` in all, then a baseline frame header."""
    segments = b""
    left = app_bytes
    while left > 0:
        chunk = min(left, 65_000)
        segments += b"\xff\xe1" + struct.pack(">H", chunk + 2) + b"E" * chunk
        left -= chunk
    frame = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + segments + frame + b"\xff\xda"


def test_a_jpeg_frame_after_metadata_is_found_within_the_first_64_kb(tmp_path: Path) -> None:
    near = tmp_path / "near.jpg"
    near.write_bytes(_jpeg(60_000))
    size = image_size(near)
    assert size == ImageSize(20_000, 15_000, "jpeg") and size.too_large
    far = tmp_path / "far.jpg"
    far.write_bytes(_jpeg(64 * 1024 + 10_000))
    assert HEAD_BYTES == 64 * 1024
    assert image_size(far) is None  # not read beyond the first 64 KB


def test_a_jpeg_with_fill_bytes_and_restart_markers() -> None:
    frame = b"\xff\xc2" + struct.pack(">HBHHB", 11, 8, 7, 9, 1) + b"\x01\x11\x00"
    assert image_size_of(b"\xff\xd8\xff\xff\xd0" + frame) == ImageSize(9, 7, "jpeg")
    assert image_size_of(b"\xff\xd8\xff\xda" + b"\x00" * 20) is None
    assert image_size_of(b"\xff\xd8\x00\x00\x00\x00") is None


def test_webp_canvas_sizes() -> None:
    vp8x = b"RIFF\x00\x00\x00\x00WEBPVP8X" + b"\x0a\x00\x00\x00" + b"\x00" * 4
    vp8x += (16_383).to_bytes(3, "little") + (16_383).to_bytes(3, "little")
    size = image_size_of(vp8x)
    assert size == ImageSize(16_384, 16_384, "webp") and size.too_large
    assert image_size_of(b"RIFF\x00\x00\x00\x00WAVEfmt " + b"\x00" * 30) is None


@pytest.mark.parametrize(
    ("svg", "expected"),
    [
        ('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="150">', (300, 150)),
        ("<?xml version='1.0'?>\n<svg width='2in' height='1in'>", (192, 96)),
        ('<svg viewBox="0 0 800 600">', (800, 600)),
        ('<svg width="400" viewBox="0,0,800,600">', (400, 300)),
        ('<svg height="30pt" viewBox="0 0 10 5">', (80, 40)),
        ('<!-- a figure -->\n<svg\n  width="20mm"\n  height="10mm">', (76, 38)),
    ],
)
def test_svg_declared_sizes(svg: str, expected: tuple[int, int]) -> None:
    size = image_size_of(svg.encode())
    assert size is not None and (size.width, size.height) == expected
    assert size.vector and not size.too_large


@pytest.mark.parametrize(
    "svg",
    [
        '<svg width="100%" height="100%">',
        '<svg width="10em">',
        "<svg>",
        '<svg viewBox="0 0 0 10">',
        '<svg viewBox="a b c d">',
        "<html><body>no figure</body></html>",
    ],
)
def test_svg_without_a_usable_size(svg: str) -> None:
    assert image_size_of(svg.encode()) is None


def test_a_huge_svg_is_not_too_large() -> None:
    """The viewer draws vector figures at the column's width, whatever they declare."""
    size = image_size_of(b'<svg width="100000" height="100000">')
    assert size == ImageSize(100_000, 100_000, "svg") and not size.too_large


def test_unreadable_and_unknown_files_give_none(tmp_path: Path) -> None:
    assert image_size(tmp_path / "missing.png") is None
    assert image_size(tmp_path) is None  # a folder
    (tmp_path / "text.png").write_text("not a figure")
    assert image_size(tmp_path / "text.png") is None
    assert image_size_of(b"\x89PNG\r\n\x1a\n\x00\x00") is None  # cut short
    zero = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR" + struct.pack(">II", 0, 10)
    assert image_size_of(zero) is None


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(
        [b"", b"\x89PNG\r\n\x1a\n", b"\xff\xd8", b"GIF89a", b"RIFF\0\0\0\0WEBPVP8", b"<svg"]
    ).flatmap(lambda start: st.binary(max_size=200).map(lambda rest: start + rest))
)
def test_any_bytes_give_a_size_or_none(data: bytes) -> None:
    size = image_size_of(data)
    assert size is None or (size.width > 0 and size.height > 0)
