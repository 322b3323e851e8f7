"""What a synthetic card says: a Contact plus exactly how each of its values is printed."""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

from faker import Faker

from cardscan.model import Address, Contact, Name, Phone, PhoneType, Profile
from tools.gencards import phones as ph
from tools.gencards import tables as tb

T = TypeVar("T")


@dataclass(frozen=True)
class Features:
    """Card features to force (None: drawn at random). The curated samples use these."""

    layout: str | None = None  # "left", "right", "centered", "two_column", "band"
    dark: bool | None = None  # light text on a dark background
    portrait: bool | None = None
    rotation: int | None = None  # 0, 90, 180, 270 (clockwise, as the card lies in the photo)
    prefix: str | None = None  # "Dr.", "Mag."; "" forces no prefix
    name_caps: bool | None = None
    one_line_address: bool | None = None
    postcode_prefix: bool | None = None  # "D-10115", "A-1010", "CH-8001"
    country_line: bool | None = None
    profile: str | None = None  # "linkedin", "xing" or "" for none
    light: str | None = None  # "even", "gradient", "strong" (hard shadow across the card)
    background: str | None = None  # "wood", "grey", "white", "dark", "busy"
    card_width: float | None = None  # card's bounding-box width / photo width (0.35-0.86)


@dataclass(frozen=True)
class Printed:
    """One value and the label printed before it ("Tel.", "E-Mail"; None: no label)."""

    label: str | None
    text: str


@dataclass
class CardContent:
    locale: str
    lang: str
    name: Name | None  # None: a company's card
    name_caps: bool
    title: str | None
    department: str | None
    organization: str
    logo_text: str
    phones: list[tuple[Printed, Phone]]
    emails: list[Printed]
    url: tuple[Printed, str] | None  # printed form, truth URL
    profiles: list[tuple[Printed, Profile]]
    address: Address
    address_lines: list[str]  # printed lines without the country line
    address_sep: str | None  # one-line address joined with this separator
    label_colon: bool  # "Tel.: 030 ..." rather than "Tel. 030 ..."
    meta: dict[str, str | int | float | bool] = field(default_factory=dict)

    def printed_name(self) -> str:
        if self.name is None:
            return ""
        return self.name.full.upper() if self.name_caps else self.name.full

    def printed_address(self) -> list[str]:
        lines = list(self.address_lines)
        if self.address.country:
            lines.append(self.address.country)
        if self.address_sep:
            return [self.address_sep.join(lines)]
        return lines

    def to_contact(self, source: str) -> Contact:
        return Contact(
            source=source,
            name=self.name,
            title=self.title,
            organization=self.organization,
            department=self.department,
            phones=[p for _, p in self.phones],
            emails=[e.text for e in self.emails],
            urls=[self.url[1]] if self.url else [],
            profiles=[p for _, p in self.profiles],
            address=self.address,
        )

    def optional_count(self) -> int:
        """How many droppable items the card has (see ``shrink``)."""
        return (
            len(self.profiles)
            + len(self.emails)
            + len(self.phones)
            + bool(self.department)
            + bool(self.address.country)
        )

    def shrink(self) -> CardContent | None:
        """The same card with one optional item less (to make it fit), or None."""
        if self.profiles:
            return replace(self, profiles=[])
        if len(self.emails) > 1:
            return replace(self, emails=self.emails[:1])
        if len(self.phones) > 2:
            return replace(self, phones=self.phones[:2])
        if self.department:
            return replace(self, department=None)
        if self.address.country:
            return replace(self, address=replace(self.address, country=None))
        if len(self.phones) > 1:
            return replace(self, phones=self.phones[:1])
        return None


_TRANSLIT = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
)


def ascii_fold(text: str) -> str:
    """German transliteration (ä -> ae), then accents dropped: what goes into e-mail addresses."""
    text = unicodedata.normalize("NFKD", text.translate(_TRANSLIT))
    return "".join(c for c in text if not unicodedata.combining(c))


