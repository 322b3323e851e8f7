"""Address rules of Turkish and Brazilian cards: street words, door numbers, states, bairros."""

from __future__ import annotations

import re

# (pattern, card text it exists for): words of a Turkish street address before the door number.
# A line with one of them above "3. Blok No: 14" is the street's first half.
TR_STREET_WORD_RULES: tuple[tuple[str, str], ...] = (
    (r"\bsanayi\b", "Organize Sanayi Bölgesi Gül Sitesi"),  # industrial estate
    (r"\bsan\.", "Bakırcılar San. Sit. C-4 Blok No: 217"),
    (r"\bsit(?:esi|\.|\b)", "Kartal San. Sit. 5. Cad. No: 48"),  # estate, complex
    (r"\bo\.?s\.?b\b", "Karaağaç OSB Bakırcılar San. Sit."),  # Organize Sanayi Bölgesi
    (r"\bb[öo]lgesi\b", "Zafer Sanayi Bölgesi"),  # zone
    (r"\bcad(?:desi|\.|de\b)", "Cumhuriyet Caddesi No: 9"),  # street
    (r"\bmah(?:allesi|\.)", "Bahar Mah. Lale Sok. No: 4"),  # quarter
    (r"\bsok(?:ak|ağı|\.)|\bsk\.", "Papatya Sokak No. 41/3"),  # lane
    (r"\bbul(?:varı|\.)", "Gazi Bul. No: 212"),  # boulevard
    (r"\bapt\.", "Deniz Apt. No. 41/3"),
    (r"\bplaza\b", "Yıldız Plaza B Blok"),
    (r"\bblok\b", "GÜLSAN Sitesi 3. Blok No:7"),
    (r"\bi[şs] merkezi\b", "Ada İş Merkezi C Blok No: 17"),
)
TR_STREET_WORD_RE = re.compile(
    "|".join(p for p, _ in TR_STREET_WORD_RULES), re.IGNORECASE
)  # fmt: skip
# The door number that ends a Turkish street: "No: 217", "No:2/A", "No. 87/3", "No: 28 - 40",
# "No: 5/B2", and the block printed after it: "No:14 2.Blok".
TR_DOOR_NUMBER_RE = re.compile(
    r"\bNo\s*\.?\s*:?\s*\d+(?:[A-Za-z]\b)?"
    r"(?:\s*[-/]\s*(?:\d+(?:[A-Za-z]\b)?|[A-Za-z]\d{0,2}\b))*(?:\s+\d{1,2}\.\s?Blok\b)?"
)
# Which office an address is: "Merkez : Karaağaç OSB ..." (head office), "Fabrika:", "Mağaza:".
TR_ADDRESS_LABEL_RE = re.compile(
    r"^\s*(?:merkez|fabrika|şube|sube|mağaza|magaza|adres|depo|showroom|satış ofisi)\s*:\s*",
    re.IGNORECASE,
)

# (street type, card text it exists for): how a Brazilian street starts; name, comma, number.
BR_STREET_TYPE_RULES: tuple[tuple[str, str], ...] = (
    (r"rua", "Rua das Acácias, 318"),
    (r"r\.", "R. Ipê, 57"),
    (r"avenida", "Avenida Paulista, 1578"),
    (r"av\.?", "Av. Jabaquara, 1875"),
    (r"alameda", "Alameda Santos, 200"),
    (r"al\.", "Al. Santos, 200"),
    (r"travessa", "Travessa do Ouvidor, 5"),
    (r"praça", "Praça da Sé, 108"),
    (r"estrada", "Estrada do Campo Limpo, 1501"),
    (r"rodovia", "Rodovia Raposo Tavares, 7389"),
)
_TYPES = "|".join(p for p, _ in BR_STREET_TYPE_RULES)
# "Rua das Acácias, 318", "Av. Aricanduva,1480", "Rua 7 de Setembro, 275", and what follows
# the number on the same street: "- 1º andar", "Sala 6".
BR_STREET_RE = re.compile(
    r"\b(?:" + _TYPES + r")\s+[^,;\n]+?\s*[,;]\s*(?:n[º°o]\.?\s*)?\d[\d.]*"
    r"(?:\s*[-,:]*\s*(?:\d+\s?[º°o]\.?\s*andar|sala\s*\d+|conj\.?\s*\d+|apto?\.?\s*\d+|loja\s*\d+))*",
    re.IGNORECASE,
)
# The 27 states (UF) after the city: "São Paulo - SP", "Campinas/SP".
BR_STATES: frozenset[str] = frozenset(
    [
        "AC",
        "AL",
        "AP",
        "AM",
        "BA",
        "CE",
        "DF",
        "ES",
        "GO",
        "MA",
        "MT",
        "MS",
        "MG",
        "PA",
        "PB",
        "PR",
        "PE",
        "PI",
        "RJ",
        "RN",
        "RS",
        "RO",
        "RR",
        "SC",
        "SP",
        "SE",
        "TO",
    ]
)
# A bairro (city district), printed before the city or alone before the state: never the city.
BR_BAIRRO_RE = re.compile(
    r"^(?:jd|jardim|vila|vl|parque|pq|centro|cid|bairro|conj|conjunto|chácara|chacara|"
    r"residencial|setor)\b\.?",
    re.IGNORECASE,
)

# Big cities as printed, by their spelling without accents: OCR drops the tilde of "São".
CITY_SPELLING: dict[str, str] = {
    "sao paulo": "São Paulo",
    "são paulo": "São Paulo",
    "brasilia": "Brasília",
    "goiania": "Goiânia",
    "belem": "Belém",
    "florianopolis": "Florianópolis",
    "niteroi": "Niterói",
    "sao jose dos campos": "São José dos Campos",
    "ribeirao preto": "Ribeirão Preto",
    "rio de janeiro": "Rio de Janeiro",
    "belo horizonte": "Belo Horizonte",
    "curitiba": "Curitiba",
    "porto alegre": "Porto Alegre",
    "campinas": "Campinas",
}
