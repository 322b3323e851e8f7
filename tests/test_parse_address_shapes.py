"""Addresses of Turkish and Brazilian cards: the street's own shape, no postcode before the city.
Invented cards of the shapes real cards print."""

import pytest

from cardscan.model import Address
from cardscan.parse import lines_from_text, parse_card
from cardscan.parse.rules import BR_STREET_TYPE_RULES, TR_STREET_WORD_RE, TR_STREET_WORD_RULES


def _address(card: str) -> Address | None:
    return parse_card(lines_from_text(card)).address


@pytest.mark.parametrize(
    ("card", "street", "postcode", "city"),
    [
        # the street over two lines, ending at the door number; district / province
        (
            "Deniz Sancak\nSatış Müdürü\nKaraağaç OSB Bakırcılar San. Sit.\n"
            "C-4 Blok No: 217 Başakşehir / İSTANBUL\nTel: (0212) 555 12 34",
            "Karaağaç OSB Bakırcılar San. Sit. C-4 Blok No: 217",
            None,
            "İSTANBUL",
        ),
        # the postcode after "PK:", the city on the next line, the country after it
        (
            "Organize Sanayi Bölgesi Gül Sitesi\n3. Blok No: 14 PK: 34490\n"
            "Esenyurt/İSTANBUL - TURKEY\nTel: +90 212 555 12 34",
            "Organize Sanayi Bölgesi Gül Sitesi 3. Blok No: 14",
            "34490",
            "İSTANBUL",
        ),
        # one line; which office it is ("Merkez:") is no part of the street
        (
            "Kemal Aydın\nMerkez: Cumhuriyet Caddesi K-12 Sok. No:7 Yeşilköy / İSTANBUL\n"
            "Fax:+90 212 555 59 73",
            "Cumhuriyet Caddesi K-12 Sok. No:7",
            None,
            "İSTANBUL",
        ),
        # a door number with a letter; the district printed without a slash
        (
            "Kartal San. Sit. 5. Cad. No: 13/A Ankara\nTel: (0312) 555 41 26",
            "Kartal San. Sit. 5. Cad. No: 13/A",
            None,
            "Ankara",
        ),
        # the postcode among the district: the province on the next line is the city (read
        # before, the postcode made the district the city and lost the street)
        (
            "Selin Aksoy\nGüneşli Mah. Lale Sokak\nNo:21/B Kadıköy 34710\nİstanbul-TÜRKİYE\n"
            "Tel: (0216) 555 40 40",
            "Güneşli Mah. Lale Sokak No:21/B",
            "34710",
            "İstanbul",
        ),
        # the country after a bar read as I; a stray mark after the province
        (
            "Selin Aksoy\nYıldız Mah. Çınar Cad. No:42 Kocasinan / KAYSERİ I TÜRKİYE\n",
            "Yıldız Mah. Çınar Cad. No:42",
            None,
            "KAYSERİ",
        ),
        (
            "Selin Aksoy\nÇınar Sitesi C Blok No.:9 Yeşilova / İSTANBUL x7\n",
            "Çınar Sitesi C Blok No.:9",
            None,
            "İSTANBUL",
        ),
        # İstanbul abbreviated after the district; a landmark in brackets is no city
        (
            "Selin Aksoy\nCumhuriyet Sanayi Bölgesi Dere Cad. No:6\n(Otogar Karşısı)\nYeşilova İST.\n",
            "Cumhuriyet Sanayi Bölgesi Dere Cad. No:6",
            None,
            "İST",
        ),
        # OCR slips: the O of O.S.B. read as a zero, the dot of İ as a grave accent; a door
        # number with a letter and a digit, a block after the door number
        (
            "Selin Aksoy\nB.0.S.B. Lale San. Sit. 7. Cadde No: 52 Tuzla / İSTANBUL\n",
            "B.O.S.B. Lale San. Sit. 7. Cadde No: 52",
            None,
            "İSTANBUL",
        ),
        (
            "Selin Aksoy\nÌ.O.S.B Gül Sitesi D Blok No: 17/D3 Başakşehir / İSTANBUL\n",
            "İ.O.S.B Gül Sitesi D Blok No: 17/D3",
            None,
            "İSTANBUL",
        ),
        (
            "Selin Aksoy\nYeşilova Organize San. Bölgesi Lale San. Sit. No:14 2.Blok\n"
            "Yeşilova / İSTANBUL\n",
            "Yeşilova Organize San. Bölgesi Lale San. Sit. No:14 2.Blok",
            None,
            "İSTANBUL",
        ),
    ],
)
def test_turkish_addresses(card, street, postcode, city):
    assert _address(card) == Address(street=street, postal_code=postcode, city=city)


