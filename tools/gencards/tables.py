"""Commented word tables for synthetic cards: titles, legal forms, labels, cities, area codes."""

from __future__ import annotations

from dataclasses import dataclass

#: Locales and how often each is drawn: German-speaking cards matter most (~60 %).
LOCALE_WEIGHTS: dict[str, float] = {
    "de_DE": 0.34,
    "de_AT": 0.13,
    "de_CH": 0.13,
    "en_GB": 0.18,
    "en_US": 0.22,
}


@dataclass(frozen=True)
class City:
    """A real city with the postal codes and telephone area codes printed for it."""

    name: str
    postcodes: tuple[str, ...]  # DE/AT/CH/US: candidate codes; GB: outward codes ("SW1A")
    area_codes: tuple[str, ...]  # national destination codes without trunk prefix
    region: str | None = None  # US state code, printed as "Springfield, IL 62704"


@dataclass(frozen=True)
class LocaleInfo:
    region: str  # ISO 3166 code for phonenumbers
    lang: str  # "de" or "en": the language of labels and titles
    tld: str  # domain ending of company websites
    countries: tuple[str, ...]  # how the country line is printed when there is one
    postcode_prefix: str | None  # "D-10115 Berlin" style letters, None where never used
    mobile_codes: tuple[str, ...]  # mobile destination codes (DE 015x/016x/017x, ...)
    cities: tuple[City, ...]


def _span(lo: int, hi: int, step: int = 1, width: int = 5) -> tuple[str, ...]:
    return tuple(str(n).zfill(width) for n in range(lo, hi + 1, step))


LOCALES: dict[str, LocaleInfo] = {
    "de_DE": LocaleInfo(
        region="DE",
        lang="de",
        tld="de",
        countries=("Deutschland", "Germany"),
        postcode_prefix="D-",
        # 0151 12345678, 0160 1234567, 0171 2345678
        mobile_codes=(
            "151",
            "152",
            "157",
            "159",
            "160",
            "162",
            "163",
            "170",
            "171",
            "172",
            "173",
            "174",
            "175",
            "176",
            "177",
            "178",
            "179",
        ),
        cities=(
            City("Berlin", _span(10115, 10999, 7), ("30",)),
            City("Hamburg", _span(20095, 22769, 11), ("40",)),
            City("München", _span(80331, 81929, 13), ("89",)),
            City("Köln", _span(50667, 51149, 9), ("221",)),
            City("Frankfurt am Main", _span(60306, 60599, 7), ("69",)),
            City("Stuttgart", _span(70173, 70629, 9), ("711",)),
            City("Düsseldorf", _span(40210, 40629, 9), ("211",)),
            City("Leipzig", _span(4103, 4357, 9), ("341",)),  # "04103 Leipzig": leading zero
            City("Dresden", _span(1067, 1328, 9), ("351",)),
            City("Hannover", _span(30159, 30669, 9), ("511",)),
            City("Nürnberg", _span(90402, 90491, 7), ("911",)),
            City("Bremen", _span(28195, 28779, 11), ("421",)),
            City("Freiburg im Breisgau", _span(79098, 79117), ("761",)),
            City("Würzburg", _span(97070, 97084), ("931",)),
            City("Regensburg", _span(93047, 93059), ("941",)),
        ),
    ),
    "de_AT": LocaleInfo(
        region="AT",
        lang="de",
        tld="at",
        countries=("Österreich", "Austria"),
        postcode_prefix="A-",
        mobile_codes=("650", "660", "664", "676", "680", "681", "688", "699"),
        cities=(
            City("Wien", _span(1010, 1230, 10, 4), ("1",)),
            City("Graz", ("8010", "8020", "8036", "8041", "8045", "8051"), ("316",)),
            City("Linz", ("4020", "4030", "4040"), ("732",)),
            City("Salzburg", ("5020", "5023"), ("662",)),
            City("Innsbruck", ("6020",), ("512",)),
            City("Klagenfurt am Wörthersee", ("9020",), ("463",)),
            City("St. Pölten", ("3100",), ("2742",)),
            City("Dornbirn", ("6850",), ("5572",)),
            City("Wels", ("4600",), ("7242",)),
        ),
    ),
    "de_CH": LocaleInfo(
        region="CH",
        lang="de",
        tld="ch",
        countries=("Schweiz", "Switzerland"),
        postcode_prefix="CH-",
        mobile_codes=("76", "77", "78", "79"),
        cities=(
            City("Zürich", _span(8001, 8064, 1, 4), ("44", "43")),
            City("Bern", _span(3001, 3027, 1, 4), ("31",)),
            City("Basel", _span(4001, 4059, 1, 4), ("61",)),
            City("Luzern", ("6003", "6004", "6005", "6006"), ("41",)),
            City("St. Gallen", _span(9000, 9016, 1, 4), ("71",)),
            City("Winterthur", _span(8400, 8411, 1, 4), ("52",)),
            City("Zug", ("6300",), ("41",)),
            City("Aarau", ("5000",), ("62",)),
            City("Schaffhausen", ("8200",), ("52",)),
        ),
    ),
    "en_GB": LocaleInfo(
        region="GB",
        lang="en",
        tld="co.uk",
        countries=("United Kingdom", "UK", "England"),
        postcode_prefix=None,
        mobile_codes=("7700", "7711", "7723", "7734", "7788", "7801", "7911", "7970"),
        cities=(
            City("London", ("SW1A", "EC1A", "EC2A", "W1T", "WC2N", "SE1", "E14", "N1"), ("20",)),
            City("Manchester", ("M1", "M2", "M3", "M4"), ("161",)),
            City("Birmingham", ("B1", "B2", "B3"), ("121",)),
            City("Leeds", ("LS1", "LS2"), ("113",)),
            City("Edinburgh", ("EH1", "EH2", "EH3"), ("131",)),
            City("Bristol", ("BS1", "BS2"), ("117",)),
            City("Glasgow", ("G1", "G2"), ("141",)),
            City("Cambridge", ("CB1", "CB2"), ("1223",)),
            City("Oxford", ("OX1", "OX2"), ("1865",)),
        ),
    ),
    "en_US": LocaleInfo(
        region="US",
        lang="en",
        tld="com",
        countries=("USA", "United States"),
        postcode_prefix=None,
        mobile_codes=(),  # US mobile and landline numbers share area codes
        cities=(
            City("New York", _span(10001, 10282, 3), ("212", "646"), "NY"),
            City("Chicago", _span(60601, 60661), ("312",), "IL"),
            City("San Francisco", _span(94102, 94134), ("415",), "CA"),
            City("Austin", _span(78701, 78759), ("512",), "TX"),
            City("Seattle", _span(98101, 98199, 3), ("206",), "WA"),
            City("Boston", _span(2108, 2136), ("617",), "MA"),  # "Boston, MA 02110"
            City("Denver", _span(80202, 80239), ("303",), "CO"),
            City("Atlanta", _span(30303, 30363), ("404",), "GA"),
            City("Springfield", _span(62701, 62711), ("217",), "IL"),
            City("Portland", _span(97201, 97239), ("503",), "OR"),
            City("Minneapolis", _span(55401, 55488, 3), ("612",), "MN"),
        ),
    ),
}

