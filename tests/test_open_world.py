"""What real cards print beyond the generator's classic tables: departments no table knows,
US states spelled out, a group's e-mail domain beside the company's website."""

import pytest

from cardscan.model import Address
from cardscan.parse import lines_from_text, parse_card


@pytest.mark.parametrize(
    ("card", "department"),
    [
        ("Anna Berg\nKundenbetreuerin\nZentraleinkauf\nBeispiel GmbH", "Zentraleinkauf"),
        ("Jim Hall\nSales Lead\nSupply Chain\nHall Bros. LLC", "Supply Chain"),
        # the line under the title is the company, or carries numbers: no department
        ("Anna Berg\nKundenbetreuerin\nBeispiel GmbH\nanna@beispiel.de", None),
        ("Anna Berg\nKundenbetreuerin\nTel. 030 1234567\nBeispiel GmbH", None),
        # without a company found elsewhere the line may be the company itself
        ("Anna Berg\nKundenbetreuerin\nZentraleinkauf", None),
    ],
)
def test_department_without_a_known_word_under_the_title(card, department):
    assert parse_card(lines_from_text(card)).department == department


def test_us_state_spelled_out():
    card = "Jim Hall\n200 Main Street\nDenver, Colorado 80202\nPhone 303-555-0112"
    contact = parse_card(lines_from_text(card))
    assert contact.address == Address("200 Main Street", "80202", "Denver", "Colorado")
    assert [p.number for p in contact.phones] == ["+13035550112"]  # a US number, not German
