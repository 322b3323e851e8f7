"""Job-title words: a line containing one of them is the person's title."""

from __future__ import annotations

import re

# (word, card text it exists for).  Matched case-insensitively as a word; German gendered
# forms ("-in", "-innen") and compounds ending in a title word are matched as well.
TITLE_WORD_RULES: tuple[tuple[str, str], ...] = (
    # German
    ("geschäftsführer", "Geschäftsführerin"),
    ("geschäftsführend", "Geschäftsführende Gesellschafterin"),
    ("gesellschafter", "Gesellschafter"),
    ("inhaber", "Inhaberin"),
    ("vorstand", "Vorstand Finanzen"),
    ("vorsitzender", "Vorsitzender des Vorstands"),
    ("leiter", "Leiter Einkauf"),
    ("leiterin", "Leiterin Marketing"),
    ("leitung", "Leitung Vertrieb"),
    ("referent", "Referentin Presse"),
    ("berater", "Unternehmensberater"),
    ("entwickler", "Senior Software-Entwickler"),
    ("ingenieur", "Projektingenieurin"),
    ("architekt", "Architektin"),
    ("kaufmann", "Industriekaufmann"),
    ("kauffrau", "Bürokauffrau"),
    ("sachbearbeiter", "Sachbearbeiterin Buchhaltung"),
    ("assistent", "Assistentin der Geschäftsführung"),
    ("prokurist", "Prokurist"),
    ("mitarbeiter", "Mitarbeiter Kundenservice"),
    ("rechtsanwalt", "Rechtsanwalt"),
    ("rechtsanwältin", "Rechtsanwältin"),
    ("steuerberater", "Steuerberaterin"),
    ("notar", "Notar"),
    ("direktor", "Direktorin Personal"),
    ("spezialist", "IT-Spezialist"),
    ("koordinator", "Projektkoordinatorin"),
    ("einkäufer", "Strategischer Einkäufer"),
    ("redakteur", "Redakteurin"),
    ("professor", "Professorin für Informatik"),
    # English (several also used on German cards: "Key Account Manager")
    ("manager", "Key Account Manager"),
    ("außendienst", "Außendienst Vertrieb"),
    ("managerin", "Produktmanagerin"),
    ("ceo", "CEO & Founder"),
    ("cto", "CTO"),
    ("cfo", "CFO"),
    ("coo", "COO"),
    ("cmo", "CMO"),
    ("cio", "CIO"),
    ("chief", "Chief Technology Officer"),
    ("officer", "Data Protection Officer"),
    ("president", "Vice President Sales"),
    ("director", "Sales Director"),
    ("head", "Head of Sales DACH"),
    ("founder", "Founder"),
    ("co-founder", "Co-Founder"),
    ("owner", "Owner"),
    ("partner", "Managing Partner"),
    ("engineer", "Senior Software Engineer"),
    ("developer", "Frontend Developer"),
    ("consultant", "Senior Consultant"),
    ("specialist", "Marketing Specialist"),
    ("analyst", "Business Analyst"),
    ("associate", "Associate"),
    ("executive", "Account Executive"),
    ("representative", "Sales Representative"),
    ("coordinator", "Project Coordinator"),
    ("administrator", "System Administrator"),
    ("advisor", "Financial Advisor"),
    ("adviser", "Financial Adviser"),
    ("lead", "Team Lead Backend"),
    ("principal", "Principal"),
    ("scientist", "Data Scientist"),
    ("researcher", "Researcher"),
    ("architect", "Solution Architect"),
    ("accountant", "Chartered Accountant"),
    ("attorney", "Attorney at Law"),
    ("lawyer", "Lawyer"),
    ("solicitor", "Solicitor"),
    ("assistant", "Executive Assistant"),
    ("supervisor", "Supervisor"),
    ("designer", "UX Designer"),
    ("vp", "VP Engineering"),
    ("svp", "SVP Operations"),
    ("evp", "EVP Finance"),
    ("intern", "Intern"),
    ("trainee", "Trainee"),
    ("editor", "Deputy Editor"),
    ("deputy", "Deputy General Manager"),
    # Other languages of the cards handed over at German fairs
    ("müdür", "Genel Müdür"),  # Turkish: director, manager
    ("müdürü", "Üretim Müdürü"),  # ... of something
    ("mühendis", "Makina Mühendisi"),  # engineer
    ("mühendisi", "Elektrik Mühendisi"),
    ("müh", "Elk. Müh."),  # ... abbreviated
    ("yönetici", "Satış Yöneticisi"),  # manager
    ("yöneticisi", "Ar-Ge Yöneticisi"),
    ("sorumlusu", "İmalat Sorumlusu"),  # in charge of
    ("temsilcisi", "Satış Temsilcisi"),  # representative
    ("uzman", "Bilgi İşlem Uzman Yardımcısı"),  # specialist
    ("uzmanı", "Satış Uzmanı"),
    ("diretor", "Diretor Comercial"),  # Portuguese
    ("diretora", "Diretora de Vendas"),
    ("gerente", "Gerente de Vendas"),  # Portuguese, Spanish
    ("consultor", "Consultor de Marketing"),
    ("consultora", "Consultora de Vendas"),
    ("engenheiro", "Engenheiro Civil"),
    ("proprietário", "Proprietário"),
    ("directeur", "Directeur Commercial"),  # French
    ("directrice", "Directrice Marketing"),
    ("responsable", "Responsable des Ventes"),
    ("ingénieur", "Ingénieur Commercial"),
    ("direttore", "Direttore Vendite"),  # Italian
    ("responsabile", "Responsabile Vendite"),
)
TITLE_WORDS: tuple[str, ...] = tuple(w for w, _ in TITLE_WORD_RULES)
TITLE_RE = re.compile(
    r"\b(" + "|".join(re.escape(w) for w in TITLE_WORDS) + r")(in|innen|s)?\b", re.IGNORECASE
)
# German compounds end in a title word: "Vertriebsleiterin", "Produktmanagerin", "Projektingenieur".
TITLE_SUFFIX_RE = re.compile(
    r"\w+(leiter|manager|berater|entwickler|ingenieur|referent|assistent|führer|kaufmann|kauffrau|"
    r"spezialist|koordinator|architekt|direktor|einkäufer|redakteur|sachbearbeiter)(in|innen)?\b",
    re.IGNORECASE,
)

# Every word of the title table and its examples, for correcting OCR slips in a title line
# ("Geschaftstuhrerin" is Geschäftsführerin).  Only words of 7 letters or more are corrected.
_WORDS = {
    w
    for word, example in TITLE_WORD_RULES
    for w in [word, word + "in", *re.findall(r"[^\W\d_]{7,}", example.lower())]
    if len(w) >= 7
}
_DOTS = str.maketrans("äöü", "aou")
# Without the umlaut-less twins that word + "in" makes: "Rechtsanwältin", not "Rechtsanwaltin"
# (so a title whose dots OCR lost is put right, not taken as spelled).
TITLE_VOCABULARY: frozenset[str] = frozenset(
    _WORDS - {w.translate(_DOTS) for w in _WORDS if w.translate(_DOTS) != w}
)

# Endings of German compound titles, longest first: "Vertriebsleiterin", "Produktmanager".
TITLE_SUFFIXES: tuple[str, ...] = tuple(
    sorted(
        {f + g for f in ("leiter", "manager", "berater", "entwickler", "ingenieur", "referent",
                         "assistent", "führer", "spezialist", "koordinator", "direktor")
         for g in ("in", "")},
        key=len,
        reverse=True,
    )
)  # fmt: skip
