"""Read a photo from disk into a BGR uint8 array, refusing bombs and explaining bad files."""

from __future__ import annotations

import io
import logging
import os
import warnings
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from cardscan.errors import ImageTooLargeError, UnreadableImageError
from cardscan.options import DEFAULT_MAX_PIXELS

log = logging.getLogger(__name__)


#: Smaller than this on either side, no card text can be read from the image.
MIN_SIDE = 32

#: File endings of the photos cardscan reads (case-insensitive): what `batch` picks up from a
#: folder. One list for the whole program; _FORMATS below says the same in words.
IMAGE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".bmp", ".avif", ".heic", ".heif"}
)

#: Pillow's format name -> the ending a copy of such an image gets (an upload kept by the
#: review app), one of IMAGE_SUFFIXES.
FORMAT_SUFFIXES = {
    "JPEG": ".jpg",
    "MPO": ".jpg",  # some phones' JPEGs with a second picture inside
    "PNG": ".png",
    "WEBP": ".webp",
    "TIFF": ".tiff",
    "BMP": ".bmp",
    "HEIF": ".heic",
    "AVIF": ".avif",
}

#: What the error messages list as readable formats.
_FORMATS = "JPEG, PNG, WebP, TIFF, BMP, AVIF"

#: ISO-BMFF brands of HEIF photos (iPhones and many Androids write these).
_HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1")

try:  # optional: HEIC support via pillow-heif (GPL wheels, so an extra, not a dependency)
    from pillow_heif import register_heif_opener

    register_heif_opener()
    HEIF_SUPPORT = True
except ImportError:  # pragma: no cover - depends on the environment
    HEIF_SUPPORT = False


def load_image(path: Path, *, max_pixels: int = DEFAULT_MAX_PIXELS) -> np.ndarray:
    """Return the photo at ``path`` as a BGR uint8 array, upright per its EXIF orientation.

    Raises ``UnreadableImageError`` (missing, unreadable, not an image, corrupt, too small)
    or ``ImageTooLargeError`` (more than ``max_pixels`` pixels, checked before decoding).
    Pillow itself refuses anything above about 179 MP whatever ``max_pixels`` says.
    """
    path = Path(path)
    name = display_name(path)
    data = _read_bytes(path, name)
    width, height, has_alpha = _check_header(data, name, max_pixels)

    flags = cv2.IMREAD_UNCHANGED if has_alpha else cv2.IMREAD_ANYCOLOR | cv2.IMREAD_ANYDEPTH
    decoded = cv2.imdecode(np.frombuffer(data, np.uint8), flags)
    if decoded is not None and has_alpha:
        # IMREAD_UNCHANGED ignores EXIF orientation, so apply it from the header here.
        decoded = _apply_orientation(decoded, _exif_orientation(data))
    if decoded is None:
        log.debug("OpenCV could not decode %s, trying Pillow", name)
        decoded = _decode_with_pillow(data, name)

    image = _to_bgr8(decoded)
    if min(image.shape[:2]) < MIN_SIDE:
        raise UnreadableImageError(_too_small(name, image.shape[1], image.shape[0]))
    log.debug(
        "loaded %s: %dx%d (header %dx%d)", name, image.shape[1], image.shape[0], width, height
    )
    return image


def check_image(data: bytes, name: str, *, max_pixels: int = DEFAULT_MAX_PIXELS) -> str:
    """The format of an image in memory (Pillow's name: "JPEG", "PNG", "HEIF", ...), read from
    its header alone: uploads are checked by the same guard as files before they are kept.

    Raises what load_image raises for data that is no image, too small or too large.
    """
    _check_header(data, name, max_pixels)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        with Image.open(io.BytesIO(data)) as img:
            return img.format or ""


def display_name(path: Path) -> str:
    """The file name as printable text, even when it is not valid UTF-8 (``\\xe9`` escapes)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise UnreadableImageError(f"{name}: no such file; check the path") from None
    except IsADirectoryError:
        raise UnreadableImageError(
            f"{name}: is a directory, not a photo; pass the image files inside it"
        ) from None
    except PermissionError:
        raise UnreadableImageError(
            f"{name}: permission denied; make the file readable (chmod +r) and retry"
        ) from None
    except OSError as exc:
        raise UnreadableImageError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if not data:
        raise UnreadableImageError(f"{name}: the file is empty (0 bytes); copy the photo again")
    return data


def _check_header(data: bytes, name: str, max_pixels: int) -> tuple[int, int, bool]:
    """Read only the header: size and alpha; refuse bombs and tiny images before decoding."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:  # lazy: decodes no pixels
                width, height = img.size
                has_alpha = "A" in img.getbands() or "transparency" in img.info
    except Image.DecompressionBombError:
        raise ImageTooLargeError(_too_large(name, None, max_pixels)) from None
    except UnidentifiedImageError:
        raise UnreadableImageError(_not_an_image(data, name)) from None
    except (OSError, SyntaxError, ValueError) as exc:  # Pillow raises these on broken headers
        raise UnreadableImageError(
            f"{name}: corrupt image header ({exc}); take the photo again"
        ) from None
    if width * height > max_pixels:
        raise ImageTooLargeError(_too_large(name, (width, height), max_pixels))
    if min(width, height) < MIN_SIDE:
        raise UnreadableImageError(_too_small(name, width, height))
    return width, height, has_alpha


