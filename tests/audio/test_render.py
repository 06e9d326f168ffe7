from __future__ import annotations

from pathlib import Path

import pytest

from narrate.audio.render import LEAD_IN, TAIL, render_speech, trim
from narrate.errors import EngineUnavailable, SynthesisError
from narrate.model import Article, Paragraph, Text
from narrate.speech.engines.base import Audio
from narrate.speech.script import PAUSE_CLAUSE, Utterance
from narrate.speech.voices import choose_profile
from tests.conftest import FAKE_RATE, FakeEngine, fake_samples
from tests.speech.test_engines import need_engine


def utt(text: str, pause: float = 0.5, chapter: str = "") -> Utterance:
    return Utterance(text, text, pause, 0, chapter)


SCRIPT = [utt("Opening line.", 1.0, chapter="Start"), utt("A second, longer sentence here.", 0.35),
          utt("Third.", 0.7, chapter="Next"), utt("The end.", 0.0)]


def test_cues_are_exact_sample_counts(tmp_path: Path) -> None:
    rec = render_speech(SCRIPT, FakeEngine(), "fake-en", tmp_path / "a.pcm")
    assert rec.sample_rate == FAKE_RATE
    t = LEAD_IN
    for cue, u in zip(rec.cues, SCRIPT, strict=True):
        spoken = fake_samples(u.text) / FAKE_RATE
        assert cue.start == pytest.approx(t, abs=0.04)  # trim keeps at most KEEP_EDGE
        assert cue.end - cue.start == pytest.approx(spoken, abs=0.01)
        t = cue.end + (u.pause if u is not SCRIPT[-1] else TAIL)
    assert rec.duration == pytest.approx(t, abs=1e-3)
    assert (tmp_path / "a.pcm").stat().st_size == round(rec.duration * FAKE_RATE) * 2
    assert [c.chapter for c in rec.cues] == ["Start", "", "Next", ""]
    assert [c.text for c in rec.cues] == [u.text for u in SCRIPT]


def test_edges_are_short(tmp_path: Path) -> None:
    rec = render_speech(SCRIPT, FakeEngine(), "fake-en", tmp_path / "a.pcm")
    assert rec.cues[0].start <= 1.0 and rec.duration - rec.cues[-1].end <= 1.0


def test_trim_removes_edge_silence() -> None:
    tone = (b"\x00\x10" * 2205)
    pcm = b"\0\0" * 22050 + tone + b"\0\0" * 11025
    out = trim(pcm, 22050)
    assert len(tone) <= len(out) <= len(tone) + 2 * 2 * int(0.03 * 22050) + 2 * 110
    assert trim(b"\0\0" * 1000, 22050) == b""


def test_engine_failure_propagates(tmp_path: Path) -> None:
    engine = FakeEngine(FakeEngine.Options(fail_on="second"))
    with pytest.raises(SynthesisError, match="fake failure"):
        render_speech(SCRIPT, engine, "fake-en", tmp_path / "a.pcm")


def test_silent_piece_is_an_error_not_a_shorter_file(tmp_path: Path) -> None:
    engine = FakeEngine(FakeEngine.Options(silent_on="Third"))
    with pytest.raises(SynthesisError, match="no speech"):
        render_speech(SCRIPT, engine, "fake-en", tmp_path / "a.pcm")


def test_sample_rate_change_is_an_error(tmp_path: Path) -> None:
    class Wobbly(FakeEngine):
        n = 0

        def synthesize(self, utterance: str, voice: str):
            Wobbly.n += 1
            self.options = FakeEngine.Options(rate=22050 if Wobbly.n == 1 else 16000)
            return super().synthesize(utterance, voice)

    with pytest.raises(SynthesisError, match="sample rate"):
        render_speech(SCRIPT, Wobbly(), "fake-en", tmp_path / "a.pcm")


def test_empty_script(tmp_path: Path) -> None:
    with pytest.raises(SynthesisError, match="empty"):
        render_speech([], FakeEngine(), "fake-en", tmp_path / "a.pcm")


