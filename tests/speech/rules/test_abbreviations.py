from __future__ import annotations

import pytest

from narrate.speech.rules.abbreviations import abbreviations


@pytest.mark.parametrize(("text", "lang", "spoken"), [
    ("Mr. Smith met Dr. Jones", "en", "Mister Smith met Doctor Jones"),
    ("at St. Paul's", "en", "at Saint Paul's"),
    ("on Baker St. in London", "en", "on Baker Street in London"),
    ("on Downing St. The PM", "en", "on Downing Street. The PM"),  # the period also ended a sentence
    ("Acme Inc. said", "en", "Acme Incorporated said"),
    ("fruit, e.g. apples, vs. pears", "en", "fruit, for example apples, versus pears"),
    ("No. 10 and pp. 4", "en", "number 10 and pages 4"),
    ("the U.S. economy", "en", "the U S economy"),
    ("Lt. Col. Brown", "en", "Lieutenant Colonel Brown"),
    ("Dr. Müller kam z. B. gestern, u. a. mit 5 Mio. Euro", "de",
     "Doktor Müller kam zum Beispiel gestern, unter anderem mit 5 Millionen Euro"),
    ("S. 12 und S. Fischer", "de", "Seite 12 und S. Fischer"),  # "S." means page only before a number
    ("M. Dupont et Mme Martin", "fr", "Monsieur Dupont et Madame Martin"),
    ("el Sr. García y la Sra. López", "es", "el señor García y la señora López"),
    ("il dott. Rossi", "it", "il dottor Rossi"),
    ("o Sr. Silva", "pt", "o senhor Silva"),
    ("fruit, bijv. appels, dhr. Jansen", "nl", "fruit, bijvoorbeeld appels, de heer Jansen"),
    ("Mr. Smith", "sv", "Mr. Smith"),  # no list for the language: left to the engine
])
def test_abbreviations(text: str, lang: str, spoken: str) -> None:
    assert abbreviations(text, lang) == spoken


def test_a_title_before_a_name_with_a_particle() -> None:
    assert abbreviations("Dhr. de Vries en Dr. van Dijk", "nl") == "de heer de Vries en dokter van Dijk"
    assert abbreviations("Mr. de Gaulle", "en") == "Mister de Gaulle"
    assert abbreviations("Dr. who knows", "en") == "Dr. who knows"


def test_drive_after_a_street_name() -> None:
    assert abbreviations("on Mulholland Dr. in LA, near Elm Dr., Dr. Smith said", "en") == (
        "on Mulholland Drive in LA, near Elm Drive, Doctor Smith said")


def test_french_money_abbreviations() -> None:
    assert abbreviations("3 M€ et 2 Md€", "fr") == "3 millions d'euros et 2 milliards d'euros"


def test_dutch_short_forms() -> None:
    assert abbreviations("De prijs steeg t.o.v. vorig jaar, i.p.v. 3 mln. euro", "nl") == \
        "De prijs steeg ten opzichte van vorig jaar, in plaats van 3 miljoen euro"


@pytest.mark.parametrize(("text", "lang", "spoken"), [
    ("See s. 12(3) of the Act", "en", "See section 12(3) of the Act"),
    ("under ss. 4 and 5", "en", "under sections 4 and 5"),
    ("Under Art. 5 of the treaty", "en", "Under Article 5 of the treaty"),
    ("dates from c. 1850", "en", "dates from circa 1850"),
    ("born ca. 1720", "en", "born circa 1720"),
    ("the 1960s. 5 people", "en", "the 1960s. 5 people"),  # the plural's s is no section
    ("a Ph.D. in physics", "en", "a P H D in physics"),
    ("a Ph.D. The", "en", "a P H D. The"),  # it may end a sentence
    ("ends Sun., Oct. 5", "en", "ends Sunday, October 5"),  # a weekday before a date
    ("on Tues. March 3", "en", "on Tuesday March 3"),
    ("on Fri. 12 May", "en", "on Friday 12 May"),
    ("The Sun. It said", "en", "The Sun. It said"),  # no date: left alone
    ("Das kostet rd. 300 Euro", "de", "Das kostet rund 300 Euro"),
    ("Le budget atteint 3,2 Mds €.", "fr", "Le budget atteint 3,2 milliards d'euros."),
    ("une perte de 40 M €", "fr", "une perte de 40 millions d'euros"),
    ("en la C/ Mayor", "es", "en la calle Mayor"),
    ("costa 1,2 mld di euro e 300 mln.", "it", "costa 1,2 miliardi di euro e 300 milioni"),
])
def test_more_short_forms(text: str, lang: str, spoken: str) -> None:
    assert abbreviations(text, lang) == spoken
