"""A small JPEG of the card photo for the book, so the person can be recognised later."""

from __future__ import annotations

import logging
from pathlib import Path

import cv2
import numpy as np

log = logging.getLogger(__name__)

#: Longest side of the stored copy: enough to recognise a card, small enough for thousands.
MAX_SIDE = 512
JPEG_QUALITY = 80


def card_thumbnail(path: Path) -> bytes | None:
    """JPEG bytes of the photo scaled to at most MAX_SIDE pixels; None when it cannot be read."""
    try:
        image = cv2.imread(str(path), cv2.IMREAD_COLOR)
    except cv2.error:
        image = None
    if image is None:
        log.info("no card image stored: cv2 cannot read %s", path)
        return None
    return jpeg_thumbnail(image)


def jpeg_thumbnail(image: np.ndarray) -> bytes | None:
    """JPEG bytes of a BGR image scaled to at most MAX_SIDE pixels (None if it cannot be
    encoded)."""
    height, width = image.shape[:2]
    scale = MAX_SIDE / max(height, width)
    if scale < 1:
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        image = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    return bytes(data.tobytes()) if ok else None


def vcard_photo(jpeg: bytes) -> bytes | None:
    """A stored card photo as a vCard PHOTO within cardscan.photo's size limits; None when
    the stored bytes cannot be decoded."""
    from cardscan.photo import jpeg_photo

    image = cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR)
    return jpeg_photo(image) if image is not None else None
