"""Even out the light on a flattened card and turn light-on-dark regions into dark-on-light."""

from __future__ import annotations

import logging

import cv2
import numpy as np

log = logging.getLogger(__name__)

#: Background estimates are made on an image this many times smaller: the kernel then
#: spans about 40 px of the card at OCR scale, wider than any text stroke (a bold 14 pt
#: name is about 12 px) but narrower than the gaps between text regions.
_BG_FACTOR = 8
_BG_KERNEL = 5
#: Window (on the small image) for telling light-on-dark regions: about 6 mm of the card.
_POLARITY_WINDOW = 15
#: Light strokes are narrower than this many cells (9 cells: about 70 px at OCR scale, wider
#: than the strokes of a large bold name, narrower than a lit patch of paper).
_STROKE_CELLS = 9
#: Paint darker than this is no paper (a dark band, a dark card).
_DARK_PAINT = 100
#: Contrast (grey levels) below which a window holds no ink at all.
_BLANK = 25
#: Ink this dark or lighter is stretched to black (gain up to 2.7). Tuned on 360 generated
#: cards (all fields right: 232 plain, 244 stretched) and 30 real photos (more words read;
#: at 185, the pale dots behind one real card turned into dark blobs).
_INK_LEVEL = 160.0
#: Grey levels from here up become white (paper grain, JPEG noise around the text).
_WHITE = 225.0


