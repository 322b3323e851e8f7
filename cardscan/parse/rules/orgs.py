"""Organisation rules: legal forms, words that make a line a company, department words."""

from __future__ import annotations

import re

# (legal form, card text it exists for).  Matched case-sensitively and as a whole word: "AG" is a
# legal form, "ag" inside "Verlag" is not.  Longer forms first, so "GmbH & Co. KG" wins over "KG".
LEGAL_FORM_RULES: tuple[tuple[str, str], ...] = (
    ("GmbH & Co. KGaA", "Beispiel GmbH & Co. KGaA"),
    ("GmbH & Co. KG", "Schulz GmbH & Co. KG"),
    ("AG & Co. KG", "Weber AG & Co. KG"),
    ("UG (haftungsbeschränkt)", "Klein Digital UG (haftungsbeschränkt)"),
    ("gGmbH", "Lebenshilfe Nord gGmbH"),
    ("GmbH", "Müller & Schmidt GmbH"),
    ("GMBH", "MÜLLER & SCHMIDT GMBH"),  # all-caps logos
    ("mbH", "Gesellschaft für Logistik mbH"),
    ("KGaA", "Merck KGaA"),
    ("AG", "Becker Logistik AG"),
    ("KG", "Hansen KG"),
    ("OHG", "Meyer & Partner OHG"),
    ("GbR", "Studio Nord GbR"),
    ("PartG mbB", "Kanzlei Roth PartG mbB"),
    ("mbB", "Roth & Partner Rechtsanwälte mbB"),  # mit beschränkter Berufshaftung
    ("PartG", "Roth & Partner PartG"),
    ("UG", "Klein Digital UG"),
    ("e.K.", "Huber e.K."),  # eingetragener Kaufmann
    ("e.Kfm.", "Huber e.Kfm."),
    ("e.V.", "Förderverein Musik e.V."),
    ("e.U.", "Wild Steuerberatung e.U."),  # Austria: eingetragenes Unternehmen
    ("eG", "Volksbank Mittelhessen eG"),
    ("SE", "Allianz SE"),
    ("KEG", "Gruber KEG"),  # Austria
    ("OG", "Gruber & Huber OG"),  # Austria
    ("Sàrl", "Dubois Sàrl"),  # Switzerland (French)
    ("SA", "Nestor SA"),  # Switzerland (French)
    ("S.A.", "Banco Ejemplo S.A."),
    ("B.V.", "Van Dijk Logistics B.V."),
    ("N.V.", "Philips N.V."),
    ("S.r.l.", "Rossi S.r.l."),
    ("S.p.A.", "Ferro S.p.A."),
    ("Co., Ltd.", "Sakura Co., Ltd."),  # Japanese companies abroad: "MINATO co.,ltd"
    ("Ltd.", "Acme Solutions Ltd."),
    ("Ltd", "Acme Solutions Ltd"),
    ("Limited", "Acme Solutions Limited"),
    ("PLC", "Barclays PLC"),
    ("plc", "Tesco plc"),
    ("LLP", "Smith & Jones LLP"),
    ("L.P.", "Harbor Point Capital L.P."),  # US limited partnership
    ("LLC", "Northwind LLC"),
    ("L.L.C.", "Northwind L.L.C."),
    ("Inc.", "Northwind Inc."),
    ("Inc", "Northwind Inc"),
    ("Corp.", "Contoso Corp."),
    ("Corporation", "Contoso Corporation"),
    ("Co.", "Smith & Co."),
    ("Group", "Becker Group"),
    ("Holding", "Becker Holding"),
    # Cards from further away, handed over at the same fairs
    ("Ltd. Şti.", "Yıldız Makina San. ve Tic. Ltd. Şti."),  # Turkey: Limited Şirketi
    ("A.Ş.", "Koç Metal Sanayi A.Ş."),  # Turkey: Anonim Şirketi
    ("Ltda.", "Auto Peças Lima Ltda."),  # Brazil, Portugal
    ("LTDA", "TECNOVA S/C LTDA"),
    ("S/A", "Banco Exemplo S/A"),  # Brazil
    ("EIRELI", "Padaria Estrela EIRELI"),
    ("TNHH", "Công ty TNHH An Phú"),  # Vietnam: trách nhiệm hữu hạn
    ("JSC", "Vina Steel JSC"),  # joint-stock company
    ("Joint Stock Company", "Hoa Sen Joint Stock Company"),
    ("Sdn Bhd", "Maju Jaya Sdn Bhd"),  # Malaysia
    ("S.L.", "Construcciones Ruiz S.L."),  # Spain
    ("SARL", "Dupont SARL"),  # France
    ("s.r.o.", "Novák s.r.o."),  # Czechia, Slovakia
    ("Kft.", "Kovács Kft."),  # Hungary
    ("A/S", "Hansen A/S"),  # Denmark, Norway
    ("ApS", "Hansen ApS"),
    ("Oy", "Virtanen Oy"),  # Finland
)
LEGAL_FORMS: tuple[str, ...] = tuple(form for form, _ in LEGAL_FORM_RULES)
# Forms of two letters ("AG", "SE", "OG", "eG") are words in their own right and must match
# exactly; longer ones also in capitals or lower case ("ACME LTD", "MINATO co.,ltd").
# "Co., Ltd." as printed and read: "MINATO Co.Ltd", "Sakura co, Ltd." ("Itd" is fixed first).
_CO_LTD = r"co\.?\s?,?\s?ltd\b\.?"
# Turkish forms as printed and read: "LTD.ŞTİ.", "Ltd. Sti." (the cedilla lost), "A.S.",
# "Limited Şirketi".
_TR_FORMS = r"ltd\.?\s?[şs]t[iİı]\b\.?|a\.\s?[şs]\.|limited\s+[şs]irketi"
_EXACT = [f for f in LEGAL_FORMS if len(f.replace(".", "")) <= 2]
_ANY_CASE = [f for f in LEGAL_FORMS if f not in _EXACT] + ["Co., Ltd.", "Co.,Ltd."]
# (Not in brackets: "Deputy Director General (SA)" names a division, "Head of Sales (AG)" too.)
LEGAL_FORM_RE = re.compile(
    r"(?<![\w.(])("
    + "|".join(re.escape(f) for f in _EXACT)
    + "|(?i:"
    + "|".join(re.escape(f) for f in sorted(_ANY_CASE, key=len, reverse=True))
    + "|"
    + _CO_LTD
    + "|"
    + _TR_FORMS
    + r"))(?!\w)"
)

