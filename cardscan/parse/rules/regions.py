"""Signs of a card's country beyond its postcode style: US states spelled out.

(rules/addresses.py holds the postcode styles; parse/region.py weighs the signs.)
"""

from __future__ import annotations

import re

# The states' names as cards spell them on the city line: "Denver, Colorado 80214".
US_STATE_NAMES: frozenset[str] = frozenset(
    {
        "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
        "Delaware", "District of Columbia", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois",
        "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland",
        "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana",
        "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York",
        "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
        "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
        "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming",
    }
)  # fmt: skip

# A state's name, then a ZIP code: "Denver, Colorado 80214", "Austin, Texas 78701-1234".
US_STATE_NAME_ZIP_RE = re.compile(
    r",\s*(?P<state>[A-Z][a-z]+(?: (?:of )?[A-Z][a-z]+)?)\s+\d{5}(?:-\d{4})?\b"
)

# The city, then the state's name and ZIP code: "Denver, Colorado 80214" (find_city).
US_CITY_STATE_NAME_ZIP_RE = re.compile(
    r"(?P<city>[A-Z][A-Za-z .'\-]+?),\s*(?P<state>"
    + "|".join(sorted(US_STATE_NAMES, key=len, reverse=True))
    + r")\s+(?P<code>\d{5}(?:-\d{4})?)\b"
)
