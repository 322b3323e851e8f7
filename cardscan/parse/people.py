"""The person and the company from the lines left once the web, phones and address are taken:
name, title, organisation and department, each by its evidence (the e-mail spells the name,
a legal form marks the company, a title word the title, the place on the card)."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import replace

from cardscan.model import Origin
from cardscan.parse.company import (
    capitalise_org_words,
    continued_below,
    country_after_legal_form,
    domain_agreement,
    mentions_domain,
    name_lines_above,
    strip_debris,
)
from cardscan.parse.domains import correct_by_domain
from cardscan.parse.draft import Draft
from cardscan.parse.names import (
    correct_words,
    email_hits,
    has_given_name,
    matches_email,
    name_has_prefix,
    name_score,
    restore_umlauts,
    spelled_by_handles,
    split_name,
)
from cardscan.parse.rules import (
    DEPARTMENT_RE,
    DEPARTMENT_VOCABULARY,
    LEGAL_FORM_RE,
    ORG_VOCABULARY,
    ORG_WORDS,
    PARENT_NOTE_RE,
    PARTNERS_FIRM_RE,
    TITLE_RE,
    TITLE_SUFFIX_RE,
    TITLE_SUFFIXES,
    TITLE_VOCABULARY,
    ends_with_legal_form,
    fix_legal_form,
    is_area_line,
)
from cardscan.parse.segments import Segment, line_confidence, neighbours, same_column
from cardscan.parse.web import domain_words
from cardscan.text import fold, lower

log = logging.getLogger(__name__)


def org_score(text: str, domains: set[str]) -> float:
    if PARENT_NOTE_RE.match(text):
        return 0.0  # "A Subsidiary of Northwind Holdings Inc.": the owner, not the company
    score = 0.0
    if LEGAL_FORM_RE.search(fix_legal_form(text)):
        score += 0.8
    if _org_word(text):
        score += 0.4
    compact = re.sub(r"[^a-z0-9]", "", fold(text))
    for d in domains:
        dc = re.sub(r"[^a-z0-9]", "", d)
        if len(dc) >= 3 and (dc in compact or (len(compact) >= 3 and compact in dc)):
            score += 0.5
            break
    return min(score, 1.0)


def is_department(text: str) -> bool:
    spelled = spelled_department(text)
    return bool(DEPARTMENT_RE.search(spelled)) or (
        is_area_line(spelled) and not title_score(spelled)
    )


_UMLAUT_DOTS = str.maketrans("äöü", "aou")
_DOTLESS_DEPARTMENTS = {
    w.translate(_UMLAUT_DOTS): w for w in DEPARTMENT_VOCABULARY if w.translate(_UMLAUT_DOTS) != w
}


def spelled_department(text: str) -> str:
    """ "Qualitatsmanagement" -> "Qualitätsmanagement": a department's word with its umlaut's
    dots lost by OCR (nothing else: "Logistic" is no slip of "Logistik")."""

    def restore(m: re.Match[str]) -> str:
        word = m.group(0)
        printed = _DOTLESS_DEPARTMENTS.get(word.lower())
        if printed is None:
            return word
        return printed[0].upper() + printed[1:] if word[0].isupper() else printed

    return re.sub(r"[^\W\d_]{7,}", restore, text)


def has_org_marker(text: str) -> bool:
    """A legal form, an organisation word or a firm of partners: "Beispiel GmbH", "Stiftung
    Warentest", "Roth & Partner"."""
    return bool(LEGAL_FORM_RE.search(fix_legal_form(text))) or _org_word(text)


def _org_word(text: str) -> bool:
    """An organisation word ("Stiftung Warentest") or a firm of partners ("Roth & Partner")."""
    low = lower(text)
    return any(w in low for w in ORG_WORDS) or firm_of_partners(text)


