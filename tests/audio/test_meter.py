"""The in-process loudness meter, held to BS.1770 on test tones and to ffmpeg's ``ebur128`` of
the samples the encoder gets (gain, limiter, low-pass) on speech."""

from __future__ import annotations

import math
import os
import subprocess
from pathlib import Path

import numpy as np
import pytest

from narrate.audio import loudness
from narrate.audio.limiter import limited
from narrate.audio.meter import LOWPASS_HZ, Meter
from tests.audio.ffmeasure import ebur128
from tests.conftest import need_tool

SPEECH = ("Loudness is measured over the whole programme, not one word at a time. Speech "
          "synthesizers make short, sharp peaks, so the peaks are limited first, and only then "
          "is the gain raised to the target. A quiet aside follows; then a LOUD, clipped reply! ")


def tone(freq: float, dbfs: float, seconds: float, rate: int) -> bytes:
    t = np.arange(int(seconds * rate)) / rate
    x = 10 ** (dbfs / 20) * np.sin(2 * math.pi * freq * t)
    return np.round(x * 32767).astype("<i2").tobytes()


def metered(pcm: bytes, rate: int, gain: float = 0.0, ceiling: float = 0.0,
            piece: float = 0.5, full_seconds: float = math.inf) -> float:
    meter = Meter((gain,), ceiling, full_seconds=full_seconds)
    step = int(piece * rate) * 2
    for i in range(0, len(pcm), step):  # pieces as the render step writes them
        meter.feed(pcm[i:i + step], rate)
    ((g, lufs),) = meter.finish()
    assert g == gain
    return lufs


@pytest.mark.parametrize("rate", [16000, 22050, 44100, 48000])
def test_a_1khz_tone_reads_as_bs1770_defines_it(rate: int) -> None:
    """BS.1770: a 997 Hz sine on one channel at -20 dBFS peak measures -23.0 LUFS (the
    weighting is 0 dB there, a sine's mean square is half its peak's)."""
    assert metered(tone(997, -20.0, 10.0, rate), rate) == pytest.approx(-23.01, abs=0.05)


@pytest.mark.parametrize("rate", [22050, 48000])
def test_the_weighting_lifts_treble_and_cuts_bass_as_ffmpeg_does(rate: int, tmp_path: Path) -> None:
    """K-weighting's shelf lifts the treble by up to 4 dB and its high-pass cuts the bass;
    with the chain's 10 kHz low-pass, each tone measures as ffmpeg's low-pass + ``ebur128``."""
    need_tool("ffmpeg")
    at = {}
    for freq in (20, 50, 200, 997, 4000, 9000):
        pcm = tone(freq, -20.0, 5.0, rate)
        at[freq] = metered(pcm, rate)
        (tmp_path / "t.pcm").write_bytes(pcm)
        offline = ebur128(tmp_path / "t.pcm", rate, f"lowpass=f={LOWPASS_HZ}")
        assert at[freq] == pytest.approx(offline, abs=0.1), freq
    assert 2.5 < at[4000] - at[997] < 4.0
    assert at[20] < at[50] < at[200] < at[997]  # the high-pass cuts deeper the lower the tone


def test_silence_does_not_count_and_nothing_loud_is_no_measurement() -> None:
    rate = 22050
    sine = tone(997, -20.0, 10.0, rate)
    padded = sine + b"\0\0" * rate * 30  # 30 s of silence: under the absolute gate
    assert metered(padded, rate) == pytest.approx(-23.01, abs=0.05)
    meter = Meter((0.0,), 0.0)
    meter.feed(b"\0\0" * rate * 5, rate)
    assert meter.finish() == ()
    assert Meter((0.0,), 0.0).finish() == ()  # heard nothing at all


def test_the_limiter_holds_a_steady_tone_at_the_ceiling() -> None:
    """A tone whose peaks the gain takes to 0 dBFS, limited at -12 dBFS, measures as a tone
    with -12 dBFS peaks; under the ceiling the limiter does nothing."""
    rate = 22050
    pcm = tone(997, -6.0, 10.0, rate)
    assert metered(pcm, rate, gain=6.0, ceiling=-12.0) == pytest.approx(-15.01, abs=0.1)
    assert metered(pcm, rate, gain=6.0, ceiling=1.0) == pytest.approx(-3.01, abs=0.05)


