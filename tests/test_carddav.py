"""CardDAV push against a real Radicale on 127.0.0.1: a round trip field for field, updates,
and errors that say what to do."""

from __future__ import annotations

import dataclasses

import pytest
import vobject

from cardscan.carddav import CarddavClient, card_uid, split_vcards
from cardscan.errors import CarddavError, ExitCode
from tests.carddav_support import (
    PASSWORD,
    USER,
    Server,
    free_port,
    sample_contacts,
    server_cards,
    vcf_text,
)


def _fields(card: vobject.base.Component) -> dict[str, list[tuple[str, ...]]]:
    """The properties compared after the round trip, as plain values (order-free lists)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for key in ("fn", "n", "org", "title", "tel", "email", "url", "adr", "uid", "x-socialprofile"):
        values = []
        for prop in card.contents.get(key, []):
            value = prop.value
            if key == "n":
                value = (value.family, value.given, value.additional, value.prefix, value.suffix)
            elif key == "adr":
                value = (value.street, value.city, value.region, value.code, value.country)
            elif isinstance(value, list):
                value = tuple(value)
            else:
                value = (value,)
            types = tuple(sorted(t.lower() for t in prop.params.get("TYPE", [])))
            values.append((*map(str, value), *types))
        out[key] = sorted(values)
    return out


def test_push_creates_each_contact_and_it_comes_back_field_for_field(radicale: Server) -> None:
    url = radicale.addressbook("roundtrip")
    text = vcf_text(sample_contacts())
    client = CarddavClient(url, username=USER, password="any")
    client.check()
    results = list(client.push_all(split_vcards(text)))
    assert [r.status for r in results] == ["created", "created"]
    assert results[0].name == "Dr. Jürgen Müller-Lüdenscheidt, MBA"

    sent = {c.uid.value: c for c in vobject.readComponents(text)}
    back = server_cards(radicale, f"/{USER}/roundtrip/")
    assert set(back) == set(sent)
    for uid, card in sent.items():
        assert _fields(back[uid]) == _fields(card)
    juergen = back[card_uid(split_vcards(text)[0])]
    assert juergen.org.value == ["Bäcker, Söhne & Co; KG", "Öffentlichkeit, Presse"]
    assert len(juergen.contents["tel"]) == 4
    assert juergen.contents["x-socialprofile"][0].params["TYPE"] == ["linkedin"]


def test_push_again_updates_and_does_not_duplicate(radicale: Server) -> None:
    url = radicale.addressbook("twice")
    client = CarddavClient(url, username=USER, password="any")
    contacts = sample_contacts()
    assert [r.status for r in client.push_all(split_vcards(vcf_text(contacts)))] == ["created"] * 2
    contacts[1] = dataclasses.replace(contacts[1], title="Geschäftsführerin")
    results = list(client.push_all(split_vcards(vcf_text(contacts))))
    assert [r.status for r in results] == ["updated", "updated"]
    back = server_cards(radicale, f"/{USER}/twice/")
    assert len(back) == 2
    assert back[results[1].uid].title.value == "Geschäftsführerin"


def test_a_card_without_uid_gets_a_stable_one_so_a_second_push_updates(radicale: Server) -> None:
    url = radicale.addressbook("nouid")
    text = "BEGIN:VCARD\nVERSION:3.0\nN:Weiß;Ö;;;\nFN:Ö Weiß\nEND:VCARD\n"
    client = CarddavClient(url, username=USER, password="x")
    first = client.push(split_vcards(text)[0])
    again = client.push(split_vcards(text)[0])
    assert (first.status, again.status) == ("created", "updated")
    assert first.uid == again.uid
    assert len(server_cards(radicale, f"/{USER}/nouid/")) == 1


def test_wrong_addressbook_url_says_what_a_url_looks_like(radicale: Server) -> None:
    client = CarddavClient(radicale.url(f"/{USER}/no-such-book/"), username=USER, password="x")
    with pytest.raises(CarddavError, match=r"no address book at .*404.*remote\.php/dav") as exc:
        client.check()
    assert exc.value.exit_code == ExitCode.carddav_failed


def test_a_folder_that_is_no_addressbook_is_refused(radicale: Server) -> None:
    radicale.addressbook("somebook")
    client = CarddavClient(radicale.url(f"/{USER}/"), username=USER, password="x")
    with pytest.raises(CarddavError, match="not an address book"):
        client.check()


def test_wrong_password_gives_a_credentials_message(locked_radicale: Server) -> None:
    url = locked_radicale.addressbook("locked")
    with pytest.raises(CarddavError, match=r"refused the login of 'anna' \(401\)") as exc:
        CarddavClient(url, username=USER, password="wrong").check()
    assert PASSWORD not in str(exc.value)
    CarddavClient(url, username=USER, password=PASSWORD).check()  # the right one works


def test_unreachable_server_is_a_clear_error() -> None:
    client = CarddavClient(f"http://127.0.0.1:{free_port()}/anna/contacts/", timeout=3)
    with pytest.raises(CarddavError, match=r"cannot reach 127\.0\.0\.1:\d+ .*check the URL"):
        client.check()
