"""The command line around its files: -o on FIFOs, symlinks and devices, no local traces in
vCards, private modes, format aliases, and exit codes for usage errors and bugs.

The card is read by a fake OCR engine (tests/fakes.py), so these run without Tesseract.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import threading
from pathlib import Path

import pytest
import vobject
from click.testing import CliRunner

from cardscan import batch as batch_module
from cardscan import cli
from cardscan.cli import main
from cardscan.pipeline import Scanner
from tests.fakes import FakeEngine, ocr_result

PHOTO = Path(__file__).parent.parent / "samples" / "01-de-doctor-umlauts.jpg"
CARD = "Anna Berg\nGeschäftsführerin\nBerg Beratung GmbH\nanna@berg-beratung.de"


def _fake_scanner(monkeypatch: pytest.MonkeyPatch, confidence: float = 0.95) -> None:
    """scan and batch (and batch's forked workers) read CARD from every photo."""

    class FakeScanner(Scanner):
        def __init__(self, options, engine=None):
            super().__init__(options, engine=FakeEngine(ocr_result(CARD, confidence=confidence)))

    monkeypatch.setattr(cli, "Scanner", FakeScanner)
    monkeypatch.setattr(batch_module, "Scanner", FakeScanner)


@pytest.fixture
def card(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    _fake_scanner(monkeypatch)
    photo = tmp_path / "photos" / "IMG_0001.jpg"
    photo.parent.mkdir()
    shutil.copy(PHOTO, photo)
    return photo


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def _reader(path: Path) -> tuple[threading.Thread, list[bytes]]:
    got: list[bytes] = []

    def read() -> None:
        with open(path, "rb") as pipe:
            got.append(pipe.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread, got


# --- what -o names -------------------------------------------------------------------------


def test_scan_into_a_fifo_delivers_the_vcard_and_leaves_the_fifo(card: Path, tmp_path: Path):
    fifo = tmp_path / "contacts.vcf"
    os.mkfifo(fifo)
    thread, got = _reader(fifo)
    result = run("scan", str(card), "--no-qr", "-o", str(fifo))
    thread.join(10)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert vobject.readOne(got[0].decode("utf-8")).fn.value == "Anna Berg"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_scan_through_a_symlink_writes_its_target(card: Path, tmp_path: Path):
    target = tmp_path / "store" / "all.vcf"
    target.parent.mkdir()
    target.write_text("old")
    link = tmp_path / "link.vcf"
    link.symlink_to(target)
    result = run("scan", str(card), "--no-qr", "-o", str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and link.resolve() == target
    assert vobject.readOne(target.read_text(encoding="utf-8")).fn.value == "Anna Berg"


def test_scan_into_a_character_device_leaves_the_device(card: Path, tmp_path: Path):
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root; tests/test_files.py covers the decision")
    node = tmp_path / "null"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # the null device's numbers
    before = os.lstat(node)
    result = run("scan", str(card), "--no-qr", "-o", str(node))
    assert result.exit_code == 0, result.output
    after = os.lstat(node)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev
    assert after.st_ino == before.st_ino and sorted(p.name for p in tmp_path.iterdir()) == [
        "null",
        "photos",
    ]


def test_batch_into_a_fifo(card: Path, tmp_path: Path):
    fifo = tmp_path / "all.jsonl"
    os.mkfifo(fifo)
    thread, got = _reader(fifo)
    result = run("batch", str(card.parent), "--no-qr", "-j", "1", "-o", str(fifo))
    thread.join(10)
    assert result.exit_code == 0, result.output
    assert json.loads(got[0])["emails"] == ["anna@berg-beratung.de"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_resume_refuses_a_fifo_without_waiting_for_it(card: Path, tmp_path: Path):
    fifo = tmp_path / "all.vcf"
    os.mkfifo(fifo)
    result = run("batch", str(card.parent), "-o", str(fifo), "--resume")
    assert result.exit_code == 2
    assert f"--resume continues a file, and {fifo} is a FIFO" in result.stderr


# --- no local traces, private files ---------------------------------------------------------


def test_vcards_carry_no_local_path_or_review_note_unless_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    _fake_scanner(monkeypatch, confidence=0.3)  # every field to check
    photo = tmp_path / "Privat" / "IMG_0001.jpg"
    photo.parent.mkdir()
    shutil.copy(PHOTO, photo)
    out = tmp_path / "out.vcf"
    result = run("scan", str(photo), "--no-qr", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "BEGIN:VCARD" in text
    for trace in (str(tmp_path), "Privat", "IMG_0001", "X-CARDSCAN", "NOTE", "please check"):
        assert trace not in text
    assert "please check" in result.stderr  # the hint is still given, on the terminal
    result = run("batch", str(photo.parent), "--no-qr", "-j", "1", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert result.exit_code == 0 and "Privat" not in text and "NOTE" not in text
    # JSON keeps both: it is the record of the scan
    record = json.loads(run("scan", str(photo), "--no-qr", "--format", "json").stdout)
    assert record["source"] == str(photo) and record["review"]
    # asked for: both go in
    args = ("scan", str(photo), "--no-qr", "--vcard-review", "--vcard-source")
    card = vobject.readOne(run(*args).stdout)
    assert card.contents["x-cardscan-source"][0].value == str(photo)
    assert card.note.value.startswith("cardscan: please check")


@pytest.mark.parametrize("name", ["out.vcf", "out.csv", "out.json", "out.jsonl"])
def test_exports_are_created_private_and_existing_files_keep_their_mode(
    card: Path, tmp_path: Path, name: str
):
    out = tmp_path / name
    old = os.umask(0o022)
    try:
        assert run("scan", str(card), "--no-qr", "-o", str(out)).exit_code == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
        out.chmod(0o644)  # the user's choice is kept
        assert run("scan", str(card), "--no-qr", "-o", str(out)).exit_code == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o644
    finally:
        os.umask(old)


def test_debug_images_are_private(card: Path, tmp_path: Path):
    debug = tmp_path / "debug"
    old = os.umask(0o022)
    try:
        result = run("scan", str(card), "--no-qr", "--debug-dir", str(debug))
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    images = list(debug.glob("*.png"))
    assert images and all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in images)
    assert stat.S_IMODE(debug.stat().st_mode) == 0o700


# --- resume with vCards ---------------------------------------------------------------------


def test_vcard_resume_needs_the_sources_and_writes_them(card: Path, tmp_path: Path):
    out = tmp_path / "all.vcf"
    folder = str(card.parent)
    assert run("batch", folder, "--no-qr", "-j", "1", "-o", str(out)).exit_code == 0
    result = run("batch", folder, "--no-qr", "-o", str(out), "--resume")
    assert result.exit_code == 2 and "do not name the photos" in result.stderr
    assert "--vcard-source" in result.stderr
    # --resume on a new file writes the sources, so that it can be resumed again
    out.unlink()
    assert run("batch", folder, "--no-qr", "-j", "1", "-o", str(out), "--resume").exit_code == 0
    unfolded = out.read_bytes().decode("utf-8").replace("\r\n ", "")
    assert f"X-CARDSCAN-SOURCE:{card}" in unfolded
    shutil.copy(card, card.with_name("IMG_0002.jpg"))
    result = run("batch", folder, "--no-qr", "-j", "1", "-o", str(out), "--resume")
    assert result.exit_code == 0 and "1 photo done, 1 to read" in result.stderr


# --- formats, folders, exit codes -----------------------------------------------------------


@pytest.mark.parametrize(
    ("alias", "starts"),
    [
        ("vcf", "BEGIN:VCARD"),
        ("VCF", "BEGIN:VCARD"),
        ("VCard", "BEGIN:VCARD"),
        ("jsonlines", '{"source"'),
        ("ndjson", "{"),
    ],
)
def test_format_aliases(card: Path, alias: str, starts: str):
    result = run("scan", str(card), "--no-qr", "--format", alias)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(starts)
    result = run("batch", str(card.parent), "--no-qr", "-j", "1", "--format", alias)
    assert result.exit_code == 0 and result.stdout.startswith(starts)


def test_a_folder_with_only_subfolders_suggests_recursive(card: Path, tmp_path: Path):
    top = tmp_path / "messe"
    (top / "tag1").mkdir(parents=True)
    shutil.copy(card, top / "tag1" / "a.jpg")
    shutil.copy(card, top / "tag1" / "b.jpg")
    result = run("batch", str(top))
    assert result.exit_code == 1
    assert "2 photos in its subfolders: add --recursive (-r)" in result.stderr
    (top / "empty").mkdir()
    result = run("batch", str(top / "empty"))
    assert result.exit_code == 1 and "--recursive" not in result.stderr


def test_batch_summary_names_every_photo_to_check_and_each_row_its_photo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    _fake_scanner(monkeypatch, confidence=0.3)
    folder = tmp_path / "in"
    folder.mkdir()
    names = [f"card{i:02d}.jpg" for i in range(13)]
    for name in names:
        shutil.copy(PHOTO, folder / name)
    result = run("batch", str(folder), "--no-qr", "-j", "2", "-o", str(tmp_path / "all.vcf"))
    assert result.exit_code == 0, result.output
    summary = result.stderr[result.stderr.index("Please check 13 contacts") :]
    assert "more" not in summary
    for name in names:
        assert f"\n  {folder / name}: " in summary
        assert any(row.startswith(name + " ") for row in result.stderr.splitlines()), name


def test_a_bug_is_an_internal_error_not_a_usage_error(card: Path, monkeypatch: pytest.MonkeyPatch):
    def broken(self, image, **kwargs):
        raise ValueError("an invariant that does not hold\nsecond line")

    # (met while the picture's card is read: since #20 a picture may hold several cards, and a
    # bug on one is that card's failure, named with its file)
    monkeypatch.setattr(cli.Scanner, "scan_image", broken)
    result = run("scan", str(card), "--no-qr")
    assert result.exit_code == 70
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith(f"cardscan: error: {card}: internal error (ValueError: an invariant")
    assert "cardscan -v" in lines[0]
    result = run("-v", "scan", str(card), "--no-qr")
    assert result.exit_code == 70 and "Traceback" in result.stderr
    assert "in broken" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["batch", "{folder}", "--resume"], "--resume needs -o FILE"),
        (
            ["batch", "{folder}", "--carddav", "http://127.0.0.1:1/", "--password", "x"],
            "a password needs --username",
        ),
        (["scan", "{photo}", "--save", "--tag", ""], "a tag must not be empty"),
        (["scan", "{photo}", "--save", "--profile-url", "mailto:x"], "is not a web address"),
        (["who", " "], "needs something to look for"),
    ],
)
def test_usage_errors_are_exit_2(card: Path, tmp_path: Path, args: list[str], message: str):
    db = ["--db", str(tmp_path / "book.sqlite3")] if args[0] != "batch" else []
    args = [a.format(folder=card.parent, photo=card) for a in args]
    result = run(*args, *db)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert not (tmp_path / "book.sqlite3").exists()  # refused before anything was done


def test_a_debug_folder_that_cannot_be_made_is_an_output_error(card: Path, tmp_path: Path):
    (tmp_path / "file").write_text("x")
    result = run("scan", str(card), "--no-qr", "--debug-dir", str(tmp_path / "file" / "debug"))
    assert result.exit_code == 4, result.output
    assert "cannot create the debug folder" in result.stderr and "Traceback" not in result.output
