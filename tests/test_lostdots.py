"""A dot OCR lost between the name parts of an e-mail, looked for again in the image."""

import dataclasses

import numpy as np
import pytest

from cardscan.model import Contact, Name
from cardscan.reread.lostdots import restore_lost_dots
from tests.fakes import FakeEngine, ocr_result

IMAGE = np.full((600, 1000), 255, dtype=np.uint8)


def _contact(email: str, given: str = "Lothar", family: str = "von Stein") -> Contact:
    return Contact("x", name=Name(f"{given} {family}", given=given, family=family), emails=[email])


def _restore(card_text: str, contact: Contact, *rereads: str) -> tuple[Contact, FakeEngine]:
    """The contact restore_lost_dots returns (a new one), and the engine that read again."""
    engine = FakeEngine(*(ocr_result(r) for r in rereads))
    return restore_lost_dots(contact, [ocr_result(card_text)], IMAGE, engine), engine


@pytest.mark.parametrize(
    "reread",
    [
        "lothar.vonstein@alpenblick.ch",
        "lothar. vonstein@alpenblick.ch",
        "lothar vonstein@alpenblick.ch",  # the dot read as a space
        "lothar,vonstein@alpenblick.ch",
        "|lothar.vonstein@alpenblick.ch",  # a bar before the word
    ],
)
def test_dot_seen_again_between_given_and_family_name(reread):
    contact = _contact("lotharvonstein@alpenblick.ch")
    contact, _ = _restore("E-Mail lotharvonstein@alpenblick.ch", contact, reread)
    assert contact.emails == ("lothar.vonstein@alpenblick.ch",)


def test_second_mode_tried_when_the_first_shows_no_dot():
    contact = _contact("lotharvonstein@alpenblick.ch")
    contact, engine = _restore(
        "lotharvonstein@alpenblick.ch",
        contact,
        "lotharvonstein@alpenblick.ch",
        "lothar.vonstein@alpenblick.ch",
    )
    assert contact.emails == ("lothar.vonstein@alpenblick.ch",) and engine.calls == 2


def test_initial_and_a_hyphenated_given_name():
    contact = _contact("tlucas@jacobs.com", "Tom", "Lucas")
    contact, _ = _restore("tlucas@jacobs.com", contact, "t.lucas@jacobs.com")
    assert contact.emails == ("t.lucas@jacobs.com",)
    # the letters before the dot may be misread ("daus" for claus), those after it not
    contact = _contact("claus-petersuessebier@helix.de", "Claus-Peter", "Süßebier")
    contact, _ = _restore(
        "claus-petersuessebier@helix.de", contact, "| daus-peter.suessebier@helix.de"
    )
    assert contact.emails == ("claus-peter.suessebier@helix.de",)


@pytest.mark.parametrize(
    ("email", "reread"),
    [
        # no dot in the enlarged word either: an address printed without one
        ("lotharvonstein@alpenblick.ch", "lotharvonstein@alpenblick.ch"),
        # a space that is not between the name's parts ("sei fert@")
        ("lotharvonstein@alpenblick.ch", "loth arvonstein@alpenblick.ch"),
        # a different part after the dot
        ("lotharvonstein@alpenblick.ch", "lothar.vonsteln@alpenblick.ch"),
    ],
)
def test_no_dot_where_the_image_shows_none(email, reread):
    contact = _contact(email)
    contact, _ = _restore(email, contact, reread)
    assert contact.emails == (email,)


def test_only_addresses_made_of_the_name_are_read_again():
    # "info@" and an address that already has its dot cost no second reading
    contact = _contact("info@alpenblick.ch")
    contact = dataclasses.replace(
        contact, emails=[*contact.emails, "lothar.vonstein@alpenblick.ch"]
    )
    contact, engine = _restore("info@alpenblick.ch lothar.vonstein@alpenblick.ch", contact, "x")
    assert engine.calls == 0
    # nor does a card without a name
    contact = Contact("x", emails=["lotharvonstein@alpenblick.ch"])
    engine = FakeEngine(ocr_result("lothar.vonstein@alpenblick.ch"))
    contact = restore_lost_dots(
        contact, [ocr_result("lotharvonstein@alpenblick.ch")], IMAGE, engine
    )
    assert engine.calls == 0 and contact.emails == ("lotharvonstein@alpenblick.ch",)


def test_dot_read_as_a_hyphen_between_initial_and_family_name():
    contact = _contact("j-henry@turner.com", "Joyce", "Henry")
    contact, _ = _restore("j-henry@turner.com", contact, "j.henry@turner.com")
    assert contact.emails == ("j.henry@turner.com",)
    # a hyphen the enlarged word shows again was printed
    contact = _contact("j-henry@turner.com", "Joyce", "Henry")
    contact, _ = _restore("j-henry@turner.com", contact, "j-henry@turner.com")
    assert contact.emails == ("j-henry@turner.com",)
    # a hyphen that is not between the name's parts is not looked at
    contact = _contact("team-henry@turner.com", "Joyce", "Henry")
    assert _restore("team-henry@turner.com", contact, "team.henry@turner.com")[1].calls == 0


def test_every_reading_is_tried_until_one_shows_the_dot():
    from cardscan.reread.lostdots import WORD_READINGS

    contact = _contact("rduarte@lumina.com", "Robert", "Duarte")
    plain = ["rduarte@lumina.com"] * (len(WORD_READINGS) - 1)
    contact, engine = _restore("rduarte@lumina.com", contact, *plain, "r.duarte@lumina.com")
    assert contact.emails == ("r.duarte@lumina.com",)
    assert engine.calls == len(WORD_READINGS)
    assert [psm for psm, _ in engine.requests] == [r.psm for r in WORD_READINGS]


def test_word_crops_are_scaled_and_binarised_as_each_reading_says():
    from cardscan.reread.lostdots import WordReading
    from cardscan.reread.lostdots import crop_word as _crop

    image = np.full((100, 300), 255, np.uint8)
    image[40:60, 50:250] = 90  # a grey word
    box = (50, 40, 200, 20)
    plain = _crop(image, box, WordReading(1.0, 1.0, 7))
    wide = _crop(image, box, WordReading(3.2, 2.0, 7))
    assert wide.shape[0] - 20 == pytest.approx(2 * (plain.shape[0] - 20), abs=1)
    assert wide.shape[1] - 20 == pytest.approx(3.2 * (plain.shape[1] - 20), abs=1)
    binarised = _crop(image, box, WordReading(2.0, 2.0, 7, binarise=True))
    assert set(np.unique(binarised)) == {0, 255}
    assert set(np.unique(plain)) == {90, 255}
