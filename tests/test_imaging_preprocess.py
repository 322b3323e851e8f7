"""prepare(): find, flatten, orient and clean up cards in synthetic photos drawn here."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cardscan.errors import OutputError, UnreadableImageError
from cardscan.imaging import PreparedCard, detect_upside_down, prepare
from cardscan.imaging.geometry import order_corners
from cardscan.imaging.preprocess import TARGET_LONG_SIDE
from tests.imaging_support import (
    CARD_ASPECT,
    CARD_H,
    PHOTO,
    draw_card,
    likeness,
    photograph,
    project_card,
)


@pytest.fixture(scope="module")
def card() -> np.ndarray:
    return draw_card()


@pytest.fixture(scope="module")
def tilted_photo(card: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    corners = project_card(tilt_x=20, tilt_y=-15, turn=8)
    return photograph(card, corners), corners


def test_card_found_and_flattened(card, tilted_photo) -> None:
    photo, corners = tilted_photo
    result = prepare(photo)
    assert result.found_outline and result.method == "outline"
    height, width = result.image.shape
    assert width / height == pytest.approx(CARD_ASPECT, rel=0.04)
    assert max(width, height) == pytest.approx(TARGET_LONG_SIDE, abs=2)
    assert result.rotated == 0
    assert not result.inverted
    assert likeness(result.image, card) > 0.8
    # The quad maps the output's corners back to the card's corners in the photo.
    assert result.quad is not None
    assert np.abs(result.quad - corners).max() < 0.015 * np.hypot(*PHOTO)
    assert result.scale == pytest.approx(width / np.hypot(*(corners[1] - corners[0])), rel=0.15)


@pytest.mark.parametrize("turn", [cv2.ROTATE_90_CLOCKWISE, cv2.ROTATE_90_COUNTERCLOCKWISE])
def test_sideways_card_comes_out_horizontal(card, turn: int) -> None:
    sideways = cv2.rotate(card, turn)
    corners = order_corners(project_card(tilt_x=10, tilt_y=5, turn=90))
    result = prepare(photograph(sideways, corners))
    height, width = result.image.shape
    assert width > height
    assert width / height == pytest.approx(CARD_ASPECT, rel=0.05)
    assert result.rotated in (90, 270)
    # Upright: mixed-case text tells which way up it is.
    assert likeness(result.image, card) > 0.7
    assert likeness(result.image, card) > likeness(cv2.rotate(result.image, cv2.ROTATE_180), card)


def test_upside_down_card_is_turned(card) -> None:
    photo = photograph(cv2.rotate(card, cv2.ROTATE_180), project_card(10, -10, 3))
    result = prepare(photo)
    assert result.rotated == 180
    assert likeness(result.image, card) > 0.8


def test_light_text_on_dark_card(card) -> None:
    dark = draw_card(paper=(90, 40, 20), ink=(250, 250, 250))  # navy card, white print
    result = prepare(photograph(dark, project_card(15, 10, -5)))
    assert result.found_outline
    assert result.inverted
    assert np.median(result.image) > 200  # the paper came out light ...
    assert likeness(result.image, card) > 0.7  # ... with the text dark, like a white card


def test_dark_band_is_inverted_alone(card) -> None:
    banded = card.copy()
    banded[:140] = 255 - banded[:140]  # the name in white on a black band across the top
    result = prepare(photograph(banded, project_card(5, 5, 2)))
    assert likeness(result.image, card) > 0.8
    assert not result.inverted  # most of the text is still dark on light


def test_uneven_light_is_evened_out(card) -> None:
    photo = photograph(card, project_card(10, 0, 4)).astype(np.float32)
    ramp = np.linspace(0.45, 1.0, PHOTO[0], dtype=np.float32)[None, :, None]  # a shadow
    result = prepare((photo * ramp).astype(np.uint8))
    image = result.image
    # Paper (the brightest part of each region) is about equally white left and right.
    left = np.percentile(image[:, : image.shape[1] // 4], 75)
    right = np.percentile(image[:, -image.shape[1] // 4 :], 75)
    assert abs(left - right) < 12
    assert min(left, right) > 225
    assert likeness(image, card) > 0.75


def test_hard_shadow_edge_keeps_the_text_dark(card) -> None:
    # A phone's shadow across the card: bright paper on one side of a sharp diagonal edge,
    # shaded paper with dark text on the other. The text beside the edge must not be taken
    # for light print on dark paint (which turned it into white blotches: 8 % of it was lost).
    from cardscan.imaging.contrast import normalise

    grey = cv2.resize(cv2.cvtColor(card, cv2.COLOR_BGR2GRAY), None, fx=1.4, fy=1.4)
    ink = grey < 100
    rows, cols = np.mgrid[0 : grey.shape[0], 0 : grey.shape[1]]
    shade = np.where(cols - 0.8 * rows > 300, 0.4, 1.0)
    shaded = cv2.GaussianBlur(grey * shade, (0, 0), 1.0).astype(np.uint8)
    result, inverted = normalise(shaded)
    assert inverted < 0.1
    assert np.count_nonzero((result < 128) & ink) / np.count_nonzero(ink) > 0.97


def test_cropped_scan_uses_the_whole_image(card) -> None:
    result = prepare(card)  # no desk around it: an already-cropped scan
    assert not result.found_outline
    assert result.method == "whole"
    assert result.quad is None
    height, width = result.image.shape
    assert width / height == pytest.approx(CARD_ASPECT, rel=0.01)
    assert likeness(result.image, card) > 0.85


@pytest.mark.parametrize(
    "box",
    [(600, 60, 180, 140, (90, 90, 90)), (520, 300, 300, 220, (40, 40, 40))],
    ids=["portrait-photo", "dark-panel"],
)
def test_cropped_scan_with_a_box_is_not_mistaken_for_a_card(card, box) -> None:
    # A card-shaped photo or panel on a scanned card has text around it, not an empty desk.
    x, y, w, h, colour = box
    scan = card.copy()
    cv2.rectangle(scan, (x, y), (x + w, y + h), colour, -1)
    result = prepare(scan)
    assert result.method == "whole"
    assert result.image.shape[1] / result.image.shape[0] == pytest.approx(CARD_ASPECT, rel=0.01)


def test_card_on_a_busy_desk(card) -> None:
    rng = np.random.default_rng(1)
    photo = photograph(card, project_card(10, 5, 8), desk=60).astype(np.float32)
    grain = cv2.resize(rng.normal(0, 25, (60, 200)).astype(np.float32), PHOTO)[..., None]
    photo = np.clip(photo + grain * (photo.mean(axis=2, keepdims=True) < 120), 0, 255)
    result = prepare(photo.astype(np.uint8))
    assert result.method == "outline"
    assert result.image.shape[1] / result.image.shape[0] == pytest.approx(CARD_ASPECT, rel=0.05)
    assert likeness(result.image, card) > 0.6


def test_photo_that_is_mostly_card(card) -> None:
    width, height = PHOTO
    corners = np.array(
        [[40, 60], [width - 50, 40], [width - 30, height - 45], [35, height - 60]], np.float32
    )
    big = cv2.resize(card, (1600, int(1600 / CARD_ASPECT)))
    result = prepare(photograph(big, corners))
    assert likeness(result.image, card) > 0.8
    assert result.image.shape[1] / result.image.shape[0] > 1.3


def test_tilted_scan_is_levelled(card) -> None:
    height, width = card.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), 4.0, 1.0)  # rising to the right
    tilted = cv2.warpAffine(card, matrix, (width, height), borderValue=(245, 245, 240))
    result = prepare(tilted)
    assert result.skew == pytest.approx(4.0, abs=0.6)
    again = prepare(cv2.cvtColor(result.image, cv2.COLOR_GRAY2BGR))
    assert abs(again.skew) < 0.6


@pytest.mark.parametrize("angle", [14.0, -15.0])
def test_steeply_tilted_photo_without_outline_is_levelled(card, angle) -> None:
    # no outline found: the photo's whole tilt (phone photos are held up to 15 degrees off)
    # is left to the text; above 12 degrees it used to stay as it was
    height, width = card.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    tilted = cv2.warpAffine(card, matrix, (width, height), borderValue=(245, 245, 240))
    result = prepare(tilted, find_outline=False)
    assert result.skew == pytest.approx(angle, abs=0.8)


def test_flipped_turns_by_180(tilted_photo) -> None:
    result = prepare(tilted_photo[0])
    turned = result.flipped()
    assert turned.rotated == (result.rotated + 180) % 360
    assert np.array_equal(turned.image, cv2.rotate(result.image, cv2.ROTATE_180))
    assert turned.quad is not None and result.quad is not None
    assert np.array_equal(turned.quad, np.roll(result.quad, 2, axis=0))
    back = turned.flipped()
    assert back.rotated == result.rotated
    assert np.array_equal(back.image, result.image)


def test_detect_upside_down(tilted_photo) -> None:
    result = prepare(tilted_photo[0])
    assert detect_upside_down(result) is False
    assert detect_upside_down(result.flipped()) is True


def test_detect_upside_down_unsure_without_text() -> None:
    blank = PreparedCard(np.full((500, 800), 255, np.uint8), False, None, 0, False, 1.0)
    assert detect_upside_down(blank) is None


def test_debug_dir_gets_every_step(tilted_photo, tmp_path: Path) -> None:
    prepare(tilted_photo[0], debug_dir=tmp_path / "debug", debug_prefix="card7-")
    names = sorted(p.name for p in (tmp_path / "debug").iterdir())
    assert names[:4] == [
        "card7-01-detect-small.png",
        "card7-02-warped.png",
        "card7-03-normalised.png",
        "card7-04-oriented.png",
    ]
    for name in names:
        assert cv2.imread(str(tmp_path / "debug" / name)) is not None


def test_unwritable_debug_dir_is_an_output_error(tilted_photo, tmp_path: Path) -> None:
    blocker = tmp_path / "debug"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(OutputError, match="debug"):
        prepare(tilted_photo[0], debug_dir=blocker)


def test_no_debug_files_without_debug_dir(tilted_photo, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    prepare(tilted_photo[0])
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "bad", [np.zeros((100, 100), np.uint8), np.zeros((100, 100, 3), np.float32)]
)
def test_rejects_arrays_that_are_not_bgr8(bad: np.ndarray) -> None:
    with pytest.raises(ValueError, match="BGR uint8"):
        prepare(bad)


def test_rejects_tiny_images() -> None:
    with pytest.raises(UnreadableImageError, match="too small"):
        prepare(np.zeros((20, 400, 3), np.uint8))


def test_prepared_card_checks_its_fields() -> None:
    with pytest.raises(ValueError):
        PreparedCard(np.zeros((10, 10, 3), np.uint8), False, None, 0, False, 1.0)
    with pytest.raises(ValueError):
        PreparedCard(np.zeros((10, 10), np.uint8), False, None, 45, False, 1.0)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    height=st.integers(32, 160),
    width=st.integers(32, 160),
    seed=st.integers(0, 2**32 - 1),
    kind=st.sampled_from(["noise", "flat", "blocks"]),
)
def test_never_crashes(height: int, width: int, seed: int, kind: str) -> None:
    rng = np.random.default_rng(seed)
    if kind == "noise":
        image = rng.integers(0, 256, (height, width, 3), dtype=np.uint8)
    elif kind == "flat":
        image = np.full((height, width, 3), rng.integers(0, 256), np.uint8)
    else:
        image = cv2.resize(
            rng.integers(0, 256, (4, 4, 3), dtype=np.uint8),
            (width, height),
            interpolation=cv2.INTER_NEAREST,
        )
    result = prepare(image)
    assert result.image.dtype == np.uint8 and result.image.ndim == 2
    assert min(result.image.shape) >= 32


def test_outline_of_the_white_panel_grows_to_the_cards_coloured_band(card) -> None:
    # On a busy desk the crispest outline can be the white panel below a navy band across
    # the top of the card: the band (with the company name) belongs to the card.
    from cardscan.imaging.detect import extend_to_band

    banded = card.copy()
    band = CARD_H // 4
    banded[:band] = (110, 50, 20)  # BGR navy
    cv2.putText(banded, "Beispiel GmbH", (60, band - 40), cv2.FONT_HERSHEY_SIMPLEX, 1.0,
                (255, 255, 255), 2, cv2.LINE_AA)  # fmt: skip
    corners = project_card(tilt_x=10, tilt_y=-5, turn=6)
    small = cv2.resize(photograph(banded, corners), (PHOTO[0] // 2, PHOTO[1] // 2))
    top_left, top_right, bottom_right, bottom_left = corners / 2
    panel = np.array(
        [
            top_left + 0.25 * (bottom_left - top_left),
            top_right + 0.25 * (bottom_right - top_right),
            bottom_right,
            bottom_left,
        ],
        np.float32,
    )
    grown = extend_to_band(panel, small)
    assert np.abs(grown - corners / 2).max() < 0.015 * np.hypot(*PHOTO) / 2
    # an outline of a usual card shape is left alone
    assert np.array_equal(extend_to_band(corners / 2, small), corners / 2)


def test_direction_margin_says_how_sure_the_text_direction_is() -> None:
    from cardscan.imaging.orient import TextGeometry

    # a development card in condensed type: 23 side-by-side, 30 stacked pairs (unsure)
    assert TextGeometry(True, 0.0, 92, 23, 30, 0, 0).direction_margin == pytest.approx(1.3, 0.01)
    assert TextGeometry(False, 0.0, 90, 60, 12, 0, 0).direction_margin == 5.0
    assert TextGeometry(None, 0.0, 3, 0, 0, 0, 0).direction_margin == 0.0


def test_sideways_override_turns_the_card(card) -> None:
    photo = photograph(card, project_card(5, 5, 2))
    assert prepare(photo, sideways=True).rotated in (90, 270)
    assert prepare(photo, sideways=False).rotated in (0, 180)
    assert prepare(photo).direction_sure
