"""Find every card in a picture of several: cards laid out on a table, a flatbed scan page.

The finder only splits a picture when it finds at least two card-shaped regions that each
hold text; anything else (one card, clutter, a blank page) is left to the one-card path
(``detect.find_card`` on the whole picture), so that a photo of one card reads as before.
Each card found is then cut out with its neighbours painted over in the desk's colour
(cutout.cut_card) and read like a photo of one card.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

import cv2
import numpy as np

from cardscan.imaging.detect import desk_masks
from cardscan.imaging.geometry import ASPECT_RANGE, order_corners
from cardscan.imaging.outline import extend_to_band
from cardscan.imaging.seams import ACROSS, PRINTED_GROUND, ground_ink, text_across
from cardscan.imaging.textfit import missed_cards

log = logging.getLogger(__name__)

#: Pictures are searched on a copy at most this long (px), made smaller by a whole factor
#: (INTER_AREA's fast path): an A4 scan at 300 dpi and a 12 MP photo by 3 (1169 and 1333
#: px: a card of ten is still 280 px wide), a 1600 px photo by 2.
FIND_LONG_SIDE = 1400

#: Smallest card, as a share of the picture: ten cards on an A4 scan cover 7.5 % each, ten
#: on a table photo 3-5 %; a fifth of that allows for a wide shot.
MIN_CARD_AREA = 0.008

#: Intersection over union of a region and its four corners: cards 0.93-0.99 (less for a
#: coarse mask at this size); a blob of clutter rarely above 0.85.
MIN_FILL = 0.88

#: Regions that overlap this much (intersection over union) are one card found twice.
SAME_CARD = 0.6

#: A region is split into the card-shaped regions inside it when they cover this share of
#: it: two touching cards make one rectangle (85 x 110 mm, card-shaped too), but a card's
#: own boxes (a portrait, a coloured panel) cover far less of it and are never two cards.
SPLIT_COVER = 0.75

#: A region at least this many times larger than each of two or more regions inside it is
#: what they lie on (a sheet of paper, a patch of the table), not a card.
HOLDER = 2.2

#: Area of a region that holds two cards, in units of the one card outlined inside it.
TWO_CARDS = (1.6, 2.6)

#: The cards of one picture are of one size (a few formats, some perspective): a region more
#: than this factor larger or smaller than the median is clutter, a union, or a logo.
SIZE_SPREAD = 1.8

#: Share of edge pixels inside a card (its text): generated cards 0.03-0.15 at this size;
#: a coloured box on a busy desk or a sheet of paper 0.00-0.01.
MIN_TEXT = 0.015

#: Fewer edge pixels than this share: a blank page (the empty back of a duplex scan).
BLANK_EDGES = 0.0005


@dataclass(frozen=True)
class CardRegion:
    """Where one card lies in the picture: a rough outline TL, TR, BR, BL (picture pixels)."""

    quad: np.ndarray

    def __post_init__(self) -> None:
        if np.shape(self.quad) != (4, 2):
            raise ValueError("CardRegion.quad must be 4 x 2 corner coordinates")

    @property
    def size(self) -> float:
        """Long side of the card (px)."""
        return max(_sides(self.quad))


@dataclass(frozen=True)
class PageLayout:
    """The cards found in one picture, in reading order (top to bottom, left to right)."""

    regions: tuple[CardRegion, ...]
    blank: bool = False  # nothing at all on it: an empty page of a scan

    @property
    def several(self) -> bool:
        """True when the picture is to be read card by card."""
        return len(self.regions) >= 2


@dataclass(frozen=True)
class _Candidate:
    quad: np.ndarray  # in the small picture
    area: float  # share of the picture
    fill: float
    source: str


def find_cards(image: np.ndarray) -> PageLayout:
    """The cards in a BGR picture. With fewer than two, a photo is read as one card as
    before; a scanned page is cut to its one card (PDF pages: see sheets.read_sheet)."""
    height, width = image.shape[:2]
    factor = max(1, math.ceil(max(height, width) / FIND_LONG_SIDE))
    small = image
    if factor > 1:
        small = cv2.resize(image, (width // factor, height // factor), interpolation=cv2.INTER_AREA)
    grey = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
    blurred = cv2.GaussianBlur(grey, (5, 5), 0)
    edges = cv2.Canny(blurred, 40, 120)
    if cv2.countNonZero(edges) < BLANK_EDGES * edges.size:
        soft = cv2.Canny(blurred, 15, 45)
        if cv2.countNonZero(soft) < BLANK_EDGES * edges.size:
            log.debug("blank picture: no edges at all")
            return PageLayout((), blank=True)
    # The faintest edges: a white card on a scanner's white lid shows only a thin line of
    # shadow along its edge.
    fine = cv2.Canny(cv2.GaussianBlur(grey, (3, 3), 0), 8, 24)
    candidates = _candidates(small, blurred, edges, fine)
    cards = _choose(candidates, edges)
    cards = [c for c in cards if _text_share(c.quad, edges) >= MIN_TEXT]
    cards = _same_size(_grown_to_bands(cards, small))
    pixels = float(small.shape[0] * small.shape[1])
    for quad in missed_cards([c.quad for c in cards], edges, fine):
        cards.append(_Candidate(quad, _area(quad) / pixels, 1.0, "text"))
    if len(cards) >= 2 and ground_ink([c.quad for c in cards], edges) >= PRINTED_GROUND:
        # Text all around the "cards": boxes printed on a card that fills the picture (its
        # outline, at the picture's frame, is no candidate). Read whole, as one card.
        log.debug("%d boxes on a printed ground: one card", len(cards))
        cards = []
    if not cards:
        log.debug("no card among %d candidate regions", len(candidates))
        return PageLayout(())
    quads = [((c.quad + 0.5) * factor - 0.5).astype(np.float32) for c in cards]
    ordered = tuple(CardRegion(quads[i]) for i in reading_order(quads))
    log.debug("%d card(s) found among %d candidate regions", len(ordered), len(candidates))
    return PageLayout(ordered)


def reading_order(quads: list[np.ndarray]) -> list[int]:
    """Indices of the quads top to bottom, then left to right within a row.

    A card belongs to the row above when its centre lies within half a card's height of
    that row's centre line (cards on a table are not in exact rows).
    """
    centres = [q.mean(axis=0) for q in quads]
    heights = [float(np.ptp(q[:, 1])) for q in quads]
    rows: list[list[int]] = []
    for i in sorted(range(len(quads)), key=lambda i: centres[i][1]):
        if rows:
            row = rows[-1]
            line = float(np.mean([centres[j][1] for j in row]))
            tall = float(np.mean([heights[j] for j in row]))
            if abs(centres[i][1] - line) < 0.5 * min(tall, heights[i]):
                row.append(i)
                continue
        rows.append([i])
    return [i for row in rows for i in sorted(row, key=lambda i: centres[i][0])]


def _candidates(
    small: np.ndarray, blurred: np.ndarray, edges: np.ndarray, fine: np.ndarray
) -> list[_Candidate]:
    """Card-shaped regions in several binary guesses of "card pixels" (as detect does)."""
    height, width = edges.shape
    k = max(3, round(min(height, width) * 0.006)) | 1  # finer than one card's: cards lie close
    masks: dict[str, tuple[np.ndarray, int]] = {
        name: (mask, cv2.RETR_EXTERNAL) for name, mask in desk_masks(small, k).items()
    }
    # The edges between two touching cards split them where the desk masks join them:
    # the insides of closed edge loops are candidates too.
    square = cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3))
    masks["edges"] = (cv2.dilate(edges, square), cv2.RETR_CCOMP)
    soft = cv2.Canny(blurred, 15, 45)
    masks["soft-edges"] = (cv2.dilate(soft, square), cv2.RETR_CCOMP)
    masks["fine-edges"] = (cv2.dilate(fine, square), cv2.RETR_CCOMP)
    found = []
    for source, (mask, mode) in masks.items():
        contours, _ = cv2.findContours(mask, mode, cv2.CHAIN_APPROX_SIMPLE)
        for contour in contours:
            candidate = _candidate(contour, width, height, source)
            if candidate is not None:
                found.append(candidate)
    return found


def _candidate(contour: np.ndarray, width: int, height: int, source: str) -> _Candidate | None:
    _, _, box_w, box_h = cv2.boundingRect(contour)
    if box_w * box_h < MIN_CARD_AREA * width * height:
        return None  # most contours are letters: skip them before the costlier steps
    hull = cv2.convexHull(contour)
    hull_area = float(cv2.contourArea(hull))
    if hull_area < MIN_CARD_AREA * width * height:
        return None
    perimeter = cv2.arcLength(hull, True)
    quad = None
    for fraction in (0.02, 0.04, 0.06):
        poly = cv2.approxPolyDP(hull, fraction * perimeter, True)
        if len(poly) == 4 and cv2.isContourConvex(poly):
            quad = order_corners(poly)
            break
    if quad is None:
        quad = order_corners(cv2.boxPoints(cv2.minAreaRect(hull)))
    quad_area = abs(float(cv2.contourArea(quad)))
    if quad_area > 0.985 * width * height:
        return None  # the picture's own frame
    overlap, _ = cv2.intersectConvexConvex(hull.reshape(-1, 2).astype(np.float32), quad)
    fill = float(overlap) / max(hull_area + quad_area - float(overlap), 1.0)
    if fill < MIN_FILL or not _card_shaped(quad):
        return None
    margin = 0.004 * max(width, height)
    at_border = (quad[:, 0] < margin) | (quad[:, 0] > width - 1 - margin)
    at_border |= (quad[:, 1] < margin) | (quad[:, 1] > height - 1 - margin)
    if np.count_nonzero(at_border) >= 2:
        return None  # a side along the picture's frame: the desk beyond a region, or half a card
    return _Candidate(quad, quad_area / (width * height), fill, source)


def _card_shaped(quad: np.ndarray) -> bool:
    """Four nearly right angles and a card's proportions (a little perspective allowed)."""
    sides = _sides(quad)
    if min(sides) < 8:
        return False
    for i in range(4):
        u, v = quad[i - 1] - quad[i], quad[(i + 1) % 4] - quad[i]
        if abs(float(u @ v)) / (np.hypot(*u) * np.hypot(*v)) > 0.26:  # outside 75-105 degrees
            return False
    aspect = (sides[0] + sides[2]) / (sides[1] + sides[3])
    aspect = max(aspect, 1 / aspect)
    return ASPECT_RANGE[0] <= aspect <= ASPECT_RANGE[1]


