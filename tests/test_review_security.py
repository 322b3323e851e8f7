"""`cardscan review`'s guard: tokens, cookies, CSRF, hosts, the LAN page, hostile card text,
uploads and paths that must never reach the disk."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from review_support import (
    HOSTILE_NAME,
    HOSTILE_ORG,
    HOSTS,
    LOCAL,
    Session,
    png,
    start,
    stop,
)
from starlette.testclient import TestClient

from cardscan.review.app import build_app
from cardscan.review.photos import UploadFolder, given_photos
from cardscan.review.security import CSP

GET_PAGES = [
    "/",
    "/stack/list",
    "/progress",
    "/card/1",
    "/card/1/image",
    "/card/1/thumb",
    "/book",
    "/book?q=anna",
    "/book/1",
    "/book/1/image",
    "/book/1/forget",
    "/send",
    "/export?format=vcard3",
    "/capture",
    "/capture/list",
    "/static/app.js",
]
POSTS = [
    "/upload",
    "/card/1/save",
    "/book/1",
    "/book/1/forget",
    "/send/carddav",
    "/capture/upload",
]
CAPTURE_ONLY = ["/capture", "/capture/list", "/static/app.css"]


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    s = start(tmp_path)
    s.add("anna.jpg")
    s.post("/card/1/save", {"name_full": "Anna Beispiel", "email": "a@beispiel-werke.de"})
    yield s
    stop(s)


def stranger(session: Session, base: str = LOCAL, host: str = "127.0.0.1") -> TestClient:
    return TestClient(build_app(session.review, HOSTS), base_url=base, client=(host, 50001))


@pytest.mark.parametrize("path", GET_PAGES)
def test_every_page_needs_the_token(session: Session, path: str) -> None:
    response = stranger(session).get(path)
    assert response.status_code == 403
    assert "token" in response.text
    assert session.local.get(path).status_code == 200  # with the cookie of the first visit


def test_a_phones_thumbnail_needs_a_token(session: Session) -> None:
    assert stranger(session).get("/capture/1/thumb").status_code == 403


@pytest.mark.parametrize("path", POSTS)
def test_every_change_needs_the_token(session: Session, path: str) -> None:
    response = stranger(session).post(f"{path}?csrf={session.csrf}", data={"x": "1"})
    assert response.status_code == 403


@pytest.mark.parametrize("path", POSTS)
def test_every_change_needs_the_csrf_token(session: Session, path: str) -> None:
    before = session.local.get("/book").text
    assert session.local.post(path, data={"name_full": "Eve"}).status_code == 403
    wrong = session.local.post(f"{path}?csrf=0123456789abcdef", data={"name_full": "Eve"})
    assert wrong.status_code == 403 and "CSRF" in wrong.text
    assert session.local.get("/book").text == before


def test_a_request_from_another_site_is_refused(session: Session) -> None:
    response = session.local.post(
        f"/book/1/forget?csrf={session.csrf}", headers={"Origin": "http://evil.example"}
    )
    assert response.status_code == 403 and "another site" in response.text
    assert "Anna Beispiel" in session.local.get("/book").text


def test_the_csrf_token_may_come_as_a_header(session: Session) -> None:
    response = session.local.post(
        "/book/1/forget", headers={"X-CSRF-Token": session.csrf, "Origin": LOCAL}
    )
    assert response.status_code == 200
    assert "Anna Beispiel" not in session.local.get("/book").text


def test_the_token_becomes_a_strict_cookie_and_leaves_the_address(session: Session) -> None:
    client = stranger(session)
    response = client.get(
        f"/book?q=anna&token={session.review.tokens.full}", follow_redirects=False
    )
    assert response.status_code == 303 and response.headers["location"] == "/book?q=anna"
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert client.get("/book").status_code == 200


def test_a_wrong_token_or_host_is_refused(session: Session) -> None:
    assert stranger(session).get("/?token=guess").status_code == 403
    rebound = TestClient(
        build_app(session.review, HOSTS),
        base_url="http://evil.example:8765",
        client=("127.0.0.1", 1),
    )
    assert rebound.get(f"/?token={session.review.tokens.full}").status_code == 403


def test_the_full_token_works_only_from_this_computer(session: Session) -> None:
    token = session.review.tokens.full
    from_phone = stranger(session, "http://192.168.178.20:8765", "192.168.178.31")
    assert from_phone.get(f"/book?token={token}").status_code == 403
    assert from_phone.get(f"/capture?token={token}").status_code == 403


@pytest.mark.parametrize("path", [p for p in GET_PAGES if p not in CAPTURE_ONLY])
def test_the_lan_token_opens_only_the_capture_page(session: Session, path: str) -> None:
    phone = session.lan()
    assert phone.get(f"/capture?token={session.review.tokens.capture}").status_code == 200
    assert phone.get("/capture/list").status_code == 200
    if not path.startswith(("/capture", "/static")):
        assert phone.get(path).status_code == 403


def test_a_phone_uploads_and_sees_only_its_own_cards(session: Session) -> None:
    phone = session.lan()
    phone.get(f"/capture?token={session.review.tokens.capture}")
    csrf = session.review.tokens.csrf("capture")
    response = phone.post(
        f"/capture/upload?csrf={csrf}", files=[("photos", ("IMG_0001.png", png(), "image/png"))]
    )
    assert response.status_code == 200  # redirected back to the capture page
    session.wait()
    page = phone.get("/capture/list").text
    assert "Anna Beispiel" in page and "anna.beispiel@beispiel-werke.de" in page
    lan_items = session.review.stack.items("lan")
    assert len(lan_items) == 1
    assert phone.get(f"/capture/{lan_items[0].id}/thumb").status_code == 200
    assert phone.get("/capture/1/thumb").status_code == 404  # given on this computer, not theirs
    assert phone.post(f"/upload?csrf={csrf}").status_code == 403
    assert phone.post(f"/book/1/forget?csrf={csrf}").status_code == 403


def test_pages_carry_a_strict_content_security_policy(session: Session) -> None:
    for path in ("/", "/card/1", "/book", "/send", "/nothing-here"):
        headers = session.local.get(path).headers
        assert headers["content-security-policy"] == CSP
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin"
    assert "unsafe-inline" not in CSP and "script-src 'self'" in CSP


def test_get_never_changes_anything(session: Session) -> None:
    assert session.local.get("/card/1/save").status_code == 405
    assert "Forget" in session.local.get("/book/1/forget").text  # only asks
    assert "Anna Beispiel" in session.local.get("/book").text


def test_hostile_card_text_renders_as_text(tmp_path: Path) -> None:
    s = start(tmp_path)
    try:
        (item_id,) = s.add("hostile.jpg")
        saved = s.post(
            f"/card/{item_id}/save",
            {
                "name_full": HOSTILE_NAME,
                "organization": HOSTILE_ORG,
                "email": "x@example.com",
                "notes": "</textarea><script>alert(3)</script>",
            },
        )
        assert saved.status_code == 200
        pages = [
            s.local.get(p).text
            for p in ("/", "/stack/list", f"/card/{item_id}", "/book", "/book/1", "/send")
        ]
        pages.append(s.local.get("/book?q=example").text)
        for html in pages:
            assert "<script>alert" not in html
            assert "<img src=x" not in html
            assert "</textarea><script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages[2]
        assert "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in pages[2]
        assert "&lt;/textarea&gt;&lt;script&gt;alert(3)&lt;/script&gt;" in pages[3]
    finally:
        stop(s)


# --- uploads and paths ---


def test_uploads_are_checked_kept_privately_and_removed(tmp_path: Path) -> None:
    folder = UploadFolder(max_pixels=50_000)
    try:
        assert stat.S_IMODE(folder.path.stat().st_mode) == 0o700
        kept = folder.keep(png(200, 100), "../../etc/passwd")
        assert kept.parent == folder.path and kept.suffix == ".png"
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600
        with pytest.raises(ValueError, match="more than the limit"):
            folder.keep(png(400, 300), "big.png")  # 120,000 pixels: the bomb guard
        with pytest.raises(ValueError, match="not an image"):
            folder.keep(b"<svg onload=alert(1)>", "x.svg")
    finally:
        folder.remove()
    assert not folder.path.exists()


def test_a_bad_upload_shows_its_reason_and_the_server_goes_on(session: Session) -> None:
    response = session.post(
        "/upload",
        files=[
            ("photos", ("notes.txt", b"hello", "text/plain")),
            ("photos", ("../../card.png", png(), "image/png")),
        ],
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 200 and len(response.json()["ids"]) == 1
    session.wait()
    page = session.local.get("/").text
    assert "notes.txt" in page and "is not an image cardscan can read" in page
    assert [i.name for i in session.review.stack.items("upload")] == ["notes.txt", "card.png"]
    assert session.local.get("/progress").json()["total"] == 3


def test_a_failing_photo_shows_why(session: Session) -> None:
    session.add("broken.jpg", "blank.jpg")
    page = session.local.get("/").text
    assert "the image data is truncated" in page
    assert "no name, company, phone or e-mail was recognised" in page
    assert "could not be read" in session.local.get("/card/2").text


@pytest.mark.parametrize(
    "path",
    [
        "/static/../cli.py",
        "/static/%2e%2e/cli.py",
        "/static/..%2F..%2Fcli.py",
        "/static/%2Fetc%2Fpasswd",
        "/static//etc/passwd",
        "/static/app.js/../../pages_book.py",
        "/card/..%2F..%2Fetc%2Fpasswd/image",
        "/card/-1/image",
        "/book/..%2F1/image",
        "//etc/passwd",
        "/etc/passwd",
    ],
)
def test_no_path_from_a_request_reaches_the_disk(session: Session, path: str) -> None:
    response = session.local.get(path)
    assert response.status_code in (403, 404)
    assert "root:" not in response.text and "import" not in response.text


def test_a_link_out_of_a_given_folder_is_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0")
    cards = tmp_path / "cards"
    cards.mkdir()
    (cards / "card.png").write_bytes(png())
    (cards / "z-link.jpg").symlink_to(secret)
    photos = given_photos([cards])
    assert [p.path.name for p in photos] == ["card.png", "z-link.jpg"]
    assert photos[0].reason is None
    assert photos[1].reason and "outside" in photos[1].reason