# (pattern, card text it exists for): a note of the company's owner, printed under its name.
# The owner's name has a legal form too, but it is not the card's company.
PARENT_NOTE_RULES: tuple[tuple[str, str], ...] = (
    (r"(?:a\s+)?(?:wholly[- ]owned\s+)?subsidiary\s+of", "A Subsidiary of Northwind Bank Inc."),
    (
        r"(?:a\s+)?company\s+(?:wholly\s+)?owned\s+by",
        "A company wholly owned by Northwind Bank Inc.",
    ),
    (r"(?:a\s+)?(?:member|division|part)\s+of", "A member of the Harbor Bank Group Ltd."),
    (r"ein\s+unternehmen\s+der", "Ein Unternehmen der Helix Versicherung AG"),
    (
        r"eine?\s+(?:tochter(?:gesellschaft)?|marke)\s+der",
        "Eine Tochtergesellschaft der Nordbank AG",
    ),
    (r"mitglied\s+der", "Mitglied der Sparkasse Helix AG"),
)
PARENT_NOTE_RE = re.compile(
    r"^\W*(?:" + "|".join(p for p, _ in PARENT_NOTE_RULES) + r")\b", re.IGNORECASE
)

# (word, card text it exists for): a line holding one of these is a company even without a
# legal form.  Case-insensitive, also inside compounds ("Bundesverband").
ORG_WORD_RULES: tuple[tuple[str, str], ...] = (
    ("gesellschaft", "Gesellschaft für Informatik"),
    ("verband", "Bundesverband Digitalwirtschaft"),
    ("institut", "Fraunhofer-Institut für Optik"),
    ("universität", "Technische Universität München"),
    ("hochschule", "Hochschule Darmstadt"),
    ("kanzlei", "Kanzlei Roth"),
    ("agentur", "Agentur Nordlicht"),
    ("bank", "Volksbank Mittelhessen"),
    ("sparkasse", "Sparkasse Hannover"),
    ("versicherung", "Allgemeine Versicherung"),
    ("klinikum", "Klinikum Nord"),
    ("university", "University of Oxford"),
    ("institute", "Institute of Physics"),
    ("consulting", "Becker Consulting"),
    ("solutions", "Acme Solutions"),
    ("systems", "Northwind Systems"),
    ("technologies", "Contoso Technologies"),
    ("associates", "Smith Associates"),
    ("labs", "Nordlicht Labs"),
    ("foundation", "Open Data Foundation"),
    ("stiftung", "Stiftung Warentest"),
    ("insurance", "Blue Harbor Insurance"),
    ("travel", "Harbour Travel"),
    ("restaurant", "Restaurante Dona Flor"),  # also Portuguese, Spanish
    ("hotel", "Hotel Adler"),
    ("dental", "Lakeside Dental Care"),
    ("agency", "Regional Water Agency"),
    ("company", "Harbour Land Company"),
    ("ministry", "Ministry of Transport"),
    ("sanayi", "Kaya Isı Sanayi"),  # Turkish: industry
    ("ticaret", "Kaya Kereste Ticaret"),  # Turkish: trade
    ("makina", "Tunasan Makina"),  # Turkish: machinery
    # Turkish trade words: small firms are "<name> <trade>" ("Yıldız Metal"), and the name is
    # often a given name ("Emre", "Deniz"): the trade word says it is no person.
    ("makine", "Doğu Makine"),
    ("metal", "Yıldız Metal"),
    ("elektrik", "Kaya Elektrik"),
    ("plastik", "Deniz Plastik Ambalaj"),
    ("inşaat", "Aksu İnşaat"),
    ("tekstil", "Ece Tekstil"),
    ("endüstri", "Tuna Endüstri Ürünleri"),  # also "Endüstriyel"
    ("otomotiv", "Anadolu Otomotiv"),
    ("mühendislik", "Arı Mühendislik"),
    ("mobilya", "Ahşap Mobilya"),
    ("comércio", "Polar Frio Comércio"),  # Portuguese: trade
    ("indústria", "Metalúrgica Indústria"),
    ("despachante", "Despachante Estrela"),
    ("stadtwerke", "Stadtwerke Neustadt"),  # a town's utilities
)
ORG_WORDS: tuple[str, ...] = tuple(word for word, _ in ORG_WORD_RULES)

