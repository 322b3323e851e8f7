"""Synthetic photos for the imaging tests: a card drawn with OpenCV, tilted in 3-D on a desk."""

from __future__ import annotations

import cv2
import numpy as np

CARD_W, CARD_H = 850, 550  # 85 x 55 mm at 10 px/mm
CARD_ASPECT = CARD_W / CARD_H
PHOTO = (1600, 1200)

# Mixed-case text with ascenders and descenders, as on most cards.
LINES = [
    ("Anna Beispiel", 1.6, 3),
    ("Head of Engineering", 1.0, 2),
    ("Beispiel Daten GmbH", 1.1, 2),
    ("Musterstrasse 12, 10115 Berlin", 0.9, 2),
    ("Tel +49 30 1234567", 0.9, 2),
    ("anna.beispiel@example.org", 0.9, 2),
]


def draw_card(paper=(245, 245, 240), ink=(30, 30, 30)) -> np.ndarray:
    """A flat card, BGR, CARD_W x CARD_H."""
    card = np.full((CARD_H, CARD_W, 3), paper, np.uint8)
    y = 90
    for text, size, thickness in LINES:
        cv2.putText(
            card, text, (60, y), cv2.FONT_HERSHEY_SIMPLEX, size, ink, thickness, cv2.LINE_AA
        )
        y += int(62 * size) + 8
    return card


def project_card(tilt_x: float, tilt_y: float, turn: float, distance: float = 2.2) -> np.ndarray:
    """Photo corners (TL, TR, BR, BL of the card) for a card tilted in 3-D and seen by a
    pinhole camera (focal length 1.1 x the photo width) centred on the photo."""
    width, height = PHOTO
    card_w = 0.85
    card_h = card_w / CARD_ASPECT
    corners = np.array(
        [[-card_w / 2, -card_h / 2, 0], [card_w / 2, -card_h / 2, 0],
         [card_w / 2, card_h / 2, 0], [-card_w / 2, card_h / 2, 0]]
    )  # fmt: skip
    tilt, _ = cv2.Rodrigues(np.radians([tilt_x, tilt_y, 0.0]))
    spin, _ = cv2.Rodrigues(np.radians([0.0, 0.0, turn]))
    points = (spin @ tilt @ corners.T).T + np.array([0.0, 0.0, distance])
    focal = 1.1 * width
    return np.stack(
        [
            focal * points[:, 0] / points[:, 2] + (width - 1) / 2,
            focal * points[:, 1] / points[:, 2] + (height - 1) / 2,
        ],
        axis=1,
    ).astype(np.float32)


def photograph(card: np.ndarray, corners: np.ndarray, *, desk: float = 115, seed: int = 0):
    """The card warped onto a grey desk with a light gradient, blur and sensor noise."""
    width, height = PHOTO
    rng = np.random.default_rng(seed)
    ys, xs = np.mgrid[0:height, 0:width]
    shade = (desk + 25 * xs / width - 15 * ys / height).astype(np.float32)
    photo = np.dstack([shade, shade, shade * 1.04])
    h, w = card.shape[:2]
    source = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], np.float32)
    matrix = cv2.getPerspectiveTransform(source, corners.astype(np.float32))
    warped = cv2.warpPerspective(card.astype(np.float32), matrix, PHOTO)
    mask = cv2.warpPerspective(np.ones((h, w), np.float32), matrix, PHOTO)[..., None]
    photo = photo * (1 - mask) + warped * mask
    photo = cv2.GaussianBlur(photo, (3, 3), 0) + rng.normal(0, 3, photo.shape)
    return np.clip(photo, 0, 255).astype(np.uint8)


def likeness(output: np.ndarray, card: np.ndarray) -> float:
    """Normalised cross-correlation of the prepared image with the flat card (grey, 0..1),
    at a size and blur that forgive the thin margin prepare() trims off the card."""
    reference = cv2.cvtColor(card, cv2.COLOR_BGR2GRAY) if card.ndim == 3 else card
    size = (240, int(240 * reference.shape[0] / reference.shape[1]))
    a = cv2.resize(output, size, interpolation=cv2.INTER_AREA).astype(np.float32)
    b = cv2.resize(reference, size, interpolation=cv2.INTER_AREA).astype(np.float32)
    a, b = cv2.GaussianBlur(a, (0, 0), 1.5), cv2.GaussianBlur(b, (0, 0), 1.5)
    a -= a.mean()
    b -= b.mean()
    return float((a * b).sum() / np.sqrt((a * a).sum() * (b * b).sum()))
