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


def test_to_check_names_the_photos_and_fields():
    from cardscan.report import REVIEW_NAMES, to_check

    assert to_check([]) is None
    one = to_check([("a.jpg", ["title"])])
    assert one is not None and one.startswith("Please check 1 contact ")
    assert one.endswith(": a.jpg (title)")
    many = to_check([(f"{i}.jpg", ["name", "phones"]) for i in range(REVIEW_NAMES + 3)])
    assert many is not None and "0.jpg (name, phones)" in many and many.endswith(" and 3 more")
    assert f"{REVIEW_NAMES}.jpg" not in many
