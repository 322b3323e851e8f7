"""Country rules: names of countries and big cities, and the words that tell a card's country.

A card rarely says its country in one place; these tables hold the places it says it in, so that
a national number ("0212 555 08 74", "(11) 2345-6789") is read in the right country. Each entry
carries the card text it exists for.
"""

from __future__ import annotations

import re

# (country as printed, ISO code): a line (or a line's end) that names a country. English, the
# country's own languages, German; spellings with the letters OCR drops ("Turkiye").
# Not here: names that are also common words or people's names (Jordan, Chad, Georgia).
COUNTRY_RULES: tuple[tuple[str, str], ...] = (
    ("deutschland", "DE"),
    ("germany", "DE"),
    ("österreich", "AT"),
    ("oesterreich", "AT"),
    ("osterreich", "AT"),  # OCR lost the dots of the Ö
    ("austria", "AT"),
    ("schweiz", "CH"),
    ("switzerland", "CH"),
    ("suisse", "CH"),
    ("svizzera", "CH"),
    ("liechtenstein", "LI"),
    ("united kingdom", "GB"),
    ("great britain", "GB"),
    ("england", "GB"),
    ("scotland", "GB"),
    ("uk", "GB"),
    ("usa", "US"),
    ("u.s.a.", "US"),
    ("united states", "US"),
    ("united states of america", "US"),
    ("canada", "CA"),
    ("nederland", "NL"),
    ("netherlands", "NL"),
    ("the netherlands", "NL"),
    ("niederlande", "NL"),
    ("belgium", "BE"),
    ("belgien", "BE"),
    ("belgique", "BE"),
    ("luxembourg", "LU"),
    ("luxemburg", "LU"),
    ("france", "FR"),
    ("frankreich", "FR"),
    ("italia", "IT"),
    ("italy", "IT"),
    ("italien", "IT"),
    ("españa", "ES"),
    ("espana", "ES"),
    ("spain", "ES"),
    ("spanien", "ES"),
    ("portugal", "PT"),
    ("polska", "PL"),
    ("poland", "PL"),
    ("polen", "PL"),
    ("czech republic", "CZ"),
    ("česká republika", "CZ"),
    ("tschechien", "CZ"),
    ("danmark", "DK"),
    ("denmark", "DK"),
    ("dänemark", "DK"),
    ("sverige", "SE"),
    ("sweden", "SE"),
    ("schweden", "SE"),
    ("norge", "NO"),
    ("norway", "NO"),
    ("norwegen", "NO"),
    ("suomi", "FI"),
    ("finland", "FI"),
    ("finnland", "FI"),
    ("ireland", "IE"),
    ("irland", "IE"),
    ("türkiye", "TR"),
    ("turkiye", "TR"),  # the ü read as u
    ("turkey", "TR"),
    ("türkei", "TR"),
    ("brasil", "BR"),
    ("brazil", "BR"),
    ("brasilien", "BR"),
    ("méxico", "MX"),
    ("mexico", "MX"),
    ("argentina", "AR"),
    ("japan", "JP"),
    ("nippon", "JP"),
    ("korea", "KR"),
    ("south korea", "KR"),
    ("republic of korea", "KR"),
    ("china", "CN"),
    ("p.r. china", "CN"),
    ("hong kong", "HK"),
    ("taiwan", "TW"),
    ("singapore", "SG"),
    ("india", "IN"),
    ("vietnam", "VN"),
    ("viet nam", "VN"),
    ("việt nam", "VN"),
    ("australia", "AU"),
    ("new zealand", "NZ"),
    ("united arab emirates", "AE"),
    ("uae", "AE"),
    ("u.a.e.", "AE"),
    ("south africa", "ZA"),
    ("israel", "IL"),
)
COUNTRIES: dict[str, str] = dict(COUNTRY_RULES)

