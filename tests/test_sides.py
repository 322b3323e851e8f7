"""Front and back in sequence (sides.py), and which files a record's source names (resume)."""

from __future__ import annotations

import pytest

from cardscan.export.resume import files_of
from cardscan.model import Contact, Name, Phone
from cardscan.pipeline import ScanFailure, ScanResult
from cardscan.pipeline.sides import PictureOutcomes, domains, is_back_of, merge_backs, pair_sides


def front(source: str, name: str = "Jana Beispiel", mail: str = "jana@muster-werke.example"):
    contact = Contact(
        source,
        name=Name(full=name, given=name.split()[0], family=name.split()[-1]),
        emails=[mail],
        phones=[Phone("+493415550101", "work")],
    )
    return ScanResult(source, contact, 1.0, 0.9)


def back(source: str, **fields) -> ScanResult:
    return ScanResult(source, Contact(source, **fields), 0.5, 0.8)


LOGO_AND_WEB = {"organization": "Muster Werke", "urls": ["https://www.muster-werke.example"]}


@pytest.mark.parametrize(
    ("fields", "merged"),
    [
        (LOGO_AND_WEB, True),  # the company's logo and website
        ({"phones": [Phone("+493415550101", "work")]}, True),  # the same number
        ({"emails": ["info@muster-werke.example"]}, True),  # the same domain
        ({"urls": ["www.andere-firma.example"]}, False),  # another company
        ({"organization": "Muster Werke"}, False),  # nothing to tie it to the front
    ],
)
def test_back_side_without_a_person_is_merged_into_its_front(fields, merged):
    outcomes = list(merge_backs([front("f.jpg"), back("b.jpg", **fields)]))
    if not merged:
        assert [o.source for o in outcomes] == ["f.jpg", "b.jpg"]
        return
    (result,) = outcomes
    assert isinstance(result, ScanResult)
    assert result.source == result.contact.source == "f.jpg + b.jpg"
    assert result.contact.name.full == "Jana Beispiel"
    assert result.notes == ("b.jpg: back side merged into f.jpg",)
    assert result.seconds == 1.5


def test_a_card_that_names_someone_is_never_a_back_side():
    colleague = front("b.jpg", name="Ole Muster", mail="ole@muster-werke.example")
    outcomes = list(merge_backs([front("a.jpg"), colleague]))
    assert [o.source for o in outcomes] == ["a.jpg", "b.jpg"]


def test_a_back_side_needs_its_front_right_before_it():
    failed = ScanFailure("x.jpg", "unreadable")
    stream = [front("a.jpg"), failed, back("b.jpg", **LOGO_AND_WEB), front("c.jpg")]
    assert [o.source for o in merge_backs(stream)] == ["a.jpg", "x.jpg", "b.jpg", "c.jpg"]


def test_a_front_takes_one_back_only():
    stream = [front("a.jpg"), back("b.jpg", **LOGO_AND_WEB), back("c.jpg", **LOGO_AND_WEB)]
    assert [o.source for o in merge_backs(stream)] == ["a.jpg + b.jpg", "c.jpg"]


def test_domains_of_mails_and_websites():
    contact = Contact(
        "x", emails=["A@Firma.example"], urls=["https://www.firma.example/kontakt", "shop.de"]
    )
    assert domains(contact) == {"firma.example", "shop.de"}
    assert not is_back_of(front("a").contact, front("b").contact)  # a person on both


def picture(*outcomes) -> PictureOutcomes:
    return PictureOutcomes(outcomes[0].source if outcomes else "empty.jpg", tuple(outcomes))


def test_pairs_are_merged_two_by_two():
    pictures = [
        picture(front("1.jpg")),
        picture(back("2.jpg", organization="Muster Werke")),  # nothing shared: merged anyway
        picture(front("3.jpg", name="Ole Muster", mail="ole@x.example")),
        picture(back("4.jpg", emails=["ole@x.example"])),
    ]
    out = [o for p in pair_sides(pictures) for o in p.outcomes]
    assert [o.source for o in out] == ["1.jpg + 2.jpg", "3.jpg + 4.jpg"]
    assert out[0].contact.organization == "Muster Werke"


def test_a_pair_naming_two_people_is_kept_apart_with_a_note():
    other = front("2.jpg", name="Ole Muster", mail="ole@x.example")
    (pair,) = pair_sides([picture(front("1.jpg")), picture(other)])
    assert [o.source for o in pair.outcomes] == ["1.jpg", "2.jpg"]
    assert "name different people" in pair.outcomes[0].notes[0]


def test_pairs_with_an_odd_count_or_a_page_of_cards_are_not_merged():
    page = picture(front("p.jpg#1"), front("p.jpg#2", name="Ole Muster", mail="o@x.example"))
    out = list(pair_sides([picture(front("1.jpg")), page, picture(front("3.jpg"))]))
    assert [o.source for p in out for o in p.outcomes] == ["1.jpg", "p.jpg#1", "p.jpg#2", "3.jpg"]
    assert "holds 2 cards" in out[0].outcomes[0].notes[0]
    assert "no back side to pair with" in out[1].outcomes[0].notes[0]


def test_a_failed_side_leaves_the_other_alone():
    out = list(pair_sides([picture(front("1.jpg")), picture(ScanFailure("2.jpg", "bad"))]))
    assert [o.source for p in out for o in p.outcomes] == ["1.jpg", "2.jpg"]


@pytest.mark.parametrize(
    ("source", "files"),
    [
        ("card.jpg", {"card.jpg"}),
        ("page.jpg#3", {"page.jpg"}),
        ("scan.pdf#2", {"scan.pdf"}),
        ("scan.pdf#12.3", {"scan.pdf"}),
        ("front.jpg + back.jpg", {"front.jpg", "back.jpg"}),
        ("in/a + b.jpg", {"in/a + b.jpg"}),  # a file with " + " in its name
        ("scan#1.jpg", {"scan#1.jpg"}),  # "#1" inside a file name is no card number
    ],
)
def test_files_a_source_names(source, files):
    assert files <= files_of(source)
