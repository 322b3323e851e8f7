"""Output files written atomically: a crash or Ctrl-C leaves the old file or a complete new one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from cardscan.errors import OutputError


@contextlib.contextmanager
def atomic_text_file(path: Path) -> Iterator[TextIO]:
    """Write to a temporary file beside ``path``; rename it over ``path`` only on success."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise OutputError(
            f"cannot write {path}: {exc.strerror}; check the folder exists and is writable"
        ) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(tmp, 0o644 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
