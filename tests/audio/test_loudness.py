"""Loudness planning and encoding on real speech (espeak-ng), measured back with ffmpeg."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from narrate.audio import loudness
from narrate.audio.loudness import EncodeSettings, Meter, encode, integrated, plan_gain
from tests.conftest import need_tool

TEXT = ("Loudness is measured over the whole programme, not one word at a time. "
        "Speech synthesizers make short, sharp peaks, so the peaks are limited first, "
        "and only then is the gain raised to the target. ") * 3


@pytest.fixture(scope="module")
def speech_pcm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    need_tool("espeak-ng")
    need_tool("ffmpeg")
    folder = tmp_path_factory.mktemp("loud")
    wav, pcm = folder / "s.wav", folder / "s.pcm"
    subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(wav), TEXT], check=True)
    subprocess.run(["ffmpeg", "-v", "error", "-i", str(wav), "-ac", "1", "-ar", "22050", "-f",
                    "s16le", str(pcm)], check=True)
    return pcm


def measure(mp3: Path) -> tuple[float, float]:
    log = subprocess.run(["ffmpeg", "-hide_banner", "-nostats", "-i", str(mp3), "-af",
                          "ebur128=peak=true:framelog=verbose", "-f", "null", "-"],
                         capture_output=True, text=True).stderr
    summary = log[log.rindex("Summary:"):]
    return (float(re.search(r"I:\s*(-?[\d.]+) LUFS", summary).group(1)),
            float(re.search(r"True peak:\s*\n\s*Peak:\s*(-?[\d.]+)", summary).group(1)))


def test_raw_espeak_is_quiet_and_needs_gain(speech_pcm: Path) -> None:
    assert integrated(speech_pcm, 22050) < -18


def test_meter_probes_match_offline_measurement(speech_pcm: Path) -> None:
    meter = Meter(gains=(8.0, 12.0))
    data = speech_pcm.read_bytes()
    for i in range(0, len(data), 8820):
        meter.feed(data[i:i + 8820], 22050)
    probe = meter.finish()
    assert [g for g, _ in probe] == [8.0, 12.0]
    for gain, lufs in probe:
        offline = integrated(speech_pcm, 22050, loudness.chain(gain, rate=22050))
        assert lufs == pytest.approx(offline, abs=0.05)
    assert probe[0][1] < probe[1][1]


def test_plan_uses_a_bracketing_probe_without_reading_the_pcm(tmp_path: Path) -> None:
    target = loudness.TARGET_LUFS + loudness.MP3_LOSS_LU
    gain = plan_gain(tmp_path / "absent.pcm", 22050, EncodeSettings(),
                     ((8.0, target - 1.0), (12.0, target + 1.0)))
    assert gain == pytest.approx(10.0)


@pytest.mark.parametrize("probe", [(), ((30.0, -2.0),)], ids=["no probe", "probe too far"])
def test_plan_measures_when_the_probe_cannot_answer(speech_pcm: Path, tmp_path: Path,
                                                    probe: tuple) -> None:
    gain = plan_gain(speech_pcm, 22050, EncodeSettings(), probe)
    mp3 = encode(speech_pcm, 22050, gain, tmp_path / "a.mp3")
    lufs, peak = measure(mp3)
    assert -17.0 <= lufs <= -15.0 and peak <= -1.0


def test_peaks_the_encoder_pushes_up_are_limited_again(speech_pcm: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # demand far more headroom than the first encode leaves: encode() must lower the ceiling
    monkeypatch.setattr(loudness, "MAX_SAMPLE_PEAK_DBFS", -6.0)
    calls = []
    real = loudness.encode_once

    def counting(*args, **kwargs):
        calls.append(args[2])
        return real(*args, **kwargs)

    monkeypatch.setattr(loudness, "encode_once", counting)
    mp3 = encode(speech_pcm, 22050, 10.0, tmp_path / "b.mp3")
    assert len(calls) >= 2 and calls[1] > calls[0]  # re-encoded, with more gain to compensate
    assert loudness.sample_peak(mp3) <= -6.0


def test_silence_is_an_error(tmp_path: Path) -> None:
    from narrate.errors import AudioError

    need_tool("ffmpeg")
    pcm = tmp_path / "z.pcm"
    pcm.write_bytes(b"\0\0" * 22050 * 2)
    with pytest.raises(AudioError, match="silent"):
        integrated(pcm, 22050)