def test_a_sentence_split_at_clauses_is_spoken_in_one_breath(tmp_path: Path) -> None:
    """The script splits a long sentence for the transcript; the listener hears it as espeak-ng
    says the whole sentence, and each piece's cue starts where that piece's speech starts."""
    from array import array

    from narrate.audio.render import KEEP_EDGE, SILENCE_THRESHOLD
    from narrate.speech.engines import get_engine
    from narrate.speech.script import PAUSE_CLAUSE

    engine = get_engine("pyttsx3")()
    pieces = ["When the committee finally met on Tuesday afternoon in the old town hall,",
              "nobody in the room expected a decision on the budget before the summer,",
              "and yet the vote was over in ten minutes."]
    script = [Utterance(p, p, PAUSE_CLAUSE, 3) for p in pieces[:-1]]
    script += [Utterance(pieces[-1], pieces[-1], 0.35, 3), utt("A new sentence.", 0.0)]
    rec = render_speech(script, engine, "en-us", tmp_path / "s.pcm")
    assert [c.text for c in rec.cues] == [u.text for u in script]
    pcm = (tmp_path / "s.pcm").read_bytes()
    rate = rec.sample_rate
    whole = len(trim(engine.synthesize(" ".join(pieces), "en-us").pcm, rate)) / 2 / rate
    # one breath: the three pieces last as long as the engine's whole sentence (libespeak-ng
    # carries a little state from one call to the next, so not to the sample)
    assert rec.cues[2].end - rec.cues[0].start == pytest.approx(whole, abs=0.08)
    samples = array("h")
    samples.frombytes(pcm)
    for cue in rec.cues[1:3]:
        a = round(cue.start * rate)
        edge = samples[a:a + int((KEEP_EDGE - 0.01) * rate)]
        speech = samples[a + int(KEEP_EDGE * rate):a + int((KEEP_EDGE + 0.05) * rate)]
        assert max(map(abs, edge)) < SILENCE_THRESHOLD  # the kept edge, then the words
        assert max(map(abs, speech)) >= SILENCE_THRESHOLD
        assert cue.start > rec.cues[rec.cues.index(cue) - 1].end


class Monolingual(FakeEngine):
    """A fake engine with one language, as Piper's bundled voice: it records each voice used."""

    said: list[tuple[str, str]] = []

    def voice_for_language(self, language: str) -> str:
        if (language or "en").split("-")[0] != "en":
            raise EngineUnavailable(f"no voice for {language}", self.name)
        return "fake-en"

    def synthesize(self, utterance: str, voice: str) -> Audio:
        Monolingual.said.append((utterance, voice))
        return super().synthesize(utterance, voice)


def passage(text: str, language: str, pause: float = 0.5, chapter: str = "") -> Utterance:
    return Utterance(text, text, pause, 0, chapter, text, language)


def test_a_passage_is_read_by_its_languages_voice(tmp_path: Path) -> None:
    class Recording(FakeEngine):
        said: list[tuple[str, str]] = []

        def synthesize(self, utterance: str, voice: str) -> Audio:
            Recording.said.append((utterance, voice))
            return super().synthesize(utterance, voice)

    script = [utt("Before."), passage("Καλημέρα σας.", "el"), utt("After.", 0.0)]
    rec = render_speech(script, Recording(), "fake-id", tmp_path / "a.pcm")
    assert Recording.said == [("Before.", "fake-id"), ("Καλημέρα σας.", "fake-el"),
                              ("After.", "fake-id")]
    assert [c.text for c in rec.cues] == [u.text for u in script]  # its cue keeps the text
    assert rec.script == tuple(script)


def test_a_passage_the_engine_cannot_speak_is_left_out(tmp_path: Path) -> None:
    Monolingual.said = []
    script = [utt("Before.", 0.12), passage("Καλημέρα σας.", "el", 0.7),
              passage("مرحبا بكم", "ar", 0.9, chapter="Arabic"), utt("After.", 0.0)]
    rec = render_speech(script, Monolingual(), "fake-en", tmp_path / "a.pcm")
    assert [s for s, _v in Monolingual.said] == ["Before.", "After."]
    assert [c.text for c in rec.cues] == ["Before.", "After."]  # no cue over silence
    assert [u.text for u in rec.script] == ["Before.", "After."]  # one utterance per cue
    # the longest pause of what was left out follows the utterance before; the chapter moves on
    assert rec.cues[1].start - rec.cues[0].end == pytest.approx(0.9, abs=0.07)
    assert rec.cues[1].chapter == "Arabic"


def test_a_script_of_nothing_but_unspeakable_passages_is_empty(tmp_path: Path) -> None:
    with pytest.raises(SynthesisError, match="empty"):
        render_speech([passage("Καλημέρα.", "el", 0.0)], Monolingual(), "fake-en", tmp_path / "a.pcm")


def test_a_sentence_split_at_clauses_is_spoken_in_one_breath_only_in_one_voice(tmp_path: Path) -> None:
    class Breath(FakeEngine):
        whole: list[tuple[list[str], str]] = []

        def synthesize_pieces(self, pieces, voice):  # noqa: ANN001, ANN202
            Breath.whole.append((list(pieces), voice))
            return None

    mixed = [utt("An English clause,", PAUSE_CLAUSE), passage("και μια ελληνική.", "el", 0.35),
             utt("Two clauses,", PAUSE_CLAUSE), utt("one voice.", 0.0)]
    render_speech(mixed, Breath(), "fake-en", tmp_path / "a.pcm")
    assert Breath.whole == [(["Two clauses,", "one voice."], "fake-en")]