def _slug(text: str, joiner: str = "") -> str:
    return joiner.join(w for w in re.split(r"[^a-z0-9]+", ascii_fold(text).lower()) if w)


def _weighted(rng: random.Random, options: Sequence[tuple[T, float]]) -> T:
    return rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


def _last_name(fake: Faker) -> str:
    name = fake.last_name()
    while not re.fullmatch(r"[A-ZÄÖÜ][^\W\d_]+(-[A-ZÄÖÜ][^\W\d_]+)?", name):
        name = fake.last_name()  # Faker also yields "Koch II" or "Müller B.Eng."
    return name


def _name(
    rng: random.Random, fake: Faker, locale: str, lang: str, f: Features
) -> tuple[Name, bool]:
    female = rng.random() < 0.45
    given = fake.first_name_female() if female else fake.first_name_male()
    if rng.random() < (0.1 if lang == "de" else 0.0):
        given = rng.choice(tb.HYPHEN_GIVEN["female" if female else "male"])
    family = _last_name(fake)
    if rng.random() < 0.08:
        family = rng.choice(tb.PARTICLE_FAMILIES[lang])
    p_prefix = {"de_DE": 0.22, "de_AT": 0.3, "de_CH": 0.12}.get(locale, 0.05)
    prefix: str | None = _weighted(rng, tb.PREFIXES[locale]) if rng.random() < p_prefix else None
    if f.prefix is not None:
        prefix = f.prefix or None
    if prefix and female:
        prefix = tb.FEMALE_PREFIX.get(prefix, prefix)
    suffix = rng.choice(tb.SUFFIXES) if rng.random() < (0.06 if lang == "de" else 0.1) else None
    if suffix == "PhD" and prefix and "Dr." in prefix:
        suffix = None
    full = " ".join(p for p in (prefix, given, family) if p) + (f", {suffix}" if suffix else "")
    return Name(full=full, prefix=prefix, given=given, family=family, suffix=suffix), female


def _company(rng: random.Random, fake: Faker, locale: str, lang: str) -> tuple[str, str, str]:
    """(organization as printed, domain without TLD, logo initials)."""
    form = _weighted(rng, tb.LEGAL_FORMS[locale])
    pattern = rng.choice(("pair", "branch", "brand_branch", "family", "brand"))
    if pattern == "pair":
        words = [_last_name(fake), "&", _last_name(fake)]
    elif pattern == "branch":
        words = [_last_name(fake), rng.choice(tb.BRANCHES[lang])]
    elif pattern == "brand_branch":
        words = [rng.choice(tb.BRANDS), rng.choice(tb.BRANCHES[lang])]
    elif pattern == "family":
        words = [_last_name(fake)]
    else:
        words = [rng.choice(tb.BRANDS)]
    base = " ".join(words)
    domain = _slug(base, rng.choice(("-", "-", "")))
    initials = "".join(w[0] for w in words if w[0].isalpha())[:3].upper()
    return f"{base} {form}", domain, initials


def _title(rng: random.Random, lang: str, female: bool) -> str:
    if lang == "de" and rng.random() < 0.85:
        male_form, female_form = rng.choice(tb.TITLES_DE)
        return female_form if female else male_form
    return rng.choice(tb.TITLES_EN)


def _label(rng: random.Random, options: Sequence[str | None]) -> str | None:
    return rng.choice(list(options))


