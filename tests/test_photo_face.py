"""--photo face: the portrait printed on a card, found by scikit-image's LBP face cascade."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest
from click.testing import CliRunner
from skimage import data

from cardscan import cli
from cardscan.errors import MissingDependencyError
from cardscan.imaging import photo
from cardscan.imaging.photo import (
    FACE_SOURCE_SIDE,
    MAX_BYTES,
    MAX_SIDE,
    Box,
    card_picture,
    face_photo,
    find_face,
)
from cardscan.options import ScanOptions
from cardscan.pipeline import Scanner
from tests.fakes import FakeEngine, ocr_result

#: The face in skimage.data.astronaut() (512 x 512, public-domain NASA portrait): x, y, w, h.
ASTRONAUT_FACE = (180, 60, 105, 100)
#: Where the portrait goes on the 1050 x 600 card: x, y and side of the square slot.
SLOT = (40, 130, 330)
TEXT = """Dr. Anna Beispiel
Head of Research
Beispiel GmbH
Tel. +49 30 1234567
anna@beispiel.de
"""


def _card(*, portrait: bool = True, text: bool = True) -> np.ndarray:
    """A white 1050 x 600 BGR card: text on the right, the astronaut's portrait at the left."""
    card = np.full((600, 1050, 3), 255, np.uint8)
    if text:
        for row, line in enumerate(TEXT.splitlines()):
            cv2.putText(
                card, line, (400, 120 + 80 * row), cv2.FONT_HERSHEY_SIMPLEX, 1.2, (30, 30, 30), 2
            )
    if portrait:
        x, y, side = SLOT
        astronaut = cv2.cvtColor(data.astronaut(), cv2.COLOR_RGB2BGR)
        card[y : y + side, x : x + side] = cv2.resize(astronaut, (side, side))
    return card


def _pasted_face(scale: float = 1.0) -> Box:
    """Where the astronaut's face is on _card(), in the pixels of the card scaled by ``scale``."""
    x, y, side = SLOT
    k = side / 512
    fx, fy, fw, fh = ASTRONAUT_FACE
    return (
        round((x + fx * k) * scale),
        round((y + fy * k) * scale),
        round(fw * k * scale),
        round(fh * k * scale),
    )


def _iou(a: Box, b: Box) -> float:
    width = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    height = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    inter = max(0, width) * max(0, height)
    return inter / (a[2] * a[3] + b[2] * b[3] - inter)


@pytest.mark.parametrize("long_side", [512, 1050, 1600])
def test_find_face_finds_the_printed_portrait(long_side: int) -> None:
    """At card_picture's default 512 px, the card as drawn, and the size face_photo should get."""
    scale = long_side / 1050
    card = cv2.resize(_card(), None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    face = find_face(card)
    assert face is not None
    assert _iou(face, _pasted_face(scale)) > 0.5


def test_face_photo_is_a_small_jpeg_of_the_face() -> None:
    card = _card()
    jpeg = face_photo(card)
    assert jpeg is not None and jpeg[:3] == b"\xff\xd8\xff" and len(jpeg) <= MAX_BYTES
    picture = cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR)
    height, width = picture.shape[:2]
    assert max(height, width) <= MAX_SIDE
    # The crop was not scaled (it is under 512 px): find it on the card and check that it
    # holds the whole face with some room, and not much more than the face.
    match = cv2.matchTemplate(card, picture, cv2.TM_SQDIFF_NORMED)
    _, _, (left, top), _ = cv2.minMaxLoc(match)
    fx, fy, fw, fh = _pasted_face()
    assert left < fx and top < fy and fx + fw < left + width and fy + fh < top + height
    assert width * height < 4 * fw * fh


def test_face_on_a_photographed_card_flattened_by_card_picture() -> None:
    """The way the pipeline uses it: the colour card, flattened at FACE_SOURCE_SIDE."""
    quad = np.array([[420, 300], [2380, 360], [2300, 1500], [470, 1420]], np.float32)
    corners = np.array([[0, 0], [1049, 0], [1049, 599], [0, 599]], np.float32)
    matrix = cv2.getPerspectiveTransform(corners, quad)
    camera = cv2.warpPerspective(
        _card(), matrix, (2800, 1900), borderMode=cv2.BORDER_CONSTANT, borderValue=(70, 60, 50)
    )
    flat = card_picture(camera, quad, (600, 1050), max_side=FACE_SOURCE_SIDE)
    assert max(flat.shape[:2]) == FACE_SOURCE_SIDE
    face = find_face(flat)
    assert face is not None and _iou(face, _pasted_face(FACE_SOURCE_SIDE / 1050)) > 0.5
    assert face_photo(flat) is not None


