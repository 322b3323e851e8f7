"""Small JPEG pictures of a card (or the face printed on it): the vCard PHOTO property and the
copy of the card the contact book keeps."""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from cardscan.errors import MissingDependencyError

log = logging.getLogger(__name__)

#: Longest side of the picture. Servers refuse whole cards over about 1 MB (sabre/Baikal#262,
#: nextcloud/contacts#33) and iOS sync broke on 1.5 MB photos; 512 px is plenty for a contact
#: picture and keeps the JPEG (base64 adds a third) far below those limits.
MAX_SIDE = 512
#: Upper bound of the JPEG; the quality is lowered step by step until it fits.
MAX_BYTES = 100_000
QUALITY = 80

#: Longest side of the flattened card to hand to face_photo: the face is a small part of the
#: card (a fifth to a tenth of its height), only 30-60 px wide on a 512 px card.
FACE_SOURCE_SIDE = 1600
#: Longest side of the grey copy the face detector searches (the LBP cascade runs single-threaded).
#: On 480 synthetic cards (the astronaut and LFW faces, other pictures, text only) 512 px found
#: 218 of 240 faces and 5 false ones in 0.11 s a card; 640 px found 221 but 11 false ones and
#: took a fifth longer.
DETECT_SIDE = 512
#: Smallest face searched for, as a fraction of the card's short side: a head-and-shoulders
#: portrait half the card's height holds a face of about a fifth of it. The smallest windows
#: cost the most time and are logos, coins and text more often than faces.
MIN_FACE = 1 / 12
#: Each search window is this much larger than the one before (OpenCV's scaleFactor).
SCALE_STEP = 1.2
#: Window shift in units of the window scale: 1.0 visits every pixel at the smallest windows and
#: took about three times as long; at 1.5 a face is still hit a few times.
STEP_RATIO = 1.5
#: Raw detections whose boxes overlap by at least this intersection over union are one cluster.
GROUP_IOU = 0.3
#: A face is a cluster of at least this many detections (OpenCV's minNeighbors): lone hits are
#: common on logos, coins and photographed text.
MIN_NEIGHBORS = 2
#: Margin around the detected face, in face sizes: the cascade's box runs from the forehead to
#: the chin, so there is more above (hair) than at the sides and below (neck).
MARGIN_SIDE = 0.3
MARGIN_TOP = 0.5
MARGIN_BOTTOM = 0.3

#: A box in image pixels: (x, y, width, height).
Box = tuple[int, int, int, int]


def jpeg_photo(image: np.ndarray, *, max_side: int = MAX_SIDE) -> bytes:
    """``image`` (BGR or grayscale) downscaled to ``max_side`` and encoded as JPEG < MAX_BYTES."""
    height, width = image.shape[:2]
    scale = min(1.0, max_side / max(height, width, 1))
    if scale < 1.0:
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        image = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
    for quality in range(QUALITY, 19, -10):
        ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
        if ok and len(data) <= MAX_BYTES:
            return data.tobytes()
    return jpeg_photo(image, max_side=max_side // 2)  # only for pathological noise images


def card_thumbnail(path: Path) -> bytes | None:
    """The contact book's copy of a card photo: JPEG bytes of the photo scaled to at most
    MAX_SIDE pixels, enough to recognise the card later; None when it cannot be read."""
    try:
        image = cv2.imread(str(path), cv2.IMREAD_COLOR)
    except cv2.error:
        image = None
    if image is None:
        log.info("no card image stored: cv2 cannot read %s", path)
        return None
    return jpeg_thumbnail(image)


def jpeg_thumbnail(image: np.ndarray) -> bytes | None:
    """JPEG bytes of a BGR image scaled to at most MAX_SIDE pixels, at QUALITY (None if it
    cannot be encoded)."""
    height, width = image.shape[:2]
    scale = MAX_SIDE / max(height, width)
    if scale < 1:
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        image = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, QUALITY])
    return bytes(data.tobytes()) if ok else None


def vcard_photo(jpeg: bytes) -> bytes | None:
    """A stored card photo as a vCard PHOTO within jpeg_photo's size limits; None when the
    stored bytes cannot be decoded."""
    image = cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR)
    return jpeg_photo(image) if image is not None else None


@functools.cache
def _cascade() -> Any:
    """scikit-image's copy of OpenCV's LBP frontal-face cascade, loaded once per process.

    Imported here, not at the top: scikit-image (with SciPy) takes a third of a second to
    import, which scans without ``--photo face`` must not pay."""
    try:
        from skimage.data import lbp_frontal_face_cascade_filename
        from skimage.feature import Cascade
    except ImportError as exc:
        raise MissingDependencyError(
            "--photo face needs scikit-image, which is not installed: "
            "pip install 'scikit-image>=0.22' (or use --photo card)"
        ) from exc
    return Cascade(lbp_frontal_face_cascade_filename())


