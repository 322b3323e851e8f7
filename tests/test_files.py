"""Output files: what -o names decides how it is written, and nothing is renamed over a device.

The character-device tests make their own device node (the null device's numbers) in a
temporary folder, which needs root; nothing here opens anything in the real /dev.
"""

from __future__ import annotations

import os
import socket
import stat
import threading
from pathlib import Path

import pytest

from cardscan.errors import OutputError
from cardscan.files import TargetKind, examine, output_file, target_kind, write_private

REG, CHR, FIFO = stat.S_IFREG | 0o644, stat.S_IFCHR | 0o666, stat.S_IFIFO | 0o600
SOCK = stat.S_IFSOCK | 0o755


@pytest.mark.parametrize(
    ("mode", "paths", "kind"),
    [
        (None, ("/home/a/new.vcf",), TargetKind.new),
        (REG, ("/home/a/all.vcf", "/home/a/all.vcf"), TargetKind.file),
        (REG, ("/home/a/link.vcf", "/data/all.vcf"), TargetKind.file),  # a symlink to a file
        (CHR, ("/dev/null", "/dev/null"), TargetKind.stream),
        (CHR, ("/tmp/x/null", "/tmp/x/null"), TargetKind.stream),  # a device node anywhere
        (FIFO, ("/tmp/pipe", "/tmp/pipe"), TargetKind.stream),
        (SOCK, ("/run/app.sock", "/run/app.sock"), TargetKind.stream),
        # `cardscan scan card.jpg -o /dev/stdout >> log.vcf`: stdout is a regular file
        (REG, ("/dev/stdout", "/home/a/log.vcf"), TargetKind.stream),
        (REG, ("/home/a/out", "/proc/4711/fd/1"), TargetKind.stream),
        (stat.S_IFDIR | 0o755, ("/home/a",), TargetKind.folder),
        (stat.S_IFBLK | 0o660, ("/dev/sda",), TargetKind.block_device),
    ],
)
def test_target_kind(mode: int | None, paths: tuple[str, ...], kind: TargetKind) -> None:
    assert target_kind(mode, *paths) is kind


def _write(path: Path, text: str = "BEGIN:VCARD\r\nEND:VCARD\r\n") -> None:
    with output_file(path) as stream:
        stream.write(text)


def _parts(*folders: Path) -> list[str]:
    return [p.name for folder in folders for p in folder.iterdir() if p.name.endswith(".part")]


def test_a_new_file_is_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        _write(tmp_path / "new.vcf")
    finally:
        os.umask(old)
    assert (tmp_path / "new.vcf").read_bytes() == b"BEGIN:VCARD\r\nEND:VCARD\r\n"
    assert stat.S_IMODE((tmp_path / "new.vcf").stat().st_mode) == 0o600
    assert _parts(tmp_path) == []


def test_an_existing_file_is_replaced_atomically_keeping_its_mode(tmp_path: Path) -> None:
    out = tmp_path / "all.vcf"
    out.write_text("old")
    out.chmod(0o640)
    before = out.stat().st_ino
    _write(out, "new")
    assert out.read_text() == "new" and out.stat().st_ino != before  # renamed into place
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


def test_a_failure_leaves_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "all.vcf"
    out.write_text("old")
    with pytest.raises(RuntimeError), output_file(out) as stream:
        stream.write("half")
        raise RuntimeError("crash")
    assert out.read_text() == "old" and _parts(tmp_path) == []


@pytest.mark.parametrize("exists", [True, False])
def test_a_symlink_stays_and_its_target_is_written(tmp_path: Path, exists: bool) -> None:
    data, links = tmp_path / "data", tmp_path / "links"
    data.mkdir()
    links.mkdir()
    target = data / "all.vcf"
    if exists:
        target.write_text("old")
        target.chmod(0o644)
    link = links / "link.vcf"
    link.symlink_to(Path("..") / "data" / "all.vcf")  # relative, as `ln -s` makes them
    _write(link, "new")
    assert link.is_symlink() and os.readlink(link) == os.path.join("..", "data", "all.vcf")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == (0o644 if exists else 0o600)
    assert _parts(data, links) == []


def _read_in_thread(path: Path) -> tuple[threading.Thread, list[bytes]]:
    got: list[bytes] = []

    def read() -> None:
        with open(path, "rb") as pipe:  # waits for the writer
            got.append(pipe.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread, got


def test_a_fifo_is_written_into_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.vcf"
    os.mkfifo(fifo)
    thread, got = _read_in_thread(fifo)
    _write(fifo, "through the pipe")
    thread.join(10)
    assert got == [b"through the pipe"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and _parts(tmp_path) == []


def test_a_unix_socket_is_written_into(tmp_path: Path) -> None:
    # a short folder name: a socket path must fit in 108 bytes
    path = tmp_path / "s"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)
    got: list[bytes] = []

    def serve() -> None:
        conn, _ = server.accept()
        with conn:
            chunks = []
            while chunk := conn.recv(4096):
                chunks.append(chunk)
            got.append(b"".join(chunks))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        _write(path, "through the socket")
        thread.join(10)
    finally:
        server.close()
    assert got == [b"through the socket"] and stat.S_ISSOCK(os.lstat(path).st_mode)


def test_the_process_own_descriptor_is_appended_to_not_replaced(tmp_path: Path) -> None:
    log = tmp_path / "log.vcf"
    log.write_text("earlier\n")
    fd = os.open(log, os.O_WRONLY | os.O_APPEND)
    try:
        inode = log.stat().st_ino
        _write(Path(f"/proc/self/fd/{fd}"), "appended\n")  # as `-o /dev/stdout >> log.vcf`
    finally:
        os.close(fd)
    assert log.read_text() == "earlier\nappended\n" and log.stat().st_ino == inode


def _null_device(folder: Path) -> Path:
    """A character device node with the null device's numbers (needs root)."""
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root; target_kind() covers the decision")
    node = folder / "null"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    return node


def test_a_character_device_is_written_into_never_replaced(tmp_path: Path) -> None:
    node = _null_device(tmp_path)
    before = os.lstat(node)
    _write(node)
    after = os.lstat(node)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev
    assert after.st_ino == before.st_ino and _parts(tmp_path) == []


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a folder"):
        _write(tmp_path)


def test_examine_reports_a_path_through_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match="choose another output file"):
        examine(tmp_path / "file" / "out.vcf")


def test_write_private_creates_0600_and_keeps_an_existing_mode(tmp_path: Path) -> None:
    write_private(tmp_path / "a.png", b"png")
    assert stat.S_IMODE((tmp_path / "a.png").stat().st_mode) == 0o600
    (tmp_path / "b.png").write_bytes(b"old")
    (tmp_path / "b.png").chmod(0o644)
    write_private(tmp_path / "b.png", b"new")
    assert (tmp_path / "b.png").read_bytes() == b"new"
    assert stat.S_IMODE((tmp_path / "b.png").stat().st_mode) == 0o644


def test_root_replacing_a_users_file_keeps_its_owner(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("only root can give a file to another user")
    out = tmp_path / "all.vcf"
    out.write_text("old")
    os.chown(out, 4242, 4343)
    _write(out, "new")
    assert (out.stat().st_uid, out.stat().st_gid) == (4242, 4343) and out.read_text() == "new"