# A firm of partners named after one or two of them: "Roth & Partner", "Dr. Roth & Partner",
# "Brückner + Partner Rechtsanwälte", "Kühn, Lenz und Partner", "Smith & Partners". "Partner"
# alone is a title, and so is "Managing Director & Partner" (the words before it are checked
# for title words by the caller); "Brand Partner" and "Head of Alliances & Partnerships" name
# no firm.
PARTNERS_FIRM_RE = re.compile(
    r"^(?:(?:Dr|Prof)\.\s*)?"
    r"(?P<names>[^\W\d_][\w'-]*(?:\s*,\s*[^\W\d_][\w'-]*)?)"
    r"(?:\s*[&+]\s*|\s+(?:und|and)\s+)Partner(?:s|innen)?\b",
    re.IGNORECASE,
)

# (word, card text it exists for, "/" where the line breaks): a company's name broken over
# two lines after a word that joins it to the next one (parse.company.continued_below).
# One-letter words such as the Portuguese "e" are left out: a label letter ends lines too.
CONNECTOR_RULES: tuple[tuple[str, str], ...] = (
    ("of", "Nordhafen University of / Applied Sciences"),
    ("for", "Institute for / Energy Research"),
    ("and", "Institute of Science and / Technology"),
    ("&", "Hoffmann & / Söhne GmbH"),
    ("the", "Foundation for the / Arts"),
    ("für", "Institut für / Angewandte Optik"),
    ("und", "Gesellschaft für Bau und / Umwelt mbH"),
    ("der", "Stiftung der / Deutschen Wirtschaft"),
    ("des", "Verband des / Bayerischen Handwerks"),
    ("de", "Institut de / Recherche Appliquée"),
    ("du", "Institut du / Monde Arabe"),
    ("da", "Associação da / Indústria Têxtil"),
    ("do", "Banco do / Brasil S.A."),
    ("di", "Cassa di / Risparmio S.p.A."),
    ("della", "Compagnia della / Seta S.r.l."),
)
CONNECTORS: frozenset[str] = frozenset(w for w, _ in CONNECTOR_RULES)

