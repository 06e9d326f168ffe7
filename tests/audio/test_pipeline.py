from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import pytest

from narrate.audio import pipeline
from narrate.audio.pipeline import (
    POSTPROCESSORS,
    RENDER_PROVIDES,
    PostProcessor,
    Render,
    build_postprocessors,
    check_order,
)
from narrate.errors import AudioError
from narrate.model import Article, Paragraph, Text
from narrate.speak import speak


def test_declared_order_satisfies_every_need() -> None:
    check_order(POSTPROCESSORS)
    fields = {f.name for f in dataclasses.fields(Render)}
    assert set(RENDER_PROVIDES) <= fields
    for step in POSTPROCESSORS:
        assert set(step.needs) <= fields and set(step.provides) <= fields, type(step).__name__
        assert step.provides, type(step).__name__


def test_a_wrong_order_is_rejected() -> None:
    steps = list(POSTPROCESSORS)
    encode = next(s for s in steps if isinstance(s, pipeline.EncodeMp3))
    steps.remove(encode)
    steps.append(encode)  # tags and publish now come before the MP3 exists
    with pytest.raises(ValueError, match="needs"):
        check_order(steps)


def test_only_the_declared_order_of_the_first_steps_works() -> None:
    # every permutation that puts a step before one it depends on fails
    first = POSTPROCESSORS[:2]
    for perm in itertools.permutations(first):
        if perm != tuple(first):
            with pytest.raises(ValueError):
                check_order(perm)


def test_build_postprocessors_passes_options_to_constructors() -> None:
    steps = build_postprocessors(pipeline.AudioOptions(bitrate="96k", target_lufs=-19.0))
    enc = next(s for s in steps if isinstance(s, pipeline.EncodeMp3))
    assert enc.settings.bitrate == "96k" and enc.settings.target_lufs == -19.0


ARTICLE = Article(title="Small Test", authors=("Ann Author",), language="en",
                  url="https://example.org/small", published="2024-02-03",
                  blocks=(Paragraph((Text("One sentence. And another one."),)),))


def test_a_failing_step_leaves_nothing_behind(tmp_path: Path, fake_voice: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(self: PostProcessor, r: Render) -> Render:
        raise AudioError("tagging exploded", "test")

    monkeypatch.setattr(pipeline.WriteTags, "run", boom)
    out = tmp_path / "ep.mp3"
    with pytest.raises(AudioError, match="exploded"):
        speak(ARTICLE, out, voice=fake_voice, audio="generate")
    assert list(tmp_path.iterdir()) == [tmp_path / "fake.toml"]  # no MP3, no .part, no sidecars


def test_publish_replaces_files_atomically(tmp_path: Path, fake_voice: str) -> None:
    out = tmp_path / "ep.mp3"
    out.write_bytes(b"old")
    result = speak(ARTICLE, out, voice=fake_voice, audio="generate")
    assert result.mp3 == out and out.read_bytes()[:3] == b"ID3"
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["ep.chapters.json", "ep.mp3", "ep.srt", "ep.vtt", "fake.toml"]


def test_awkward_output_names(tmp_path: Path, fake_voice: str) -> None:
    folder = tmp_path / "a|b [c]:d"
    result = speak(ARTICLE, folder / "it's a=b;c.mp3", voice=fake_voice, audio="generate")
    assert result.mp3.is_file() and result.mp3.read_bytes()[:3] == b"ID3"
    assert sorted(p.name for p in folder.iterdir()) == [
        "it's a=b;c.chapters.json", "it's a=b;c.mp3", "it's a=b;c.srt", "it's a=b;c.vtt"]


def test_the_loudness_step_owns_the_meter_that_listens_to_the_render() -> None:
    """The meter probes the loudness step's own chain (its settings), and without a loudness
    step the render is not listened to at all."""
    from narrate.audio import loudness
    from narrate.audio.meter import Meter
    from tests.conftest import _TONE, FAKE_RATE

    steps = build_postprocessors(pipeline.AudioOptions(target_lufs=-19.0, ceiling_dbfs=-4.0))
    (measure,) = [s for s in steps if isinstance(s, pipeline.MeasureLoudness)]
    meter = measure.meter()
    assert isinstance(meter, Meter) and meter.ceiling_dbfs == measure.settings.ceiling_dbfs
    meter.close()
    with pipeline.listening(steps) as listener:
        for _ in range(3 * FAKE_RATE // 98):  # three seconds of tone
            listener.feed(_TONE, FAKE_RATE)
        probe = listener.probe()
    assert [gain for gain, _ in probe] == list(loudness.PROBE_GAINS)
    assert all(-40 < lufs < 0 for _, lufs in probe)
    without = tuple(s for s in steps if not isinstance(s, pipeline.MeasureLoudness))
    with pipeline.listening(without) as listener:
        listener.feed(_TONE, FAKE_RATE)
        assert listener.probe() == ()