# Phone labels as printed before the number, per language and type: "T +49 30 ...", "Mobil: 0171 ...".
PHONE_LABELS: dict[str, dict[str, tuple[str, ...]]] = {
    "de": {
        "work": ("Tel.", "Telefon", "T", "Fon"),
        "mobile": ("Mobil", "Handy", "M"),
        "fax": ("Fax", "F"),
    },
    "en": {
        "work": ("Phone", "Tel", "T", "Office"),
        "mobile": ("Mobile", "Cell", "M"),
        "fax": ("Fax", "F"),
    },
}
# None: the value stands alone ("anna.mueller@x.de").
EMAIL_LABELS = {"de": ("E-Mail", "Mail", "E", None), "en": ("Email", "E-mail", "E", None)}
WEB_LABELS = {"de": ("Web", "Internet", "W", None), "en": ("Web", "W", None)}

# Academic and professional prefixes, printed before the given name ("Dr. Anna Müller").
PREFIXES: dict[str, tuple[tuple[str, float], ...]] = {
    "de_DE": (("Dr.", 5), ("Prof. Dr.", 1.5), ("Dipl.-Ing.", 2), ("Dipl.-Kfm.", 1)),
    "de_AT": (("Mag.", 5), ("Dr.", 3), ("Dipl.-Ing.", 1.5), ("DI", 1)),
    "de_CH": (("Dr.", 5), ("Prof. Dr.", 1)),
    "en_GB": (("Dr.", 1),),
    "en_US": (("Dr.", 1),),
}
FEMALE_PREFIX = {"Dipl.-Kfm.": "Dipl.-Kffr."}  # the female form of the Diplom-Kaufmann
# Degrees printed after the name, after a comma: "Anna Müller, MBA".
SUFFIXES = ("MBA", "M.Sc.", "PhD")

# Name parts that exercise the parser: particles and hyphenated given names.
PARTICLE_FAMILIES = {
    "de": ("von Bergen", "van Dijk", "von der Heide", "van den Berg", "von Stein", "zur Linden"),
    "en": ("van Dijk", "de Vries", "van der Merwe", "O'Connor"),
}
HYPHEN_GIVEN = {
    "female": ("Anna-Lena", "Marie-Luise", "Eva-Maria", "Anne-Kathrin", "Lisa-Marie"),
    "male": ("Hans-Peter", "Karl-Heinz", "Klaus-Dieter", "Jan-Philipp", "Hans-Jürgen"),
}

