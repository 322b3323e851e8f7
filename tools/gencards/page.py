"""Pages of several cards: cards laid out on a table and photographed, or a flatbed scan.

    page = make_page(3)                              # 2-10 cards, on a table or a scanner
    page = make_page(4, n_cards=1, kind="scanner")   # one card on an A4 scan at 300 dpi
    page.image, page.jpeg, page.cards[0].truth, page.cards[0].corners
    write_pdf([page, other], Path("scan.pdf"))       # what an office scanner writes

Card ``i`` of page ``seed`` is tools.gencards' card of seed ``seed * 100 + i`` (seeds whose
text the generator cannot lay out are skipped), so a benchmark can read the very same card
as a one-card photo with ``make_card(card.seed)``. Everything is drawn from the seed.
"""

from __future__ import annotations

import contextlib
import math
import random
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt
from PIL import Image

from cardscan.model import Contact
from tools.gencards import SyntheticCard, make_card
from tools.gencards.pagescene import (
    cloth_surface,
    lid_surface,
    light_field,
    paste,
    shadow_style,
)
from tools.gencards.photo import desk_surface
from tools.gencards.render import DoesNotFit
from tools.gencards.style import PX_PER_MM

Image8 = npt.NDArray[np.uint8]
Field = npt.NDArray[np.float32]
Matrix = npt.NDArray[np.float64]
MetaValue = str | int | float | bool

KINDS = ("table", "scanner")
#: Surfaces cards are laid out on: photo.py's desks, a table cloth, and the scanner's lid.
TABLE_BACKGROUNDS = ("wood", "cloth", "white", "grey", "dark")
LIGHTS = ("even", "gradient", "dim")

#: A phone's 12 MP photo (4000x3000), landscape or portrait.
TABLE_LONG_SIDE = 4000
#: An A4 page at 300 dpi, as office scanners write it (portrait).
A4_MM = (210.0, 297.0)
SCANNER_DPI = 300
#: Quarter turns of the cards on a page (0, 90, 180, 270): more varied than on one photo.
ROTATION_WEIGHTS = (0.6, 0.15, 0.1, 0.15)


@dataclass(frozen=True)
class PlacedCard:
    """One card on the page: what it says and where it lies."""

    seed: int  # make_card(seed) is the same card alone
    truth: Contact
    corners: npt.NDArray[np.float32]  # 4x2: the printed card's TL, TR, BR, BL in page pixels
    rotation: int  # quarter turns clockwise: 0, 90, 180 or 270
    tilt: float  # further degrees clockwise


@dataclass(frozen=True)
class SyntheticPage:
    """A photo or scan of several cards, with each card's truth and corners."""

    image: Image8  # BGR, decoded from ``jpeg``
    jpeg: bytes
    cards: tuple[PlacedCard, ...]
    meta: dict[str, MetaValue]


@dataclass(frozen=True)
class _Slot:
    card: SyntheticCard
    seed: int
    rotation: int
    tilt: float
    centre: tuple[float, float]  # mm on the table or the glass


