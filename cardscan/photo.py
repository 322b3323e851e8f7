"""Small JPEG pictures of a card (or the face printed on it) for the vCard PHOTO property."""

from __future__ import annotations

import os

import cv2
import numpy as np

from cardscan.errors import MissingDependencyError

#: Longest side of the picture. Servers refuse whole cards over about 1 MB (sabre/Baikal#262,
#: nextcloud/contacts#33) and iOS sync broke on 1.5 MB photos; 512 px is plenty for a contact
#: picture and keeps the JPEG (base64 adds a third) far below those limits.
MAX_SIDE = 512
#: Upper bound of the JPEG; the quality is lowered step by step until it fits.
MAX_BYTES = 100_000
QUALITY = 80

_CASCADE = "haarcascade_frontalface_default.xml"


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


def face_photo(image: np.ndarray) -> bytes | None:
    """The largest frontal face on the card, with some margin, as JPEG; None when there is none."""
    # OpenCV 5 dropped the Haar cascades (class and bundled XML files); 4.x still has both.
    classifier = getattr(cv2, "CascadeClassifier", None)
    data = getattr(cv2, "data", None)
    cascade_path = os.path.join(getattr(data, "haarcascades", ""), _CASCADE)
    if classifier is None or not os.path.exists(cascade_path):
        raise MissingDependencyError(
            f"OpenCV's face detector ({_CASCADE}) is not installed with this OpenCV "
            f"{cv2.__version__}; use --photo card, or install an opencv-python-headless 4.x wheel"
        )
    gray = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    faces = classifier(cascade_path).detectMultiScale(gray, 1.1, 5, minSize=(40, 40))
    if len(faces) == 0:
        return None
    x, y, w, h = max(faces, key=lambda f: int(f[2]) * int(f[3]))
    pad = int(0.3 * max(w, h))
    top, left = max(0, y - pad), max(0, x - pad)
    return jpeg_photo(image[top : y + h + pad, left : x + w + pad])


def card_picture(photo: np.ndarray, quad: np.ndarray | None, shape: tuple[int, ...]) -> np.ndarray:
    """The card in colour, flat and upright: ``quad`` holds the photo points that became the
    corners (TL, TR, BR, BL) of the prepared card of ``shape``; None means the whole photo."""
    if quad is None:
        return photo
    h, w = shape[:2]
    scale = MAX_SIDE / max(h, w)
    dw, dh = max(1, round(w * scale)), max(1, round(h * scale))
    dst = np.array([[0, 0], [dw - 1, 0], [dw - 1, dh - 1], [0, dh - 1]], np.float32)
    matrix = cv2.getPerspectiveTransform(np.asarray(quad, np.float32), dst)
    return cv2.warpPerspective(photo, matrix, (dw, dh), flags=cv2.INTER_AREA)