def _phones(
    rng: random.Random, info: tb.LocaleInfo, area: str
) -> tuple[list[tuple[Printed, Phone]], str]:
    """The card's phones and the print style of their numbers."""
    n = _weighted(rng, ((1, 3), (2, 5), (3, 2)))
    kinds: list[PhoneType] = ["work" if rng.random() < 0.95 else "mobile"]
    for _ in range(n - 1):  # then the switchboard, a mobile (more often) or the fax
        if "work" not in kinds:
            kinds.append("work")
        elif "mobile" not in kinds and ("fax" in kinds or rng.random() < 0.7):
            kinds.append("mobile")
        else:
            kinds.append("fax")
    style = rng.choice(ph.STYLES[info.region])
    short = rng.random() < 0.35  # one-letter labels "T", "M", "F" on the whole card
    out: list[tuple[Printed, Phone]] = []
    work_num = None
    for kind in kinds:
        if kind == "fax" and work_num is not None and rng.random() < 0.6:
            num = ph.sibling_number(rng, work_num)
        else:
            num = ph.random_number(rng, info, kind, area)
        if kind == "work":
            work_num = num
        text = ph.format_number(num, style, rng)
        ext = None
        if kind == "work" and info.region in ("US", "GB") and rng.random() < 0.08:
            ext = str(rng.randint(100, 499))
            text += rng.choice((" ext. ", " x", " Ext. ")) + ext
        labels = tb.PHONE_LABELS[info.lang][kind]
        label = rng.choice([x for x in labels if (len(x) == 1) == short])
        out.append((Printed(label, text), Phone(ph.e164(num), kind, ext)))
    return out, style


def _street(rng: random.Random, fake: Faker, locale: str) -> str:
    if locale == "en_GB":
        return f"{rng.randint(1, 250)} {rng.choice(tb.STREETS_GB)}"
    if locale == "en_US":
        suite = (
            f", Suite {rng.randint(1, 30) * 10 + rng.randint(0, 9)}" if rng.random() < 0.3 else ""
        )
        return f"{rng.randint(10, 9999)} {rng.choice(tb.STREETS_US)}{suite}"
    street = fake.street_name()
    while not street[:1].isupper():  # Faker's de_DE also yields "auch Schlauchinweg"
        street = fake.street_name()
    if rng.random() < 0.3:
        street = rng.choice(tb.STREETS_DACH[locale])
    number = str(rng.randint(1, 180))
    r = rng.random()
    if locale == "de_AT" and r < 0.25:
        number += f"/{rng.randint(1, 12)}"  # Austrian door numbers: "Mariahilfer Straße 5/3"
    elif r < 0.1:
        number += rng.choice("abc")
    elif r < 0.15:
        number += f"-{int(number) + 2}"
    return f"{street} {number}"


def _address(
    rng: random.Random, fake: Faker, locale: str, f: Features
) -> tuple[Address, list[str], str | None, str]:
    """(truth address, printed lines without country, one-line separator, phone area code)."""
    info = tb.LOCALES[locale]
    city = rng.choice(info.cities)
    area = rng.choice(city.area_codes)
    city_name, postcode = city.name, rng.choice(city.postcodes)
    if locale in ("de_DE", "de_AT", "de_CH") and rng.random() < 0.3:
        city_name, postcode = fake.city(), fake.postcode()  # smaller towns, Faker's postcodes
    street = _street(rng, fake, locale)
    region = None
    if locale == "en_GB":
        inward = str(rng.randint(0, 9)) + "".join(rng.choice("ABDEFGHJLNPQRSTUWXYZ") for _ in "ab")
        postcode = f"{postcode} {inward}"
        city_lines = [f"{city_name} {postcode}"] if rng.random() < 0.6 else [city_name, postcode]
    elif locale == "en_US":
        region = city.region
        city_lines = [f"{city_name}, {region} {postcode}"]
    else:
        with_prefix = rng.random() < 0.12
        if f.postcode_prefix is not None:
            with_prefix = f.postcode_prefix
        pre = info.postcode_prefix if with_prefix and info.postcode_prefix else ""
        city_lines = [f"{pre}{postcode} {city_name}"]
    country = rng.choice(info.countries) if rng.random() < 0.2 else None
    if f.country_line is not None:
        country = rng.choice(info.countries) if f.country_line else None
    one_line = rng.random() < 0.2 if f.one_line_address is None else f.one_line_address
    sep = rng.choice((" · ", " | ", ", ", " • ")) if one_line else None
    if sep and locale == "en_US" and sep == ", ":
        sep = " | "
    addr = Address(
        street=street, postal_code=postcode, city=city_name, region=region, country=country
    )
    return addr, [street, *city_lines], sep, area


