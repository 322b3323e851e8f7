"""The push command and batch --carddav against a real Radicale on 127.0.0.1, and batch's
Google CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from cardscan.cli import main
from cardscan.errors import ExitCode
from tests.carddav_support import USER, Server, sample_contacts, server_cards, vcf_text

# --- the command line ----------------------------------------------------------------------


def test_cli_push_creates_then_updates(radicale: Server, tmp_path: Path) -> None:
    url = radicale.addressbook("cli")
    path = tmp_path / "cards.vcf"
    path.write_text(vcf_text(sample_contacts()), encoding="utf-8", newline="")
    runner = CliRunner()
    args = ["push", str(path), "--carddav", url, "--username", USER, "--password-env", "CS_PW"]
    result = runner.invoke(main, args, env={"CS_PW": "secret-value"})
    assert result.exit_code == 0, result.output
    assert "2 created, 0 updated, 0 failed" in result.stderr
    assert "secret-value" not in result.output
    result = runner.invoke(main, args, env={"CS_PW": "secret-value"})
    assert result.exit_code == 0
    assert "0 created, 2 updated, 0 failed" in result.stderr
    assert len(server_cards(radicale, f"/{USER}/cli/")) == 2


def test_cli_push_wrong_password_exits_with_the_carddav_code(
    locked_radicale: Server, tmp_path: Path
) -> None:
    url = locked_radicale.addressbook("cli-locked")
    path = tmp_path / "cards.vcf"
    path.write_text(vcf_text(sample_contacts()), encoding="utf-8", newline="")
    result = CliRunner().invoke(
        main, ["push", str(path), "--carddav", url, "--username", USER, "--password", "nope"]
    )
    assert result.exit_code == ExitCode.carddav_failed
    assert "401" in result.stderr and "Traceback" not in result.output


def test_cli_push_missing_password_variable_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "cards.vcf"
    path.write_text(vcf_text(sample_contacts()), encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["push", str(path), "--carddav", "http://127.0.0.1:1/x/", "--password-env", "NO_SUCH_VAR"],
        env={"NO_SUCH_VAR": None},
    )
    assert result.exit_code == ExitCode.usage
    assert "NO_SUCH_VAR" in result.stderr


def _fake_batch(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """batch without OCR: two "photos" whose outcomes are the test contacts."""
    from cardscan.cli import scan
    from cardscan.pipeline import ScanResult, batch

    folder = tmp_path / "photos"
    folder.mkdir()
    contacts = sample_contacts()
    outcomes = [ScanResult(c.source, c, 0.1, 0.9) for c in contacts]
    monkeypatch.setattr(scan, "find_images", lambda *a, **k: [folder / "a.jpg", folder / "b.jpg"])
    monkeypatch.setattr(batch, "read_cards", lambda *a, **k: (o for o in outcomes))
    return folder


def test_cli_batch_pushes_every_contact_after_writing_the_file(
    radicale: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _fake_batch(monkeypatch, tmp_path)
    url = radicale.addressbook("batch")
    out = tmp_path / "out.vcf"
    args = ["batch", str(folder), "-o", str(out), "--vcard-version", "4.0", "--carddav", url]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").count("VERSION:4.0") == 2
    assert "2 created, 0 updated, 0 failed" in result.stderr
    back = server_cards(radicale, f"/{USER}/batch/")
    assert sorted(c.fn.value for c in back.values()) == [
        "Dr. Jürgen Müller-Lüdenscheidt, MBA",
        "Zoë O'Brien",
    ]
    assert {c.version.value for c in back.values()} == {"3.0"}  # pushed as 3.0


def test_cli_batch_checks_the_address_book_before_scanning(
    radicale: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _fake_batch(monkeypatch, tmp_path)
    out = tmp_path / "out.csv"
    args = ["batch", str(folder), "-o", str(out), "--carddav", radicale.url("/anna/missing/")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == ExitCode.carddav_failed
    assert "no address book at" in result.stderr
    assert not out.exists()


def test_cli_batch_google_csv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _fake_batch(monkeypatch, tmp_path)
    out = tmp_path / "google.csv"
    result = CliRunner().invoke(
        main, ["batch", str(folder), "-o", str(out), "--format", "google-csv"]
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("First Name,Middle Name,Last Name,")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [r["Last Name"] for r in rows] == ["Müller-Lüdenscheidt", "O'Brien"]
