from __future__ import annotations

import pytest

from narrate.speech.rules.phones import phones


@pytest.mark.parametrize(("text", "spoken"), [
    ("Call 555-0143 now", "Call 5 5 5 0 1 4 3 now"),
    ("on (202) 555-0198.", "on 2 0 2 5 5 5 0 1 9 8."),
    ("ring +44 20 7946 0958 today", "ring + 4 4 2 0 7 9 4 6 0 9 5 8 today"),
    ("call 1-800-555-0199", "call 1 8 0 0 5 5 5 0 1 9 9"),
    ("dial 999 or call 112", "dial 9 9 9 or call 1 1 2"),
    ("Rufen Sie 030 1234567 an", "Rufen Sie 0 3 0 1 2 3 4 5 6 7 an"),
    ("aged 18-25 in 2019-2020", "aged 18-25 in 2019-2020"),  # ranges are not phone numbers
    ("the 911 attacks on 9/11", "the 911 attacks on 9/11"),  # no call word: not an emergency number
])
def test_phones(text: str, spoken: str) -> None:
    assert phones(text, "en") == spoken


def test_digit_groups_are_not_telephone_numbers() -> None:
    assert phones("67 000 000 habitants and 1 000 000", "fr") == "67 000 000 habitants and 1 000 000"


def test_emergency_numbers_after_any_form_of_call() -> None:
    assert phones("She called 911 and he dialled 999.", "en") == "She called 9 1 1 and he dialled 9 9 9."


def test_a_one_digit_group_inside_a_number() -> None:
    assert phones("Rufen Sie 0800 111 0 111 an", "de") == "Rufen Sie 0 8 0 0 1 1 1 0 1 1 1 an"


def test_french_numbers_are_said_in_pairs_after_the_zero() -> None:
    assert phones("Appelez le 01 23 45 67 89 ou le 06.12.34.56.78", "fr") == \
        "Appelez le 0 1 23 45 67 89 ou le 0 6 12 34 56 78"
    assert phones("on 01 23 45 67 89", "en") == "on 01 23 45 67 89"  # French only


def test_a_short_number_after_call_and_a_small_word() -> None:
    assert phones("Llame al 112 ahora", "es") == "Llame al 1 1 2 ahora"
    assert phones("Wählen Sie 112 im Notfall", "de") == "Wählen Sie 1 1 2 im Notfall"
    assert phones("Il a appelé le 15", "fr") == "Il a appelé le 15"  # no call word


def test_digit_groups_after_a_call_word_are_one_number() -> None:
    assert phones("Llame al 91 123 45 67.", "es") == "Llame al 9 1 1 2 3 4 5 6 7."
    assert phones("call 91 or 92", "en") == "call 9 1 or 92"  # one short number, then words


def test_a_text_short_code() -> None:
    assert phones("Text 85258 or text HELP to 61016", "en") == "Text 8 5 2 5 8 or text HELP to 6 1 0 1 6"
    assert phones("She texted 2000 people", "en") == "She texted 2000 people"  # a quantity
