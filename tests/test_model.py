"""Contact is a frozen value: stages hand on new ones, and it travels between processes."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from cardscan.model import Contact, Name, Origin, Phone
from cardscan.parse import lines_from_text, parse_card


def _contact() -> Contact:
    return Contact(
        "card.jpg",
        name=Name("Anna Berg", given="Anna", family="Berg"),
        phones=[Phone("+49301234567")],
        emails=["anna@firma.de"],
        confidence={"name": 0.9, "emails": 0.8},
    )


def test_a_contact_cannot_be_edited_in_place():
    contact = _contact()
    with pytest.raises(dataclasses.FrozenInstanceError):
        contact.emails = ("x@y.de",)  # type: ignore[misc]
    assert isinstance(contact.emails, tuple) and not hasattr(contact.emails, "append")


def test_lists_given_are_copied_not_shared():
    emails = ["anna@firma.de"]
    confidence = {"emails": 0.8}
    contact = Contact("x", emails=emails, confidence=confidence)
    emails.append("other@firma.de")
    confidence["emails"] = 0.1
    assert contact.emails == ("anna@firma.de",) and contact.confidence == {"emails": 0.8}


def test_with_origin_and_doubts_return_new_contacts():
    contact = _contact()
    repaired = contact.with_origin(Origin("emails", "anna@firma.de", "repaired", "a-rule", "x"))
    assert contact.origins == () and repaired.origin("emails", "anna@firma.de").rule == "a-rule"
    flagged = repaired.with_doubts_flagged()
    assert flagged.confidence["emails"] == 0.5 and repaired.confidence["emails"] == 0.8


def test_a_parsed_contact_survives_pickling_and_its_json_record():
    contact = parse_card(lines_from_text("Anna Berg\nBerg GmbH\nanna@berg.de\nTel. 030 1234567"))
    assert pickle.loads(pickle.dumps(contact)) == contact  # the worker pool sends them
    assert Contact.from_dict(contact.to_dict()).to_dict() == contact.to_dict()
