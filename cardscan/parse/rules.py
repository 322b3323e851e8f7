"""Parsing rules as commented tables: label words, legal forms, title words, postcode patterns.

Every entry says which card text it exists for; tests/test_parse_rules.py holds one test per table
with that card text.  Matching is case-insensitive unless a comment says otherwise.
"""

from __future__ import annotations

import re

from cardscan.model import PhoneType

# --- Phone labels -----------------------------------------------------------------------------
# The word printed before a number decides its type.  Longest labels first in the regex.
PHONE_LABELS: dict[str, PhoneType] = {
    # German
    "telefon": "work",  # "Telefon 030 123456"
    "tel": "work",  # "Tel. +49 30 123456", "Tel.: 030/123456-0"
    "fon": "work",  # "Fon 089 12345"
    "büro": "work",  # "Büro: 0711 123456"
    "zentrale": "work",  # "Zentrale +49 40 1234-0"
    "durchwahl": "work",  # "Durchwahl -123"
    "direkt": "work",  # "Direkt +49 221 1234-56"
    "mobil": "mobile",  # "Mobil 0171 2345678"
    "mobiltelefon": "mobile",  # "Mobiltelefon 0160 1234567"
    "handy": "mobile",  # "Handy 0152 1234567"
    "telefax": "fax",  # "Telefax 030 123457"
    "fax": "fax",  # "Fax +49 30 123457" (also English)
    # English
    "phone": "work",  # "Phone +44 20 7946 0123"
    "office": "work",  # "Office (212) 555-0147"
    "direct": "work",  # "Direct +1 415 555 0100"
    "dir": "work",  # "Dir. +44 161 496 0000"
    "main": "work",  # "Main +1 212 555 0100"
    "mobile": "mobile",  # "Mobile +44 7700 900123"
    "mob": "mobile",  # "Mob. 07700 900123"
    "cell": "mobile",  # "Cell (415) 555-0199"
    "cellphone": "mobile",  # "Cellphone 415 555 0199"
    # One-letter labels: "T +49 30 123456 | M +49 171 234567 | F +49 30 123457"
    "t": "work",
    "p": "work",  # "P +1 212 555 0100" (US cards)
    "o": "work",  # "O 212 555 0100"
    "m": "mobile",
    "c": "mobile",  # "C 415 555 0199"
    "h": "mobile",  # "H 0171 2345678" (Handy)
    "f": "fax",
}

# "Tel." / "Tel:" / "T" / "Mobil." followed by a separator; group 1 is the label word.
PHONE_LABEL_RE = re.compile(
    r"(?<![\w@.])("
    + "|".join(sorted((re.escape(k) for k in PHONE_LABELS), key=len, reverse=True))
    + r")\s*\.?\s*[:.]?\s*(?=[\s+(\d])",
    re.IGNORECASE,
)

# --- Legal forms of organisations -------------------------------------------------------------
# A line ending in (or containing) one of these is the company name.  Case-sensitive on purpose:
# "AG" is a legal form, "ag" inside a word is not.
LEGAL_FORMS: tuple[str, ...] = (
    "GmbH & Co. KGaA",  # "Henkel AG & Co. KGaA"
    "GmbH & Co. KG",  # "Schulz GmbH & Co. KG"
    "AG & Co. KG",  # "Weber AG & Co. KG"
    "UG (haftungsbeschränkt)",  # "Klein Digital UG (haftungsbeschränkt)"
    "gGmbH",  # "Lebenshilfe gGmbH"
    "GmbH",  # "Müller & Schmidt GmbH"
    "mbH",  # "Gesellschaft für Logistik mbH"
    "KGaA",  # "Merck KGaA"
    "AG",  # "Becker Logistik AG", Swiss "Zürich Versicherungs AG"
    "KG",  # "Hansen KG"
    "OHG",  # "Meyer & Partner OHG"
    "GbR",  # "Studio Nord GbR"
    "PartG mbB",  # "Kanzlei Roth PartG mbB"
    "PartG",  # "Roth & Partner PartG"
    "UG",  # "Klein Digital UG"
    "e.K.",  # "Huber e.K." (eingetragener Kaufmann)
    "e.Kfm.",  # "Huber e.Kfm."
    "e.V.",  # "Förderverein Musik e.V."
    "eG",  # "Volksbank Mittelhessen eG"
    "SE",  # "Allianz SE"
    "KEG",  # Austrian "Gruber KEG"
    "OG",  # Austrian "Gruber & Huber OG"
    "Sàrl",  # Swiss "Dubois Sàrl"
    "SA",  # Swiss "Nestlé SA"
    "S.A.",  # "Banco Ejemplo S.A."
    "B.V.",  # "Van Dijk Logistics B.V."
    "N.V.",  # "Philips N.V."
    "S.r.l.",  # "Rossi S.r.l."
    "S.p.A.",  # "Ferro S.p.A."
    "Ltd.",  # "Acme Solutions Ltd."
    "Ltd",  # "Acme Solutions Ltd"
    "Limited",  # "Acme Solutions Limited"
    "PLC",  # "Barclays PLC"
    "plc",  # "Tesco plc"
    "LLP",  # "Smith & Jones LLP"
    "LLC",  # "Northwind LLC"
    "L.L.C.",  # "Northwind L.L.C."
    "Inc.",  # "Northwind Inc."
    "Inc",  # "Northwind Inc"
    "Corp.",  # "Contoso Corp."
    "Corporation",  # "Contoso Corporation"
    "Co.",  # "Smith & Co."
    "Group",  # "Becker Group"
    "Holding",  # "Becker Holding"
)
LEGAL_FORM_RE = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(f) for f in LEGAL_FORMS) + r")(?![\w])"
)

