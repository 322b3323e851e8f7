"""Is a line between two card-shaped parts the seam of two touching cards, or a line across
one card (the edge of a shadow, a fold)? Are card-shaped boxes cards on a table, or boxes
printed on one card? Text tells: it runs across a line on one card, and lies all around
a card's own boxes."""

from __future__ import annotations

import cv2
import numpy as np

#: Share of places along a line between two cards where text lies close on both sides:
#: above this, it is a line across one card (0.25-0.67 on development photos of a card
#: half in shadow; 0.17 at most between touching cards).
ACROSS = 0.2


def text_across(a: np.ndarray, b: np.ndarray, edges: np.ndarray) -> float:
    """Share of places along the line a-b with text close by on both sides of it.

    Between two touching cards lie their blank margins, or a band printed along one card's
    edge; a line across one card (the edge of a shadow, a fold) has lines of text running
    over it, which leave edges on both sides at the same places.
    """
    along = b - a
    length = float(np.hypot(*along))
    normal = np.array([-along[1], along[0]], np.float32) / max(length, 1.0)
    offsets = np.arange(2.0, max(5.0, 0.03 * length), 1.0, dtype=np.float32)
    steps = np.linspace(0.1, 0.9, 48, dtype=np.float32)
    base = a + np.outer(steps, along)  # 48 x 2
    height, width = edges.shape
    sides = []
    for sign in (1.0, -1.0):
        where = base[:, None, :] + sign * offsets[None, :, None] * normal  # 48 x k x 2
        x = np.clip(np.round(where[..., 0]).astype(int), 0, width - 1)
        y = np.clip(np.round(where[..., 1]).astype(int), 0, height - 1)
        hit = edges[y, x] > 0
        # a bin of 4 samples along the line: does any edge lie within reach on this side?
        sides.append(hit.any(axis=1).reshape(12, 4).any(axis=1))
    return float(np.mean(sides[0] & sides[1]))


#: Width of the ground looked at beside each card, in units of the card's short side: wide
#: enough to reach the next letters of a logo or the text lines running past a box.
BESIDE = 0.5

#: Ink on the ground beside the cards, as a share of the ink inside them, from which the
#: "cards" are boxes printed on one card (product photos, a logo's letters, a frame around
#: two lines of the address): the card around them is printed too (0.40-0.87 on five real
#: one-card photos), while cards lie on a bare table or lid (0.09 at most on the 120 pages
#: of 2-10 cards of benchmarks.pages seeds 20 and 21, wood and cloth included).
PRINTED_GROUND = 0.2


def ground_ink(quads: list[np.ndarray], edges: np.ndarray) -> float:
    """Density of edges on the ground beside the cards over the density inside them.

    The ground is a band around each card, half a card wide, off every card (and off the
    card outlines themselves); the inside is each card without its border, as the text
    share of the page finder measures it.
    """
    cards = np.zeros(edges.shape, np.uint8)
    beside = np.zeros(edges.shape, np.uint8)
    inner = np.zeros(edges.shape, np.uint8)
    for quad in quads:
        short = min(float(np.hypot(*(quad[1] - quad[0]))), float(np.hypot(*(quad[2] - quad[1]))))
        cv2.fillConvexPoly(cards, _scaled(quad, 0.05 * short), 255)
        cv2.fillConvexPoly(beside, _scaled(quad, BESIDE * short), 255)
        centre = quad.mean(axis=0)
        cv2.fillConvexPoly(inner, np.round(centre + (quad - centre) * 0.85).astype(np.int32), 255)
    ground = cv2.bitwise_and(beside, cv2.bitwise_not(cards))

    def density(mask: np.ndarray) -> float:
        return cv2.countNonZero(cv2.bitwise_and(edges, mask)) / max(cv2.countNonZero(mask), 1)

    return density(ground) / max(density(inner), 1e-6)


def _scaled(quad: np.ndarray, by: float) -> np.ndarray:
    """The quad grown outwards by about ``by`` pixels (int corners for fillConvexPoly)."""
    centre = quad.mean(axis=0)
    radius = float(np.linalg.norm(quad - centre, axis=1).min())
    return np.round(centre + (quad - centre) * (1 + by / max(radius, 1.0))).astype(np.int32)
