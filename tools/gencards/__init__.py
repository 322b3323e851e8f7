"""Deterministic synthetic business-card photos with their ground truth (``Contact`` + meta).

    card = make_card(7)                 # photo (BGR JPEG-decoded), flat card, truth, meta
    write_set(Path("out"), n=12, seed=7)  # card_001.jpg + card_001.json, ...

Everything is drawn from the seed (``random.Random``, ``numpy.random.default_rng`` and a
seeded Faker): the same seed gives the same bytes on the same machine and package versions.
"""

from __future__ import annotations

import functools
import json
import random
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt
from faker import Faker

from cardscan.model import Contact
from tools.gencards.content import Features, make_content
from tools.gencards.layout import build_layout
from tools.gencards.openworld import open_world
from tools.gencards.photo import draw_capture, photograph
from tools.gencards.render import render_flat
from tools.gencards.style import draw_style
from tools.gencards.tables import LOCALE_WEIGHTS

__all__ = [
    "DIFFICULTIES",
    "LOCALES",
    "WORLDS",
    "Features",
    "SyntheticCard",
    "card_text",
    "expected_json",
    "make_card",
    "write_set",
]

DIFFICULTIES = ("easy", "normal", "hard")
#: "classic": addresses spelled from the name and company, words from tables.py;
#: "open": openworld.py's changes of each card (what real cards print beyond that).
WORLDS = ("classic", "open")
LOCALES = tuple(LOCALE_WEIGHTS)
MetaValue = str | int | float | bool


@dataclass(frozen=True)
class SyntheticCard:
    """One synthetic card: the phone photo, the flat print, what it says and how it was made."""

    photo: npt.NDArray[np.uint8]  # BGR, shape (height, width, 3): decoded from ``jpeg``
    flat: npt.NDArray[np.uint8]  # BGR flat card at 12 px/mm (1020x660, or 660x1020 portrait)
    truth: Contact
    meta: dict[str, MetaValue]
    jpeg: bytes = field(default=b"", repr=False)  # the encoded photo, as written to disk


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#" + "".join(f"{v:02x}" for v in rgb)


_FAKER_LOCK = threading.Lock()


@functools.cache
def _faker(locale: str) -> Faker:
    return Faker(locale)


def make_card(
    seed: int,
    *,
    locale: str | None = None,
    photo_size: tuple[int, int] = (1600, 1200),
    difficulty: str = "normal",
    qr: bool | None = None,
    features: Features | None = None,
    world: str = "classic",
) -> SyntheticCard:
    """The card for ``seed``; ``photo_size`` is (width, height); ``qr`` None: ~10 % have one.

    ``features`` forces single features (layout, rotation, dark, prefix, ...) for curated
    samples; every random draw still happens, so the rest of the card stays the same.
    """
    if world not in WORLDS:
        raise ValueError(f"world must be one of {WORLDS}, not {world!r}")
    if difficulty not in DIFFICULTIES:
        raise ValueError(f"difficulty must be one of {DIFFICULTIES}, not {difficulty!r}")
    if locale is not None and locale not in LOCALE_WEIGHTS:
        raise ValueError(f"locale must be one of {LOCALES}, not {locale!r}")
    if photo_size[0] < 64 or photo_size[1] < 64:
        raise ValueError(f"photo_size {photo_size} is too small (width, height >= 64)")
    f = features or Features()
    rng = random.Random(seed)
    drawn = rng.choices(LOCALES, weights=list(LOCALE_WEIGHTS.values()))[0]
    loc = locale or drawn
    with _FAKER_LOCK:  # one shared Faker per locale: reseed and use it in one go
        fake = _faker(loc)
        fake.seed_instance(seed)
        content = make_content(rng, fake, loc, f)
        if world == "open":  # what real cards print beyond the classic tables
            content = open_world(rng, fake, content)
    with_qr = rng.random() < 0.1 and difficulty != "easy"
    with_qr = with_qr if qr is None else qr
    style = draw_style(
        rng, difficulty=difficulty, qr=with_qr, layout=f.layout, dark=f.dark, portrait=f.portrait
    )
    capture = draw_capture(
        rng,
        difficulty,
        rotation=f.rotation,
        light=f.light,
        background=f.background,
        width_frac=f.card_width,
    )
    printed = render_flat(content, style)
    flat = np.ascontiguousarray(np.asarray(printed.image, dtype=np.uint8)[:, :, ::-1])
    photo, jpeg, corners = photograph(flat, capture, photo_size, seed)
    st, done = printed.style, printed.content
    dropped = content.optional_count() - done.optional_count()
    meta: dict[str, MetaValue] = {
        "seed": seed,
        "locale": loc,
        "difficulty": difficulty,
        "layout": st.layout,
        "portrait": st.portrait,
        "font": st.family.name,
        "font_kind": st.family.kind,
        "dark": st.dark,
        "background_color": _hex(st.bg),
        "text_color": _hex(st.ink),
        "accent_color": _hex(st.accent),
        "logo": st.logo or "none",
        "logo_text": done.logo_text if st.logo and st.logo != "bars" else "",
        "qr": st.qr,
        "name_caps": done.name_caps,
        "label_colon": done.label_colon,
        "tab_aligned": st.tabs,
        "address_one_line": done.address_sep is not None,
        "country_line": done.address.country is not None,
        **done.meta,
        "dropped_to_fit": dropped,
        "text_scale": printed.scale,
        "contact_x_height_px": printed.contact_x_height,
        "rotation": capture.rotation,
        "tilt": round(capture.tilt, 2),
        "card_width_frac": round(capture.width_frac, 3),
        "perspective": round(capture.perspective, 3),
        "keystone": round(capture.keystone, 3),
        "background": capture.background,
        "light": capture.light,
        "brightness": round(capture.brightness, 3),
        "shadow": round(capture.shadow, 3),
        "blur_sigma": round(capture.blur, 2),
        "motion_blur_px": capture.motion,
        "noise_sigma": round(capture.noise, 2),
        "jpeg_quality": capture.jpeg_quality,
        "photo_width": photo_size[0],
        "photo_height": photo_size[1],
        "corners": corners,
        "printed_text": "\n".join(printed.lines),
    }
    truth = done.to_contact(source=f"synthetic-{seed}")
    return SyntheticCard(photo=photo, flat=flat, truth=truth, meta=meta, jpeg=jpeg)


