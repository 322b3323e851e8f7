"""A rule's proposal for a valid reading, settled by reading that part of the image again."""

import numpy as np
import pytest

from cardscan.model import Contact, Name, Proposal
from cardscan.reread.recheck import RECHECK_READINGS, confirm_proposals, locate
from tests.fakes import FakeEngine, ocr_result

IMAGE = np.full((600, 1000), 255, dtype=np.uint8)
CARD = "Tom Figueroa\nSales Director\nE-Mail tfiqueroa@cobalt-labs.com"


def _contact() -> Contact:
    return Contact(
        "x",
        name=Name("Tom Figueroa", given="Tom", family="Figueroa"),
        emails=["tfiqueroa@cobalt-labs.com"],
        confidence={"emails": 0.5},
        proposals=[
            Proposal(
                "emails",
                "tfiqueroa@cobalt-labs.com",
                "tfigueroa@cobalt-labs.com",
                "spelled-as-the-name",
                "tfiqueroa@cobalt-labs.com",
            )
        ],
    )


def test_a_second_reading_that_shows_the_proposal_confirms_it():
    contact = _contact()
    engine = FakeEngine(
        ocr_result("tfiqueroa@cobalt-labs.com"), ocr_result("tfigueroa@cobalt-labs.com")
    )
    contact = confirm_proposals(contact, [ocr_result(CARD)], IMAGE, engine)
    assert contact.emails == ("tfigueroa@cobalt-labs.com",)
    assert contact.proposals == ()
    origin = contact.origin("emails", "tfigueroa@cobalt-labs.com")
    assert (origin.source, origin.rule, origin.read) == (
        "second_reading",
        "spelled-as-the-name",
        "tfiqueroa@cobalt-labs.com",
    )
    assert engine.calls == 2  # it stops at the first reading that shows it


def test_readings_that_never_show_the_proposal_leave_the_value_as_printed():
    contact = _contact()
    engine = FakeEngine(ocr_result("E-Mail tfiqueroa@cobalt-labs.com"))
    contact = confirm_proposals(contact, [ocr_result(CARD)], IMAGE, engine)
    assert contact.emails == ("tfiqueroa@cobalt-labs.com",)
    assert engine.calls == len(RECHECK_READINGS)
    assert contact.review() == ["emails"]  # the doubt stays for a person to check
    assert contact.to_dict()["suggestions"][0]["suggested"] == "tfigueroa@cobalt-labs.com"


def test_a_proposal_whose_words_are_not_in_the_reading_reads_nothing():
    contact = _contact()
    engine = FakeEngine(ocr_result("tfigueroa@cobalt-labs.com"))
    contact = confirm_proposals(
        contact, [ocr_result("Tom Figueroa\nSales Director")], IMAGE, engine
    )
    assert contact.emails == ("tfiqueroa@cobalt-labs.com",) and engine.calls == 0


@pytest.mark.parametrize(
    ("read", "around", "words"),
    [
        ("tfiqueroa@cobalt-labs.com", 0, ["tfiqueroa@cobalt-labs.com"]),
        ("tfiqueroa@cobalt-labs.com", 1, ["E-Mail", "tfiqueroa@cobalt-labs.com"]),
        ("Sales Director", 0, ["Sales", "Director"]),  # words spread over two OCR words
    ],
)
def test_locate_finds_the_words_a_value_was_read_from(read, around, words):
    result = ocr_result(CARD)
    found = [w for line in result.lines for w in line.words if w.text in words]
    left = min(w.box[0] for w in found)
    right = max(w.box[0] + w.box[2] for w in found)
    box = locate([result], read, around=around)
    assert box is not None and (box[0], box[0] + box[2]) == (left, right)


@pytest.mark.parametrize(
    ("rereads", "confirmed"),
    [
        # a domain proposal needs the readings to show it at least as often as the value
        (["anna@tllm.de", "anna@tiim.de", "anna@tiim.de"] + ["Anna"] * 6, False),
        (["anna@tllm.de", "anna@tllm.de", "anna@tiim.de"] + ["Anna"] * 6, True),
    ],
)
def test_a_domain_proposal_needs_most_readings(rereads, confirmed):
    contact = Contact(
        "x",
        emails=["anna@tiim.de"],
        proposals=[
            Proposal(
                "emails", "anna@tiim.de", "anna@tllm.de", "l-spelling-of-the-domain", "anna@tiim.de"
            )
        ],
    )
    engine = FakeEngine(*(ocr_result(r) for r in rereads))
    contact = confirm_proposals(contact, [ocr_result("Anna Berg\nanna@tiim.de")], IMAGE, engine)
    assert contact.emails == (("anna@tllm.de",) if confirmed else ("anna@tiim.de",))