def make_page(
    seed: int,
    *,
    n_cards: int | None = None,
    kind: str | None = None,
    background: str | None = None,
    touching: bool | None = None,
    light: str | None = None,
) -> SyntheticPage:
    """The page for ``seed``: 2-10 cards unless ``n_cards`` says, on a table or a scanner."""
    rng = random.Random(seed * 7907 + 11)
    gen = np.random.default_rng(seed + 90_001)
    kind = kind or rng.choices(KINDS, weights=(3, 2))[0]
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    n = n_cards if n_cards is not None else rng.randint(2, 10)
    if not 1 <= n <= 12:
        raise ValueError(f"n_cards must be 1-12, not {n}")
    drawn_bg = rng.choice(TABLE_BACKGROUNDS)
    bg = "lid" if kind == "scanner" else background or drawn_bg
    drawn_touch = rng.random() < 0.3
    touch = drawn_touch if touching is None else touching
    drawn_light = rng.choices(LIGHTS, weights=(3, 5, 2))[0]
    lt = "even" if kind == "scanner" else light or drawn_light
    cards = _cards(seed, n)
    if kind == "scanner":
        slots, size_mm = _scanner_layout(rng, cards, touch)
        px_per_mm = SCANNER_DPI / 25.4
    else:
        slots, size_mm = _table_layout(rng, cards, touch)
        px_per_mm = TABLE_LONG_SIDE / max(size_mm)
    pw, ph = round(size_mm[0] * px_per_mm), round(size_mm[1] * px_per_mm)
    keystone = rng.uniform(0.0, 0.06) if kind == "table" else 0.0
    scene = _scene_homography(rng, pw, ph, keystone)
    if bg == "lid":
        img = lid_surface(ph, pw, rng, gen)
    elif bg == "cloth":
        img = cloth_surface(ph, pw, rng, gen)
    else:
        img = desk_surface(bg, ph, pw, rng, gen)
    shadow = shadow_style(rng, kind)
    placed = []
    for slot in slots:
        to_page = scene @ _card_matrix(slot, px_per_mm)
        corners = paste(img, slot.card.flat, to_page, shadow, gen)
        placed.append(PlacedCard(slot.seed, slot.card.truth, corners, slot.rotation, slot.tilt))
    brightness = rng.uniform(0.7, 0.85) if lt == "dim" else rng.uniform(0.92, 1.05)
    img *= light_field(rng, ph, pw, lt, brightness)[..., None]
    img *= np.array([rng.uniform(0.95, 1.03), 1.0, rng.uniform(0.97, 1.05)], np.float32)
    blur = rng.uniform(0.5, 1.2) if kind == "table" else rng.uniform(0.4, 0.8)
    noise = rng.uniform(2.5, 5.0) if kind == "table" else rng.uniform(1.0, 2.0)
    quality = rng.randint(75, 92) if kind == "table" else rng.randint(85, 95)
    img = np.asarray(cv2.GaussianBlur(img, (0, 0), blur), np.float32)
    img += gen.standard_normal(size=(ph, pw, 1), dtype=np.float32) * noise
    out = np.clip(img, 0, 255).astype(np.uint8)
    ok, buf = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise RuntimeError("JPEG encoding failed")
    meta: dict[str, MetaValue] = {
        "seed": seed,
        "kind": kind,
        "cards": n,
        "background": bg,
        "touching": touch,
        "light": lt,
        "keystone": round(keystone, 3),
        "px_per_mm": round(px_per_mm, 2),
        "blur_sigma": round(blur, 2),
        "noise_sigma": round(noise, 2),
        "jpeg_quality": quality,
        "width": pw,
        "height": ph,
    }
    image = np.asarray(cv2.imdecode(buf, cv2.IMREAD_COLOR), dtype=np.uint8)
    return SyntheticPage(image, buf.tobytes(), tuple(placed), meta)


