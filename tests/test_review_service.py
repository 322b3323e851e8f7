"""The review's background reader: outcomes on the stack, failures with reasons, a warm scanner."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from review_support import fake_scan, jpeg

from cardscan.cli import main
from cardscan.errors import MissingDependencyError
from cardscan.model import Contact
from cardscan.options import ScanOptions
from cardscan.pipeline import Outcome, ScanResult
from cardscan.review import service
from cardscan.review.server import qr_text
from cardscan.review.service import ScanService
from cardscan.review.state import Stack


def run(scan, *names: str) -> Stack:  # type: ignore[no-untyped-def]
    stack = Stack()
    reader = ScanService(stack, scan)
    reader.start()
    reader.submit(stack.add(n, Path(n), "given").id for n in names)
    deadline = time.monotonic() + 10
    while not reader.idle():
        assert time.monotonic() < deadline
        time.sleep(0.01)
    reader.stop()
    return stack


def test_outcomes_land_on_the_stack_in_order() -> None:
    stack = run(fake_scan, "anna.jpg", "broken.jpg", "blank.jpg", "hostile.jpg")
    items = stack.items()
    assert [i.status for i in items] == ["done", "failed", "failed", "done"]
    assert items[0].contact is not None and items[0].contact.photo is None  # kept apart:
    assert items[0].card_jpeg and items[0].thumb_jpeg  # the card picture and its thumbnail
    assert items[1].reason == "the image data is truncated; copy or take the photo again"
    assert items[2].reason is not None and items[2].reason.startswith("no name, company")
    assert all(i.seconds is not None for i in items)


def test_a_crashing_reader_fails_the_photos_and_keeps_going() -> None:
    calls = []

    def scan(paths: list[Path]) -> Iterator[Outcome]:
        calls.append(paths)
        if paths[0].name == "bug.jpg":
            raise RuntimeError("boom")
        yield from fake_scan(paths)

    stack = run(scan, "bug.jpg")
    assert stack.items()[0].reason == "internal error (RuntimeError: boom); please report it"
    assert run(scan, "anna.jpg").items()[0].status == "done"


def test_missing_tesseract_is_the_reason_shown() -> None:
    def scan(paths: list[Path]) -> Iterator[Outcome]:
        raise MissingDependencyError("Tesseract is not installed: apt install tesseract-ocr")
        yield  # pragma: no cover

    (item,) = run(scan, "anna.jpg").items()
    assert item.status == "failed" and "apt install tesseract-ocr" in (item.reason or "")


def test_one_photo_is_read_by_a_warm_scanner_many_by_the_pool(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made: list[ScanOptions] = []
    pooled: list[list[Path]] = []

    class Scanner:
        def __init__(self, options: ScanOptions) -> None:
            made.append(options)

        def outcome(self, path: Path) -> Outcome:
            contact = Contact(path.name, emails=["a@example.com"], photo=jpeg())
            return ScanResult(path.name, contact, 0.0, 1.0)

    def scan_many(paths, options, *, jobs, timeout):  # type: ignore[no-untyped-def]
        pooled.append(list(paths))
        assert jobs == 2 and options.photo == "card"
        return iter([Scanner(options).outcome(p) for p in paths])

    monkeypatch.setattr(service, "Scanner", Scanner)
    monkeypatch.setattr(service, "scan_many", scan_many)
    scan = service.pool_scanner(ScanOptions(), jobs=2)
    for name in ("a.jpg", "b.jpg"):
        assert [o.source for o in scan([Path(name)])] == [name]
    assert len(made) == 1 and made[0].photo_side == service.CARD_SIDE
    assert [o.source for o in scan([Path("c.jpg"), Path("d.jpg")])] == ["c.jpg", "d.jpg"]
    assert pooled == [[Path("c.jpg"), Path("d.jpg")]]


def test_a_taken_port_is_a_usage_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(
            main, ["review", "--no-browser", "--port", str(port), "--db", str(tmp_path / "b.db")]
        )
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.output and "--port" in result.output
    assert "Traceback" not in result.output


def test_the_lan_address_as_a_qr_code_for_the_terminal() -> None:
    text = qr_text("http://192.168.178.20:8766/capture?token=abc")
    rows = text.splitlines()
    assert len(rows) > 10 and len({len(r) for r in rows}) == 1
    assert set("".join(rows)) <= {"█", "▀", "▄", " "}
