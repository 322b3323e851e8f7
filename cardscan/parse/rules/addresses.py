"""Address rules: street words, postcode styles of DE/AT/CH/UK/US/JP, domains, umlaut cities."""

from __future__ import annotations

import re

# (street word, card text it exists for).  A line with one of these and a house number is a street.
STREET_RULES: tuple[tuple[str, str], ...] = (
    (r"straße", "Hauptstraße 12"),
    (r"strasse", "Bahnhofstrasse 10"),  # Switzerland writes ss
    (r"str\.", "Königstr. 5"),
    (r"gasse", "Herrengasse 6"),  # Austria
    (r"weg", "Gartenweg 1"),
    (r"platz", "Marienplatz 8"),
    (r"allee", "Lindenallee 7"),
    (r"ring", "Kaiserring 3"),
    (r"damm", "Kurfürstendamm 21"),
    (r"ufer", "Schaumainkai-Ufer 4"),
    (r"chaussee", "Frankfurter Chaussee 2"),
    (r"markt", "Am Markt 3"),
    (r"graben", "Stadtgraben 9"),
    (r"kai", "Franz-Josefs-Kai 1"),
    (r"hof", "Kirchhof 2"),
    (r"promenade", "Seepromenade 5"),
    (r"\bam\b", "Am Wall 12"),
    (r"\ban der\b", "An der Alster 1"),
    (r"\bim\b", "Im Tal 4"),
    (r"\bauf der\b", "Auf der Höhe 2"),
    (r"\bzum\b", "Zum Hafen 7"),
    (r"\bstreet\b", "221B Baker Street"),
    (r"\bst\.", "12 High St."),
    (r"\broad\b", "45 Station Road"),
    (r"\brd\.?", "45 Station Rd"),
    (r"\bavenue\b", "350 Fifth Avenue"),
    (r"\bave\.?", "350 Fifth Ave"),
    (r"\blane\b", "7 Church Lane"),
    (r"\bdrive\b", "1 Infinite Drive"),
    (r"\bboulevard\b", "9 Sunset Boulevard"),
    (r"\bblvd\.?", "9 Sunset Blvd."),
    (r"\bway\b", "1 Microsoft Way"),
    (r"\bcourt\b", "3 Kings Court"),
    (r"\bsquare\b", "1 Canada Square"),
    (r"\bplace\b", "2 Market Place"),
    (r"\bsuite\b", "500 Main St Suite 200"),
)
STREET_RE = re.compile("(" + "|".join(p for p, _ in STREET_RULES) + ")", re.IGNORECASE)

# (word, card text it exists for): a line of the premises, printed above the street line; it
# belongs to the street ("Unit 4, The Old Brewery" / "12 Mill Lane" / "Bristol BS1 6JP").
PREMISES_RULES: tuple[tuple[str, str], ...] = (
    ("unit", "Unit 4, The Old Brewery"),  # UK
    ("flat", "Flat 2, Lister House"),
    ("suite", "Suite 1500"),  # US
    ("ste", "Ste. 210"),
    ("floor", "3rd Floor, Kingsway House"),
    ("room", "Room 1210, Hall B"),
    ("building", "Building 7, Riverside Park"),
    ("bldg", "Bldg. 4"),
    ("apartment", "Apartment 5C"),
    ("apt", "Apt. 5C"),
    ("haus", "Haus B, 2. OG"),  # German: the house of a campus, its floor
    ("gebäude", "Gebäude 12"),
    ("etage", "4. Etage"),
)
# (pattern, card text it exists for): a box at the post office, the street's place in the
# address when the card prints no street ("Postfach 10 02 33" over "67433 Neustadt"); a street
# printed beside it is the address's street.
PO_BOX_RULES: tuple[tuple[str, str], ...] = (
    (r"postfach", "Postfach 10 02 33"),
    (r"p\.?\s?o\.?\s?box", "P.O. Box 1234"),
    (r"case postale", "Case postale 112"),  # Switzerland (French)
)
PO_BOX_RE = re.compile(
    r"^(?:" + "|".join(p for p, _ in PO_BOX_RULES) + r")\b[\s.:#-]*(?:(?:nr|no)\.?\s*)?\d",
    re.IGNORECASE,
)
#: A floor printed with the premises ("Haus B, 2. OG"): OG, UG and EG are no legal forms there.
FLOOR_RE = re.compile(r"\b\d+\.\s?(?:OG|UG|EG)\b")

