"""Tests of the vCard writer: golden files, a vobject round trip, folding and hostile text.

Golden files (tests/golden/):
    rich_contact.json   the input: a German card with umlauts, three phones, two profiles
    rich_3.0.vcf        to_vcard(rich, version="3.0", rev=REV, uid=UID): no NOTE and no
                        X-CARDSCAN-SOURCE, though the contact has a review field and a source
    rich_4.0.vcf        the same in 4.0

After an intended change of the output, regenerate them and read the diff before committing:

    .venv/bin/python tests/test_export_vcard.py
"""

from __future__ import annotations

import dataclasses
import io
import json
import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
import vobject
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cardscan.export import Format, open_writer
from cardscan.export.vcard import contact_uid, to_vcard, write_vcards
from cardscan.model import Contact, Name, Phone, Profile
from tests import strategies

GOLDEN = Path(__file__).parent / "golden"
REV = datetime(2026, 11, 26, 10, 45, tzinfo=UTC)
UID = "urn:uuid:6f1c2d3e-0000-4000-8000-00000000c0de"


def rich() -> Contact:
    data = json.loads((GOLDEN / "rich_contact.json").read_text(encoding="utf-8"))
    return Contact.from_dict(data)


def parse(text: str) -> list[vobject.base.Component]:
    return list(vobject.readComponents(text))


def parse_one(text: str) -> vobject.base.Component:
    cards = parse(text)
    assert len(cards) == 1
    return cards[0]


def unfold(text: str) -> list[str]:
    """Logical lines of a vCard (RFC 6350 3.2: CRLF followed by one space is removed)."""
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def regenerate() -> None:
    for version in ("3.0", "4.0"):
        card = to_vcard(rich(), version=version, rev=REV, uid=UID)
        (GOLDEN / f"rich_{version}.vcf").write_bytes(card.encode("utf-8"))


# --- golden files ---------------------------------------------------------------------


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_rich_contact_matches_golden_file(version: str) -> None:
    expected = (GOLDEN / f"rich_{version}.vcf").read_bytes()
    assert to_vcard(rich(), version=version, rev=REV, uid=UID).encode("utf-8") == expected


def test_golden_3_0_has_the_properties_address_books_need() -> None:
    lines = unfold((GOLDEN / "rich_3.0.vcf").read_bytes().decode("utf-8"))
    for line in [
        "VERSION:3.0",
        "N:Weiß-Müller;Jürgen;;Prof. Dr.;",
        "FN:Prof. Dr. Jürgen Weiß-Müller",
        "ORG:Müller & Söhne GmbH & Co. KG;Vertrieb Süd",
        "TEL;TYPE=work,voice:+49711123450 ext. 12",
        "TEL;TYPE=cell,voice:+491701234567",
        "TEL;TYPE=work,fax:+49711123459",
        "EMAIL;TYPE=internet:j.weiss-mueller@mueller-soehne.de",
        "URL:https://www.linkedin.com/in/juergen-weiss-mueller",
        "ADR;TYPE=work:;;Königstraße 5;Stuttgart;;70173;Deutschland",
        "X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/juergen-weiss-mueller",
        "X-SOCIALPROFILE;TYPE=xing:https://www.xing.com/profile/Juergen_WeissMueller",
        "REV:20261126T104500Z",
        f"UID:{UID}",
        "PRODID:-//cardscan//EN",
    ]:
        assert line in lines
    assert lines[0] == "BEGIN:VCARD" and lines[-1] == "END:VCARD"
    assert not any("CHARSET" in line for line in lines)
    # the photo's path and the review hint stay on this computer unless asked for
    assert rich().source and rich().review()
    assert not any(line.startswith(("NOTE", "X-CARDSCAN-SOURCE")) for line in lines)


def test_golden_4_0_differs_only_where_the_rfc_does() -> None:
    lines = unfold((GOLDEN / "rich_4.0.vcf").read_bytes().decode("utf-8"))
    for line in [
        "VERSION:4.0",
        "TEL;TYPE=work,voice;VALUE=uri:tel:+49711123450;ext=12",
        "TEL;TYPE=cell,voice;VALUE=uri:tel:+491701234567",
        "TEL;TYPE=work,fax;VALUE=uri:tel:+49711123459",
        "EMAIL;TYPE=work:j.weiss-mueller@mueller-soehne.de",
        "SOCIALPROFILE;SERVICE-TYPE=LinkedIn:https://www.linkedin.com/in/juergen-weiss-mueller",
        "SOCIALPROFILE;SERVICE-TYPE=XING:https://www.xing.com/profile/Juergen_WeissMueller",
    ]:
        assert line in lines
    assert lines[1] == "VERSION:4.0"  # RFC 6350 6.7.9: right after BEGIN
    assert not any(line.startswith("X-SOCIALPROFILE") for line in lines)


