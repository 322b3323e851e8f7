"""Text geometry of a flattened card: which way the lines run, their tilt, which side is up."""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

import cv2
import numpy as np

log = logging.getLogger(__name__)

#: Fewer character-like blobs than this say nothing reliable about direction or tilt.
MIN_COMPONENTS = 12

#: One direction must win by this factor over the other to be believed. On 30 real cards
#: the horizontal/vertical ratio was 4 or more, except 1.3 on a half-Japanese card.
_DIRECTION_MARGIN = 1.25


@dataclass(frozen=True)
class TextGeometry:
    """Which way the text lines run, how much they are tilted and which side is up."""

    vertical: bool | None  # True: lines run up/down (card lies sideways); None: unsure
    skew: float  # degrees, positive = lines rise to the right; rotate by -skew to level
    components: int  # character-like blobs measured
    horizontal_pairs: int  # neighbouring letters side by side
    vertical_pairs: int  # neighbouring letters one above the other
    same_bottom: int  # side-by-side letters sharing their bottom edge only (upright sign)
    same_top: int  # ... sharing their top edge only (upside-down sign)

    @property
    def direction_margin(self) -> float:
        """How many times more letter pairs lie along the lines than across them."""
        more = max(self.horizontal_pairs, self.vertical_pairs)
        return more / max(1, min(self.horizontal_pairs, self.vertical_pairs))

    @property
    def upside_down_score(self) -> float:
        """-1 (surely upright) .. 1 (surely upside down); 0 without evidence."""
        pairs = self.same_top + self.same_bottom
        return (self.same_top - self.same_bottom) / pairs if pairs else 0.0


