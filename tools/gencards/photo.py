"""Makes a flat card look like a phone photo: desk, perspective, shadow, light, blur, noise, JPEG."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, replace

import cv2
import numpy as np
import numpy.typing as npt

Image8 = npt.NDArray[np.uint8]
Field = npt.NDArray[np.float32]

BACKGROUNDS = ("grey", "wood", "white", "dark", "busy")
LIGHTS = ("even", "gradient", "strong")


@dataclass(frozen=True)
class Capture:
    """How the card was photographed (all of it goes into the card's meta)."""

    rotation: int  # 0/90/180/270: clockwise quarter turns of the card in the photo
    tilt: float  # further small rotation in degrees, positive = clockwise
    width_frac: float  # card's bounding-box width / photo width (before clamping)
    perspective: float  # corner jitter as a fraction of the card size
    keystone: float  # one edge shorter than the opposite one, fraction
    background: str
    light: str
    brightness: float
    shadow: float  # drop shadow darkness 0..1
    blur: float  # Gaussian sigma in photo pixels
    motion: int  # motion-blur length in px (0: none)
    noise: float  # sensor noise sigma (grey levels)
    jpeg_quality: int


def draw_capture(
    rng: random.Random,
    difficulty: str,
    *,
    rotation: int | None = None,
    light: str | None = None,
    background: str | None = None,
    width_frac: float | None = None,
) -> Capture:
    """Capture conditions for one photo, milder for "easy" and harsher for "hard".

    Every value is drawn (in a fixed order) before the forced ones replace theirs.
    """
    easy, hard = difficulty == "easy", difficulty == "hard"
    quarters = (
        (1.0, 0, 0, 0) if easy else (0.7, 0.1, 0.1, 0.1) if hard else (0.84, 0.06, 0.04, 0.06)
    )
    rot = rng.choices((0, 90, 180, 270), weights=quarters)[0]
    bg = rng.choices(BACKGROUNDS, weights=(4, 3, 0.5 if easy else 1.5, 1.5, 0 if easy else 1))[0]
    lt = rng.choices(LIGHTS, weights=(4, 5, 0) if easy else (2, 5, 3) if hard else (3, 6, 1.5))[0]
    lo, hi = (0.55, 0.8) if easy else (0.35, 0.6) if hard else (0.4, 0.8)
    cap = Capture(
        rotation=rot,
        tilt=rng.uniform(-5, 5) if easy else rng.uniform(-15, 15),
        width_frac=rng.uniform(lo, hi),
        perspective=rng.uniform(0.0, 0.015 if easy else 0.07 if hard else 0.04),
        keystone=rng.uniform(0.0, 0.03 if easy else 0.15 if hard else 0.08),
        background=bg,
        light=lt,
        brightness=rng.uniform(0.95, 1.05)
        if easy
        else rng.uniform(0.6, 0.9)
        if hard
        else rng.uniform(0.82, 1.05),
        shadow=rng.uniform(0.15, 0.5),
        blur=rng.uniform(0.3, 0.7)
        if easy
        else rng.uniform(0.8, 1.6)
        if hard
        else rng.uniform(0.5, 1.3),
        motion=rng.choice((0, 0, 0, 3, 5)) if hard else 0,
        noise=rng.uniform(1.5, 3) if easy else rng.uniform(4, 8) if hard else rng.uniform(2.5, 5),
        jpeg_quality=rng.randint(82, 92)
        if easy
        else rng.randint(60, 75)
        if hard
        else rng.randint(68, 90),
    )
    return replace(
        cap,
        rotation=cap.rotation if rotation is None else rotation,
        light=cap.light if light is None else light,
        background=cap.background if background is None else background,
        width_frac=cap.width_frac if width_frac is None else width_frac,
    )


def _f32(a: object) -> Field:
    return np.asarray(a, dtype=np.float32)


def smooth_noise(gen: np.random.Generator, h: int, w: int, cells: tuple[int, int]) -> Field:
    """Low-frequency noise in [-1, 1]: a coarse random grid resized up smoothly."""
    small = gen.uniform(-1, 1, size=cells).astype(np.float32)
    return np.asarray(cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC), dtype=np.float32)


