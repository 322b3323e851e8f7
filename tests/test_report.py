"""The batch reports printed by the CLI."""

from cardscan.cli.report import failure_text, to_check, who_was_found
from cardscan.model import Contact, Name, Phone
from cardscan.pipeline import ScanFailure


def test_failure_names_the_file_once():
    assert (
        failure_text(ScanFailure("a.jpg", "a.jpg: the file is empty")) == "a.jpg: the file is empty"
    )
    assert failure_text(ScanFailure("a.jpg", "no contact details")) == "a.jpg: no contact details"


def test_who_was_found_table_names_the_photo_of_each_row():
    contacts = [
        Contact(
            "fotos/messe/IMG_0001.jpg",
            name=Name("Dr. Anna Müller"),
            title="Geschäftsführerin",
            organization="Beispiel GmbH",
            emails=["anna@beispiel.de"],
        ),
        Contact(
            "fotos/messe/a-very-long-folder-name/IMG_0002.jpg",
            organization="Nur Firma AG",
            phones=[Phone("+49301234567")],
        ),
    ]
    table = who_was_found(contacts, total=5, output="all.vcf", folder="fotos/").splitlines()
    assert table[0].split() == ["Photo", "Name", "Title", "Organisation", "E-mail", "/", "phone"]
    assert table[2].startswith("messe/IMG_0001.jpg ")  # within the folder the batch read
    assert "Dr. Anna Müller" in table[2] and "anna@beispiel.de" in table[2]
    # a long path keeps its end, the file name
    assert table[3].startswith("…") and "/IMG_0002.jpg  " in table[3]
    assert "+49301234567" in table[3]
    assert table[-1] == "... and 3 more, all in all.vcf"


def test_to_check_names_every_photo_and_its_fields():
    assert to_check([]) is None
    one = to_check([("a.jpg", ["title"])])
    assert one == "Please check 1 contact (fields read with low confidence):\n  a.jpg: title"
    items = [(f"{i:02d}.jpg", ["name", "phones"]) for i in range(25)]
    many = to_check(items)
    assert many is not None and "more" not in many
    lines = many.splitlines()
    assert lines[0].startswith("Please check 25 contacts ")
    assert lines[1:] == [f"  {i:02d}.jpg: name, phones" for i in range(25)]