def _iou(a: Box, b: Box) -> float:
    """Intersection over union of two boxes."""
    width = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    height = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    inter = max(0, width) * max(0, height)
    return inter / (a[2] * a[3] + b[2] * b[3] - inter)


def _clusters(boxes: list[Box]) -> list[list[Box]]:
    """The boxes grouped into clusters of (transitively) overlapping ones."""
    parent = list(range(len(boxes)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, a in enumerate(boxes):
        for j in range(i + 1, len(boxes)):
            if _iou(a, boxes[j]) >= GROUP_IOU:
                parent[root(i)] = root(j)
    groups: dict[int, list[Box]] = {}
    for i, box in enumerate(boxes):
        groups.setdefault(root(i), []).append(box)
    return list(groups.values())


def _best_face(boxes: list[Box]) -> Box | None:
    """The mean box of the cluster with the most detections (then the largest faces)."""
    clusters = [c for c in _clusters(boxes) if len(c) >= MIN_NEIGHBORS]
    if not clusters:
        return None
    best = max(clusters, key=lambda c: (len(c), sum(b[2] * b[3] for b in c) / len(c)))
    x, y, w, h = np.mean(best, axis=0)
    return round(x), round(y), round(w), round(h)


def find_face(image: np.ndarray) -> Box | None:
    """The most clearly detected (then largest) frontal face in ``image`` (BGR or grey), or None.

    The search runs on a grey copy at most DETECT_SIDE px long; the box is in ``image`` pixels."""
    cascade = _cascade()
    if min(image.shape[:2]) < cascade.window_height:
        return None  # too small to hold a face the cascade could see (and maybe empty)
    gray = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    scale = min(1.0, DETECT_SIDE / max(gray.shape))
    if scale < 1.0:
        gray = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    short = min(gray.shape)
    smallest = max(int(cascade.window_width), round(short * MIN_FACE))
    if short < smallest:
        return None
    # Positional: scikit-image renamed min_neighbour_number to min_neighbor_number once.
    detections = cascade.detect_multi_scale(
        gray.astype(np.float32) / 255,  # img
        SCALE_STEP,  # scale_factor
        STEP_RATIO,  # step_ratio
        (smallest, smallest),  # min_size
        (short, short),  # max_size
        1,  # min_neighbor_number: every raw hit, _best_face groups them itself ...
        1.0,  # intersection_score_threshold: ... and none merged (the score is at most 1)
    )
    boxes = [
        (
            round(d["c"] / scale),
            round(d["r"] / scale),
            round(d["width"] / scale),
            round(d["height"] / scale),
        )
        for d in detections
    ]
    return _best_face(boxes)


def _portrait(image: np.ndarray, face: Box) -> np.ndarray:
    """The face with some room around it (hair above), clipped to the image."""
    x, y, w, h = face
    height, width = image.shape[:2]
    left, right = max(0, round(x - MARGIN_SIDE * w)), min(width, round(x + w + MARGIN_SIDE * w))
    top, bottom = max(0, round(y - MARGIN_TOP * h)), min(height, round(y + h + MARGIN_BOTTOM * h))
    return image[top:bottom, left:right]


def face_photo(image: np.ndarray) -> bytes | None:
    """The face find_face sees on the card, with some margin, as JPEG; None when there is none.

    ``image`` is the flattened card in colour (BGR), ideally FACE_SOURCE_SIDE px long; raises
    MissingDependencyError when scikit-image is not installed."""
    face = find_face(image)
    return None if face is None else jpeg_photo(_portrait(image, face))


def card_picture(
    photo: np.ndarray,
    quad: np.ndarray | None,
    shape: tuple[int, ...],
    *,
    max_side: int = MAX_SIDE,
) -> np.ndarray:
    """The card in colour, flat and upright, ``max_side`` px long: ``quad`` holds the photo
    points that became the corners (TL, TR, BR, BL) of the prepared card of ``shape``; None
    means the whole photo (as it is)."""
    if quad is None:
        return photo
    h, w = shape[:2]
    scale = max_side / max(h, w)
    dw, dh = max(1, round(w * scale)), max(1, round(h * scale))
    dst = np.array([[0, 0], [dw - 1, 0], [dw - 1, dh - 1], [0, dh - 1]], np.float32)
    matrix = cv2.getPerspectiveTransform(np.asarray(quad, np.float32), dst)
    return cv2.warpPerspective(photo, matrix, (dw, dh), flags=cv2.INTER_AREA)
