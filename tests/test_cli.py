"""The command line end to end with the real Tesseract: outputs, summaries and exit codes."""

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
import vobject
from click.testing import CliRunner

from cardscan.cli import main

SAMPLES = Path(__file__).parent.parent / "samples"
JSON_KEYS = {
    "source",
    "name",
    "title",
    "organization",
    "department",
    "phones",
    "emails",
    "urls",
    "profiles",
    "address",
    "raw_text",
    "confidence",
}

pytestmark = pytest.mark.tesseract


def _samples(n: int) -> list[Path]:
    photos = sorted(SAMPLES.glob("*.jpg"))
    assert len(photos) >= n, "samples/ must hold the generated card photos"
    return photos[:n]


def _run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_scan_prints_vcard():
    photo = _samples(1)[0]
    expected = json.loads(photo.with_suffix(".json").read_text(encoding="utf-8"))
    result = _run("scan", str(photo))
    assert result.exit_code == 0, result.output
    card = vobject.readOne(result.stdout)
    assert card.fn.value == expected["name"]["full"]
    assert card.version.value == "3.0"


def test_scan_json_record_keys():
    result = _run("scan", str(_samples(1)[0]), "--format", "json")
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert set(record) >= JSON_KEYS
    assert set(record["name"]) >= {"full", "prefix", "given", "family", "suffix"}
    for phone in record["phones"]:
        assert phone["number"].startswith("+") and phone["type"] in {
            "work",
            "mobile",
            "fax",
            "other",
        }


def test_scan_to_file(tmp_path):
    out = tmp_path / "card.vcf"
    result = _run("scan", str(_samples(1)[0]), "-o", str(out))
    assert result.exit_code == 0
    assert out.read_bytes().startswith(b"BEGIN:VCARD\r\n")


def test_scan_missing_file_names_it(tmp_path):
    result = _run("scan", str(tmp_path / "nope.jpg"))
    assert result.exit_code == 1
    assert "nope.jpg" in result.stderr
    assert "Traceback" not in result.output


def test_scan_not_an_image(tmp_path):
    bad = tmp_path / "fake.jpg"
    bad.write_text("hello", encoding="utf-8")
    result = _run("scan", str(bad))
    assert result.exit_code == 1
    assert "fake.jpg" in result.stderr


def test_scan_blank_photo_is_a_failure(tmp_path):
    import cv2
    import numpy as np

    blank = tmp_path / "blank.png"
    cv2.imwrite(str(blank), np.full((600, 900, 3), 200, np.uint8))
    result = _run("scan", str(blank))
    assert result.exit_code == 1
    assert "blank.png" in result.stderr


def test_missing_language_pack_exit_3():
    result = _run("scan", str(_samples(1)[0]), "--lang", "xyz")
    assert result.exit_code == 3
    assert "tesseract-ocr-xyz" in result.stderr


def test_bad_region_is_usage_error():
    result = _run("scan", str(_samples(1)[0]), "--region", "Germany")
    assert result.exit_code == 2


def test_no_arguments_is_usage_error():
    assert _run("scan").exit_code == 2


