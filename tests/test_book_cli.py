"""The contact-book commands through click: output, exit codes, no tracebacks."""

import csv
import io
import json
import stat
import sys
from pathlib import Path

import pytest
import vobject
from click.testing import CliRunner
from test_book_store import make_contact, met

from cardscan.book import Book
from cardscan.book.match import save
from cardscan.cli import main
from cardscan.errors import BookError

SAMPLE = Path(__file__).parent.parent / "samples" / "01-de-doctor-umlauts.jpg"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "book.sqlite3"
    with Book(path) as book:
        save(book, make_contact(), met("2026-03-01", notes="OCR für Belege", tags=("lead",)))
        promoted = make_contact(title="Geschäftsführerin")
        save(book, promoted, met("2026-09-14", "CeBIT", follow_up_by=met("2026-10-01").met_on))
        save(
            book,
            make_contact("Hans Schmidt", "hs@schmidt.de", "+4940123123123", organization="S"),
            met("2026-01-05", "Expo"),
        )
    return path


def run(*args: str, env: dict[str, str] | None = None):
    result = CliRunner().invoke(main, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def test_who_shows_both_encounters_and_history(db: Path) -> None:
    result = run("who", "mueller", "--db", str(db))
    assert result.exit_code == 0
    out = result.output
    assert "Martina Müller" in out and "Hans Schmidt" not in out
    assert "2026-03-01  Hannover Messe: OCR für Belege [tags: lead]" in out
    assert "2026-09-14  CeBIT (follow up by 2026-10-01)" in out
    assert "Geschäftsführerin (since 2026-09-14, before: Vertriebsleiterin)" in out
    assert "linkedin.com/search/results/people/?keywords=" in out


def test_who_uses_the_environment_variable(db: Path) -> None:
    assert "Martina Müller" in run("who", "Muller", env={"CARDSCAN_DB": str(db)}).output


@pytest.mark.parametrize(
    "number", ["+4940123123123", "+49 40 123123123", "040 123 123 123", "0049 40 123123123"]
)
def test_who_finds_a_caller_by_phone_number(db: Path, number: str) -> None:
    result = run("who", number, "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "Hans Schmidt" in result.stdout and "Martina" not in result.stdout


def test_who_with_a_number_nobody_has(db: Path) -> None:
    assert run("who", "+49 30 9999999", "--db", str(db)).exit_code == 6


def test_who_without_match(db: Path) -> None:
    result = run("who", "nobody", "--db", str(db))
    assert result.exit_code == 6 and "nobody in the contact book matches" in result.output


def test_list_table_and_json(db: Path) -> None:
    table = run("book", "list", "--db", str(db)).output
    assert "Martina Müller" in table and "2026-10-01" in table and "Hans Schmidt" in table
    data = json.loads(run("book", "list", "--format", "json", "--db", str(db)).stdout)
    martina = next(d for d in data if d["name"] and d["name"]["full"] == "Martina Müller")
    assert set(make_contact().to_dict()) <= set(martina)
    assert isinstance(martina["id"], int)
    assert [e["met_on"] for e in martina["encounters"]] == ["2026-03-01", "2026-09-14"]
    since = json.loads(
        run("book", "list", "--format", "json", "--since", "2026-02-01", "--db", str(db)).output
    )
    assert [d["name"]["full"] for d in since] == ["Martina Müller"]


def test_show_and_unknown_id(db: Path) -> None:
    assert (
        "E-mail: martina.mueller@example-gmbh.de"
        in run("book", "show", "1", "--db", str(db)).output
    )
    result = run("book", "show", "99", "--db", str(db))
    assert result.exit_code == 6 and "no contact #99" in result.output
    assert "Traceback" not in result.output


def _editor(tmp_path: Path, body: str) -> dict[str, str]:
    script = tmp_path / "editor.py"
    script.write_text(f"import json, sys\npath = sys.argv[1]\n{body}\n")
    return {"EDITOR": f"{sys.executable} {script}", "VISUAL": ""}


def test_edit_with_editor(db: Path, tmp_path: Path) -> None:
    env = _editor(
        tmp_path,
        "data = json.load(open(path, encoding='utf-8'))\n"
        "data['title'] = 'CEO'\n"
        "json.dump(data, open(path, 'w', encoding='utf-8'))",
    )
    result = run("book", "edit", "1", "--db", str(db), env=env)
    assert result.exit_code == 0, result.output
    with Book(db) as book:
        entry = book.get(1)
    assert entry.contact.title == "CEO"
    assert entry.history_of("title")[-1].old_value == "Geschäftsführerin"


def test_edit_invalid_saves_nothing_and_keeps_the_text(db: Path, tmp_path: Path) -> None:
    env = _editor(tmp_path, "text = open(path).read()\nopen(path, 'w').write(text + 'typo')")
    result = run("book", "edit", "1", "--db", str(db), env=env)
    assert result.exit_code == 2 and "not valid JSON" in result.output
    with Book(db) as book:
        assert book.get(1).contact.title == "Geschäftsführerin"
    draft = db.with_name("book.sqlite3.edit-1.json")
    assert f"kept in {draft}" in result.stderr
    assert draft.read_text(encoding="utf-8").endswith("typo")
    assert draft.stat().st_mode & 0o777 == 0o600  # it holds the contact's data
    # the next edit starts from the kept text, not from the saved record
    env = _editor(
        tmp_path,
        "text = open(path, encoding='utf-8').read()\n"
        "assert text.endswith('typo\\n'), text\n"
        "data = json.loads(text.removesuffix('typo\\n'))\n"
        "data['title'] = 'CEO'\n"
        "json.dump(data, open(path, 'w', encoding='utf-8'))",
    )
    result = run("book", "edit", "1", "--db", str(db), env=env)
    assert result.exit_code == 0, result.output
    assert f"unsaved edit of #1 ({draft})" in result.stderr
    with Book(db) as book:
        assert book.get(1).contact.title == "CEO"
    assert not draft.exists()


def _counting_editor(tmp_path: Path, *rounds: str) -> dict[str, str]:
    """An editor that runs the Python body of round N on its Nth start (then the last one)."""
    calls = tmp_path / "calls"
    bodies = "".join(
        f"if n == {i}:\n" + "".join(f"    {line}\n" for line in body.splitlines())
        for i, body in enumerate(rounds)
    )
    return _editor(
        tmp_path,
        f"calls = {str(calls)!r}\n"
        "import os\n"
        "n = min(int(open(calls).read()) if os.path.exists(calls) else 0, "
        f"{len(rounds) - 1})\n"
        "open(calls, 'w').write(str(n + 1))\n"
        "text = open(path, encoding='utf-8').read()\n"
        "open(calls + '.seen', 'a', encoding='utf-8').write(text + '\\n=====\\n')\n" + bodies,
    )


BREAK = "open(path, 'w', encoding='utf-8').write(text.replace('\"title\"', 'title'))"
FIX = (
    "assert text.startswith('// cardscan: the edited text is not valid JSON'), text\n"
    "open(path, 'w', encoding='utf-8').write(text.replace('title:', '\"title\": ')"
    ".replace('Geschäftsführerin', 'CEO'))"
)


def test_edit_on_a_terminal_reopens_with_the_error_on_top(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("cardscan.cli.book.interactive", lambda: True)
    env = _counting_editor(tmp_path, BREAK, FIX)
    result = run("book", "edit", "1", "--db", str(db), env=env)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "calls").read_text() == "2"
    second = (tmp_path / "calls.seen").read_text(encoding="utf-8").split("=====\n")[1]
    # the error says where, counted as the editor shows the lines
    where = next(i for i, line in enumerate(second.splitlines(), 1) if "title:" in line)
    assert f"(line {where}, column" in second.splitlines()[0]
    with Book(db) as book:
        assert book.get(1).contact.title == "CEO"
    assert not db.with_name("book.sqlite3.edit-1.json").exists()


def test_edit_on_a_terminal_given_up_keeps_the_text(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("cardscan.cli.book.interactive", lambda: True)
    env = _counting_editor(tmp_path, BREAK, "pass")  # the second time: quit without a change
    result = run("book", "edit", "1", "--db", str(db), env=env)
    assert result.exit_code == 2 and "not valid JSON" in result.stderr
    draft = db.with_name("book.sqlite3.edit-1.json")
    assert f"kept in {draft}" in result.stderr
    kept = draft.read_text(encoding="utf-8")
    assert kept.startswith("{") and "title:" in kept  # the text, without cardscan's lines


def test_edit_without_an_editor_says_how_to_set_one(db: Path) -> None:
    result = run("book", "edit", "1", "--db", str(db), env={"EDITOR": "", "VISUAL": ""})
    assert result.exit_code == 3
    assert "export EDITOR=nano" in result.stderr and "Editing failed" not in result.stderr
    result = run("book", "edit", "1", "--db", str(db), env={"EDITOR": "false", "VISUAL": ""})
    assert result.exit_code == 3 and "set $EDITOR" in result.stderr
    with Book(db) as book:
        assert book.get(1).contact.title == "Geschäftsführerin"


def test_export_formats(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "book.vcf"
    assert run("book", "export", "-o", str(out), "--db", str(db)).exit_code == 0
    cards = list(vobject.readComponents(out.read_text(encoding="utf-8")))
    martina = next(c for c in cards if c.fn.value == "Martina Müller")
    assert "Hannover Messe" in martina.note.value and "2026-09-14" in martina.note.value
    assert "lead" in martina.note.value  # tags travel in NOTE: the writer has no CATEGORIES
    text = out.read_text(encoding="utf-8")
    assert "card.jpg" not in text and "X-CARDSCAN" not in text  # no path from this computer
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    alias = run("book", "export", "--format", "vcf", "--db", str(db))
    assert alias.exit_code == 0 and alias.stdout.count("BEGIN:VCARD") == 2
    lines = run("book", "export", "--format", "jsonl", "--db", str(db)).stdout.splitlines()
    assert len(lines) == 2 and all("encounters" in json.loads(line) for line in lines)
    rows = list(
        csv.DictReader(
            io.StringIO(
                run("book", "export", "--format", "csv", "--db", str(db)).stdout.lstrip("\ufeff")
            )
        )
    )
    assert {r["events"] for r in rows} == {"Hannover Messe; CeBIT", "Expo"}


def test_export_takes_the_format_from_the_file_ending(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.csv"
    assert run("book", "export", "-o", str(out), "--db", str(db)).exit_code == 0
    assert out.read_text(encoding="utf-8").lstrip("\ufeff").startswith("full_name,")
    out = tmp_path / "all.jsonl"
    assert run("book", "export", "-o", str(out), "--db", str(db)).exit_code == 0
    assert all(json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    # the book has no JSON array export: a .json file is refused rather than filled with vCards
    result = run("book", "export", "-o", str(tmp_path / "all.json"), "--db", str(db))
    assert result.exit_code == 2 and "--format jsonl" in result.output
    assert not (tmp_path / "all.json").exists()


def test_export_for_google_and_outlook_carries_the_encounters(db: Path) -> None:
    google = run("book", "export", "--format", "google-csv", "--db", str(db)).stdout
    rows = list(csv.DictReader(io.StringIO(google)))
    martina = next(r for r in rows if r["First Name"] == "Martina")
    assert "CeBIT" in martina["Notes"] and "2026-09-14" in martina["Notes"]
    outlook = run("book", "export", "--format", "outlook-csv", "--db", str(db)).stdout
    assert outlook.startswith("\ufeff")  # Outlook reads UTF-8 only with a BOM
    rows = list(csv.DictReader(io.StringIO(outlook.lstrip("\ufeff"))))
    assert any("Hannover Messe" in r["Notes"] for r in rows)


def test_export_puts_the_stored_card_photo_into_the_vcard(db: Path, tmp_path: Path) -> None:
    import datetime

    import cv2
    import numpy as np

    card = np.full((300, 500, 3), 240, np.uint8)
    cv2.putText(card, "Martina Mueller", (20, 150), cv2.FONT_HERSHEY_SIMPLEX, 1.2, (20, 20, 20), 2)
    _, jpeg = cv2.imencode(".jpg", card)
    with Book(db) as book:
        martina = next(e for e in book.entries() if e.contact.display_name() == "Martina Müller")
        book.add_image(martina.id, jpeg.tobytes(), datetime.date(2026, 9, 14))
    out = tmp_path / "book.vcf"
    assert run("book", "export", "-o", str(out), "--db", str(db)).exit_code == 0
    cards = {c.fn.value: c for c in vobject.readComponents(out.read_text(encoding="utf-8"))}
    photo = cards["Martina Müller"].photo.value  # vobject decodes the base64
    assert cv2.imdecode(np.frombuffer(photo, np.uint8), cv2.IMREAD_COLOR).shape[1] == 500
    assert not hasattr(cards["Hans Schmidt"], "photo")


def test_forget_needs_yes(db: Path) -> None:
    result = run("book", "forget", "1", "--db", str(db))
    assert result.exit_code == 2 and "--yes" in result.output
    assert "#1 Martina Müller (Example GmbH)" in result.stderr  # whom it would delete
    result = run("book", "forget", "1", "--yes", "--db", str(db))
    assert result.exit_code == 0
    assert run("who", "muller", "--db", str(db)).exit_code == 6
    assert b"Martina" not in db.read_bytes()


def test_book_options_need_save(tmp_path: Path) -> None:
    result = run("scan", str(SAMPLE), "--event", "Messe")
    assert result.exit_code == 2 and "--save" in result.output


def test_unusable_db_path(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(BookError, match="CARDSCAN_DB"):  # where --save would create it
        Book(tmp_path / "file" / "book.sqlite3")
    (tmp_path / "file").write_text("some notes, not a contact book\n" * 20)
    result = run("book", "list", "--db", str(tmp_path / "file"))
    assert result.exit_code == 5 and "not a database" in result.output


@pytest.mark.parametrize(
    "command",
    [
        ["who", "mueller"],
        ["book", "list"],
        ["book", "show", "1"],
        ["book", "edit", "1"],
        ["book", "export"],
        ["book", "forget", "1", "--yes"],
    ],
)
def test_reading_a_book_that_does_not_exist_creates_nothing(tmp_path: Path, command) -> None:
    path = tmp_path / "nowhere" / "book.sqlite3"
    result = run(*command, "--db", str(path))
    assert result.exit_code == 6, result.output
    assert f"there is no contact book at {path} yet" in result.stderr
    assert "--save" in result.stderr and "nobody" not in result.stderr
    assert not (tmp_path / "nowhere").exists()
    # the default location, from CARDSCAN_DB, is named as well
    result = run(*command, env={"CARDSCAN_DB": str(path), "EDITOR": "true"})
    assert result.exit_code == 6 and str(path) in result.stderr
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.tesseract
def test_scan_save_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "e2e.sqlite3"
    args = ["scan", str(SAMPLE), "--save", "--db", str(path), "--tag", "ocr"]
    first = run(*args, "--event", "Messe A", "--met-on", "2026-03-01", "--note", "Belege")
    assert first.exit_code == 0 and "new contact" in first.output
    url = "https://www.linkedin.com/in/jenny-roemer"
    second = run(*args, "--event", "Messe B", "--met-on", "2026-09-14", "--profile-url", url)
    assert second.exit_code == 0 and "encounter added" in second.output
    with Book(path) as book:
        (entry,) = book.entries()
        assert [e.event for e in entry.encounters] == ["Messe A", "Messe B"]
        assert entry.encounters[0].source == str(SAMPLE)
        (jpeg, _) = book.images(entry.id)
    assert jpeg[:2] == b"\xff\xd8"
    who = run("who", "roemer", "--db", str(path)).output
    assert "Messe A: Belege" in who and f"LinkedIn: {url}" in who
    # the link was typed, not printed on the card: its provenance says so
    assert entry.contact.origin("profiles", url).source == "entered"


@pytest.mark.tesseract
def test_batch_save_with_workers(tmp_path: Path) -> None:
    folder = tmp_path / "cards"
    folder.mkdir()
    photos = sorted(SAMPLE.parent.glob("*.jpg"))[:3]
    for photo in photos:
        (folder / photo.name).write_bytes(photo.read_bytes())
    path = tmp_path / "batch.sqlite3"
    args = ["batch", str(folder), "-j", "3", "--save", "--event", "Expo", "--db", str(path)]
    result = run(*args, "-o", str(tmp_path / "out.vcf"))
    assert result.exit_code in (0, 1), result.output
    saved = result.output.count("Saved ")
    with Book(path) as book:
        entries = book.entries()
    assert saved >= 2 and len(entries) == saved
    assert all(e.encounters[0].event == "Expo" for e in entries)


@pytest.mark.parametrize(("answer", "kept"), [("n\n", True), ("\n", True), ("y\n", False)])
def test_forget_on_a_terminal_asks_first(
    db: Path, monkeypatch: pytest.MonkeyPatch, answer: str, kept: bool
) -> None:
    monkeypatch.setattr("cardscan.cli.book.interactive", lambda: True)
    result = CliRunner().invoke(main, ["book", "forget", "1", "--db", str(db)], input=answer)
    assert result.exit_code == 0, result.output
    assert "Forget #1 Martina Müller (Example GmbH)" in result.stderr
    assert ("Nothing was deleted" in result.stderr) == kept
    assert (run("who", "martina", "--db", str(db)).exit_code == 0) == kept


def test_export_through_a_symlink_and_into_a_fifo(db: Path, tmp_path: Path) -> None:
    import os
    import threading

    target = tmp_path / "sync" / "all.vcf"
    target.parent.mkdir()
    link = tmp_path / "all.vcf"
    link.symlink_to(target)
    assert run("book", "export", "-o", str(link), "--db", str(db)).exit_code == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8").count("BEGIN:VCARD") == 2
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    assert run("book", "export", "-o", str(fifo), "--db", str(db)).exit_code == 0
    reader.join(10)
    assert len(got[0].splitlines()) == 2 and stat.S_ISFIFO(os.lstat(fifo).st_mode)
