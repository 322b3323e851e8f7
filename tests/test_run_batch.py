"""The batch as a library call: sinks, report, progress hooks and cancelling, without OCR."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from cardscan.model import Contact, Name
from cardscan.options import ScanOptions
from cardscan.pipeline import Outcome, ScanFailure, ScanResult, batch
from cardscan.pipeline.batch import BatchProgress, BatchSettings, run_batch


def _result(source: str, name: str | None, *, photo: bytes | None = None) -> ScanResult:
    contact = Contact(source=source, name=Name(name) if name else None, photo=photo)
    return ScanResult(source, contact, 0.1, 0.9, notes=(f"note of {source}",))


OUTCOMES: list[Outcome] = [
    _result("a.jpg", "Anna Berg", photo=b"jpeg"),
    ScanFailure("b.jpg", "cannot read the image"),
    _result("c.jpg", None),  # read, but nothing usable on it
    _result("d.jpg", "Dora Kühn"),
]


@pytest.fixture
def fake_reading(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    """read_cards replaced by the four outcomes above; records how it was called."""
    calls: list[dict[str, object]] = []

    def read_cards(todo: list[object], options: ScanOptions, **kwargs: object) -> Iterator[Outcome]:
        calls.append({"todo": len(todo), **kwargs})
        done = kwargs["done"]
        for outcome in OUTCOMES:
            done(1)  # type: ignore[operator]
            yield outcome

    monkeypatch.setattr(batch, "read_cards", read_cards)
    return calls


class _Sink:
    def __init__(self) -> None:
        self.added: list[ScanResult] = []

    def add(self, result: ScanResult) -> None:
        self.added.append(result)


class _Recorder(BatchProgress):
    def __init__(self) -> None:
        self.events: list[str] = []

    def planned(self, pictures: int) -> None:
        self.events.append(f"planned {pictures}")

    def picture_read(self) -> None:
        self.events.append("picture")

    def card_read(self, outcome: Outcome) -> None:
        self.events.append(f"card {outcome.source}")

    def failed(self, failure: ScanFailure) -> None:
        self.events.append(f"failed {failure.source}: {failure.reason}")


def _paths(tmp_path: Path) -> list[Path]:
    return [tmp_path / name for name in ("a.jpg", "b.jpg", "c.jpg", "d.jpg")]


def test_every_card_with_details_reaches_every_sink_in_order(fake_reading, tmp_path):
    first, second = _Sink(), _Sink()
    run_batch(_paths(tmp_path), ScanOptions(), [first, second])
    assert [r.source for r in first.added] == ["a.jpg", "d.jpg"]
    assert [r.source for r in second.added] == ["a.jpg", "d.jpg"]
    assert first.added[0].contact.photo == b"jpeg"  # the sinks get the picture


def test_the_report_keeps_every_outcome_in_order_and_counts_empty_cards_as_failures(
    fake_reading, tmp_path
):
    report = run_batch(_paths(tmp_path), ScanOptions())
    assert [o.source for o in report.outcomes] == ["a.jpg", "b.jpg", "c.jpg", "d.jpg"]
    assert [f.reason for f in report.failures] == [
        "cannot read the image",
        "no contact details were recognised",
    ]
    assert [r.source for r in report.found] == ["a.jpg", "d.jpg"]
    assert report.found[0].contact.photo is None  # the report stays small
    assert (report.pictures, report.read, report.cancelled) == (4, 4, False)


def test_progress_hears_of_each_picture_card_and_failure(fake_reading, tmp_path):
    progress = _Recorder()
    run_batch(_paths(tmp_path), ScanOptions(), progress=progress)
    assert progress.events[:4] == ["planned 4", "picture", "card a.jpg", "picture"]
    assert "failed c.jpg: no contact details were recognised" in progress.events
    assert progress.events[-1] == "card d.jpg"


def test_settings_reach_the_reading(fake_reading, tmp_path):
    run_batch(_paths(tmp_path), ScanOptions(), settings=BatchSettings(jobs=8, pairs=True))
    (call,) = fake_reading
    assert call["jobs"] == 4  # never more workers than pictures
    assert call["pairs"] is True


def test_a_cancelled_batch_stops_after_the_card_being_read(fake_reading, tmp_path):
    cancel = threading.Event()
    sink = _Sink()

    class CancelAfterFirst(BatchProgress):
        def card_read(self, outcome: Outcome) -> None:
            cancel.set()

    report = run_batch(
        _paths(tmp_path), ScanOptions(), [sink], progress=CancelAfterFirst(), cancel=cancel
    )
    assert [o.source for o in report.outcomes] == ["a.jpg"]
    assert report.cancelled
    assert [r.source for r in sink.added] == ["a.jpg"]


def test_jobs_must_be_positive():
    with pytest.raises(ValueError, match="jobs"):
        BatchSettings(jobs=0)