def _overlap(a: np.ndarray, b: np.ndarray) -> float:
    """Area of the intersection of two convex quads."""
    area, _ = cv2.intersectConvexConvex(a.astype(np.float32), b.astype(np.float32))
    return float(area)


def _area(quad: np.ndarray) -> float:
    return abs(float(cv2.contourArea(quad.astype(np.float32))))


def _choose(candidates: list[_Candidate], edges: np.ndarray) -> list[_Candidate]:
    """One region per card: duplicates merged, unions of touching cards split."""
    unique: list[_Candidate] = []
    for c in sorted(candidates, key=lambda c: c.fill, reverse=True):
        if all(_iou(c.quad, u.quad) < SAME_CARD for u in unique):
            unique.append(c)
    chosen: list[_Candidate] = []
    for c in sorted(unique, key=lambda c: c.area, reverse=True):
        if any(_inside(c.quad, other.quad) for other in unique if other.area > c.area):
            continue  # considered as a part of the larger region
        for card in _split(c, unique, edges):
            if all(_apart(card.quad, k.quad) for k in chosen):
                chosen.append(card)
    return chosen


def _apart(a: np.ndarray, b: np.ndarray) -> bool:
    """Do two quads overlap by less than a fifth of the smaller (touching cards: ~0)?"""
    return _overlap(a, b) < 0.2 * min(_area(a), _area(b))


