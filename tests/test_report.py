"""The batch reports printed by the CLI."""

from cardscan.model import Contact, Name, Phone
from cardscan.pipeline import ScanFailure
from cardscan.report import failure_text, who_was_found


def test_failure_names_the_file_once():
    assert (
        failure_text(ScanFailure("a.jpg", "a.jpg: the file is empty")) == "a.jpg: the file is empty"
    )
    assert failure_text(ScanFailure("a.jpg", "no contact details")) == "a.jpg: no contact details"


def test_who_was_found_table():
    contacts = [
        Contact(
            "a",
            name=Name("Dr. Anna Müller"),
            title="Geschäftsführerin",
            organization="Beispiel GmbH",
            emails=["anna@beispiel.de"],
        ),
        Contact("b", organization="Nur Firma AG", phones=[Phone("+49301234567")]),
    ]
    table = who_was_found(contacts, total=5).splitlines()
    assert table[0].split() == ["Name", "Title", "Organisation", "E-mail", "/", "phone"]
    assert "Dr. Anna Müller" in table[2] and "anna@beispiel.de" in table[2]
    assert "+49301234567" in table[3]
    assert table[-1] == "... and 3 more"
