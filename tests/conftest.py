"""Fixtures that several test modules share: a Radicale CardDAV server, open or locked."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.carddav_support import PASSWORD, USER, Server, start_radicale


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    yield from start_radicale(tmp_path_factory.mktemp("radicale"), "--auth-type", "none")


@pytest.fixture(scope="module")
def locked_radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("radicale-htpasswd")
    (tmp / "users").write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
    yield from start_radicale(
        tmp,
        "--auth-type",
        "htpasswd",
        "--auth-htpasswd-filename",
        str(tmp / "users"),
        "--auth-htpasswd-encryption",
        "plain",
    )
