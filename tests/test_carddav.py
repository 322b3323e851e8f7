"""CardDAV push against a real Radicale on 127.0.0.1, plus the splitter and error messages."""

from __future__ import annotations

import base64
import csv
import dataclasses
import http.client
import io
import os
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import vobject
from click.testing import CliRunner

from cardscan.carddav import (
    CarddavClient,
    HttpResponse,
    card_uid,
    resource_name,
    split_vcards,
)
from cardscan.cli import main
from cardscan.errors import CarddavError, ExitCode, InputError
from cardscan.export.vcard import to_vcard, write_vcards
from cardscan.model import Address, Contact, Name, Phone, Profile

USER, PASSWORD = "anna", "s3cret-Pässwort"
_MKCOL = (
    b'<?xml version="1.0"?><mkcol xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav">'
    b"<set><prop><resourcetype><collection/><C:addressbook/></resourcetype></prop></set></mkcol>"
)


@dataclass(frozen=True)
class Server:
    port: int

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def request(
        self, method: str, path: str, body: bytes | None = None, password: str = PASSWORD
    ) -> tuple[int, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        token = base64.b64encode(f"{USER}:{password}".encode()).decode()
        headers = {"Authorization": f"Basic {token}", "Depth": "1"}
        try:
            conn.request(method, path, body, headers)
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    def addressbook(self, name: str = "contacts") -> str:
        status, _ = self.request("MKCOL", f"/{USER}/{name}/", _MKCOL)
        assert status == 201
        return self.url(f"/{USER}/{name}/")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start_radicale(tmp: Path, *auth: str) -> Iterator[Server]:
    port = _free_port()
    log = (tmp / "radicale.log").open("wb")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "radicale",
            "--server-hosts",
            f"127.0.0.1:{port}",
            "--storage-filesystem-folder",
            str(tmp / "storage"),
            *auth,
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            assert proc.poll() is None, (tmp / "radicale.log").read_text(errors="replace")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "Radicale did not start within 20 s"
                time.sleep(0.05)
        yield Server(port)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    yield from _start_radicale(tmp_path_factory.mktemp("radicale"), "--auth-type", "none")


@pytest.fixture(scope="module")
def locked_radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("radicale-htpasswd")
    (tmp / "users").write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
    yield from _start_radicale(
        tmp,
        "--auth-type",
        "htpasswd",
        "--auth-htpasswd-filename",
        str(tmp / "users"),
        "--auth-htpasswd-encryption",
        "plain",
    )


def _contacts() -> list[Contact]:
    return [
        Contact(
            source="a.jpg",
            name=Name(
                "Dr. Jürgen Müller-Lüdenscheidt, MBA", "Dr.", "Jürgen", "Müller-Lüdenscheidt", "MBA"
            ),
            title="Leiter Einkauf; Vertrieb",
            organization="Bäcker, Söhne & Co; KG",
            department="Öffentlichkeit, Presse",
            phones=[
                Phone("+49301234560"),
                Phone("+491701234567", "mobile"),
                Phone("+49301234569", "fax"),
                Phone("+49301234561", "work", "12"),
            ],
            emails=["juergen.mueller@baecker.example", "info@baecker.example"],
            urls=["https://baecker.example/team?a=1,b=2"],
            profiles=[
                Profile("linkedin", "https://www.linkedin.com/in/jmueller"),
                Profile("xing", "https://www.xing.com/profile/Juergen_Mueller"),
            ],
            address=Address("Königstraße 1", "70173", "Stuttgart", None, "Deutschland"),
        ),
        Contact(
            source="b.jpg",
            name=Name("Zoë O'Brien", None, "Zoë", "O'Brien"),
            organization="Ørsted; A/S",
            phones=[Phone("+4570102030", "mobile")],
            emails=["zoe@orsted.example"],
        ),
    ]


def _vcf(contacts: list[Contact]) -> str:
    stream = io.StringIO(newline="")
    write_vcards(contacts, stream, version="3.0", note="")
    return stream.getvalue()


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


def _server_cards(server: Server, path: str) -> dict[str, vobject.base.Component]:
    status, body = server.request("PROPFIND", path)
    assert status == 207
    hrefs = [el.text or "" for el in ET.fromstring(body).findall("{DAV:}response/{DAV:}href")]
    cards = {}
    for href in hrefs:
        if href.rstrip("/") == path.rstrip("/"):
            continue  # the address book itself
        status, data = server.request("GET", href)
        assert status == 200
        card = vobject.readOne(data.decode("utf-8"))
        cards[card.uid.value] = card
    return cards


def test_push_creates_each_contact_and_it_comes_back_field_for_field(radicale: Server) -> None:
    url = radicale.addressbook("roundtrip")
    text = _vcf(_contacts())
    client = CarddavClient(url, username=USER, password="any")
    client.check()
    results = list(client.push_all(split_vcards(text)))
    assert [r.status for r in results] == ["created", "created"]
    assert results[0].name == "Dr. Jürgen Müller-Lüdenscheidt, MBA"

    sent = {c.uid.value: c for c in vobject.readComponents(text)}
    back = _server_cards(radicale, f"/{USER}/roundtrip/")
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
    contacts = _contacts()
    assert [r.status for r in client.push_all(split_vcards(_vcf(contacts)))] == ["created"] * 2
    contacts[1] = dataclasses.replace(contacts[1], title="Geschäftsführerin")
    results = list(client.push_all(split_vcards(_vcf(contacts))))
    assert [r.status for r in results] == ["updated", "updated"]
    back = _server_cards(radicale, f"/{USER}/twice/")
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
    assert len(_server_cards(radicale, f"/{USER}/nouid/")) == 1


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
    client = CarddavClient(f"http://127.0.0.1:{_free_port()}/anna/contacts/", timeout=3)
    with pytest.raises(CarddavError, match=r"cannot reach 127\.0\.0\.1:\d+ .*check the URL"):
        client.check()


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


CARD = to_vcard(_contacts()[1], note="")


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


# --- the command line ----------------------------------------------------------------------


def test_cli_push_creates_then_updates(radicale: Server, tmp_path: Path) -> None:
    url = radicale.addressbook("cli")
    path = tmp_path / "cards.vcf"
    path.write_text(_vcf(_contacts()), encoding="utf-8", newline="")
    runner = CliRunner()
    args = ["push", str(path), "--carddav", url, "--username", USER, "--password-env", "CS_PW"]
    result = runner.invoke(main, args, env={"CS_PW": "secret-value"})
    assert result.exit_code == 0, result.output
    assert "2 created, 0 updated, 0 failed" in result.stderr
    assert "secret-value" not in result.output
    result = runner.invoke(main, args, env={"CS_PW": "secret-value"})
    assert result.exit_code == 0
    assert "0 created, 2 updated, 0 failed" in result.stderr
    assert len(_server_cards(radicale, f"/{USER}/cli/")) == 2


def test_cli_push_wrong_password_exits_with_the_carddav_code(
    locked_radicale: Server, tmp_path: Path
) -> None:
    url = locked_radicale.addressbook("cli-locked")
    path = tmp_path / "cards.vcf"
    path.write_text(_vcf(_contacts()), encoding="utf-8", newline="")
    result = CliRunner().invoke(
        main, ["push", str(path), "--carddav", url, "--username", USER, "--password", "nope"]
    )
    assert result.exit_code == ExitCode.carddav_failed
    assert "401" in result.stderr and "Traceback" not in result.output


def test_cli_push_missing_password_variable_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "cards.vcf"
    path.write_text(_vcf(_contacts()), encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["push", str(path), "--carddav", "http://127.0.0.1:1/x/", "--password-env", "NO_SUCH_VAR"],
        env={"NO_SUCH_VAR": None},
    )
    assert result.exit_code == ExitCode.usage
    assert "NO_SUCH_VAR" in result.stderr


def _fake_batch(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """batch without OCR: two "photos" whose outcomes are the test contacts."""
    from cardscan.cli import scan
    from cardscan.pipeline import ScanResult, batch

    folder = tmp_path / "photos"
    folder.mkdir()
    contacts = _contacts()
    outcomes = [ScanResult(c.source, c, 0.1, 0.9) for c in contacts]
    monkeypatch.setattr(scan, "find_images", lambda *a, **k: [folder / "a.jpg", folder / "b.jpg"])
    monkeypatch.setattr(batch, "read_cards", lambda *a, **k: (o for o in outcomes))
    return folder


def test_cli_batch_pushes_every_contact_after_writing_the_file(
    radicale: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _fake_batch(monkeypatch, tmp_path)
    url = radicale.addressbook("batch")
    out = tmp_path / "out.vcf"
    args = ["batch", str(folder), "-o", str(out), "--vcard-version", "4.0", "--carddav", url]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").count("VERSION:4.0") == 2
    assert "2 created, 0 updated, 0 failed" in result.stderr
    back = _server_cards(radicale, f"/{USER}/batch/")
    assert sorted(c.fn.value for c in back.values()) == [
        "Dr. Jürgen Müller-Lüdenscheidt, MBA",
        "Zoë O'Brien",
    ]
    assert {c.version.value for c in back.values()} == {"3.0"}  # pushed as 3.0


def test_cli_batch_checks_the_address_book_before_scanning(
    radicale: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _fake_batch(monkeypatch, tmp_path)
    out = tmp_path / "out.csv"
    args = ["batch", str(folder), "-o", str(out), "--carddav", radicale.url("/anna/missing/")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == ExitCode.carddav_failed
    assert "no address book at" in result.stderr
    assert not out.exists()


def test_cli_batch_google_csv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _fake_batch(monkeypatch, tmp_path)
    out = tmp_path / "google.csv"
    result = CliRunner().invoke(
        main, ["batch", str(folder), "-o", str(out), "--format", "google-csv"]
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("First Name,Middle Name,Last Name,")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [r["Last Name"] for r in rows] == ["Müller-Lüdenscheidt", "O'Brien"]