def card_text(seed: int, *, world: str = "classic") -> tuple[list[str], Contact]:
    """The printed text lines of the card for ``seed`` (in reading order, as laid out, without
    drawing it) and its truth: clean card text for the parser, with no OCR in between."""
    rng = random.Random(seed)
    loc = rng.choices(LOCALES, weights=list(LOCALE_WEIGHTS.values()))[0]
    with _FAKER_LOCK:
        fake = _faker(loc)
        fake.seed_instance(seed)
        content = make_content(rng, fake, loc, Features())
        if world == "open":
            content = open_world(rng, fake, content)
    style = draw_style(rng, difficulty="normal", qr=False, layout=None, dark=None, portrait=None)
    layout = build_layout(content, style)
    lines = [ln.text for c in layout.columns for b in c.blocks() for ln in b.lines if ln.text]
    return lines, content.to_contact(source=f"synthetic-{seed}")


def expected_json(card: SyntheticCard, source: str | None = None) -> dict[str, Any]:
    """``truth.to_dict()`` without raw_text/confidence/review, plus ``"meta"``."""
    truth = card.truth if source is None else replace(card.truth, source=source)
    data = truth.to_dict()
    for key in ("raw_text", "confidence", "review"):
        data.pop(key, None)
    data["meta"] = dict(card.meta)
    return data


def write_set(
    out_dir: Path,
    n: int,
    seed: int,
    *,
    locale: str | None = None,
    photo_size: tuple[int, int] = (1600, 1200),
    difficulty: str = "normal",
    qr: bool | None = None,
    flat: bool = False,
    world: str = "classic",
) -> list[Path]:
    """Writes card_001.jpg + card_001.json, ... (card i uses seed ``seed * 10000 + i``).

    Returns the JPEG paths. ``flat`` also writes card_001_flat.png (the unphotographed card).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(1, n + 1):
        card = make_card(
            seed * 10_000 + i,
            locale=locale,
            photo_size=photo_size,
            difficulty=difficulty,
            qr=qr,
            world=world,
        )
        paths.append(save_card(card, out_dir, f"card_{i:03d}", flat=flat))
    return paths


def save_card(card: SyntheticCard, out_dir: Path, stem: str, *, flat: bool = False) -> Path:
    """Writes ``stem``.jpg (the exact JPEG bytes) and ``stem``.json; returns the JPEG path."""
    jpg = out_dir / f"{stem}.jpg"
    jpg.write_bytes(card.jpeg)
    data = expected_json(card, source=jpg.name)
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    (out_dir / f"{stem}.json").write_text(text, encoding="utf-8")
    if flat:
        cv2.imwrite(str(out_dir / f"{stem}_flat.png"), card.flat)
    return jpg
