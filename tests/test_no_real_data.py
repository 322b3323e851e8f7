"""No real person's data in the repository: the labels of the real cards beside the project
(../shared/realcards/labels.json, ../shared/realcards-labelled/*.json) are read, never copied.

The project's checker (../shared/tools/check_no_real_data.py: labelled names, e-mails, phone
numbers and copies of the images) runs on every file git tracks; this test adds the domains of
the labelled e-mails and websites and the labelled postcodes with their city. Where ../shared
is not beside the repository (a clone elsewhere) there is nothing to compare with: skipped.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CHECKER = SHARED / "tools" / "check_no_real_data.py"
#: Mail providers many people share: their domain says nothing about one person.
SHARED_DOMAINS = {"gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com", "gmx.de"}


def _labels() -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    for path in sorted((SHARED / "realcards-labelled").glob("*.json")):
        found.append(json.loads(path.read_text(encoding="utf-8")))
    listing = SHARED / "realcards" / "labels.json"
    if listing.exists():
        data = json.loads(listing.read_text(encoding="utf-8"))
        found += data.get("cards", []) if isinstance(data, dict) else data
    return [g for g in found if isinstance(g, dict)]


def _tracked_texts() -> dict[str, str]:
    files = subprocess.run(
        ["git", "-C", str(REPO), "ls-files"], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    texts = {}
    for rel in filter(None, files):
        path = REPO / rel
        if path.is_file() and path.stat().st_size < 5_000_000:
            texts[rel] = path.read_bytes().decode("utf-8", "ignore").lower()
    return texts


needs_labels = pytest.mark.skipif(
    not CHECKER.exists() or not _labels(),
    reason="../shared with the real cards' labels is not beside this repository",
)


@needs_labels
def test_no_labelled_name_email_number_or_image():
    run = subprocess.run(
        [sys.executable, str(CHECKER), str(REPO)], capture_output=True, text=True, check=False
    )
    assert run.stdout == "" and run.returncode == 0, run.stdout


def _domains(label: dict[str, object]) -> set[str]:
    hosts = {str(e).rpartition("@")[2].lower() for e in label.get("emails") or []}  # type: ignore[union-attr]
    for url in label.get("urls") or []:  # type: ignore[union-attr]
        hosts.add(re.sub(r"^(https?://)?(www\.)?", "", str(url).lower()).split("/")[0])
    return {h for h in hosts if "." in h and h not in SHARED_DOMAINS}


def _postcodes(label: dict[str, object]) -> set[str]:
    address = label.get("address")
    if not isinstance(address, dict):
        return set()
    code = str(address.get("postal_code") or "")
    return {code.lower()} if len(re.sub(r"\D", "", code)) >= 5 else set()


@needs_labels
def test_no_domain_or_postcode_of_a_real_card():
    wanted = {t: "domain" for g in _labels() for t in _domains(g)}
    wanted.update({t: "postcode" for g in _labels() for t in _postcodes(g)})
    hits = [
        f"{rel}: a {kind} of a real card"
        for rel, text in _tracked_texts().items()
        for term, kind in wanted.items()
        if re.search(rf"(?<![\w.-]){re.escape(term)}(?![\w-])", text)
    ]
    assert hits == []
