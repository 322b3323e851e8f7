"""The whole card's e-mails, websites and profiles checked against each other and the name.

The checks of cardscan.parse.crosscheck and cardscan.parse.domains say what each value would
be if OCR had slipped; ``settle`` decides what becomes of that. A value valid as read stays as
printed: the check's reading becomes a Proposal, which only a second reading of that part of
the image can confirm (cardscan.reread.recheck); resemblance to the name, the company or the website
alone never rewrites it and never drops it. A value that was no valid value as read (a
repaired one) takes the check's reading, and its origin records the rule.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from cardscan.model import Contact, ContactFields, Origin, Profile, Proposal
from cardscan.parse.crosscheck import (
    AFTER_THE_NAME,
    _fits_name,
    after_the_name,
    correct_emails,
    correct_profiles,
    dedupe_emails,
    five_read_as_s,
    recover_lost_at,
    rejoin_split_local,
    restore_given_name,
)
from cardscan.parse.domains import agree_domains, host_of
from cardscan.parse.draft import Draft
from cardscan.parse.names import restore_umlauts, split_name
from cardscan.parse.rules.emails import GLYPH_REPAIRS
from cardscan.parse.web import NO_VALID_READING, dedupe_urls
from cardscan.parse.webvalues import GLYPH_READING_RULES
from cardscan.text import fold


def settle(
    contact: Draft,
    field: str,
    before: list[str],
    after: list[str],
    rule: str,
    *,
    propose_only: bool = False,
    choice: bool = False,
) -> list[str]:
    """The values of ``field`` once a check turned ``before`` into ``after`` (one for one).
    ``propose_only``: the check reads no glyph another way (a + for a t), so not even a value
    repaired from a glyph lets the name choose: a second reading of the image must show it.
    ``choice``: the line as read holds both values (the check chose how to split it into
    words), so the name chooses; the value is recorded as repaired, and flagged."""
    settled = []
    for old, new in zip(before, after, strict=True):
        if old == new:
            settled.append(old)
            continue
        origin = contact.origin(field, old)
        chosen = choice or _glyph_repaired(origin) or _glyph_choice(origin, old, new)
        if not propose_only and chosen:
            rules = "+".join(dict.fromkeys(filter(None, f"{origin.rule or ''}+{rule}".split("+"))))
            contact.set_origin(Origin(field, new, "repaired", rules, origin.read or old))
            settled.append(new)
        else:
            propose(contact, Proposal(field, old, new, rule, origin.read or old))
            settled.append(old)
    return _unique(settled)


def _glyph_repaired(origin: Origin) -> bool:
    """Was the value repaired from a glyph that has several readings ("|.price@": a bar for
    j, l, i, f or t), or from no valid reading at all? Then the name may choose the reading."""
    if origin.source != "repaired" or not origin.rule:
        return False
    rules = set(origin.rule.split("+"))
    return bool(rules & (GLYPH_REPAIRS | {NO_VALID_READING}))


#: The glyphs of GLYPH_READING_RULES and their two readings.
_GLYPH_READINGS = {"I": "il", "S": "s5"}


def _glyph_choice(origin: Origin, old: str, new: str) -> bool:
    """Does ``new`` only read an I/l or S/5 glyph of ``old`` the other way ("Istewart@":
    istewart or lstewart; "teresa.jamesS@": jamess or james5)? A choice between two readings
    of the image, which the name may make."""
    read = origin.read or ""
    rules = set((origin.rule or "").split("+"))
    if not rules <= GLYPH_READING_RULES or not len(read) == len(old) == len(new):
        return False
    return all(
        a == b or b in _GLYPH_READINGS.get(r, "") for a, b, r in zip(old, new, read, strict=True)
    )


def propose(contact: Draft, proposal: Proposal) -> None:
    """Record a rule's doubt about a value (once)."""
    if all(
        (p.field, p.value, p.candidate) != (proposal.field, proposal.value, proposal.candidate)
        for p in contact.proposals
    ):
        contact.proposals.append(proposal)


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _settle_profiles(contact: Draft, after: list[Profile], rule: str) -> None:
    urls = settle(
        contact, "profiles", [p.url for p in contact.profiles], [p.url for p in after], rule
    )
    network = {p.url: p.network for p in [*contact.profiles, *after]}
    contact.profiles = [Profile(network[u], u) for u in urls]