# (pattern, card text it exists for): a line naming a department.
DEPARTMENT_RULES: tuple[tuple[str, str], ...] = (
    (r"abteilung", "Abteilung Einkauf"),
    (r"bereich", "Bereich Finanzen"),
    (r"geschäftsbereich", "Geschäftsbereich Energie"),
    (r"fachbereich", "Fachbereich Informatik"),
    (r"department", "Department of Physics"),
    (r"dept\.?", "Marketing Dept."),
    (r"division", "Medical Division"),
    (r"research & development", "Research & Development"),
    (r"forschung (?:und|&) entwicklung", "Forschung & Entwicklung"),
    (r"human resources", "Human Resources"),
    (r"personalabteilung", "Personalabteilung"),
)
# (area word, card text it exists for): a line made only of these names a department, not a
# job title ("Sales" and "Corporate Communications" are where someone works, "Sales Manager" is
# what they are).  Matched case-insensitively per word; "&", "und", "and", "-" join them.
AREA_RULES: tuple[tuple[str, str], ...] = (
    ("vertrieb", "Vertrieb"),
    ("einkauf", "Einkauf & Logistik"),
    ("logistik", "Einkauf & Logistik"),
    ("marketing", "Marketing & Kommunikation"),
    ("kommunikation", "Unternehmenskommunikation"),
    ("unternehmenskommunikation", "Unternehmenskommunikation"),
    ("personal", "Personal"),
    ("finanzen", "Finanzen und Controlling"),
    ("controlling", "Finanzen und Controlling"),
    ("buchhaltung", "Buchhaltung"),
    ("recht", "Recht & Compliance"),
    ("compliance", "Recht & Compliance"),
    ("entwicklung", "Produktentwicklung"),
    ("produktentwicklung", "Produktentwicklung"),
    ("qualitätsmanagement", "Qualitätsmanagement"),
    ("kundenservice", "Kundenservice"),
    ("it", "IT-Services"),
    ("services", "IT-Services"),
    ("sales", "Sales"),
    ("corporate", "Corporate Communications"),
    ("communications", "Corporate Communications"),
    ("finance", "Finance"),
    ("accounting", "Accounting"),
    ("legal", "Legal"),
    ("operations", "Operations"),
    ("customer", "Customer Success"),
    ("success", "Customer Success"),
    ("support", "Customer Support"),
    ("procurement", "Procurement"),
    ("purchasing", "Purchasing"),
    ("engineering", "Engineering"),
    ("business", "Business Development"),
    ("development", "Business Development"),
    ("product", "Product Marketing"),
    ("public", "Public Relations"),
    ("relations", "Public Relations"),
)
AREA_WORDS: frozenset[str] = frozenset(w for w, _ in AREA_RULES)
_CONNECTORS = frozenset({"&", "und", "and", "+", "/", "-", "of"})


# The departments' long words, for OCR's slips in them ("Qualitatsmanagement": the umlaut's
# dots lost; names.correct_words puts such a word right).
DEPARTMENT_VOCABULARY: frozenset[str] = frozenset(
    p for p, _ in DEPARTMENT_RULES + AREA_RULES if p.isalpha() and len(p) >= 7
)


def is_area_line(text: str) -> bool:
    """ "Marketing & Kommunikation", "Customer Success", "IT-Services": a department by its words."""
    words = [w for w in re.split(r"[\s\-/]+", text.lower().strip(" .,:")) if w]
    return (
        bool(words)
        and all(w in AREA_WORDS or w in _CONNECTORS for w in words)
        and any(w in AREA_WORDS for w in words)
    )


DEPARTMENT_RE = re.compile(
    r"\b(" + "|".join(p for p, _ in DEPARTMENT_RULES) + r")(?!\w)", re.IGNORECASE
)