# --- round trip through vobject (an independent parser) ----------------------------------


def test_round_trip_through_vobject_3_0() -> None:
    card = parse_one(to_vcard(rich(), rev=REV, note="Messe Stuttgart, 26.11.2026; Stand 4"))
    n = card.n.value
    assert (n.family, n.given, n.additional, n.prefix, n.suffix) == (
        "Weiß-Müller",
        "Jürgen",
        "",
        "Prof. Dr.",
        "",
    )
    assert card.fn.value == "Prof. Dr. Jürgen Weiß-Müller"
    assert card.org.value == ["Müller & Söhne GmbH & Co. KG", "Vertrieb Süd"]
    assert card.title.value == "Geschäftsführer"
    assert [(t.value, t.params["TYPE"]) for t in card.tel_list] == [
        ("+49711123450 ext. 12", ["work", "voice"]),
        ("+491701234567", ["cell", "voice"]),
        ("+49711123459", ["work", "fax"]),
    ]
    assert [(e.value, e.params["TYPE"]) for e in card.email_list] == [
        ("j.weiss-mueller@mueller-soehne.de", ["internet"])
    ]
    assert [u.value for u in card.url_list] == [
        "https://www.mueller-soehne.de",
        "https://www.linkedin.com/in/juergen-weiss-mueller",
        "https://www.xing.com/profile/Juergen_WeissMueller",
    ]
    a = card.adr.value
    assert (a.box, a.extended, a.street, a.city, a.region, a.code, a.country) == (
        "",
        "",
        "Königstraße 5",
        "Stuttgart",
        "",
        "70173",
        "Deutschland",
    )
    assert card.adr.params["TYPE"] == ["work"]
    assert [(p.params["TYPE"], p.value) for p in card.contents["x-socialprofile"]] == [
        (["linkedin"], "https://www.linkedin.com/in/juergen-weiss-mueller"),
        (["xing"], "https://www.xing.com/profile/Juergen_WeissMueller"),
    ]
    assert card.note.value == "Messe Stuttgart, 26.11.2026; Stand 4"
    assert card.uid.value == contact_uid(rich())
    assert card.rev.value == "20261126T104500Z"


def test_commas_semicolons_and_backslashes_survive_in_name_and_organisation() -> None:
    contact = Contact(
        source="x.jpg",
        name=Name("Meier; Schulz, Anna", given="Anna\\Lena", family="Meier; Schulz, geb. Roth"),
        organization="Schmidt, Berger & Partner; Rechtsanwälte",
        department="Steuern, Recht; Mediation",
        title="Partner, Fachanwalt; Steuerrecht",
    )
    card = parse_one(to_vcard(contact))
    assert card.n.value.family == "Meier; Schulz, geb. Roth"
    assert card.n.value.given == "Anna\\Lena"
    assert card.fn.value == "Meier; Schulz, Anna"
    assert card.org.value == [
        "Schmidt, Berger & Partner; Rechtsanwälte",
        "Steuern, Recht; Mediation",
    ]
    assert card.title.value == "Partner, Fachanwalt; Steuerrecht"


def test_4_0_is_read_by_vobject_as_one_card_too() -> None:
    card = parse_one(to_vcard(rich(), version="4.0", rev=REV))
    assert card.fn.value == "Prof. Dr. Jürgen Weiß-Müller"
    assert card.contents["socialprofile"][0].params["SERVICE-TYPE"] == ["LinkedIn"]


# --- folding ------------------------------------------------------------------------------


