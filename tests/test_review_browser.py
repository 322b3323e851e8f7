"""`cardscan review` end to end in a real browser: Playwright drives Debian's chromium (headless,
nothing downloaded) against the real server reading generated cards with the real Tesseract.

Set CARDSCAN_REVIEW_SCREENSHOT=docs/review-card.png to refresh the README's screenshot.
"""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import vobject

pytestmark = [pytest.mark.tesseract, pytest.mark.browser]

CHROMIUM = Path("/usr/bin/chromium")
#: Chromium on a machine without internet: no background connections, no sandbox as root.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CARDSCAN = Path(sys.executable).parent / "cardscan"


@pytest.fixture(scope="module")
def cards(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cards")
    subprocess.run(
        [sys.executable, "-m", "tools.gencards", str(out), "-n", "3", "--seed", "1"],
        check=True,
        capture_output=True,
        cwd=Path(__file__).parent.parent,
    )
    return out


@pytest.fixture
def server(cards: Path, tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """`cardscan review` on 127.0.0.1, a free port; its address from the line it prints."""
    proc = subprocess.Popen(
        [str(CARDSCAN), "review", str(cards), "--no-browser", "--port", "0",
         "--db", str(tmp_path / "book.sqlite3")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip
    lines: queue.Queue[str] = queue.Queue()
    assert proc.stdout is not None
    threading.Thread(target=lambda: [lines.put(x) for x in proc.stdout], daemon=True).start()  # type: ignore[union-attr]
    try:
        first = lines.get(timeout=60)
        assert first.startswith("cardscan: review at http://127.0.0.1:"), first
        yield first.split(" at ", 1)[1].strip(), proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)  # Ctrl-C
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def test_review_a_card_in_the_browser(
    server: tuple[str, subprocess.Popen[str]], cards: Path, tmp_path: Path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is not installed: run `make test` (it installs it)")
    url, proc = server
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=FLAGS)
        context = browser.new_context(
            viewport={"width": 1360, "height": 1000}, accept_downloads=True
        )
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

        page.goto(url)
        assert "token=" not in page.url  # the token became a cookie
        expect(page.locator("[data-progress-text]")).to_have_text("3 of 3 read", timeout=90_000)
        expect(page.locator(".tile.done")).to_have_count(3)

        page.locator(".tile.done a").first.click()
        page.wait_for_url("**/card/1")
        expect(page.locator(".zoom img")).to_be_visible()
        assert page.locator(".zoom img").evaluate("img => img.naturalWidth") > 600
        given = page.input_value("input[name=name_given]")
        email = page.input_value("input[name=email] >> nth=0")
        assert given and "@" in email  # what Tesseract read from the generated card
        page.fill("input[name=name_family]", "Lindqvist")
        assert page.input_value("input[name=name_full]").endswith(f"{given} Lindqvist")
        page.fill("input[name=event]", "Hannover Messe 2026")
        page.fill("textarea[name=notes]", "Wants OCR for delivery notes; send pricing")
        page.fill("input[name=tags]", "lead")
        page.evaluate("window.scrollTo(0, 0)")
        shot = tmp_path / "review-card.png"
        page.screenshot(path=str(shot), full_page=True)
        if os.environ.get("CARDSCAN_REVIEW_SCREENSHOT"):
            shutil.copy(shot, os.environ["CARDSCAN_REVIEW_SCREENSHOT"])

        page.press("input[name=event]", "Enter")  # saves and opens the next card
        page.wait_for_url("**/card/2?saved=1")
        expect(page.locator(".flash")).to_contain_text(f"Saved {given} Lindqvist as #1")

        page.click("nav >> text=Book")
        page.fill("input[name=q]", "hannover")
        page.press("input[name=q]", "Enter")
        person = page.locator(".person", has_text=f"{given} Lindqvist")
        expect(person).to_have_count(1)
        expect(person).to_contain_text("Hannover Messe 2026: Wants OCR for delivery notes")

        with page.expect_download() as download:
            person.locator("a", has_text="vCard").click()
        vcard = Path(download.value.path()).read_bytes().decode("utf-8")
        assert vcard.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
        card = vobject.readOne(vcard)
        assert card.fn.value == f"{given} Lindqvist"
        assert (card.n.value.family, card.n.value.given) == ("Lindqvist", given)
        assert card.email.value == email
        assert "Hannover Messe 2026" in card.note.value and "delivery notes" in card.note.value
        assert card.categories.value == ["lead"]
        assert errors == []  # no script errors, nothing blocked by the Content-Security-Policy
        browser.close()

    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=30) == 0
    assert proc.stderr is not None and "review stopped" in proc.stderr.read()
