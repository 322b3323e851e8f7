"""CSV output of contacts for spreadsheets: a fixed header, one row per contact.

Columns (``CSV_HEADER``; renaming or reordering one breaks users' spreadsheets and scripts):

    full_name, prefix, given, family, suffix   the name as on the card and its parts
    title, organization, department
    phone_work, phone_mobile, phone_fax,       E.164 numbers ("+49711123456 ext. 12");
    phone_other                                several of one kind joined with " / "
    emails, urls, profiles                     joined with "; " (profiles: their URLs)
    street, postal_code, city, region, country
    source                                     the photo the contact was read from

Encoding: UTF-8 with a byte order mark by default. Excel opens a CSV file without a BOM
in the Windows code page and shows "JÃ¼rgen" for "Jürgen"; with the BOM it reads UTF-8.
LibreOffice, Google Sheets and pandas accept the BOM; Python's csv module reads it
correctly when the file is opened with ``encoding="utf-8-sig"``. Pass ``bom=False`` for
programs that do not expect one. Open the stream with ``encoding="utf-8", newline=""``.

Formulas: a cell that begins with = + - @ (or tab, CR, LF) would be run as a formula by
Excel and LibreOffice ("=HYPERLINK(...)" on a card, CSV injection). Such cells get a leading
apostrophe, and so do cells that begin with an apostrophe themselves, so reading back is
one rule without exceptions: drop one leading apostrophe (``restore_cell``).
That includes the phone columns: the model allows only "+" and digits there, so a phone
cannot carry a formula, but a spreadsheet still reads "+49711123456" as the formula
=+49711123456, shows the number 49711123456 (4.97E+10) and the "+" is lost. With the
apostrophe it stays text with every digit; some programs show the apostrophe, which is
the price of one simple, safe rule.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from cardscan.export._text import clean_text
from cardscan.export.base import ContactWriter, output_errors
from cardscan.model import Contact, Phone

CSV_HEADER: tuple[str, ...] = (
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
)

BOM = "\ufeff"

#: First characters that make a spreadsheet read a cell as a formula (OWASP "CSV
#: injection"), plus the apostrophe itself so that restore_cell() is unambiguous.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "'")

_PHONE_JOIN = " / "
_LIST_JOIN = "; "


def neutralise_cell(value: str) -> str:
    """The cell text a spreadsheet shows as text, never runs as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def restore_cell(cell: str) -> str:
    """Inverse of :func:`neutralise_cell` for a cell read back from our CSV."""
    return cell[1:] if cell.startswith("'") else cell


def csv_row(contact: Contact) -> list[str]:
    """The cells of one contact, in ``CSV_HEADER`` order, already neutralised."""
    n = contact.name
    a = contact.address

    def phones(kind: str) -> str:
        return _PHONE_JOIN.join(_phone(p) for p in contact.phones if p.type == kind)

    cells = {
        "full_name": n.full if n else None,
        "prefix": n.prefix if n else None,
        "given": n.given if n else None,
        "family": n.family if n else None,
        "suffix": n.suffix if n else None,
        "title": contact.title,
        "organization": contact.organization,
        "department": contact.department,
        "phone_work": phones("work"),
        "phone_mobile": phones("mobile"),
        "phone_fax": phones("fax"),
        "phone_other": phones("other"),
        "emails": _LIST_JOIN.join(contact.emails),
        "urls": _LIST_JOIN.join(contact.urls),
        "profiles": _LIST_JOIN.join(p.url for p in contact.profiles),
        "street": a.street if a else None,
        "postal_code": a.postal_code if a else None,
        "city": a.city if a else None,
        "region": a.region if a else None,
        "country": a.country if a else None,
        "source": contact.source,
    }
    # No NUL or other control characters in a cell (line breaks stay, quoted), and no outer
    # whitespace, which means nothing on a card and could hide a formula: " =1+1".
    return [neutralise_cell(clean_text(cells[column] or "").strip()) for column in CSV_HEADER]


def write_csv(contacts: Iterable[Contact], stream: TextIO, *, bom: bool = True) -> int:
    """Write the header and one row per contact; returns how many contacts were written."""
    count = 0
    with CsvWriter(stream, bom=bom) as writer:
        for contact in contacts:
            writer.write(contact)
            count += 1
    return count


class CsvWriter(ContactWriter):
    """Streams contacts as CSV rows; the header is written at open, so no contacts is a
    valid file with its header (scripts can rely on the columns being there)."""

    def __init__(self, stream: TextIO, *, bom: bool = True) -> None:
        super().__init__(stream)
        # RFC 4180: CRLF after every record; excel dialect: quotes only where needed.
        self._csv = csv.writer(stream, lineterminator="\r\n")
        with output_errors(stream):
            if bom:
                stream.write(BOM)
            self._csv.writerow(CSV_HEADER)

    def _write(self, contact: Contact) -> None:
        self._csv.writerow(csv_row(contact))


def _phone(phone: Phone) -> str:
    return phone.number + (f" ext. {phone.extension}" if phone.extension else "")