def make_content(rng: random.Random, fake: Faker, locale: str, f: Features) -> CardContent:
    info = tb.LOCALES[locale]
    lang = info.lang
    name, female = _name(rng, fake, locale, lang, f)
    org, domain, initials = _company(rng, fake, locale, lang)
    tld = "com" if locale == "en_GB" and rng.random() < 0.2 else info.tld
    host = f"{domain}.{tld}"
    title = _title(rng, lang, female) if rng.random() < 0.92 else None
    department = rng.choice(tb.DEPARTMENTS[lang]) if rng.random() < 0.2 else None
    address, lines, sep, area = _address(rng, fake, locale, f)
    phones, phone_style = _phones(rng, info, area)

    g, fam = _slug(name.given or "", "-"), _slug(name.family or "")
    local = rng.choice((f"{g}.{fam}", f"{g}.{fam}", f"{g[0]}.{fam}", f"{g[0]}{fam}", g, fam))
    email_label = _label(rng, tb.EMAIL_LABELS[lang])
    emails = [Printed(email_label, f"{local}@{host}")]
    if rng.random() < 0.12:
        generic = rng.choice(("info", "office", "kontakt") if lang == "de" else ("info", "hello"))
        emails.append(Printed(email_label, f"{generic}@{host}"))
    url = None
    if rng.random() < 0.85:
        shown = f"www.{host}" if rng.random() < 0.75 else f"https://www.{host}"
        url = (Printed(_label(rng, tb.WEB_LABELS[lang]), shown), f"https://www.{host}")

    network = ""
    if rng.random() < 0.3:
        network = "xing" if lang == "de" and rng.random() < 0.55 else "linkedin"
    if f.profile is not None:
        network = f.profile
    profiles: list[tuple[Printed, Profile]] = []
    www = "www." if rng.random() < 0.2 else ""
    if network == "linkedin":
        tag = "".join(rng.choice("0123456789abcdef") for _ in range(rng.choice((6, 8))))
        slug = rng.choice((f"{g}-{fam}-{tag}", f"{g}-{fam}", f"{g}{fam}"))
        label = rng.choice((None, None, "LinkedIn"))
        profiles.append(
            (
                Printed(label, f"{www}linkedin.com/in/{slug}"),
                Profile("linkedin", f"https://www.linkedin.com/in/{slug}"),
            )
        )
    elif network == "xing":
        given_x = re.sub(r"[^A-Za-z0-9]+", "", ascii_fold(name.given or "").split("-")[0])
        fam_x = re.sub(r"[^A-Za-z0-9]+", "", ascii_fold(name.family or "").title())
        slug = f"{given_x}_{fam_x}{rng.choice(('', '', str(rng.randint(2, 99))))}"
        label = rng.choice((None, None, "XING"))
        profiles.append(
            (
                Printed(label, f"{www}xing.com/profile/{slug}"),
                Profile("xing", f"https://www.xing.com/profile/{slug}"),
            )
        )

    caps = rng.random() < 0.08 if f.name_caps is None else f.name_caps
    return CardContent(
        locale=locale,
        lang=lang,
        name=name,
        name_caps=caps,
        title=title,
        department=department,
        organization=org,
        logo_text=initials,
        phones=phones,
        emails=emails,
        url=url,
        profiles=profiles,
        address=address,
        address_lines=lines,
        address_sep=sep,
        label_colon=rng.random() < 0.35,
        meta={
            "phone_style": phone_style,
            "postcode_prefix": bool(info.postcode_prefix)
            and lines[-1].startswith(info.postcode_prefix or "-"),
            "particle": " " in (name.family or ""),
            "hyphen_given": "-" in (name.given or ""),
        },
    )
