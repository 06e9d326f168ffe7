from __future__ import annotations

import pytest

from narrate.speech.rules.money import money


@pytest.mark.parametrize(("text", "spoken"), [
    ("a $2.5 billion plan", "a two point five billion dollar plan"),  # a modifier: singular
    ("costs $3.50", "costs three dollars and fifty cents"),
    ("earned €40k", "earned forty thousand euros"),
    ("a £5m deal", "a five million pound deal"),
    ("US$1.2 billion", "one point two billion US dollars"),
    ("A$500 million and HK$10", "five hundred million Australian dollars and ten Hong Kong dollars"),
    ("C$2.3bn", "two point three billion Canadian dollars"),
    ("USD 500 and EUR 2.5 million", "five hundred US dollars and two point five million euros"),
    ("$1.2tn", "one point two trillion dollars"),
    ("50¢", "fifty cents"),
    ("$1", "one dollar"),
    ("¥300.5", "three hundred point five yen"),
    ("the A$ fell", "the A$ fell"),  # no amount: left alone
])
def test_english_money(text: str, spoken: str) -> None:
    assert money(text, "en") == spoken


@pytest.mark.parametrize(("text", "lang", "spoken"), [
    ("kostet 12 €", "de", "kostet 12 Euro"),
    ("coûte 12 €", "fr", "coûte 12 euros"),
    ("custa R$ 50", "pt", "custa 50 reais"),
    ("kost € 20", "nl", "kost 20 euro"),
    ("cuesta 15 €", "es", "cuesta 15 euros"),
])
def test_foreign_money(text: str, lang: str, spoken: str) -> None:
    assert money(text, lang) == spoken


def test_a_modifier_with_cents_keeps_the_plural() -> None:
    assert money("at a $9.99 monthly fee", "en") == "at a nine dollars and ninety nine cents monthly fee"


@pytest.mark.parametrize(("text", "lang", "spoken"), [
    ("kostet 12,50 €", "de", "kostet 12 Euro 50"),
    ("pagou R$ 1.500,00.", "pt", "pagou 1.500 reais."),
    ("cuesta 3,20 €", "es", "cuesta 3 euros con 20"),
    ("costa € 2,05", "it", "costa 2 euro e 5"),
])
def test_foreign_cents(text: str, lang: str, spoken: str) -> None:
    assert money(text, lang) == spoken


@pytest.mark.parametrize(("text", "spoken"), [
    # after "the", "its"...: singular only when a noun follows, not a verb or preposition
    ("The £10m project stalled", "The ten million pound project stalled"),
    ("Its $2bn bond sold", "Its two billion dollar bond sold"),
    ("The £10m was spent", "The ten million pounds was spent"),
    ("the $5m raised in May", "the five million dollars raised in May"),
    ("the $5 in his pocket", "the five dollars in his pocket"),
    ("He lent her $300 last week", "He lent her three hundred dollars last week"),  # "her": an object
    ("the $5m next year", "the five million dollars next year"),
])
def test_the_currency_as_a_modifier(text: str, spoken: str) -> None:
    assert money(text, "en") == spoken


@pytest.mark.parametrize(("text", "spoken"), [
    ("Prices of $5–10 apply", "Prices of five to ten dollars apply"),
    ("from $5-$10", "from five to ten dollars"),
    ("a £3-5bn bill", "a three to five billion pound bill"),
    ("€2m-3m", "two million to three million euros"),
])
def test_a_range_of_money_says_the_currency_once(text: str, spoken: str) -> None:
    assert money(text, "en") == spoken


@pytest.mark.parametrize(("text", "lang", "spoken"), [
    ("custa R$ 95 mil", "pt", "custa 95 mil reais"),  # a thousand: no "de"
    ("lucrou € 2,3 milhões", "pt", "lucrou 2,3 milhões de euros"),
    ("cuesta 3 millones €", "es", "cuesta 3 millones de euros"),
    ("un contrat de 5 millions €", "fr", "un contrat de 5 millions d'euros"),
    ("un prêt de £ 2 millions", "fr", "un prêt de 2 millions de livres"),
    ("costa € 3 milioni", "it", "costa 3 milioni di euro"),
    ("kostet € 5 Millionen", "de", "kostet 5 Millionen Euro"),  # German and Dutch say no "of"
    ("kost € 1,5 miljoen", "nl", "kost 1,5 miljoen euro"),
])
def test_foreign_money_after_a_scale_word(text: str, lang: str, spoken: str) -> None:
    assert money(text, lang) == spoken


@pytest.mark.parametrize(("text", "spoken"), [
    ("Shares rose 3.5p to 212p.", "Shares rose three point five pence to two hundred twelve pence."),
    ("A pint costs 99p", "A pint costs ninety nine pence"),
    ("a 1p coin", "a one penny coin"),
    ("in 720p and 1080p", "in 720p and 1080p"),  # a video resolution is the codes rule's
])
def test_pence_glued_to_an_amount(text: str, spoken: str) -> None:
    assert money(text, "en") == spoken
