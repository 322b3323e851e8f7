"""One card's photo -> Contact: load, prepare, OCR (again where it read poorly), parse, re-read
what is in doubt, merge QR data, attach a picture."""

from __future__ import annotations

import dataclasses
import logging
import re
import time
from collections.abc import Sequence
from pathlib import Path

import cv2
import numpy as np

from cardscan.errors import CardscanError, InputError, MissingDependencyError
from cardscan.imaging.load import display_name, load_image
from cardscan.imaging.photo import FACE_SOURCE_SIDE, card_picture, face_photo, jpeg_photo
from cardscan.imaging.preprocess import PreparedCard, prepare
from cardscan.model import Contact
from cardscan.ocr.engine import EngineOptions, OcrEngine, OcrResult
from cardscan.ocr.factory import make_engine
from cardscan.ocr.lines import ocr_lines
from cardscan.ocr.tessdata import has_language
from cardscan.options import DEFAULT_LANG, ScanOptions
from cardscan.parse import combine_qr, combine_readings, merge_contacts, parse_card, same_person
from cardscan.parse.region import infer_region
from cardscan.parse.rules import ROLE_MAILBOXES
from cardscan.pipeline.outcomes import Outcome, ScanFailure, ScanResult
from cardscan.qr import contact_from_qr
from cardscan.reread.lostdots import restore_lost_dots
from cardscan.reread.recheck import confirm_proposals, merge_second_reading

log = logging.getLogger(__name__)


#: Tesseract's "single column of text of variable sizes": the second opinion for cards where
#: the sparse-text reading (psm 11, the best on the benchmark) missed an e-mail or a phone.
SECOND_PSM = 4


#: OCR confidence below which a card is tried upside down even when the letters' shapes said
#: it was upright: one of 200 development cards read at 0.20 as turned, 0.88 the right way up.
KNOWN_FLIP_BELOW = 0.5

#: OCR confidence below which the whole photo is read as well as the card's outline: on
#: development photos where the outline was wrong, cards that read poorly through it read
#: 0.82-0.93 as whole photos; cards whose outline is right read 0.8-0.95.
POOR_OUTLINE_BELOW = 0.7

#: Countries whose names and streets carry letters the German and English models do not know
#: (ş ğ ı İ, ł ś ż, ő ű, ă ț, đ ơ ư ...): a card that shows it is from one of them is read again
#: with Tesseract's model of all Latin-script languages. On the 40 Turkish real cards of the
#: development set, names read right went from 8 to 16 with it; on Brazilian, US and Korean
#: cards it was no better than deu+eng, so they keep one reading.
LATIN_SCRIPT_REGIONS = frozenset(
    {"TR", "AZ", "PL", "CZ", "SK", "HU", "RO", "HR", "SI", "RS", "BA", "LT", "LV", "EE", "IS", "VN"}
)
LATIN_SCRIPT_MODEL = "Latin"

#: OCR confidence below which a card whose text direction was unsure (PreparedCard.
#: direction_sure) is also read with its lines the other way: a development card set in
#: condensed type was turned sideways and read at 0.43, and read 0.8+ as it lay. Cards read
#: right score 0.8-0.95, so the second reading costs nothing on them.
DOUBTFUL_BELOW = 0.6


def _looks_incomplete(contact: Contact) -> bool:
    """Might the reading have missed the e-mail, a phone, the name or the address's city?"""
    text = contact.raw_text.lower()
    # Nearly every business card prints an e-mail: sparse-text mode now and then drops its
    # line whole, with nothing left to hint at it (a development card's clean
    # "annette.ehlert@vertex.de · www.vertex.de" below the phones).
    # A person's card that shows only a team address ("info@") has mostly lost the line with
    # the person's own above or below it: sparse-text mode drops one of two similar lines.
    team_only = all(e.partition("@")[0] in ROLE_MAILBOXES for e in contact.emails)
    missing_mail = not contact.emails or (team_only and contact.name is not None)
    missing_phone = not contact.phones and bool(re.search(r"\d{3}", text))
    # an address read without its city ("... Sok. No: 14" alone): its city's line dropped
    missing_city = contact.address is not None and not contact.address.city
    return missing_mail or missing_phone or missing_city or contact.name is None


