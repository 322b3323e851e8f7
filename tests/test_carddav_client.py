"""The CardDAV client with a fake transport (timeouts, refusals, ETags), the vCard splitter
and resource names."""

from __future__ import annotations

import pytest

from cardscan.carddav import CarddavClient, HttpResponse, card_uid, resource_name, split_vcards
from cardscan.errors import CarddavError, InputError
from cardscan.export.vcard import to_vcard
from tests.carddav_support import sample_contacts


def _fake(*answers: HttpResponse | Exception):
    queue = list(answers)
    sent: list[tuple[str, dict[str, str]]] = []

    def send(method: str, url: str, headers: dict[str, str], body: bytes | None) -> HttpResponse:
        sent.append((method, headers))
        answer = queue.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    return send, sent


CARD = to_vcard(sample_contacts()[1], note="")


def test_timeout_is_a_clear_error() -> None:
    send, _ = _fake(TimeoutError())
    client = CarddavClient("https://dav.example/c/", timeout=7, transport=send)
    with pytest.raises(CarddavError, match=r"dav\.example did not answer within 7 s"):
        client.push(CARD)


@pytest.mark.parametrize(
    ("status", "reason"),
    [
        (500, "server error 500"),
        (503, "server error 503"),
        (400, "invalid"),
        (413, "too large"),
        (409, "UID"),
    ],
)
def test_a_card_the_server_refuses_is_a_failed_result(status: int, reason: str) -> None:
    send, _ = _fake(HttpResponse(status))
    result = CarddavClient("https://dav.example/c", transport=send).push(CARD)
    assert result.status == "failed"
    assert reason in result.reason
    assert result.href == "https://dav.example/c/" + resource_name(card_uid(CARD))


def test_update_uses_the_etag_and_a_lost_race_is_reported() -> None:
    send, sent = _fake(HttpResponse(412), HttpResponse(200, {"etag": '"v1"'}), HttpResponse(412))
    result = CarddavClient("https://dav.example/c/", transport=send).push(CARD)
    assert [m for m, _ in sent] == ["PUT", "GET", "PUT"]
    assert sent[0][1]["If-None-Match"] == "*"
    assert sent[2][1]["If-Match"] == '"v1"'
    assert sent[0][1]["Content-Type"] == "text/vcard; charset=utf-8"
    assert (result.status, "412") == ("failed", "412") and "changed on the server" in result.reason


def test_403_names_the_permission_problem() -> None:
    send, _ = _fake(HttpResponse(403))
    with pytest.raises(CarddavError, match=r"may not write .*\(403\)"):
        CarddavClient("https://dav.example/c/", username="u", password="p", transport=send).push(
            CARD
        )


def test_not_a_url_is_refused() -> None:
    with pytest.raises(CarddavError, match="not an http"):
        CarddavClient("dav.example/contacts")


def test_split_keeps_nested_cards_and_folded_lines_and_adds_uids() -> None:
    text = (
        "\ufeffjunk\r\nBEGIN:VCARD\r\nVERSION:2.1\r\nFN:A\r\nAGENT:BEGIN:VCARD\r\n"
        "begin:vcard\r\nFN:inner\r\nend:vcard\r\nUID:u-1\r\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Lo\n ng\nNOTE:x\n  UID:not-a-uid\nEND:VCARD\n"
    )
    cards = split_vcards(text)
    assert len(cards) == 2
    assert card_uid(cards[0]) == "u-1"
    assert "FN:inner" in cards[0]
    assert card_uid(cards[1]).startswith("urn:uuid:")
    assert cards[1].endswith("\r\nEND:VCARD\r\n")
    assert card_uid(split_vcards(text)[1]) == card_uid(cards[1])  # stable


@pytest.mark.parametrize("text", ["", "FN:x\n", "BEGIN:VCARD\nFN:cut off\n"])
def test_split_refuses_files_without_complete_cards(text: str) -> None:
    with pytest.raises(InputError):
        split_vcards(text, source="x.vcf")


@pytest.mark.parametrize(
    ("uid", "name"),
    [
        ("urn:uuid:0b8e-11", "0b8e-11.vcf"),
        ("abc_DEF.1", "abc_DEF.1.vcf"),
    ],
)
def test_resource_name_from_plain_uids(uid: str, name: str) -> None:
    assert resource_name(uid) == name


@pytest.mark.parametrize("uid", ["../../etc/passwd", "a b", "ü", "x/y", ".hidden", "a" * 200])
def test_resource_name_of_unsafe_uids_is_a_hash(uid: str) -> None:
    name = resource_name(uid)
    assert name.endswith(".vcf") and len(name) == 36 and name[:-4].isalnum()