# Job titles (male form, female form). German cards use the form that matches the given name.
TITLES_DE: tuple[tuple[str, str], ...] = (
    ("Geschäftsführer", "Geschäftsführerin"),
    ("Vertriebsleiter", "Vertriebsleiterin"),
    ("Leiter Marketing", "Leiterin Marketing"),
    ("Senior Software-Entwickler", "Senior Software-Entwicklerin"),
    ("Projektleiter", "Projektleiterin"),
    ("Key Account Manager", "Key Account Managerin"),
    ("Prokurist", "Prokuristin"),
    ("Technischer Leiter", "Technische Leiterin"),
    ("Einkaufsleiter", "Einkaufsleiterin"),
    ("Bereichsleiter IT", "Bereichsleiterin IT"),
    ("Vertriebsingenieur", "Vertriebsingenieurin"),
    ("Steuerberater", "Steuerberaterin"),
    ("Rechtsanwalt", "Rechtsanwältin"),
    ("Inhaber", "Inhaberin"),
    ("Teamleiter Kundenservice", "Teamleiterin Kundenservice"),
    ("Geschäftsführender Gesellschafter", "Geschäftsführende Gesellschafterin"),
    ("Leiter Verkauf", "Leiterin Verkauf"),  # Swiss usage
    ("Head of Sales DACH", "Head of Sales DACH"),  # English titles on German cards are common
    ("Chief Technology Officer", "Chief Technology Officer"),
)
TITLES_EN: tuple[str, ...] = (
    "Head of Sales DACH",
    "Senior Account Manager",
    "Chief Technology Officer",
    "Chief Executive Officer",
    "Managing Director",
    "Sales Director",
    "Software Engineer",
    "Product Manager",
    "Marketing Manager",
    "Operations Manager",
    "VP of Engineering",
    "Business Development Manager",
    "Principal Consultant",
    "Founder & CEO",
    "Chartered Accountant",
)
DEPARTMENTS = {
    "de": (
        "Abteilung Einkauf",
        "Vertrieb",
        "Personalabteilung",
        "Forschung & Entwicklung",
        "Marketing & Kommunikation",
        "IT-Services",
        "Qualitätsmanagement",
    ),
    "en": (
        "Research & Development",
        "Sales",
        "Human Resources",
        "Customer Success",
        "Corporate Communications",
        "Finance",
    ),
}

# Legal forms as printed after the company name, with weights: "Müller & Schmidt GmbH".
LEGAL_FORMS: dict[str, tuple[tuple[str, float], ...]] = {
    "de_DE": (
        ("GmbH", 8),
        ("AG", 2),
        ("GmbH & Co. KG", 2),
        ("e.K.", 1),
        ("KG", 1),
        ("SE", 0.5),
        ("UG (haftungsbeschränkt)", 0.5),
    ),
    "de_AT": (("GmbH", 8), ("AG", 2), ("KG", 1), ("e.U.", 1), ("OG", 0.5)),
    "de_CH": (("AG", 6), ("GmbH", 4), ("SA", 1.5)),
    "en_GB": (("Ltd", 6), ("Limited", 2), ("PLC", 1), ("LLP", 1)),
    "en_US": (("Inc.", 6), ("LLC", 4), ("Corp.", 1.5), ("Co.", 0.5)),
}
# Branch words: "Becker Logistik AG", "Hartley Consulting Ltd".
BRANCHES = {
    "de": (
        "Logistik",
        "Maschinenbau",
        "Consulting",
        "Software",
        "Elektrotechnik",
        "Immobilien",
        "Bau",
        "Medizintechnik",
        "Steuerberatung",
        "Energie",
        "Systemtechnik",
        "Metallbau",
    ),
    "en": (
        "Logistics",
        "Consulting",
        "Software",
        "Engineering",
        "Solutions",
        "Analytics",
        "Properties",
        "Partners",
        "Systems",
        "Design",
        "Capital",
        "Labs",
    ),
}
# Invented brand words for company names without a family name: "Northwind Inc.".
BRANDS = (
    "Northwind",
    "Bluepeak",
    "Brightline",
    "Nordlicht",
    "Alpenblick",
    "Silverline",
    "Cobalt",
    "Lumina",
    "Greenfield",
    "Vertex",
    "Quantis",
    "Helix",
    "Sonnhalde",
    "Acme",
)

# Street names for the English locales (Faker's en_* street names read oddly on a card).
STREETS_GB = (
    "High Street",
    "Station Road",
    "Church Street",
    "King's Road",
    "Victoria Street",
    "Queen Street",
    "Mill Lane",
    "Park Road",
    "London Road",
    "Albion Place",
)
STREETS_US = (
    "Main Street",
    "Market Street",
    "Fifth Avenue",
    "Broadway",
    "Oak Avenue",
    "Park Avenue",
    "Elm Street",
    "Washington Blvd",
    "Lake Shore Drive",
    "Pine Street",
    "Congress Avenue",
    "Mission Street",
)
# Well-known street names mixed in with Faker's invented ones ("Hauptstraße 12").
STREETS_DACH = {
    "de_DE": (
        "Hauptstraße",
        "Bahnhofstraße",
        "Friedrichstraße",
        "Königsallee",
        "Am Markt",
        "Industriestraße",
        "Gartenweg",
        "Schillerplatz",
    ),
    "de_AT": (
        "Mariahilfer Straße",
        "Kärntner Ring",
        "Landstraßer Hauptstraße",
        "Herrengasse",
        "Wiedner Gürtel",
    ),
    "de_CH": ("Bahnhofstrasse", "Seestrasse", "Dorfstrasse", "Industriestrasse", "Hauptstrasse"),
}
