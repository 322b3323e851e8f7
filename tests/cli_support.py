"""The sample photos and a CliRunner call for the end-to-end command line tests."""

from pathlib import Path

from click.testing import CliRunner

from cardscan.cli import main

SAMPLES = Path(__file__).parent.parent / "samples"


def sample_photos(n: int) -> list[Path]:
    photos = sorted(SAMPLES.glob("*.jpg"))
    assert len(photos) >= n, "samples/ must hold the generated card photos"
    return photos[:n]


def run_cli(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)