# (city as printed, ISO code, card text it exists for): cities big enough that a card naming
# one is from that country. Only places no other country has a big city of that name.
CITY_RULES: tuple[tuple[str, str, str], ...] = (
    ("istanbul", "TR", "Pendik / İSTANBUL"),
    ("ankara", "TR", "Çankaya / Ankara"),
    ("izmir", "TR", "Bornova - İzmir"),
    ("bursa", "TR", "Nilüfer / BURSA"),
    ("kayseri", "TR", "Kocasinan / KAYSERİ"),
    ("konya", "TR", "Selçuklu / KONYA"),
    ("adana", "TR", "Seyhan / ADANA"),
    ("antalya", "TR", "Muratpaşa / Antalya"),
    ("gaziantep", "TR", "Şehitkamil / GAZİANTEP"),
    ("kocaeli", "TR", "Gebze / KOCAELİ"),
    ("mersin", "TR", "Yenişehir / MERSİN"),
    ("eskişehir", "TR", "Tepebaşı / ESKİŞEHİR"),
    ("denizli", "TR", "Merkezefendi / DENİZLİ"),
    ("manisa", "TR", "Yunusemre / MANİSA"),
    ("tekirdağ", "TR", "Çorlu / TEKİRDAĞ"),
    ("sakarya", "TR", "Hendek / SAKARYA"),
    ("são paulo", "BR", "Barra Funda - São Paulo - SP"),
    ("sao paulo", "BR", "Cep 01000-000 - Sao Paulo - SP"),  # the ã read as a
    ("rio de janeiro", "BR", "Botafogo, Rio de Janeiro - RJ"),
    ("belo horizonte", "BR", "Savassi, Belo Horizonte - MG"),
    ("seoul", "KR", "Mapo-gu, Seoul 04050"),
    ("busan", "KR", "Haeundae-gu, Busan"),
    ("tokyo", "JP", "Chiyoda-ku, Tokyo"),
    ("osaka", "JP", "Kita-ku, Osaka"),
    ("new delhi", "IN", "Connaught Place, New Delhi - 110 002"),
    ("mumbai", "IN", "Nariman Point, Mumbai 400021"),
    ("bangalore", "IN", "MG Road, Bangalore"),
    ("dubai", "AE", "Sheikh Zayed Road, Dubai"),
    ("abu dhabi", "AE", "Corniche, Abu Dhabi"),
    ("taipei", "TW", "Xinyi Dist., Taipei City"),
    ("hanoi", "VN", "Hoan Kiem, Hanoi"),
    ("ho chi minh", "VN", "District 1, Ho Chi Minh City"),
    ("singapore", "SG", "Raffles Place, Singapore 048616"),
    ("sydney", "AU", "George Street, Sydney NSW 2000"),
    ("melbourne", "AU", "Collins Street, Melbourne VIC 3000"),
    ("wien", "AT", "1010 Wien"),
    ("zürich", "CH", "8001 Zürich"),
)
CITY_REGION: dict[str, str] = {city: code for city, code, _ in CITY_RULES}

# (pattern, ISO code, card text it exists for): words and shapes only one country's cards use.
REGION_WORD_RULES: tuple[tuple[str, str, str], ...] = (
    # Turkey: legal forms and the parts of an address (Mahalle, Cadde, Sokak, industrial estates)
    (r"\b(?:ltd\.?\s*[şs]ti|a\.\s?[şs])\b", "TR", "Meksa Makina San. ve Tic. Ltd. Şti."),
    (r"\bsan\.?\s*(?:ve\s*)?tic\b", "TR", "Yıldız San. ve Tic. A.Ş."),
    (r"\b(?:mah|cad|sok|sk|bulv)\.", "TR", "Bahar Mah. Gül Sok. No: 4"),
    (r"\b(?:mahallesi|caddesi|sokak|sokağı|sanayi sitesi)\b", "TR", "Sanayi Caddesi No: 12"),
    (r"\bO\.?S\.?B\b", "TR", "Karaağaç OSB Bakırcılar Sit."),
    # the industrial estates and their blocks spelled out: Organize Sanayi (Bölgesi), a Sitesi
    (r"\borgani[zs]e\s+san\b", "TR", "Yeşilova Organize San. Bölg. Kuyumcular Sit."),
    (r"\bsitesi\b|\bsan\.\s*sit\b|\bblok\s*no\b", "TR", "Çınar Sitesi C3 Blok No: 41"),
    # İstanbul abbreviated after the district, as Turkish cards print it
    (r"[-/]\s*ist\.?\s*$", "TR", "Yeşilova / İST."),
    # Brazil: the CEP postcode, legal forms, a state after the city
    (r"\bcep\b|(?<![\d-])\d{5}-\d{3}(?![\d-])", "BR", "CEP 01310-100"),
    (r"\bltda\b|\bs/a\b|\bs/c\b", "BR", "Auto Peças Lima Ltda."),
    (r"(?:\s[-–]\s?|/)(?:SP|RJ|MG|RS)\b\.?\s*$", "BR", "Centro - SP"),
    (r"\b(?:rua|travessa)\s", "BR", "Rua das Palmeiras, 120"),
    (r"\b(?:celular|fone)\b", "BR", "Celular: (11) 98765-4321"),
    # North America: a number in the NANP shape, an area code that starts with 2-9 in brackets
    # or before a dot or hyphen, ddd-dddd after it (German, Japanese and Korean national
    # numbers start with 0; Brazilian area codes have two digits)
    (
        r"(?<![\d+(])\(?[2-9]\d{2}\)?[\s.-]?[2-9]\d{2}[.-]\d{4}(?![\d-])",
        "US",
        "Office (415) 555-0134",
    ),
    # Korea: the -gu / -ro / -dong of a street address
    (r"\b\w+-(?:gu|ro|gil|dong)\b", "KR", "45 Yanghwa-ro, Mapo-gu"),
    # Japan, on cards printed in English: the ward or city suffix, and numbers grouped 0X-XXXX-XXXX
    (r"\b\w+-(?:ku|shi|cho|machi)\b", "JP", "Minato-ku, Tokyo"),
    (r"(?<![\d+-])0\d{1,3}-\d{2,4}-\d{4}(?![\d-])", "JP", "TEL 03-5555-0123"),
    # Vietnam: the company's form "Công ty TNHH"
    (r"\b(?:tnhh|công ty|cong ty)\b", "VN", "CÔNG TY TNHH AN PHÚ"),
)
REGION_WORDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), code) for pattern, code, _ in REGION_WORD_RULES
)
