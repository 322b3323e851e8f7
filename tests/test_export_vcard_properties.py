"""The vCard writer property by property: FN, N, ORG, TEL, NOTE, REV, CHARSET, UID,
several cards in one file and CATEGORIES."""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import UTC, datetime, timedelta, timezone

import pytest
import vobject

from cardscan.export import Format, open_writer
from cardscan.export.vcard import contact_uid, to_vcard, write_vcards
from cardscan.model import Contact, Name, Phone, Profile
from tests.vcard_support import REV, parse, parse_one, rich, unfold

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


def test_categories_from_tags_round_trip() -> None:
    card = to_vcard(Contact(source="s", title="CTO"), categories=["lead", "Messe, Halle 3", ""])
    assert "\r\nCATEGORIES:lead,Messe\\, Halle 3\r\n" in card
    parsed = vobject.readOne(card)
    assert parsed.categories.value == ["lead", "Messe, Halle 3"]
