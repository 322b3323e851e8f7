"""A small JPEG of the card photo for the book, so the person can be recognised later."""

from __future__ import annotations

import logging
from pathlib import Path

import cv2

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
    height, width = image.shape[:2]
    scale = MAX_SIDE / max(height, width)
    if scale < 1:
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        image = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    return bytes(data.tobytes()) if ok else None
