"""The contact book's SQLite file: location, owner-only permissions, migrations, row access."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import platformdirs

from cardscan.book.codec import contact_columns, contact_from_row, match_key
from cardscan.book.records import BookEntry, Change, Encounter
from cardscan.errors import BookError, ContactNotFoundError, NoBookError
from cardscan.model import Contact

log = logging.getLogger(__name__)

ENV_VAR = "CARDSCAN_DB"
#: Writers in other processes (batch workers, a second terminal) wait this long for the lock
#: instead of failing with "database is locked".
BUSY_TIMEOUT_MS = 30_000


def default_location() -> Path:
    """``book.sqlite3`` in the user's data folder (~/.local/share/cardscan on Linux)."""
    return Path(platformdirs.user_data_dir("cardscan")) / "book.sqlite3"


def resolve_location(path: Path | None, environ: Mapping[str, str] | None = None) -> Path:
    """``--db PATH``, else ``$CARDSCAN_DB``, else :func:`default_location`."""
    if path is not None:
        return path
    value = (os.environ if environ is None else environ).get(ENV_VAR, "").strip()
    return Path(value).expanduser() if value else default_location()


# --- migrations: append only; each runs once, in order, inside one write transaction ---


def _m1_tables(conn: sqlite3.Connection) -> None:
    statements = [
        """CREATE TABLE contacts (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL DEFAULT '',
            full_name TEXT, prefix TEXT, given TEXT, family TEXT, suffix TEXT,
            title TEXT, organization TEXT, department TEXT,
            phones TEXT NOT NULL DEFAULT '[]',    -- JSON list of {number, type, extension}
            emails TEXT NOT NULL DEFAULT '[]',    -- JSON list of strings
            urls TEXT NOT NULL DEFAULT '[]',
            profiles TEXT NOT NULL DEFAULT '[]',  -- JSON list of {network, url}
            address TEXT,                         -- JSON object or NULL
            raw_text TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL)""",
        """CREATE TABLE encounters (
            id INTEGER PRIMARY KEY,
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            event TEXT, met_on DATE NOT NULL, notes TEXT,
            tags TEXT NOT NULL DEFAULT '[]',      -- JSON list of strings
            source TEXT, follow_up_by DATE)""",
        """CREATE TABLE field_history (
            id INTEGER PRIMARY KEY,
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            field TEXT NOT NULL, old_value TEXT, new_value TEXT, changed_on DATE NOT NULL)""",
        """CREATE TABLE images (
            id INTEGER PRIMARY KEY,
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            jpeg BLOB NOT NULL, added_on DATE NOT NULL)""",
    ]
    for sql in statements:
        conn.execute(sql)


def _m2_match_key(conn: sqlite3.Connection) -> None:
    """Folded name + organisation, so a re-scan finds the person without e-mail or phone."""
    conn.execute("ALTER TABLE contacts ADD COLUMN match_key TEXT")
    rows = conn.execute("SELECT * FROM contacts").fetchall()
    for row in rows:
        key = match_key(contact_from_row(row))
        conn.execute("UPDATE contacts SET match_key = ? WHERE id = ?", (key, row["id"]))
    conn.execute("CREATE INDEX contacts_match_key ON contacts(match_key)")
    conn.execute("CREATE INDEX encounters_contact ON encounters(contact_id)")
    conn.execute("CREATE INDEX history_contact ON field_history(contact_id)")
    conn.execute("CREATE INDEX images_contact ON images(contact_id)")


def _m3_reading(conn: sqlite3.Connection) -> None:
    """How each value was read (its confidence, printed or repaired or entered by the user):
    without it the book showed every stored value as printed and none as doubtful. Rows from
    before have no record of it: '{}' (their values read as printed, as they were shown)."""
    conn.execute("ALTER TABLE contacts ADD COLUMN reading TEXT NOT NULL DEFAULT '{}'")


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_m1_tables, _m2_match_key, _m3_reading]
SCHEMA_VERSION = len(MIGRATIONS)


def _create_private(path: Path) -> None:
    """Create the folder (0700) and an empty file (0600): the book holds other people's data."""
    folder = path.parent
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700)
        os.chmod(folder, 0o700)  # mkdir's mode is reduced by the umask
    with contextlib.suppress(FileExistsError):
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        os.chmod(path, 0o600)