@pytest.mark.parametrize(
    ("card", "street"),
    [
        pytest.param(
            "Kartal San. Sit. 6. Cadde\nAyşe KAYA\nNo: 38 Esenyurt / İSTANBUL",
            "Kartal San. Sit. 6. Cadde No: 38",
            id="the person's name between, in the next column",
        ),
        pytest.param(
            "Gül Sanayi Sitesi C-4 Blok\nFax: (0212) 555 12 35\nNo: 217 Esenyurt / İSTANBUL",
            "Gül Sanayi Sitesi C-4 Blok No: 217",
            id="a phone line between",
        ),
        pytest.param(
            "Dere Organize San. Bölgesi\nKuyumcular Sitesi\nD1 Blok No : 42 Esenyurt / İSTANBUL",
            "Dere Organize San. Bölgesi Kuyumcular Sitesi D1 Blok No : 42",
            id="two lines of the street",
        ),
        pytest.param(
            "Tuna San. Sit.\nJ\n2.Kısım 3.Blok No:9\nEsenyurt / İSTANBUL",
            "Tuna San. Sit. 2.Kısım 3.Blok No:9",
            id="a logo's stray letter between",
        ),
        pytest.param(
            "Papatya Sitesi Yönetimi\nAyşe KAYA\nGenel Müdür\nNo: 11 Esenyurt / İSTANBUL",
            "No: 11",
            id="two other lines between: not the street's",
        ),
    ],
)
def test_a_turkish_street_over_lines_above_its_door_number(card, street):
    address = _address(card)
    assert address is not None and address.street == street


def test_the_company_line_is_no_part_of_a_turkish_street():
    card = "Gülsan Metal San. Tic. Ltd. Şti.\nKartal Sitesi 5. Cad. No: 48\nBeylikdüzü / İSTANBUL"
    address = _address(card)
    assert address is not None and address.street == "Kartal Sitesi 5. Cad. No: 48"


@pytest.mark.parametrize(
    ("card", "street", "postcode", "city", "state"),
    [
        (
            "Padaria Estrela\nRua das Acácias, 318 - Bela Vista\n"
            "Cep O4I52-000 - Sao Paulo - SP\n(11) 3456-7890",  # O and I read for 0 and 1
            "Rua das Acácias, 318",
            "04152-000",
            "São Paulo",
            "SP",
        ),
        # a number in the street's name, the floor after the house number
        (
            "Cartório Estrela\nRua 7 de Setembro; 275:- 2° andar- Centro - CEP 01208-010\n"
            "Säo Paulo - SP - Tel: 11 3987-0144",
            "Rua 7 de Setembro; 275:- 2° andar",
            "01208-010",
            "São Paulo",
            "SP",
        ),
        # a bairro before the state is no city
        (
            "Ótica Estrela\nAv. Jabaquara, 1875 - Jd. Aurora -SP\n(11) 3456-7890",
            "Av. Jabaquara, 1875",
            None,
            None,
            "SP",
        ),
        ("Oficina Central\nCampinas/SP\nAv. Brasil, 1200", "Av. Brasil, 1200", None, None, None),
    ],
)
def test_brazilian_addresses(card, street, postcode, city, state):
    assert _address(card) == Address(street=street, postal_code=postcode, city=city, region=state)


@pytest.mark.parametrize(("pattern", "example"), TR_STREET_WORD_RULES, ids=lambda r: str(r)[:20])
def test_turkish_street_word(pattern, example):
    assert TR_STREET_WORD_RE.search(example)


@pytest.mark.parametrize(("pattern", "example"), BR_STREET_TYPE_RULES)
def test_brazilian_street_type(pattern, example):
    card = f"Padaria Estrela\n{example} - Centro\nCEP 01000-000 - Campinas - SP"
    address = _address(card)
    assert address is not None and address.street == example


def test_a_four_digit_number_on_a_brazilian_card_is_no_postcode():
    card = (
        "Ótica Estrela\nAv. Jabaquara, 1480 Antigo 1392 Jardim Aurora - SP\n"
        "(11) 5555-0123\ncontato@oticaestrela.com.br"
    )
    address = _address(card)
    assert address is not None and address.street == "Av. Jabaquara, 1480"
    assert address.postal_code is None


def test_a_street_under_the_door_number_is_no_city():
    card = "Selin Aksoy\nLale Sitesi D Blok No: 38\n1453 Sk. No 4\nTel: (0212) 555 12 34"
    address = _address(card)
    assert address is not None and address.city is None


@pytest.mark.parametrize("region", ["TR", "KR"])
def test_a_prefixed_postcode_is_read_on_a_card_of_any_country(region):
    from cardscan.parse.address import find_city

    found = find_city("A-1010 Wien", 0, region)
    assert found is not None and (found.postal_code, found.city) == ("1010", "Wien")
