"""A Radicale CardDAV server on 127.0.0.1 for the tests, and the contacts they push to it."""

from __future__ import annotations

import base64
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

import vobject

from cardscan.export.vcard import write_vcards
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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_radicale(tmp: Path, *auth: str) -> Iterator[Server]:
    port = free_port()
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


def sample_contacts() -> list[Contact]:
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


def vcf_text(contacts: list[Contact]) -> str:
    stream = io.StringIO(newline="")
    write_vcards(contacts, stream, version="3.0", note="")
    return stream.getvalue()


def server_cards(server: Server, path: str) -> dict[str, vobject.base.Component]:
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
