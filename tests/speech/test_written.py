"""Each utterance knows the sentence as the article writes it (speech/written.py)."""

import time

from narrate.model import Article, Paragraph, Text
from narrate.speech.normalize import normalize
from narrate.speech.script import build_script, split_sentences
from narrate.speech.written import written_pieces

WRITTEN = ["Mr. Smith paid $5 on Dec. 13, 2024.", "He said “no” twice!", "The U.S. agreed 3-2.",
           "It cost $5.", "At 5 p.m. on Jan. 3 the 12 boats left, said Dr. Who.", "The end."]


def pieces(text: str) -> list[str]:
    return written_pieces(text, normalize(text, "en"), split_sentences(normalize(text, "en")))


def test_rewritten_sentences_map_back_to_their_written_words():
    assert pieces(" ".join(WRITTEN)) == WRITTEN


def test_unchanged_text_is_its_own_written_form():
    text = "Nothing here changes. Not at all!"
    assert pieces(text) == ["Nothing here changes.", "Not at all!"]


def test_a_piece_that_is_not_in_the_text_gives_nothing():
    assert written_pieces("A b.", "A b.", ["C d."]) == [""]


def test_script_utterances_carry_their_written_sentence():
    article = Article(title="T", language="en", blocks=(Paragraph((Text(" ".join(WRITTEN)),)),))
    body = [u for u in build_script(article) if u.block == 0]
    assert [u.written for u in body] == WRITTEN
    assert body[0].text.startswith("Mister Smith paid five dollars")


def test_long_blocks_stay_linear():
    text = " ".join(f"In {1990 + i % 30} Mr. Lee paid ${i * 7} on Dec. {i % 28 + 1}." for i in range(3000))
    norm = normalize(text, "en")
    started = time.perf_counter()
    out = written_pieces(text, norm, split_sentences(norm))
    assert time.perf_counter() - started < 10  # about 1 s here; quadratic would be minutes
    assert out[-1] == "In 2019 Mr. Lee paid $20993 on Dec. 4."
    assert sum(1 for x in out if not x) == 0