def firm_of_partners(text: str) -> bool:
    """ "Brückner & Partner", not "Managing Director & Partner" (a title)."""
    m = PARTNERS_FIRM_RE.match(text)
    return m is not None and not title_score(m.group("names"))


def _names_a_trade(text: str) -> bool:
    """A legal form, or an organisation word as a word of its own, inflected at most by two
    letters: "AMBALAJ MALZEMELERİ TİCARETİ" names a firm's trade; "Kanzleivorsteherin" is a title."""
    if LEGAL_FORM_RE.search(fix_legal_form(text)):
        return True
    words = re.findall(r"[^\W\d_]+", lower(text))
    return any(w.startswith(o) and len(w) - len(o) <= 2 for w in words for o in ORG_WORDS)


def title_score(text: str) -> float:
    if TITLE_RE.search(text) or TITLE_SUFFIX_RE.search(text):
        return 0.8
    return 0.0


def _person_evidence(
    rest: list[Segment], i: int, emails: Sequence[str], handles: Sequence[str]
) -> bool:
    """Is a name line without a known first name a person's all the same? An e-mail or a
    profile spells it ("fredo.walcher@", "linkedin.com/in/fredo-walcher"), a title such as
    "Dr." comes before it, or a job title is printed right above or below it ("Kiichiro
    Watanuki" over "Director")."""
    text = rest[i].text
    return (
        matches_email(text, list(emails))
        or spelled_by_handles(text, handles)
        or name_has_prefix(text)
        or _beside_title(rest, i)
    )


def _beside_title(rest: list[Segment], i: int) -> bool:
    """Is a job title printed on the line right above or below segment i?"""
    line = rest[i].line
    for j in (i - 1, i + 1):
        if 0 <= j < len(rest) and rest[j].line != line and title_score(rest[j].text):
            return True
    return False


