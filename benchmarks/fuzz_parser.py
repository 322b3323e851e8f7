"""Fuzz the field parser and the exporters with random card text until told to stop.

    python -m benchmarks.fuzz_parser [--examples 20000] [--seed N]

Hypothesis generates card-like text (digits, umlauts, separators, @, +, labels) and arbitrary
Unicode, feeds it to the parser and writes the result as vCard, CSV and JSON; any exception is
printed with the smallest input that still triggers it (hypothesis shrinks it), and the run exits
1.  The test suite runs the same properties with a few hundred examples
(tests/test_parse_properties.py, tests/test_export_*.py); this harness runs many more.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cardscan.export import Format, open_writer
from cardscan.parse import lines_from_text, parse_card

_CARD_WORDS = [
    "Tel.", "Fax", "Mobil", "E-Mail:", "www.", "GmbH", "Dr.", "Straße", "@", "+49", "(0)",
    "linkedin.com/in/", "xing.com/profile/", "10115", "A-1010", "CH-8001", "·", "|", "\r\n",
    "END:VCARD", "BEGIN:VCARD", ";", ",", "\\", "=cmd", "ß", "Ä",
]  # fmt: skip
card_text = st.lists(
    st.one_of(st.sampled_from(_CARD_WORDS), st.text(max_size=12)), max_size=40
).map(" ".join)


def _check(text: str, region: str) -> None:
    contact = parse_card(lines_from_text(text), region=region)
    for fmt in (Format.vcard, Format.csv, Format.jsonl):
        stream = io.StringIO()
        with open_writer(fmt, stream) as writer:
            writer.write(contact)
        out = stream.getvalue()
        if fmt is Format.vcard:
            lines = out.split("\r\n")
            # card text may say "BEGIN:VCARD" inside a value, never as a line of its own
            if lines.count("BEGIN:VCARD") != 1 or lines.count("END:VCARD") != 1:
                raise AssertionError(f"card text broke out of its vCard property: {text!r}")
        if fmt is Format.csv:
            rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
            assert len(rows) == 2, "card text broke the CSV row structure"
        if fmt is Format.jsonl:
            json.loads(out)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--examples", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=None)
    args = ap.parse_args()

    @settings(
        max_examples=args.examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        derandomize=args.seed is not None,
    )
    @given(
        text=st.one_of(card_text, st.text(max_size=300)),
        region=st.sampled_from(["DE", "AT", "CH", "GB", "US"]),
    )
    def fuzz(text: str, region: str) -> None:
        _check(text, region)

    try:
        fuzz()
    except Exception as exc:  # hypothesis has printed the shrunk example above
        print(f"fuzz: FAILED: {type(exc).__name__}: {exc}", file=sys.stderr)
        sys.exit(1)
    print(f"fuzz: {args.examples} examples, no failure")


if __name__ == "__main__":
    main()
