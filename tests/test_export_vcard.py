"""Tests of the vCard writer: golden files, a vobject round trip and folding.

Golden files (tests/golden/):
    rich_contact.json   the input: a German card with umlauts, three phones, two profiles
    rich_3.0.vcf        to_vcard(rich, version="3.0", rev=REV, uid=UID): no NOTE and no
                        X-CARDSCAN-SOURCE, though the contact has a review field and a source
    rich_4.0.vcf        the same in 4.0

After an intended change of the output, regenerate them and read the diff before committing:

    PYTHONPATH=. .venv/bin/python tests/test_export_vcard.py
"""

from __future__ import annotations

import pytest

from cardscan.export.vcard import contact_uid, to_vcard
from cardscan.model import Contact, Name
from tests.vcard_support import GOLDEN, REV, parse_one, rich, unfold

UID = "urn:uuid:6f1c2d3e-0000-4000-8000-00000000c0de"


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


if __name__ == "__main__":
    regenerate()
    print(f"regenerated the vCard golden files in {GOLDEN}")
