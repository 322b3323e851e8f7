"""No harm: on clean card text every printed valid e-mail, website and phone comes out exactly
as printed, and none is dropped, whatever the name, the company or the website beside it.

The corpus: 600 cards of the generator's printed text (300 classic, 300 open-world, see
tools/gencards/openworld.py) parsed without OCR, hand-written cards of the kinds a reviewer
tried, and a hypothesis property with random valid addresses beside random names.
"""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cardscan.model import Contact
from cardscan.parse import lines_from_text, parse_card
from cardscan.parse.webvalues import valid_email
from tools.gencards import card_text

CORPUS = [("classic", seed) for seed in range(300)] + [("open", seed) for seed in range(300)]


def _read(text: str, region: str = "DE") -> Contact:
    return parse_card(lines_from_text(text), region=region)


def _printed_values(truth: Contact) -> tuple[set[str], set[str], set[str]]:
    """The card's valid e-mails (lower-case, as the record writes them), websites and numbers."""
    emails = {e.lower() for e in truth.emails if valid_email(e)}
    numbers = {
        p.number for p in truth.phones if phonenumbers.is_valid_number(phonenumbers.parse(p.number))
    }
    return emails, set(truth.urls), numbers


@pytest.mark.parametrize(("world", "seed"), CORPUS, ids=[f"{w}-{s}" for w, s in CORPUS])
def test_printed_values_of_a_generated_card_come_out_as_printed(world, seed):
    lines, truth = card_text(seed, world=world)
    contact = _read("\n".join(lines))
    emails, urls, numbers = _printed_values(truth)
    assert emails <= set(contact.emails)
    assert urls <= set(contact.urls)
    assert numbers <= {p.number for p in contact.phones}


# Cards a reviewer typed in: each printed value must come out exactly as printed.
EDGE_CASES = [
    # people's addresses do not always spell their name
    ("Matthias Berger\nBerger Consulting GmbH\nmathias.berger@berger-consulting.de", ["mathias.berger@berger-consulting.de"]),
    # a misread name does not drag a correct address with it
    ("Tom Fiqueroa\nSales Director\ntfigueroa@cobalt-labs.com", ["tfigueroa@cobalt-labs.com"]),
    ("Natalia Stoeckll\nnatalia.stoeckl@firma.de", ["natalia.stoeckl@firma.de"]),
    # a short address is no misread team mailbox; two printed addresses are two
    ("Anna Post\npos@foo.de", ["pos@foo.de"]),
    ("Johanna Weber\njohanna@foo.de\nanna@foo.de", ["johanna@foo.de", "anna@foo.de"]),
    ("Max Weber\nmax.weber@foo.de\nweber@foo.de", ["max.weber@foo.de", "weber@foo.de"]),
    # the e-mail domain and the website may differ
    ("Jim Hall\nCobalt Logistics LLC\njim@cobaltlogistics.com\nwww.cobalt-logistics.com", ["jim@cobaltlogistics.com"]),
    ("Eva Wiek\nHelix GmbH\nwiek@helix.de\nservice@helixx.de\nwww.helix.de", ["wiek@helix.de", "service@helixx.de"]),
    # lower-case labels and prose are no part of an address
    ("Anna Berg\ne anna@berg-design.de", ["anna@berg-design.de"]),
    ("Anna Berg\ne:anna@berg-design.de", ["anna@berg-design.de"]),
    ("Anna Berg\nwrite to anna@firma.com", ["anna@firma.com"]),
    ("Anna Berg\ne-mail | anna@firma.com", ["anna@firma.com"]),
    # nicknames, initials, digits, tags, a former family name, team mailboxes
    ("Alexander Kühn\nalex@kuehn-bau.de", ["alex@kuehn-bau.de"]),
    ("Jan Roth\njr@roth.at\nassistenz@roth.at", ["jr@roth.at", "assistenz@roth.at"]),
    ("Anna Berg\nanna.berg2@firma.de", ["anna.berg2@firma.de"]),
    ("Anna Berg\nanna.berg+messe@firma.de", ["anna.berg+messe@firma.de"]),
    ("Anna Berg\nanna.lindqvist@firma.de", ["anna.lindqvist@firma.de"]),
    ("Mai Nguyen\nmai@firma.de", ["mai@firma.de"]),
    ("Lisa Stahl\nlisa@stahl.de\ninfo@stahl.de", ["lisa@stahl.de", "info@stahl.de"]),
    # a group's domain beside the company's website
    ("Jan Roth\nRoth Bau GmbH\njan.roth@roth-gruppe.de\nwww.roth-bau.de", ["jan.roth@roth-gruppe.de"]),
    # addresses printed with capitals
    ("Anna Berg\nAnna.Berg@Firma.de", ["anna.berg@firma.de"]),
]  # fmt: skip


