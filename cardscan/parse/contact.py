"""Assemble a Contact from card lines: web, phones, address first, then name/title/company."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from cardscan.labels import LABEL_ALONE_RE
from cardscan.model import Contact, Origin, Phone
from cardscan.parse.address import build_address, country_of, find_city
from cardscan.parse.address_shapes import Piece, brazilian_address, turkish_address
from cardscan.parse.broken_domains import repair_by_hosts
from cardscan.parse.checks import crosscheck, settle
from cardscan.parse.company import spelled_by_domain
from cardscan.parse.domains import agree_domains, host_of
from cardscan.parse.draft import Draft
from cardscan.parse.lines import TextLine, clean, split_segments
from cardscan.parse.names import has_given_name, matches_email, name_score, repair_name_slips
from cardscan.parse.people import assign_people_fields, has_org_marker, title_score
from cardscan.parse.phones import (
    PhoneFind,
    area_code,
    continued_line,
    find_local_numbers,
    find_phones,
    strip_phones,
)
from cardscan.parse.region import countries_named, infer_region
from cardscan.parse.rules import DEPARTMENT_RE, LEGAL_FORM_RE, TITLE_RE, names_a_company
from cardscan.parse.segments import Segment, line_confidence, neighbours
from cardscan.parse.web import domain_words, find_web, join_split_address

log = logging.getLogger(__name__)

# Label words left over once the value after them was taken: "E-Mail: ...", "Web: ...".
_LEFTOVER_LABELS = LABEL_ALONE_RE


_ADDRESS_SHAPES = {"TR": turkish_address, "BR": brazilian_address}
#: Countries whose shape comes before the postcode: a Turkish card's postcode sits among the
#: district and the province after the door number ("No: 21 34710 Kadıköy / İstanbul"),
#: where the postcode + city reading takes the district for the city and loses the street.
SHAPE_FIRST = frozenset({"TR"})
#: Countries whose cards print a second number without the area code of the first: "(11)
#: 2345-6610 / 3987-1402" in Brazil. (Not Japan: there a postal mark read as 7 makes the
#: postcode "〒105-0011" look like such a number.)
LOCAL_NUMBER_REGIONS = frozenset({"BR"})


def _new_phone(phones: list[Phone], find: PhoneFind) -> bool:
    """Not yet on the card; or the same number under another label word: "T: 0212 555 90 14
    F: 0212 555 90 14" is the office's phone and its fax, two entries for the address book."""
    same = [p for p in phones if p.number == find.phone.number]
    return not same or (find.labelled and all(p.type != find.phone.type for p in same))


def _address_or_country(text: str) -> bool:
    """A line of an address ("District 7, Ho Chi Minh City, Vietnam", "1010 Wien, Österreich")
    or a country alone ("ÖSTERREICH"), not a title or a team that names one ("Leitung Vertrieb
    Österreich")."""
    return any(ch.isdigit() for ch in text) or country_of(text) is not None


def _shaped_address(contact: Draft, segments: list[Segment], used: set[int], region: str) -> None:
    """The address in the shape of the card's country (cardscan.parse.address_shapes)."""
    pieces = [Piece(s.text, _line_number(segments, s)) for s in segments]
    shaped = _ADDRESS_SHAPES[region](pieces, used)
    if shaped is not None:
        contact.address, taken = shaped
        for j in taken:
            segments[j].used = True
        contact.confidence["address"] = line_confidence([segments[j].line for j in taken], 0.8)


def _line_number(segments: list[Segment], seg: Segment) -> int:
    """The printed line a segment came from, numbered in reading order (the segments of one
    line share its position and size)."""
    key = (seg.line.top, seg.line.left, seg.line.height)
    return next(
        i for i, s in enumerate(segments) if (s.line.top, s.line.left, s.line.height) == key
    )