def _web_fields_from(first: Contact, contact: Contact) -> Contact:
    """``contact`` with the e-mails, websites and profiles of ``first`` where it read any."""
    web = ("emails", "urls", "profiles")
    if not any(getattr(first, f) for f in web):
        return contact
    confidence = {k: v for k, v in contact.confidence.items() if k not in web}
    confidence.update({k: v for k, v in first.confidence.items() if k in web})
    return dataclasses.replace(
        contact,
        emails=list(first.emails),
        urls=list(first.urls),
        profiles=list(first.profiles),
        confidence=confidence,
        origins=[o for o in contact.origins if o.field not in web]
        + [o for o in first.origins if o.field in web],
        proposals=[p for p in contact.proposals if p.field not in web]
        + [p for p in first.proposals if p.field in web],
    )


def _letters(result: OcrResult) -> int:
    return sum(ch.isalnum() for ch in result.text)


def _better(
    first: tuple[OcrResult, PreparedCard], second: tuple[OcrResult, PreparedCard], how: str
) -> tuple[OcrResult, PreparedCard]:
    """The second reading of a card only when it is clearly (0.05) more confident, and read
    at least half as many letters: a card turned the wrong way reads a few fragments, and a
    development card legible at 0.48 lost to four of them at 0.57."""
    clearly = second[0].confidence > first[0].confidence + 0.05
    if clearly and 2 * _letters(second[0]) >= _letters(first[0]):
        log.debug(
            "card read better %s (%.2f > %.2f)", how, second[0].confidence, first[0].confidence
        )
        return second
    return first