class Book:
    """One open contact book; use as a context manager. Safe for several processes at once."""

    def __init__(self, path: Path, *, create: bool = True) -> None:
        """Open the book at ``path``; ``create=False`` (commands that only look things up)
        raises NoBookError instead of creating an empty book where none is."""
        self.path = path
        if not create and not path.exists():
            raise NoBookError(
                f"there is no contact book at {path} yet: `cardscan scan PHOTO --save` starts "
                f"one there; --db PATH or {ENV_VAR} names another"
            )
        try:
            _create_private(path)
        except OSError as exc:
            raise BookError(
                f"cannot create the contact book {path}: {exc.strerror}; "
                "pass --db PATH or set CARDSCAN_DB to a writable location"
            ) from exc
        with self._errors("open"):
            self.conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA secure_delete = ON")  # deleted rows are overwritten
            self.conn.execute("PRAGMA journal_mode = WAL")
            self._migrate()

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    @contextlib.contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        try:
            yield
        except sqlite3.DatabaseError as exc:
            hint = (
                "another cardscan is still writing; try again"
                if "locked" in str(exc) or "busy" in str(exc)
                else "pass --db PATH to use another file"
            )
            raise BookError(f"cannot {doing} the contact book {self.path}: {exc}; {hint}") from exc

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; takes the write lock up front so writers queue, never deadlock."""
        with self._errors("write"):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def _migrate(self) -> None:
        version = self.schema_version()
        if version == SCHEMA_VERSION:
            return
        if version > SCHEMA_VERSION:
            raise BookError(
                f"{self.path} was written by a newer cardscan (schema {version}, this one "
                f"knows {SCHEMA_VERSION}); upgrade cardscan"
            )
        with self.transaction() as conn:
            version = self.schema_version()  # another process may have migrated meanwhile
            for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
                log.info(
                    "contact book %s: migration %d (%s)", self.path, number, migration.__name__
                )
                migration(conn)
                conn.execute(f"PRAGMA user_version = {number:d}")

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # --- writes (call inside transaction()) ---

    def insert_contact(self, contact: Contact, now: str) -> int:
        cols = contact_columns(contact)
        cols.update(created=now, updated=now)
        names = ", ".join(cols)
        marks = ", ".join("?" for _ in cols)
        cur = self.conn.execute(
            f"INSERT INTO contacts ({names}) VALUES ({marks})",  # column names are our constants
            tuple(cols.values()),
        )
        assert cur.lastrowid is not None
        return cur.lastrowid

    def update_contact(self, contact_id: int, contact: Contact, now: str) -> None:
        cols = contact_columns(contact)
        cols["updated"] = now
        assignments = ", ".join(f"{name} = ?" for name in cols)
        self.conn.execute(
            f"UPDATE contacts SET {assignments} WHERE id = ?", (*cols.values(), contact_id)
        )

    def add_encounter(self, contact_id: int, enc: Encounter) -> int:
        cur = self.conn.execute(
            "INSERT INTO encounters (contact_id, event, met_on, notes, tags, source, follow_up_by)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                contact_id,
                enc.event,
                enc.met_on.isoformat(),
                enc.notes,
                json.dumps(list(enc.tags), ensure_ascii=False),
                enc.source,
                enc.follow_up_by.isoformat() if enc.follow_up_by else None,
            ),
        )
        assert cur.lastrowid is not None
        return cur.lastrowid

    def add_changes(self, contact_id: int, changes: tuple[Change, ...] | list[Change]) -> None:
        self.conn.executemany(
            "INSERT INTO field_history (contact_id, field, old_value, new_value, changed_on)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                (contact_id, c.field, c.old_value, c.new_value, c.changed_on.isoformat())
                for c in changes
            ],
        )

    def add_image(self, contact_id: int, jpeg: bytes, added_on: date) -> None:
        self.conn.execute(
            "INSERT INTO images (contact_id, jpeg, added_on) VALUES (?, ?, ?)",
            (contact_id, jpeg, added_on.isoformat()),
        )

    # --- lookups ---

    def find_by_email(self, email: str) -> int | None:
        return self._first(
            "SELECT c.id FROM contacts c, json_each(c.emails) e"
            " WHERE lower(e.value) = lower(?) ORDER BY c.id LIMIT 1",
            (email.strip(),),
        )

    def find_by_phone(self, number: str) -> int | None:
        return self._first(
            "SELECT c.id FROM contacts c, json_each(c.phones) p"
            " WHERE json_extract(p.value, '$.number') = ? ORDER BY c.id LIMIT 1",
            (number,),
        )

    def find_by_key(self, key: str) -> int | None:
        return self._first(
            "SELECT id FROM contacts WHERE match_key = ? ORDER BY id LIMIT 1", (key,)
        )

    def _first(self, sql: str, params: tuple[Any, ...]) -> int | None:
        with self._errors("read"):
            row = self.conn.execute(sql, params).fetchone()
        return None if row is None else int(row[0])

    def get(self, contact_id: int) -> BookEntry:
        entries = self._load("WHERE id = ?", (contact_id,))
        if not entries:
            raise ContactNotFoundError(
                f"no contact #{contact_id} in {self.path}; `cardscan book list` shows the IDs"
            )
        return entries[0]

    def entries(self, *, since: date | None = None) -> list[BookEntry]:
        """All contacts (met on or after ``since`` when given), most recently updated first."""
        if since is None:
            return self._load("", ())
        return self._load(
            "WHERE id IN (SELECT contact_id FROM encounters WHERE met_on >= ?)",
            (since.isoformat(),),
        )

    def images(self, contact_id: int) -> list[bytes]:
        with self._errors("read"):
            rows = self.conn.execute(
                "SELECT jpeg FROM images WHERE contact_id = ? ORDER BY id", (contact_id,)
            ).fetchall()
        return [bytes(r[0]) for r in rows]

    def _load(self, where: str, params: tuple[Any, ...]) -> list[BookEntry]:
        with self._errors("read"):
            rows = self.conn.execute(
                f"SELECT * FROM contacts {where} ORDER BY updated DESC, id DESC", params
            ).fetchall()
            ids = [int(r["id"]) for r in rows]
            encounters = self._grouped("encounters", ids, "met_on, id")
            history = self._grouped("field_history", ids, "changed_on, id")
            with_image = {int(r[0]) for r in self.conn.execute("SELECT contact_id FROM images")}
        return [
            BookEntry(
                id=int(r["id"]),
                contact=contact_from_row(r),
                encounters=[_encounter(e) for e in encounters.get(int(r["id"]), [])],
                history=[_change(h) for h in history.get(int(r["id"]), [])],
                created=r["created"],
                updated=r["updated"],
                has_image=int(r["id"]) in with_image,
            )
            for r in rows
        ]

    def _grouped(self, table: str, ids: list[int], order: str) -> dict[int, list[sqlite3.Row]]:
        grouped: dict[int, list[sqlite3.Row]] = {}
        if not ids:
            return grouped
        marks = ", ".join("?" for _ in ids) if len(ids) < 900 else None
        where = f"WHERE contact_id IN ({marks})" if marks else ""
        args = tuple(ids) if marks else ()
        for row in self.conn.execute(f"SELECT * FROM {table} {where} ORDER BY {order}", args):
            grouped.setdefault(int(row["contact_id"]), []).append(row)
        return grouped

    # --- erasure ---

    def forget(self, contact_id: int) -> None:
        """Delete the contact with its encounters, history and images, and leave no trace.

        ``secure_delete`` overwrites freed pages, ``VACUUM`` rebuilds the file without them,
        and a truncating checkpoint empties the write-ahead log that still holds old pages.
        """
        self.get(contact_id)  # ContactNotFoundError for an unknown ID
        with self.transaction() as conn:
            conn.execute("DELETE FROM contacts WHERE id = ?", (contact_id,))
        with self._errors("clean up"):
            self.conn.execute("VACUUM")
            busy, _, _ = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            raise BookError(
                f"contact #{contact_id} was deleted, but another program has {self.path} open, "
                "so old copies may stay in its write-ahead log until that program closes; "
                "close it, then run any book command (e.g. `cardscan book list`) to finish"
            )


def now_text() -> str:
    """A timestamp for created/updated columns (UTC, seconds)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _encounter(row: sqlite3.Row) -> Encounter:
    return Encounter(
        id=int(row["id"]),
        event=row["event"],
        met_on=date.fromisoformat(row["met_on"]),
        notes=row["notes"],
        tags=tuple(json.loads(row["tags"] or "[]")),
        source=row["source"],
        follow_up_by=date.fromisoformat(row["follow_up_by"]) if row["follow_up_by"] else None,
    )


def _change(row: sqlite3.Row) -> Change:
    return Change(
        field=row["field"],
        old_value=row["old_value"],
        new_value=row["new_value"],
        changed_on=date.fromisoformat(row["changed_on"]),
    )
