"""Field parser: text lines of a card -> a Contact.  Pure Python: no OpenCV, no Tesseract."""

from cardscan.parse.checks import crosscheck, drop_second_readings
from cardscan.parse.contact import parse_card
from cardscan.parse.lines import TextLine, lines_from_text

__all__ = ["TextLine", "crosscheck", "drop_second_readings", "lines_from_text", "parse_card"]
