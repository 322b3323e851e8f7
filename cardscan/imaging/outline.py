"""A found outline fitted to the card: each side snapped onto the brightness step nearby, and
an outline of only a card's white panel grown out to its coloured band."""

from __future__ import annotations

import logging

import cv2
import numpy as np

from cardscan.imaging.geometry import card_aspect, outward_normal, plausible_quad, sample

log = logging.getLogger(__name__)

#: Width/height of nearly all printed cards (85x55 mm 1.55, 3.5x2 in 1.75, 90x50 mm 1.8),
#: with room for a slightly wrong perspective; an outline outside it may be part of a card.
_USUAL_ASPECT = (1.42, 1.88)


#: A colour step across a card's edge (largest of B, G, R; grey levels).
_BAND_STEP = 20.0


#: Share of a band's pixels in its paint colour (the rest is text or a logo on it).
_PAINT_SHARE = 0.6


def snap_to_edges(quad: np.ndarray, grey: np.ndarray) -> np.ndarray:
    """Move each side onto the strongest brightness step nearby.

    Masks put the outline a few pixels off: inside a dilated edge, or around the card's
    drop shadow. Each half of each side is shifted along its normal to where the
    brightness changes most (the card's edge is crisper than a shadow's), and the new
    sides are intersected. Falls back to the given quad when the result is implausible.
    """
    height, width = grey.shape
    smooth = cv2.GaussianBlur(grey, (3, 3), 0).astype(np.float32)
    reach = max(3.0, 0.02 * max(height, width))
    offsets = np.arange(-reach, reach + 0.01, 0.5, dtype=np.float32)
    centre = quad.mean(axis=0)
    lines = []
    for i in range(4):
        a, b = quad[i].astype(np.float32), quad[(i + 1) % 4].astype(np.float32)
        along = b - a
        normal = outward_normal(a, b, centre)
        points = []
        for start, stop in ((0.1, 0.4), (0.6, 0.9)):
            base = a + np.outer(np.linspace(start, stop, 12, dtype=np.float32), along)
            where = base[None, :, :] + offsets[:, None, None] * normal  # offsets x samples x 2
            outside = sample(smooth, where + 1.5 * normal)
            inside = sample(smooth, where - 1.5 * normal)
            step = np.abs((inside - outside).mean(axis=1))
            best = int(np.argmax(step))
            if step[best] < 4.0:  # no clear edge here: leave this half where it was
                best = int(np.argmin(np.abs(offsets)))
            points.append(base.mean(axis=0) + offsets[best] * normal)
        lines.append((points[0], points[1] - points[0]))
    corners = []
    for i in range(4):
        (p, r), (q, t) = lines[i - 1], lines[i]
        cross = float(r[0] * t[1] - r[1] * t[0])
        if abs(cross) < 1e-6:
            return quad
        k = float((q - p)[0] * t[1] - (q - p)[1] * t[0]) / cross
        corners.append(p + k * r)
    snapped = np.array(corners, np.float32)
    moved = float(np.abs(snapped - quad).max())
    if moved > 2 * reach or not plausible_quad(snapped, width, height):
        return quad
    return snapped


def extend_to_band(quad: np.ndarray, small: np.ndarray) -> np.ndarray:
    """The whole card when only its white panel was found: a card with a coloured band
    along one side, on a busy desk, outlines as the panel alone (its edge against the band
    is the crispest line around), which cuts off the company name printed in the band.

    Only for outlines of an unusual shape (width/height outside _USUAL_ASPECT): each side is
    tried further out, parallel to itself, up to 60 % of the card; the band's outer edge is
    a colour step along nearly all of the new side, the strip between is mostly one paint
    colour (text on it is allowed), and the card gets a usual shape.
    """
    height, width = small.shape[:2]
    aspect = card_aspect(quad, small.shape)
    aspect = max(aspect, 1 / aspect)
    if _USUAL_ASPECT[0] <= aspect <= _USUAL_ASPECT[1]:
        return quad
    image = cv2.GaussianBlur(small, (3, 3), 0).astype(np.float32)
    channels = [np.ascontiguousarray(image[..., c]) for c in range(image.shape[2])]
    centre = quad.mean(axis=0)
    best: tuple[float, np.ndarray] | None = None
    for i in range(4):
        a, b = quad[i], quad[(i + 1) % 4]
        out_a, out_b = a - quad[i - 1], b - quad[(i + 2) % 4]  # along the adjacent sides
        for fraction in np.arange(0.08, 0.6, 0.01):
            na, nb = a + fraction * out_a, b + fraction * out_b
            grown = quad.copy()
            grown[i], grown[(i + 1) % 4] = na, nb
            new_aspect = card_aspect(grown, small.shape)
            new_aspect = max(new_aspect, 1 / new_aspect)
            if not _USUAL_ASPECT[0] <= new_aspect <= _USUAL_ASPECT[1]:
                continue
            if not plausible_quad(grown, width, height):
                continue
            support = _colour_step(channels, na, nb, centre)
            if support < 0.8 or not _one_paint(small, a, b, na, nb):
                continue
            if best is None or support > best[0]:
                best = (support, grown)
    if best is None:
        return quad
    log.debug("outline grown to the card's coloured band (step along %.0f %%)", 100 * best[0])
    return best[1]


def _colour_step(
    channels: list[np.ndarray], a: np.ndarray, b: np.ndarray, centre: np.ndarray
) -> float:
    """Share of points along a-b with a clear colour step across the line (within 2 px)."""
    along = b - a
    normal = outward_normal(a, b, centre)
    base = a + np.outer(np.linspace(0.1, 0.9, 24, dtype=np.float32), along)
    offsets = np.arange(-2.0, 2.01, 1.0, dtype=np.float32)
    where = (base[None, :, :] + offsets[:, None, None] * normal).astype(np.float32)
    step = np.zeros(where.shape[:2], np.float32)
    for channel in channels:
        diff = np.abs(sample(channel, where + 2.0 * normal) - sample(channel, where - 2.0 * normal))
        step = np.maximum(step, diff)
    return float(np.mean(step.max(axis=0) >= _BAND_STEP))


def _one_paint(
    small: np.ndarray, a: np.ndarray, b: np.ndarray, na: np.ndarray, nb: np.ndarray
) -> bool:
    """Is the strip a-b-nb-na mostly one colour (a band of paint, maybe with text on it)?"""
    mask = np.zeros(small.shape[:2], np.uint8)
    strip = np.array([a, b, b + 0.85 * (nb - b), a + 0.85 * (na - a)])  # not the outer edge
    cv2.fillConvexPoly(mask, np.round(strip).astype(np.int32), 255)
    pixels = small[mask > 0].astype(np.float32)
    if len(pixels) < 50:
        return False
    median = np.median(pixels, axis=0)
    near = np.abs(pixels - median).max(axis=1) < 30
    return float(near.mean()) >= _PAINT_SHARE