# Words that make a line look like a company even without a legal form.
ORG_WORDS: tuple[str, ...] = (
    "gesellschaft",  # "Gesellschaft für Informatik"
    "verband",  # "Bundesverband Digitalwirtschaft"
    "institut",  # "Fraunhofer-Institut"
    "universität",  # "Technische Universität München"
    "hochschule",  # "Hochschule Darmstadt"
    "kanzlei",  # "Kanzlei Roth"
    "agentur",  # "Agentur Nordlicht"
    "bank",  # "Sparkasse", "Volksbank"
    "sparkasse",
    "versicherung",
    "university",  # "University of Oxford"
    "institute",
    "consulting",  # "Becker Consulting"
    "solutions",  # "Acme Solutions"
    "systems",
    "technologies",
    "partners",
    "associates",
    "labs",
    "studio",
    "foundation",
    "stiftung",
)

# --- Job titles -------------------------------------------------------------------------------
# A line containing one of these words (as a word or word start) is a job title.  German
# gendered forms come from the "-in"/"-innen" endings handled in TITLE_RE.
TITLE_WORDS: tuple[str, ...] = (
    # German
    "geschäftsführer",  # "Geschäftsführerin", "Geschäftsführender Gesellschafter"
    "geschäftsführend",
    "gesellschafter",
    "inhaber",  # "Inhaberin"
    "vorstand",  # "Vorstandsvorsitzender"
    "vorsitzend",
    "leiter",  # "Vertriebsleiterin", "Leiter Einkauf"
    "leitung",  # "Leitung Marketing"
    "referent",  # "Referentin Presse"
    "berater",  # "Unternehmensberater"
    "beraterin",
    "entwickler",  # "Senior Software-Entwickler"
    "ingenieur",  # "Projektingenieurin"
    "architekt",
    "kaufmann",  # "Industriekaufmann"
    "kauffrau",
    "sachbearbeiter",
    "assistent",  # "Assistentin der Geschäftsführung"
    "prokurist",
    "teamleiter",
    "bereichsleiter",
    "abteilungsleiter",
    "projektleiter",
    "vertrieb",  # "Vertriebsmitarbeiter", "Außendienst Vertrieb"
    "mitarbeiter",
    "manager",  # also English
    "managerin",
    "rechtsanwalt",  # "Rechtsanwältin"
    "rechtsanwältin",
    "steuerberater",
    "notar",
    "partner",  # "Partner", "Managing Partner"
    "direktor",  # "Direktorin"
    "spezialist",
    "koordinator",
    "verkauf",
    "einkäufer",
    "designer",
    "redakteur",
    "arzt",
    "ärztin",
    "professor",
    "professorin",
    # English
    "ceo",  # "CEO & Founder"
    "cto",
    "cfo",
    "coo",
    "cmo",
    "cio",
    "chief",  # "Chief Technology Officer"
    "officer",
    "president",  # "Vice President Sales"
    "director",  # "Sales Director"
    "head",  # "Head of Sales DACH"
    "founder",  # "Co-Founder"
    "co-founder",
    "owner",
    "engineer",  # "Senior Software Engineer"
    "developer",
    "consultant",
    "specialist",
    "analyst",
    "associate",
    "executive",  # "Account Executive"
    "representative",
    "coordinator",
    "administrator",
    "advisor",
    "adviser",
    "lead",  # "Team Lead"
    "principal",
    "scientist",
    "researcher",
    "architect",
    "accountant",
    "attorney",
    "lawyer",
    "solicitor",
    "assistant",
    "supervisor",
    "sales",  # "Sales", "Inside Sales"
    "marketing",  # "Marketing & Communications"
    "account",  # "Key Account Manager"
    "vp",  # "VP Engineering"
    "svp",
    "evp",
    "md",  # "MD" (managing director, UK)
    "intern",
    "trainee",
)
TITLE_RE = re.compile(
    r"\b(" + "|".join(re.escape(w) for w in TITLE_WORDS) + r")(in|innen|s)?\b", re.IGNORECASE
)
# Compound German titles end in a title word: "Vertriebsleiterin", "Marketingmanagerin".
TITLE_SUFFIX_RE = re.compile(
    r"\w+(leiter|leiterin|manager|managerin|berater|beraterin|entwickler|entwicklerin|"
    r"ingenieur|ingenieurin|referent|referentin|assistent|assistentin|führer|führerin|"
    r"kaufmann|kauffrau|spezialist|spezialistin|koordinator|koordinatorin)\b",
    re.IGNORECASE,
)

