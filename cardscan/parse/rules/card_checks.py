"""The checks of a whole card (cardscan.parse.checks), one row each, run by tests/test_parse_rules.py."""

from __future__ import annotations

# The checks of a whole card (cardscan.parse.checks) and the card text each exists for, with
# the reading it proposes, and a card it must leave alone. A proposal changes nothing by itself:
# a second reading of that part of the image must show it (cardscan.reread.recheck).
# (rule, card, value read, proposal, counter-example card, its value kept as printed)
CARD_CHECKS: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("spelled-as-the-name",
     "Lydia Wood\niydia.wood@wood.co.uk", "iydia.wood@wood.co.uk", "lydia.wood@wood.co.uk",
     # (the address's l is never bent to a name misread with i: "Tyler Gienn" for Glenn)
     "Tyler Gienn\nglenn@cobalt-labs.com", "glenn@cobalt-labs.com"),
    ("domain-agrees-with-the-card",
     "Anna Berg\nMcGuire Inc.\nanna@mcqguire.com\nwww.mcguire.com", "anna@mcqguire.com", "anna@mcguire.com",
     # (domains two letters apart are two domains)
     "Anna Berg\nanna@abc-bau.de\nwww.xyz-bau.de", "anna@abc-bau.de"),
    ("l-spelling-of-the-domain",
     "Carmen Aumann\ncarmen@gude-metalibau.de\nwww.gude-metallbau.de", "carmen@gude-metalibau.de", "carmen@gude-metallbau.de",
     "Carmen Aumann\ncarmen@gude-metallbau.de\nwww.gude-metallbau.de", "carmen@gude-metallbau.de"),
    ("given-name-before-the-address",
     "Victoria Brown\nVictoria brown@vertex.com", "brown@vertex.com", "victoria.brown@vertex.com",
     "Victoria Brown\nE-Mail brown@vertex.com", "brown@vertex.com"),
    ("local-part-split-by-a-space",
     "Esther Christoph\nE esther.chris toph@firma.de", "toph@firma.de", "esther.christoph@firma.de",
     "Esther Christoph\nKontakt toph@firma.de", "toph@firma.de"),
    ("at-read-as-a-letter",
     "Wesley Ayala\nE: ayalaegreenfield.com\nwww.greenfield.com", "https://ayalaegreenfield.com", "ayala@greenfield.com",
     "Wesley Ayala\nshopegreenfield.com\nwww.greenfield.com", "https://shopegreenfield.com"),
    ("plus-read-as-t",
     "Tyler Beck\ntyler.becktmesse@talweg.com", "tyler.becktmesse@talweg.com", "tyler.beck+messe@talweg.com",
     "Tyler Beck\ntyler.beck@talweg.com", "tyler.beck@talweg.com"),
    ("one-read-as-l",
     "Anja van den Berg\navandenbergl@lumina.de", "avandenbergl@lumina.de", "avandenberg1@lumina.de",
     "Anja van den Berg\navandenberg@lumina.de", "avandenberg@lumina.de"),
)  # fmt: skip