@pytest.mark.parametrize("pad", range(4))  # move the multi-byte characters across line ends
@pytest.mark.parametrize("alphabet", ["ü", "€", "😀", "Straße ", "a"])
def test_folding_keeps_lines_within_75_octets_and_characters_whole(pad: int, alphabet: str) -> None:
    note = "x" * pad + alphabet * (300 // len(alphabet)) + "."
    card = to_vcard(Contact(source="s", organization="Firma"), note=note)
    physical = card.encode("utf-8").split(b"\r\n")
    assert physical[-1] == b""
    for line in physical[:-1]:
        assert len(line) <= 75
        line.decode("utf-8")  # raises if a UTF-8 sequence was split
    assert f"NOTE:{note}" in unfold(card)
    assert any(line.startswith(b" ") for line in physical)  # it did fold
    assert parse_one(card).note.value == note


def test_a_line_of_exactly_75_octets_is_not_folded() -> None:
    title = "t" * (75 - len("TITLE:"))
    card = to_vcard(Contact(source="s", title=title), source=True)
    assert f"\r\nTITLE:{title}\r\nX-CARDSCAN-SOURCE:s\r\n" in card
    card = to_vcard(Contact(source="s", title=title + "u"))
    assert f"\r\nTITLE:{title}\r\n u\r\n" in card


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


# --- properties one by one -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("contact", "fn"),
    [
        (Contact(source="s", name=Name("Anna Berg"), organization="Firma"), "Anna Berg"),
        (Contact(source="s", organization="Firma", emails=["a@b.de"]), "Firma"),
        (Contact(source="s", emails=["a@b.de"], phones=[Phone("+4930123456")]), "a@b.de"),
        (Contact(source="s", phones=[Phone("+4930123456")]), "+4930123456"),
        (Contact(source="s", name=Name("\x00"), organization="Firma"), "Firma"),
        (Contact(source="s"), ""),
    ],
)
def test_fn_falls_back_to_organisation_then_email(contact: Contact, fn: str) -> None:
    lines = unfold(to_vcard(contact))
    assert f"FN:{fn}" in lines
    assert sum(line.startswith("N:") for line in lines) == 1


def test_n_is_written_even_without_a_name() -> None:
    lines = unfold(to_vcard(Contact(source="s", organization="Firma")))
    assert "N:;;;;" in lines
    assert "ORG:Firma" in lines  # no empty department component


def test_org_with_department_only() -> None:
    assert "ORG:;Einkauf" in unfold(to_vcard(Contact(source="s", department="Einkauf")))


def test_other_phone_is_voice_and_extension_keeps_digits_only() -> None:
    contact = Contact(source="s", phones=[Phone("+4930123456", "other", "Durchwahl 12-3")])
    assert "TEL;TYPE=voice:+4930123456 ext. 123" in unfold(to_vcard(contact))
    lines = unfold(to_vcard(contact, version="4.0"))
    assert "TEL;TYPE=voice;VALUE=uri:tel:+4930123456;ext=123" in lines


def test_profile_url_is_not_repeated_when_it_is_also_a_url() -> None:
    url = "https://www.linkedin.com/in/anna"
    contact = Contact(source="s", urls=[url], profiles=[Profile("linkedin", url)])
    assert unfold(to_vcard(contact)).count(f"URL:{url}") == 1


def test_unknown_network_keeps_its_name_and_empty_network_has_no_parameter() -> None:
    contact = Contact(
        source="s",
        profiles=[Profile("Bluesky", "https://bsky.app/a"), Profile("", "https://b.example")],
    )
    assert "X-SOCIALPROFILE;TYPE=bluesky:https://bsky.app/a" in unfold(to_vcard(contact))
    lines = unfold(to_vcard(contact, version="4.0"))
    assert "SOCIALPROFILE;SERVICE-TYPE=Bluesky:https://bsky.app/a" in lines
    assert "SOCIALPROFILE:https://b.example" in lines


def test_review_hint_only_when_asked() -> None:
    contact = Contact(source="s", name=Name("Anna"), confidence={"title": 0.3, "phones": 0.5})
    assert not any(line.startswith("NOTE") for line in unfold(to_vcard(contact)))
    assert "NOTE:cardscan: please check phones\\, title" in unfold(to_vcard(contact, review=True))
    assert "NOTE:Messe 2026" in unfold(to_vcard(contact, note="Messe 2026"))
    both = unfold(to_vcard(contact, note="Messe 2026", review=True))
    assert "NOTE:Messe 2026\\ncardscan: please check phones\\, title" in both
    assert not any(line.startswith("NOTE") for line in unfold(to_vcard(contact, note="")))
    sure = Contact(source="s", name=Name("Anna"), confidence={"title": 0.9})
    assert not any(line.startswith("NOTE") for line in unfold(to_vcard(sure, review=True)))


def test_source_path_only_when_asked() -> None:
    contact = Contact(source="/home/anna/Bilder/Messe/IMG_0042.jpg", organization="Firma")
    assert "/home/anna" not in to_vcard(contact)
    assert "X-CARDSCAN" not in to_vcard(contact, version="4.0")
    lines = unfold(to_vcard(contact, source=True))
    assert "X-CARDSCAN-SOURCE:/home/anna/Bilder/Messe/IMG_0042.jpg" in lines
    stream = io.StringIO(newline="")
    with open_writer(Format.vcard, stream, review=True, source=True) as writer:
        writer.write(dataclasses.replace(contact, confidence={"organization": 0.2}))
    assert "X-CARDSCAN-SOURCE:" in stream.getvalue()
    assert "NOTE:cardscan: please check organization" in stream.getvalue()