# Words that mark a department line: "Abteilung Einkauf", "Research & Development".
DEPARTMENT_RE = re.compile(
    r"\b(abteilung|bereich|department|dept\.?|division|geschäftsbereich|fachbereich|"
    r"research & development|forschung (und|&) entwicklung|human resources|personalabteilung)\b",
    re.IGNORECASE,
)

# --- Names ------------------------------------------------------------------------------------
# Academic and professional prefixes printed before a name ("Prof. Dr. Jürgen Weiß").
NAME_PREFIXES: tuple[str, ...] = (
    "Prof. Dr.-Ing.",
    "Prof. Dr. med.",
    "Prof. Dr.",
    "Prof.",
    "Dr.-Ing.",  # "Dr.-Ing. Petra Lang"
    "Dr. med.",  # "Dr. med. Karl Huber"
    "Dr. rer. nat.",
    "Dr. phil.",
    "Dr. jur.",
    "Dr.",  # "Dr. Anna Müller"
    "Dipl.-Ing.",  # "Dipl.-Ing. Thomas Wolf"
    "Dipl.-Kfm.",  # "Dipl.-Kfm. Stefan Roth"
    "Dipl.-Kffr.",
    "Dipl.-Inform.",
    "Dipl.-Psych.",
    "Dipl.-Betriebsw.",
    "Dipl.-Wirt.-Ing.",
    "Ing.",  # Austrian "Ing. Franz Gruber"
    "DI",  # Austrian "DI Maria Berger" (Diplomingenieur)
    "Mag.",  # Austrian "Mag. Eva Huber"
    "Mag.a",  # Austrian female form "Mag.a Eva Huber"
    "MMag.",
    "Mr.",  # "Mr. John Smith"
    "Mrs.",
    "Ms.",
    "Mr",
    "Mrs",
    "Ms",
    "Herr",  # "Herr Peter Klein" (rare on cards)
    "Frau",
)
# Post-nominal letters ("Jane Doe, PhD", "Thomas Wolf MBA").
NAME_SUFFIXES: tuple[str, ...] = (
    "MBA",
    "M.Sc.",
    "MSc",
    "B.Sc.",
    "BSc",
    "M.A.",
    "B.A.",
    "LL.M.",
    "PhD",
    "Ph.D.",
    "MD",
    "M.D.",
    "MBE",
    "CPA",
    "CFA",
    "PMP",
    "Jr.",
    "Sr.",
    "II",
    "III",
    "BEd",
    "MEng",
)
# Particles that belong to the family name: "Ursula von der Leyen", "Joost van Dijk".
NAME_PARTICLES: frozenset[str] = frozenset(
    {
        "von",
        "van",
        "de",
        "der",
        "den",
        "zu",
        "vom",
        "zum",
        "zur",
        "di",
        "da",
        "del",
        "la",
        "le",
        "ter",
        "ten",
        "dos",
        "das",
        "du",
        "af",
        "av",
        "St.",
    }
)

