"""The photos a review reads: those given on the command line, and uploads kept in a private
temporary folder (0700) that is removed when the review ends.

No file name that comes from a browser is ever used as a path: an upload is checked by the
image loader's guard (format, size, pixel limit) and stored under a number of our own.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from cardscan.errors import ImageTooLargeError, UnreadableImageError
from cardscan.imaging.load import FORMAT_SUFFIXES, check_image, display_name
from cardscan.options import DEFAULT_MAX_PIXELS
from cardscan.pipeline.sheets import find_images

#: Largest upload kept, per photo: a 50 MP phone photo as JPEG is about 25 MB, HEIC less.
MAX_UPLOAD_BYTES = 40_000_000
#: Largest request accepted for an upload (several photos at once).
MAX_REQUEST_BYTES = 400_000_000
#: Most photos in one upload request.
MAX_FILES = 100

_UNSAFE = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class GivenPhoto:
    """A photo from the command line; ``reason`` says why it cannot be read, when it cannot."""

    path: Path
    name: str
    reason: str | None = None


def given_photos(args: list[Path]) -> list[GivenPhoto]:
    """The photos of the command line: files as given, folders' images (sorted).

    A link inside a folder that leads out of it is not read: the review shows and serves
    nothing from outside the photos and folders it was given.
    """
    photos: list[GivenPhoto] = []
    for arg in args:
        if not arg.is_dir():
            photos.append(GivenPhoto(arg, display_name(arg)))
            continue
        root = arg.resolve()
        for path in find_images(arg):
            name = display_name(path.relative_to(arg))  # "card_001.jpg" of the folder given
            if not path.resolve().is_relative_to(root):
                reason = f"a link to a file outside {display_name(arg)}; pass that file itself"
                photos.append(GivenPhoto(path, name, reason))
            else:
                photos.append(GivenPhoto(path, name))
    return photos


def upload_name(filename: str | None) -> str:
    """The name an upload is shown under: the last part of what the browser sent, printable."""
    base = re.split(r"[/\\]", filename or "")[-1]
    base = _UNSAFE.sub("", base).strip()[:120]
    return base or "photo"


class UploadFolder:
    """A private folder for uploaded photos; ``remove()`` deletes it with everything in it."""

    def __init__(self, *, max_pixels: int = DEFAULT_MAX_PIXELS) -> None:
        self.path = Path(tempfile.mkdtemp(prefix="cardscan-review-"))
        os.chmod(self.path, 0o700)
        self._max_pixels = max_pixels
        self._numbers = itertools.count(1)
        self._lock = threading.Lock()

    def keep(self, data: bytes, name: str) -> Path:
        """Store one uploaded photo; raises InputError subclasses for what is no usable image."""
        if len(data) > MAX_UPLOAD_BYTES:
            raise ImageTooLargeError(
                f"{name}: {len(data) / 1e6:.0f} MB is more than the {MAX_UPLOAD_BYTES / 1e6:.0f} MB "
                "an upload may have; send a smaller photo"
            )
        fmt = check_image(data, name, max_pixels=self._max_pixels)
        suffix = FORMAT_SUFFIXES.get(fmt)
        if suffix is None:
            raise UnreadableImageError(
                f"{name}: {fmt or 'this'} images are not read; send JPEG, PNG, WebP, TIFF or HEIC"
            )
        with self._lock:
            number = next(self._numbers)
        path = self.path / f"{number:05d}{suffix}"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        return path

    def remove(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
