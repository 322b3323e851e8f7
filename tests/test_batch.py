"""Batch with a worker pool: order is kept, a hanging or crashing card fails alone."""

import os
import time
from pathlib import Path

import pytest

from cardscan.model import Contact
from cardscan.options import ScanOptions
from cardscan.pipeline import ScanFailure, ScanResult
from cardscan.pipeline import pool as batch
from cardscan.pipeline.sheets import find_images


def fake_work(sheet):
    """Stands in for reading a picture; runs in the forked workers."""
    path = sheet.path
    if path.name == "hang.jpg":
        time.sleep(60)
    if path.name == "crash.jpg":
        os._exit(1)  # the worker dies as if Tesseract had crashed
    contact = Contact(str(path), emails=[f"{path.stem}@example.com"])
    return [ScanResult(str(path), contact, 0.0, 1.0)]


@pytest.fixture
def fake_workers(monkeypatch):
    monkeypatch.setattr(batch, "_work", fake_work)
    monkeypatch.setattr(batch, "_init_worker", lambda options: None)
    monkeypatch.setattr(batch, "check_engine", lambda options: None)


@pytest.mark.parametrize("bad", ["hang.jpg", "crash.jpg"])
def test_bad_card_fails_alone_and_order_is_kept(fake_workers, bad):
    names = ["a.jpg", "b.jpg", bad, "c.jpg", "d.jpg", "e.jpg"]
    start = time.monotonic()
    outcomes = list(batch.scan_many([Path(n) for n in names], ScanOptions(), jobs=2, timeout=3))
    assert [Path(o.source).name for o in outcomes] == names
    failed = [o for o in outcomes if isinstance(o, ScanFailure)]
    assert [Path(f.source).name for f in failed] == [bad]
    assert "gave up after 3 s" in failed[0].reason
    assert time.monotonic() - start < 30


def test_many_cards_stream_in_order(fake_workers):
    names = [f"card{i:03d}.jpg" for i in range(40)]
    outcomes = batch.scan_many([Path(n) for n in names], ScanOptions(), jobs=2)
    assert [Path(o.source).name for o in outcomes] == names


@pytest.mark.parametrize("engine", ["auto", "tesserocr", "pytesseract"])
def test_missing_language_fails_before_the_pool(engine):
    from cardscan.errors import MissingDependencyError

    options = ScanOptions(lang="deu+xyz", engine=engine)
    with pytest.raises(MissingDependencyError, match="'xyz'"):
        list(batch.scan_many([Path("a.jpg"), Path("b.jpg")], options, jobs=2))


def test_unknown_engine_fails_before_the_pool():
    from cardscan.errors import MissingDependencyError

    with pytest.raises(MissingDependencyError, match="unknown OCR engine"):
        list(batch.scan_many([Path("a.jpg"), Path("b.jpg")], ScanOptions(engine="x"), jobs=2))


def test_batch_picks_up_every_format_the_readme_promises(tmp_path):
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    line = next(x for x in readme.splitlines() if "reads every photo in a folder" in x)
    promised = line[line.index("(`") + 2 : line.index("`", line.index("(`") + 2)].split()
    assert ".avif" in promised
    for suffix in [*promised, ".heic"]:
        (tmp_path / f"card{suffix.upper()}").write_bytes(b"x")
    found = {p.suffix.lower() for p in find_images(tmp_path)}
    assert found == {*promised, ".heic"}
