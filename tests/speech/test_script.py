from __future__ import annotations

from pathlib import Path

import pytest

from narrate.model import (
    Article,
    BlockQuote,
    CodeBlock,
    Emphasis,
    Figure,
    Heading,
    Link,
    ListBlock,
    Paragraph,
    PullQuote,
    Table,
    Text,
)
from narrate.speech.normalize import normalize
from narrate.speech.script import (
    MAX_UTTERANCE_CHARS,
    MIN_PIECE_CHARS,
    PAUSE_HEADING,
    build_script,
    script_text,
    split_long,
    split_sentences,
)
from narrate.speech.voices import choose_profile
from tests.shared import SAMPLE, need_shared


def para(text: str) -> Paragraph:
    return Paragraph((Text(text),))


ARTICLE = Article(
    title="Harbour Lights",
    authors=("Mara Quist", "Tom Bell"),
    language="en",
    blocks=(
        para("The ferry left at 6 a.m. sharp. Mr. Ode waved from the pier."),
        Heading(2, (Text("The crossing"),)),
        Figure("a.jpg", alt="A ferry in fog", caption="The morning boat to Zork."),
        Figure("b.jpg"),  # decorative: no alt, no caption
        Figure("c.jpg", alt="Gulls on a rail", caption="Gulls on a rail"),
        Paragraph((Text("Waves were "), Emphasis((Text("high"),)), Text(" and "),
                   Link((Text("the log"),), "https://example.org/log"), Text(" says so."))),
        PullQuote((Text("Waves were high"),)),
        BlockQuote((para("Never again."),), attribution="a passenger"),
        ListBlock(False, ((para("Tickets"),), (para("Tea"),))),
        CodeBlock("print(1)"),
        Table(("Port", "Time"), (("North", "9:00"),), caption="Timetable"),
    ),
)


@pytest.fixture
def fake_profile(fake_voice: str):
    return choose_profile(fake_voice)


def test_title_and_byline_open_the_script_and_the_first_chapter(fake_profile) -> None:
    script = build_script(ARTICLE, fake_profile)
    assert script[0].text == "Harbour Lights." and script[0].chapter == "Harbour Lights"
    assert script[1].text == "By Mara Quist and Tom Bell."
    assert script[0].block == script[1].block == -1


def test_headings_start_chapters_with_a_pause_before(fake_profile) -> None:
    script = build_script(ARTICLE, fake_profile)
    chapters = [(u.chapter, u.block) for u in script if u.chapter]
    assert chapters == [("Harbour Lights", -1), ("The crossing", 1)]
    k = next(i for i, u in enumerate(script) if u.chapter == "The crossing")
    assert script[k - 1].pause >= PAUSE_HEADING


def test_images_announced_with_alt_and_caption_decorative_skipped(fake_profile) -> None:
    texts = [u.text for u in build_script(ARTICLE, fake_profile)]
    # the profile's wording is used ("Picture:"), the default's "Caption:" stays
    assert "Picture: A ferry in fog." in texts
    assert "Caption: The morning boat to Zork." in texts
    # a caption repeating the alt text is said once
    assert texts.count("Picture: Gulls on a rail.") == 1
    assert not any("Gulls on a rail" in t and t.startswith("Caption") for t in texts)
    blocks = {u.block for u in build_script(ARTICLE, fake_profile)}
    assert 3 not in blocks  # the decorative figure


def test_other_blocks(fake_profile) -> None:
    texts = [u.text for u in build_script(ARTICLE, fake_profile)]
    assert "Waves were high and the log says so." in texts  # inline markup flattened, no URL
    assert texts.count("Waves were high and the log says so.") == 1  # pull quote not repeated
    assert texts[texts.index("Quote."):texts.index("End quote.") + 1] == [
        "Quote.", "Never again.", "a passenger", "End quote."]
    assert "Tickets" in texts and "Tea" in texts
    assert "A code listing follows in the text version." in texts
    assert "Table: Timetable" in texts and "Port: North, Time: nine o'clock." in texts
    assert "The ferry left at six A M sharp." in texts


def test_lexicon_changes_what_is_spoken_not_the_transcript(fake_profile) -> None:
    utt = next(u for u in build_script(ARTICLE, fake_profile) if "morning boat" in u.text)
    assert "Zork" in utt.text and "Zorch" in utt.spoken


def test_abbreviations_do_not_end_sentences() -> None:
    assert split_sentences("Mister Ode waved. Then he left! Did he? Yes.") == [
        "Mister Ode waved.", "Then he left!", "Did he?", "Yes."]
    script = build_script(ARTICLE)
    assert "Mister Ode waved from the pier." in [u.text for u in script]


def test_pauses_and_last_utterance(fake_profile) -> None:
    script = build_script(ARTICLE, fake_profile)
    assert all(0 <= u.pause <= 1.0 for u in script)
    assert script[-1].pause == 0.0