# Long words of company names that OCR misreads and that can be set right: "Consutting" is
# Consulting, "haftungsbeschrankt" is haftungsbeschränkt.  Only words of 9 letters or more: a
# shorter one is too often a different real word one letter away ("Logistic", "Verbund").
ORG_VOCABULARY: frozenset[str] = frozenset(
    {"haftungsbeschränkt", "immobilien", "systemtechnik", "elektrotechnik"}
    | {w for w in ORG_WORDS if len(w) >= 9}
)

# (as OCR reads it, as printed): legal forms misread at the end of a company line.
LEGAL_FORM_SLIPS: tuple[tuple[str, str], ...] = (
    ("Lid", "Ltd"),  # "Helix Software Lid": t read as i
    ("Lid.", "Ltd."),
    ("Gmbh", "GmbH"),  # "Pohl Logistik Gmbh": the capital H read small
    ("GmbH.", "GmbH"),
    ("lnc.", "Inc."),  # "Northwind lnc.": I read as l
    ("kc", "KG"),  # "Helix kc": the capitals read small, G as c
    ("KC", "KG"),  # "Helix KC"
    ("Kc", "KG"),  # "Mathis Kc"
    ("ac", "AG"),  # "Seebacher ac": the capitals read small, G as c
    ("Luc", "LLC"),  # "Harris Luc": LL read as Lu
    ("inc.", "Inc."),  # "Hancock inc.": the capital read small
    ("ınc.", "Inc."),  # "Jordan ınc.": a dotless ı
    ("ke", "KG"),  # "cobalt ke"
    ("Ac", "AG"),  # "acme Ac"
    ("se", "SE"),  # "Gertz se"
    ("Lic", "LLC"),  # "acme Lic": LL read as Li
    ("e.U", "e.U."),  # "Zeilinger & Rauch e.U": the last dot lost
    ("e.K", "e.K."),  # "Greenfield e.K"
    ("eK.", "e.K."),  # "Hahn Immobilien eK.": the first dot lost
    ("Co", "Co."),  # "Pratt Systems Co": the dot lost
    ("Särl", "Sàrl"),  # "Weber Kellerei Särl": the à read as ä (Swiss French)
    ("Itd", "Ltd"),  # "Sakura co, Itd.": L read as I
    ("Itd.", "Ltd."),
    ("itd", "Ltd"),  # "Roberts & Phillips itd": L read as i
    ("itd.", "Ltd."),
)
_SLIPS = dict(LEGAL_FORM_SLIPS)


# "Plath UG aftungsbeschränkt)": the bracket and the first letter of the UG's addition lost.
_UG_ADDITION = re.compile(r"\bUG\s*\(?h?aftungsbeschr[aä]nkt\)?(?=\s*$)")


# "Sakura co, Ltd.": the dot of "Co." lost before its comma (no card prints "Co, Ltd").
_CO_DOT_LOST = re.compile(r"\b(co|Co|CO),(?=\s*(?:ltd|Ltd|LTD)\b)")


#: Legal forms that are words of titles too ("Head of Research Group").
_TITLE_WORD_FORMS = frozenset({"group", "holding"})


def ends_with_legal_form(text: str) -> bool:
    """Does the line end with a legal form, as a company's line does ("... Steuerberater mbB",
    "... Consultants S.A.", "Beispiel GmbH®")? "Group" and "Holding" end titles too."""
    fixed = fix_legal_form(text).rstrip(" ,;]®©")
    return any(
        m.end() >= len(fixed.rstrip(".")) and m.group(0).lower() not in _TITLE_WORD_FORMS
        for m in LEGAL_FORM_RE.finditer(fixed)
    )


def names_a_company(text: str) -> bool:
    """Does the line hold a company's legal form anywhere ("Tax Advisors GmbH, Hamburg")?
    Group and Holding do not count: they are words of titles too."""
    return any(
        m.group(0).lower() not in _TITLE_WORD_FORMS
        for m in LEGAL_FORM_RE.finditer(fix_legal_form(text))
    )


def fix_legal_form(text: str) -> str:
    """The last word of a company line set right when it is a known misreading of a legal form."""
    text = _UG_ADDITION.sub("UG (haftungsbeschränkt)", text)
    head, _, last = text.rpartition(" ")
    if head and last in _SLIPS:
        text = f"{head} {_SLIPS[last]}"
    return _CO_DOT_LOST.sub(r"\1.,", text)
