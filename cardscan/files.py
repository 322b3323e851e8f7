"""Writing what -o names without harming it: regular files atomically, devices and pipes straight.

    what -o names                         how it is written
    nothing yet                           a temporary file beside it, renamed into place; 0600
    a regular file                        the same, keeping the file's mode (and owner, if we may)
    a symlink                             the same for the file it points to; the link stays
    a character device, FIFO or socket    straight into it: renaming over /dev/null or a pipe
    (/dev/null, /dev/stdout, a pipe),     would replace the device itself with a text file
    or anything reached through /dev or /proc
    a folder or a block device            refused

A replaced file is never half-written: a crash or Ctrl-C leaves the old one (the temporary
file is removed). New files are readable by their owner only: they hold other people's
names, phone numbers and addresses.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TextIO

from cardscan.errors import OutputClosed, OutputError

#: The mode of files cardscan creates (the contact book is created the same way).
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700

#: Paths that are the process's own file descriptors; written through a copy of the descriptor,
#: so that `-o /dev/stdout >> log` appends to the log instead of truncating or replacing it.
_FD_PATH = re.compile(r"/dev/(?P<name>stdout|stderr)|/(?:dev|proc/self)/fd/(?P<fd>\d+)")
_STD_FDS = {"stdout": 1, "stderr": 2}

#: Where device files and the kernel's views of processes live: nothing there is renamed over.
_SYSTEM_FOLDERS = ("/dev/", "/proc/")


class TargetKind(Enum):
    """What an output path names, which decides how it is written."""

    new = "new"  # nothing there yet
    file = "file"  # a regular file: replaced atomically
    stream = "stream"  # a device, FIFO or socket: written into
    folder = "folder"  # refused
    block_device = "block device"  # refused: a disk, never a place for a vCard


def target_kind(mode: int | None, *paths: str) -> TargetKind:
    """The kind from ``os.stat().st_mode`` (None: nothing there) and the path as given and
    resolved; a regular file reached through /dev or /proc (``/dev/stdout > out.vcf``) is
    written into like a device."""
    if mode is None:
        return TargetKind.new
    if stat.S_ISDIR(mode):
        return TargetKind.folder
    if stat.S_ISBLK(mode):
        return TargetKind.block_device
    if stat.S_ISREG(mode) and not any(p.startswith(_SYSTEM_FOLDERS) for p in paths):
        return TargetKind.file
    return TargetKind.stream


def describe(mode: int) -> str:
    """ "a FIFO", "a character device", ... for messages."""
    for test, name in (
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISDIR, "a folder"),
    ):
        if test(mode):
            return name
    return "a regular file"


@dataclass(frozen=True)
class OutputTarget:
    """An output path looked at before writing."""

    path: Path  # as given
    real: Path  # symlinks resolved: where a regular file is replaced
    kind: TargetKind
    mode: int | None  # st_mode of what is there (after symlinks), None when nothing is
    owner: tuple[int, int] | None  # (uid, gid) of what is there


def examine(path: Path) -> OutputTarget:
    """Look at ``path`` (following symlinks) without changing anything."""
    try:
        info: os.stat_result | None = os.stat(path)
    except FileNotFoundError:  # also a symlink whose target does not exist yet
        info = None
    except OSError as exc:
        raise OutputError(
            f"cannot write {path}: {exc.strerror or exc}; choose another output file"
        ) from exc
    given, real = os.path.abspath(path), os.path.realpath(path)
    mode = info.st_mode if info else None
    return OutputTarget(
        path=path,
        real=Path(real),
        kind=target_kind(mode, given, real),
        mode=mode,
        owner=(info.st_uid, info.st_gid) if info else None,
    )


@contextlib.contextmanager
def output_file(path: Path) -> Iterator[TextIO]:
    """A UTF-8 text stream (``newline=""``) for ``path``, written as the table at the top says.

    Leave the ``with`` by an exception and a regular file keeps its old content."""
    target = examine(path)
    if target.kind is TargetKind.folder or target.kind is TargetKind.block_device:
        raise OutputError(f"{path} is {describe(target.mode or 0)}; name a file to write")
    if target.kind is TargetKind.stream:
        with _straight(target) as stream:
            yield stream
    else:
        with _replaced(target) as stream:
            yield stream


def write_private(path: Path, data: bytes) -> None:
    """Create or overwrite ``path``; a new file is readable by its owner only, an existing one
    keeps its mode. For files in cardscan's own folders (``--debug-dir`` images)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def make_private_folder(path: Path) -> None:
    """Create ``path`` (and its parents) if missing; the folder itself owner-only (0700)."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)


@contextlib.contextmanager
def _replaced(target: OutputTarget) -> Iterator[TextIO]:
    """Write a temporary file in the target's own folder; rename it over the target on success."""
    real = target.real
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".part", dir=real.parent)
    except OSError as exc:
        raise OutputError(
            f"cannot write {target.path}: {exc.strerror}; check the folder exists and is writable"
        ) from exc
    try:
        if target.mode is not None and target.owner is not None:  # keep what the file had
            if target.owner != (os.geteuid(), os.getegid()):
                with contextlib.suppress(OSError):  # only root may give files away
                    os.fchown(fd, *target.owner)
            os.fchmod(fd, stat.S_IMODE(target.mode))
        # else mkstemp's 0600 stays: a new file holds other people's data
        stream = os.fdopen(fd, "w", encoding="utf-8", newline="")
        with stream:
            yield stream
            with _errors(target.path):
                stream.flush()
                os.fsync(stream.fileno())
        with _errors(target.path):
            os.replace(tmp, real)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def _straight(target: OutputTarget) -> Iterator[TextIO]:
    """Write into the device, FIFO or socket itself (opening a FIFO waits for its reader)."""
    with _errors(target.path):
        stream = _open_stream(target)
    try:
        yield stream
        with _errors(target.path):
            stream.flush()
    finally:
        with contextlib.suppress(OSError):
            stream.close()


def _open_stream(target: OutputTarget) -> TextIO:
    fd_path = _FD_PATH.fullmatch(os.path.abspath(target.path))
    if fd_path:
        fd = _STD_FDS[fd_path["name"]] if fd_path["name"] else int(fd_path["fd"])
        return os.fdopen(os.dup(fd), "w", encoding="utf-8", newline="")
    if target.mode is not None and stat.S_ISSOCK(target.mode):  # a listening Unix socket
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.connect(os.fspath(target.path))
            # the file object keeps the connection open after the socket object is closed
            return sock.makefile("w", encoding="utf-8", newline="")
        finally:
            sock.close()
    return open(target.path, "w", encoding="utf-8", newline="")


@contextlib.contextmanager
def _errors(path: Path) -> Iterator[None]:
    """OSError -> OutputError naming the output (a closed pipe -> OutputClosed)."""
    try:
        yield
    except BrokenPipeError as exc:
        raise OutputClosed(f"{path} was closed by its reader") from exc
    except OSError as exc:
        raise OutputError(
            f"cannot write {path}: {exc.strerror or exc}; "
            "check that the disk has space and the folder is writable"
        ) from exc
