"""Turn a phone photo of a card into a flat, upright, evenly lit greyscale image for OCR."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, replace
from pathlib import Path

import cv2
import numpy as np

from cardscan.errors import OutputError, UnreadableImageError
from cardscan.files import make_private_folder, write_private
from cardscan.imaging.contrast import clear_edges, normalise
from cardscan.imaging.detect import Detection, Method, find_card
from cardscan.imaging.geometry import card_aspect
from cardscan.imaging.load import MIN_SIDE
from cardscan.imaging.orient import (
    TextGeometry,
    rotation_matrix,
    text_blobs,
    text_geometry,
)

log = logging.getLogger(__name__)

#: The card is found on a copy about this long (px): enough for its outline, and fast.
DETECT_LONG_SIDE = 1000

#: Long side of the prepared card. A 85 mm card at 1200 px is 14 px/mm, which gives
#: 8-9 pt print an x-height of 19-22 px and 6 pt small print about 15 px. Measured on 60
#: synthetic cards (benchmarks/accuracy): as many cards fully right as at 1600 px, OCR 15 %
#: faster; at 1000 px small print starts to break up.
TARGET_LONG_SIDE = 1200

#: Letter height (px, the 30th percentile of letter blobs: the small print's lower case and
#: digits) that the card is scaled to after flattening. Tesseract's LSTM models read best
#: with an x-height of about 20 px; a card with large print is made smaller (faster), one
#: with tiny print larger (readable), by at most MAX_RESCALE either way.
TARGET_LETTER_HEIGHT = 24.0
MAX_RESCALE = 1.6
#: Fewer letters than this give no reliable size (a card with a logo and a name only).
MIN_LETTERS = 20

#: Never enlarge more than this: a card 300 px wide in the photo has no detail to recover.
MAX_UPSCALE = 3.0

#: Residual tilt (degrees) below which no deskewing is done (the estimate is good to about
#: 0.3 degrees, and Tesseract copes with that); above the limit the estimate
#: is not trusted (perspective correction leaves a few degrees at most).
MIN_SKEW, MAX_SKEW = 0.5, 12.0
#: ... and when the card is read as the whole photo (no outline, or a retry without it):
#: then the photo's own tilt is left, and phone photos of cards on a desk are held up to
#: about 15 degrees off.
MAX_WHOLE_SKEW = 20.0

#: The found outline is pulled in by this fraction of the card's size, so that a sliver
#: of desk along an edge does not turn into a black bar that Tesseract reads as "|".
_INSET = 0.004

#: How sure the ascender/descender evidence must be before a card is turned over: this
#: many more letter pairs on one side, and this share of all telling pairs. On 30 real
#: cards the sign was right whenever the margin was 9 or more; all-capital cards give
#: only a few telling pairs (J and Q descend), and those point either way.
_FLIP_MARGIN, _FLIP_SCORE = 8, 0.25

#: Letter pairs along the lines must outnumber those across by this factor for the text's
#: direction (across the card or along it) to count as sure. On 200 generated development
#: cards the direction was wrong once, at 1.3 (tightly set condensed type, whose letters
#: merge into word blobs at half size); every other card measured 1.8 or more. A card that
#: is not sure and reads poorly is read the other way too (pipeline.Scanner.read).
SURE_DIRECTION = 2.0


@dataclass(frozen=True)
class PreparedCard:
    """A card ready for OCR, and how it was obtained from the photo."""

    image: np.ndarray  # greyscale uint8, dark text on light, upright or possibly upside down
    found_outline: bool  # False: the whole photo was used (an already-cropped scan?)
    # 4x2 float32: the photo points that became image's TL, TR, BR, BL corners (the card's
    # outline, less a thin margin); None when the whole photo was used.
    quad: np.ndarray | None
    rotated: int  # degrees clockwise applied after flattening: 0, 90, 180 or 270
    inverted: bool  # the card (mostly) had light text on a dark background
    scale: float  # output pixels per photo pixel
    method: Method = "outline"  # how the card was found: "outline", "blob" or "whole"
    skew: float = 0.0  # degrees of residual tilt that were straightened
    # True when the letters' shapes settled upright vs upside down; False leaves it to OCR
    orientation_known: bool = False
    # False when the letters hardly told whether the lines run across the card or along it
    direction_sure: bool = True

    def __post_init__(self) -> None:
        if self.image.ndim != 2 or self.image.dtype != np.uint8:
            raise ValueError("PreparedCard.image must be a 2-D uint8 (greyscale) array")
        if self.rotated not in (0, 90, 180, 270):
            raise ValueError(f"rotated must be 0, 90, 180 or 270, not {self.rotated}")
        if self.quad is not None and np.shape(self.quad) != (4, 2):
            raise ValueError("quad must be 4 x 2 corner coordinates")

    def flipped(self) -> PreparedCard:
        """The same card turned by 180 degrees (for when OCR reads it upside down)."""
        quad = None if self.quad is None else np.roll(self.quad, 2, axis=0)
        return replace(
            self,
            image=cv2.rotate(self.image, cv2.ROTATE_180),
            quad=quad,
            rotated=(self.rotated + 180) % 360,
        )


def prepare(
    image: np.ndarray,
    *,
    debug_dir: Path | None = None,
    debug_prefix: str = "",
    sideways: bool | None = None,
    find_outline: bool = True,
) -> PreparedCard:
    """Find the card in a BGR photo, flatten it, turn its text horizontal, even out the
    light, make the text dark on light and scale it for Tesseract.

    ``sideways`` overrides what the letters say about the text's direction: True turns the
    flattened card by 90 degrees, False keeps it as it is (for a second opinion by OCR).
    ``find_outline=False`` takes the whole photo as the card, as when no outline is found.

    With ``debug_dir``, every intermediate image is written there as
    ``{debug_prefix}NN-step.png`` so a person can see where it went wrong.
    """
    if image.ndim != 3 or image.shape[2] != 3 or image.dtype != np.uint8:
        raise ValueError("prepare() expects a BGR uint8 image as load_image() returns")
    if min(image.shape[:2]) < MIN_SIDE:
        raise UnreadableImageError(
            f"a {image.shape[1]}x{image.shape[0]} pixel image is too small to hold a readable "
            f"card (at least {MIN_SIDE} px a side)"
        )
    started = time.perf_counter()
    debug = _Debug(debug_dir, debug_prefix)
    height, width = image.shape[:2]

    factor = max(1, round(max(height, width) / DETECT_LONG_SIDE))
    small = image
    if factor > 1:  # an integer factor keeps INTER_AREA on its fast path
        small = cv2.resize(image, (width // factor, height // factor), interpolation=cv2.INTER_AREA)
    detection = find_card(small) if find_outline else Detection(None, "whole")
    if debug.enabled:
        debug.write("01-detect-small", _draw_detection(small, detection))

    if detection.quad is not None:
        corners = (detection.quad + 0.5) * factor - 0.5  # back to full-resolution pixels
        corners = _inset(corners, _INSET)
    else:
        corners = np.array(
            [[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], np.float32
        )
    flat, homography, scale = _flatten(image, corners)
    debug.write("02-warped", flat)

    normalised, inverted_fraction = normalise(flat)
    if detection.method != "whole":
        normalised = clear_edges(normalised)
    debug.write("03-normalised", normalised)

    # Without an outline nothing has levelled the card: its whole tilt is left to measure.
    max_skew = MAX_WHOLE_SKEW if detection.method == "whole" else MAX_SKEW
    oriented, turn, geometry = _orient(normalised, sideways, max_skew)
    oriented, turn, factor = _rescale(oriented, turn)
    scale *= factor
    debug.write("04-oriented", oriented)

    card = PreparedCard(
        image=oriented,
        found_outline=detection.method != "whole",
        quad=(
            _photo_corners(turn.matrix @ homography, oriented.shape)
            if detection.method != "whole"
            else None
        ),
        rotated=turn.rotated,
        inverted=inverted_fraction > 0.5,
        scale=float(scale),
        method=detection.method,
        skew=turn.skew,
        direction_sure=sideways is not None or geometry.direction_margin >= SURE_DIRECTION,
    )
    upside_down = _upside_down(geometry)
    card = replace(card, orientation_known=upside_down is not None)
    if upside_down:
        card = card.flipped()
        debug.write("05-turned", card.image)
    log.debug(
        "prepared card: %s, %dx%d, rotated %d, skew %.1f, inverted %s, upside down %s, %.0f ms",
        detection.method, card.image.shape[1], card.image.shape[0], card.rotated, card.skew,
        card.inverted, upside_down, (time.perf_counter() - started) * 1000,
    )  # fmt: skip
    return card


@dataclass(frozen=True)
class _Turn:
    rotated: int  # 0 or 90 (clockwise)
    skew: float  # degrees straightened
    matrix: np.ndarray  # 3x3: flattened-card pixels -> oriented-image pixels
    small_text: float = 0.0  # height (px) of the small print's letters; 0 when unknown


def _flatten(image: np.ndarray, corners: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """Warp the quad to a rectangle of the card's proportions at OCR scale, in grey.

    Returns the flat card, the homography from photo to flat-card pixels, and the scale.
    """
    height, width = image.shape[:2]
    card_w, card_h = _card_size(corners, image.shape)
    scale = min(TARGET_LONG_SIDE / max(card_w, card_h), MAX_UPSCALE)
    scale = max(scale, MIN_SIDE / max(1.0, min(card_w, card_h)))  # tiny inputs still work
    out_w, out_h = max(1, round(card_w * scale)), max(1, round(card_h * scale))
    target = np.array([[0, 0], [out_w - 1, 0], [out_w - 1, out_h - 1], [0, out_h - 1]], np.float32)
    # Only the card's bounding box is converted to grey and warped (a small card in a
    # 3120 px photo is a tenth of its pixels).
    left, top = (int(v) for v in np.floor(corners.min(axis=0)) - 2)
    right, bottom = (int(v) for v in np.ceil(corners.max(axis=0)) + 3)
    left, top = max(0, left), max(0, top)
    right, bottom = min(width, right), min(height, bottom)
    grey = cv2.cvtColor(image[top:bottom, left:right], cv2.COLOR_BGR2GRAY)
    roi_corners = (corners - np.array([left, top], np.float32)).astype(np.float32)
    homography = cv2.getPerspectiveTransform(roi_corners, target)
    flat = cv2.warpPerspective(
        grey, homography, (out_w, out_h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
    shift = np.array([[1.0, 0.0, -left], [0.0, 1.0, -top], [0.0, 0.0, 1.0]])
    return flat, homography @ shift, scale


def _orient(
    normalised: np.ndarray, sideways: bool | None = None, max_skew: float = MAX_SKEW
) -> tuple[np.ndarray, _Turn, TextGeometry]:
    """Turn sideways text horizontal (or as ``sideways`` says), then level the residual tilt.

    Text is measured at half size: four times faster, and letters are still 10+ px tall.
    """
    height = normalised.shape[0]
    blobs = text_blobs(_half(normalised))
    geometry = text_geometry(blobs, max_skew)
    rotated = 0
    matrix = np.eye(3)
    if geometry.vertical if sideways is None else sideways:
        normalised = cv2.rotate(normalised, cv2.ROTATE_90_CLOCKWISE)
        rotated = 90
        # cv2.ROTATE_90_CLOCKWISE maps (x, y) to (height - 1 - y, x).
        matrix = np.array([[0.0, -1.0, height - 1.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
        geometry = text_geometry(blobs.rotated_clockwise(), max_skew)
    skew = geometry.skew if MIN_SKEW <= abs(geometry.skew) <= max_skew else 0.0
    if skew:
        h_now, w_now = normalised.shape
        rotation, (new_w, new_h) = rotation_matrix(-skew, w_now, h_now)
        normalised = cv2.warpAffine(
            normalised, rotation[:2], (new_w, new_h), flags=cv2.INTER_LINEAR,
            borderMode=cv2.BORDER_CONSTANT, borderValue=255,
        )  # fmt: skip
        matrix = rotation @ matrix
    # the letters' heights across the lines: box widths when the card was turned
    heights = (blobs.letters[:, 2] if rotated else blobs.letters[:, 3]) * 2.0
    small_text = float(np.percentile(heights, 30)) if len(heights) >= MIN_LETTERS else 0.0
    return normalised, _Turn(rotated, float(skew), matrix, small_text), geometry


def _rescale(image: np.ndarray, turn: _Turn) -> tuple[np.ndarray, _Turn, float]:
    """Scale the card so that its small print is about TARGET_LETTER_HEIGHT pixels tall."""
    if not turn.small_text:
        return image, turn, 1.0
    factor = min(max(TARGET_LETTER_HEIGHT / turn.small_text, 1 / MAX_RESCALE), MAX_RESCALE)
    if abs(factor - 1.0) < 0.1:
        return image, turn, 1.0
    interpolation = cv2.INTER_AREA if factor < 1 else cv2.INTER_CUBIC
    resized = cv2.resize(image, None, fx=factor, fy=factor, interpolation=interpolation)
    matrix = np.diag([factor, factor, 1.0]) @ turn.matrix
    return resized, replace(turn, matrix=matrix), factor


def detect_upside_down(card: PreparedCard) -> bool | None:
    """True/False when the letters' ascenders and descenders say so clearly, else None
    (all capitals, digits only, CJK text, too little text: let OCR confidence decide).

    prepare() already turns cards over on this evidence; this is for images from elsewhere.
    """
    return _upside_down(text_geometry(text_blobs(_half(card.image))))


def _upside_down(geometry: TextGeometry) -> bool | None:
    margin = geometry.same_top - geometry.same_bottom
    if abs(margin) < _FLIP_MARGIN or abs(geometry.upside_down_score) < _FLIP_SCORE:
        return None
    return margin > 0


def _half(image: np.ndarray) -> np.ndarray:
    return cv2.resize(
        image, (image.shape[1] // 2, image.shape[0] // 2), interpolation=cv2.INTER_AREA
    )


def _card_size(corners: np.ndarray, shape: tuple[int, ...]) -> tuple[float, float]:
    """Width and height of the card in photo pixels: the area of the mean of opposite
    sides, in the proportions that the camera geometry says the card has."""
    side = [float(np.hypot(*(corners[(i + 1) % 4] - corners[i]))) for i in range(4)]
    width, height = (side[0] + side[2]) / 2.0, (side[1] + side[3]) / 2.0
    ratio = card_aspect(corners, shape)
    area = width * height  # keep the resolution, change only the proportions
    return float(np.sqrt(area * ratio)), float(np.sqrt(area / ratio))


def _inset(corners: np.ndarray, fraction: float) -> np.ndarray:
    centre = corners.mean(axis=0)
    return (centre + (corners - centre) * (1.0 - 2.0 * fraction)).astype(np.float32)


def _photo_corners(photo_to_output: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """The photo points that end up at the output image's four corners."""
    out_h, out_w = shape[:2]
    corners = np.array(
        [[[0, 0], [out_w - 1, 0], [out_w - 1, out_h - 1], [0, out_h - 1]]], np.float64
    )
    back = cv2.perspectiveTransform(corners, np.linalg.inv(photo_to_output))
    return back.reshape(4, 2).astype(np.float32)