def write_pdf(pages: list[SyntheticPage], path: Path) -> Path:
    """The pages as one PDF of JPEG images at their resolution (300 dpi for scanner pages)."""
    if not pages:
        raise ValueError("a PDF needs at least one page")
    images = [Image.fromarray(np.ascontiguousarray(p.image[:, :, ::-1])) for p in pages]
    dpi = float(pages[0].meta["px_per_mm"]) * 25.4
    images[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return path


def _cards(seed: int, n: int) -> list[tuple[int, SyntheticCard]]:
    """The first n cards from the page's seeds that the generator can lay out."""
    out: list[tuple[int, SyntheticCard]] = []
    card_seed = seed * 100
    while len(out) < n:
        # Only the flat card and its truth are used: the tiny photo costs next to nothing.
        with contextlib.suppress(DoesNotFit):
            out.append((card_seed, make_card(card_seed, photo_size=(64, 64))))
        card_seed += 1
    return out


def _footprint(card: SyntheticCard, rotation: int, tilt: float) -> tuple[float, float]:
    """Width and height (mm) of the box around the card turned by rotation + tilt."""
    h, w = (v / PX_PER_MM for v in card.flat.shape[:2])
    if rotation in (90, 270):
        w, h = h, w
    t = math.radians(tilt)
    return abs(w * math.cos(t)) + abs(h * math.sin(t)), abs(w * math.sin(t)) + abs(h * math.cos(t))


def _turns(rng: random.Random, n: int) -> list[int]:
    return rng.choices((0, 90, 180, 270), weights=ROTATION_WEIGHTS, k=n)


def _lying(rng: random.Random, card: SyntheticCard) -> int:
    """A quarter turn that lays the card on its long side (portrait cards turned by 90)."""
    upright = card.flat.shape[1] >= card.flat.shape[0]
    return rng.choice((0, 180) if upright else (90, 270))


def _rows(boxes: list[tuple[float, float]], width: float, gap: float) -> list[list[int]] | None:
    """Shelf packing: card indices row by row, each row at most ``width`` mm wide."""
    rows: list[list[int]] = [[]]
    used = 0.0
    for i, (w, _) in enumerate(boxes):
        if w > width:
            return None
        if rows[-1] and used + gap + w > width:
            rows.append([])
            used = 0.0
        used += (gap if rows[-1] else 0.0) + w
        rows[-1].append(i)
    return rows


def _place_rows(
    rng: random.Random,
    cards: list[tuple[int, SyntheticCard]],
    turns: list[int],
    tilts: list[float],
    rows: list[list[int]],
    gap: float,
    origin: tuple[float, float],
    bounds: tuple[float, float] | None = None,
) -> tuple[list[_Slot], float, float]:
    """Slots row by row from ``origin``; each card jitters inside its share of the gap
    (and stays inside ``bounds``, the glass of a scanner, when given)."""
    boxes = [_footprint(c, r, t) for (_, c), r, t in zip(cards, turns, tilts, strict=True)]
    slots: list[_Slot] = []
    y = origin[1]
    width = 0.0
    for row in rows:
        row_h = max(boxes[i][1] for i in row)
        x = origin[0]
        for i in row:
            w, h = boxes[i]
            jx = rng.uniform(-0.4, 0.4) * gap
            jy = rng.uniform(-0.5, 0.5) * (row_h - h + 0.8 * gap)
            centre = (x + w / 2 + jx, y + row_h / 2 + jy)
            if bounds is not None:
                centre = (
                    min(max(centre[0], w / 2 + 1), bounds[0] - w / 2 - 1),
                    min(max(centre[1], h / 2 + 1), bounds[1] - h / 2 - 1),
                )
            seed, card = cards[i]
            slots.append(_Slot(card, seed, turns[i], tilts[i], centre))
            x += w + gap
        width = max(width, x - gap - origin[0])
        y += row_h + gap
    return slots, width, y - gap - origin[1]


def _table_layout(
    rng: random.Random, cards: list[tuple[int, SyntheticCard]], touching: bool
) -> tuple[list[_Slot], tuple[float, float]]:
    """Cards in rows on a table, and the table area (mm) the photo shows (4:3)."""
    n = len(cards)
    turns = _turns(rng, n)
    gap = 0.0 if touching else rng.uniform(6.0, 30.0)
    tilts = [rng.uniform(-0.5, 0.5) if touching else rng.uniform(-12, 12) for _ in range(n)]
    cols = max(1, math.ceil(math.sqrt(n * rng.uniform(0.9, 1.6))))
    boxes = [_footprint(c, r, t) for (_, c), r, t in zip(cards, turns, tilts, strict=True)]
    rows = [list(range(i, min(i + cols, n))) for i in range(0, n, cols)]
    content_w = max(sum(boxes[i][0] for i in row) + gap * (len(row) - 1) for row in rows)
    content_h = sum(max(boxes[i][1] for i in row) for row in rows) + gap * (len(rows) - 1)
    margin = rng.uniform(0.06, 0.2) * max(content_w, content_h) + 10.0
    w, h = content_w + 2 * margin, content_h + 2 * margin
    if w >= h:
        w, h = max(w, h * 4 / 3), max(h, w * 3 / 4)
    else:
        w, h = max(w, h * 3 / 4), max(h, w * 4 / 3)
    origin = (rng.uniform(margin * 0.5, w - content_w - margin * 0.5), 0.0)
    origin = (origin[0], rng.uniform(margin * 0.5, h - content_h - margin * 0.5))
    slots, _, _ = _place_rows(rng, cards, turns, tilts, rows, gap, origin)
    return slots, (w, h)


def _scanner_layout(
    rng: random.Random, cards: list[tuple[int, SyntheticCard]], touching: bool
) -> tuple[list[_Slot], tuple[float, float]]:
    """Cards on the glass of an A4 flatbed, pushed towards a corner as people do."""
    n = len(cards)
    page_w, page_h = A4_MM
    for attempt in range(40):
        # Ten cards fill the glass: later attempts keep every card the same way round.
        turns = _turns(rng, n) if attempt < 20 else [_lying(rng, c) for _, c in cards]
        gap = 0.0 if touching or attempt >= 30 else rng.uniform(3.0, 20.0)
        tilts = [rng.uniform(-0.5, 0.5) if gap < 3 else rng.uniform(-4, 4) for _ in range(n)]
        margin = rng.uniform(4.0, 20.0) if attempt < 30 else 3.0
        boxes = [_footprint(c, r, t) for (_, c), r, t in zip(cards, turns, tilts, strict=True)]
        rows = _rows(boxes, page_w - 2 * margin, gap)
        if rows is None:
            continue
        height = sum(max(boxes[i][1] for i in row) for row in rows) + gap * (len(rows) - 1)
        if height <= page_h - 2 * margin:
            origin = (margin, margin)
            slots, _, _ = _place_rows(rng, cards, turns, tilts, rows, gap, origin, A4_MM)
            return slots, A4_MM
    raise ValueError(f"{n} cards do not fit on an A4 scanner page")


def _scene_homography(rng: random.Random, pw: int, ph: int, keystone: float) -> Matrix:
    """Table plane -> photo: the far edge shorter (the phone held at a slant), a little askew."""
    src = np.array([[0, 0], [pw, 0], [pw, ph], [0, ph]], np.float32)
    dst = src.copy()
    far = rng.choice((0, 1, 2, 3))  # which edge is farther from the camera
    a, b = far, (far + 1) % 4
    centre = src.mean(axis=0)
    for i in (a, b):
        dst[i] = src[i] + (centre - src[i]) * keystone
    dst += np.array([[rng.uniform(-1, 1), rng.uniform(-1, 1)] for _ in range(4)], np.float32) * (
        0.01 * min(pw, ph) * (keystone > 0)
    )
    return np.asarray(cv2.getPerspectiveTransform(src, dst), np.float64)


def _card_matrix(slot: _Slot, px_per_mm: float) -> Matrix:
    """Flat card pixels -> table-plane pixels: centred, turned, scaled."""
    h, w = slot.card.flat.shape[:2]
    scale = px_per_mm / PX_PER_MM
    t = math.radians(slot.rotation + slot.tilt)
    cos, sin = math.cos(t), math.sin(t)
    cx, cy = slot.centre[0] * px_per_mm, slot.centre[1] * px_per_mm
    turn = np.array([[cos, -sin, cx], [sin, cos, cy], [0, 0, 1]], np.float64)
    centre = np.array([[scale, 0, -scale * w / 2], [0, scale, -scale * h / 2], [0, 0, 1]])
    return turn @ centre