_PREMISES_WORDS = "|".join(w for w, _ in PREMISES_RULES)
#: A premises word with its number or letter after it ("Unit 4", "Haus B") or its number
#: before it ("3rd Floor", "4. Etage"); "Haus der Bildung e.V.", "Floor Design", "STEM
#: Lernwerkstatt" are no such.
PREMISES_RE = re.compile(
    rf"^(?:\d+(?:st|nd|rd|th|\.)?\s+(?i:{_PREMISES_WORDS})\b"
    rf"|(?i:{_PREMISES_WORDS})(?:\b|(?=\d))\.?\s*(?:\d+[A-Za-z]?|[A-Z])\b)"
)

# (OCR slip, street word it stands for, card text it exists for): street abbreviations OCR
# misreads in small print; fixed only as a whole word after a house number or a name.
STREET_SLIPS: tuple[tuple[str, str, str], ...] = (
    ("Bivd", "Blvd", "2712 Washington Bivd"),  # l read as i
    ("BIvd", "Blvd", "9 Sunset BIvd"),  # l read as a capital I
    ("Stteet", "Street", "66 High Stteet"),  # r read as t
    ("Raad", "Road", "45 Station Raad"),  # o read as a
)
# --- Addresses --------------------------------------------------------------------------------
# A house number: "12", "12a", "5/3" (Vienna door numbers), "10-12".
HOUSE_NUMBER_RE = re.compile(r"\b\d{1,4}\s?[a-zA-Z]?(?:\s?[-/]\s?\d{1,4}[a-zA-Z]?)*\b")

# Postcode + city.  DE: "10115 Berlin", "D-10115 Berlin"; AT: "A-1010 Wien", "1010 Wien";
# CH: "CH-8001 Zürich", "8001 Zürich".
POSTCODE_CITY_RE = re.compile(
    r"(?:(?P<cc>D|DE|A|AT|CH)\s?[-–]\s?)?(?<!\d)(?<!\d-)(?P<code>\d{4,5})\s+"
    r"(?P<city>[A-ZÄÖÜ][\wäöüßÄÖÜéèà.'()/\- ]*[\w.)])"
)
# UK postcode: "London SW1A 1AA", and with OCR slips "Leeds LS2 2Hj", "Birmingham B2 OHA",
# "Glasgow G1 SNY" (the inward code always starts with a digit: O is 0, S is 5).
# And (address.uk_postcode repairs them) "Glasgow Gl 1FF", "London WIT OZE", "EH2 4P|"; a
# digit read as a letter only with a space between the halves, or "KEIKO SHIMAZU" would be
# the postcode SH1M 4ZU; so too the inward letters read small ("Birmingham B2 1xw",
# "Edinburgh EH1 ows"), a letter read as a digit ("Bristol BS2 90S", "EC2A 30B", "EH1 02X":
# the inward letters are never digits, and never O, so 0 is Q, 2 is Z) and a J as a bracket
# or slash anywhere ("Birmingham B1 2))", "Bristol BS1 6)D", "EH3 OD}", "OX1 6/P").
UK_POSTCODE_RE = re.compile(
    r"\b(?P<code>[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z][A-Za-z|\])]"
    r"|[A-Z]{1,2}[\dlI][A-Z\d]?\s+[\dOSA][A-Z][A-Za-z|\])]"
    r"|[A-Z]{1,2}\d[A-Z\d]?\s+[\dOo](?:[A-Z)\]|}/][A-Z0258)\]|}/]|[0258][A-Z)\]|}/])"
    r"|[A-Z]{1,2}\d[A-Z\d]?\s+[\do][a-z]{2})(?![\w|\])])"
)
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

