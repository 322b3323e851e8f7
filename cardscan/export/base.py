"""The streaming writer interface every export format implements."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Self, TextIO

from cardscan.errors import OutputClosed, OutputError
from cardscan.model import Contact


class ContactWriter:
    """Writes contacts one at a time to a text stream, so a batch runs in flat memory.

    ``close()`` finishes the document (closing bracket of a JSON array, flush) but leaves the
    stream open: whoever opened it closes it. A failing stream (disk full, closed pipe, an
    encoding that cannot hold an umlaut) raises :class:`~cardscan.errors.OutputError`.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._closed = False

    def write(self, contact: Contact) -> None:
        """Append one contact to the output."""
        if self._closed:
            raise ValueError("write() after close(): open a new writer for more contacts")
        with output_errors(self._stream):
            self._write(contact)

    def close(self) -> None:
        """Finish the document and flush; calling it again does nothing."""
        if self._closed:
            return
        self._closed = True
        with output_errors(self._stream):
            self._finish()
            self._stream.flush()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # Also on an error: what was written stays a well-formed document (e.g. "]" of an array).
        self.close()

    def _write(self, contact: Contact) -> None:
        """Write one contact; every format implements this."""
        raise NotImplementedError

    def _finish(self) -> None:
        """Write what follows the last contact (the "]" of a JSON array); nothing by default."""


@contextmanager
def output_errors(stream: TextIO) -> Iterator[None]:
    """Turn the stream's own failures into an OutputError that names the output."""
    name = getattr(stream, "name", None) or "the output"
    try:
        yield
    except UnicodeEncodeError as err:
        encoding = getattr(stream, "encoding", None) or err.encoding
        raise OutputError(
            f"cannot write to {name}: its encoding {encoding} cannot hold "
            f"{err.object[err.start : err.end]!r}; open it with encoding='utf-8' "
            "(for standard output set PYTHONIOENCODING=utf-8)"
        ) from err
    except BrokenPipeError as err:
        raise OutputClosed(f"{name} was closed by its reader") from err
    except OSError as err:
        raise OutputError(
            f"cannot write to {name}: {err.strerror or err}; "
            "check that the disk has space and the folder is writable"
        ) from err
