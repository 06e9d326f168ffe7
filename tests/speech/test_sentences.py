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


@pytest.mark.parametrize("language, text, expected", [
    # capitals outside Latin-1 (Czech, Polish), Cyrillic and Greek capitals start sentences
    ("cs", "Šel domů. Žena zůstala.", ["Šel domů.", "Žena zůstala."]),
    ("pl", "Było zimno. Łódź spała.", ["Było zimno.", "Łódź spała."]),
    ("ru", "Он пришёл поздно. Она уже спала.", ["Он пришёл поздно.", "Она уже спала."]),
    ("uk", "Ми чекали. Їжа була готова.", ["Ми чекали.", "Їжа була готова."]),
    ("el", "Ο καιρός ήταν καλός. Όλοι βγήκαν.", ["Ο καιρός ήταν καλός.", "Όλοι βγήκαν."]),
    # scripts without case: any letter may start a sentence
    ("ar", "ذهب إلى السوق. اشترى الخبز؟ ثم عاد.", ["ذهب إلى السوق.", "اشترى الخبز؟", "ثم عاد."]),
    ("he", "הוא הלך הביתה. היא נשארה.", ["הוא הלך הביתה.", "היא נשארה."]),
    # the ends of other scripts: the danda, the Urdu full stop, the Armenian and Ethiopic ones
    ("hi", "वह घर आया। फिर वह सो गया।", ["वह घर आया।", "फिर वह सो गया।"]),
    ("ur", "وہ گھر آیا۔ پھر سو گیا۔", ["وہ گھر آیا۔", "پھر سو گیا۔"]),
    ("hy", "Նա տուն եկավ։ Հետո քնեց։", ["Նա տուն եկավ։", "Հետո քնեց։"]),
    ("am", "ወደ ቤት ሄደ። ከዚያ ተኛ።", ["ወደ ቤት ሄደ።", "ከዚያ ተኛ።"]),
    # a lowercase letter after a period starts no sentence, in any script
    ("ru", "См. напр. эту книгу. Потом ту.", ["См. напр. эту книгу.", "Потом ту."]),
])
def test_sentences_start_with_any_script_s_capital_or_caseless_letter(language, text, expected):
    assert split_written(text, language) == expected


@pytest.mark.parametrize("language, text, expected", [
    ("en", "J. K. Rowling wrote it. Then she left.", ["J. K. Rowling wrote it.", "Then she left."]),
    ("en", "The memo went to George W. Bush in May.", ["The memo went to George W. Bush in May."]),
    ("ru", "Это написал А. С. Пушкин. Все знают.", ["Это написал А. С. Пушкин.", "Все знают."]),
    ("cs", "Přišli Jan a J. Dvořák. Pak odešli.", ["Přišli Jan a J. Dvořák.", "Pak odešli."]),
])
def test_an_initial_never_ends_a_sentence(language, text, expected):
    """A capital letter and a period is an initial: cutting there would read one name as
    several sentences, with a sentence's pause inside it."""
    assert split_written(text, language) == expected
