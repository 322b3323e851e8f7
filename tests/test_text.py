"""Folding text for comparisons: every Latin letter to ASCII, as addresses spell names."""

import pytest

from cardscan.parse import lines_from_text, parse_card
from cardscan.text import fold


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Müller", "mueller"),
        ("Žan", "zan"),
        ("Kılınç", "kilinc"),  # the Turkish dotless ı has no accent to strip
        ("Łukasz", "lukasz"),
        ("Søren", "soren"),
        ("Đorđe", "dorde"),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize("name", ["Emre Kılınç", "Łukasz Nowak"])
def test_an_address_that_spells_a_name_in_ascii_stays_as_printed(name):
    local = fold(name).replace(" ", ".")
    contact = parse_card(lines_from_text(f"{name}\n{local}@firma.com.tr\n"))
    assert contact.emails == (f"{local}@firma.com.tr",)
    assert contact.proposals == ()


def test_no_dotless_i_is_put_into_an_address():
    # the address read broken ("co!"), put right by the website: still plain ASCII
    contact = parse_card(lines_from_text("Emre Kılınç\nwww.tezmak.com | ekilinc@tezmak.co!\n"))
    assert contact.emails == ("ekilinc@tezmak.com",)
