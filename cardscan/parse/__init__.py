"""Field parser: text lines of a card -> a Contact.  Pure Python: no OpenCV, no Tesseract.

parse_card reads one reading's lines; combine_readings and combine_qr merge a second reading
or a QR code's data into it (checking the merged card again); apply_proposal puts a rule's
proposal that a second reading confirmed in place. Each returns a new Contact.
"""

from cardscan.parse.checks import apply_proposal
from cardscan.parse.contact import parse_card
from cardscan.parse.lines import TextLine, lines_from_text
from cardscan.parse.merge import combine_qr, combine_readings, merge_contacts, same_person

__all__ = [
    "TextLine",
    "apply_proposal",
    "combine_qr",
    "combine_readings",
    "lines_from_text",
    "merge_contacts",
    "parse_card",
    "same_person",
]
