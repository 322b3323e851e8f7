"""End to end on the bundled sample photos with the real Tesseract: every field as expected."""

import json
from pathlib import Path

import pytest

from benchmarks.compare import field_matches
from cardscan.model import Contact
from cardscan.options import ScanOptions
from cardscan.pipeline import Scanner

SAMPLES = Path(__file__).parent.parent / "samples"
PHOTOS = sorted(SAMPLES.glob("*.jpg"))

pytestmark = pytest.mark.tesseract

# Known misses, each with its reason; a sample not named here must be read completely.
# 17-hard is the deliberately bad capture (small, dim, blurred, noisy, low JPEG quality):
# Tesseract reads the l of "Nohlmans" as an i, and nothing else on the card can correct it.
KNOWN_MISSES: dict[str, set[str]] = {"17-hard.jpg": {"name"}}


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return Scanner(ScanOptions())


def test_there_are_enough_samples():
    assert len(PHOTOS) >= 12


@pytest.mark.parametrize("photo", PHOTOS, ids=[p.name for p in PHOTOS])
def test_sample(scanner, photo):
    truth = Contact.from_dict(json.loads(photo.with_suffix(".json").read_text(encoding="utf-8")))
    got = scanner.scan([photo]).contact
    wrong = {f for f, ok in field_matches(truth, got).items() if not ok}
    assert wrong <= KNOWN_MISSES.get(photo.name, set()), (
        f"{photo.name}: wrong {sorted(wrong)}\n{got.to_dict()}"
    )
