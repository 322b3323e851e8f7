"""`cardscan review`'s pages: stack, card, saving through the book's matching, the book, sending."""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import vobject
from review_support import Session, start, stop

from cardscan.book import Book
from cardscan.carddav import CarddavClient, HttpResponse
from cardscan.model import Contact, Name
from cardscan.review.checks import field_checks
from cardscan.review.forms import parse_contact, parse_encounter


class Form(dict):
    """A submitted form: one value or a list per name."""

    def getlist(self, key: str) -> list[object]:
        value = self.get(key)
        return value if isinstance(value, list) else [] if value is None else [value]


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    s = start(tmp_path)
    s.review.today = lambda: date(2026, 3, 1)
    yield s
    stop(s)


def card_form(**changes: object) -> dict[str, object]:
    """What the card page submits for the fake reader's Anna, with changes."""
    form: dict[str, object] = {
        "name_full": "Anna Beispiel",
        "name_given": "Anna",
        "name_family": "Beispiel",
        "title": "Leiterin Einkauf",
        "organization": "Beispiel Werke GmbH",
        "phone_number": ["+49 30 1234560", "0170 1234567", ""],
        "phone_type": ["work", "mobile", "work"],
        "phone_ext": ["", "", ""],
        "email": ["anna.beispiel@beispiel-werke.de", ""],
        "url": ["https://www.beispiel-werke.de", ""],
        "street": "Musterweg 5",
        "postal_code": "10115",
        "city": "Berlin",
        "met_on": "2026-03-01",
    }
    form.update(changes)
    return form


def test_the_stack_shows_each_card_with_its_marks(session: Session) -> None:
    session.add("anna.jpg", "hostile.jpg")
    page = session.local.get("/").text
    assert "Anna Beispiel" in page and "Beispiel Werke GmbH" in page
    assert 'title="Check: Title"' in page  # title read at 0.45
    assert session.local.get("/progress").json() == {"done": 2, "total": 2, "version": 6}
    assert session.local.get("/card/1/thumb").headers["content-type"] == "image/jpeg"
    assert session.local.get("/card/1/image").content.startswith(b"\xff\xd8")


def test_the_card_page_shows_the_fields_and_what_to_check(session: Session) -> None:
    session.add("anna.jpg")
    page = session.local.get("/card/1").text
    assert 'name="name_family" value="Beispiel"' in page
    assert 'value="+49 30 1234560"' in page  # shown grouped, saved as E.164
    assert '<option value="mobile" selected>' in page
    assert "read with low confidence (45%)" in page
    assert "<code>Leiterin Einkauf</code>" in page
    assert "linkedin.com/search/results/people/?keywords=Anna+Beispiel+Beispiel+Werke+GmbH" in page


