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
