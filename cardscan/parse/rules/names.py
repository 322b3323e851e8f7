"""Name rules: academic prefixes, post-nominal suffixes, family-name particles."""

from __future__ import annotations

# (prefix, card text it exists for).  Longer prefixes are tried first.
PREFIX_RULES: tuple[tuple[str, str], ...] = (
    ("Prof. Dr.-Ing.", "Prof. Dr.-Ing. Petra Lang"),
    ("Prof. Dr. med.", "Prof. Dr. med. Karl Huber"),
    ("Prof. Dr.", "Prof. Dr. Jürgen Weiß"),
    ("Prof.", "Prof. Maria Berger"),
    ("Dr.-Ing.", "Dr.-Ing. Petra Lang"),
    ("Dr. med.", "Dr. med. Karl Huber"),
    ("Dr. rer. nat.", "Dr. rer. nat. Eva Roth"),
    ("Dr. phil.", "Dr. phil. Eva Roth"),
    ("Dr. jur.", "Dr. jur. Eva Roth"),
    ("Dr.", "Dr. Anna Müller"),
    ("Dipl.-Ing.", "Dipl.-Ing. Thomas Wolf"),
    ("Dipl.-Kfm.", "Dipl.-Kfm. Stefan Roth"),
    ("Dipl.-Kffr.", "Dipl.-Kffr. Sabine Roth"),
    ("Dipl.-Inform.", "Dipl.-Inform. Jan Beck"),
    ("Dipl.-Psych.", "Dipl.-Psych. Jana Beck"),
    ("Dipl.-Betriebsw.", "Dipl.-Betriebsw. Jan Beck"),
    ("Dipl.-Wirt.-Ing.", "Dipl.-Wirt.-Ing. Jan Beck"),
    ("Ing.", "Ing. Franz Gruber"),  # Austria
    ("DI", "DI Maria Berger"),  # Austria: Diplomingenieur
    ("Mag.a", "Mag.a Eva Huber"),  # Austria, female form
    ("Mag.", "Mag. Eva Huber"),  # Austria
    ("MMag.", "MMag. Eva Huber"),
    ("Mr.", "Mr. John Smith"),
    ("Mrs.", "Mrs. Jane Smith"),
    ("Ms.", "Ms. Jane Smith"),
)
NAME_PREFIXES: tuple[str, ...] = tuple(p for p, _ in PREFIX_RULES)

# (suffix, card text it exists for): post-nominal letters after the name.
SUFFIX_RULES: tuple[tuple[str, str], ...] = (
    ("MBA", "Thomas Wolf, MBA"),
    ("M.Sc.", "Lena Schulz, M.Sc."),
    ("MSc", "Lena Schulz MSc"),
    ("B.Sc.", "Lena Schulz, B.Sc."),
    ("BSc", "Lena Schulz BSc"),
    ("M.A.", "Jan Beck, M.A."),
    ("B.A.", "Jan Beck, B.A."),
    ("LL.M.", "Eva Roth, LL.M."),
    ("PhD", "Jane Doe, PhD"),
    ("Ph.D.", "Jane Doe, Ph.D."),
    ("M.D.", "John Smith, M.D."),
    ("MBE", "John Smith MBE"),
    ("CPA", "Jane Doe, CPA"),
    ("CFA", "Jane Doe, CFA"),
    ("PMP", "Jane Doe, PMP"),
    ("MEng", "John Smith MEng"),
    ("Jr.", "John Smith Jr."),
    ("Esq.", "Tom Reed Esq."),
    ("Sr.", "John Smith Sr."),
    ("sen.", "Karl Weber sen."),
    ("jun.", "Karl Weber jun."),
)
NAME_SUFFIXES: tuple[str, ...] = tuple(s for s, _ in SUFFIX_RULES)

# (particle, card text it exists for): these words belong to the family name.
PARTICLE_RULES: tuple[tuple[str, str], ...] = (
    ("von", "Karl von Bergen"),
    ("van", "Joost van Dijk"),
    ("de", "Maria de Jong"),
    ("der", "Ursula von der Leyen"),
    ("den", "Jan van den Berg"),
    ("zu", "Karl zu Guttenberg"),
    ("zur", "Anne-Kathrin zur Linden"),
    ("vom", "Anna vom Hofe"),
    ("zum", "Peter zum Winkel"),
    ("ter", "Anna ter Horst"),
    ("di", "Marco di Stefano"),
    ("da", "Ana da Silva"),
    ("dos", "Ana dos Santos"),
    ("del", "Carlos del Rio"),
    ("le", "Jean le Roux"),
)
NAME_PARTICLES: frozenset[str] = frozenset(p for p, _ in PARTICLE_RULES)

# (word, card text it exists for): words that never occur in a person's name, so a line with one
# of them is no name even when it is short and capitalised like one.
NOT_NAME_RULES: tuple[tuple[str, str], ...] = (
    ("building", "Sakura Park Building"),
    ("bldg", "Shin-Osaka Bldg"),
    ("tower", "Messeturm Tower"),
    ("floor", "Third Floor"),
    ("center", "Business Center"),
    ("centre", "Conference Centre"),
    ("haus", "Haus der Wirtschaft"),
    ("section", "Management Section"),
    ("management", "Quality Management"),
    ("group", "Product Group"),
    ("team", "Team Nord"),
    ("office", "Head Office"),
    ("headquarters", "European Headquarters"),
    ("zentrale", "Zentrale Hamburg"),
    ("niederlassung", "Niederlassung Süd"),
    ("filiale", "Filiale Mitte"),
    ("standort", "Standort Berlin"),
    ("campus", "Campus Nord"),
    ("park", "Technology Park"),
    ("business", "Business Unit"),
    ("unit", "Business Unit"),
    ("services", "Digital Services"),
    ("solutions", "Smart Solutions"),
    ("digital", "Digital Services"),
    ("global", "Global Markets"),
    ("international", "International Sales"),
    ("contact", "Contact Details"),
    ("kontakt", "Kontakt"),
)
NOT_NAME_WORDS: frozenset[str] = frozenset(w for w, _ in NOT_NAME_RULES)