def _split(region: _Candidate, unique: list[_Candidate], edges: np.ndarray) -> list[_Candidate]:
    """The region itself, or the cards inside it when they cover most of it."""
    inner = [
        c
        for c in unique
        if c is not region and c.area < 0.8 * region.area and _inside(c.quad, region.quad)
    ]
    parts: list[_Candidate] = []
    for c in sorted(inner, key=lambda c: c.area, reverse=True):
        if any(_inside(c.quad, p.quad) for p in parts):
            continue
        for card in _split(c, inner, edges):
            if all(_apart(card.quad, p.quad) for p in parts):
                parts.append(card)
    if len(parts) == 1:
        rest = _remainder(region, parts[0], edges)
        return [region] if rest is None else [parts[0], rest]
    if not parts:
        return [region]
    covered = sum(p.area for p in parts)
    # Several cards inside a region far larger than any of them: the region is a sheet of
    # paper or a patch of the table that holds them, not a card.
    holder = region.area >= HOLDER * max(p.area for p in parts)
    if not (covered >= SPLIT_COVER * region.area or holder):
        return [region]
    if any(_crossed(part, region, edges) for part in parts):
        return [region]  # lines of text run from one part into the next: one card
    return parts


def _crossed(part: _Candidate, region: _Candidate, edges: np.ndarray) -> bool:
    """Does text run across a side of the part that lies inside the region (where a card
    touching it would be)? A shadow's edge across one card cuts it into card-shaped parts."""
    outline = region.quad.reshape(-1, 1, 2).astype(np.float32)
    inside = 0.02 * max(_sides(region.quad))
    for i in range(4):
        a, b = part.quad[i], part.quad[(i + 1) % 4]
        middle = (a + b) / 2
        depth = cv2.pointPolygonTest(outline, (float(middle[0]), float(middle[1])), True)
        if depth > inside and text_across(a, b, edges) >= ACROSS:
            return True
    return False