def normalise(grey: np.ndarray) -> tuple[np.ndarray, float]:
    """Flatten uneven light and turn light-on-dark regions into dark text on white.

    Polarity is decided per region (a black half, a coloured band) on a grid of
    _BG_FACTOR-pixel cells: over a window of a few text lines the median is the paint,
    and the ink lies on its dark or its light side. The paper's level is then estimated
    at low resolution (a closing under dark text, an opening under light text) and the
    image divided by it, which makes paper white and keeps grey levels: no binarisation,
    as Tesseract's own thresholding treats thin fonts better. Windows without any ink
    become plain white, so dark paint does not leave noise behind.

    Returns the normalised image and the share of the card's inked area that was inverted.
    """
    height, width = grey.shape
    small = cv2.resize(
        grey,
        (max(1, width // _BG_FACTOR), max(1, height // _BG_FACTOR)),
        interpolation=cv2.INTER_AREA,
    )
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (_BG_KERNEL, _BG_KERNEL))
    light_bg = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel)
    dark_bg = cv2.morphologyEx(small, cv2.MORPH_OPEN, kernel)
    # Polarity is a property of regions (a dark half, a coloured band), so it is judged
    # over a window of several text lines, where ink covers well under half the area:
    # the median is the paint, and the ink lies on its light or its dark side. The
    # extremes come from full-resolution blocks, so thin strokes keep their contrast.
    window = cv2.getStructuringElement(cv2.MORPH_RECT, (_POLARITY_WINDOW, _POLARITY_WINDOW))
    median = cv2.medianBlur(small, _POLARITY_WINDOW).astype(np.float32)
    block_max, block_min = _block_extremes(grey, small.shape)
    lighter = cv2.dilate(block_max, window).astype(np.float32) - median
    darker = median - cv2.erode(block_min, window).astype(np.float32)
    # Light ink is fine detail: strokes brighter than the paint right around them. A bright
    # area wider than any stroke is lit paper, as beside the edge of a shadow across the card,
    # where the window sees bright paper on one side and shaded paper with dark text on the
    # other: without this check, that text was inverted into white blotches.
    stroke = cv2.getStructuringElement(cv2.MORPH_RECT, (_STROKE_CELLS, _STROKE_CELLS))
    detail = cv2.morphologyEx(block_max, cv2.MORPH_TOPHAT, stroke)
    light_detail = cv2.dilate(detail, window).astype(np.float32)
    # Light ink clearly outweighs dark ink; isolated cells (a bright glint) do not count.
    light_cells = (
        (lighter - darker > 15.0) & (lighter > 40.0) & (light_detail > 0.5 * lighter)
    ).astype(np.uint8)
    opened = cv2.morphologyEx(light_cells, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
    light_text_small = opened.astype(bool)
    # No ink anywhere near: paper or paint only, which becomes plain white (no noise).
    blank_small = (lighter < _BLANK) & (darker < _BLANK)
    # Also dark paint with no ink right around it that is not light text: a dark band's
    # empty end beside white paper (dividing it by its own dark level only amplified noise).
    near = np.ones((3, 3), np.uint8)
    local = cv2.dilate(block_max, near).astype(np.float32) - cv2.erode(block_min, near)
    blank_small |= (local < _BLANK) & ~light_text_small & (small < _DARK_PAINT)
    # Share of the inked area (text, logos) that is light on dark: the card's polarity.
    inked = int(np.count_nonzero(~blank_small))
    inverted_fraction = float(np.count_nonzero(light_text_small & ~blank_small)) / max(inked, 1)

    size = (width, height)
    light_bg = cv2.resize(
        cv2.GaussianBlur(light_bg, (0, 0), 1.0), size, interpolation=cv2.INTER_LINEAR
    )
    result = cv2.divide(grey, light_bg, scale=255)
    if light_text_small.any():
        dark_bg = cv2.resize(
            cv2.GaussianBlur(dark_bg, (0, 0), 1.0), size, interpolation=cv2.INTER_LINEAR
        )
        inverse = cv2.divide(255 - grey, 255 - dark_bg, scale=255)
        mask = cv2.resize(light_text_small.astype(np.uint8), size, interpolation=cv2.INTER_NEAREST)
        np.copyto(result, inverse, where=mask.astype(bool))
    if blank_small.any():
        blank = cv2.resize(blank_small.astype(np.uint8), size, interpolation=cv2.INTER_NEAREST)
        result[blank.astype(bool)] = 255
    return _white_point(_stretch_ink(result)), inverted_fraction


def _stretch_ink(image: np.ndarray) -> np.ndarray:
    """Make the darkest ink of each region black: grey, gold or pale blue print gets the
    contrast of black print, so that Tesseract's global threshold keeps all of it.

    The ink level is the darkest pixel within about 40 px, smoothed; regions whose darkest
    pixel is lighter than _INK_LEVEL + 40 hold no ink (paper grain) and are left alone.
    """
    height, width = image.shape
    rows, cols = max(1, height // _BG_FACTOR), max(1, width // _BG_FACTOR)
    _, darkest = _block_extremes(image, (rows, cols))
    spread = cv2.erode(darkest, np.ones((5, 5), np.uint8)).astype(np.float32)
    ink = cv2.GaussianBlur(spread, (0, 0), 1.5)
    weight = np.clip((_INK_LEVEL + 40.0 - ink) / 40.0, 0.0, 1.0)
    level = cv2.resize(np.minimum(ink, _INK_LEVEL) * weight, (width, height))
    stretched = (image.astype(np.float32) - level) * (255.0 / (255.0 - level))
    return np.clip(stretched, 0, 255).astype(np.uint8)


def _white_point(image: np.ndarray) -> np.ndarray:
    """Lift paper grain (200 and lighter) to white, leave ink and anti-aliasing alone."""
    x = np.arange(256, dtype=np.float32)
    lut = np.where(x < 200, x, 200 + (x - 200) * (55.0 / (_WHITE - 200)))
    return cv2.LUT(image, np.clip(lut, 0, 255).astype(np.uint8))


def _block_extremes(grey: np.ndarray, shape: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Max and min of the _BG_FACTOR-square block around each pixel of the small image."""
    rows, cols = shape[:2]
    f = _BG_FACTOR
    square = np.ones((f, f), np.uint8)
    # One dilation/erosion at full size and a strided read: far faster than numpy reductions.
    top = cv2.dilate(grey, square)[f // 2 :: f, f // 2 :: f][:rows, :cols]
    bottom = cv2.erode(grey, square)[f // 2 :: f, f // 2 :: f][:rows, :cols]
    return np.ascontiguousarray(top), np.ascontiguousarray(bottom)


def clear_edges(image: np.ndarray, depth: float = 0.025) -> np.ndarray:
    """Whiten dark slivers along the image's edges: desk left beside the card's outline or
    in its rounded corners. Tesseract reads such bars as "|" or "-".

    In a strip ``depth`` of the short side deep along each edge, an ink blob that touches
    the edge and runs along it for more than three strip depths (or sits in a corner)
    goes; letters cut by the edge are short and stay.
    """
    out = image.copy()
    height, width = image.shape
    band = max(2, round(depth * min(height, width)))
    strips = {
        "top": (slice(0, band), slice(0, width)),
        "bottom": (slice(height - band, height), slice(0, width)),
        "left": (slice(0, height), slice(0, band)),
        "right": (slice(0, height), slice(width - band, width)),
    }
    for side, (rows, cols) in strips.items():
        strip = out[rows, cols]
        horizontal = side in ("top", "bottom")
        mask = (strip < 160).astype(np.uint8)
        count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        for label in range(1, count):
            x, y, w, h, _ = stats[label]
            length, start, end = (w, x, x + w) if horizontal else (h, y, y + h)
            extent = width if horizontal else height
            if side == "top":
                touches = y == 0
            elif side == "bottom":
                touches = y + h == band
            elif side == "left":
                touches = x == 0
            else:
                touches = x + w == band
            in_corner = start == 0 or end == extent
            if touches and (length > 3 * band or in_corner):
                strip[labels == label] = 255
    return out
