"""Cut one card out of a picture of several, and draw what the page finder found.

A card is cut with a margin of the picture around it, as a photo of it alone would show
it, so that the one-card path (detect.find_card) finds its exact outline; the parts of
neighbouring cards in that margin are painted in the desk's colour, so that nothing of
them is read with it (their text, their QR code).
"""

from __future__ import annotations

import cv2
import numpy as np

from cardscan.imaging.pages import PageLayout

#: Room around a card when it is cut out, as a share of its long side: like a photo of one
#: card, whose outline the one-card path then finds.
CUT_MARGIN = 0.12


def cut_card(image: np.ndarray, layout: PageLayout, index: int) -> np.ndarray:
    """Card ``index`` with a margin of the picture around it, as a photo of it alone would
    show it: the parts of other cards in that margin are painted in the desk's colour."""
    height, width = image.shape[:2]
    region = layout.regions[index]
    margin = CUT_MARGIN * region.size
    left, top = (max(0, int(v - margin)) for v in region.quad.min(axis=0))
    right = min(width, int(region.quad[:, 0].max() + margin) + 1)
    bottom = min(height, int(region.quad[:, 1].max() + margin) + 1)
    crop = image[top:bottom, left:right].copy()
    shift = np.array([left, top], np.float32)
    own = _filled(region.quad - shift, crop.shape, 0.0)
    others = [
        r.quad - shift
        for i, r in enumerate(layout.regions)
        if i != index and _overlaps_box(r.quad - shift, crop.shape)
    ]
    if not others:
        return crop
    grow = 0.03 * region.size + 2
    covered = np.zeros(crop.shape[:2], np.uint8)
    for quad in others:
        covered |= _filled(quad, crop.shape, grow)
    desk = (covered == 0) & (_filled(region.quad - shift, crop.shape, grow) == 0)
    colour = _desk_colour(crop, desk, image, layout)
    to_own = cv2.distanceTransform(255 - own, cv2.DIST_L2, 3)
    for quad in others:
        theirs = _filled(quad, crop.shape, 0.0)
        to_theirs = cv2.distanceTransform(255 - theirs, cv2.DIST_L2, 3)
        paint = (_filled(quad, crop.shape, grow) > 0) & (to_theirs < to_own)
        crop[paint] = colour
    return crop


def draw_layout(image: np.ndarray, layout: PageLayout) -> np.ndarray:
    """The picture with every card's outline and number (for --debug-dir)."""
    vis = image.copy()
    thick = max(2, round(max(image.shape[:2]) / 400))
    for number, region in enumerate(layout.regions, start=1):
        quad = np.round(region.quad).astype(np.int32)
        cv2.polylines(vis, [quad], True, (0, 0, 255), thick)
        centre = tuple(int(v) for v in region.quad.mean(axis=0))
        scale = region.size / 150
        cv2.putText(
            vis, str(number), centre, cv2.FONT_HERSHEY_SIMPLEX, scale, (255, 0, 0), 2 * thick
        )
    label = f"{len(layout.regions)} cards" if layout.several else "read as one card"
    cv2.putText(vis, label, (20, 40 * thick), cv2.FONT_HERSHEY_SIMPLEX, thick, (255, 0, 0), thick)
    return vis


def _filled(quad: np.ndarray, shape: tuple[int, ...], grow: float) -> np.ndarray:
    """A mask of the quad grown by ``grow`` pixels outwards (0/255)."""
    centre = quad.mean(axis=0)
    radius = float(np.linalg.norm(quad - centre, axis=1).min())
    polygon = centre + (quad - centre) * (1.0 + grow / max(radius, 1.0))
    mask = np.zeros(shape[:2], np.uint8)
    cv2.fillConvexPoly(mask, np.round(polygon).astype(np.int32), 255)
    return mask


def _overlaps_box(quad: np.ndarray, shape: tuple[int, ...]) -> bool:
    height, width = shape[:2]
    low, high = quad.min(axis=0), quad.max(axis=0)
    return bool(high[0] >= 0 and high[1] >= 0 and low[0] < width and low[1] < height)


def _desk_colour(
    crop: np.ndarray, desk: np.ndarray, image: np.ndarray, layout: PageLayout
) -> np.ndarray:
    """The median colour of the desk around the card (or, hidden by cards, of the picture)."""
    if np.count_nonzero(desk) >= 0.02 * desk.size:
        return np.median(crop[desk], axis=0).astype(np.uint8)
    step = max(1, max(image.shape[:2]) // 600)
    sparse = image[::step, ::step]
    free = np.ones(sparse.shape[:2], np.uint8) * 255
    for region in layout.regions:
        free &= 255 - _filled(region.quad / step, sparse.shape, 2.0)
    if cv2.countNonZero(free) == 0:
        return np.median(sparse.reshape(-1, 3), axis=0).astype(np.uint8)
    return np.median(sparse[free > 0], axis=0).astype(np.uint8)
