from __future__ import annotations

import pytest

from narrate.speech.rules import dates


@pytest.mark.parametrize(("text", "spoken"), [
    ("on Dec. 13", "on December thirteenth"),
    ("March 14, 2021", "March fourteenth, twenty twenty one"),
    ("3 June 1999", "the third of June, nineteen ninety nine"),
    ("the 4th of July", "the fourth of July"),
    ("June 3-5", "June third to fifth"),
    ("2024-11-05", "November fifth, twenty twenty four"),
    ("12/25/2023", "December twenty fifth, twenty twenty three"),
    ("25/12/2023", "the twenty fifth of December, twenty twenty three"),
    ("1/3/2020", "1/3/2020"),  # month or day first? left to the engine
    ("2024-13-45", "2024-13-45"),
])
def test_english_dates(text: str, spoken: str) -> None:
    assert dates.english_dates(text) == spoken


@pytest.mark.parametrize(("text", "spoken"), [
    ("at 7:30 p.m. sharp", "at seven thirty P M sharp"),
    ("at 10:05pm", "at ten oh five P M"),
    ("at 9am", "at nine A M"),
    ("at 11.30am", "at eleven thirty A M"),
    ("at 9 a.m. EST", "at nine A M E S T"),
    ("at 6 p.m. The next day", "at six P M. The next day"),
    ("at 14:00 and 23:59 and 00:00", "at fourteen hundred and twenty three fifty nine and midnight"),
    ("at 6:45 GMT", "at six forty five G M T"),
    ("a ratio of 3:2.5", "a ratio of 3:2.5"),
    ("kicks off at 19.45 tonight", "kicks off at nineteen forty five tonight"),
    ("lands at 7.30 GMT", "lands at seven thirty G M T"),
    ("closed at 19.45 today", "closed at 19.45 today"),  # a price
    ("The pound stood at 1.25 this morning", "The pound stood at 1.25 this morning"),  # a value
    ("Trains left at 7.30 this morning", "Trains left at seven thirty this morning"),
    ("rose to 19.45 tonight", "rose to 19.45 tonight"),  # no "at": no clock
    ("at 19.45 on Monday", "at 19.45 on Monday"),  # a price as likely as a time
    ("I am 5 and he is 4 a minute", "I am 5 and he is 4 a minute"),
])
def test_english_times(text: str, spoken: str) -> None:
    assert dates.english_times(text) == spoken


@pytest.mark.parametrize(("text", "spoken"), [
    ("the 1980s and the '90s", "the nineteen eighties and the nineties"),
    ("the 2020-21 season", "the twenty twenty to twenty one season"),
    ("the 2023/24 season", "the twenty twenty three to twenty four season"),
    ("in 2024/23", "in 2024/23"),  # not a season (the second year is earlier): left to the engine
    ("in 1066 and 1999", "in ten sixty six and nineteen ninety nine"),
    ("2005 and 1900", "two thousand five and nineteen hundred"),
    ("$2024 and 2024% and 2,024", "$2024 and 2024% and 2,024"),  # not years
])
def test_decades_and_years(text: str, spoken: str) -> None:
    assert dates.decades_and_years(text) == spoken


@pytest.mark.parametrize(("text", "lang", "spoken"), [
    ("am 3. Mai 2024", "de", "am dritten Mai 2024"),
    ("im 4. Stock", "de", "im vierten Stock"),
    ("ihren 60. Geburtstag und seine 2. Frau", "de", "ihren sechzigsten Geburtstag und seine zweite Frau"),
    # digits the engine reads in German; a spelled compound ("fünfundvierzig") it reads wrong
    ("um 14.30 Uhr", "de", "um 14 Uhr 30"),
    ("um 18:45 Uhr ab", "de", "um 18 Uhr 45 ab"),
    ("um 14.30 Uhr. dann", "de", "um 14 Uhr dreißig. dann"),  # '30. dann' would be '30th'
    # the hour in words, so the engine makes the liaison; une heure is feminine
    ("le 1er mai à 14 h 30", "fr", "le premier mai à quatorze heures 30"),
    ("à 9h30 et à 21 h", "fr", "à neuf heures 30 et à vingt et une heures"),
    ("à 1 h", "fr", "à une heure"),
    ("le 3e arrondissement", "fr", "le troisième arrondissement"),
    ("om 20.00 uur", "nl", "om 20 uur"),
    ("am 3.10.1990", "de", "am dritten Oktober 1990"),
    ("am 01.01.2000", "de", "am ersten Januar 2000"),
    ("Version 3.10.2024a und 31.13.2020", "de", "Version 3.10.2024a und 31.13.2020"),  # no dates
    ("Version 1.2.2020 ist alt", "de", "Version 1.2.2020 ist alt"),  # no word that takes a date
    ("Der 3. Oktober ist frei, seit dem 3. Oktober", "de", "Der dritte Oktober ist frei, seit dem dritten Oktober"),
    ("Il treno delle 8:15", "it", "Il treno delle 8 e 15"),
    ("el 2.º puesto", "es", "el segundo puesto"),
])
def test_foreign_dates_and_times(text: str, lang: str, spoken: str) -> None:
    assert dates.foreign_dates_and_times(text, lang) == spoken


