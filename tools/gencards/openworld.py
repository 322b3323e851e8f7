"""Open-world cards: what real cards print that the parser was never shown.

The classic generator builds every local part from the printed name and every domain from the
company, and draws its titles, legal forms and label words from a short list. A parser tuned
on it can gain by bending readings toward the name. Here a classic card is changed the ways
real cards differ: addresses that do not spell the name (nicknames, a former family name,
initials, digits, +tags) beside team and assistant mailboxes, e-mail domains unlike the
website (a group domain, another hyphenation or top-level domain), labels in lower case or
after a bar, titles, departments, branch words and legal forms of this module's own tables
(the parser's tables are never imported here), company cards with no person, numbers printed
without a country code, US states spelled out.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace

import phonenumbers
from faker import Faker

from cardscan.model import Name, Phone
from tools.gencards.content import CardContent, Printed, ascii_fold

# Titles of this module's own, many of them unknown to the parser: (male form, female form).
TITLES_DE: tuple[tuple[str, str], ...] = (
    ("Kundenbetreuer", "Kundenbetreuerin"),
    ("Disponent", "Disponentin"),
    ("Bauleiter", "Bauleiterin"),
    ("Fachberater Innenausbau", "Fachberaterin Innenausbau"),
    ("Gruppenleiter Qualitätssicherung", "Gruppenleiterin Qualitätssicherung"),
    ("Werkstudent", "Werkstudentin"),
    ("Kanzleivorsteher", "Kanzleivorsteherin"),
    ("Mediengestalter", "Mediengestalterin"),
    ("Objektmanager", "Objektmanagerin"),
    ("Referent der Geschäftsleitung", "Referentin der Geschäftsleitung"),
    ("Meister Elektrotechnik", "Meisterin Elektrotechnik"),
    ("Verkaufsberater", "Verkaufsberaterin"),
    ("Sachbearbeiter Export", "Sachbearbeiterin Export"),
    ("Partner", "Partnerin"),
)
TITLES_EN: tuple[str, ...] = (
    "Talent Acquisition Partner",
    "Solutions Architect",
    "Customer Happiness Lead",
    "Regional Account Executive",
    "Data Scientist",
    "Head of People",
    "Field Service Technician",
    "Creative Lead",
    "Associate",
    "Client Relationship Manager",
    "Store Manager",
    "Paralegal",
)
DEPARTMENTS = {
    "de": (
        "Zentraleinkauf",
        "Unternehmenskommunikation",
        "Kundenservice",
        "Gebäudemanagement",
        "Rechnungswesen",
        "Export & Zoll",
    ),
    "en": (
        "Supply Chain",
        "Legal & Compliance",
        "Talent Acquisition",
        "Product Design",
        "Facilities",
        "Investor Relations",
    ),
}
BRANCHES = {
    "de": ("Druckerei", "Werkzeugbau", "Gebäudetechnik", "Holzbau", "Feinmechanik", "Kellerei"),
    "en": ("Outfitters", "Robotics", "Brewing", "Interiors", "Ventures", "Dynamics"),
}
LEGAL_FORMS = {
    "de_DE": ("GmbH & Co. KGaA", "eG", "gGmbH", "PartG mbB", "OHG", "GmbH"),
    "de_AT": ("GesmbH", "e.U.", "GmbH", "KG"),
    "de_CH": ("Sàrl", "GmbH", "AG", "Genossenschaft"),
    "en_GB": ("Ltd.", "LLP", "CIC", "Limited"),
    "en_US": ("PLLC", "L.P.", "LLC", "Inc."),
}
# Words of brand names: "Kestrel Robotics LLC".
BRANDS = ("Kestrel", "Ammonit", "Talweg", "Fernhill", "Orbis", "Lindgrün", "Marlow", "Quarzit")
# Team and assistant mailboxes printed beside the person's address, and a company's only one.
TEAM_MAILBOXES = {
    "de": ("assistenz", "sekretariat", "backoffice", "buchhaltung", "anfragen", "zentrale"),
    "en": ("assistant", "press", "events", "careers", "accounts", "enquiries"),
}
# Labels as cards print them beyond "E-Mail": in lower case, or before a bar.
EMAIL_LABELS = {"de": ("e-mail", "mail", "E-Mail |", "Mail |"), "en": ("email", "e", "Email |")}
PHONE_LABELS = {
    "de": {"work": ("tel.", "fon", "Tel. |"), "mobile": ("mobil", "Mobil |"), "fax": ("fax",)},
    "en": {"work": ("phone", "Phone |", "office"), "mobile": ("mobile", "cell"), "fax": ("fax",)},
}
US_STATES = {
    "NY": "New York", "IL": "Illinois", "CA": "California", "TX": "Texas", "WA": "Washington",
    "MA": "Massachusetts", "CO": "Colorado", "GA": "Georgia", "OR": "Oregon", "MN": "Minnesota",
}  # fmt: skip


def _slug(text: str, joiner: str = "") -> str:
    return joiner.join(w for w in re.split(r"[^a-z0-9]+", ascii_fold(text).lower()) if w)


def _company(rng: random.Random, fake: Faker, content: CardContent) -> tuple[str, str]:
    """A company of this module's own words: (organisation as printed, domain label)."""
    lang = content.lang
    head = rng.choice(BRANDS) if rng.random() < 0.5 else fake.last_name().split()[0]
    words = [head, rng.choice(BRANCHES[lang])]
    form = rng.choice(LEGAL_FORMS[content.locale])
    return f"{' '.join(words)} {form}", _slug(" ".join(words), rng.choice(("-", "")))


