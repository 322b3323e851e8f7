"""Tests of the synthetic card generator (tools/gencards): determinism and truthful content."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import cv2
import numpy as np
import phonenumbers
import pytest

# tools/ is not an installed package: import it from the repository root.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cardscan.model import Contact
from tools.gencards import (
    LOCALES,
    Features,
    SyntheticCard,
    expected_json,
    make_card,
    write_set,
)
from tools.gencards import tables as tb
from tools.gencards.__main__ import main
from tools.gencards.samples import SAMPLES, markdown_table

SMALL = (320, 240)
REGION = {loc: info.region for loc, info in tb.LOCALES.items()}

# A phone number as printed: "+49 (0)30 1234567", "030 / 123 45-67", "(212) 555-0147".
PHONE_RE = re.compile(r"\+?\(?\d[\d ()/.\-]{5,}\d")
EXT_RE = re.compile(r"(?:ext\. |Ext\. |x)(\d+)\b")
ALL_LABELS = {
    lab
    for lang in ("de", "en")
    for group in (
        *tb.PHONE_LABELS[lang].values(),
        tb.EMAIL_LABELS[lang],
        tb.WEB_LABELS[lang],
    )
    for lab in group
    if lab
} | {"LinkedIn", "XING"}


@pytest.fixture(scope="module")
def cards() -> list[SyntheticCard]:
    """Cards of every locale and difficulty (small photos: the photo is not what is checked)."""
    out = []
    for i, loc in enumerate(LOCALES):
        for j, difficulty in enumerate(("easy", "normal", "hard")):
            seed = 100 + 10 * i + j
            out.append(make_card(seed, locale=loc, photo_size=SMALL, difficulty=difficulty))
    out.append(make_card(7, photo_size=SMALL, qr=True))
    out.append(make_card(8, locale="de_DE", photo_size=SMALL, features=Features(name_caps=True)))
    out.append(make_card(9, locale="de_AT", photo_size=SMALL, features=Features(profile="xing")))
    out.append(
        make_card(10, locale="en_US", photo_size=SMALL, features=Features(one_line_address=True))
    )
    return out


def test_same_seed_gives_identical_bytes() -> None:
    a = make_card(42, photo_size=(480, 360))
    b = make_card(42, photo_size=(480, 360))
    assert a.flat.tobytes() == b.flat.tobytes()
    assert a.photo.tobytes() == b.photo.tobytes()
    assert a.jpeg == b.jpeg
    assert a.truth == b.truth
    assert a.meta == b.meta


def test_other_seed_gives_other_card() -> None:
    a = make_card(1, photo_size=SMALL)
    b = make_card(2, photo_size=SMALL)
    assert a.truth != b.truth
    assert a.photo.tobytes() != b.photo.tobytes()


def test_photo_has_the_requested_size_and_is_the_decoded_jpeg() -> None:
    card = make_card(3, photo_size=(500, 300))
    assert card.photo.shape == (300, 500, 3)
    assert card.photo.dtype == np.uint8
    assert card.flat.shape in ((660, 1020, 3), (1020, 660, 3))
    decoded = cv2.imdecode(np.frombuffer(card.jpeg, np.uint8), cv2.IMREAD_COLOR)
    assert decoded is not None
    assert np.array_equal(decoded, card.photo)
    assert (card.meta["photo_width"], card.meta["photo_height"]) == (500, 300)


def test_truth_phones_are_valid_e164_of_the_right_type(cards: list[SyntheticCard]) -> None:
    for card in cards:
        assert 1 <= len(card.truth.phones) <= 3
        for phone in card.truth.phones:
            num = phonenumbers.parse(phone.number)
            assert phonenumbers.is_valid_number(num), phone
            assert phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164) == (
                phone.number
            )
            assert phonenumbers.region_code_for_number(num) == REGION[str(card.meta["locale"])]
            kind = phonenumbers.number_type(num)
            if phone.type == "mobile":
                assert kind in (
                    phonenumbers.PhoneNumberType.MOBILE,
                    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
                ), phone


def test_truth_round_trips_through_from_dict(cards: list[SyntheticCard]) -> None:
    for card in cards:
        assert Contact.from_dict(card.truth.to_dict()) == card.truth


def _web_forms(card: SyntheticCard) -> list[str]:
    """E-mail addresses and URLs in the forms the card may print them."""
    t = card.truth
    forms = list(t.emails)
    for url in [*t.urls, *(p.url for p in t.profiles)]:
        forms += [url, url.removeprefix("https://"), url.removeprefix("https://www.")]
    return sorted(forms, key=len, reverse=True)


def _printed_forms(card: SyntheticCard) -> list[str]:
    """Names, titles, company and address parts as the card may print them."""
    t = card.truth
    assert t.name and t.address
    forms = [t.name.full.upper() if card.meta["name_caps"] else t.name.full]
    forms += [v for v in (t.title, t.organization, t.department) if v]
    a = t.address
    forms += [v for v in (a.street, a.postal_code, a.city, a.region, a.country) if v]
    return sorted(forms, key=len, reverse=True)


def test_printed_text_contains_every_truth_value(cards: list[SyntheticCard]) -> None:
    for card in cards:
        text = str(card.meta["printed_text"])
        t = card.truth
        assert t.name and t.address
        name = t.name.full.upper() if card.meta["name_caps"] else t.name.full
        assert name in text.splitlines()
        for value in (t.title, t.organization, t.department, *t.emails):
            if value:
                assert value in text
        for url in t.urls:
            assert url in text or url.removeprefix("https://") in text
        for prof in t.profiles:
            assert prof.url.removeprefix("https://www.") in text
        a = t.address
        for value in (a.street, a.postal_code, a.city, a.region, a.country):
            if value:
                assert value in text, (value, text)


def test_printed_text_holds_nothing_the_truth_lacks(cards: list[SyntheticCard]) -> None:
    for card in cards:
        region = REGION[str(card.meta["locale"])]
        numbers = {p.number for p in card.truth.phones}
        extensions = {p.extension for p in card.truth.phones if p.extension}
        seen = set()
        for line in str(card.meta["printed_text"]).splitlines():
            rest = line
            for form in _web_forms(card):  # first: a LinkedIn slug may hold digits
                rest = rest.replace(form, " ")
            for match in PHONE_RE.findall(rest):
                if len(re.sub(r"\D", "", match)) < 7:  # a house number range "177-179"
                    continue
                num = phonenumbers.parse(match.replace("(0)", ""), region)
                e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
                assert e164 in numbers, (match, numbers)
                seen.add(e164)
                rest = rest.replace(match, " ", 1)
            for ext in EXT_RE.findall(rest):
                assert ext in extensions
            rest = EXT_RE.sub(" ", rest)
            for form in _printed_forms(card):
                rest = rest.replace(form, " ")
            rest = re.sub(r"\b(D|A|CH)-", " ", rest)  # postcode prefixes
            words = [w.rstrip(":") for w in re.split(r"[\s·|•,]+", rest) if w]
            leftover = [w for w in words if w and w not in ALL_LABELS]
            assert not leftover, (leftover, line)
        assert seen == numbers


def test_meta_is_flat_json_and_expected_json_drops_parser_keys() -> None:
    card = make_card(11, photo_size=SMALL)
    data = expected_json(card, source="card_001.jpg")
    assert data["source"] == "card_001.jpg"
    assert not {"raw_text", "confidence", "review"} & set(data)
    assert all(isinstance(v, str | int | float | bool) for v in data["meta"].values())
    assert json.loads(json.dumps(data)) == data
    corners = [tuple(map(float, p.split(","))) for p in str(card.meta["corners"]).split(";")]
    assert len(corners) == 4
    assert all(0 <= x <= SMALL[0] and 0 <= y <= SMALL[1] for x, y in corners)


def test_forced_features_show_in_meta() -> None:
    f = Features(rotation=90, dark=True, name_caps=True, layout="two_column", prefix="Dr.")
    card = make_card(12, locale="de_DE", photo_size=SMALL, features=f)
    assert card.meta["rotation"] == 90
    assert card.meta["dark"] is True
    assert card.meta["name_caps"] is True
    assert card.truth.name and card.truth.name.prefix == "Dr."
    assert card.truth.name.full.startswith("Dr. ")


def test_easy_cards_are_upright_and_without_qr() -> None:
    for seed in range(20, 26):
        card = make_card(seed, photo_size=SMALL, difficulty="easy")
        assert card.meta["rotation"] == 0
        assert card.meta["qr"] is False


def test_qr_code_holds_a_vcard_of_the_truth() -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    card = make_card(13, photo_size=SMALL, qr=True)
    assert card.meta["qr"] is True
    found = zxingcpp.read_barcodes(card.flat)
    assert found, "no QR code found on the flat card"
    payload = found[0].text
    assert payload.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
    assert card.truth.name
    assert "FN:" + card.truth.name.full.replace(",", "\\,") in payload
    for phone in card.truth.phones:
        assert phone.number in payload


@pytest.mark.parametrize(
    "kwargs",
    [{"difficulty": "brutal"}, {"locale": "fr_FR"}, {"photo_size": (10, 10)}],
)
def test_bad_arguments_raise_value_error(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        make_card(1, **kwargs)  # type: ignore[arg-type]


def test_write_set_writes_jpeg_and_json_pairs(tmp_path: Path) -> None:
    paths = write_set(tmp_path, 2, seed=3, photo_size=SMALL)
    assert [p.name for p in paths] == ["card_001.jpg", "card_002.jpg"]
    for jpg in paths:
        assert jpg.read_bytes()[:2] == b"\xff\xd8"
        data = json.loads(jpg.with_suffix(".json").read_text(encoding="utf-8"))
        assert data["source"] == jpg.name
        assert data["meta"]["seed"] == 30_000 + int(jpg.stem[-3:])
        assert Contact.from_dict(data).to_dict()["name"] == data["name"]


def test_cli_writes_a_set(tmp_path: Path) -> None:
    assert main([str(tmp_path), "-n", "1", "--seed", "5", "--size", "320x240", "--flat"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "card_001.jpg",
        "card_001.json",
        "card_001_flat.png",
    ]


def test_samples_cover_the_promised_features() -> None:
    assert len(SAMPLES) >= 12
    assert len({s.stem for s in SAMPLES}) == len(SAMPLES)
    forced = [s.features for s in SAMPLES]
    assert {90, 180} <= {f.rotation for f in forced}
    assert any(f.dark for f in forced)
    assert {"linkedin", "xing"} <= {f.profile for f in forced}
    assert any(f.name_caps for f in forced) and any(f.light == "strong" for f in forced)
    table = markdown_table([(s, Path(f"{s.stem}.jpg")) for s in SAMPLES])
    assert table.count("\n") == len(SAMPLES) + 1
    assert all(row.count("|") == 4 for row in table.splitlines())


def test_the_generator_never_imports_the_parsers_tables():
    # an open world is only open if its words are not the parser's own
    import ast

    folder = Path(__file__).parent.parent / "tools" / "gencards"
    for path in folder.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        modules += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        assert not [m for m in modules if m.startswith("cardscan.parse")], path.name


def test_open_world_cards_print_what_the_classic_ones_never_do():
    from tools.gencards import card_text

    cards = [card_text(seed, world="open") for seed in range(200)]
    truths = [truth for _, truth in cards]
    texts = ["\n".join(lines) for lines, _ in cards]
    assert sum(t.name is None for t in truths) >= 10  # company cards with no person
    assert sum("+" in e for t in truths for e in t.emails) >= 5  # +tags
    assert sum(" | " in text for text in texts) >= 10  # labels before a bar
    assert any(t.address and t.address.region == "Colorado" for t in truths)  # states spelled
    # numbers printed without their country code on cards from the US
    assert any("(303)" in text or "(212)" in text for text in texts)
    # an e-mail domain that is not the website's
    assert (
        sum(
            bool(t.urls and t.emails and t.emails[0].split("@")[1] not in t.urls[0]) for t in truths
        )
        >= 10
    )
    assert card_text(7, world="open") == card_text(7, world="open")  # deterministic
