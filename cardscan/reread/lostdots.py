"""A dot OCR lost inside an e-mail address, looked for again in the card image.

"lothar.vonstein@..." is often read "lotharvonstein@...": the dot is small, and kerned under
the r or t before it (or it comes out as a hyphen: "j-henry@").  From the text alone that
cannot be told from a real address without a dot (both styles are common), so the e-mail's
word is read again on its own, up to five ways (WORD_READINGS): when one of those readings
shows a dot (or a comma or space where it sits) exactly between the parts of the person's
name, the dot was printed.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import cv2
import numpy as np

from cardscan.model import Contact, Origin
from cardscan.ocr.engine import OcrEngine, OcrResult, OcrWord
from cardscan.text import fold

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WordReading:
    """One way to read the e-mail's word again: scaled by (fx, fy), in a Tesseract page
    segmentation mode, binarised (Otsu) or as it is."""

    fx: float
    fy: float
    psm: int
    binarise: bool = False


#: The readings tried in turn until one shows the dot. On 190 development e-mail words without
#: a separator (1,200 cards of seeds 42 and 56-60), 8 of them with a lost dot: enlarged 2x
#: in single-line mode (7) found 3, in single-word mode (8) 2, at print size 5, binarised 4,
#: stretched sideways 3; together 7 of the 8 ("r.duarte@", "dieter.thanel@", "t.hammond@" are
#: found only by the last three). None put a dot between name parts where none was printed.
WORD_READINGS = (
    WordReading(2.0, 2.0, 7),
    WordReading(2.0, 2.0, 8),
    WordReading(1.0, 1.0, 7),
    WordReading(2.0, 2.0, 7, binarise=True),
    WordReading(3.2, 2.0, 7),
)


#: What provenance names the dot put back.
_RULE = "dot-lost-between-name-parts"

# The reading of the word: two parts split by a dot, comma or space before the @.
_SPLIT = re.compile(r"([a-z0-9-]+)(?:\s?[.,]\s?|\s)([a-z0-9-]+)\s?@")


def _name_split(local: str, given: str, family: str) -> int | None:
    """Where a local part without a dot divides into given name (or its initial) and family
    name: "lotharvonstein" for Lothar von Stein -> 6, "tlucas" -> 1,
    "claus-petersuessebier" for Claus-Peter Süßebier -> 11; None when it does not."""
    family = re.sub(r"[^a-z-]", "", family)
    given = re.sub(r"[^a-z-]", "", given.split()[0]) if given.split() else ""
    if not family or not given or not local.endswith(family):
        return None
    head = local[: len(local) - len(family)]
    return len(head) if head in (given, given[:1]) else None


def _word_with(results: Sequence[OcrResult], local: str) -> OcrWord | None:
    for result in results:
        for line in result.lines:
            for word in line.words:
                if f"{local}@" in fold(word.text):
                    return word
    return None


def crop_word(image: np.ndarray, box: tuple[int, int, int, int], how: WordReading) -> np.ndarray:
    """The word at ``box`` (with a margin) as ``how`` reads it: scaled, binarised, framed."""
    left, top, width, height = box
    pad = max(2, height // 4)
    crop = image[max(0, top - pad) : top + height + pad, max(0, left - pad) : left + width + pad]
    if (how.fx, how.fy) != (1.0, 1.0):
        crop = cv2.resize(crop, None, fx=how.fx, fy=how.fy, interpolation=cv2.INTER_CUBIC)
    if how.binarise:
        _, crop = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return cv2.copyMakeBorder(crop, 10, 10, 10, 10, cv2.BORDER_CONSTANT, value=255)


def restore_lost_dots(
    contact: Contact, results: Sequence[OcrResult], image: np.ndarray, engine: OcrEngine
) -> Contact:
    """``contact`` with the dot between given and family name put back in its e-mails where
    the card image shows one; ``results`` are the readings of the prepared ``image``."""
    if not contact.name or not contact.name.family:
        return contact
    given, family = fold(contact.name.given or ""), fold(contact.name.family)
    for i, email in enumerate(contact.emails):
        local, _, domain = email.partition("@")
        split = _name_split(local, given, family) if not re.search(r"[._+]", local) else None
        hyphen = _hyphen_split(local, given, family) if split is None else None
        word = _word_with(results, local) if split is not None or hyphen is not None else None
        if word is None:
            continue
        for how in WORD_READINGS:
            reading = fold(engine.recognize(crop_word(image, word.box, how), psm=how.psm).text)
            dotted: str | None
            if hyphen is not None:  # "j-henry@": a dot read as a hyphen, if the word says so
                dotted = f"{local[:hyphen]}.{local[hyphen + 1 :]}"
                dotted = dotted if f"{dotted}@" in reading else None
            else:
                dotted = _dotted(reading, local, split)
            if dotted:
                emails = list(contact.emails)
                emails[i] = f"{dotted}@{domain}"
                contact = replace(contact, emails=emails).with_origin(
                    Origin("emails", emails[i], "second_reading", _RULE, email)
                )
                log.debug("dot found again in %s", emails[i])
                break
    return contact


def _hyphen_split(local: str, given: str, family: str) -> int | None:
    """Where the one hyphen of "j-henry" (Joyce Henry) divides given name (or initial) and
    family name: OCR reads a dot there as a hyphen now and then."""
    if local.count("-") != 1 or "." in local:
        return None
    k = local.index("-")
    return k if _name_split(local[:k] + local[k + 1 :], given, family) == k else None


def _dotted(reading: str, local: str, k: int | None) -> str | None:
    """The local part with its dot, when ``reading`` of its word shows a separator after its
    first ``k`` letters: "lothar.vonstein@" for "lotharvonstein" split at 6.  The part before
    it may differ a little ("daus-peter.suessebier@" for claus-peter...), not the part after."""
    m = _SPLIT.search(reading)
    if k is None or not m or m.group(2) != local[k:]:
        return None
    head = m.group(1)
    if head == local[:k] or (k >= 4 and head[-3:] == local[k - 3 : k]):
        return f"{local[:k]}.{local[k:]}"
    return None