def speech(tmp: Path, voice: str) -> tuple[Path, int]:
    """Speech as narrate gets it from the engine: mono s16le at the engine's rate."""
    pcm = tmp / f"{voice.replace('+', '_')}.pcm"
    if voice == "piper":
        from narrate.speech.engines.piper_tts import PiperEngine

        reason = PiperEngine.available()
        if reason:
            if os.environ.get("CI"):
                pytest.fail(reason)
            pytest.skip(reason)
        audio = PiperEngine().synthesize(SPEECH * 2, "")
        pcm.write_bytes(audio.pcm)
        return pcm, audio.sample_rate
    need_tool("espeak-ng")
    wav = tmp / "s.wav"
    words, speed = (voice.split("@") + ["175"])[:2]
    subprocess.run(["espeak-ng", "-v", words, "-s", speed, "-w", str(wav), SPEECH * 3], check=True)
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(wav), "-f", "s16le", "-ac", "1",
                    str(pcm)], check=True)
    return pcm, 22050


def encoder_input(pcm: Path, rate: int, gain: float, tmp: Path) -> Path:
    """What the encode step hands ffmpeg: the samples through the gain and the limiter."""
    samples = np.frombuffer(pcm.read_bytes(), dtype="<i2").astype(np.float32) / 32768
    out = tmp / "limited.f32"
    limited(samples, gain, loudness.CEILING_DBFS, rate).astype("<f4").tofile(out)
    return out


@pytest.mark.parametrize("voice", ["en-us", "de", "fr", "en-us+f3@260", "piper"])
def test_speech_measures_as_ffmpeg_measures_what_the_encoder_gets(voice: str,
                                                                  tmp_path: Path) -> None:
    """At the gains narrate probes and beyond, the meter's loudness is ffmpeg's ``ebur128`` of
    the limited samples after the chain's low-pass (ffmpeg prints tenths), whatever the voice."""
    need_tool("ffmpeg")
    pcm, rate = speech(tmp_path, voice)
    data = pcm.read_bytes()
    for gain in (8.0, 10.5, 13.0):
        offline = ebur128(encoder_input(pcm, rate, gain, tmp_path), rate,
                          f"lowpass=f={LOWPASS_HZ}", fmt="f32le")
        assert metered(data, rate, gain, loudness.CEILING_DBFS, piece=1.3) == \
            pytest.approx(offline, abs=0.1), gain


def test_a_long_narration_is_metered_from_samples_within_a_few_tenths(tmp_path: Path) -> None:
    """Past its first seconds the meter hears one block in three; the loudness it reports
    stays within a few tenths of a full offline measurement of the same chain, also when the
    speech changes level along the way."""
    need_tool("ffmpeg")
    pcm, rate = speech(tmp_path, "en-us")
    data = pcm.read_bytes()
    reps = int(max(240.0, Meter.FULL_SECONDS * 3) * rate * 2 / len(data)) + 1  # 4 minutes
    quiet = (np.frombuffer(data, dtype=np.int16) // 2).astype(np.int16).tobytes()
    long = tmp_path / "long.pcm"
    long.write_bytes(b"".join(data if k % 2 else quiet for k in range(reps)))  # -6 dB, 0 dB, ...
    lufs = metered(long.read_bytes(), rate, 10.0, loudness.CEILING_DBFS, piece=1.0,
                   full_seconds=Meter.FULL_SECONDS)
    offline = ebur128(encoder_input(long, rate, 10.0, tmp_path), rate,
                      f"lowpass=f={LOWPASS_HZ}", fmt="f32le")
    assert lufs == pytest.approx(offline, abs=0.3)


def test_several_probe_gains_are_measured_in_one_pass(tmp_path: Path) -> None:
    pcm, rate = speech(tmp_path, "en-us")
    meter = Meter((8.0, 12.0), loudness.CEILING_DBFS, full_seconds=math.inf)
    meter.feed(pcm.read_bytes(), rate)
    (g0, l0), (g1, l1) = meter.finish()
    assert (g0, g1) == (8.0, 12.0)
    assert l0 < l1 < l0 + 4.0  # the limiter eats part of the extra 4 dB