def test_long_sentences_split_into_exactly_timed_pieces() -> None:
    sentence = ("When the committee finally met, after weeks of delay and a great deal of public "
                "argument about the costs, the members agreed on a plan that nobody had expected "
                "and that several of them said they would later regret.")
    pieces = split_long(sentence)
    assert len(pieces) >= 2
    assert " ".join(p for p, _ in pieces) == sentence
    assert all(MIN_PIECE_CHARS <= len(p) <= MAX_UTTERANCE_CHARS for p, _ in pieces)
    assert [more for _, more in pieces] == [True] * (len(pieces) - 1) + [False]


def test_script_text_is_one_utterance_a_line(fake_voice: str) -> None:
    text = script_text(ARTICLE, fake_voice)
    lines = text.splitlines()
    assert lines[0] == "Harbour Lights."
    assert "Caption: The morning boat to Zorch." in lines  # the spoken form
    assert text.endswith("\n") and "" not in lines


def test_sample_script(fake_voice: str) -> None:
    import narrate

    need_shared()
    article = narrate.read(str(SAMPLE))
    script = build_script(article, choose_profile(fake_voice))
    assert script[0].text.rstrip(".") == article.title
    assert all(len(u.text) <= MAX_UTTERANCE_CHARS for u in script)
    assert any(u.text.startswith("Picture: ") for u in script)
    joined = " ".join(u.text for u in script)
    for raw in ("Dec. 13", "No. 9", "U.S.", "Mr.", "$", "%", "\u2019", "\u201c", "\u2014"):
        assert raw not in joined


def test_language_picks_the_engine_voice(tmp_path: Path, fake_voice: str) -> None:
    from narrate.speak import speak

    german = Article(title="Guten Tag", language="de", blocks=(para("Ein kurzer Satz."),))
    result = speak(german, tmp_path / "de.mp3", voice=fake_voice)
    assert result.voice == "fake-de"


@pytest.mark.parametrize("junk", ["________", "* * *", "\u2766", "—", "• • •", "#", "~~~"])
def test_unspeakable_utterances_are_dropped(junk: str) -> None:
    art = Article(title="T", language="en", blocks=(para("Before."), para(junk), para("After.")))
    texts = [u.text for u in build_script(art)]
    assert texts == ["T.", "Before.", "After."]


def test_speakable_text_is_never_dropped() -> None:
    art = Article(title="T", language="en", blocks=(para("_x_"), para("7")))
    assert [u.text for u in build_script(art)][1:] == ["_x_", "seven"]


def test_a_token_longer_than_the_limit_is_hard_split() -> None:
    token = "A" + "b" * (3 * MAX_UTTERANCE_CHARS)
    pieces = split_long(f"Start {token} end.")
    assert all(len(p) <= MAX_UTTERANCE_CHARS for p, _ in pieces)
    assert "".join(p for p, _ in pieces).replace(" ", "") == f"Start{token}end."


def test_clause_splitter_is_linear_on_a_huge_sentence() -> None:
    import time

    sentence = "word, " * 20_000 + "and " * 100_000 + "x" * 5_000 + "."
    start = time.perf_counter()
    pieces = split_long(sentence)
    elapsed = time.perf_counter() - start
    assert len(sentence) > 500_000
    assert all(len(p) <= MAX_UTTERANCE_CHARS for p, _ in pieces)
    assert elapsed < 1.0, f"{elapsed:.2f}s for {len(sentence)} characters"


def test_abbreviation_periods_never_split_sentences() -> None:
    text = "Gen. Smith met Dr. Jones on Dec. 13 at St. Paul's, e.g. at 9 a.m. on Tuesday."
    assert len(split_sentences(normalize(text))) == 1
    assert len(split_sentences(normalize("Dr. Weber kam z. B. am 3. Mai.", "de"))) == 1


def test_announcements_follow_the_article_language() -> None:
    art = Article(title="Titel", language="de", authors=("Anna Berg",),
                  blocks=(Figure("a.jpg", alt="Ein Hafen", caption="Am Morgen"),
                          BlockQuote((para("Nie wieder."),))))
    texts = [u.text for u in build_script(art, choose_profile("default", "de"))]
    assert texts == ["Titel.", "Von Anna Berg.", "Bild: Ein Hafen.", "Bildunterschrift: Am Morgen.",
                     "Zitat.", "Nie wieder.", "Zitat Ende."]


def test_profile_wording_overrides_the_language_default(tmp_path: Path) -> None:
    (tmp_path / "p.toml").write_text('engine = "pyttsx3"\n[wording]\nimage = "Foto: {alt}"\n')
    art = Article(title="T", language="de", blocks=(Figure("a.jpg", alt="Ein Hafen"),))
    texts = [u.text for u in build_script(art, choose_profile(str(tmp_path / "p.toml")))]
    assert texts[1] == "Foto: Ein Hafen."