@pytest.mark.parametrize(("card", "emails"), EDGE_CASES)
def test_hand_written_card_keeps_its_addresses(card, emails):
    contact = _read(card)
    assert list(contact.emails) == emails


@pytest.mark.parametrize(
    ("card", "urls"),
    [
        ("Jim Hall\nCobalt Logistics LLC\njim@cobaltlogistics.com\nwww.cobalt-logistics.com", ["https://www.cobalt-logistics.com"]),
        ("Eva Wiek\nHelix GmbH\nwiek@helix.de\nwww.helixx.de", ["https://www.helixx.de"]),
        ("Anna Berg\nBerg Design\nberg-design.de", ["https://berg-design.de"]),
    ],
)  # fmt: skip
def test_hand_written_card_keeps_its_website(card, urls):
    assert list(_read(card).urls) == urls


@pytest.mark.parametrize(
    ("card", "region", "numbers"),
    [
        # numbers printed without a country code, on cards that say where they are from
        ("Jim Hall\n200 Main Street\nSpringfield, IL 62704\nPhone (217) 555-0147", "DE", ["+12175550147"]),
        ("Jim Hall\n200 Main Street\nDenver, Colorado 80202\nPhone 303-555-0112", "DE", ["+13035550112"]),
        ("Anna Berg\nwww.berg.at\nanna@berg-gruppe.de\nTel. 01 2345678", "DE", ["+4312345678"]),
        ("Anna Berg\nTel. 030 1234567", "DE", ["+49301234567"]),
    ],
)  # fmt: skip
def test_hand_written_card_keeps_its_numbers(card, region, numbers):
    assert [p.number for p in _read(card, region).phones] == numbers


# Random addresses beside random names: the address is never bent toward the name.
_word = st.from_regex(r"[a-z]{2,9}", fullmatch=True)
_names = st.tuples(_word, _word).map(lambda n: f"{n[0].capitalize()} {n[1].capitalize()}")
_locals = st.from_regex(r"[a-z][a-z0-9]{0,9}(?:[._-][a-z][a-z0-9]{0,7}){0,2}(?:\+[a-z0-9]{1,6})?", fullmatch=True)  # fmt: skip
_domains = st.tuples(
    st.from_regex(r"[a-z][a-z0-9]{1,10}(?:-[a-z][a-z0-9]{1,8})?", fullmatch=True),
    st.sampled_from(["de", "at", "ch", "com", "co.uk", "net", "org", "io", "eu"]),
).map(".".join)
_labels = st.sampled_from(["", "E-Mail: ", "Mail ", "e-mail: ", "E ", "Email | "])


@settings(max_examples=300, deadline=None)
@given(name=_names, local=_locals, domain=_domains, label=_labels)
def test_a_valid_address_beside_any_name_comes_out_as_printed(name, local, domain, label):
    address = f"{local}@{domain}"
    contact = _read(f"{name}\nGeschäftsführer\n{label}{address}")
    assert contact.emails == (address,)


@settings(max_examples=200, deadline=None)
@given(name=_names, local=_locals, domain=_domains, other=_domains)
def test_a_valid_website_beside_any_address_comes_out_as_printed(name, local, domain, other):
    contact = _read(f"{name}\n{local}@{other}\nwww.{domain}")
    assert contact.urls == (f"https://www.{domain}",)
    assert contact.emails == (f"{local}@{other}",)