def desk_surface(kind: str, h: int, w: int, rng: random.Random, gen: np.random.Generator) -> Field:
    """A desk surface, BGR float32 0..255."""
    if kind == "wood":
        base = np.array(
            [rng.uniform(50, 90), rng.uniform(85, 125), rng.uniform(125, 175)], np.float32
        )
        along = rng.random() < 0.5
        hh, ww = (w, h) if along else (h, w)
        streaks = smooth_noise(gen, hh, ww, (max(2, hh // 6), 6))
        warp = smooth_noise(gen, hh, ww, (4, 4)) * 40
        rows = np.arange(hh, dtype=np.float32)[:, None] + warp
        rings = np.sin(rows * rng.uniform(0.05, 0.12)) * 0.5 + 0.5
        tone = 0.82 + 0.12 * streaks + 0.08 * rings
        if along:
            tone = tone.T
        img = tone[..., None] * base
    elif kind == "busy":
        img = np.empty((h, w, 3), np.float32)
        img[:] = [rng.uniform(120, 200)] * 3
        canvas = img.astype(np.uint8)
        for _ in range(rng.randint(12, 30)):
            color = tuple(rng.randint(20, 235) for _ in range(3))
            x, y = rng.randint(0, w), rng.randint(0, h)
            shape = rng.choice(("rect", "circle", "line", "poly"))
            if shape == "rect":
                cv2.rectangle(
                    canvas, (x, y), (x + rng.randint(40, 500), y + rng.randint(40, 400)), color, -1
                )
            elif shape == "circle":
                cv2.circle(canvas, (x, y), rng.randint(15, 180), color, -1)
            elif shape == "line":
                cv2.line(
                    canvas,
                    (x, y),
                    (rng.randint(0, w), rng.randint(0, h)),
                    color,
                    rng.randint(2, 14),
                )
            else:
                pts = np.array([[rng.randint(0, w), rng.randint(0, h)] for _ in range(4)], np.int32)
                cv2.fillPoly(canvas, [pts], color)
        img = cv2.GaussianBlur(canvas, (0, 0), 1.5).astype(np.float32)
    else:
        level = {
            "grey": rng.uniform(105, 190),
            "white": rng.uniform(212, 240),
            "dark": rng.uniform(28, 70),
        }[kind]
        cast = np.array([rng.uniform(0.94, 1.06), 1.0, rng.uniform(0.94, 1.06)], np.float32)
        tone = 1 + 0.06 * smooth_noise(gen, h, w, (5, 7))
        img = (tone * level)[..., None] * cast
    grain = gen.standard_normal(size=(h, w, 1), dtype=np.float32) * 3.0
    return np.asarray(img + grain, dtype=np.float32)


def _card_corners(
    cap: Capture, cw: int, ch: int, pw: int, ph: int, rng: random.Random
) -> npt.NDArray[np.float32]:
    """Where the rotated card's TL, TR, BR, BL corners land in the photo."""
    t = math.radians(cap.tilt)
    cos, sin = math.cos(t), math.sin(t)
    bbox_w = abs(cw * cos) + abs(ch * sin)
    bbox_h = abs(cw * sin) + abs(ch * cos)
    s = cap.width_frac * pw / bbox_w
    s = min(s, 0.86 * pw / bbox_w, 0.86 * ph / bbox_h)
    half = np.array([[-cw, -ch], [cw, -ch], [cw, ch], [-cw, ch]], np.float32) * (s / 2)
    k = cap.keystone * rng.choice((-1, 1))
    if rng.random() < 0.5:  # top edge shorter than the bottom one (or the reverse)
        half[:2, 0] *= 1 - k
        half[2:, 0] *= 1 + k
    else:
        half[[0, 3], 1] *= 1 - k
        half[[1, 2], 1] *= 1 + k
    size = s * max(cw, ch)
    jitter = np.array([[rng.uniform(-1, 1), rng.uniform(-1, 1)] for _ in range(4)], np.float32)
    half += jitter * cap.perspective * size
    rot = np.array([[cos, -sin], [sin, cos]], np.float32)
    pts = half @ rot.T
    margin = 0.04 * min(pw, ph)
    lo_x, hi_x = margin - pts[:, 0].min(), pw - margin - pts[:, 0].max()
    lo_y, hi_y = margin - pts[:, 1].min(), ph - margin - pts[:, 1].max()
    cx = rng.uniform(lo_x, hi_x) if hi_x > lo_x else pw / 2
    cy = rng.uniform(lo_y, hi_y) if hi_y > lo_y else ph / 2
    return np.asarray(pts + np.array([cx, cy], np.float32), dtype=np.float32)


def _lighting(cap: Capture, full_h: int, full_w: int, rng: random.Random, card: Field) -> Field:
    """Multiplicative light field: gradient, vignette and, for "strong", a hard shadow edge.

    Computed at a quarter of the resolution (light varies slowly) and resized up.
    """
    h, w = max(2, full_h // 4), max(2, full_w // 4)
    card = _f32(cv2.resize(card, (w, h), interpolation=cv2.INTER_AREA))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    light = np.full((h, w), cap.brightness, np.float32)
    if cap.light in ("gradient", "strong"):
        a = rng.uniform(0, 2 * math.pi)
        ramp = ((xx - w / 2) * math.cos(a) + (yy - h / 2) * math.sin(a)) / math.hypot(w, h)
        light *= 1 + rng.uniform(0.25, 0.6) * ramp
    r2 = ((xx - w / 2) / (w / 2)) ** 2 + ((yy - h / 2) / (h / 2)) ** 2
    light *= 1 - rng.uniform(0.05, 0.3) * r2 / 2
    if cap.light == "strong":  # the phone's or a hand's shadow cutting across the card
        ys, xs = np.nonzero(card > 0.5)
        if len(xs) == 0:  # a tiny photo: the card vanished at a quarter of the size
            ys, xs = np.array([h // 2]), np.array([w // 2])
        i = rng.randrange(len(xs))
        # the edge passes near the card's centre, so it visibly crosses the text
        px, py = xs.mean() + 0.3 * (xs[i] - xs.mean()), ys.mean() + 0.3 * (ys[i] - ys.mean())
        a = rng.uniform(0, 2 * math.pi)
        side = (xx - px) * math.cos(a) + (yy - py) * math.sin(a)
        edge = rng.uniform(1.5, 7.5)
        shade = 1 / (1 + np.exp(-side / edge))
        light *= 1 - rng.uniform(0.35, 0.55) * shade
    return np.asarray(
        cv2.resize(light, (full_w, full_h), interpolation=cv2.INTER_LINEAR), dtype=np.float32
    )


def photograph(
    flat: Image8, cap: Capture, size: tuple[int, int], seed: int
) -> tuple[Image8, bytes, str]:
    """The phone photo of ``flat`` (BGR), its JPEG bytes, and the card's corners "x,y;...".

    Corners are those of the card as printed (its top-left first), in photo pixels.
    """
    rng = random.Random(seed * 7919 + 17)
    gen = np.random.default_rng(seed)
    pw, ph = size
    card = np.rot90(flat, k=-(cap.rotation // 90)).copy()
    ch, cw = card.shape[:2]
    dst = _card_corners(cap, cw, ch, pw, ph, rng)
    shrink = float(np.linalg.norm(dst[2] - dst[0])) / math.hypot(cw, ch)
    if shrink < 1:  # downscale first with area averaging: a warp alone would alias the text
        new_size = (max(2, round(cw * shrink)), max(2, round(ch * shrink)))
        card = np.asarray(cv2.resize(card, new_size, interpolation=cv2.INTER_AREA), np.uint8)
    sh, sw = card.shape[:2]
    src = np.array([[0, 0], [sw, 0], [sw, sh], [0, sh]], np.float32)
    mat = cv2.getPerspectiveTransform(src, dst)
    paper = card.astype(np.float32) + gen.standard_normal(size=card.shape, dtype=np.float32) * 1.5
    layer = _f32(cv2.warpPerspective(paper, mat, (pw, ph), flags=cv2.INTER_LINEAR))
    ones = np.ones((sh, sw), np.float32)
    alpha = _f32(cv2.warpPerspective(ones, mat, (pw, ph), flags=cv2.INTER_LINEAR))
    img = desk_surface(cap.background, ph, pw, rng, gen)
    # drop shadow: the card's silhouette, shifted and blurred (at a quarter size: it is soft)
    span = float(np.linalg.norm(dst[1] - dst[0]))
    dx, dy = rng.uniform(0.0, 0.03) * span, rng.uniform(0.005, 0.035) * span
    off = np.array([[1, 0, dx], [0, 1, dy]], np.float32)
    small = cv2.resize(
        cv2.warpAffine(alpha, off, (pw, ph)),
        (max(2, pw // 4), max(2, ph // 4)),
        interpolation=cv2.INTER_AREA,
    )
    small = cv2.GaussianBlur(small, (0, 0), max(0.5, span * rng.uniform(0.01, 0.03) / 4))
    shadow = _f32(cv2.resize(small, (pw, ph), interpolation=cv2.INTER_LINEAR))
    img *= (1 - cap.shadow * shadow)[..., None]
    img = img * (1 - alpha[..., None]) + layer * alpha[..., None]
    img *= _lighting(cap, ph, pw, rng, alpha)[..., None]
    tint = np.array([rng.uniform(0.93, 1.03), 1.0, rng.uniform(0.98, 1.07)], np.float32)
    img *= tint  # white balance: a little warm or cool
    if cap.motion:
        kernel = np.zeros((cap.motion, cap.motion), np.float32)
        kernel[cap.motion // 2, :] = 1 / cap.motion
        centre = (cap.motion / 2 - 0.5, cap.motion / 2 - 0.5)
        rot = cv2.getRotationMatrix2D(centre, rng.uniform(0, 180), 1)
        kernel = _f32(cv2.warpAffine(kernel, rot, (cap.motion, cap.motion)))
        img = _f32(cv2.filter2D(img, -1, kernel / max(float(kernel.sum()), 1e-6)))
    img = _f32(cv2.GaussianBlur(img, (0, 0), cap.blur))
    lum = gen.standard_normal(size=(ph, pw, 1), dtype=np.float32) * cap.noise
    chroma = gen.standard_normal(size=(ph, pw, 3), dtype=np.float32) * (cap.noise * 0.5)
    out = np.clip(img + lum + chroma, 0, 255).astype(np.uint8)
    ok, buf = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, cap.jpeg_quality])
    if not ok:
        raise RuntimeError("JPEG encoding failed")
    photo = np.asarray(cv2.imdecode(buf, cv2.IMREAD_COLOR), dtype=np.uint8)
    q = cap.rotation // 90
    printed = [dst[(j + q) % 4] for j in range(4)]
    corners = ";".join(f"{x:.1f},{y:.1f}" for x, y in printed)
    return photo, buf.tobytes(), corners