def test_grey_card_works_too() -> None:
    grey = cv2.cvtColor(_card(), cv2.COLOR_BGR2GRAY)
    face = find_face(grey)
    assert face is not None and _iou(face, _pasted_face()) > 0.5
    assert face_photo(grey) is not None


@pytest.mark.parametrize(
    "image",
    [
        pytest.param(_card(portrait=False), id="text only"),
        pytest.param(_card(portrait=False, text=False), id="blank"),
        pytest.param(np.full((5, 5, 3), 128, np.uint8), id="tiny"),
        pytest.param(np.zeros((0, 0, 3), np.uint8), id="empty"),
        pytest.param(np.full((30, 1000, 3), 255, np.uint8), id="sliver"),
    ],
)
def test_no_face_no_photo(image: np.ndarray) -> None:
    assert find_face(image) is None
    assert face_photo(image) is None


@pytest.fixture
def fresh_cascade() -> Iterator[None]:
    """The cascade is loaded once per process; these tests need it loaded again."""
    photo._cascade.cache_clear()
    yield
    photo._cascade.cache_clear()


@pytest.mark.usefixtures("fresh_cascade")
def test_missing_scikit_image_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    # The submodules too: once imported, they are found in sys.modules without their parent.
    for name in ("skimage", "skimage.data", "skimage.feature"):
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(MissingDependencyError, match=r"scikit-image.*--photo card"):
        face_photo(_card())


def test_the_face_option_is_valid() -> None:
    assert ScanOptions(photo="face").photo == "face"
    with pytest.raises(ValueError, match="card, face or none"):
        ScanOptions(photo="bogus")


def test_cli_accepts_photo_face(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[ScanOptions] = []

    class RecordingScanner(Scanner):
        def __init__(self, options: ScanOptions, engine: object = None) -> None:
            seen.append(options)
            super().__init__(options, engine=FakeEngine(ocr_result(TEXT)))

    monkeypatch.setattr(cli.scan, "Scanner", RecordingScanner)
    path = tmp_path / "card.png"
    cv2.imwrite(str(path), _card())
    result = CliRunner().invoke(cli.main, ["scan", str(path), "--photo", "face", "--no-qr"])
    assert result.exit_code == 0, result.output
    assert [options.photo for options in seen] == ["face"]
    assert "BEGIN:VCARD" in result.stdout
    assert "PHOTO;ENCODING=b;TYPE=JPEG:" in result.stdout


def _camera_photo(card: np.ndarray) -> np.ndarray:
    """The card photographed at a slant on a dark desk."""
    quad = np.array([[420, 300], [2380, 360], [2300, 1500], [470, 1420]], np.float32)
    corners = np.array([[0, 0], [1049, 0], [1049, 599], [0, 599]], np.float32)
    matrix = cv2.getPerspectiveTransform(corners, quad)
    return cv2.warpPerspective(
        card, matrix, (2800, 1900), borderMode=cv2.BORDER_CONSTANT, borderValue=(70, 60, 50)
    )


@pytest.mark.parametrize(("portrait", "has_photo"), [(True, True), (False, False)])
def test_scan_with_photo_face_end_to_end(tmp_path: Path, portrait: bool, has_photo: bool) -> None:
    """The real pipeline (Tesseract, card detection, flattening): the portrait printed on the
    card becomes the vCard PHOTO; a card without one gets none and still gives its contact."""
    path = tmp_path / "card.jpg"
    cv2.imwrite(str(path), _camera_photo(_card(portrait=portrait)))
    result = CliRunner().invoke(cli.main, ["scan", str(path), "--photo", "face", "--no-qr"])
    assert result.exit_code == 0, result.output
    assert "anna@beispiel.de" in result.stdout.lower()
    assert ("PHOTO;ENCODING=b;TYPE=JPEG:" in result.stdout) is has_photo


def test_cli_refuses_an_unknown_photo_kind(tmp_path: Path) -> None:
    path = tmp_path / "card.png"
    cv2.imwrite(str(path), _card())
    result = CliRunner().invoke(cli.main, ["scan", str(path), "--photo", "bogus"])
    assert result.exit_code == 2
    assert "Invalid value for '--photo'" in result.stderr
    assert "'none', 'card', 'face'" in result.stderr
