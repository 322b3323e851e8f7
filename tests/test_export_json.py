"""Tests of the JSON and JSON Lines export: the record, its encoding, array vs single object."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cardscan.export.jsonout import JsonLinesWriter, JsonWriter, to_json, to_jsonl, write_jsonl
from cardscan.model import Contact, Name

GOLDEN = Path(__file__).parent / "golden"


def rich_data() -> dict[str, object]:
    data: dict[str, object] = json.loads((GOLDEN / "rich_contact.json").read_text("utf-8"))
    return data


def rich() -> Contact:
    return Contact.from_dict(rich_data())


def write_array(contacts: list[Contact]) -> str:
    stream = io.StringIO()
    with JsonWriter(stream) as writer:
        for contact in contacts:
            writer.write(contact)
    return stream.getvalue()


def test_to_json_is_the_indented_record_with_readable_umlauts() -> None:
    text = to_json(rich())
    assert json.loads(text) == rich_data()
    assert '  "title": "Geschäftsführer",' in text.split("\n")
    assert text == json.dumps(rich().to_dict(), ensure_ascii=False, indent=2)


def test_to_jsonl_is_one_compact_line() -> None:
    line = to_jsonl(rich())
    assert "\n" not in line
    assert line.startswith('{"source":"samples/weiss-mueller.jpg","name":{"full":"Prof. Dr. Jü')
    assert json.loads(line) == rich_data()


@pytest.mark.parametrize("count", [0, 1, 3])
def test_array_writer_streams_what_json_dumps_would_write(count: int) -> None:
    contacts = [rich(), Contact(source="b.jpg", organization="Firma"), Contact(source="c.jpg")]
    text = write_array(contacts[:count])
    records = [c.to_dict() for c in contacts[:count]]
    assert text == json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    assert json.loads(text) == records


def test_single_writes_one_object_and_refuses_a_second_contact() -> None:
    stream = io.StringIO()
    writer = JsonWriter(stream, single=True)
    writer.write(rich())
    with pytest.raises(ValueError, match="one contact"):
        writer.write(rich())
    writer.close()
    assert json.loads(stream.getvalue()) == rich_data()
    assert stream.getvalue().endswith("}\n")


def test_single_with_no_contact_writes_nothing() -> None:
    stream = io.StringIO()
    JsonWriter(stream, single=True).close()
    assert stream.getvalue() == ""


def test_json_lines_writer_writes_one_record_per_line() -> None:
    stream = io.StringIO()
    contacts = [rich(), Contact(source="b.jpg", title="Chef\nin\u2028x\x85y")]
    assert write_jsonl(contacts, stream) == 2
    lines = stream.getvalue().splitlines()  # splitlines breaks on U+2028 and NEL as well
    assert [json.loads(line) for line in lines] == [c.to_dict() for c in contacts]
    streamed = io.StringIO()
    with JsonLinesWriter(streamed) as writer:
        for contact in contacts:
            writer.write(contact)
    assert streamed.getvalue() == stream.getvalue()


def test_unicode_line_separators_do_not_break_the_array_either() -> None:
    contact = Contact(source="s", name=Name("A\u2028B"), title="x\x85y\u2029z")
    assert json.loads(write_array([contact, contact])) == [contact.to_dict()] * 2


def test_nan_confidence_is_refused_rather_than_written_as_invalid_json() -> None:
    with pytest.raises(ValueError):
        to_json(Contact(source="s", confidence={"name": float("nan")}))


text = st.text(max_size=40)
contacts = st.builds(
    Contact,
    source=text,
    name=st.none() | st.builds(Name, text.filter(str.strip), st.none() | text),
    title=st.none() | text,
    organization=st.none() | text,
    emails=st.lists(text, max_size=2),
    raw_text=text,
)


@settings(max_examples=200, deadline=None)
@given(st.lists(contacts, max_size=3))
def test_any_text_round_trips_through_json_and_json_lines(contacts_: list[Contact]) -> None:
    records = [c.to_dict() for c in contacts_]
    assert json.loads(write_array(contacts_)) == records
    stream = io.StringIO()
    write_jsonl(contacts_, stream)
    assert [json.loads(line) for line in stream.getvalue().splitlines()] == records
