"""The vCard writer given hostile or arbitrary text: it stays data inside one well-formed card."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cardscan.export.vcard import to_vcard
from cardscan.model import Contact, Name, Profile
from tests import strategies
from tests.vcard_support import parse_one, unfold

# --- hostile text ---------------------------------------------------------------------------


def test_card_text_cannot_end_the_vcard() -> None:
    hostile = "Chef\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Evil"
    text = to_vcard(Contact(source="s", name=Name("Anna Berg"), title=hostile))
    assert "\r\nTITLE:Chef\\nEND:VCARD\\nBEGIN:VCARD\\nFN:Evil\r\n" in text  # data, escaped
    assert [line for line in text.split("\r\n") if line.startswith(("BEGIN", "END"))] == [
        "BEGIN:VCARD",
        "END:VCARD",
    ]
    card = parse_one(text)
    assert card.fn.value == "Anna Berg"
    assert card.title.value == "Chef\nEND:VCARD\nBEGIN:VCARD\nFN:Evil"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("A\x00B", "AB"),  # NUL
        ("A\x1b[31mB", "A[31mB"),  # terminal escape
        ("A\x7fB", "AB"),  # DEL
        ("A\x9bB", "AB"),  # C1 control
        ("A\tB", "A B"),  # tab separates words: a space
        ("A\x0cB", "A B"),  # form feed: a space
        ("A\rB", "A\nB"),  # CR, LF, CRLF, NEL, U+2028, U+2029: one newline each
        ("A\r\nB", "A\nB"),
        ("A\x85B", "A\nB"),
        ("A\u2028B\u2029C", "A\nB\nC"),
        ("A\ud800B", "AB"),  # lone surrogate: not encodable as UTF-8
    ],
)
def test_control_characters_are_removed_from_card_text(raw: str, expected: str) -> None:
    text = to_vcard(Contact(source="s", organization="Firma", title=raw))
    text.encode("utf-8")
    assert all(ch not in text for ch in "\x00\x1b\x7f\x9b\t\x0c\x85\u2028\u2029")
    assert parse_one(text).title.value == expected


def test_hostile_network_name_stays_inside_its_parameter() -> None:
    profile = Profile('evil";TYPE=x:\r\nFN:Evil', "https://example.com/a")
    for version in ("3.0", "4.0"):
        text = to_vcard(Contact(source="s", name=Name("Anna"), profiles=[profile]), version=version)
        card = parse_one(text)
        assert card.fn.value == "Anna"
        prop = card.contents["x-socialprofile" if version == "3.0" else "socialprofile"][0]
        assert prop.value == "https://example.com/a"
        assert len(prop.params) == 1


def test_hostile_url_and_uid_cannot_add_lines() -> None:
    contact = Contact(source="s", name=Name("Anna"), urls=["https://a.example/\r\nFN:Evil"])
    text = to_vcard(contact, uid="x\r\nFN:Evil")
    assert [line for line in unfold(text) if line.startswith("FN")] == ["FN:Anna"]


# --- arbitrary text -----------------------------------------------------------------------------

text = st.text(max_size=120)
contacts = strategies.contacts(120)
clean = strategies.clean


@settings(max_examples=300, deadline=None)
@given(contacts, st.sampled_from(["3.0", "4.0"]), st.none() | text)
def test_any_text_gives_one_well_formed_card(
    contact: Contact, version: str, note: str | None
) -> None:
    card = to_vcard(contact, version=version, note=note)
    physical = card.encode("utf-8").split(b"\r\n")
    assert physical[-1] == b""
    for line in physical[:-1]:
        assert len(line) <= 75 and b"\r" not in line and b"\n" not in line
        line.decode("utf-8")
    logical = unfold(card)
    assert logical[0] == "BEGIN:VCARD" and logical[-1] == "END:VCARD"
    assert sum(line.startswith(("BEGIN:", "END:")) for line in logical) == 2
    # vobject's reader takes a physical line that holds only whitespace for a blank line and
    # ends the logical line there (RFC 6350 folding allows such a line). The writer strips
    # outer whitespace, so only a run of 74+ octets of whitespace inside a value gets here.
    assume(not any(line.isspace() for line in card.split("\r\n")))
    parsed = parse_one(card)
    if version == "4.0":
        return  # vobject knows 3.0 only; the checks above hold for both
    n = contact.name
    fallbacks = [n.full if n else None, contact.organization, *contact.emails[:1]]
    fallbacks += [p.number for p in contact.phones[:1]]
    assert parsed.fn.value == next((clean(f) for f in fallbacks if clean(f)), "")
    if contact.title and clean(contact.title):
        assert parsed.title.value == clean(contact.title)
    if n:
        assert [parsed.n.value.family, parsed.n.value.given] == [clean(n.family), clean(n.given)]
        assert [parsed.n.value.prefix, parsed.n.value.suffix] == [clean(n.prefix), clean(n.suffix)]
    if clean(contact.organization) or clean(contact.department):
        org = [clean(contact.organization)]
        if clean(contact.department):
            org.append(clean(contact.department))
        assert parsed.org.value == org
    emails = [clean(e) for e in contact.emails if clean(e)]
    assert [e.value for e in parsed.contents.get("email", [])] == emails
    if note and clean(note):
        assert parsed.note.value == clean(note)
    if contact.address and not contact.address.is_empty():
        a = contact.address
        assert [parsed.adr.value.street, parsed.adr.value.city, parsed.adr.value.code] == [
            clean(a.street),
            clean(a.city),
            clean(a.postal_code),
        ]
