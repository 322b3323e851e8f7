"""Drawing a page of cards: the scanner's lid, a table cloth, shadows, light, one card pasted."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from tools.gencards.photo import smooth_noise

Image8 = npt.NDArray[np.uint8]
Field = npt.NDArray[np.float32]
Matrix = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Shadow:
    offset: tuple[float, float]  # fraction of the card's size (table) or pixels (scanner)
    softness: float  # blur sigma: fraction of the card's size, or pixels
    strength: float  # 0..1 darkening
    relative: bool  # True: offset and softness scale with the card (a lamp above a table)


def shadow_style(rng: random.Random, kind: str) -> Shadow:
    """One light for the whole page: every card's shadow falls the same way."""
    if kind == "scanner":  # the lamp lights the card's edge from the side: a thin grey line
        return Shadow(
            (rng.uniform(-1.5, 1.5), rng.uniform(0.5, 2.0)), rng.uniform(1.0, 2.0),
            rng.uniform(0.25, 0.5), relative=False,
        )  # fmt: skip
    return Shadow(
        (rng.uniform(-0.03, 0.03), rng.uniform(0.005, 0.035)), rng.uniform(0.01, 0.03),
        rng.uniform(0.15, 0.5), relative=True,
    )  # fmt: skip


def paste(
    img: Field, flat: Image8, to_page: Matrix, shadow: Shadow, gen: np.random.Generator
) -> npt.NDArray[np.float32]:
    """Draw the card's shadow and then the card onto ``img``; returns its corners (TL first)."""
    ph, pw = img.shape[:2]
    h, w = flat.shape[:2]
    corners_flat = np.array([[[0, 0], [w, 0], [w, h], [0, h]]], np.float64)
    corners = cv2.perspectiveTransform(corners_flat, to_page).reshape(4, 2).astype(np.float32)
    span = float(np.linalg.norm(corners[1] - corners[0]))
    shrink = span / w
    card, matrix = flat, to_page
    if shrink < 1:  # downscale first with area averaging: a warp alone would alias the text
        size = (max(2, round(w * shrink)), max(2, round(h * shrink)))
        card = np.asarray(cv2.resize(flat, size, interpolation=cv2.INTER_AREA), np.uint8)
        matrix = to_page @ np.diag([w / size[0], h / size[1], 1.0])
    dx, dy = shadow.offset
    sigma = shadow.softness
    if shadow.relative:
        dx, dy, sigma = dx * span, dy * span, sigma * span
    reach = abs(dx) + abs(dy) + 3 * sigma + 4
    x0, y0 = (max(0, int(v - reach)) for v in corners.min(axis=0))
    x1 = min(pw, int(corners[:, 0].max() + reach) + 1)
    y1 = min(ph, int(corners[:, 1].max() + reach) + 1)
    roi = np.array([[1, 0, -x0], [0, 1, -y0], [0, 0, 1]], np.float64) @ matrix
    size = (x1 - x0, y1 - y0)
    paper = card.astype(np.float32) + gen.standard_normal(card.shape, dtype=np.float32) * 1.5
    layer = cv2.warpPerspective(paper, roi, size, flags=cv2.INTER_LINEAR)
    ones = np.ones(card.shape[:2], np.float32)
    alpha = cv2.warpPerspective(ones, roi, size, flags=cv2.INTER_LINEAR)
    moved = cv2.warpAffine(alpha, np.array([[1, 0, dx], [0, 1, dy]], np.float32), size)
    dark = cv2.GaussianBlur(moved, (0, 0), max(0.5, sigma))
    region = img[y0:y1, x0:x1]
    region *= (1 - shadow.strength * dark)[..., None]
    region[:] = region * (1 - alpha[..., None]) + layer * alpha[..., None]
    return corners


def lid_surface(h: int, w: int, rng: random.Random, gen: np.random.Generator) -> Field:
    """A flatbed's white lid: nearly even, a faint tint."""
    level = rng.uniform(232, 250)
    cast = np.array([rng.uniform(0.97, 1.02), 1.0, rng.uniform(0.97, 1.02)], np.float32)
    tone = 1 + 0.01 * smooth_noise(gen, h, w, (4, 3))
    return np.asarray((tone * level)[..., None] * cast, np.float32)


def cloth_surface(h: int, w: int, rng: random.Random, gen: np.random.Generator) -> Field:
    """A woven table cloth: a coloured weave with soft folds."""
    base = np.array([rng.uniform(40, 200) for _ in range(3)], np.float32)
    period = rng.uniform(4.0, 9.0)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    weave = np.sin(2 * np.pi * xx / period) * np.sin(2 * np.pi * yy / period)
    folds = smooth_noise(gen, h, w, (3, 4))
    tone = 1 + rng.uniform(0.04, 0.1) * weave + 0.1 * folds
    return np.asarray(tone[..., None] * base, np.float32)


def light_field(rng: random.Random, h: int, w: int, light: str, brightness: float) -> Field:
    """Multiplicative light: an even level, a gradient across the table, a vignette."""
    sh, sw = max(2, h // 8), max(2, w // 8)
    yy, xx = np.mgrid[0:sh, 0:sw].astype(np.float32)
    field = np.full((sh, sw), brightness, np.float32)
    if light in ("gradient", "dim"):
        a = rng.uniform(0, 2 * math.pi)
        ramp = ((xx - sw / 2) * math.cos(a) + (yy - sh / 2) * math.sin(a)) / math.hypot(sw, sh)
        field *= 1 + rng.uniform(0.2, 0.5) * ramp
    r2 = ((xx - sw / 2) / (sw / 2)) ** 2 + ((yy - sh / 2) / (sh / 2)) ** 2
    field *= 1 - rng.uniform(0.02, 0.2) * r2 / 2
    return np.asarray(cv2.resize(field, (w, h), interpolation=cv2.INTER_LINEAR), np.float32)
