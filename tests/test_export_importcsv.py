"""Google Contacts and Outlook import CSV layouts: exact headers, numbered columns, formulas."""

from __future__ import annotations

import csv
import io

import pytest

from cardscan.export import Format, open_writer
from cardscan.export.csvout import restore_cell
from cardscan.export.importcsv import GOOGLE_HEADER, OUTLOOK_HEADER
from cardscan.model import Address, Contact, Name, Phone, Profile


def _contact() -> Contact:
    return Contact(
        source="a.jpg",
        name=Name("Dr. Jürgen Groß, MBA", "Dr.", "Jürgen", "Groß", "MBA"),
        title="Leiter Einkauf, Vertrieb; Nord",
        organization='=HYPERLINK("http://evil";"Bäcker")',
        department="Öffentlichkeit",
        phones=[
            Phone("+49301234560"),
            Phone("+49301234561", "work", "12"),
            Phone("+491701234567", "mobile"),
            Phone("+49301234569", "fax"),
            Phone("+41441234567", "other"),
            Phone("+41441234568", "mobile"),
        ],
        emails=["j.gross@baecker.example", "info@baecker.example"],
        urls=["https://baecker.example"],
        profiles=[Profile("linkedin", "https://www.linkedin.com/in/jgross")],
        address=Address("Königstraße 1", "70173", "Stuttgart", None, "Deutschland"),
    )


def _write(fmt: Format, *contacts: Contact) -> tuple[str, list[dict[str, str]], list[str]]:
    stream = io.StringIO(newline="")
    with open_writer(fmt, stream) as writer:
        for c in contacts:
            writer.write(c)
    text = stream.getvalue()
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    header = next(reader)
    rows = [dict(zip(header, row, strict=True)) for row in reader]
    return text, rows, header


def test_google_header_is_the_google_export_layout() -> None:
    text, rows, header = _write(Format.google_csv)
    assert rows == []
    assert not text.startswith("\ufeff")  # Google: UTF-8 without BOM
    assert header == list(GOOGLE_HEADER)
    assert header[:3] == ["First Name", "Middle Name", "Last Name"]
    assert header[10:13] == [
        "Organization Name",
        "Organization Title",
        "Organization Department",
    ]
    for i in (1, 2, 3):
        assert f"E-mail {i} - Label" in header and f"E-mail {i} - Value" in header
    assert header.index("Phone 1 - Value") == header.index("Phone 1 - Label") + 1
    assert "Address 1 - Postal Code" in header and "Website 1 - Value" in header
    assert text.endswith("Website 3 - Value\r\n")


def test_google_row_umlauts_several_phones_and_formula_company() -> None:
    _, [row], _ = _write(Format.google_csv, _contact())
    assert (row["First Name"], row["Last Name"]) == ("Jürgen", "Groß")
    assert (row["Name Prefix"], row["Name Suffix"]) == ("Dr.", "MBA")
    assert row["Organization Name"] == '\'=HYPERLINK("http://evil";"Bäcker")'
    assert restore_cell(row["Organization Name"]).startswith("=HYPERLINK")
    assert row["Organization Title"] == "Leiter Einkauf, Vertrieb; Nord"
    assert row["Organization Department"] == "Öffentlichkeit"
    assert [row[f"Phone {i} - Label"] for i in range(1, 5)] == ["Work", "Work", "Mobile", "Other"]
    assert [row[f"Phone {i} - Value"] for i in range(1, 4)] == [
        "+49301234560",
        "+49301234561 ext. 12",
        "+491701234567",
    ]
    # More phones than columns: the rest share the last cell, Google's " ::: " separator.
    assert row["Phone 4 - Value"] == "+49301234569 ::: +41441234567 ::: +41441234568"
    assert row["E-mail 1 - Value"] == "j.gross@baecker.example"
    assert row["E-mail 2 - Value"] == "info@baecker.example"
    assert row["E-mail 3 - Label"] == row["E-mail 3 - Value"] == ""
    assert row["Address 1 - Street"] == "Königstraße 1"
    assert row["Address 1 - Formatted"] == "Königstraße 1\n70173 Stuttgart\nDeutschland"
    assert (row["Website 2 - Label"], row["Website 2 - Value"]) == (
        "Linkedin",
        "https://www.linkedin.com/in/jgross",
    )


def test_outlook_header_and_bom() -> None:
    text, _, header = _write(Format.outlook_csv)
    assert text.startswith("\ufeff")  # Outlook reads ANSI without it
    assert header == list(OUTLOOK_HEADER)
    assert header[:8] == [
        "Title",
        "First Name",
        "Middle Name",
        "Last Name",
        "Suffix",
        "Company",
        "Department",
        "Job Title",
    ]
    for column in ("Business Phone", "Business Phone 2", "Mobile Phone", "Business Fax"):
        assert column in header
    assert header[-2:] == ["Notes", "Web Page"]


def test_outlook_row_umlauts_several_phones_and_formula_company() -> None:
    _, [row], _ = _write(Format.outlook_csv, _contact())
    assert (row["Title"], row["First Name"], row["Last Name"]) == ("Dr.", "Jürgen", "Groß")
    assert row["Company"] == '\'=HYPERLINK("http://evil";"Bäcker")'
    assert row["Job Title"] == "Leiter Einkauf, Vertrieb; Nord"
    assert row["Business Phone"] == "+49301234560"
    assert row["Business Phone 2"] == "+49301234561 ext. 12"
    assert row["Mobile Phone"] == "+491701234567"
    assert row["Business Fax"] == "+49301234569"
    assert row["Other Phone"] == "+41441234567 / +41441234568"
    assert row["E-mail Address"] == "j.gross@baecker.example"
    assert row["E-mail 2 Address"] == "info@baecker.example"
    assert row["E-mail Type"] == "SMTP"
    assert row["Business Street"] == "Königstraße 1"
    assert row["Business Postal Code"] == "70173"
    assert row["Web Page"] == "https://baecker.example"
    assert "https://www.linkedin.com/in/jgross" in row["Notes"]


@pytest.mark.parametrize("fmt", [Format.google_csv, Format.outlook_csv])
@pytest.mark.parametrize("hostile", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=1"])
def test_formula_cells_are_neutralised_in_every_text_column(fmt: Format, hostile: str) -> None:
    contact = Contact(
        source="x",
        name=Name(hostile, given=hostile, family=hostile),
        title=hostile,
        organization=hostile,
        emails=[hostile],
    )
    _, [row], _ = _write(fmt, contact)
    for column, cell in row.items():
        assert not cell.startswith(("=", "+", "-", "@", "\t")), (column, cell)


@pytest.mark.parametrize("fmt", [Format.google_csv, Format.outlook_csv])
def test_one_row_per_contact_and_a_name_only_as_full_goes_to_first_name(fmt: Format) -> None:
    plain = Contact(source="b", name=Name("Zoë"), organization="Ørsted; A/S, Kopenhagen")
    _, rows, _ = _write(fmt, _contact(), plain)
    assert len(rows) == 2
    assert rows[1]["First Name"] == "Zoë"
    company = "Organization Name" if fmt is Format.google_csv else "Company"
    assert rows[1][company] == "Ørsted; A/S, Kopenhagen"


def test_suffixes() -> None:
    assert Format.google_csv.suffix == Format.outlook_csv.suffix == ".csv"
    assert Format.vcard.suffix == ".vcf"
