"""The contact book file: location, permissions, migrations, erasure and concurrent writers."""

import multiprocessing
import os
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest

from cardscan.book import Book, Encounter, resolve_location
from cardscan.book import store as store_module
from cardscan.book.match import save
from cardscan.errors import BookError, ContactNotFoundError
from cardscan.model import Address, Contact, Name, Phone


def make_contact(
    full: str = "Martina Müller",
    email: str | None = "martina.mueller@example-gmbh.de",
    phone: str | None = "+4930123456789",
    title: str | None = "Vertriebsleiterin",
    organization: str | None = "Example GmbH",
    source: str = "card.jpg",
) -> Contact:
    return Contact(
        source=source,
        name=Name(full, given=full.split()[0], family=full.split()[-1]),
        title=title,
        organization=organization,
        phones=[Phone(phone)] if phone else [],
        emails=[email] if email else [],
        address=Address(street="Hauptstraße 1", postal_code="10115", city="Berlin"),
        raw_text=f"{full}\n{title}\n{organization}",
    )


def met(day: str, event: str = "Hannover Messe", **kw: object) -> Encounter:
    return Encounter(met_on=date.fromisoformat(day), event=event, **kw)  # type: ignore[arg-type]


def test_new_book_is_private(tmp_path: Path) -> None:
    path = tmp_path / "new" / "book.sqlite3"
    Book(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_location_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    given = tmp_path / "given.sqlite3"
    env = {"CARDSCAN_DB": str(tmp_path / "env.sqlite3")}
    assert resolve_location(given, env) == given
    assert resolve_location(None, env) == tmp_path / "env.sqlite3"
    monkeypatch.setattr(store_module.platformdirs, "user_data_dir", lambda app: f"/data/{app}")
    assert resolve_location(None, {}) == Path("/data/cardscan/book.sqlite3")


def test_pragmas(tmp_path: Path) -> None:
    with Book(tmp_path / "b.sqlite3") as book:
        assert book.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert book.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert book.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
        assert book.schema_version() == store_module.SCHEMA_VERSION


def test_migrations_upgrade_an_old_file(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    store_module._m1_tables(conn)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO contacts (full_name, organization, emails, created, updated)"
        " VALUES ('Jürgen Weiß', 'Säge AG', '[]', '2025-01-01', '2025-01-01')"
    )
    conn.commit()
    conn.close()
    with Book(path) as book:
        assert book.schema_version() == store_module.SCHEMA_VERSION
        # the new column was filled for the old row: a re-scan now finds him by name + company
        outcome = save(
            book,
            make_contact("Juergen Weiss", None, None, organization="Saege AG"),
            met("2026-01-02"),
        )
        assert outcome.matched_by == "name+organization"
        assert len(book.entries()) == 1


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(BookError, match="newer cardscan"):
        Book(path)


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("this is not SQLite " * 100)
    with pytest.raises(BookError, match="--db"):
        Book(path)


def test_unknown_id(tmp_path: Path) -> None:
    with Book(tmp_path / "b.sqlite3") as book, pytest.raises(ContactNotFoundError, match="list"):
        book.get(42)


def test_forget_leaves_no_trace(tmp_path: Path) -> None:
    path = tmp_path / "b.sqlite3"
    with Book(path) as book:
        gone = make_contact("Quirina Zwetschge", "quirina@zwetschge.example", "+4989987654321")
        kept = make_contact("Anna Keep", "anna@keep.example", "+4940111222333", organization="K")
        first = save(book, gone, met("2026-03-01", notes="Pflaumenkuchen"), image=b"\xff\xd8JPEGQZ")
        save(book, gone, met("2026-09-14", event="Zwetschgenfest", tags=("zwetschge",)))
        save(book, kept, met("2026-03-01"))
        book.forget(first.contact_id)
        assert [e.contact.display_name() for e in book.entries()] == ["Anna Keep"]
        assert book.images(first.contact_id) == []
        for table in ("encounters", "field_history", "images"):
            rows = book.conn.execute(
                f"SELECT count(*) FROM {table} WHERE contact_id = ?", (first.contact_id,)
            ).fetchone()[0]
            assert rows == 0
        wal = Path(f"{path}-wal")
        assert not wal.exists() or wal.stat().st_size == 0
    data = path.read_bytes()
    for trace in ("Quirina", "Zwetschge", "zwetschge", "quirina@", "4989987654321", "Pflaumen"):
        assert trace.encode() not in data, trace
    assert b"JPEGQZ" not in data
    assert b"Anna Keep" in data  # the test would see the name if it were still there


def _save_many(path: str, worker: int, count: int) -> None:
    with Book(Path(path)) as book:
        for i in range(count):
            contact = make_contact(
                f"Person{worker}x{i} Test",
                f"p{worker}.{i}@example.com",
                f"+4930{worker:03d}{i:05d}",
            )
            save(book, contact, met("2026-05-05", event=f"worker {worker}"))


def _save_same(path: str, worker: int) -> None:
    with Book(Path(path)) as book:
        save(book, make_contact(), met("2026-05-05", event=f"worker {worker}"))


def test_concurrent_processes_lose_nothing(tmp_path: Path) -> None:
    path = str(tmp_path / "shared.sqlite3")
    ctx = multiprocessing.get_context("spawn")
    workers, count = 4, 25
    procs = [ctx.Process(target=_save_many, args=(path, w, count)) for w in range(workers)]
    procs += [ctx.Process(target=_save_same, args=(path, w)) for w in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    with Book(Path(path)) as book:
        entries = book.entries()
        assert len(entries) == workers * count + 1
        same = [e for e in entries if e.contact.display_name() == "Martina Müller"]
        assert len(same) == 1 and len(same[0].encounters) == 3


def test_file_mode_is_kept_when_reopened(tmp_path: Path) -> None:
    path = tmp_path / "b.sqlite3"
    with Book(path) as book:
        save(book, make_contact(), met("2026-01-01"))
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if name.exists():
            assert stat.S_IMODE(os.stat(name).st_mode) & 0o077 == 0, name


def test_the_book_keeps_how_values_were_read(tmp_path: Path) -> None:
    from cardscan.model import Origin

    contact = make_contact().with_origin(
        Origin("emails", "martina.mueller@example-gmbh.de", "repaired", "comma-for-dot", "x,de")
    )
    contact = Contact(**{**vars(contact), "confidence": {"emails": 0.41, "name": 0.93}})
    with Book(tmp_path / "b.sqlite3") as book:
        save(book, contact, Encounter(met_on=date(2026, 3, 1)))
        (entry,) = book.entries()
    stored = entry.contact
    assert stored.confidence == {"emails": 0.41, "name": 0.93}
    origin = stored.origin("emails", "martina.mueller@example-gmbh.de")
    assert (origin.source, origin.rule, origin.read) == ("repaired", "comma-for-dot", "x,de")
    assert "emails" in stored.review()  # still flagged for a person to check
