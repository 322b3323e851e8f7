"""A rule's doubt about a valid reading, settled by reading that part of the image again.

The parser keeps every e-mail, website and profile link that is valid as read; a rule that
thinks OCR slipped ("tfiqueroa@" beside the name read "Tom Fiqueroa", "carol. wilson@" read
as wilson@) only proposes its reading (model.Proposal). Here the words the value was read
from, with a word either side, are read again the ways RECHECK_READINGS lists: the
proposal takes the value's place when one of those readings shows it: the image then holds
two readings, and resemblance to the name only chooses between them; it never rewrites a
reading on its own.

Two whole readings of one card (the second one, as a block of lines, fills gaps) are merged
here too: an e-mail the second reading found where the first found another is a second
reading of the same print, not a second address.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from cardscan.model import Contact, Origin, Proposal
from cardscan.ocr.engine import OcrEngine, OcrResult, OcrWord
from cardscan.parse import apply_proposal
from cardscan.parse.checks import fits_name
from cardscan.parse.lines import clean
from cardscan.parse.web import find_web
from cardscan.reread.lostdots import WORD_READINGS, WordReading, crop_word
from cardscan.text import fold

log = logging.getLogger(__name__)

Box = tuple[int, int, int, int]


def _key(text: str) -> str:
    return fold(text).replace(" ", "").removeprefix("https://").removeprefix("http://")


def locate(results: Sequence[OcrResult], read: str, *, around: int = 1) -> Box | None:
    """The box of the words ``read`` was read from, with ``around`` words either side on
    their line; None when no reading holds it."""
    want = _key(read)
    if not want:
        return None
    for result in results:
        for line in result.lines:
            words = list(line.words)
            keys = [_key(w.text) for w in words]
            for i in range(len(words)):
                joined = ""
                for j in range(i, len(words)):
                    joined += keys[j]
                    if want in joined:
                        first = i  # the fewest words that hold it
                        while first < j and want in "".join(keys[first + 1 : j + 1]):
                            first += 1
                        lo, hi = max(0, first - around), min(len(words), j + 1 + around)
                        return _union(words[lo:hi])
                    if len(joined) > len(want) + 40:
                        break
    return None


def _union(words: Sequence[OcrWord]) -> Box:
    left = min(w.box[0] for w in words)
    top = min(w.box[1] for w in words)
    right = max(w.box[0] + w.box[2] for w in words)
    bottom = max(w.box[1] + w.box[3] for w in words)
    return left, top, right - left, bottom - top


def _seen(text: str) -> set[str]:
    """The values a reading of a crop shows (as cardscan.parse.web reads them: valid, or
    repaired from what held no valid value; never a proposal)."""
    seen: set[str] = set()
    for line in text.splitlines():
        found = find_web(clean(line))
        seen.update([*found.emails, *found.urls, *(p.url for p in found.profiles)])
    return seen


def confirm_proposals(
    contact: Contact, results: Sequence[OcrResult], image: np.ndarray, engine: OcrEngine
) -> Contact:
    """``contact`` once the part of ``image`` each of its proposals doubts is read again: the
    proposals the readings show take their values' places, the others stay doubts (flagged
    for review). ``results`` are the readings of ``image``."""
    for proposal in list(contact.proposals):
        if proposal not in contact.proposals:
            continue  # settled with another proposal for the same value
        # the word alone for a slip inside it ("friedi@": one letter), with a word either
        # side for one that joins words ("robert. fleming@": a dot read as a space)
        around = 1 if len(proposal.candidate) - len(proposal.value) >= 2 else 0
        box = locate(results, proposal.read, around=around) or locate(
            results, proposal.value, around=around
        )
        if box is None:
            continue
        if _confirmed(proposal, image, box, engine):
            log.debug("second reading confirms %s for %s", proposal.candidate, proposal.value)
            contact = apply_proposal(contact, proposal)
    return contact.with_doubts_flagged()


#: The ways a doubted value's words are read again: lostdots' five, then as a raw line and a
#: single word at 3x, stretched upward, and narrowed (on development cards single-line mode
#: read some crops as nothing at all, and an l that every other way read as i came out as l
#: stretched, or as the stroke "!" narrowed).
RECHECK_READINGS = (
    *WORD_READINGS,
    WordReading(3.0, 3.0, 13),
    WordReading(3.0, 3.0, 8),
    WordReading(2.0, 3.0, 7),
    WordReading(1.6, 2.0, 8),
)


#: Proposals from the card's other domains: the website is another reading of the same kind
#: of print, whose slips go with the address's (on a real card a printed "ii" in the address
#: beside a website misread "il"), so the readings of the crop must show them at least as often
#: as the value.
#: The name is printed apart from the address: one reading that shows its spelling will do.
MAJORITY_RULES = frozenset({"l-spelling-of-the-domain", "domain-agrees-with-the-card"})


def _confirmed(proposal: Proposal, image: np.ndarray, box: Box, engine: OcrEngine) -> bool:
    """Does a reading of the crop show the proposal? Then the image holds two readings, and
    the rule (the name's spelling) chooses between them; for MAJORITY_RULES they must show it
    at least as often as the value."""
    majority = bool(set(proposal.rule.split("+")) & MAJORITY_RULES)
    value = candidate = 0
    for how in RECHECK_READINGS:
        seen = _seen(engine.recognize(crop_word(image, box, how), psm=how.psm).text)
        value += proposal.value in seen
        candidate += proposal.candidate in seen
        if candidate and not majority:
            return True
    return candidate > 0 and candidate >= value


def merge_second_reading(
    first: Contact, first_result: OcrResult, second: Contact, second_result: OcrResult
) -> tuple[Contact, list[str]]:
    """``first``, and the e-mails of ``second`` that are not readings of the print one of
    ``first``'s was read from (found by their place on the card). Where both read one print
    differently, the one that spells the name takes its place in ``first``: a choice between
    two readings."""
    given, family = _folded(first)
    kept = []
    for email in second.emails:
        if email in first.emails:
            continue
        box = locate([second_result], email, around=0)
        twin = next(
            (
                e
                for e in first.emails
                if box is not None and _overlap(box, locate([first_result], e, around=0))
            ),
            None,
        )
        if twin is None:
            kept.append(email)
        elif fits_name(email, given, family) and not fits_name(twin, given, family):
            first = replace(first, emails=[email if e == twin else e for e in first.emails])
            first = first.with_origin(
                Origin("emails", email, "second_reading", "spells-the-name", twin)
            )
    return first, kept


def _folded(contact: Contact) -> tuple[str, str]:
    if not contact.name:
        return "", ""
    return fold(contact.name.given or ""), fold(contact.name.family or "")


def _overlap(a: Box, b: Box | None) -> bool:
    """Do two word boxes cover mostly the same place (the same print, read twice)?"""
    if b is None:
        return False
    dx = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    dy = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return dx > 0.5 * min(a[2], b[2]) and dy > 0.5 * min(a[3], b[3])