def _draw_detection(small: np.ndarray, detection: Detection) -> np.ndarray:
    vis = small.copy()
    if detection.quad is not None:
        colour = (0, 0, 255) if detection.method == "outline" else (0, 165, 255)
        cv2.polylines(vis, [detection.quad.astype(np.int32)], True, colour, 3)
        cv2.circle(vis, tuple(int(v) for v in detection.quad[0]), 8, (255, 0, 0), -1)
    cv2.putText(vis, detection.method, (10, 30), cv2.FONT_HERSHEY_SIMPLEX, 1.0, (255, 0, 0), 2)
    return vis


def write_debug_image(folder: Path, step: str, image: np.ndarray) -> None:
    """Write ``folder/step.png`` (for --debug-dir); raises OutputError when it cannot."""
    _Debug(folder, "").write(step, image)


class _Debug:
    """Writes intermediate images when a debug folder is given, else does nothing."""

    def __init__(self, folder: Path | None, prefix: str) -> None:
        self.folder = folder
        self.prefix = prefix
        self.enabled = folder is not None
        if folder is not None:
            try:
                make_private_folder(folder)
            except OSError as exc:
                raise OutputError(
                    f"cannot create the debug folder {folder}: {exc.strerror or exc}; "
                    "choose another folder"
                ) from None

    def write(self, step: str, image: np.ndarray) -> None:
        if self.folder is None:
            return
        path = self.folder / f"{self.prefix}{step}.png"
        ok, encoded = cv2.imencode(".png", image)
        if not ok:
            return
        try:  # written via Python so that non-UTF-8 folder names work too
            write_private(path, encoded.tobytes())  # 0600: it shows someone's card
        except OSError as exc:
            raise OutputError(
                f"cannot write the debug image {path}: {exc.strerror or exc}; "
                "check the folder's permissions and free space"
            ) from None
        log.debug("debug image %s", path)