def _indonesian_article() -> Article:
    return Article(title="Kunjungan ke Jakarta", language="id", blocks=(
        Paragraph((Text("Presiden membuka pertemuan itu di Jakarta pada hari Selasa pagi."),)),
        Paragraph((Text("Seorang ulama membacakan sebuah kalimat dalam bahasa Arab."),)),
        # ten words of Arabic, plain letters; then a line in Arabic Presentation Forms-B
        Paragraph((Text("ذهب الولد إلى المدرسة صباحا مع أخيه الصغير وأصدقائه الكثيرين"),)),
        Paragraph((Text("\ufee3\ufeae\ufea3\ufe92\ufe8e \ufe91\ufedc\ufee2 \ufed3\ufef2 "
                        "\ufe91\ufef4\ufe98\ufee8\ufe8e"),)),
        Paragraph((Text("Kemudian seorang tamu dari Athena menyapa hadirin dalam bahasa Yunani."),)),
        Paragraph((Text("Ο καιρός σήμερα είναι ζεστός και ο ουρανός καθαρός στην Αθήνα."),)),
        Paragraph((Text("Acara itu berakhir pada sore hari."),)),
    ))


def test_espeak_reads_quoted_arabic_and_greek_with_their_own_voices(tmp_path: Path) -> None:
    """An Indonesian article quoting a line of Arabic and one of Greek: espeak-ng's Indonesian
    voice would spell each as code points for most of a minute; their own voices say them in
    seconds, and the article's own sentences keep the Indonesian voice."""
    from narrate.speech.engines import get_engine
    from narrate.speech.script import build_script

    need_engine("pyttsx3")
    base = get_engine("pyttsx3")
    said: list[tuple[str, str]] = []

    class Listening(base):  # type: ignore[misc, valid-type]
        def synthesize(self, utterance: str, voice: str) -> Audio:
            said.append((utterance, voice))
            return super().synthesize(utterance, voice)

        def synthesize_pieces(self, pieces, voice):  # noqa: ANN001, ANN202
            said.extend((p, voice) for p in pieces)
            return super().synthesize_pieces(pieces, voice)

    engine = Listening()
    voice = engine.voice_for_language("id")
    article = _indonesian_article()
    script = build_script(article)
    rec = render_speech(script, engine, voice, tmp_path / "s.pcm")
    assert [c.text for c in rec.cues] == [u.text for u in script]  # nothing left out
    by_text = {c.text: c.end - c.start for c in rec.cues}
    for k in (2, 3, 5):  # the two Arabic lines and the Greek one
        line = article.blocks[k].inlines[0].text
        assert by_text[line] < 10.0, (line, by_text[line])
    assert max(by_text.values()) < 15.0
    voices = {text: v for text, v in said}
    arabic, greek = engine.voice_for_language("ar"), engine.voice_for_language("el")
    assert voices[script[3].spoken] == arabic and voices[script[4].spoken] == arabic
    assert voices[script[6].spoken] == greek
    assert {voices[u.spoken] for u in script if not u.language} == {voice}
    assert len({voice, arabic, greek}) == 3


def test_piper_leaves_out_what_it_cannot_read_and_narrates_the_rest(tmp_path: Path) -> None:
    """Piper's bundled voice speaks English only: the Arabic and Greek lines are not spoken (and
    get no cue), every English sentence is."""
    from narrate.speech.engines import get_engine
    from narrate.speech.script import build_script

    need_engine("piper")
    article = Article(title="A visit", language="en", blocks=(
        Paragraph((Text("The president opened the meeting on Tuesday morning."),)),
        Paragraph((Text("ذهب الولد إلى المدرسة صباحا مع أخيه الصغير"),)),
        Paragraph((Text("Ο καιρός σήμερα είναι ζεστός στην Αθήνα."),)),
        Paragraph((Text("Then everyone went home."),)),
    ))
    script = build_script(article, choose_profile("joe"))
    assert [u.language for u in script] == ["", "", "ar", "el", ""]
    engine = get_engine("piper")()
    try:
        rec = render_speech(script, engine, engine.voice_for_language("en"), tmp_path / "p.pcm")
    finally:
        engine.close()
    assert [c.text for c in rec.cues] == ["A visit.", "The president opened the meeting on Tuesday morning.",
                                          "Then everyone went home."]
    assert all(c.end - c.start < 10.0 for c in rec.cues)