def _local_part(rng: random.Random, fake: Faker, name: Name) -> str:
    """An address of the person that does not (only) spell the printed name."""
    g, fam = _slug(name.given or "", "-"), _slug(name.family or "")
    kind = rng.choice(("nickname", "former", "initials", "digits", "tag", "first"))
    if kind == "nickname":
        return g.split("-")[0][: rng.choice((3, 4))] + rng.choice(("", "", "i", "y"))
    if kind == "former":  # a family name from before a marriage
        return f"{g}.{_slug(fake.last_name())}"
    if kind == "initials":
        return rng.choice((f"{g[0]}{fam[0]}", f"{g[0]}.{fam[0]}", f"{g[0]}{fam[:2]}"))
    if kind == "digits":
        return rng.choice((f"{g}.{fam}{rng.randint(1, 99)}", f"{g[0]}{fam}{rng.randint(1, 9)}"))
    if kind == "tag":
        return f"{g}.{fam}+{rng.choice(('cards', 'messe', 'events', 'kontakt'))}"
    return g.capitalize() + "." + fam.capitalize()  # printed with capitals: Anna.Berg@


def _other_domain(rng: random.Random, host: str) -> str:
    """An e-mail domain unlike the website's: a group domain, another hyphenation or TLD."""
    label, _, tld = host.partition(".")
    first = label.split("-")[0]
    kind = rng.choice(("group", "hyphen", "tld"))
    if kind == "group":
        return rng.choice((f"{first}-group.com", f"{first}-gruppe.de", f"{first}group.com"))
    if kind == "hyphen" and "-" in label:
        return f"{label.replace('-', '')}.{tld}"
    if kind == "hyphen":
        return f"{first}-mail.{tld}"
    return f"{label}.{'com' if tld != 'com' else 'net'}"


def open_world(rng: random.Random, fake: Faker, content: CardContent) -> CardContent:
    """The classic card ``content`` changed the ways real cards differ (see the docstring)."""
    lang, c = content.lang, content
    org, label = c.organization, ""
    if rng.random() < 0.5:
        org, label = _company(rng, fake, c)
    url_host = c.url[1].removeprefix("https://www.") if c.url else ""
    host = c.emails[0].text.partition("@")[2]
    if label:  # the new company's own domain
        tld = host.partition(".")[2]
        host = url_host = f"{label}.{tld}"
    email_host = _other_domain(rng, host) if rng.random() < 0.3 else host
    url = (Printed(c.url[0].label, c.url[0].text.replace(c.url[1].removeprefix("https://www."), url_host)), f"https://www.{url_host}") if c.url else None  # fmt: skip
    email_label = rng.choice(EMAIL_LABELS[lang]) if rng.random() < 0.4 else c.emails[0].label
    person = rng.random() >= 0.12
    name: Name | None = c.name
    title, department = c.title, c.department
    if person and rng.random() < 0.5:
        male, female = rng.choice(TITLES_DE) if lang == "de" else (rng.choice(TITLES_EN),) * 2
        title = female if rng.random() < 0.45 else male
    if rng.random() < 0.3:
        department = rng.choice(DEPARTMENTS[lang])
    if person:
        assert name is not None
        local = _local_part(rng, fake, name) if rng.random() < 0.5 else c.emails[0].text.partition("@")[0]  # fmt: skip
        emails = [Printed(email_label, f"{local}@{email_host}")]
        if rng.random() < 0.25:
            emails.append(Printed(email_label, f"{rng.choice(TEAM_MAILBOXES[lang])}@{email_host}"))
        profiles = c.profiles
    else:  # a company's card: no person, the company's mailbox
        name, title, profiles = None, None, []
        emails = [Printed(email_label, f"{rng.choice(TEAM_MAILBOXES[lang])}@{email_host}")]
    phones = c.phones
    if rng.random() < 0.4:  # no country code: "(212) 555-0147", "030 1234567"
        phones = [
            (shown if p.extension else replace(shown, text=_national(p)), p) for shown, p in phones
        ]
    if rng.random() < 0.4:
        phones = [
            (Printed(rng.choice(PHONE_LABELS[lang][p.type]), shown.text), p) for shown, p in phones
        ]
    address, lines = c.address, c.address_lines
    if c.address.region in US_STATES and rng.random() < 0.5:
        spelled = US_STATES[c.address.region]
        address = replace(c.address, region=spelled)
        lines = [ln.replace(f", {c.address.region} ", f", {spelled} ") for ln in lines]
    bar_labels = any(p.label and p.label.endswith("|") for p, _ in phones) or (
        email_label is not None and email_label.endswith("|")
    )
    return replace(
        c,
        name=name,
        title=title,
        department=department,
        organization=org,
        logo_text="".join(w[0] for w in org.split()[:2]).upper(),
        emails=emails,
        url=url,
        profiles=profiles,
        phones=phones,
        address=address,
        address_lines=lines,
        label_colon=c.label_colon and not bar_labels,
        meta={
            **c.meta,
            "world": "open",
            "person": person,
            "email_host_differs": email_host != host,
        },
    )


def _national(phone: Phone) -> str:
    """The number as printed in its own country, without the country code."""
    num = phonenumbers.parse(phone.number)
    return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.NATIONAL)