def _decode_with_pillow(data: bytes, name: str) -> np.ndarray:
    """Decode formats OpenCV cannot (HEIC, some TIFFs); the header was already checked."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                img.load()
                upright = ImageOps.exif_transpose(img)
    except (OSError, SyntaxError, ValueError) as exc:
        detail = "truncated" if "truncated" in str(exc) else "corrupt"
        raise UnreadableImageError(
            f"{name}: the image data is {detail} ({exc}); copy or take the photo again"
        ) from None
    return _pil_to_array(upright)


def _pil_to_array(img: Image.Image) -> np.ndarray:
    """Pillow image -> array in OpenCV channel order (grey, BGR or BGRA; 8 or 16 bit)."""
    if img.mode in ("I;16", "I;16B", "I;16L", "I"):
        return np.asarray(img.convert("I")).astype(np.float64)
    if img.mode == "F":
        return np.asarray(img).astype(np.float64)
    if img.mode == "L":
        return np.asarray(img)
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        return cv2.cvtColor(np.asarray(img.convert("RGBA")), cv2.COLOR_RGBA2BGRA)
    return cv2.cvtColor(np.asarray(img.convert("RGB")), cv2.COLOR_RGB2BGR)


def _to_bgr8(image: np.ndarray) -> np.ndarray:
    """Any decoded array (grey/BGR/BGRA, 8/16 bit or float) -> contiguous BGR uint8."""
    if image.dtype != np.uint8:
        image = _to_uint8(image)
    if image.ndim == 2 or image.shape[2] == 1:
        return cv2.cvtColor(image.reshape(image.shape[:2]), cv2.COLOR_GRAY2BGR)
    if image.shape[2] == 4:
        # Composite transparent parts onto white paper instead of the black under them.
        alpha = image[:, :, 3:4].astype(np.float32) / 255.0
        colour = image[:, :, :3].astype(np.float32)
        return np.ascontiguousarray(
            (colour * alpha + 255.0 * (1.0 - alpha)).round().astype(np.uint8)
        )
    if image.shape[2] == 2:  # grey + alpha from some decoders
        return _to_bgr8(cv2.cvtColor(image[:, :, 0], cv2.COLOR_GRAY2BGR))
    return np.ascontiguousarray(image[:, :, :3])


def _to_uint8(image: np.ndarray) -> np.ndarray:
    if image.dtype == np.uint16:
        return (image >> 8).astype(np.uint8)
    values = image.astype(np.float64)
    top = float(values.max()) if values.size else 1.0
    # Float/32-bit images: 0..1 if they look normalised, else 0..65535 (Pillow's "I" from 16 bit).
    scale = 255.0 if top <= 1.0 else 255.0 / 65535.0 if top <= 65535 else 255.0 / top
    return np.clip(values * scale, 0, 255).round().astype(np.uint8)


def _exif_orientation(data: bytes) -> int:
    try:
        with Image.open(io.BytesIO(data)) as img:
            return int(img.getexif().get(0x0112, 1))
    except Exception:  # orientation is a nicety; never fail a load over it
        return 1


def _apply_orientation(image: np.ndarray, orientation: int) -> np.ndarray:
    """Apply EXIF orientation 1-8 the way ``ImageOps.exif_transpose`` does."""
    ops = {
        2: lambda a: cv2.flip(a, 1),
        3: lambda a: cv2.rotate(a, cv2.ROTATE_180),
        4: lambda a: cv2.flip(a, 0),
        5: lambda a: cv2.transpose(a),
        6: lambda a: cv2.rotate(a, cv2.ROTATE_90_CLOCKWISE),
        7: lambda a: cv2.rotate(cv2.transpose(a), cv2.ROTATE_180),
        8: lambda a: cv2.rotate(a, cv2.ROTATE_90_COUNTERCLOCKWISE),
    }
    op = ops.get(orientation)
    return image if op is None else op(image)


def _not_an_image(data: bytes, name: str) -> str:
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        if HEIF_SUPPORT:  # pillow-heif is there and still refused it: say why
            return (
                f"{name}: is a HEIC photo that pillow-heif cannot read ({_heif_error(data)}): "
                "it is damaged or cut short; copy it from the phone again, or as a JPEG"
            )
        return (
            f"{name}: is a HEIC photo, which needs the optional pillow-heif package "
            "(pip install pillow-heif) or a conversion to JPEG"
        )
    heic = "HEIC" if HEIF_SUPPORT else "HEIC with the optional pillow-heif package"
    return f"{name}: is not an image cardscan can read; use {_FORMATS} or {heic}"


def _heif_error(data: bytes) -> str:
    """What libheif says about a HEIC file Pillow could not open."""
    from pillow_heif import open_heif

    try:
        open_heif(io.BytesIO(data))
    except Exception as exc:  # libheif's errors are ValueErrors; any of them is the answer
        return str(exc)
    return "libheif opens it, but not as an image Pillow can use"


def _too_small(name: str, width: int, height: int) -> str:
    return (
        f"{name}: {width}x{height} pixels is too small to hold a readable card "
        f"(at least {MIN_SIDE} px a side; a phone photo of the card works best)"
    )


def _too_large(name: str, size: tuple[int, int] | None, max_pixels: int) -> str:
    what = f"{size[0]}x{size[1]} pixels are" if size else "its pixels are far"
    return (
        f"{name}: {what} more than the limit of {max_pixels / 1e6:g} MP (a guard against "
        "decompression bombs); scale the photo down and try again"
    )
