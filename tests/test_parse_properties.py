"""Property tests: the parser never crashes and never invents, whatever text OCR hands it."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cardscan.model import Contact
from cardscan.parse import TextLine, lines_from_text, parse_card

# Card-like alphabet (digits, umlauts, separators, @, +) plus anything Unicode can throw at us.
card_chars = st.sampled_from(list("abcdeäöüßABCDEÄÖÜ0123456789 +-()/.,:;@|·&'\"\t"))
card_text = st.lists(st.text(card_chars, max_size=60), max_size=12).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.one_of(st.text(max_size=400), card_text),
    region=st.sampled_from(["DE", "AT", "CH", "GB", "US"]),
)
def test_parser_never_crashes(text, region):
    contact = parse_card(lines_from_text(text), region=region)
    assert isinstance(contact, Contact)
    # Everything it reports must come from the text: e-mails' local parts appear in it.
    folded = text.lower().replace(" ", "")
    for email in contact.emails:
        assert email.split("@")[0] in folded
    contact.to_dict()  # the record is always serialisable


@settings(max_examples=100, deadline=None)
@given(
    lines=st.lists(
        st.builds(
            TextLine,
            text=st.text(max_size=50),
            height=st.floats(0, 200),
            confidence=st.floats(0, 1),
            top=st.floats(0, 1),
            left=st.floats(0, 1),
        ),
        max_size=15,
    )
)
def test_parser_accepts_any_geometry(lines):
    parse_card(lines)