def assign_people_fields(contact: Draft, rest: list[Segment]) -> None:
    conf = contact.confidence
    domains = domain_words(contact.emails, contact.urls)
    max_h = max((s.line.height for s in rest), default=0.0) or 1.0

    # A name that only agrees with the domain ("Anna Müller", www.anna-mueller.de) is the
    # person, not a company: only legal forms and organisation words make it one.
    orgs = sorted(
        (
            (s, score)
            for s in rest
            if ((score := org_score(s.text, domains)) and has_org_marker(s.text))
            or name_score(s.text) < 0.6
        ),
        key=lambda p: p[1],
        reverse=True,
    )
    org_seg = orgs[0][0] if orgs and orgs[0][1] >= 0.5 else None

    # The line that spells the card's domain ("KORSAN" beside www.korsanmetal.com).
    agreement = {id(s): domain_agreement(s.text, domains) for s in rest}
    names: list[tuple[float, Segment]] = []
    # e-mail local parts and profile handles: "fredo.walcher@", "linkedin.com/in/fredo-walcher"
    handles = [e.partition("@")[0] for e in contact.emails]
    handles += [p.url.rstrip("/").rpartition("/")[2] for p in contact.profiles]
    for i, s in enumerate(rest):
        if s is org_seg:
            continue
        score = name_score(s.text)
        if score <= 0.2 or is_department(s.text) or has_org_marker(s.text):
            continue  # "Bella Rosa Restaurante" is no person
        if _beside_title(rest, i):  # "Serkan Aydoğan" over "Genel Müdür", not "Serkan Profil"
            score += 0.2
        if has_given_name(s.text):
            score += 0.2
        elif not _person_evidence(rest, i, contact.emails, handles):
            continue  # "Borracharia Central", "Lavanderia Estrela": a shop's card names no person
        if title_score(s.text) and not matches_email(s.text, contact.emails):
            score -= 0.5
        if s.line.height:
            score += 0.3 * (s.line.height / max_h)
        # the more of the name an e-mail spells, the surer: "serkanaydogan@" is Serkan Aydoğan's,
        # not the company Serkan Profil's
        score += 0.3 * email_hits(s.text, contact.emails)
        if score >= 0.5:
            names.append((score, s))
    names.sort(key=lambda p: p[0], reverse=True)
    # A name that spells the domain is the company's when another person is on the card:
    # "KEMAL PANO" (www.kemalpano.com.tr) above "Ayşe Kaya"; alone, "Anna Müller" of
    # www.anna-mueller.de is herself.
    others = [p for p in names if agreement[id(p[1])] < 0.5]
    best_name = others[0] if names and agreement[id(names[0][1])] >= 0.5 and others else None
    best_name = best_name or (names[0] if names else None)
    hints = [e.split("@")[0] for e in contact.emails] + sorted(domains)
    if best_name:
        name = split_name(restore_umlauts(best_name[1].text, hints))
        if name:
            contact.name = name
            conf["name"] = line_confidence([best_name[1].line], min(1.0, 0.5 + best_name[0] / 2))
    name_seg = best_name[1] if contact.name and best_name else None

    brands = [
        (agreement[id(s)], s)
        for s in rest
        if s is not name_seg
        and agreement[id(s)] >= 0.5
        and not is_department(s.text)
        and not title_score(s.text)
    ]
    named = (
        org_seg is not None
        and bool(LEGAL_FORM_RE.search(fix_legal_form(org_seg.text)))
        and mentions_domain(org_seg.text, domains)
    )

    # The name printed over the legal form's line: "DEMİRKAYA" / "SAN. ve TİC. LTD. ŞTİ."
    def begun_above(seg: Segment | None) -> list[Segment]:
        if seg is None or not has_org_marker(seg.text):
            return []
        k = next(k for k, s in enumerate(rest) if s is seg)
        return name_lines_above(rest, k, domains, lambda s: _may_name_company(s, name_seg))

    above = begun_above(org_seg)
    named = named or bool(above)
    if brands and not named:
        # The legal form's line does not name the company ("Endüstri Sanayi ve Tic. Ltd. Şti."
        # under the logo's "KORSAN"), or there is none: the name the domain spells is it.
        org_seg = max(brands, key=lambda p: p[0])[1]
    if org_seg is None:
        # No legal form or domain: fall back to a line with organisation words.
        cands = [(s, sc) for s, sc in orgs if s is not name_seg and sc >= 0.4]
        org_seg = cands[0][0] if cands else None
        above = begun_above(org_seg)  # "OZANLAR PROFİL" over "ALÜMİNYUM DOĞRAMA SANAYİ"
    certain = org_seg is not None and (
        (orgs and orgs[0][0] is org_seg and orgs[0][1] >= 0.8) or agreement[id(org_seg)] >= 0.5
    )
    if org_seg is not None:
        # "NORDHAFEN UNIVERSITY OF" / "APPLIED SCIENCES": the name goes on below
        k = next(k for k, s in enumerate(rest) if s is org_seg)
        below = continued_below(rest, k, lambda s: _may_name_company(s, name_seg))
        if below is not None:
            above, org_seg = [*above, org_seg], below
        text, country = country_after_legal_form(" ".join(s.text for s in [*above, org_seg]))
        if country and contact.address and not contact.address.country:
            # the country line, read into the company's
            contact.address = replace(contact.address, country=country)
        org = correct_words(strip_debris(fix_legal_form(text), domains), ORG_VOCABULARY)
        read = re.sub(r"\bCo\.(?=KG\b)", "Co. ", org)
        org = correct_by_domain(read, domains)
        contact.organization = capitalise_org_words(restore_umlauts(org, hints))
        org_lines = [s.line for s in [*above, org_seg]]
        conf["organization"] = line_confidence(org_lines, 0.95 if certain else 0.7)
        if org != read:  # "Aipenblick Logistik GmbH" spelled as alpenblick-logistik.de: flagged
            contact.set_origin(
                Origin(
                    "organization", contact.organization, "repaired", "spelled-as-the-domain", read
                )
            )

    taken = {id(s) for s in [name_seg, org_seg, *above] if s is not None}
    left = [s for s in rest if id(s) not in taken]
    # (a line that starts with a title word is the title: "Leiterin Forschung & Entwicklung")
    dept = next((s for s in left if is_department(s.text) and not TITLE_RE.match(s.text)), None)
    if dept is not None:
        contact.department = spelled_department(dept.text)
        conf["department"] = line_confidence([dept.line], 0.8)
        if contact.department != dept.text:
            contact.set_origin(
                Origin("department", contact.department, "repaired", "umlaut-dots-lost", dept.text)
            )
        left.remove(dept)
    # (a line that ends with a legal form is a company's: "Rechtsanwälte Steuerberater mbB";
    # "Group Associate Director" is a title)
    titles = [s for s in left if title_score(s.text) and not ends_with_legal_form(s.text)]
    title_seg: Segment | None = None
    if titles:
        # Nearest to the name wins when several lines look like titles.
        if name_seg is not None:
            titles.sort(key=lambda s: abs(s.line.top - name_seg.line.top))
        title_seg = titles[0]
        contact.title = correct_words(titles[0].text, TITLE_VOCABULARY, TITLE_SUFFIXES)
        conf["title"] = line_confidence([titles[0].line], 0.9)
    elif name_seg is not None and left:
        # A title without a known title word: the line right under the name in its column, if
        # it is plain text and names no company (not an address's leftover at the card's foot).
        k = next(k for k, s in enumerate(rest) if s is name_seg)
        under = [rest[j] for j in neighbours(rest, k, up=False)]
        under = [s for s in under if s.line.top > name_seg.line.top]
        first = under[0] if under else None
        if (
            first is not None
            and any(first is s for s in left)
            and not re.search(r"\d", first.text)
            and 4 <= len(first.text) < 60
            and first.line.confidence >= 0.6
            and sum(ch.isalpha() for ch in first.text) >= 0.8 * len(first.text.replace(" ", ""))
            and not _names_a_trade(first.text)
        ):
            title_seg = first
            contact.title = correct_words(first.text, TITLE_VOCABULARY, TITLE_SUFFIXES)
            conf["title"] = line_confidence([first.line], 0.5)
    # (only where the company was found elsewhere: else the line may well be the company)
    if contact.department is None and title_seg and name_seg and contact.organization:
        dept = _department_under(title_seg, rest, [s for s in left if s is not title_seg])
        if dept is not None:
            contact.department = dept.text
            conf["department"] = line_confidence([dept.line], 0.5)


