"""load_image: formats, EXIF orientation, size limits and one-line errors for bad files."""

from __future__ import annotations

import io
import os
import struct
import sys
import time
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from cardscan.errors import ImageTooLargeError, InputError, UnreadableImageError
from cardscan.imaging.load import DEFAULT_MAX_PIXELS, display_name, load_image


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims width x height (8-bit grey): a decompression bomb."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1000, 9)  # far too little data: it must never be decoded
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", idat)
        + _png_chunk(b"IEND", b"")
    )


def encode(image: Image.Image, fmt: str, **params: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **params)
    return buffer.getvalue()


def photo_bytes(width: int = 120, height: int = 80, fmt: str = "JPEG", **params: object) -> bytes:
    """A small RGB picture with a red block in its top-left corner (to check orientation)."""
    pixels = np.full((height, width, 3), 255, np.uint8)
    pixels[:20, :20] = (255, 0, 0)
    return encode(Image.fromarray(pixels), fmt, **params)


@pytest.fixture
def write(tmp_path: Path):
    def _write(name: str, data: bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return _write


# --- bad input: each gives an UnreadableImageError with a one-line message naming the file


def assert_refused(path: Path, error: type[InputError], *words: str) -> str:
    with pytest.raises(error) as caught:
        load_image(path)
    message = str(caught.value)
    assert "\n" not in message
    assert display_name(path) in message
    for word in words:
        assert word in message.lower()
    return message


def test_missing_file(tmp_path: Path) -> None:
    assert_refused(tmp_path / "nope.jpg", UnreadableImageError, "no such file")


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "cards.jpg"
    folder.mkdir()
    assert_refused(folder, UnreadableImageError, "directory")


def test_empty_file(write) -> None:
    assert_refused(write("empty.jpg", b""), UnreadableImageError, "empty")


def test_text_file_named_jpg(write) -> None:
    path = write("notes.jpg", b"Anna Beispiel\nTel +49 30 1234567\n")
    assert_refused(path, UnreadableImageError, "not an image", "jpeg")


def test_truncated_jpeg(write) -> None:
    data = photo_bytes(400, 300)
    assert_refused(write("cut.jpg", data[: len(data) // 2]), UnreadableImageError, "truncated")


def test_truncated_png(write) -> None:
    data = photo_bytes(400, 300, "PNG")
    message = assert_refused(write("cut.png", data[: len(data) // 2]), UnreadableImageError)
    assert "truncated" in message or "corrupt" in message


def test_corrupt_header(write) -> None:
    data = bytearray(png_header_only(100, 100))
    data[16:24] = b"\x00" * 8  # width and height 0
    assert_refused(write("zero.png", bytes(data)), UnreadableImageError)


def test_one_pixel_png(write) -> None:
    path = write("dot.png", encode(Image.new("RGB", (1, 1)), "PNG"))
    assert_refused(path, UnreadableImageError, "too small to hold a readable card")


def test_thin_strip_is_too_small(write) -> None:
    path = write("strip.png", encode(Image.new("RGB", (2000, 20)), "PNG"))
    assert_refused(path, UnreadableImageError, "too small")


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root reads files whatever their mode"
)
def test_permission_denied(write) -> None:
    path = write("secret.jpg", photo_bytes())
    path.chmod(0)
    try:
        assert_refused(path, UnreadableImageError, "permission denied")
    finally:
        path.chmod(0o644)


def test_permission_denied_reported(write, monkeypatch) -> None:
    # Works as root too, where chmod 0 does not stop reading: the open call is faked.
    import cardscan.imaging.load as load_module

    path = write("locked.jpg", photo_bytes())

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(load_module, "open", refuse, raising=False)
    assert_refused(path, UnreadableImageError, "permission denied", "chmod")


def test_heic_without_plugin_says_what_to_install(write, monkeypatch) -> None:
    import cardscan.imaging.load as load_module

    # As on a machine without the optional package (the dev install has it).
    monkeypatch.setattr(load_module, "HEIF_SUPPORT", False)
    data = struct.pack(">I", 24) + b"ftypheic" + b"\x00\x00\x00\x00mif1heic" + b"\x00" * 64
    assert_refused(write("IMG_0001.HEIC", data), UnreadableImageError, "pillow-heif")


def test_broken_heic_with_the_plugin_says_what_is_really_wrong(write, tmp_path) -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    import io

    from PIL import Image

    import cardscan.imaging.load as load_module

    assert load_module.HEIF_SUPPORT  # the dev install has it
    pillow_heif.register_heif_opener()
    buffer = io.BytesIO()
    Image.new("RGB", (240, 160), (240, 240, 240)).save(buffer, format="HEIF")
    cut = write("IMG_0002.HEIC", buffer.getvalue()[: len(buffer.getvalue()) // 2])
    message = assert_refused(cut, UnreadableImageError, "damaged or cut short", "meta")
    assert "optional" not in message and "pip install" not in message
    # any other file: HEIC is listed as readable, without the install hint
    message = assert_refused(write("notes.jpg", b"not a photo at all" * 10), UnreadableImageError)
    assert "or HEIC" in message and "pillow-heif" not in message


# --- size limits, checked on the header before any pixel is decoded


def test_bomb_header_refused_without_decoding(write) -> None:
    path = write("bomb.png", png_header_only(60000, 60000))
    assert path.stat().st_size < 1000
    started = time.perf_counter()
    message = assert_refused(path, ImageTooLargeError, "limit", "scale the photo down")
    assert time.perf_counter() - started < 1.0
    assert f"{DEFAULT_MAX_PIXELS / 1e6:g} MP" in message


def test_above_own_limit_below_pillows(write) -> None:
    path = write("huge.png", png_header_only(8000, 7000))  # 56 MP: Pillow alone would open it
    message = assert_refused(path, ImageTooLargeError, "8000x7000")
    assert "50 MP" in message


def test_max_pixels_is_honoured(write) -> None:
    path = write("card.png", photo_bytes(200, 100, "PNG"))
    assert load_image(path).shape == (100, 200, 3)
    with pytest.raises(ImageTooLargeError, match=r"0\.01 MP"):
        load_image(path, max_pixels=10_000)


def test_errors_are_value_errors() -> None:
    assert issubclass(UnreadableImageError, ValueError)
    assert issubclass(ImageTooLargeError, ValueError)


# --- good input


def test_exif_orientation_is_applied(write) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera was turned: display rotated 90 degrees clockwise
    path = write("turned.jpg", photo_bytes(120, 80, exif=exif.tobytes()))
    image = load_image(path)
    assert image.shape == (120, 80, 3)
    # The red block, stored top-left, is shown top-right after a clockwise turn (BGR order).
    assert image[:15, -15:].mean(axis=(0, 1)).tolist() == pytest.approx([0, 0, 255], abs=40)
    assert image[:15, :15].mean() > 200


@pytest.mark.parametrize("orientation", [1, 2, 3, 4, 5, 6, 7, 8])
def test_every_exif_orientation_matches_pillow(write, orientation: int) -> None:
    from PIL import ImageOps

    exif = Image.Exif()
    exif[0x0112] = orientation
    data = photo_bytes(64, 40, "JPEG", exif=exif.tobytes(), quality=95)
    expected = np.asarray(ImageOps.exif_transpose(Image.open(io.BytesIO(data))))[:, :, ::-1]
    image = load_image(write(f"o{orientation}.jpg", data))
    assert image.shape == expected.shape
    assert np.abs(image.astype(int) - expected).mean() < 3


def test_exif_orientation_with_alpha_png(write) -> None:
    exif = Image.Exif()
    exif[0x0112] = 8
    pixels = np.zeros((40, 64, 4), np.uint8)
    pixels[..., 3] = 255
    path = write("turned.png", encode(Image.fromarray(pixels, "RGBA"), "PNG", exif=exif.tobytes()))
    assert load_image(path).shape == (64, 40, 3)


def test_non_utf8_file_name(tmp_path: Path) -> None:
    if sys.platform in ("win32", "darwin"):
        pytest.skip("file names must be valid Unicode on this system")
    raw = os.fsencode(tmp_path) + b"/visitenkarte-m\xfcller.jpg"  # Latin-1 "ü"
    try:
        with open(raw, "wb") as handle:
            handle.write(photo_bytes())
    except OSError:
        pytest.skip("the file system refuses non-UTF-8 names")
    path = Path(os.fsdecode(raw))  # str with a surrogate escape
    assert load_image(path).shape == (80, 120, 3)
    name = display_name(path)
    name.encode("utf-8")  # printable
    assert "m\\xfcller" in name
    os.remove(raw)
    with pytest.raises(UnreadableImageError) as caught:
        load_image(path)
    str(caught.value).encode("utf-8")


def test_str_path_accepted(write) -> None:
    path = write("card.jpg", photo_bytes())
    assert load_image(str(path)).shape == (80, 120, 3)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("mode", "fmt"),
    [
        ("L", "PNG"),
        ("LA", "PNG"),
        ("P", "PNG"),
        ("RGB", "WEBP"),
        ("RGB", "BMP"),
        ("RGB", "TIFF"),
        ("I;16", "PNG"),
        ("CMYK", "JPEG"),
    ],
)
def test_formats_and_modes_become_bgr8(write, mode: str, fmt: str) -> None:
    grey = np.tile(np.linspace(0, 255, 96, dtype=np.uint8), (48, 1))
    if mode == "I;16":
        picture = Image.fromarray(grey.astype(np.uint16) * 257)
    else:
        picture = Image.fromarray(grey).convert(mode)
    image = load_image(write(f"card.{fmt.lower()}", encode(picture, fmt)))
    assert image.dtype == np.uint8
    assert image.shape == (48, 96, 3)
    # Left edge dark, right edge light, whatever the storage.
    assert image[:, :5].mean() < 60
    assert image[:, -5:].mean() > 180


def test_transparent_png_is_put_on_white(write) -> None:
    pixels = np.zeros((40, 60, 4), np.uint8)  # black and fully transparent ...
    pixels[10:30, 10:50] = (0, 0, 0, 255)  # ... except an opaque black bar
    image = load_image(write("logo.png", encode(Image.fromarray(pixels, "RGBA"), "PNG")))
    assert image[0, 0].tolist() == [255, 255, 255]
    assert image[20, 30].tolist() == [0, 0, 0]


def test_sixteen_bit_colour_png(write) -> None:
    pixels = np.zeros((40, 60, 3), np.uint16)
    pixels[..., 2] = 65535  # blue in RGB order
    import cv2

    ok, data = cv2.imencode(".png", pixels[..., ::-1])  # OpenCV writes BGR
    assert ok
    image = load_image(write("deep.png", data.tobytes()))
    assert image.dtype == np.uint8
    assert image[0, 0].tolist() == [255, 0, 0]


def test_heic_webp_and_tiff_are_read(tmp_path) -> None:
    """iPhone HEIC (with the optional pillow-heif, part of the dev install), WebP and TIFF."""
    pillow_heif = pytest.importorskip("pillow_heif")
    from PIL import Image

    pillow_heif.register_heif_opener()
    picture = Image.new("RGB", (240, 160), (240, 240, 240))
    for name in ("card.heic", "card.webp", "card.tiff"):
        picture.save(tmp_path / name)
        assert load_image(tmp_path / name).shape == (160, 240, 3), name


def test_an_upload_is_stored_with_an_ending_the_scanner_reads():
    from cardscan.imaging.load import FORMAT_SUFFIXES, IMAGE_SUFFIXES

    assert set(FORMAT_SUFFIXES.values()) <= IMAGE_SUFFIXES