def _sides(quad: np.ndarray) -> list[float]:
    return [float(np.hypot(*(quad[(i + 1) % 4] - quad[i]))) for i in range(4)]


def _remainder(region: _Candidate, part: _Candidate, edges: np.ndarray) -> _Candidate | None:
    """The second card of a region that holds two touching cards of which only one was
    outlined (the line between two white cards on a white lid is faint): what is left of
    the region beside the card, when it is another card of about the same size."""
    if not TWO_CARDS[0] <= region.area / part.area <= TWO_CARDS[1]:
        return None
    outline = region.quad.reshape(-1, 1, 2).astype(np.float32)

    def depth(i: int) -> float:  # how far inside the region side i of the part lies
        middle = (part.quad[i] + part.quad[(i + 1) % 4]) / 2
        return float(cv2.pointPolygonTest(outline, (float(middle[0]), float(middle[1])), True))

    inner = max(range(4), key=depth)
    a, b = part.quad[inner], part.quad[(inner + 1) % 4]
    if text_across(a, b, edges) >= ACROSS:
        return None  # text runs across the line: a shadow's edge on one card
    centre = part.quad.mean(axis=0)
    far = sorted(region.quad, key=lambda p: -float(np.linalg.norm(p - centre)))[:2]
    quad = order_corners(np.array([a, b, *far], np.float32))
    area = _area(quad) * region.area / _area(region.quad)
    if not (_card_shaped(quad) and 1 / SIZE_SPREAD <= area / part.area <= SIZE_SPREAD):
        return None
    if _overlap(quad, part.quad) > 0.1 * _area(part.quad):
        return None
    return _Candidate(quad, area, region.fill, region.source + "-rest")


def _inside(inner: np.ndarray, outer: np.ndarray) -> bool:
    """Is nearly all of the quad ``inner`` within ``outer``?"""
    return _overlap(inner, outer) >= 0.9 * _area(inner)


def _iou(a: np.ndarray, b: np.ndarray) -> float:
    both = _overlap(a, b)
    return both / max(_area(a) + _area(b) - both, 1.0)


def _text_share(quad: np.ndarray, edges: np.ndarray) -> float:
    """Share of edge pixels inside the card, away from its border."""
    centre = quad.mean(axis=0)
    inner = centre + (quad - centre) * 0.85
    mask = np.zeros(edges.shape, np.uint8)
    cv2.fillConvexPoly(mask, np.round(inner).astype(np.int32), 255)
    inside = cv2.countNonZero(mask)
    return cv2.countNonZero(cv2.bitwise_and(edges, mask)) / max(inside, 1)


def _grown_to_bands(cards: list[_Candidate], small: np.ndarray) -> list[_Candidate]:
    """Each card whose outline is only its white panel grown to its coloured band (as the
    one-card path does), unless the band would reach into another card."""
    grown = []
    for card in cards:
        quad = extend_to_band(card.quad, small)
        others = [c.quad for c in cards if c is not card]
        if quad is not card.quad and all(_apart(quad, q) for q in others):
            scale = card.area / max(_area(card.quad), 1.0)
            card = _Candidate(quad, _area(quad) * scale, card.fill, card.source + "+band")
        grown.append(card)
    return grown


def _same_size(cards: list[_Candidate]) -> list[_Candidate]:
    """The cards whose size is within SIZE_SPREAD of the median card's."""
    if len(cards) < 2:
        return cards
    median = float(np.median([c.area for c in cards]))
    return [c for c in cards if 1 / SIZE_SPREAD <= c.area / median <= SIZE_SPREAD]
