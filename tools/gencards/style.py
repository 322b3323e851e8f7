"""The look of a card: font family, colours, sizes and layout choices, drawn once per card."""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype")
PX_PER_MM = 12.0
PX_PER_PT = 25.4 / 72 * PX_PER_MM  # 1 pt = 0.353 mm
CARD_MM = (85, 55)

Rgb = tuple[int, int, int]


@dataclass(frozen=True)
class FontFamily:
    """One installed family; every file must cover German umlauts and ß."""

    name: str
    kind: str  # "sans", "serif", "condensed"
    regular: str
    bold: str
    light: str | None = None


# Families from Debian's font packages (fonts-dejavu, -liberation, -crosextra-carlito, -lato,
# -open-sans, -roboto, -noto-core); the ones missing on a machine are skipped.
FAMILIES: tuple[FontFamily, ...] = (
    FontFamily("DejaVu Sans", "sans", "dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"),
    FontFamily(
        "DejaVu Sans Condensed",
        "condensed",
        "dejavu/DejaVuSansCondensed.ttf",
        "dejavu/DejaVuSansCondensed-Bold.ttf",
    ),
    FontFamily("DejaVu Serif", "serif", "dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Bold.ttf"),
    FontFamily(
        "Liberation Sans",
        "sans",
        "liberation/LiberationSans-Regular.ttf",
        "liberation/LiberationSans-Bold.ttf",
    ),
    FontFamily(
        "Liberation Sans Narrow",
        "condensed",
        "liberation/LiberationSansNarrow-Regular.ttf",
        "liberation/LiberationSansNarrow-Bold.ttf",
    ),
    FontFamily(
        "Liberation Serif",
        "serif",
        "liberation/LiberationSerif-Regular.ttf",
        "liberation/LiberationSerif-Bold.ttf",
    ),
    FontFamily("Carlito", "sans", "crosextra/Carlito-Regular.ttf", "crosextra/Carlito-Bold.ttf"),
    FontFamily(
        "Lato", "sans", "lato/Lato-Regular.ttf", "lato/Lato-Bold.ttf", "lato/Lato-Light.ttf"
    ),
    FontFamily(
        "Open Sans",
        "sans",
        "open-sans/OpenSans-Regular.ttf",
        "open-sans/OpenSans-Bold.ttf",
        "open-sans/OpenSans-Light.ttf",
    ),
    FontFamily(
        "Roboto",
        "sans",
        "roboto/unhinted/RobotoTTF/Roboto-Regular.ttf",
        "roboto/unhinted/RobotoTTF/Roboto-Bold.ttf",
        "roboto/unhinted/RobotoTTF/Roboto-Light.ttf",
    ),
    FontFamily(
        "Roboto Condensed",
        "condensed",
        "roboto/unhinted/RobotoCondensed-Regular.ttf",
        "roboto/unhinted/RobotoCondensed-Bold.ttf",
        "roboto/unhinted/RobotoCondensed-Light.ttf",
    ),
    FontFamily("Noto Sans", "sans", "noto/NotoSans-Regular.ttf", "noto/NotoSans-Bold.ttf"),
    FontFamily("Noto Serif", "serif", "noto/NotoSerif-Regular.ttf", "noto/NotoSerif-Bold.ttf"),
)


def _covers_umlauts(path: Path) -> bool:
    font = ImageFont.truetype(str(path), 40)
    missing = font.getmask("\uffff").getbbox()  # what this font draws for a glyph it lacks
    return all(font.getmask(c).getbbox() != missing for c in "äöüÄÖÜß")


@functools.cache
def available_families() -> tuple[FontFamily, ...]:
    """Installed families whose files exist and draw umlauts; raises when there are none."""
    found = []
    for fam in FAMILIES:
        paths = [FONT_DIR / p for p in (fam.regular, fam.bold, fam.light) if p]
        if all(p.is_file() for p in paths) and all(_covers_umlauts(p) for p in paths):
            found.append(fam)
    if not found:
        raise RuntimeError(f"no usable fonts under {FONT_DIR}: apt-get install fonts-dejavu-core")
    return tuple(found)


@functools.cache
def font(rel_path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_DIR / rel_path), size)


@functools.cache
def x_height_ratio(rel_path: str) -> float:
    top, bottom = font(rel_path, 200).getbbox("x")[1::2]
    return (bottom - top) / 200


