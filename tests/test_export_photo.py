"""vCard PHOTO: a small JPEG, embedded and folded in 3.0 and 4.0, read back by vobject."""

from __future__ import annotations

import base64
import dataclasses

import cv2
import numpy as np
import pytest
import vobject

from cardscan.export.vcard import LINE_OCTETS, to_vcard
from cardscan.imaging.photo import (
    FACE_SOURCE_SIDE,
    MAX_BYTES,
    MAX_SIDE,
    card_picture,
    face_photo,
    jpeg_photo,
)
from cardscan.model import Contact, Name


def _noisy_card(h: int = 1200, w: int = 2000) -> np.ndarray:
    rng = np.random.default_rng(1)
    return rng.integers(0, 256, (h, w, 3), dtype=np.uint8)  # worst case for JPEG size


@pytest.mark.parametrize("shape", [(1200, 2000, 3), (2000, 900), (300, 200, 3)])
def test_jpeg_photo_is_small_and_at_most_512_px(shape: tuple[int, ...]) -> None:
    image = np.random.default_rng(2).integers(0, 256, shape, dtype=np.uint8)
    data = jpeg_photo(image)
    assert data[:3] == b"\xff\xd8\xff" and len(data) <= MAX_BYTES
    decoded = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
    assert max(decoded.shape[:2]) == min(MAX_SIDE, max(shape[:2]))


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_photo_is_folded_and_parses_back_to_the_jpeg(version: str) -> None:
    photo = jpeg_photo(_noisy_card())
    contact = Contact(source="x", name=Name("Jürgen Groß", given="Jürgen", family="Groß"))
    contact = dataclasses.replace(contact, photo=photo)
    card = to_vcard(contact, version=version, note="")
    lines = card.split("\r\n")
    assert all(len(line.encode()) <= LINE_OCTETS for line in lines)
    if version == "3.0":
        assert "\r\nPHOTO;ENCODING=b;TYPE=JPEG:" in card
        parsed = vobject.readOne(card)
        data = parsed.photo.value  # vobject decodes ENCODING=b itself
    else:
        assert "\r\nPHOTO:data:image/jpeg;base64," in card
        parsed = vobject.readOne(card)  # vobject (3.0 only) reads the card but mangles the URI
        unfolded = card.replace("\r\n ", "")
        line = next(x for x in unfolded.split("\r\n") if x.startswith("PHOTO:"))
        data = base64.b64decode(line.removeprefix("PHOTO:data:image/jpeg;base64,"))
    assert data == photo
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert max(image.shape[:2]) <= MAX_SIDE
    assert parsed.fn.value == "Jürgen Groß"


def test_no_photo_no_property_and_not_in_json() -> None:
    contact = Contact(source="x", name=Name("A"))
    assert "PHOTO" not in to_vcard(contact)
    contact = dataclasses.replace(contact, photo=b"\xff\xd8\xff")
    assert "photo" not in contact.to_dict()


def test_face_photo_of_a_blank_card_is_none() -> None:
    # More on --photo face (a card with a portrait, no scikit-image) in test_photo_face.py.
    assert face_photo(np.full((400, 600, 3), 255, np.uint8)) is None


@pytest.mark.parametrize("max_side", [MAX_SIDE, FACE_SOURCE_SIDE])
def test_card_picture_is_flat_and_max_side_long(max_side: int) -> None:
    camera = np.full((1500, 2000, 3), 90, np.uint8)
    quad = np.array([[300, 200], [1700, 260], [1650, 1100], [330, 1050]], np.float32)
    picture = card_picture(camera, quad, (700, 1200), max_side=max_side)
    assert picture.shape == (round(700 * max_side / 1200), max_side, 3)
    assert card_picture(camera, None, (700, 1200)) is camera  # no card found: the photo as is
