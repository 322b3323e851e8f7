"""Hypothesis strategies and expectations shared by the exporter property tests."""

from __future__ import annotations

import re

from hypothesis import strategies as st

from cardscan.model import PHONE_TYPES, Address, Contact, Name, Phone, Profile


def contacts(max_text: int) -> st.SearchStrategy[Contact]:
    """Contacts with arbitrary text (up to ``max_text`` characters) in every text field."""
    text = st.text(max_size=max_text)
    optional = st.none() | text
    phones = st.builds(
        Phone,
        st.from_regex(r"\+[1-9][0-9]{4,14}", fullmatch=True),
        st.sampled_from(PHONE_TYPES),
        st.none() | st.text(max_size=8),
    )
    return st.builds(
        Contact,
        source=text,
        name=st.none()
        | st.builds(Name, text.filter(str.strip), optional, optional, optional, optional),
        title=optional,
        organization=optional,
        department=optional,
        phones=st.lists(phones, max_size=3),
        emails=st.lists(text, max_size=2),
        urls=st.lists(text, max_size=2),
        profiles=st.lists(st.builds(Profile, text, text), max_size=2),
        address=st.none() | st.builds(Address, optional, optional, optional, optional, optional),
    )


def clean(value: str | None) -> str:
    """What the writers keep of card text: no controls, line breaks as "\\n", no outer space."""
    value = re.sub("\r\n|[\r\x85\u2028\u2029]", "\n", value or "")
    value = re.sub("[\t\x0b\x0c]", " ", value)
    return re.sub("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]", "", value).strip()
