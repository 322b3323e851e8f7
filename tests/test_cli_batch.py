"""The batch command end to end with the real Tesseract: bad inputs, interrupts, resume,
summaries and exit codes."""

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
import vobject

from tests.cli_support import SAMPLES, run_cli, sample_photos

pytestmark = pytest.mark.tesseract


def test_batch_with_a_bad_file(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for p in sample_photos(3):
        shutil.copy(p, folder / p.name)
    (folder / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 truncated")
    out = tmp_path / "all.vcf"
    result = run_cli("batch", str(folder), "-o", str(out), "--jobs", "2")
    assert result.exit_code == 1
    assert "broken.jpg" in result.stderr
    assert "Read 4 photos: 3 contacts found, 1 failed" in result.stderr
    cards = list(vobject.readComponents(out.read_text(encoding="utf-8")))
    assert len(cards) == 3
    assert "Traceback" not in result.output


def test_batch_jsonl_in_input_order(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    photos = sample_photos(3)
    for p in photos:
        shutil.copy(p, folder / p.name)
    result = run_cli("batch", str(folder), "--format", "jsonl", "--jobs", "2")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(r["source"]).name for r in records] == [p.name for p in photos]


def test_batch_csv(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for p in sample_photos(2):
        shutil.copy(p, folder / p.name)
    out = tmp_path / "all.csv"
    assert (
        run_cli("batch", str(folder), "--format", "csv", "-o", str(out), "--jobs", "1").exit_code
        == 0
    )
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 2


def test_batch_empty_folder(tmp_path):
    result = run_cli("batch", str(tmp_path))
    assert result.exit_code == 1
    assert "no photos" in result.stderr


def test_batch_keeps_old_output_when_it_cannot_start(tmp_path):
    out = tmp_path / "all.vcf"
    out.write_text("previous", encoding="utf-8")
    result = run_cli("batch", str(tmp_path / "missing-folder"), "-o", str(out))
    assert result.exit_code == 2
    assert out.read_text(encoding="utf-8") == "previous"


def _bad_inputs(folder: Path, good: Path) -> list[str]:
    """Every kind of photo a camera folder can hold that is not a readable card."""
    import os
    import struct
    import zlib

    import cv2
    import numpy as np

    data = good.read_bytes()
    (folder / "empty.jpg").write_bytes(b"")
    (folder / "notes.png").write_text("not an image", encoding="utf-8")
    (folder / "truncated.jpg").write_bytes(data[: len(data) // 3])
    cv2.imwrite(str(folder / "tiny.png"), np.zeros((1, 1, 3), np.uint8))
    cv2.imwrite(str(folder / "blank.png"), np.full((600, 800, 3), 255, np.uint8))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    ihdr = struct.pack(">IIBBBBB", 60000, 60000, 8, 2, 0, 0, 0)
    (folder / "bomb.png").write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")
    )
    os.symlink(folder / "missing.jpg", folder / "broken.jpg")
    (folder / "sub").mkdir()
    os.symlink(folder, folder / "sub" / "loop")
    return [
        "empty.jpg",
        "notes.png",
        "truncated.jpg",
        "tiny.png",
        "blank.png",
        "bomb.png",
        "broken.jpg",
    ]


def test_batch_survives_every_bad_input(tmp_path):
    import os

    folder = tmp_path / "camera"
    folder.mkdir()
    good = sample_photos(2)
    for p in good:
        shutil.copy(p, folder / p.name)
    # a file name that is not UTF-8 must not break the JSON output
    shutil.copy(good[0], os.fsdecode(bytes(folder) + b"/caf\xe9.jpg"))
    bad = _bad_inputs(folder, good[0])
    out = tmp_path / "all.jsonl"
    result = run_cli("batch", str(folder), "--recursive", "--format", "jsonl", "-o", str(out))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 3
    assert any("caf" in r["source"] for r in records)
    for name in bad:
        assert f"{name}: " in result.stderr, name
    assert f"{len(bad)} failed" in result.stderr


def _sixty_cards(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, p in enumerate(sample_photos(12) * 5):  # 60 cards: well over ten seconds of work
        shutil.copy(p, folder / f"{i:02d}-{p.name}")
    return folder


def _interrupt_batch(tmp_path: Path, args: list[str], sig: str, after: float) -> tuple[int, str]:
    """Run `cardscan batch ARGS` as a user would, send it ``sig`` ``after`` seconds into its
    writing (mid-batch); its exit status and stderr."""
    import signal
    import subprocess
    import sys
    import time

    cardscan = Path(sys.executable).parent / "cardscan"
    proc = subprocess.Popen(
        [str(cardscan), "batch", *args],
        stderr=subprocess.PIPE,
        text=True,
        # A shell's background job (`pytest &`) ignores SIGINT, and Python keeps that: give
        # the batch the default handler a user's terminal gives it.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    # Wait until the batch writes its temporary output, then a little more: mid-batch.
    deadline = time.monotonic() + 60
    while not any(p.name.endswith(".part") for p in tmp_path.iterdir()):
        assert time.monotonic() < deadline and proc.poll() is None, "the batch never started"
        time.sleep(0.1)
    time.sleep(after)
    proc.send_signal(getattr(signal, sig))
    _, stderr = proc.communicate(timeout=60)
    return proc.returncode, stderr


@pytest.mark.parametrize("sig", ["SIGTERM", "SIGINT"])
def test_interrupted_batch_leaves_the_previous_output(tmp_path, sig):
    folder = _sixty_cards(tmp_path)
    out = tmp_path / "all.vcf"
    out.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Old\r\nN:Old;;;;\r\nEND:VCARD\r\n", encoding="utf-8"
    )
    before = out.read_bytes()
    returncode, stderr = _interrupt_batch(
        tmp_path, [str(folder), "-o", str(out), "--jobs", "2"], sig, after=1.5
    )
    assert returncode == 130
    assert "interrupted after" in stderr and "Traceback" not in stderr
    assert out.read_bytes() == before  # the old file, whole
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_an_interrupted_resumable_batch_keeps_what_it_read(tmp_path):
    folder = _sixty_cards(tmp_path)
    out = tmp_path / "all.jsonl"
    args = [str(folder), "-o", str(out), "--resume", "--jobs", "2"]
    returncode, stderr = _interrupt_batch(tmp_path, args, "SIGINT", after=4)  # a few cards read
    assert returncode == 130
    assert "run the same command again" in stderr and "Traceback" not in stderr
    read = [json.loads(line)["source"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert 0 < len(read) < 60  # each card whole (every line parses), none twice
    assert len(set(read)) == len(read)
    # the next run reads only what is left (here: two of the photos not read yet)
    left = sorted(p for p in folder.iterdir() if str(p) not in read and p.name not in read)
    for extra in left[2:]:
        extra.unlink()
    result = run_cli("batch", str(folder), "-o", str(out), "--resume", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    done = f"{len(read)} photo{'' if len(read) == 1 else 's'} done, 2 to read"
    assert done in result.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(read) + 2


@pytest.mark.parametrize("fmt", ["vcard", "jsonl"])
def test_resume_reads_only_the_photos_not_yet_written(tmp_path, fmt):
    folder = tmp_path / "in"
    folder.mkdir()
    photos = sample_photos(3)
    shutil.copy(photos[0], folder / photos[0].name)
    out = tmp_path / f"all.{fmt}"
    # vCards name their photos only when asked (JSON Lines always does)
    first_run = ["--vcard-source"] if fmt == "vcard" else []
    result = run_cli(
        "batch", str(folder), "--format", fmt, "-o", str(out), "--jobs", "1", *first_run
    )
    assert result.exit_code == 0
    first = out.read_text(encoding="utf-8")
    for p in photos[1:]:
        shutil.copy(p, folder / p.name)
    result = run_cli(
        "batch", str(folder), "--format", fmt, "-o", str(out), "--resume", "--jobs", "1"
    )
    assert result.exit_code == 0, result.stderr
    assert "1 photo done, 2 to read" in result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith(first)
    if fmt == "jsonl":
        assert [Path(json.loads(line)["source"]).name for line in text.splitlines()] == [
            p.name for p in photos
        ]
    else:
        assert len(list(vobject.readComponents(text))) == 3


def test_resume_refuses_csv(tmp_path):
    result = run_cli(
        "batch", str(SAMPLES), "--format", "csv", "-o", str(tmp_path / "x.csv"), "--resume"
    )
    assert result.exit_code == 2
    assert "--resume works with --format vcard or jsonl" in result.stderr


def test_batch_where_everything_fails_keeps_the_old_output(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x.jpg").write_text("not a photo", encoding="utf-8")
    out = tmp_path / "all.vcf"
    out.write_text("previous contacts", encoding="utf-8")
    result = run_cli("batch", str(folder), "-o", str(out))
    assert result.exit_code == 1
    assert out.read_text(encoding="utf-8") == "previous contacts"
    assert "left as it was" in result.stderr
    # the closing summary names the failure and its reason, even when it is the only one
    summary = result.stderr[result.stderr.index("Read 1 photo") :]
    assert "  failed: " in summary and "x.jpg: is not an image" in summary


def test_batch_output_format_follows_the_file_name(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for p in sample_photos(2):
        shutil.copy(p, folder / p.name)
    out = tmp_path / "all.jsonl"
    result = run_cli("batch", str(folder), "-o", str(out), "--jobs", "1")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 2


def test_batch_names_the_contacts_to_check(tmp_path, monkeypatch):
    from cardscan.pipeline import Scanner
    from cardscan.pipeline import pool as batch_module
    from tests.fakes import FakeEngine, ocr_result

    class UnsureScanner(Scanner):  # every word read at confidence 0.3
        def __init__(self, options, engine=None):
            reading = ocr_result("Anna Berg\nGeschäftsführerin\nanna@berg.de", confidence=0.3)
            super().__init__(options, engine=FakeEngine(reading))

    monkeypatch.setattr(batch_module, "Scanner", UnsureScanner)
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(sample_photos(1)[0], folder / "card.jpg")
    result = run_cli(
        "batch", str(folder), "-o", str(tmp_path / "out.vcf"), "--jobs", "1", "--no-qr"
    )
    assert result.exit_code == 0, result.output
    assert "Please check 1 contact" in result.stderr and "card.jpg: " in result.stderr
