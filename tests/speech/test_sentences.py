"""Where the written text is cut into sentences (speech/sentences.py)."""

import pytest

from narrate.speech.sentences import split_written


@pytest.mark.parametrize("language, text, expected", [
    # French guillemets, with a space or a no-break space inside: the quote opens the next
    # sentence and its closing mark stays with the sentence it closes
    ("fr", "Il vit sur l'île. « On ne garde pas la mer », dit-il. Puis il part.",
     ["Il vit sur l'île.", "« On ne garde pas la mer », dit-il.", "Puis il part."]),
    ("fr", "Il vit sur l'île. «\u00a0On reste.\u00a0» Puis il part.",
     ["Il vit sur l'île.", "«\u00a0On reste.\u00a0»", "Puis il part."]),
    # German low-high quotes and Spanish inverted marks open a sentence
    ("de", "Er sagte es. „Wir bleiben“, sagte sie. Dann ging er.",
     ["Er sagte es.", "„Wir bleiben“, sagte sie.", "Dann ging er."]),
    ("es", "Dijo que no. ¿Por qué? Nadie sabe.", ["Dijo que no.", "¿Por qué?", "Nadie sabe."]),
    # a closing quote after the period is never lost from the transcript
    ("en", 'She said "stop." Then it rained.', ['She said "stop."', "Then it rained."]),
])
def test_quotes_of_every_typography_stay_with_their_sentence(language, text, expected):
    assert split_written(text, language) == expected