# Accent colours for light cards, and the dark backgrounds with their light inks.
ACCENTS: tuple[Rgb, ...] = (
    (20, 50, 110),
    (0, 110, 120),
    (130, 20, 40),
    (30, 110, 60),
    (215, 105, 20),
    (190, 30, 35),
    (90, 50, 130),
    (70, 90, 110),
    (160, 120, 30),
)
PAPERS: tuple[Rgb, ...] = (
    (252, 252, 250),
    (250, 247, 238),
    (243, 243, 240),
    (238, 243, 248),
    (255, 255, 255),
)
INKS: tuple[Rgb, ...] = ((25, 25, 25), (40, 40, 48), (30, 40, 62), (10, 10, 10))
DARK_BGS: tuple[Rgb, ...] = (
    (18, 32, 64),
    (38, 40, 44),
    (16, 16, 18),
    (20, 60, 45),
    (90, 20, 35),
    (0, 72, 84),
)
LIGHT_ACCENTS: tuple[Rgb, ...] = ((225, 185, 95), (130, 215, 215), (215, 215, 215), (245, 155, 70))

LAYOUTS = ("left", "right", "centered", "two_column", "band")
LOGO_SHAPES = ("circle", "square", "diamond", "rounded", "bars")


@dataclass(frozen=True)
class CardStyle:
    layout: str
    portrait: bool
    dark: bool
    family: FontFamily
    bg: Rgb
    ink: Rgb
    muted: Rgb  # title and department
    accent: Rgb
    on_accent: Rgb  # text on the accent colour (band, logo)
    margin_mm: float
    name_pt: float
    title_pt: float
    org_pt: float
    contact_pt: float
    min_x_height: float  # px at 12 px/mm: the fit never goes below this for contact lines
    spacing: float  # line advance as a multiple of the font's ascent + descent
    name_bold: bool
    title_light: bool
    label_bold: bool
    label_accent: bool
    tabs: bool  # values aligned in a column after the labels
    address_first: bool  # address block above phones and e-mail
    compact_phones: bool  # two phones on one line: "T +49 ... · F +49 ..."
    logo: str | None  # shape, or None for text only
    rule: bool  # thin accent rule under the name block
    accent_bar: bool  # coloured strip along one edge
    qr: bool
    qr_mm: float

    @property
    def size_px(self) -> tuple[int, int]:
        w, h = (round(m * PX_PER_MM) for m in CARD_MM)
        return (h, w) if self.portrait else (w, h)


def _mix(a: Rgb, b: Rgb, t: float) -> Rgb:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def draw_style(
    rng: random.Random,
    *,
    difficulty: str,
    qr: bool,
    layout: str | None,
    dark: bool | None,
    portrait: bool | None,
) -> CardStyle:
    """Every visual choice of one card, drawn from ``rng`` in a fixed order."""
    families = available_families()
    family = rng.choice(families)
    is_dark = rng.random() < 0.15
    is_portrait = rng.random() < 0.08
    chosen = rng.choices(LAYOUTS, weights=(3, 1, 2, 2, 2))[0]
    is_dark = is_dark if dark is None else dark
    is_portrait = is_portrait if portrait is None else portrait
    chosen = layout or chosen
    if is_portrait and chosen not in ("left", "centered"):
        chosen = "left"
    if qr and chosen in ("band", "centered"):
        chosen = "left"
    if is_dark:
        bg, ink, accent = rng.choice(DARK_BGS), (246, 244, 238), rng.choice(LIGHT_ACCENTS)
        on_accent = bg
    else:
        bg, ink, accent = rng.choice(PAPERS), rng.choice(INKS), rng.choice(ACCENTS)
        on_accent = (255, 255, 255)
    muted = _mix(ink, bg, 0.25)
    return CardStyle(
        layout=chosen,
        portrait=is_portrait,
        dark=is_dark,
        family=family,
        bg=bg,
        ink=ink,
        muted=muted,
        accent=accent,
        on_accent=on_accent,
        margin_mm=rng.uniform(4.5, 6.5),
        name_pt=rng.uniform(11, 15),
        title_pt=rng.uniform(7.5, 9),
        org_pt=rng.uniform(9, 12),
        contact_pt=rng.uniform(7, 8.5),
        min_x_height=14.0 if difficulty == "easy" else 12.0,
        spacing=rng.uniform(1.0, 1.15),
        name_bold=rng.random() < 0.8,
        title_light=rng.random() < 0.4,
        label_bold=rng.random() < 0.3,
        label_accent=rng.random() < 0.5,
        tabs=rng.random() < 0.35,
        address_first=rng.random() < 0.4,
        compact_phones=rng.random() < 0.25,
        logo=rng.choice(LOGO_SHAPES) if rng.random() < 0.7 else None,
        rule=rng.random() < 0.4,
        accent_bar=rng.random() < 0.15,
        qr=qr,
        qr_mm=rng.uniform(20, 24),
    )
