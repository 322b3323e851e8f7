"""Is a line between two card-shaped parts the seam of two touching cards, or a line across
one card (the edge of a shadow, a fold)? Text tells: it runs across a line on one card."""

from __future__ import annotations

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
