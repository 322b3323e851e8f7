"""The page finder (imaging/pages.py) and the cut-out (imaging/cutout.py) on pages drawn here."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from cardscan.imaging.cutout import cut_card, draw_layout
from cardscan.imaging.pages import CardRegion, PageLayout, find_cards, reading_order
from cardscan.imaging.seams import ACROSS, text_across

CARD_W, CARD_H = 850, 550  # 85 x 55 mm at 10 px/mm

# Invented card text of the usual shape.
LINES = [
    ("Jana Beispiel", 1.5, 3),
    ("Leiterin Vertrieb", 1.0, 2),
    ("Muster Werke GmbH", 1.1, 2),
    ("Lindenweg 4, 04109 Leipzig", 0.9, 2),
    ("Tel +49 341 555 0101", 0.9, 2),
    ("jana@muster-werke.example", 0.9, 2),
]


def draw_card(paper=(246, 246, 242), ink=(35, 35, 35), tag: str = "") -> np.ndarray:
    card = np.full((CARD_H, CARD_W, 3), paper, np.uint8)
    y = 90
    for text, size, thickness in LINES:
        cv2.putText(card, text + tag, (60, y), cv2.FONT_HERSHEY_SIMPLEX, size, ink, thickness)
        y += int(62 * size) + 8
    return card


def place(
    page: np.ndarray, card: np.ndarray, centre: tuple[float, float], angle: float, scale: float
) -> np.ndarray:
    """Draw the card onto the page (turned by ``angle`` degrees); returns its corners."""
    h, w = card.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), -angle, scale)
    matrix[:, 2] += np.array(centre) - np.array([w / 2, h / 2])
    size = (page.shape[1], page.shape[0])
    warped = cv2.warpAffine(card, matrix, size)
    mask = cv2.warpAffine(np.full((h, w), 255, np.uint8), matrix, size)
    page[mask > 128] = warped[mask > 128]
    corners = np.array([[0, 0, 1], [w, 0, 1], [w, h, 1], [0, h, 1]], np.float64) @ matrix.T
    return corners.astype(np.float32)


def desk(width: int = 2400, height: int = 1800, level: int = 95) -> np.ndarray:
    rng = np.random.default_rng(1)
    noise = rng.normal(0, 3, (height, width, 1))
    return np.clip(np.full((height, width, 3), level, np.float64) + noise, 0, 255).astype(np.uint8)


def iou(a: np.ndarray, b: np.ndarray) -> float:
    both, _ = cv2.intersectConvexConvex(a.astype(np.float32), b.astype(np.float32))
    areas = abs(cv2.contourArea(a.astype(np.float32))) + abs(cv2.contourArea(b.astype(np.float32)))
    return float(both) / (areas - float(both))


def matched(layout: PageLayout, corners: list[np.ndarray]) -> list[int]:
    """For each region, the index of the drawn card it lies on (-1: none)."""
    out = []
    for region in layout.regions:
        scores = [iou(region.quad, c) for c in corners]
        best = int(np.argmax(scores))
        out.append(best if scores[best] > 0.8 else -1)
    return out


def test_three_cards_apart_are_found_in_reading_order():
    page = desk()
    corners = [
        place(page, draw_card(), (1750, 500), 4, 0.8),  # top right
        place(page, draw_card(), (600, 450), -6, 0.8),  # top left
        place(page, draw_card(), (900, 1350), 2, 0.8),  # bottom
    ]
    layout = find_cards(page)
    assert layout.several
    assert matched(layout, corners) == [1, 0, 2]


def test_cards_turned_by_90_and_180_degrees_are_found():
    page = desk(level=60)
    corners = [
        place(page, draw_card(), (500, 700), 90, 0.8),
        place(page, draw_card(), (1200, 700), 270, 0.8),
        place(page, draw_card(), (1900, 600), 180, 0.8),
    ]
    assert sorted(matched(find_cards(page), corners)) == [0, 1, 2]


def test_touching_cards_are_told_apart():
    page = desk(level=70)
    left = place(page, draw_card(paper=(240, 240, 236)), (800, 900), 0, 1.0)
    right = place(page, draw_card(paper=(228, 236, 244)), (800 + CARD_W, 900), 0, 1.0)
    cv2.line(page, (800 + CARD_W // 2, 630), (800 + CARD_W // 2, 1170), (150, 150, 150), 2)
    assert sorted(matched(find_cards(page), [left, right])) == [0, 1]


def test_one_card_on_a_desk_is_not_split():
    page = desk()
    place(page, draw_card(), (1200, 900), 8, 1.6)
    assert not find_cards(page).several


def test_one_card_filling_the_photo_is_not_split():
    card = cv2.resize(draw_card(), (2000, 1294))
    assert not find_cards(card).several


def test_a_card_half_in_shadow_is_not_two_cards():
    page = desk(level=120)
    corners = place(page, draw_card(), (1200, 900), 0, 1.9)
    shade = np.ones(page.shape[:2], np.float32)
    shade[:, 1100:] = 0.55  # a hard shadow's edge across the card and its text
    shaded = (page * shade[..., None]).astype(np.uint8)
    layout = find_cards(shaded)
    assert not layout.several
    assert all(iou(r.quad, corners) > 0.8 for r in layout.regions)


def test_a_coloured_box_on_the_desk_is_no_second_card():
    page = desk()
    place(page, draw_card(), (800, 900), 3, 0.9)
    cv2.rectangle(page, (1500, 600), (2100, 980), (40, 120, 200), -1)  # card-shaped, no text
    assert not find_cards(page).several


def test_a_blank_page_is_blank():
    page = np.full((1754, 1240, 3), 243, np.uint8)
    layout = find_cards(page)
    assert layout.blank and not layout.regions


@pytest.mark.parametrize(
    ("centres", "order"),
    [
        ([(100, 100), (300, 110), (200, 300)], [0, 1, 2]),
        ([(300, 90), (100, 110), (200, 300)], [1, 0, 2]),  # a row slightly askew
        ([(100, 300), (100, 100)], [1, 0]),  # one above the other
    ],
)
def test_reading_order_is_rows_top_down_then_left_to_right(centres, order):
    quads = [
        np.array([[x - 80, y - 50], [x + 80, y - 50], [x + 80, y + 50], [x - 80, y + 50]], float)
        for x, y in centres
    ]
    assert reading_order(quads) == order


def test_cut_card_paints_the_neighbour_over_in_the_desk_colour():
    page = desk(level=90)
    left = place(page, draw_card(ink=(0, 0, 200)), (700, 900), 0, 1.0)
    right = place(page, draw_card(ink=(200, 0, 0)), (700 + CARD_W, 900), 0, 1.0)
    layout = PageLayout((CardRegion(left), CardRegion(right)))
    crop = cut_card(page, layout, 0)
    # The margin holds the desk and the painted neighbour, never its (blue) ink.
    blue = (crop[:, :, 0] > 150) & (crop[:, :, 2] < 80)
    assert not blue.any()
    assert crop.shape[1] > CARD_W * 1.1  # a margin was kept on the free side
    red = (crop[:, :, 2] > 150) & (crop[:, :, 0] < 80)
    assert red.sum() > 10_000  # the card's own text is all there


def test_draw_layout_marks_every_card():
    page = desk()
    place(page, draw_card(), (600, 500), 0, 0.8)
    place(page, draw_card(), (1700, 1300), 0, 0.8)
    drawn = draw_layout(page, find_cards(page))
    red = (drawn[:, :, 2] > 200) & (drawn[:, :, 1] < 50) & (drawn[:, :, 0] < 50)
    assert red.sum() > 2 * 4 * 300  # two outlines


def test_a_white_card_without_a_closed_outline_is_fitted_around_its_text(monkeypatch):
    """White cards on a scanner's white lid: the third card's edges show only in pieces."""
    page = np.full((1754, 1240, 3), 244, np.uint8)
    corners = []
    for i, top in enumerate((100, 100 + CARD_H // 2 + 60, 100 + CARD_H + 120)):
        card = cv2.resize(draw_card(paper=(244, 244, 244)), (CARD_W // 2, CARD_H // 2))
        left = 150
        page[top : top + CARD_H // 2, left : left + CARD_W // 2] = card
        right, bottom = left + CARD_W // 2, top + CARD_H // 2
        corners.append(
            np.array([[left, top], [right, top], [right, bottom], [left, bottom]], float)
        )
        grey = (200, 200, 200)
        if i < 2:  # a closed line of shadow all around
            cv2.rectangle(page, (left - 1, top - 1), (right, bottom), grey, 1)
        else:  # broken: gaps in it, and none along the left side
            for x in range(left, right, 40):
                cv2.line(page, (x, top - 1), (min(x + 25, right), top - 1), grey, 1)
                cv2.line(page, (x, bottom), (min(x + 25, right), bottom), grey, 1)
            for y in range(top, bottom, 40):
                cv2.line(page, (right, y), (right, min(y + 25, bottom)), grey, 1)
    assert sorted(matched(find_cards(page), corners)) == [0, 1, 2]
    monkeypatch.setattr("cardscan.imaging.pages.missed_cards", lambda *a: [])
    assert sorted(matched(find_cards(page), corners)) == [0, 1]  # the fit found the third


@pytest.mark.parametrize(
    ("left_end", "right_start", "across"),
    [
        (400, 0, True),  # lines of text run over the line: one card with a shadow's edge
        (185, 215, False),  # both cards' blank margins meet at the line
        (400, 215, False),  # a band printed up to one card's edge, the other's margin blank
    ],
)
def test_text_across_a_line_tells_one_card_from_two(left_end, right_start, across):
    edges = np.zeros((400, 400), np.uint8)
    for y in range(40, 360, 24):  # rows of "text" left and right of the line x = 200
        edges[y : y + 2, 20 : min(left_end, 200)] = 255
        edges[y : y + 2, max(right_start, 200) : 380] = 255
    if left_end > 200:
        edges[:, 195:200] = 255  # a band's edge beside the line, on one side only
    if right_start == 0:
        edges[:, 195:200] = 0
        for y in range(40, 360, 24):
            edges[y : y + 2, 20:380] = 255
    score = text_across(np.array([200.0, 0.0]), np.array([200.0, 400.0]), edges)
    assert (score >= ACROSS) is across
