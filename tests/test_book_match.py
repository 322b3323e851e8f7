"""Matching re-scanned cards, field history, search, profile links and rendering."""

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from test_book_store import make_contact, met

from cardscan.book import Book
from cardscan.book.edit import editable_text, parse_edit
from cardscan.book.links import network_of, profile_from_url, search_links
from cardscan.book.match import save
from cardscan.book.render import render_card
from cardscan.book.search import search
from cardscan.errors import InvalidEditError
from cardscan.model import Phone, Profile


@pytest.fixture
def book(tmp_path: Path):
    with Book(tmp_path / "book.sqlite3") as b:
        yield b


def test_same_card_at_two_events_is_one_contact(book: Book) -> None:
    first = save(book, make_contact(), met("2026-03-01", "Hannover Messe", notes="OCR für Belege"))
    second = save(book, make_contact(), met("2026-09-14", "CeBIT", notes="will ein Angebot"))
    assert first.created and not second.created
    assert second.contact_id == first.contact_id and second.matched_by == "email"
    (entry,) = book.entries()
    assert [(e.event, e.met_on.isoformat()) for e in entry.encounters] == [
        ("Hannover Messe", "2026-03-01"),
        ("CeBIT", "2026-09-14"),
    ]
    assert second.changes == ()


@pytest.mark.parametrize(
    ("again", "how"),
    [
        (make_contact(email="MARTINA.MUELLER@Example-GmbH.de", phone=None), "email"),
        (make_contact(email="neu@other.example", phone="+4930123456789"), "phone"),
        (
            make_contact("Martina Mueller", None, None, organization="EXAMPLE GMBH"),
            "name+organization",
        ),
    ],
)
def test_match_rules(book: Book, again, how: str) -> None:
    save(book, make_contact(), met("2026-03-01"))
    assert save(book, again, met("2026-04-01")).matched_by == how
    assert len(book.entries()) == 1


@pytest.mark.parametrize(
    "other",
    [
        make_contact("Martina Müller", None, None, organization="Andere AG"),  # same name elsewhere
        make_contact("Petra Müller", "petra@example-gmbh.de", "+4930999999999"),  # colleague
    ],
)
def test_different_people_stay_apart(book: Book, other) -> None:
    save(book, make_contact(), met("2026-03-01"))
    assert save(book, other, met("2026-03-01")).created
    assert len(book.entries()) == 2


def test_title_change_is_kept_as_history(book: Book) -> None:
    save(book, make_contact(), met("2026-03-01"))
    promoted = make_contact(title="Geschäftsführerin", phone="+4930555555555")
    outcome = save(book, promoted, met("2026-09-14", "Messe B"))
    assert {c.field for c in outcome.changes} == {"title", "phones"}
    (entry,) = book.entries()
    assert entry.contact.title == "Geschäftsführerin"
    assert [p.number for p in entry.contact.phones] == ["+4930555555555"]
    (change,) = entry.history_of("title")
    assert (change.old_value, change.new_value, change.changed_on) == (
        "Vertriebsleiterin",
        "Geschäftsführerin",
        date(2026, 9, 14),
    )
    card = render_card(entry)
    assert "Title: Geschäftsführerin (since 2026-09-14, before: Vertriebsleiterin)" in card
    assert "before: +4930123456789" in card


def test_blank_on_new_card_erases_nothing(book: Book) -> None:
    save(book, make_contact(), met("2026-03-01"))
    outcome = save(book, make_contact(title=None, phone=None), met("2026-04-01"))
    assert outcome.changes == ()
    (entry,) = book.entries()
    assert entry.contact.title == "Vertriebsleiterin" and entry.contact.phones


@pytest.mark.parametrize(
    ("url", "network"),
    [
        ("https://www.linkedin.com/in/martina-mueller", "linkedin"),
        ("https://de.linkedin.com/in/mm", "linkedin"),
        ("www.xing.com/profile/Martina_Mueller", "xing"),
        ("https://martina.example/about", "web"),
        ("https://notlinkedin.com/in/x", "web"),
    ],
)
def test_profile_networks(url: str, network: str) -> None:
    assert profile_from_url(url).network == network == network_of(profile_from_url(url).url)


