"""Cards whose outline the page finder missed: a block of text outside every card found,
and a card of the others' size fitted around it along the faint lines of its edges.

A white card on a scanner's white lid, pressed against other white cards, shows its edges
only as a thin line of shadow, often broken: no closed outline, so no region. Its text is
plain to see, though. Used only on pictures where at least two cards were found (their
size is then known, and a photo of one card is never touched), and only on a quiet
background (a lid, a sheet of paper), where text outside the cards can only be a card.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import cv2
import numpy as np

log = logging.getLogger(__name__)

#: Share of edge pixels on the background outside the cards found and the blocks of text,
#: above which it is too busy to take text on it for a card (wood grain, a cloth).
QUIET = 0.002

#: A block of text smaller than this share of a card is a stray mark, not a card's text.
MIN_BLOCK = 0.05

#: Letters (connected edge blobs) a block needs to be a card's text.
MIN_LETTERS = 20

#: Share of a fitted card's outline that must run along an edge in the picture.
MIN_SUPPORT = 0.35


def missed_cards(cards: list[np.ndarray], edges: np.ndarray, fine: np.ndarray) -> list[np.ndarray]:
    """Quads (small-picture pixels) of cards with text but no outline, beside ``cards``.

    ``edges`` are the picture's text edges, ``fine`` its faintest edges (card outlines).
    """
    if len(cards) < 2:
        return []
    height, width = edges.shape
    sizes = np.array([_sides(q) for q in cards])
    card = (float(np.median(sizes[:, 0])), float(np.median(sizes[:, 1])))
    taken = np.zeros(edges.shape, np.uint8)
    for quad in cards:
        cv2.fillConvexPoly(taken, _grown(quad, 0.03 * card[0]), 255)
    free = cv2.bitwise_not(taken)
    outside = cv2.bitwise_and(edges, free)
    k = max(3, round(0.06 * card[1])) | 1
    closed = cv2.morphologyEx(outside, cv2.MORPH_CLOSE, np.ones((k, k), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(closed)
    boxes = [_Box(*(int(v) for v in stats[i][:4])) for i in range(1, count)]
    blocks = _group([b for b in boxes if b.w * b.h >= 0.002 * card[0] * card[1]], card)
    rest = free.copy()
    for block in blocks:
        rest[
            max(0, block.y - k) : block.y + block.h + k, max(0, block.x - k) : block.x + block.w + k
        ] = 0
    if cv2.countNonZero(cv2.bitwise_and(outside, rest)) > QUIET * max(cv2.countNonZero(rest), 1):
        return []  # edges all over the background: wood grain, a patterned cloth
    found: list[np.ndarray] = []
    for block in blocks:
        inked = cv2.countNonZero(closed[block.y : block.y + block.h, block.x : block.x + block.w])
        if inked < MIN_BLOCK * card[0] * card[1]:
            continue
        letters = (
            cv2.connectedComponents(
                outside[block.y : block.y + block.h, block.x : block.x + block.w]
            )[0]
            - 1
        )
        if letters < MIN_LETTERS:
            continue
        fitted = _fit(block, card, fine, [*cards, *found], (width, height))
        if fitted is not None:
            log.debug("a card without an outline fitted around text at %d,%d", block.x, block.y)
            found.append(fitted)
    return found


@dataclass(frozen=True)
class _Box:
    x: int
    y: int
    w: int
    h: int

    def union(self, other: _Box) -> _Box:
        x, y = min(self.x, other.x), min(self.y, other.y)
        right = max(self.x + self.w, other.x + other.w)
        bottom = max(self.y + self.h, other.y + other.h)
        return _Box(x, y, right - x, bottom - y)

    def gap(self, other: _Box) -> int:
        across = max(self.x, other.x) - min(self.x + self.w, other.x + other.w)
        down = max(self.y, other.y) - min(self.y + self.h, other.y + other.h)
        return max(0, across, down)


def _group(boxes: list[_Box], card: tuple[float, float]) -> list[_Box]:
    """Blocks of text joined, nearest first, while together they still fit on one card."""

    def fits(box: _Box) -> bool:
        long_side, short_side = card
        return (box.w <= 1.02 * long_side and box.h <= 1.02 * short_side) or (
            box.w <= 1.02 * short_side and box.h <= 1.02 * long_side
        )

    boxes = list(boxes)
    while True:
        pairs = [
            (a.gap(b), i, j)
            for i, a in enumerate(boxes)
            for j, b in enumerate(boxes)
            if i < j and a.gap(b) < 0.3 * card[1] and fits(a.union(b))
        ]
        if not pairs:
            return boxes
        _, i, j = min(pairs)
        joined = boxes[i].union(boxes[j])
        boxes = [b for k, b in enumerate(boxes) if k not in (i, j)] + [joined]


def _sides(quad: np.ndarray) -> tuple[float, float]:
    a = float(np.hypot(*(quad[1] - quad[0])) + np.hypot(*(quad[3] - quad[2]))) / 2
    b = float(np.hypot(*(quad[2] - quad[1])) + np.hypot(*(quad[0] - quad[3]))) / 2
    return max(a, b), min(a, b)


def _grown(quad: np.ndarray, by: float) -> np.ndarray:
    centre = quad.mean(axis=0)
    radius = float(np.linalg.norm(quad - centre, axis=1).min())
    return np.round(centre + (quad - centre) * (1 + by / max(radius, 1.0))).astype(np.int32)


def _fit(
    block: _Box,
    card: tuple[float, float],
    fine: np.ndarray,
    others: list[np.ndarray],
    size: tuple[int, int],
) -> np.ndarray | None:
    """The card-sized upright rectangle around the block whose outline runs best along the
    picture's edges, inside the picture and clear of the other cards; None if none fits."""
    x, y, w, h = block.x, block.y, block.w, block.h
    width, height = size
    support = cv2.dilate(fine, np.ones((3, 3), np.uint8)) > 0
    best: tuple[float, np.ndarray] | None = None
    for card_w, card_h in (card, card[::-1]):
        if w > card_w * 1.02 or h > card_h * 1.02:
            continue  # the text does not fit into a card lying this way
        step = max(1, round(card_h / 60))
        for left in np.arange(max(0.0, x + w - card_w), min(x, width - card_w) + 1, step):
            for top in np.arange(max(0.0, y + h - card_h), min(y, height - card_h) + 1, step):
                quad = np.array(
                    [[left, top], [left + card_w, top], [left + card_w, top + card_h],
                     [left, top + card_h]], np.float32,
                )  # fmt: skip
                score = _outline_support(quad, support)
                if best is not None and score <= best[0]:
                    continue
                if _overlaps(quad, others):
                    continue
                best = (score, quad)
    if best is None or best[0] < MIN_SUPPORT:
        return None
    return best[1]


def _outline_support(quad: np.ndarray, support: np.ndarray) -> float:
    """Share of points along the quad's sides that lie on an edge."""
    points = []
    for i in range(4):
        a, b = quad[i], quad[(i + 1) % 4]
        points.append(a + np.outer(np.linspace(0.05, 0.95, 40, dtype=np.float32), b - a))
    where = np.round(np.vstack(points)).astype(int)
    height, width = support.shape
    where[:, 0] = where[:, 0].clip(0, width - 1)
    where[:, 1] = where[:, 1].clip(0, height - 1)
    return float(support[where[:, 1], where[:, 0]].mean())


def _overlaps(quad: np.ndarray, others: list[np.ndarray]) -> bool:
    """Does the quad cover more than a sliver (4 %) of another card?"""
    area = abs(float(cv2.contourArea(quad)))
    for other in others:
        both, _ = cv2.intersectConvexConvex(quad, other.astype(np.float32))
        if float(both) > 0.04 * area:
            return True
    return False