# Japan, on cards printed in English: a 3+4-digit postcode, the city or ward before the
# prefecture, and often a postal mark: "3-8-21 Higashihama, Izumo City / Shimane,
# 693-0157 JAPAN", "Bunkyo-ku, Tokyo, 113-0034", "〒113-0091 Tokyo". Taken only on a card
# from Japan (a +81 number, "Japan", a .jp domain) or beside a prefecture, "〒", "-ku"/"-shi".
JP_POSTCODE_RE = re.compile(r"(?:〒\s?)?(?<![\d\-])(?P<code>\d{3}-\d{4})(?![\d\-])")
# The 47 prefectures in the romanisation cards use; "Tokyo-to", "Osaka-fu", "Aichi-ken" and
# "Aichi Pref." name them too.
JP_PREFECTURES: tuple[str, ...] = (
    "Hokkaido", "Aomori", "Iwate", "Miyagi", "Akita", "Yamagata", "Fukushima", "Ibaraki",
    "Tochigi", "Gunma", "Saitama", "Chiba", "Tokyo", "Kanagawa", "Niigata", "Toyama",
    "Ishikawa", "Fukui", "Yamanashi", "Nagano", "Gifu", "Shizuoka", "Aichi", "Mie", "Shiga",
    "Kyoto", "Osaka", "Hyogo", "Nara", "Wakayama", "Tottori", "Shimane", "Okayama",
    "Hiroshima", "Yamaguchi", "Tokushima", "Kagawa", "Ehime", "Kochi", "Fukuoka", "Saga",
    "Nagasaki", "Kumamoto", "Oita", "Miyazaki", "Kagoshima", "Okinawa",
)  # fmt: skip
JP_PREFECTURE_RE = re.compile(
    r"^(?P<name>" + "|".join(JP_PREFECTURES) + r")(?:[- ](?:to|fu|ken|pref\.?|prefecture))?$",
    re.IGNORECASE,
)
# What marks a line as a Japanese address even on a card with no other sign of Japan: the
# postal mark, a ward or city suffix ("Bunkyo-ku", "Izumo-shi"), or the country.
JP_ADDRESS_HINT_RE = re.compile(
    r"〒|\b\w+-(?:ku|shi|cho|machi)\b|\bjapan\b|\b(?:" + "|".join(JP_PREFECTURES) + r")\b",
    re.IGNORECASE,
)

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

# Cities of Germany, Austria and Switzerland whose names carry umlauts or ß.  Tesseract's German
# model drops umlaut dots now and then (tesseract-ocr/tesseract#4037): "80331 Munchen" on a card
# is München.  Looked up by the name with the dots removed.
UMLAUT_CITIES: tuple[str, ...] = (
    "München",
    "Köln",
    "Düsseldorf",
    "Nürnberg",
    "Münster",
    "Mönchengladbach",
    "Lübeck",
    "Saarbrücken",
    "Osnabrück",
    "Würzburg",
    "Göttingen",
    "Fürth",
    "Tübingen",
    "Lüneburg",
    "Gütersloh",
    "Mülheim an der Ruhr",
    "Lüdenscheid",
    "Düren",
    "Bünde",
    "Jülich",
    "Lörrach",
    "Völklingen",
    "Nördlingen",
    "Füssen",
    "Günzburg",
    "Überlingen",
    "Böblingen",
    "Esslingen am Neckar",
    "Friedrichshafen",
    "Fürstenfeldbruck",
    "Königs Wusterhausen",
    "Königswinter",
    "Brühl",
    "Hürth",
    "Würselen",
    "Zülpich",
    "Grünwald",
    "Gräfelfing",
    "Dürnten",
    "Görlitz",
    "Köthen",
    "Schönefeld",
    "Frankfurt (Oder)",
    "Fürstenwalde",
    "Lünen",
    "Bückeburg",
    "Mühlhausen",
    "Nürtingen",
    "Öhringen",
    "Bönnigheim",
    "Schwäbisch Hall",
    "Schwäbisch Gmünd",
    "Märkisch Buchholz",
    # Austria
    "Wörgl",
    "Mödling",
    "Vöcklabruck",
    "Gmünd",
    "Bruck an der Mur",
    "Sankt Pölten",
    "St. Pölten",
    "Klagenfurt am Wörthersee",
    "Völkermarkt",
    "Leoben",
    "Kärnten",
    "Tirol",
    # Switzerland
    "Zürich",
    "Küsnacht",
    "Männedorf",
    "Wädenswil",
    "Dübendorf",
    "Kloten",
    "Bülach",
    "Thalwil",
    "Zürich-Flughafen",
    "Schönenwerd",
    "Münchenstein",
    "Küssnacht",
    "Brügg",
)
_PLAIN = str.maketrans("äöüÄÖÜ", "aouAOU")
UMLAUT_CITY_BY_PLAIN: dict[str, str] = {
    c.translate(_PLAIN).lower(): c for c in UMLAUT_CITIES if c.translate(_PLAIN) != c
}