@pytest.mark.parametrize("url", ["", "martina", "ftp://x.example/y", "javascript:alert(1)"])
def test_bad_profile_url(url: str) -> None:
    with pytest.raises(ValueError, match="https://"):
        profile_from_url(url)


def test_profile_url_attached_and_search_links_only_without_profile(book: Book) -> None:
    plain = save(book, make_contact(), met("2026-03-01"))
    card = render_card(book.get(plain.contact_id))
    links = dict(search_links(book.get(plain.contact_id).contact))
    assert links["LinkedIn"] == (
        "https://www.linkedin.com/search/results/people/?keywords=Martina+M%C3%BCller+Example+GmbH"
    )
    assert links["Xing"].startswith("https://www.xing.com/search/members?keywords=Martina+M%C3%BC")
    assert "LinkedIn search (a search, not their profile)" in card
    url = "https://www.linkedin.com/in/martina-mueller"
    save(book, make_contact(), met("2026-04-01"), profile_urls=[url, url])
    entry = book.get(plain.contact_id)
    assert entry.contact.profiles == (Profile("linkedin", url),)
    card = render_card(entry)
    assert f"LinkedIn: {url}" in card and "search" not in card


@pytest.mark.parametrize(
    "query",
    [
        "muller",
        "mueller",
        "Müller",
        "MÜLLER",
        "mart",
        "example",
        "Hannover",
        "Belege",
        "lead",
        "Mülller",
        "martina.mueller@",
        "martina messe",
    ],
)
def test_who_finds(book: Book, query: str) -> None:
    save(book, make_contact(), met("2026-03-01", notes="OCR für Belege", tags=("lead",)))
    save(
        book,
        make_contact(
            "Hans Schmidt", "hs@schmidt.de", "+4940123123123", organization="Schmidt & Co"
        ),
        met("2026-03-02", "Expo"),
    )
    hits = search(book.entries(), query)
    assert [h.contact.display_name() for h in hits] == ["Martina Müller"]


@pytest.mark.parametrize("query", ["schulz", "meier", "ml", "martina expo"])
def test_who_misses(book: Book, query: str) -> None:
    save(book, make_contact(), met("2026-03-01"))
    save(
        book,
        make_contact(
            "Hans Schmidt", "hs@schmidt.de", "+4940123123123", organization="Schmidt & Co"
        ),
        met("2026-03-02", "Expo"),
    )
    assert search(book.entries(), query) == []


def test_card_shows_every_encounter(book: Book) -> None:
    save(book, make_contact(), met("2026-03-01", notes="Belege", tags=("lead", "ocr")))
    save(book, make_contact(), met("2026-09-14", "CeBIT", follow_up_by=date(2026, 10, 1)))
    card = render_card(book.entries()[0])
    assert "2026-03-01  Hannover Messe: Belege [tags: lead, ocr]" in card
    assert "2026-09-14  CeBIT (follow up by 2026-10-01)" in card
    assert "E-mail: martina.mueller@example-gmbh.de" in card


def test_edit_round_trip() -> None:
    contact = dataclasses.replace(make_contact(), phones=[Phone("+4930123456789", "mobile")])
    again = parse_edit(editable_text(contact))
    assert again.to_dict() | {"source": "", "raw_text": ""} == contact.to_dict() | {
        "source": "",
        "raw_text": "",
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON"),
        ("[]", "one JSON object"),
        ('{"colour": "blue"}', "unknown field"),
        ('{"emails": ["not-an-address"]}', "not an e-mail"),
        ('{"phones": [{"number": "0301234"}]}', "E.164"),
        ('{"emails": "a@b.c"}', "must be a list"),
    ],
)
def test_edit_errors(text: str, message: str) -> None:
    with pytest.raises(InvalidEditError, match=message):
        parse_edit(text)