def test_batch_with_a_bad_file(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for p in _samples(3):
        shutil.copy(p, folder / p.name)
    (folder / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 truncated")
    out = tmp_path / "all.vcf"
    result = _run("batch", str(folder), "-o", str(out), "--jobs", "2")
    assert result.exit_code == 1
    assert "broken.jpg" in result.stderr
    assert "Read 4 photos: 3 contacts found, 1 failed" in result.stderr
    cards = list(vobject.readComponents(out.read_text(encoding="utf-8")))
    assert len(cards) == 3
    assert "Traceback" not in result.output


def test_batch_jsonl_in_input_order(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    photos = _samples(3)
    for p in photos:
        shutil.copy(p, folder / p.name)
    result = _run("batch", str(folder), "--format", "jsonl", "--jobs", "2")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(r["source"]).name for r in records] == [p.name for p in photos]


def test_batch_csv(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for p in _samples(2):
        shutil.copy(p, folder / p.name)
    out = tmp_path / "all.csv"
    assert (
        _run("batch", str(folder), "--format", "csv", "-o", str(out), "--jobs", "1").exit_code == 0
    )
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 2


def test_batch_empty_folder(tmp_path):
    result = _run("batch", str(tmp_path))
    assert result.exit_code == 1
    assert "no photos" in result.stderr


def test_batch_keeps_old_output_when_it_cannot_start(tmp_path):
    out = tmp_path / "all.vcf"
    out.write_text("previous", encoding="utf-8")
    result = _run("batch", str(tmp_path / "missing-folder"), "-o", str(out))
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
    good = _samples(2)
    for p in good:
        shutil.copy(p, folder / p.name)
    # a file name that is not UTF-8 must not break the JSON output
    shutil.copy(good[0], os.fsdecode(bytes(folder) + b"/caf\xe9.jpg"))
    bad = _bad_inputs(folder, good[0])
    out = tmp_path / "all.jsonl"
    result = _run("batch", str(folder), "--recursive", "--format", "jsonl", "-o", str(out))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 3
    assert any("caf" in r["source"] for r in records)
    for name in bad:
        assert f"{name}: " in result.stderr, name
    assert f"{len(bad)} failed" in result.stderr


@pytest.mark.parametrize("sig", ["SIGTERM", "SIGINT"])
def test_interrupted_batch_leaves_the_previous_output(tmp_path, sig):
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "in"
    folder.mkdir()
    for i, p in enumerate(_samples(12) * 5):  # 60 cards: well over ten seconds of work
        shutil.copy(p, folder / f"{i:02d}-{p.name}")
    out = tmp_path / "all.vcf"
    out.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Old\r\nN:Old;;;;\r\nEND:VCARD\r\n", encoding="utf-8"
    )
    before = out.read_bytes()
    cardscan = Path(sys.executable).parent / "cardscan"
    proc = subprocess.Popen(
        [str(cardscan), "batch", str(folder), "-o", str(out), "--jobs", "2"],
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
    time.sleep(1.5)
    proc.send_signal(getattr(signal, sig))
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "interrupted after" in stderr and "Traceback" not in stderr
    assert out.read_bytes() == before  # the old file, whole
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


@pytest.mark.parametrize("fmt", ["vcard", "jsonl"])
def test_resume_reads_only_the_photos_not_yet_written(tmp_path, fmt):
    folder = tmp_path / "in"
    folder.mkdir()
    photos = _samples(3)
    shutil.copy(photos[0], folder / photos[0].name)
    out = tmp_path / f"all.{fmt}"
    # vCards name their photos only when asked (JSON Lines always does)
    first_run = ["--vcard-source"] if fmt == "vcard" else []
    result = _run("batch", str(folder), "--format", fmt, "-o", str(out), "--jobs", "1", *first_run)
    assert result.exit_code == 0
    first = out.read_text(encoding="utf-8")
    for p in photos[1:]:
        shutil.copy(p, folder / p.name)
    result = _run("batch", str(folder), "--format", fmt, "-o", str(out), "--resume", "--jobs", "1")
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
    result = _run(
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
    result = _run("batch", str(folder), "-o", str(out))
    assert result.exit_code == 1
    assert out.read_text(encoding="utf-8") == "previous contacts"
    assert "left as it was" in result.stderr
    # the closing summary names the failure and its reason, even when it is the only one
    summary = result.stderr[result.stderr.index("Read 1 photo") :]
    assert "  failed: " in summary and "x.jpg: is not an image" in summary


def test_unknown_region_code_is_usage_error():
    result = _run("scan", str(_samples(1)[0]), "--region", "XX")
    assert result.exit_code == 2
    assert "--region XX" in result.stderr


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_scan_writes_csv_and_jsonl(fmt):
    result = _run("scan", str(_samples(1)[0]), "--format", fmt)
    assert result.exit_code == 0
    assert result.stdout.strip()


def test_no_native_library_noise_on_stderr():
    # Leptonica writes to file descriptor 2 itself: only a real process shows it.
    import subprocess
    import sys

    cardscan = Path(sys.executable).parent / "cardscan"
    proc = subprocess.run(
        [str(cardscan), "scan", str(SAMPLES / "10-one-line-address.jpg")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0
    assert "Error in" not in proc.stderr


@pytest.mark.parametrize(
    ("name", "args", "starts"),
    [
        ("contacts.csv", [], "\ufefffull_name,"),  # the file name asks for CSV
        ("contacts.json", [], "{"),
        ("contacts.vcf", [], "BEGIN:VCARD"),
        ("contacts.txt", [], "BEGIN:VCARD"),  # an unknown ending: the default vCard
        ("contacts.csv", ["--format", "vcard"], "BEGIN:VCARD"),  # --format wins
    ],
)
def test_output_format_follows_the_file_name(tmp_path, name, args, starts):
    out = tmp_path / name
    result = _run("scan", str(_samples(1)[0]), "-o", str(out), *args)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith(starts)


def test_batch_output_format_follows_the_file_name(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for p in _samples(2):
        shutil.copy(p, folder / p.name)
    out = tmp_path / "all.jsonl"
    result = _run("batch", str(folder), "-o", str(out), "--jobs", "1")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 2


def test_photo_option_says_when_it_has_no_place(tmp_path):
    photo = str(_samples(1)[0])
    result = _run("scan", photo, "--photo", "card", "--format", "json")
    assert "--photo card goes into vCards only, not json" in result.stderr
    # no portrait on the sample card: said, not silently left out
    result = _run("scan", photo, "--photo", "face")
    assert result.exit_code == 0
    assert "no portrait found on the card" in result.stderr
    assert "PHOTO" not in result.stdout


def test_a_language_name_instead_of_a_code_says_which_codes():
    result = _run("scan", str(_samples(1)[0]), "--lang", "german")
    assert result.exit_code == 3
    assert "--lang deu+eng" in result.stderr and "tesseract-ocr-german" not in result.stderr


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
    shutil.copy(_samples(1)[0], folder / "card.jpg")
    result = _run("batch", str(folder), "-o", str(tmp_path / "out.vcf"), "--jobs", "1", "--no-qr")
    assert result.exit_code == 0, result.output
    assert "Please check 1 contact" in result.stderr and "card.jpg: " in result.stderr
