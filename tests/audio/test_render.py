from __future__ import annotations

from pathlib import Path

import pytest

from narrate.audio.render import LEAD_IN, TAIL, render_speech, trim
from narrate.errors import SynthesisError
from narrate.speech.script import Utterance
from tests.conftest import FAKE_RATE, FakeEngine, fake_samples


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