# --- Addresses --------------------------------------------------------------------------------
# Street words: "Hauptstraße 12", "Bahnhofstrasse 10", "Am Markt 3", "221B Baker Street".
STREET_RE = re.compile(
    r"(straße|strasse|str\.|gasse|weg|platz|allee|ring|damm|ufer|chaussee|steig|pfad|"
    r"markt|graben|kai|hof|promenade|"
    r"\bstreet\b|\bst\.|\broad\b|\brd\.?\b|\bavenue\b|\bave\.?\b|\blane\b|\bln\.?\b|"
    r"\bdrive\b|\bdr\.|\bboulevard\b|\bblvd\.?\b|\bway\b|\bcourt\b|\bsquare\b|\bplace\b|"
    r"\bparkway\b|\bhighway\b|\bterrace\b|\bsuite\b|\bfloor\b|"
    r"\bam\b|\ban der\b|\bim\b|\bauf der\b|\bzum\b)",
    re.IGNORECASE,
)
# A house number: "12", "12a", "5/3" (Vienna door numbers), "10-12".
HOUSE_NUMBER_RE = re.compile(r"\b\d{1,4}\s?[a-zA-Z]?(?:\s?[-/]\s?\d{1,4}[a-zA-Z]?)*\b")

# Postcode + city.  DE: "10115 Berlin", "D-10115 Berlin"; AT: "A-1010 Wien", "1010 Wien";
# CH: "CH-8001 Zürich", "8001 Zürich".
POSTCODE_CITY_RE = re.compile(
    r"(?:(?P<cc>D|DE|A|AT|CH)\s?[-–]\s?)?(?<!\d)(?<!\d-)(?P<code>\d{4,5})\s+"
    r"(?P<city>[A-ZÄÖÜ][\wäöüßÄÖÜéèà.'()/\- ]*[\w.)])"
)
# UK postcode: "London SW1A 1AA", "Manchester M1 1AE".
UK_POSTCODE_RE = re.compile(r"\b(?P<code>[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})\b")
# US: "Springfield, IL 62704", "New York, NY 10001-1234".
US_CITY_STATE_ZIP_RE = re.compile(
    r"(?P<city>[A-Z][A-Za-z .'\-]+?),?\s+(?P<state>[A-Z]{2})\s+(?P<code>\d{5}(?:-\d{4})?)\b"
)
US_STATES: frozenset[str] = frozenset(
    [
        "AL",
        "AK",
        "AZ",
        "AR",
        "CA",
        "CO",
        "CT",
        "DE",
        "DC",
        "FL",
        "GA",
        "HI",
        "ID",
        "IL",
        "IN",
        "IA",
        "KS",
        "KY",
        "LA",
        "ME",
        "MD",
        "MA",
        "MI",
        "MN",
        "MS",
        "MO",
        "MT",
        "NE",
        "NV",
        "NH",
        "NJ",
        "NM",
        "NY",
        "NC",
        "ND",
        "OH",
        "OK",
        "OR",
        "PA",
        "RI",
        "SC",
        "SD",
        "TN",
        "TX",
        "UT",
        "VT",
        "VA",
        "WA",
        "WV",
        "WI",
        "WY",
        "PR",
    ]
)

# Country lines as printed -> ISO code (used to infer the phone region too).
COUNTRIES: dict[str, str] = {
    "deutschland": "DE",  # "Deutschland" under the city
    "germany": "DE",
    "österreich": "AT",
    "oesterreich": "AT",
    "austria": "AT",
    "schweiz": "CH",
    "switzerland": "CH",
    "suisse": "CH",
    "united kingdom": "GB",
    "great britain": "GB",
    "england": "GB",
    "uk": "GB",
    "usa": "US",
    "u.s.a.": "US",
    "united states": "US",
    "united states of america": "US",
    "nederland": "NL",
    "netherlands": "NL",
    "france": "FR",
    "frankreich": "FR",
    "italia": "IT",
    "italy": "IT",
    "luxembourg": "LU",
    "belgium": "BE",
    "belgien": "BE",
}

# Postcode prefixes on German-speaking cards -> region: "A-1010 Wien".
POSTCODE_PREFIX_REGION: dict[str, str] = {"D": "DE", "DE": "DE", "A": "AT", "AT": "AT", "CH": "CH"}

# Top-level domains that tell the card's country: "www.beispiel.at".
TLD_REGION: dict[str, str] = {
    "de": "DE",
    "at": "AT",
    "ch": "CH",
    "uk": "GB",
    "us": "US",
    "nl": "NL",
    "fr": "FR",
    "it": "IT",
    "lu": "LU",
    "be": "BE",
}