def _may_name_company(seg: Segment, name_seg: Segment | None) -> bool:
    """May a line above the legal form's line begin the company's name? Not the person's name,
    a title or a department; with no person found, no line with a given name either ("Anna
    Berger" over "Berger Immobilien GmbH")."""
    titled = title_score(seg.text) and not has_org_marker(seg.text)  # not "Roth & Partner"
    if seg is name_seg or titled or is_department(seg.text):
        return False
    return name_seg is not None or not has_given_name(seg.text)


def _department_under(title: Segment, rest: list[Segment], left: list[Segment]) -> Segment | None:
    """A department without a known word ("Zentraleinkauf", "Supply Chain"): plain text on the
    line right under the person's title, in its column, that names no company (a second
    person's name under the first one's title is not to be expected)."""
    under = [s for s in rest if s.line.top > title.line.top and same_column(s.line, title.line)]
    if not under:
        return None
    nearest = min(under, key=lambda s: s.line.top)
    text = nearest.text
    letters = sum(ch.isalpha() for ch in text)
    plain = (
        nearest in left
        and 3 <= len(text) <= 40
        and not re.search(r"[\d@/]", text)
        and letters >= 0.8 * len(text.replace(" ", ""))
        and nearest.line.confidence >= 0.6
    )
    if plain and not has_org_marker(text) and not title_score(text):
        return nearest
    return None