class Scanner:
    """Turns photos into contacts; holds one OCR engine (and its loaded models) for many cards."""

    def __init__(self, options: ScanOptions, engine: OcrEngine | None = None) -> None:
        self.options = options
        self.engine = engine or make_engine(
            options.engine, EngineOptions(lang=options.lang, timeout=options.ocr_timeout)
        )

    def read(
        self, prepared: PreparedCard, photo: np.ndarray | None = None, *, debug_prefix: str = ""
    ) -> tuple[OcrResult, PreparedCard]:
        """OCR the card; when it reads poorly, try it upside down, and (given the photo) with
        its lines the other way when the letters hardly told their direction; keep the best."""
        result, prepared = self._read_either_way_up(prepared)
        if photo is None or prepared.direction_sure or result.confidence >= DOUBTFUL_BELOW:
            return result, prepared
        other = prepare(
            photo,
            debug_dir=self.options.debug_dir,
            debug_prefix=debug_prefix + "other-way-",
            sideways=prepared.rotated not in (90, 270),
            find_outline=prepared.found_outline,
        )
        return _better((result, prepared), self._read_either_way_up(other), "turned by 90 degrees")

    def _read_either_way_up(self, prepared: PreparedCard) -> tuple[OcrResult, PreparedCard]:
        result = self.engine.recognize(prepared.image)
        # The letters' shapes can be wrong about which way up the card is, if rarely: then the
        # reading is hopeless, and is tried upside down all the same.
        below = KNOWN_FLIP_BELOW if prepared.orientation_known else self.options.flip_below
        if result.confidence < below:
            turned = prepared.flipped()
            flipped = self.engine.recognize(turned.image)
            return _better((result, prepared), (flipped, turned), "upside down")
        return result, prepared

    def _script_model(self, result: OcrResult, contact: Contact) -> str | None:
        """The model to read the card again with when its country writes letters the default
        languages do not know (LATIN_SCRIPT_REGIONS), if that model is installed."""
        if self.options.lang != DEFAULT_LANG:
            return None  # the user chose the languages
        texts = [line.text for line in ocr_lines(result)]
        region = infer_region(texts, contact.emails, contact.urls, default=self.options.region)
        if region not in LATIN_SCRIPT_REGIONS:
            return None
        if not has_language(LATIN_SCRIPT_MODEL):
            log.info("a card from %s reads better with tesseract-ocr-script-latn", region)
            return None
        return LATIN_SCRIPT_MODEL

    def scan_photo(self, path: Path) -> tuple[Contact, float]:
        """One photo -> (contact, OCR confidence); raises CardscanError subclasses."""
        image = load_image(path, max_pixels=self.options.max_pixels)
        name = display_name(path)  # a non-UTF-8 file name must not break JSON or vCard output
        return self.scan_image(image, source=name, debug_prefix=Path(name).stem + "-")

    def scan_image(
        self, image: np.ndarray, *, source: str, debug_prefix: str = ""
    ) -> tuple[Contact, float]:
        """A decoded BGR photo -> (contact, OCR confidence)."""
        prepared = prepare(image, debug_dir=self.options.debug_dir, debug_prefix=debug_prefix)
        result, prepared = self.read(prepared, image, debug_prefix=debug_prefix)
        if result.confidence < POOR_OUTLINE_BELOW and prepared.found_outline:
            # The outline may be wrong (a card merged with clutter on a busy desk, a shadow
            # taken for its edge): the whole photo, with no outline, is read too.
            whole = prepare(
                image,
                debug_dir=self.options.debug_dir,
                debug_prefix=debug_prefix + "whole-",
                find_outline=False,
            )
            result, prepared = _better(
                (result, prepared),
                self.read(whole, image, debug_prefix=debug_prefix + "whole-"),
                "as the whole photo, without its outline",
            )
        contact = parse_card(ocr_lines(result), source=source, region=self.options.region)
        lang = self._script_model(result, contact)
        first: Contact | None = None  # the reading with the default models, when read again
        first_result: OcrResult | None = None
        if lang is not None:
            again = self.engine.recognize(prepared.image, lang=lang)
            if 2 * _letters(again) >= _letters(result):  # not a reading that fell apart
                first, first_result, result = contact, result, again
                contact = parse_card(ocr_lines(result), source=source, region=self.options.region)
        readings = [result] if first_result is None else [result, first_result]
        if _looks_incomplete(contact):
            # Sparse-text mode now and then drops whole lines beside a label column; a reading
            # as one block of lines, with Tesseract's row noise filter off (it threw away legible
            # but blurred lines), fills the gaps (what the first reading found wins; an e-mail
            # it read where the first read another is a second reading of that print).
            second = self.engine.recognize(
                prepared.image, psm=SECOND_PSM, noise_filter=False, lang=lang
            )
            other = parse_card(ocr_lines(second), source=source, region=self.options.region)
            contact, kept = merge_second_reading(contact, result, other, second)
            # the two readings' e-mails and domains, checked together
            contact = combine_readings(contact, dataclasses.replace(other, emails=kept))
            readings.append(second)
        if first is not None:
            # E-mails and links are ASCII, which the German and English models read better:
            # the all-Latin model put accents on them ("ínfo@").
            contact = _web_fields_from(first, contact)
        contact = restore_lost_dots(contact, readings, prepared.image, self.engine)
        contact = confirm_proposals(contact, readings, prepared.image, self.engine)
        if self.options.qr:
            # zxing reads QR codes best on the photo itself (the prepared card is binarised
            # for text); the flattened card is the second try.
            grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
            qr_contact = contact_from_qr(
                grey, source=source, region=self.options.region
            ) or contact_from_qr(prepared.image, source=source, region=self.options.region)
            if qr_contact is not None:
                # Structured QR data is exact: it wins over OCR for the fields it carries.
                contact = combine_qr(qr_contact, contact)
        if self.options.photo == "card":
            side = self.options.photo_side
            picture = card_picture(image, prepared.quad, prepared.image.shape, max_side=side)
            contact = dataclasses.replace(contact, photo=jpeg_photo(picture, max_side=side))
        elif self.options.photo == "face":
            # The detector wants the card larger than the 512 px of a card picture, upright.
            flat = card_picture(
                image, prepared.quad, prepared.image.shape, max_side=FACE_SOURCE_SIDE
            )
            contact = dataclasses.replace(contact, photo=face_photo(flat))
        return contact, result.confidence

    def scan(self, paths: Sequence[Path]) -> ScanResult:
        """One card from one or more photos (front and back are merged)."""
        start = time.perf_counter()
        contacts: list[Contact] = []
        confidences: list[float] = []
        for path in paths:
            contact, conf = self.scan_photo(path)
            contacts.append(contact)
            confidences.append(conf)
        merged = contacts[0]
        for path, other in zip(paths[1:], contacts[1:], strict=True):
            if not same_person(merged, other):
                raise InputError(
                    f"{display_name(paths[0])} and {display_name(path)} show different people "
                    f"({merged.display_name()} / {other.display_name()}); scan them one at a time, "
                    "or put them in a folder for `cardscan batch`"
                )
            merged = merge_contacts(merged, other)
        merged = dataclasses.replace(merged, source=" + ".join(display_name(p) for p in paths))
        warnings = () if not merged.is_empty() else ("no contact details were recognised",)
        return ScanResult(
            source=merged.source,
            contact=merged,
            seconds=time.perf_counter() - start,
            ocr_confidence=min(confidences) if confidences else 0.0,
            warnings=warnings,
        )

    def outcome(self, path: Path) -> Outcome:
        """scan() for batch: every expected failure becomes a ScanFailure naming the file."""
        try:
            return self.scan([path])
        except MissingDependencyError:
            raise
        except CardscanError as exc:
            return ScanFailure(display_name(path), str(exc), int(exc.exit_code))
        except Exception as exc:  # a bug must not cost the rest of the batch
            return ScanFailure.of_bug(display_name(path), exc)