def test_save_corrects_the_name_and_goes_to_the_next_card(session: Session) -> None:
    session.add("anna.jpg", "2.jpg")
    response = session.post(
        "/card/1/save",
        card_form(name_family="Beispiel-Groß", event="Hannover Messe", notes="Belege", next="1"),
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == "/card/2?saved=1"
    assert (
        "Saved Anna Beispiel-Groß as #1 (new contact)" in session.local.get("/card/2?saved=1").text
    )
    with Book(session.book) as book:
        entry = book.get(1)
    assert entry.contact.name == Name("Anna Beispiel-Groß", given="Anna", family="Beispiel-Groß")
    assert [p.number for p in entry.contact.phones] == ["+49301234560", "+491701234567"]
    assert entry.encounters[0].event == "Hannover Messe" and entry.encounters[0].notes == "Belege"
    assert entry.encounters[0].source == "anna.jpg"
    assert entry.has_image


def test_a_known_person_gets_an_encounter_and_keeps_history(session: Session) -> None:
    session.add("anna.jpg")
    session.post("/card/1/save", card_form(event="Hannover Messe", met_on="2026-03-01"))
    session.add("again.jpg")
    page = session.local.get("/card/2").text
    assert "Already in your book as" in page and "met at Hannover Messe on 2026-03-01" in page
    session.post(
        "/card/2/save", card_form(title="Geschäftsführerin", event="CeBIT", met_on="2026-09-14")
    )
    page = session.local.get("/card/2").text
    assert "was already in your book: met at Hannover Messe on 2026-03-01" in page
    assert "title changed: Leiterin Einkauf -&gt; Geschäftsführerin" in page
    with Book(session.book) as book:
        (entry,) = book.entries()
    assert [e.event for e in entry.encounters] == ["Hannover Messe", "CeBIT"]
    assert entry.contact.title == "Geschäftsführerin"
    assert entry.history_of("title")[0].old_value == "Leiterin Einkauf"


def test_a_form_that_does_not_validate_saves_nothing(session: Session) -> None:
    session.add("anna.jpg")
    response = session.post(
        "/card/1/save", card_form(phone_number=["030 abc"], email=["no-at-sign"], met_on="1.3.")
    )
    assert response.status_code == 422
    assert "is not a phone number" in response.text and "is not an e-mail address" in response.text
    assert "is not a date" in response.text
    assert 'value="030 abc"' in response.text  # what was typed stays
    with Book(session.book) as book:
        assert book.entries() == []


def test_the_book_searches_as_who_does(session: Session) -> None:
    session.add("anna.jpg")
    session.post(
        "/card/1/save",
        card_form(
            event="Hannover Messe", notes="OCR für Belege", tags="lead", follow_up_by="2026-02-20"
        ),
    )
    for query in (
        "beispiel",
        "Beispiel Werke",
        "hannover",
        "belege",
        "030 1234560",
        "+49 170 1234567",
    ):
        assert "Anna Beispiel" in session.local.get("/book", params={"q": query}).text, query
    assert "Nobody in the book matches" in session.local.get("/book?q=zzzz").text
    page = session.local.get("/book").text
    assert "follow up by 2026-02-20 (due)" in page and "lead" in page


def test_edit_keeps_history_and_forget_asks_first(session: Session) -> None:
    session.add("anna.jpg")
    session.post("/card/1/save", card_form())
    response = session.post(
        "/book/1", card_form(organization="Neue Werke AG"), follow_redirects=True
    )
    assert "Saved." in response.text
    assert "(since 2026-03-01, before: Beispiel Werke GmbH)" in response.text
    assert "There is no undo" in session.local.get("/book/1/forget").text
    assert "Forgot Anna Beispiel" in session.post("/book/1/forget").text
    assert session.local.get("/book/1").status_code == 404
    with Book(session.book) as book:
        assert book.entries() == []


def test_downloads(session: Session) -> None:
    session.add("anna.jpg", "hostile.jpg")
    session.post("/card/1/save", card_form(event="Hannover Messe", tags="lead"))
    session.post("/card/2/save", {"name_full": "Zoe Zweite", "email": "zoe@example.com"})
    vcf = session.local.get("/export?format=vcard3")
    assert vcf.headers["content-type"].startswith("text/vcard")
    assert 'filename="cardscan-contacts.vcf"' in vcf.headers["content-disposition"]
    cards = list(vobject.readComponents(vcf.text))
    assert [c.fn.value for c in cards] == ["Anna Beispiel", "Zoe Zweite"] or [
        c.fn.value for c in cards
    ] == ["Zoe Zweite", "Anna Beispiel"]
    one = session.local.get("/export?format=vcard4&id=1").text
    assert one.count("BEGIN:VCARD") == 1 and "VERSION:4.0" in one
    assert "Met 2026-03-01  Hannover Messe" in one and "CATEGORIES:lead" in one
    google = session.local.get("/export?format=google-csv&id=1").text
    rows = list(csv.DictReader(io.StringIO(google)))
    assert rows[0]["First Name"] == "Anna" and "Hannover Messe" in rows[0]["Notes"]
    assert session.local.get("/export?format=outlook-csv").text.startswith("\ufeff")
    assert session.local.get("/export?format=exe").status_code == 404
    assert session.local.get("/export?format=vcard3&id=99").status_code == 404


def fake_server(password: str) -> tuple[list[tuple[str, str]], object]:
    seen: list[tuple[str, str]] = []

    def send(method: str, url: str, headers: dict[str, str], body: bytes | None) -> HttpResponse:
        seen.append((method, url))
        if (
            headers.get("Authorization")
            != CarddavClient(url, username="anna", password=password)._headers["Authorization"]
        ):
            return HttpResponse(401)
        if method == "PROPFIND":
            xml = b'<d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav"><d:response><d:propstat><d:prop><d:resourcetype><d:collection/><c:addressbook/></d:resourcetype></d:prop></d:propstat></d:response></d:multistatus>'
            return HttpResponse(207, {}, xml)
        return HttpResponse(201)

    return seen, send


def test_push_to_carddav(session: Session) -> None:
    session.add("anna.jpg")
    session.post("/card/1/save", card_form())
    seen, transport = fake_server("right")
    session.review.carddav = lambda url, user, pw: CarddavClient(
        url,
        username=user,
        password=pw,
        transport=transport,  # type: ignore[arg-type]
    )
    form = {"url": "https://dav.example.com/ab/", "username": "anna", "password": "right"}
    page = session.post("/send/carddav", form)
    assert page.status_code == 200 and "1 created" in page.text
    assert [m for m, _ in seen] == ["PROPFIND", "PUT"]
    assert "right" not in page.text  # the password is not shown back
    refused = session.post("/send/carddav", {**form, "password": "wrong"})
    assert refused.status_code == 502 and "password" in refused.text.lower()


# --- forms and checks, without the server ---


@pytest.mark.parametrize(
    ("typed", "e164"),
    [
        ("030 1234560", "+49301234560"),
        ("+43 1 5344300", "+4315344300"),
        ("(030) 123-4560", "+49301234560"),
    ],
)
def test_phones_typed_as_people_type_them(typed: str, e164: str) -> None:
    contact, problems = parse_contact(
        Form(phone_number=[typed], phone_type=["fax"], name_full="A B"), Contact("x"), region="DE"
    )
    assert not problems and contact.phones[0].number == e164 and contact.phones[0].type == "fax"


def test_the_whole_name_follows_corrected_parts() -> None:
    before = Contact("x", name=Name("Dr. Jan Mueler", prefix="Dr.", given="Jan", family="Mueler"))
    form = Form(
        name_full="Dr. Jan Mueler", name_prefix="Dr.", name_given="Jan", name_family="Müller"
    )
    assert parse_contact(form, before, region="DE")[0].name == Name(
        "Dr. Jan Müller", prefix="Dr.", given="Jan", family="Müller"
    )
    typed = Form(name_full="Jan Müller", name_given="Jan", name_family="Mueler", name_prefix="Dr.")
    assert parse_contact(typed, before, region="DE")[0].name.full == "Jan Müller"  # type: ignore[union-attr]


def test_an_empty_form_is_refused() -> None:
    _, problems = parse_contact(Form(), Contact("x"), region="DE")
    assert "name_full" in problems.by_field


def test_encounter_fields() -> None:
    form = Form(
        event=" CeBIT  2026 ",
        tags="lead, ocr,",
        notes="a\r\nb",
        profile_url="linkedin.com/in/anna",
        follow_up_by="2026-04-01",
    )
    encounter, urls, problems = parse_encounter(form, source="a.jpg", today=date(2026, 3, 1))
    assert not problems
    assert (encounter.event, encounter.tags, encounter.notes) == (
        "CeBIT 2026",
        ("lead", "ocr"),
        "a\nb",
    )
    assert encounter.met_on == date(2026, 3, 1) and urls == ["https://linkedin.com/in/anna"]


def test_checks_name_low_confidence_and_repairs_but_not_qr_data() -> None:
    contact = Contact(
        "x",
        name=Name("Anna Beispiel"),
        title="Leiterin",
        emails=["anna.beispiel@beispiel.de"],
        organization="QR GmbH",
        raw_text="Anna Beispiel\nLeiterin\nanna beispiel@beispiel.de",
        confidence={"name": 0.9, "title": 0.5, "emails": 0.9, "organization": 1.0},
    )
    checks = {c.field: c for c in field_checks(contact)}
    assert set(checks) == {"title", "emails"}
    assert checks["title"].why == "read with low confidence (50%)"
    assert checks["emails"].why.startswith("not printed like this")
    assert checks["emails"].printed == "anna beispiel@beispiel.de"


def test_a_saved_card_shows_what_was_saved_and_no_more_checks(session: Session) -> None:
    session.add("anna.jpg")
    assert "Please check" in session.local.get("/card/1").text
    session.post("/card/1/save", card_form(title="Einkaufsleiterin"))
    page = session.local.get("/card/1").text
    assert 'name="title" value="Einkaufsleiterin"' in page and "Please check" not in page
    assert "Saved as" in page and "saved #1" in session.local.get("/").text
    assert "+49 30 1234560 (work)" in session.local.get("/book").text


def test_an_address_printed_in_another_order_is_no_repair() -> None:
    from cardscan.model import Address

    contact = Contact(
        "x",
        name=Name("Sam Doe"),
        address=Address(
            street="7185 Park Avenue", postal_code="98122", city="Seattle", region="WA"
        ),
        raw_text="Sam Doe\n7185 Park Avenue\nSeattle, WA 98122",
        confidence={"name": 0.9, "address": 0.8},
    )
    assert field_checks(contact) == []
    moved = Address(street="7185 Park Avenue", postal_code="98123", city="Seattle")
    contact = dataclasses.replace(contact, address=moved)
    assert [c.field for c in field_checks(contact)] == ["address"]