def _split_name_and_title(seg: Segment, emails: Sequence[str]) -> list[Segment]:
    """ "Anna Müller, Geschäftsführerin" or "Anna Müller | CEO" -> two segments; so is
    "Ralf Kessler Founder & CEO", the title set in another type on the name's line and read
    into it: a known first name and one or two more words that an e-mail spells
    ("rkessler@"), then a title word. (Without the e-mail, "Senior Account Manager" would
    split: "Senior" is someone's first name.)"""
    m = re.match(r"^(.+?)\s*[,–-]\s+(.+)$", seg.text)
    if m and name_score(m.group(1)) >= 0.6 and title_score(m.group(2)) > 0:
        return [Segment(m.group(1), seg.line), Segment(m.group(2), seg.line)]
    # "Associate Professor, Department of Applied Physics", "CEO, Helix Systems Inc.": the
    # title, then the department or the company with its legal form
    if (
        m
        and TITLE_RE.match(m.group(1))  # a title word first: not "Müller & Partner, ... GmbH"
        and not DEPARTMENT_RE.search(m.group(1))
        and not LEGAL_FORM_RE.search(m.group(1))
        and (
            DEPARTMENT_RE.match(m.group(2))
            # a company's name with its legal form, not the legal form alone ("Partner
            # Solutions, Inc." is one company)
            or (
                LEGAL_FORM_RE.search(m.group(2))
                and re.search(r"[^\W\d_]{3}", LEGAL_FORM_RE.sub("", m.group(2)))
            )
        )
    ):
        return [Segment(m.group(1), seg.line), Segment(m.group(2), seg.line)]
    words = seg.text.split()
    for k in (2, 3):
        name, title = " ".join(words[:k]), " ".join(words[k:])
        if (
            len(words) > k
            and title_score(words[k]) > 0  # the title starts there: "Director of Logistics"
            and title_score(title) > 0
            and not names_a_company(title)  # "Alvarez Tax Advisors LLC" is a company
            and not title_score(name)
            and has_given_name(name)
            and matches_email(name, list(emails))
            and name_score(name) >= 0.6
        ):
            return [Segment(name, seg.line), Segment(title, seg.line)]
    return [seg]