def text_mask(normalised: np.ndarray) -> np.ndarray:
    """Binary mask (255 = ink) of a normalised card."""
    _, mask = cv2.threshold(normalised, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return mask


@dataclass(frozen=True)
class TextBlobs:
    """Ink blobs of a card: single strokes/letters, and glyphs (nearby strokes merged)."""

    letters: np.ndarray  # x, y, w, h (int32, N x 4)
    glyphs: np.ndarray  # the same after a small dilation: a CJK character's radicals joined
    width: int  # of the image measured
    height: int

    def rotated_clockwise(self) -> TextBlobs:
        """The same blobs in the image turned by cv2.ROTATE_90_CLOCKWISE."""
        return TextBlobs(
            _rotate_boxes(self.letters, self.height),
            _rotate_boxes(self.glyphs, self.height),
            self.height,
            self.width,
        )


def text_blobs(normalised: np.ndarray) -> TextBlobs:
    """Character-like blobs of a normalised card (best at about 800 px on the long side)."""
    mask = text_mask(normalised)
    letters = _character_boxes(mask)
    glyphs = _character_boxes(cv2.dilate(mask, np.ones((2, 2), np.uint8)))
    return TextBlobs(letters, glyphs, normalised.shape[1], normalised.shape[0])


def _character_boxes(mask: np.ndarray, limit: int = 1500) -> np.ndarray:
    """x, y, w, h (int32, N x 4) of the ink blobs that could be characters."""
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    stats = stats[1:count]
    short = min(mask.shape)
    w, h, area = stats[:, 2], stats[:, 3], stats[:, 4]
    longest = np.maximum(w, h)
    keep = (
        (longest >= max(4, 0.006 * short))  # specks, dust, JPEG noise
        & (longest <= 0.12 * short)  # logos, frames, photos
        & (np.minimum(w, h) * 8 >= longest)  # rules and underlines
        & (area >= 0.1 * w * h)  # sparse diagonal noise
    )
    boxes = stats[keep, :4].astype(np.int32)
    if len(boxes) > limit:  # nearest neighbours are quadratic: sample evenly
        boxes = boxes[np.linspace(0, len(boxes) - 1, limit).astype(int)]
    return boxes


def _rotate_boxes(boxes: np.ndarray, height: int) -> np.ndarray:
    x, y, w, h = boxes.T
    return np.stack([height - y - h, x, h, w], axis=1).astype(np.int32).reshape(-1, 4)


def text_geometry(blobs: TextBlobs, max_skew: float = 10.0) -> TextGeometry:
    """Direction, tilt and upside-down evidence from a card's ink blobs.

    Direction: a character's nearest neighbour of similar size lies along its line (about
    half an em away) rather than in the next line (well over an em). Letters and merged
    glyphs vote together: the strokes of a CJK character stack vertically inside it,
    while merged glyphs lose the letters of tightly set Latin words. Tilt: the angle at
    which the letters' bottoms line up best. Upside down: letters next to each other
    share their baseline far more often than their tops (b d f h k l t and capitals rise
    above the x-height; only g j p q y drop below the baseline).
    """
    boxes = blobs.letters
    if len(boxes) < MIN_COMPONENTS:
        return TextGeometry(None, 0.0, len(boxes), 0, 0, 0, 0)
    first, second, horizontal, vertical = _pair_directions(boxes)
    _, _, glyph_h, glyph_v = _pair_directions(blobs.glyphs)
    h_pairs = int(horizontal.sum()) + int(glyph_h.sum())
    v_pairs = int(vertical.sum()) + int(glyph_v.sum())

    decided: bool | None = None
    if h_pairs + v_pairs >= MIN_COMPONENTS // 2:
        if h_pairs >= _DIRECTION_MARGIN * v_pairs:
            decided = False
        elif v_pairs >= _DIRECTION_MARGIN * h_pairs:
            decided = True
    skew = _skew(boxes, max_skew) if decided is False else 0.0

    same_bottom = same_top = 0
    if decided is False:
        a, b = boxes[first[horizontal]], boxes[second[horizontal]]
        # Level the tilt first: y + x * tan(skew) is constant along a line.
        slope = math.tan(math.radians(skew))
        top_a = a[:, 1] + (a[:, 0] + a[:, 2] / 2.0) * slope
        top_b = b[:, 1] + (b[:, 0] + b[:, 2] / 2.0) * slope
        bottom_a, bottom_b = top_a + a[:, 3], top_b + b[:, 3]
        smaller = np.minimum(a[:, 3], b[:, 3]).astype(np.float32)
        tolerance = np.maximum(1.5, 0.08 * smaller)
        differs = 0.2 * smaller
        d_top, d_bottom = np.abs(top_a - top_b), np.abs(bottom_a - bottom_b)
        same_bottom = int(((d_bottom <= tolerance) & (d_top > differs)).sum())
        same_top = int(((d_top <= tolerance) & (d_bottom > differs)).sum())
    log.debug(
        "text: %d blobs, %d side-by-side and %d stacked pairs, skew %.2f, tops %d bottoms %d",
        len(boxes), h_pairs, v_pairs, skew, same_top, same_bottom,
    )  # fmt: skip
    return TextGeometry(decided, skew, len(boxes), h_pairs, v_pairs, same_bottom, same_top)


def _pair_directions(
    boxes: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Nearest-neighbour pairs, and which of them lie side by side / one above the other."""
    if len(boxes) < 2:
        none = np.zeros(0, np.intp)
        return none, none, none.astype(bool), none.astype(bool)
    first, second = _nearest_pairs(boxes)
    centres = boxes[:, :2] + boxes[:, 2:4] / 2.0
    vectors = centres[second] - centres[first]
    angles = np.degrees(np.arctan2(vectors[:, 1], vectors[:, 0]))
    angles = (angles + 90.0) % 180.0 - 90.0  # fold to -90..90; 0 = horizontal
    return first, second, np.abs(angles) < 30, np.abs(angles) > 60


def _skew(boxes: np.ndarray, limit: float = 10.0) -> float:
    """Tilt of the text lines in degrees (positive: rising to the right).

    The letters' bottom centres are projected onto the vertical axis at each candidate
    angle; at the true angle those of one line fall into the same bin, so the histogram
    is sharpest (sum of squared counts is largest). Coarse 0.5 degree steps, then 0.1.
    """
    x = (boxes[:, 0] + boxes[:, 2] / 2.0).astype(np.float64)
    y = (boxes[:, 1] + boxes[:, 3]).astype(np.float64)
    x -= x.mean()

    def sharpness(angles: np.ndarray) -> np.ndarray:
        rad = np.radians(angles)[:, None]
        # Rotating the points by +angle levels lines that rise by angle (y points down).
        projected = np.round(y[None, :] * np.cos(rad) + x[None, :] * np.sin(rad)).astype(np.int64)
        projected -= projected.min(axis=1, keepdims=True)
        width = int(projected.max()) + 1
        offsets = (np.arange(len(angles)) * width)[:, None]
        counts = np.bincount((projected + offsets).ravel(), minlength=len(angles) * width)
        return (counts.reshape(len(angles), width).astype(np.float64) ** 2).sum(axis=1)

    coarse = np.arange(-limit, limit + 0.01, 0.5)
    best = float(coarse[int(np.argmax(sharpness(coarse)))])
    fine = np.arange(best - 0.5, best + 0.51, 0.1)
    scores = sharpness(fine)
    if scores.max() <= sharpness(np.array([0.0]))[0] * 1.05:
        return 0.0  # no clearly better angle than level
    return float(fine[int(np.argmax(scores))])


def _nearest_pairs(boxes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (i, j): j is i's nearest neighbour of similar size, if close; each pair once."""
    centres = boxes[:, :2] + boxes[:, 2:4] / 2.0
    size = np.maximum(boxes[:, 2], boxes[:, 3]).astype(np.float32)
    diff = centres[None, :, :] - centres[:, None, :]
    dist = np.hypot(diff[..., 0], diff[..., 1])
    np.fill_diagonal(dist, np.inf)
    ratio = size[None, :] / size[:, None]
    dist[(ratio < 0.5) | (ratio > 2.0)] = np.inf  # a letter and a dot are not neighbours
    nearest = np.argmin(dist, axis=1)
    rows = np.arange(len(boxes))
    close = dist[rows, nearest] < 2.5 * size
    first, second = rows[close], nearest[close]
    unique = np.unique(np.stack([np.minimum(first, second), np.maximum(first, second)], 1), axis=0)
    return unique[:, 0], unique[:, 1]


def rotation_matrix(angle: float, width: int, height: int) -> tuple[np.ndarray, tuple[int, int]]:
    """3x3 rotation by ``angle`` degrees (counter-clockwise) about the centre, on a canvas
    grown to keep every corner; returns the matrix and the new (width, height)."""
    rad = math.radians(angle)
    cos, sin = abs(math.cos(rad)), abs(math.sin(rad))
    new_w = round(width * cos + height * sin)
    new_h = round(width * sin + height * cos)
    matrix = cv2.getRotationMatrix2D(((width - 1) / 2.0, (height - 1) / 2.0), angle, 1.0)
    matrix[0, 2] += (new_w - width) / 2.0
    matrix[1, 2] += (new_h - height) / 2.0
    return np.vstack([matrix, [0.0, 0.0, 1.0]]), (new_w, new_h)