def crosscheck(contact: Draft) -> None:
    """Check the fields of a whole card against each other: e-mails and profile handles by the
    name, e-mail domains and websites by each other and the company name. Run again after two
    readings of one card are merged."""
    words = _name_words(contact)
    initial = fold(contact.name.given or "")[:1] if contact.name else ""
    emails = contact.emails
    spellable = [w for w in words if len(w) > 1]  # the words an address may spell
    fixed = five_read_as_s(emails, spellable)
    emails = settle(contact, "emails", emails, fixed, "five-read-as-s")
    fixed = correct_emails(emails, spellable, initial)
    emails = settle(contact, "emails", emails, fixed, "spelled-as-the-name")
    for rule in AFTER_THE_NAME:
        fixed = after_the_name(emails, spellable, rule)
        emails = settle(contact, "emails", emails, fixed, rule, propose_only=True)
    fixed_profiles = correct_profiles(contact.profiles, [w for w in words if len(w) > 2])
    _settle_profiles(contact, fixed_profiles, "handle-spelled-as-the-name")
    fixed, urls = agree_domains(emails, contact.urls, contact.organization, edits=True)
    emails = settle(contact, "emails", emails, fixed, "domain-agrees-with-the-card")
    contact.urls = dedupe_urls(
        settle(contact, "urls", contact.urls, urls, "domain-agrees-with-the-card")
    )
    given, family = _folded_name(contact)
    fixed = restore_given_name(emails, contact.raw_text, given, family, dotted=True)
    emails = settle(contact, "emails", emails, fixed, "given-name-before-the-dot", choice=True)
    fixed = restore_given_name(emails, contact.raw_text, given, family, dotted=False)
    emails = settle(contact, "emails", emails, fixed, "given-name-before-the-address")
    fixed = rejoin_split_local(emails, contact.raw_text, given, family)
    emails = settle(contact, "emails", emails, fixed, "local-part-split-by-a-space")
    contact.emails = emails
    _lost_at(contact, given, family)
    if contact.name:  # "Kristian Mullner" beside kristian.muellner@: Müllner
        hints = [e.partition("@")[0] for e in contact.emails]
        spelled = restore_umlauts(contact.name.full, hints)
        if spelled != contact.name.full:
            contact.name = split_name(spelled) or contact.name


def _lost_at(contact: Draft, given: str, family: str) -> None:
    """ "E: ayalaegreenfield.com" (the @ read as a letter): read as a website, which stays
    printed; the address it may be is proposed in its place."""
    hosts = {e.partition("@")[2] for e in contact.emails} | {host_of(u) for u in contact.urls}
    found, words = recover_lost_at(contact.emails, contact.raw_text, hosts, given, family)
    for email in found[len(contact.emails) :]:
        word = next((w for w in words if w.endswith(email.partition("@")[2])), "")
        url = next((u for u in contact.urls if host_of(u) == word), None)
        if url is not None and contact.origin("urls", url).source != "repaired":
            propose(contact, Proposal("urls", url, email, "at-read-as-a-letter", word, "emails"))
            continue
        # the word was no valid value as read: the name chooses the reading
        contact.urls = [u for u in contact.urls if u != url]
        contact.emails.append(email)
        contact.set_origin(Origin("emails", email, "repaired", "at-read-as-a-letter", word))


def fits_name(email: str, given: str, family: str) -> bool:
    """Is the address's local part a usual spelling of the (folded) name?"""
    return _fits_name(email.partition("@")[0], given, family)


def _folded_name(contact: ContactFields) -> tuple[str, str]:
    """The folded given and family name ("", "" without a name)."""
    if not contact.name:
        return "", ""
    return fold(contact.name.given or ""), fold(contact.name.family or "")


def _name_words(contact: ContactFields) -> list[str]:
    """The folded given and family name words ("Ing." of "Dipl.-Ing. Lars Meusburger" is no
    e-mail initial)."""
    if not contact.name:
        return []
    person = " ".join(filter(None, [contact.name.given, contact.name.family]))
    return [fold(w) for w in re.findall(r"[^\W\d_]+", person)]


def apply_proposal(contact: Contact, proposal: Proposal, source: str = "second_reading") -> Contact:
    """``contact`` with a confirmed proposal in place of the value it doubted."""
    draft = Draft.of(contact)
    _apply(draft, proposal, source)
    return draft.freeze()


def _apply(contact: Draft, proposal: Proposal, source: str) -> None:
    if proposal.target == "profiles" or proposal.field == "profiles":
        network = next((p.network for p in contact.profiles if p.url == proposal.value), "")
        contact.profiles = [
            Profile(network, proposal.candidate) if p.url == proposal.value else p
            for p in contact.profiles
        ]
    else:
        old: list[str] = getattr(contact, proposal.field)
        if proposal.to_field is None:
            setattr(contact, proposal.field, _unique([
                proposal.candidate if v == proposal.value else v for v in old
            ]))  # fmt: skip
        else:
            setattr(contact, proposal.field, [v for v in old if v != proposal.value])
            new: list[str] = getattr(contact, proposal.to_field)
            setattr(contact, proposal.to_field, _unique([*new, proposal.candidate]))
    contact.proposals = [p for p in contact.proposals if p.value != proposal.value]
    contact.set_origin(
        Origin(proposal.target, proposal.candidate, source, proposal.rule, proposal.read)  # type: ignore[arg-type]
    )


def drop_second_readings(contact: Contact, exact: Sequence[str]) -> Contact:
    """``contact`` without the OCR e-mails that are readings of an address the QR code gives
    exactly ("wenger@" beside its j.wenger@, "tfiqueroa@" beside its tfigueroa@): the code is
    the evidence."""
    given, family = _folded_name(contact)
    kept = []
    for email in contact.emails:
        if email not in exact and email not in dedupe_emails([*exact, email], given, family):
            continue
        kept.append(email)
    return replace(contact, emails=kept)
