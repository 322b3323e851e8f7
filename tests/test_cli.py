"""The scan command end to end with the real Tesseract: outputs, formats, options and exit codes."""

import json
from pathlib import Path

import pytest
import vobject

from tests.cli_support import SAMPLES, run_cli, sample_photos

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


def test_scan_prints_vcard():
    photo = sample_photos(1)[0]
    expected = json.loads(photo.with_suffix(".json").read_text(encoding="utf-8"))
    result = run_cli("scan", str(photo))
    assert result.exit_code == 0, result.output
    card = vobject.readOne(result.stdout)
    assert card.fn.value == expected["name"]["full"]
    assert card.version.value == "3.0"


def test_scan_json_record_keys():
    result = run_cli("scan", str(sample_photos(1)[0]), "--format", "json")
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
    result = run_cli("scan", str(sample_photos(1)[0]), "-o", str(out))
    assert result.exit_code == 0
    assert out.read_bytes().startswith(b"BEGIN:VCARD\r\n")


def test_scan_missing_file_names_it(tmp_path):
    result = run_cli("scan", str(tmp_path / "nope.jpg"))
    assert result.exit_code == 1
    assert "nope.jpg" in result.stderr
    assert "Traceback" not in result.output


def test_scan_not_an_image(tmp_path):
    bad = tmp_path / "fake.jpg"
    bad.write_text("hello", encoding="utf-8")
    result = run_cli("scan", str(bad))
    assert result.exit_code == 1
    assert "fake.jpg" in result.stderr


def test_scan_blank_photo_is_a_failure(tmp_path):
    import cv2
    import numpy as np

    blank = tmp_path / "blank.png"
    cv2.imwrite(str(blank), np.full((600, 900, 3), 200, np.uint8))
    result = run_cli("scan", str(blank))
    assert result.exit_code == 1
    assert "blank.png" in result.stderr


def test_missing_language_pack_exit_3():
    result = run_cli("scan", str(sample_photos(1)[0]), "--lang", "xyz")
    assert result.exit_code == 3
    assert "tesseract-ocr-xyz" in result.stderr


def test_bad_region_is_usage_error():
    result = run_cli("scan", str(sample_photos(1)[0]), "--region", "Germany")
    assert result.exit_code == 2


def test_no_arguments_is_usage_error():
    assert run_cli("scan").exit_code == 2


def test_unknown_region_code_is_usage_error():
    result = run_cli("scan", str(sample_photos(1)[0]), "--region", "XX")
    assert result.exit_code == 2
    assert "--region XX" in result.stderr


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_scan_writes_csv_and_jsonl(fmt):
    result = run_cli("scan", str(sample_photos(1)[0]), "--format", fmt)
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
    result = run_cli("scan", str(sample_photos(1)[0]), "-o", str(out), *args)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith(starts)


def test_photo_option_says_when_it_has_no_place(tmp_path):
    photo = str(sample_photos(1)[0])
    result = run_cli("scan", photo, "--photo", "card", "--format", "json")
    assert "--photo card goes into vCards only, not json" in result.stderr
    # no portrait on the sample card: said, not silently left out
    result = run_cli("scan", photo, "--photo", "face")
    assert result.exit_code == 0
    assert "no portrait found on the card" in result.stderr
    assert "PHOTO" not in result.stdout


def test_a_language_name_instead_of_a_code_says_which_codes():
    result = run_cli("scan", str(sample_photos(1)[0]), "--lang", "german")
    assert result.exit_code == 3
    assert "--lang deu+eng" in result.stderr and "tesseract-ocr-german" not in result.stderr
