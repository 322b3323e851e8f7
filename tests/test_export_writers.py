"""Tests of the streaming writer interface: formats, options, closing, and output failures."""

from __future__ import annotations

import errno
import io
import json

import pytest

from cardscan.errors import ExitCode, OutputError
from cardscan.export import ContactWriter, Format, open_writer
from cardscan.model import Contact, Name


class FullDisk(io.StringIO):
    """A stream that fails like a full disk once the first write is through."""

    name = "out.vcf"

    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, s: str) -> int:
        self.writes += 1
        if self.writes > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(s)


def contact() -> Contact:
    return Contact(source="a.jpg", name=Name("Jürgen Weiß"), emails=["j@w.de"])


@pytest.mark.parametrize(
    ("fmt", "suffix"),
    [
        (Format.vcard, ".vcf"),
        (Format.json, ".json"),
        (Format.jsonl, ".jsonl"),
        (Format.csv, ".csv"),
    ],
)
def test_every_format_has_a_writer_and_a_suffix(fmt: Format, suffix: str) -> None:
    stream = io.StringIO(newline="")
    with open_writer(fmt, stream) as writer:
        assert isinstance(writer, ContactWriter)
        writer.write(contact())
    assert "Jürgen Weiß" in stream.getvalue()
    assert fmt.suffix == suffix


def test_format_accepts_its_string_value() -> None:
    assert open_writer("jsonl", io.StringIO()) is not None  # type: ignore[arg-type]
    assert Format("csv") is Format.csv
    with pytest.raises(ValueError):
        Format("xml")


@pytest.mark.parametrize(
    ("fmt", "options"),
    [
        (Format.vcard, {"bom": True}),
        (Format.json, {"version": "3.0"}),
        (Format.jsonl, {"single": True}),
        (Format.csv, {"single": True}),
    ],
)
def test_an_option_of_another_format_is_a_type_error(
    fmt: Format, options: dict[str, object]
) -> None:
    with pytest.raises(TypeError):
        open_writer(fmt, io.StringIO(), **options)


def test_bad_vcard_version_fails_at_open() -> None:
    with pytest.raises(ValueError, match="version"):
        open_writer(Format.vcard, io.StringIO(), version="5.0")


def test_options_reach_the_writer() -> None:
    stream = io.StringIO()
    with open_writer(Format.json, stream, single=True) as writer:
        writer.write(contact())
    assert json.loads(stream.getvalue())["name"]["full"] == "Jürgen Weiß"
    stream = io.StringIO(newline="")
    with open_writer(Format.vcard, stream, version="4.0") as writer:
        writer.write(contact())
    assert "\r\nVERSION:4.0\r\n" in stream.getvalue()
    stream = io.StringIO(newline="")
    open_writer(Format.csv, stream, bom=False).close()
    assert stream.getvalue().startswith("full_name,")


def test_close_is_idempotent_and_write_after_close_is_an_error() -> None:
    stream = io.StringIO()
    writer = open_writer(Format.json, stream)
    writer.write(contact())
    writer.close()
    writer.close()
    assert len(json.loads(stream.getvalue())) == 1
    with pytest.raises(ValueError, match="after close"):
        writer.write(contact())


def test_an_error_inside_with_still_closes_the_json_array() -> None:
    stream = io.StringIO()
    with pytest.raises(RuntimeError), open_writer(Format.json, stream) as writer:
        writer.write(contact())
        raise RuntimeError("card 2 failed")
    assert len(json.loads(stream.getvalue())) == 1


@pytest.mark.parametrize("fmt", list(Format))
def test_a_full_disk_is_an_output_error_that_names_the_file(fmt: Format) -> None:
    stream = FullDisk()
    with pytest.raises(OutputError, match=r"out\.vcf.*No space left") as caught:
        writer = open_writer(fmt, stream)
        writer.write(contact())
        writer.write(contact())
    assert caught.value.exit_code == ExitCode.output_failed
    assert isinstance(caught.value.__cause__, OSError)


def test_an_encoding_without_umlauts_is_an_output_error_that_says_what_to_do() -> None:
    stream = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    writer = open_writer(Format.jsonl, stream)
    with pytest.raises(OutputError, match="utf-8") as caught:
        writer.write(contact())
    assert "ascii" in str(caught.value)


class ClosedPipe(io.StringIO):
    """Standard output whose reader has gone (``cardscan batch ... | head``)."""

    name = "<stdout>"

    def write(self, s: str) -> int:
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")


def test_a_closed_pipe_is_no_disk_error(monkeypatch) -> None:
    from cardscan.cli.app import handle_errors
    from cardscan.errors import OutputClosed

    with pytest.raises(OutputClosed), open_writer(Format.csv, ClosedPipe()) as writer:
        writer.write(contact())

    @handle_errors
    def run() -> None:
        raise OutputClosed("<stdout> was closed by its reader")

    monkeypatch.setattr("os.dup2", lambda *args: None)  # leave the test run's stdout alone
    with pytest.raises(SystemExit) as ended:
        run()
    assert ended.value.code == 0  # the reader had all it wanted: quiet, and no error
