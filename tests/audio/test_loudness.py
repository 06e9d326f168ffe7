"""Loudness planning and encoding on real speech (espeak-ng), measured back with ffmpeg."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from narrate.audio import loudness, mp3frames
from narrate.audio.loudness import EncodeSettings, encode, metered, plan_gain
from tests.audio.ffmeasure import ebur128
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
    assert ebur128(speech_pcm, 22050) < -18
    assert metered(speech_pcm, 22050, 0.0, loudness.NO_CEILING) == \
        pytest.approx(ebur128(speech_pcm, 22050, f"lowpass=f={loudness.LOWPASS_HZ}"), abs=0.1)


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


def test_peaks_over_the_limit_are_lowered_locally_without_a_second_encode(
        speech_pcm: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = tmp_path / "first.mp3"
    loudness.encode_once(speech_pcm, 22050, 10.0, first)
    lufs_before, peak_before = measure(first)
    # a limit under what the encoder produced: the granules around the highest peaks come down
    limit = peak_before - 0.5
    monkeypatch.setattr(loudness, "TRUE_PEAK_LIMIT", limit)
    calls = []
    real = loudness.encode_once

    def counting(*args, **kwargs):
        calls.append(args[2])
        return real(*args, **kwargs)

    monkeypatch.setattr(loudness, "encode_once", counting)
    mp3 = encode(speech_pcm, 22050, 10.0, tmp_path / "b.mp3")
    assert len(calls) == 1  # encoded once
    lufs, peak = measure(mp3)
    assert peak <= limit + 0.1  # ffmpeg's meter rounds to 0.1 dB
    assert not loudness.rescan(mp3).over()  # the local checks agree with a whole decode
    # the same frames, a few of them with lower gains: loudness barely moves
    a, b = first.read_bytes(), mp3.read_bytes()
    assert len(a) == len(b)
    frames = list(mp3frames.frames(a))
    changed = sum(a[f.offset:f.offset + f.size] != b[f.offset:f.offset + f.size] for f in frames)
    assert 0 < changed <= len(frames) // 10
    assert lufs == pytest.approx(lufs_before, abs=0.3)


def test_silence_is_an_error(tmp_path: Path) -> None:
    from narrate.errors import AudioError

    need_tool("ffmpeg")
    pcm = tmp_path / "z.pcm"
    pcm.write_bytes(b"\0\0" * 22050 * 2)
    with pytest.raises(AudioError, match="silent"):
        metered(pcm, 22050, 0.0, loudness.NO_CEILING)
