"""CSV in the column layouts that Google Contacts and Outlook import (one contact per row).

Google (``--format google-csv``): the header of a current Google Contacts export ("Google CSV",
the layout with "First Name", "Phone 1 - Label"; it replaced the older "Given Name",
"Phone 1 - Type" layout). Google's help (support.google.com/contacts/answer/1069522) tells
people to use an export as the template; the names below are those of such an export as
reproduced by several public exporters, not checked against a live account here. Google reads
several values in one cell separated by " ::: ", which is used when a card has more e-mails,
phones or web addresses than there are numbered columns. UTF-8 without BOM.

Outlook (``--format outlook-csv``): a subset, in Microsoft's order, of the columns in
"Create or edit .csv files to import into Outlook" (support.microsoft.com, the sample
CSV there): Outlook maps columns by their header names, so unused ones may be left out.
"Title" is the name prefix (Dr.), "Job Title" the position. UTF-8 with a BOM, without which
Outlook on Windows reads the file in the ANSI code page and garbles umlauts.

Formulas: every cell is neutralised like the plain CSV (see ``csvout``), except phone numbers:
the model allows only "+" and digits there, so they cannot carry a formula, and an apostrophe
would be imported into the address book as part of the number.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import TextIO

from cardscan.export._text import clean_text
from cardscan.export.base import ContactWriter, output_errors
from cardscan.export.csvout import BOM, neutralise_cell
from cardscan.model import Contact, Phone

GOOGLE_EMAILS, GOOGLE_PHONES, GOOGLE_WEBSITES = 3, 4, 3

GOOGLE_HEADER: tuple[str, ...] = (
    "First Name",
    "Middle Name",
    "Last Name",
    "Phonetic First Name",
    "Phonetic Middle Name",
    "Phonetic Last Name",
    "Name Prefix",
    "Name Suffix",
    "Nickname",
    "File As",
    "Organization Name",
    "Organization Title",
    "Organization Department",
    "Birthday",
    "Notes",
    "Photo",
    "Labels",
    *(f"E-mail {i} - {part}" for i in range(1, GOOGLE_EMAILS + 1) for part in ("Label", "Value")),
    *(f"Phone {i} - {part}" for i in range(1, GOOGLE_PHONES + 1) for part in ("Label", "Value")),
    "Address 1 - Label",
    "Address 1 - Formatted",
    "Address 1 - Street",
    "Address 1 - City",
    "Address 1 - PO Box",
    "Address 1 - Region",
    "Address 1 - Postal Code",
    "Address 1 - Country",
    "Address 1 - Extended Address",
    *(
        f"Website {i} - {part}"
        for i in range(1, GOOGLE_WEBSITES + 1)
        for part in ("Label", "Value")
    ),
)

OUTLOOK_HEADER: tuple[str, ...] = (
    "Title",
    "First Name",
    "Middle Name",
    "Last Name",
    "Suffix",
    "Company",
    "Department",
    "Job Title",
    "Business Street",
    "Business City",
    "Business State",
    "Business Postal Code",
    "Business Country/Region",
    "Business Fax",
    "Business Phone",
    "Business Phone 2",
    "Mobile Phone",
    "Other Fax",
    "Other Phone",
    "E-mail Address",
    "E-mail Type",
    "E-mail Display Name",
    "E-mail 2 Address",
    "E-mail 2 Type",
    "E-mail 2 Display Name",
    "E-mail 3 Address",
    "E-mail 3 Type",
    "E-mail 3 Display Name",
    "Notes",
    "Web Page",
)

_GOOGLE_PHONE_LABELS = {"work": "Work", "mobile": "Mobile", "fax": "Work Fax", "other": "Other"}
_GOOGLE_JOIN = " ::: "
_PHONE_COLUMNS = frozenset(
    {
        *(f"Phone {i} - Value" for i in range(1, GOOGLE_PHONES + 1)),
        "Business Fax",
        "Business Phone",
        "Business Phone 2",
        "Mobile Phone",
        "Other Fax",
        "Other Phone",
    }
)


def _phone(phone: Phone) -> str:
    return phone.number + (f" ext. {phone.extension}" if phone.extension else "")


def _slots(values: Sequence[str], n: int) -> list[str]:
    """``n`` cells: one value each, the rest joined into the last one (Google's " ::: ")."""
    cells = list(values[: n - 1])
    rest = values[n - 1 :]
    cells.append(_GOOGLE_JOIN.join(rest))
    return cells + [""] * (n - len(cells))


def google_row(contact: Contact) -> dict[str, str]:
    """The cells of one contact by Google column name (not yet cleaned or neutralised)."""
    n, a = contact.name, contact.address
    row: dict[str, str] = {
        "First Name": (n.given or "") if n else "",
        "Last Name": (n.family or "") if n else "",
        "Name Prefix": (n.prefix or "") if n else "",
        "Name Suffix": (n.suffix or "") if n else "",
        "Organization Name": contact.organization or "",
        "Organization Title": contact.title or "",
        "Organization Department": contact.department or "",
        "Labels": "* myContacts",
    }
    if n and not (n.given or n.family):
        row["First Name"] = n.full  # Google keeps an unsplit name whole in First Name
    for i, email in enumerate(_slots(contact.emails, GOOGLE_EMAILS), 1):
        row[f"E-mail {i} - Label"] = "Work" if email else ""
        row[f"E-mail {i} - Value"] = email
    phones = contact.phones
    labels = _slots([_GOOGLE_PHONE_LABELS[p.type] for p in phones], GOOGLE_PHONES)
    for i, (label, value) in enumerate(
        zip(labels, _slots([_phone(p) for p in phones], GOOGLE_PHONES), strict=True), 1
    ):
        # Several overflow phones share one cell; their labels cannot, so the cell is "Other".
        row[f"Phone {i} - Label"] = "Other" if _GOOGLE_JOIN in label else label
        row[f"Phone {i} - Value"] = value
    if a and not a.is_empty():
        city_line = " ".join(x for x in (a.postal_code, a.city) if x)
        row.update(
            {
                "Address 1 - Label": "Work",
                "Address 1 - Formatted": "\n".join(
                    x for x in (a.street, city_line, a.region, a.country) if x
                ),
                "Address 1 - Street": a.street or "",
                "Address 1 - City": a.city or "",
                "Address 1 - Region": a.region or "",
                "Address 1 - Postal Code": a.postal_code or "",
                "Address 1 - Country": a.country or "",
            }
        )
    sites = [(u, "Work") for u in contact.urls]
    sites += [(p.url, p.network.capitalize() or "Profile") for p in contact.profiles]
    sites = list({u: (u, label) for u, label in sites if u.strip()}.values())
    site_labels = _slots([label for _, label in sites], GOOGLE_WEBSITES)
    site_values = _slots([u for u, _ in sites], GOOGLE_WEBSITES)
    for i, (label, value) in enumerate(zip(site_labels, site_values, strict=True), 1):
        row[f"Website {i} - Label"] = "Other" if _GOOGLE_JOIN in label else label
        row[f"Website {i} - Value"] = value
    return row


def outlook_row(contact: Contact) -> dict[str, str]:
    """The cells of one contact by Outlook column name (not yet cleaned or neutralised)."""
    n, a = contact.name, contact.address
    row: dict[str, str] = {
        "Title": (n.prefix or "") if n else "",
        # An unsplit name stays whole in First Name rather than being lost.
        "First Name": (n.given or ("" if n.family else n.full)) if n else "",
        "Last Name": (n.family or "") if n else "",
        "Suffix": (n.suffix or "") if n else "",
        "Company": contact.organization or "",
        "Department": contact.department or "",
        "Job Title": contact.title or "",
        "Web Page": next((u for u in [*contact.urls, *(p.url for p in contact.profiles)]), ""),
    }
    if a and not a.is_empty():
        row.update(
            {
                "Business Street": a.street or "",
                "Business City": a.city or "",
                "Business State": a.region or "",
                "Business Postal Code": a.postal_code or "",
                "Business Country/Region": a.country or "",
            }
        )
    # Outlook has a fixed set of phone fields: fill them by kind, the rest go to "Other".
    slots = {
        "work": ["Business Phone", "Business Phone 2"],
        "mobile": ["Mobile Phone"],
        "fax": ["Business Fax", "Other Fax"],
        "other": [],
    }
    others: list[str] = []
    for phone in contact.phones:
        free = slots[phone.type]
        if free:
            row[free.pop(0)] = _phone(phone)
        else:
            others.append(_phone(phone))
    row["Other Phone"] = " / ".join(others)
    for i, email in enumerate(contact.emails[:3]):
        prefix = "E-mail" if i == 0 else f"E-mail {i + 1}"
        row[f"{prefix} Address"] = email
        row[f"{prefix} Type"] = "SMTP"
        row[f"{prefix} Display Name"] = f"{contact.display_name()} ({email})"
    extra = [f"E-mail: {e}" for e in contact.emails[3:]]
    extra += [f"Web: {u}" for u in [*contact.urls, *(p.url for p in contact.profiles)][1:]]
    row["Notes"] = "\n".join(extra)
    return row


class _LayoutCsvWriter(ContactWriter):
    """Streams contacts as CSV rows of a fixed header; cells cleaned and neutralised."""

    header: tuple[str, ...] = ()

    def __init__(self, stream: TextIO, *, bom: bool) -> None:
        super().__init__(stream)
        self._csv = csv.writer(stream, lineterminator="\r\n")
        with output_errors(stream):
            if bom:
                stream.write(BOM)
            self._csv.writerow(self.header)

    def _write(self, contact: Contact) -> None:
        self._csv.writerow(layout_row(self.header, self._cells(contact)))

    def _cells(self, contact: Contact) -> dict[str, str]:
        raise NotImplementedError


def _cell(column: str, value: str) -> str:
    text = clean_text(value).strip()
    return text if column in _PHONE_COLUMNS else neutralise_cell(text)


def layout_row(header: tuple[str, ...], cells: dict[str, str], note: str = "") -> list[str]:
    """One CSV row of ``header`` from ``cells`` (google_row/outlook_row), cleaned and
    neutralised; ``note`` (the contact book's encounters) is added to the Notes cell."""
    if note:
        cells = {**cells, "Notes": "\n".join(x for x in (cells.get("Notes"), note) if x)}
    unknown = set(cells) - set(header)
    assert not unknown, f"cells without a column: {unknown}"
    return [_cell(column, cells.get(column) or "") for column in header]


class GoogleCsvWriter(_LayoutCsvWriter):
    """Google Contacts import CSV (``--format google-csv``)."""

    header = GOOGLE_HEADER

    def __init__(self, stream: TextIO, *, bom: bool = False) -> None:
        super().__init__(stream, bom=bom)

    def _cells(self, contact: Contact) -> dict[str, str]:
        return google_row(contact)


class OutlookCsvWriter(_LayoutCsvWriter):
    """Outlook import CSV (``--format outlook-csv``)."""

    header = OUTLOOK_HEADER

    def __init__(self, stream: TextIO, *, bom: bool = True) -> None:
        super().__init__(stream, bom=bom)

    def _cells(self, contact: Contact) -> dict[str, str]:
        return outlook_row(contact)