@pytest.mark.parametrize(("text", "lang", "spoken"), [
    ("Der 1. FC Köln und im 19. Jahrhundert", "de", "Der erste FC Köln und im neunzehnten Jahrhundert"),
    ("Le XXIe siècle et le Ve siècle. Le chat, Ce livre, Xe.", "fr",
     "Le vingt et unième siècle et le cinquième siècle. Le chat, Ce livre, Xe."),
    ("às 18h30 e às 9h", "pt", "às dezoito horas e 30 e às nove horas"),
    ("às 21h e à 1h", "pt", "às vinte e uma horas e à uma hora"),  # hora is feminine
    ("a las 18:30 h.", "es", "a las dieciocho treinta"),
    ("a las 9:05 y a la 1:00", "es", "a las nueve y cinco y a la una"),
    ("a las 21:00", "es", "a las veintiuna"),
    ("ganó 16:20 en el set", "es", "ganó 16:20 en el set"),  # no "las": no clock
    ("alle 18.30 e dalle 9.00", "it", "alle 18 e 30 e dalle 9"),
])
def test_more_foreign_dates_and_times(text: str, lang: str, spoken: str) -> None:
    assert dates.foreign_dates_and_times(text, lang) == spoken


@pytest.mark.parametrize(("text", "spoken"), [
    ("On 12\u201314 March, talks resume", "On the twelfth to the fourteenth of March, talks resume"),
    ("from 3-5 June 2025", "from the third to the fifth of June, twenty twenty five"),
    ("the 30\u201331 December games", "the thirtieth to the thirty first of December games"),
])
def test_two_days_before_the_month(text: str, spoken: str) -> None:
    assert dates.english_dates(text) == spoken


def test_days_that_go_down_are_no_range() -> None:
    assert dates._DAYS_BEFORE_MONTH.sub(dates._days_before_month, "14-12 March") == "14-12 March"


@pytest.mark.parametrize(("text", "spoken"), [
    ("slumped in '08 and", "slumped in oh eight and"),
    ("the class of '99", "the class of ninety nine"),
    ("between '08 and '09", "between oh eight and oh nine"),
    ("'12 people died', she said", "'12 people died', she said"),  # a quotation, not a year
    ("in the '90s", "in the nineties"),
])
def test_a_year_by_its_last_two_digits(text: str, spoken: str) -> None:
    assert dates.decades_and_years(text) == spoken


@pytest.mark.parametrize(("text", "lang", "spoken"), [
    ("op 31-12-2025", "nl", "op 31 december 2025"),
    ("le 01/03/2024", "fr", "le premier mars 2024"),
    ("el 15/09/2023", "es", "el 15 de septiembre de 2023"),
    ("il 1/5/2023", "it", "il primo maggio 2023"),
    ("em 7/9/1822", "pt", "em 7 de setembro de 1822"),
    ("el 21-01-2020 y 13/13/2020", "es", "el 21-01-2020 y 13/13/2020"),  # hyphens only in Dutch; no 13th month
    ("versie 1/2/2024-b", "nl", "versie 1/2/2024-b"),
])
def test_numeric_dates_day_first(text: str, lang: str, spoken: str) -> None:
    assert dates.foreign_dates_and_times(text, lang) == spoken


@pytest.mark.parametrize(("text", "spoken"), [
    ("Quedó en 3.er lugar", "Quedó en tercer lugar"),
    ("el 1er puesto", "el primer puesto"),
    ("el 2.º puesto", "el segundo puesto"),
    ("el 5.er lugar", "el 5.er lugar"),  # no short form of quinto
])
def test_spanish_short_ordinals(text: str, spoken: str) -> None:
    assert dates.foreign_dates_and_times(text, "es") == spoken


@pytest.mark.parametrize(("text", "spoken"), [
    ("began at 0430 GMT", "began at oh four thirty GMT"),  # 24-hour, no separator, a zone
    ("at 1400 hrs", "at fourteen hundred hrs"),
    ("at 0430Z", "at oh four thirty Z"),  # a zone glued to it stays a word apart
    ("logged 1030 hours of footage", "logged 1030 hours of footage"),  # a quantity
    ("runs 10pm\u20136am", "runs ten P M to six A M"),  # two times make a span
    ("from 9 a.m. - 5 p.m.", "from nine A M to five P M"),
])
def test_military_times_and_spans_of_times(text: str, spoken: str) -> None:
    assert dates.english_times(text) == spoken


@pytest.mark.parametrize(("text", "spoken"), [
    ("open op di 3 juni", "open op dinsdag 3 juni"),
    ("za. 12 april", "zaterdag 12 april"),
    ("zo is het", "zo is het"),  # no date: the word "zo"
])
def test_dutch_weekday_short_forms(text: str, spoken: str) -> None:
    assert dates.foreign_dates_and_times(text, "nl") == spoken
