"""Plane geometry of card outlines: corner order, true aspect ratio, whether a quadrilateral
can be a card, sampling along lines."""

from __future__ import annotations

import cv2
import numpy as np

#: Card width / height. ISO 7810 ID-1 is 1.59, EU cards 85x55 mm 1.55, Japan 91x55 mm 1.65,
#: US 3.5x2 in 1.75; the margins leave room for perspective and odd formats (square-ish,
#: long slim cards).
ASPECT_RANGE = (1.2, 2.2)


def order_corners(points: np.ndarray) -> np.ndarray:
    """Four points -> float32 corners in the order TL, TR, BR, BL (clockwise on screen)."""
    pts = np.asarray(points, dtype=np.float32).reshape(4, 2)
    centre = pts.mean(axis=0)
    angles = np.arctan2(pts[:, 1] - centre[1], pts[:, 0] - centre[0])
    pts = pts[np.argsort(angles)]  # clockwise on screen (y points down), starting anywhere
    start = int(np.argmin(pts.sum(axis=1)))  # top-left: smallest x + y
    return np.roll(pts, -start, axis=0)


def card_aspect(quad: np.ndarray, shape: tuple[int, ...]) -> float:
    """Width / height of the card that the quad (TL, TR, BR, BL) shows, undoing perspective.

    The mean of opposite sides under-estimates the side that recedes from the camera. The
    true ratio follows from the quad and a pinhole camera centred on the photo (Zhang &
    He, "Whiteboard scanning and image enhancement", 2007); the focal length comes from
    the two vanishing points, or is assumed to be a phone's (about 0.8 x the long side)
    when a pair of sides is parallel. An estimate a third off the simple one is not
    trusted (cropped or resized photos break the camera model).
    """
    side = [float(np.hypot(*(quad[(i + 1) % 4] - quad[i]))) for i in range(4)]
    simple = (side[0] + side[2]) / max(side[1] + side[3], 1e-6)
    height, width = shape[:2]
    long_side = float(max(height, width))
    # Centre on the principal point and scale to about 1: keeps the algebra well conditioned.
    pts = (quad.astype(np.float64) - [(width - 1) / 2.0, (height - 1) / 2.0]) / long_side
    m1, m2, m4, m3 = (np.array([x, y, 1.0]) for x, y in pts)  # m1 (0,0) m2 (w,0) m3 (0,h) m4 (w,h)
    with np.errstate(divide="ignore", invalid="ignore"):
        k2 = np.dot(np.cross(m1, m4), m3) / np.dot(np.cross(m2, m4), m3)
        k3 = np.dot(np.cross(m1, m4), m2) / np.dot(np.cross(m3, m4), m2)
        n2, n3 = k2 * m2 - m1, k3 * m3 - m1
        focal2 = -(n2[0] * n3[0] + n2[1] * n3[1]) / (n2[2] * n3[2])
    if not (np.isfinite(focal2) and 0.3**2 < focal2 < 3.0**2) or min(abs(n2[2]), abs(n3[2])) < 1e-3:
        focal2 = 0.8**2  # a phone's main camera: 26 mm equivalent, about 70 degrees wide
    weights = np.array([1.0 / focal2, 1.0 / focal2, 1.0])
    num, den = float((n2 * n2) @ weights), float((n3 * n3) @ weights)
    if not (np.isfinite(num) and np.isfinite(den)) or num <= 0 or den <= 0:
        return simple
    ratio = float(np.sqrt(num / den))
    return ratio if 0.75 < ratio / simple < 1.33 else simple


def sample(image: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Bilinear samples of a float32 image at (..., 2) x/y points (edge pixels repeated)."""
    flat = points.reshape(-1, 1, 2)
    values = cv2.remap(
        image, flat[..., 0].copy(), flat[..., 1].copy(), cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_REPLICATE,
    )  # fmt: skip
    return values.reshape(points.shape[:-1])


def plausible_quad(
    quad: np.ndarray, width: int, height: int, aspects: tuple[float, float] = ASPECT_RANGE
) -> bool:
    """Convex, roughly rectangular (perspective allowed), card-shaped, mostly in the photo."""
    if not cv2.isContourConvex(quad.reshape(-1, 1, 2).astype(np.float32)):
        return False
    sides = [float(np.hypot(*(quad[(i + 1) % 4] - quad[i]))) for i in range(4)]
    if min(sides) < 10:
        return False
    for i in range(4):
        u, v = quad[i - 1] - quad[i], quad[(i + 1) % 4] - quad[i]
        cos = float(u @ v) / (np.hypot(*u) * np.hypot(*v))
        if abs(cos) > 0.5:  # interior angle outside 60-120 degrees
            return False
    aspect = card_aspect(quad, (height, width))
    aspect = max(aspect, 1 / aspect)
    if not aspects[0] <= aspect <= aspects[1]:
        return False
    margin = 0.02 * max(width, height)
    return bool(
        (quad[:, 0] > -margin).all()
        and (quad[:, 0] < width + margin).all()
        and (quad[:, 1] > -margin).all()
        and (quad[:, 1] < height + margin).all()
    )


def outward_normal(a: np.ndarray, b: np.ndarray, centre: np.ndarray) -> np.ndarray:
    """Unit normal of the side a-b, pointing away from the card's centre."""
    along = b - a
    normal = np.array([along[1], -along[0]], np.float32) / max(float(np.hypot(*along)), 1e-6)
    return -normal if float(normal @ ((a + b) / 2 - centre)) < 0 else normal