@pytest.mark.parametrize(
    ("rev", "expected"),
    [
        (datetime(2026, 11, 26, 10, 45), "REV:20261126T104500Z"),  # naive: taken as UTC
        (
            datetime(2026, 11, 26, 11, 45, tzinfo=timezone(timedelta(hours=1))),
            "REV:20261126T104500Z",
        ),
        (datetime(2026, 1, 2, 3, 4, 5, 999, tzinfo=UTC), "REV:20260102T030405Z"),
    ],
)
def test_rev_is_a_utc_timestamp(rev: datetime, expected: str) -> None:
    assert expected in unfold(to_vcard(Contact(source="s"), rev=rev))


def test_rev_defaults_to_now() -> None:
    (line,) = [x for x in unfold(to_vcard(Contact(source="s"))) if x.startswith("REV:")]
    written = datetime.strptime(line, "REV:%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    assert abs(datetime.now(UTC) - written) < timedelta(minutes=1)


def test_charset_for_outlook_marks_non_ascii_values_in_3_0_only() -> None:
    lines = unfold(to_vcard(rich(), rev=REV, charset=True))
    assert "FN;CHARSET=UTF-8:Prof. Dr. Jürgen Weiß-Müller" in lines
    assert "N;CHARSET=UTF-8:Weiß-Müller;Jürgen;;Prof. Dr.;" in lines
    assert "EMAIL;TYPE=internet:j.weiss-mueller@mueller-soehne.de" in lines
    assert parse_one("\r\n".join(lines) + "\r\n").fn.value == "Prof. Dr. Jürgen Weiß-Müller"
    with pytest.raises(ValueError, match="CHARSET"):
        to_vcard(rich(), version="4.0", charset=True)


def test_unknown_version_is_refused() -> None:
    with pytest.raises(ValueError, match=r"2\.1"):
        to_vcard(rich(), version="2.1")


# --- UID --------------------------------------------------------------------------------------


def test_uid_is_stable_for_a_rescan_and_follows_email_then_name_then_source() -> None:
    a = Contact(source="a.jpg", name=Name("Anna Berg"), emails=["Anna.Berg@Firma.de"])
    b = Contact(source="b.jpg", name=Name("Anna  Berg"), emails=["anna.berg@firma.de "])
    assert contact_uid(a) == contact_uid(b)
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", contact_uid(a))
    assert contact_uid(a) != contact_uid(Contact(source="a.jpg", emails=["other@firma.de"]))
    by_name = Contact(source="a.jpg", name=Name("Anna Berg"), organization="Firma")
    assert contact_uid(by_name) == contact_uid(
        Contact(source="b.jpg", name=Name("anna berg"), organization="FIRMA")
    )
    assert contact_uid(by_name) != contact_uid(Contact(source="a.jpg", name=Name("Anna Berg")))
    assert contact_uid(Contact(source="a.jpg")) == contact_uid(Contact(source="a.jpg"))
    assert contact_uid(Contact(source="a.jpg")) != contact_uid(Contact(source="b.jpg"))


def test_given_uid_is_written_and_a_text_uid_is_marked_in_4_0() -> None:
    assert "UID:card-17" in unfold(to_vcard(rich(), uid="card-17"))
    assert "UID;VALUE=text:card-17" in unfold(to_vcard(rich(), version="4.0", uid="card-17"))
    assert f"UID:{contact_uid(rich())}" in unfold(to_vcard(rich(), version="4.0"))


# --- several cards -----------------------------------------------------------------------------


def test_write_vcards_writes_one_card_per_contact_with_its_own_uid() -> None:
    contacts = [rich(), Contact(source="b.jpg", organization="Firma"), Contact(source="c.jpg")]
    stream = io.StringIO(newline="")
    assert write_vcards(contacts, stream, rev=REV) == 3
    cards = parse(stream.getvalue())
    assert [c.fn.value for c in cards] == ["Prof. Dr. Jürgen Weiß-Müller", "Firma", ""]
    assert len({c.uid.value for c in cards}) == 3
    streamed = io.StringIO(newline="")
    with open_writer(Format.vcard, streamed, rev=REV) as writer:
        for contact in contacts:
            writer.write(contact)
    assert streamed.getvalue() == stream.getvalue()


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


if __name__ == "__main__":
    regenerate()
    print(f"regenerated the vCard golden files in {GOLDEN}")


def test_categories_from_tags_round_trip() -> None:
    card = to_vcard(Contact(source="s", title="CTO"), categories=["lead", "Messe, Halle 3", ""])
    assert "\r\nCATEGORIES:lead,Messe\\, Halle 3\r\n" in card
    parsed = vobject.readOne(card)
    assert parsed.categories.value == ["lead", "Messe, Halle 3"]
