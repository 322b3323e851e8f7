"""Several cards in one picture, end to end with the real Tesseract: generated table photos
and scanner pages (tools/gencards/page.py), a two-page PDF, --pairs and --resume."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cardscan.cli import main
from cardscan.model import Contact
from tools.gencards import make_card
from tools.gencards.page import SyntheticPage, make_page, write_pdf

pytestmark = pytest.mark.tesseract


def _run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _same_card(record: dict, truth: Contact) -> bool:
    """The record was read from this card: its e-mails, or its name, are the card's."""
    name = (record["name"] or {}).get("full")
    return (bool(truth.emails) and sorted(record["emails"]) == sorted(truth.emails)) or (
        truth.name is not None and name == truth.name.full
    )


def _check_cards(records: list[dict], page: SyntheticPage, sources: list[str]) -> None:
    """One record per card, named in reading order, each read from a different card."""
    assert [r["source"] for r in records] == sources
    matched = [
        [i for i, card in enumerate(page.cards) if _same_card(r, card.truth)] for r in records
    ]
    assert all(len(m) == 1 for m in matched), matched
    assert sorted(m[0] for m in matched) == list(range(len(page.cards)))  # nothing twice


@pytest.mark.parametrize(
    "layout",
    [
        {"kind": "table", "touching": False, "background": "wood"},
        {"kind": "table", "touching": True, "background": "white"},
        {"kind": "scanner", "touching": True},
    ],
    ids=["table-apart-wood", "table-touching-white-paper", "scanner-touching"],
)
def test_every_card_of_a_page_is_read_once_in_reading_order(tmp_path, layout):
    page = make_page(700, n_cards=3, **layout)
    assert {c.rotation for c in page.cards} == {0, 180, 270}  # turned cards among them
    photo = tmp_path / "page.jpg"
    photo.write_bytes(page.jpeg)
    out = tmp_path / "out.jsonl"
    debug = tmp_path / "debug"
    result = _run("scan", str(photo), "-o", str(out), "--debug-dir", str(debug))
    assert result.exit_code == 0, result.stderr
    _check_cards(_records(out), page, [f"{photo}#{i}" for i in (1, 2, 3)])
    assert (debug / "page-00-cards.png").exists()  # every outline found, drawn


def test_a_scanner_pdf_of_two_pages_with_three_cards_each(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    pages = [make_page(seed, n_cards=3, kind="scanner", touching=False) for seed in (701, 702)]
    pdf = write_pdf(pages, folder / "scan.pdf")
    out = tmp_path / "all.jsonl"
    result = _run("batch", str(folder), "-o", str(out), "--jobs", "2")
    assert result.exit_code == 0, result.stderr
    records = _records(out)
    for number, page in enumerate(pages, start=1):
        mine = [r for r in records if r["source"].startswith(f"{pdf}#{number}.")]
        _check_cards(mine, page, [f"{pdf}#{number}.{i}" for i in (1, 2, 3)])
    assert len(records) == 6
    assert "Read 2 photos or pages with 6 cards: 6 contacts found, 0 failed" in result.stderr


def test_one_card_on_a_scanned_page_is_cut_out_and_read(tmp_path):
    page = make_page(703, n_cards=1, kind="scanner")
    pdf = write_pdf([page], tmp_path / "one.pdf")
    out = tmp_path / "one.jsonl"
    result = _run("scan", str(pdf), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    _check_cards(_records(out), page, [f"{pdf}#1"])


def test_pairs_merge_front_and_back_and_resume_skips_the_read_pages(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    card = make_card(7001)
    (folder / "a-front.jpg").write_bytes(card.jpeg)
    (folder / "b-back.jpg").write_bytes(card.jpeg)  # the same side again: the same person
    out = tmp_path / "pairs.jsonl"
    result = _run("batch", str(folder), "--pairs", "-o", str(out), "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    (record,) = _records(out)
    front, back = folder / "a-front.jpg", folder / "b-back.jpg"
    assert record["source"] == f"{front} + {back}"
    assert f"{back}: back side merged into {front}" in result.stderr
    # A page of several cards joins the folder: --resume reads only that one.
    (folder / "c-page.jpg").write_bytes(make_page(700, n_cards=3, kind="table").jpeg)
    result = _run("batch", str(folder), "-o", str(out), "--resume", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert "2 photos done, 1 to read" in result.stderr
    sources = [r["source"] for r in _records(out)]
    assert sources[1:] == [f"{folder / 'c-page.jpg'}#{i}" for i in (1, 2, 3)]
    result = _run("batch", str(folder), "-o", str(out), "--resume", "--jobs", "1")
    assert "3 photos done, 0 to read" in result.stderr


def test_each_card_of_a_page_is_saved_with_its_own_picture(tmp_path):
    from cardscan.book import Book
    from cardscan.imaging.photo import card_thumbnail

    page = make_page(700, n_cards=3, kind="table", touching=False, background="wood")
    photo = tmp_path / "page.jpg"
    photo.write_bytes(page.jpeg)
    db = tmp_path / "book.sqlite3"
    result = _run("scan", str(photo), "--save", "--event", "Messe", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    with Book(db) as book:
        entries = book.entries()
        assert len(entries) == 3 and all(e.has_image for e in entries)
        pictures = [book.images(e.id)[-1] for e in entries]
    # Each its own card, not the whole photo of three.
    assert len(set(pictures)) == 3 and card_thumbnail(photo) not in pictures