def parse_card(
    lines: Sequence[TextLine],
    *,
    source: str = "",
    region: str = "DE",
) -> Contact:
    """Read every field of one card from its text lines; never invents a value."""
    segments = [Segment(s.text, s) for line in lines for s in split_segments(line)]
    raw_text = "\n".join(clean(line.text) for line in lines if clean(line.text))
    contact = Draft(source=source, raw_text=raw_text)
    conf = contact.confidence

    # 1. E-mails, websites and profile links: the most reliable patterns go first.
    split = join_split_address([s.text for s in segments])
    split_read = ""
    if split is not None:
        local, domain = segments[split[0]], segments[split[1]]
        split_read = f"{local.text} / {domain.text}"
        local.text, domain.text = local.text.rstrip() + domain.text.strip(), ""
    web_lines: list[TextLine] = []
    printed_at: dict[str, int] = {}  # e-mail -> the segment it was printed in
    for i, seg in enumerate(segments):
        found = find_web(seg.text)
        printed_at.update((e, i) for e in found.emails if e not in printed_at)
        if found.emails or found.urls or found.profiles:
            web_lines.append(seg.line)
            seg.text = found.rest
        contact.urls += [u for u in found.urls if u not in contact.urls]
        contact.profiles += [p for p in found.profiles if p not in contact.profiles]
        contact.origins += found.origins
        contact.proposals += found.proposals
        if split_read and split is not None and i == split[0]:
            for e in found.emails:  # "Email: sean.rojas" ... "@delgado-software.com"
                contact.set_origin(
                    Origin("emails", e, "repaired", "address-split-over-two-lines", split_read)
                )
    # E-mails whose domain OCR broke, completed from the card's website and other e-mails.
    hosts = {host_of(u) for u in contact.urls} | {e.partition("@")[2] for e in printed_at}
    for i, seg in enumerate(segments):
        read = seg.text
        repaired, seg.text = repair_by_hosts(seg.text, hosts)
        printed_at.update((e, i) for e in repaired if e not in printed_at)
        for e in repaired:
            contact.set_origin(
                Origin("emails", e, "repaired", "domain-completed-from-the-card", read)
            )
        if repaired:
            web_lines.append(seg.line)
    contact.emails = sorted(printed_at, key=printed_at.__getitem__)  # in printed order
    emails, urls = agree_domains(contact.emails, contact.urls)
    contact.emails = settle(contact, "emails", contact.emails, emails, "l-spelling-of-the-domain")
    contact.urls = settle(contact, "urls", contact.urls, urls, "l-spelling-of-the-domain")
    if contact.emails:
        conf["emails"] = line_confidence(web_lines, 1.0)
    if contact.urls:
        conf["urls"] = line_confidence(web_lines, 0.95)
    if contact.profiles:
        conf["profiles"] = line_confidence(web_lines, 1.0)

    # 2. Phones, with the region the card itself suggests for national numbers.
    card_region = infer_region(
        [s.text for s in segments], contact.emails, contact.urls, default=region
    )
    phone_lines: list[TextLine] = []
    labelled = True
    stem: str | None = None
    last_above: str | None = None  # the last number of the line before, if it had one
    line_region = card_region
    for seg in segments:
        named = countries_named(seg.text)
        if len(named) == 1 and _address_or_country(seg.text):
            line_region = named.pop()  # an office in another country: its numbers follow it
        finds = find_phones(seg.text, line_region, stem=stem)
        if not finds and line_region != card_region:
            finds = find_phones(seg.text, card_region, stem=stem)
        if not finds and last_above:
            finds = [f for f in [continued_line(seg.text, last_above)] if f]
        last_above = finds[-1].phone.number if finds else None
        if finds:
            stem = finds[-1].raw
            phone_lines.append(seg.line)
            labelled = labelled and all(f.labelled for f in finds)
            seg.text = strip_phones(seg.text, finds, card_region)
            contact.phones += [f.phone for f in finds if _new_phone(contact.phones, f)]
    areas = [a for a in (area_code(p.number) for p in contact.phones) if a]
    if areas and card_region in LOCAL_NUMBER_REGIONS:
        # "3987-1402" under "(11) 2345-6610": the local number shares the card's area code
        for seg in segments:
            finds = find_local_numbers(seg.text, card_region, areas[0])
            if finds:
                phone_lines.append(seg.line)
                seg.text = strip_phones(seg.text, finds, card_region)
                contact.phones += [
                    f.phone
                    for f in finds
                    if all(p.number != f.phone.number for p in contact.phones)
                ]
    if contact.phones:
        conf["phones"] = line_confidence(phone_lines, 1.0 if labelled else 0.8)

    # 3. Address: a Turkish card's door number first, else around a postcode line.
    texts = [s.text for s in segments]
    used = {i for i, s in enumerate(segments) if not s.text.strip(" :,.-")}
    if card_region in SHAPE_FIRST:
        _shaped_address(contact, segments, used, card_region)
    for i, seg in enumerate(segments):
        if contact.address is not None:
            break
        if i in used:
            continue
        city = find_city(seg.text, i, card_region)
        if city:
            above = neighbours(segments, i, up=True)
            address, taken = build_address(
                texts,
                city,
                used,
                above=above,
                below=neighbours(segments, i, up=False),
                above_city=neighbours(segments, above[0], up=True) if above else [],
            )
            contact.address = address
            for j in taken:
                segments[j].used = True
            conf["address"] = line_confidence(
                [segments[j].line for j in taken], 0.95 if address.street else 0.7
            )
            break

    if contact.address is None and card_region in _ADDRESS_SHAPES:
        # No postcode before a city: a Brazilian card's own shape of address.
        _shaped_address(contact, segments, used, card_region)

    # 4. What is left: name, title, organisation, department.
    rest: list[Segment] = []
    for i, seg in enumerate(segments):
        text = seg.text.strip(" :,;|-")
        if seg.used or i in used or not text or _LEFTOVER_LABELS.match(text):
            continue
        if not re.search(r"[A-Za-zÄÖÜäöüß]{2}", text) or country_of(text):
            continue
        # "Josef Nag!" is Josef Nagl; "Yahoo! Inc." stays a company
        unstripped = seg.text.strip(" :,;-")  # (a bar at the end may be the l)
        slipped = repair_name_slips(unstripped)
        if (
            slipped != unstripped
            and name_score(slipped) >= 0.6 > name_score(text)
            and not has_org_marker(text)
        ):
            text = slipped
        seg.text = text
        rest += _split_name_and_title(seg, contact.emails)
    assign_people_fields(contact, rest)
    _complete_organization(contact)
    crosscheck(contact)
    _add_profile_urls(contact)
    contact.flag_doubts()
    return contact.freeze()


def _complete_organization(contact: Draft) -> None:
    """The company's logo line with letters OCR lost or added, put right by the card's own
    domain (company.spelled_by_domain); recorded as a repair, so it is flagged for review."""
    if not contact.organization:
        return
    domains = domain_words(contact.emails, contact.urls)
    spelled = spelled_by_domain(contact.organization, domains)
    if spelled:
        read = contact.organization
        contact.organization = spelled
        contact.set_origin(
            Origin("organization", spelled, "repaired", "logo-spelled-by-domain", read)
        )


def _add_profile_urls(contact: Draft) -> None:
    """Profile links never count as websites too."""
    profile_urls = {p.url.lower() for p in contact.profiles}
    contact.urls = [u for u in contact.urls if u.lower() not in profile_urls]
