"""Loudness to -16 LUFS integrated with true peak at or below -1 dBTP, measured, then encoded.

espeak-ng's output is peaky: plain two-pass ``loudnorm`` falls back to its dynamic mode and
lands near -17 LUFS. So the chain is low-pass -> resample -> gain -> peak limiter -> MP3, and
the gain comes from the limited loudness the in-process ``meter.Meter`` heard at a probe gain
while the speech was made; without a usable probe (the publisher's audio), from measuring
(ffmpeg ``ebur128``) the raw PCM file, then the limited PCM at the first guess. Nothing is
held in memory. Per episode the CPU goes mostly to LAME itself (~0.5 % of real time); the
peak check, the meter, synthesis, reading and start-up add to it (bench/batch.py).
"""

from __future__ import annotations

import mmap
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from narrate.audio import mp3decode, mp3frames, peakfix, peaks
from narrate.errors import AudioError

TARGET_LUFS = -16.0
CEILING_DBFS = -3.5  # limiter ceiling; the margin below -1 dBTP absorbs MP3 coding overshoot
# libmp3lame output measures about 0.4-0.6 LU quieter than the PCM it was given (measured on
# espeak-ng and Piper speech), so the PCM is aimed this much higher
MP3_LOSS_LU = 0.5
# the limiter eats about half of any extra gain on speech (measured slope 0.45-0.55)
LIMITER_SLOPE = 0.5
# MP3 coding noise pushes a few peaks 1-2.5 dB over the limiter's ceiling (more often the
# longer the file). The encoded audio is decoded once encoded and its true peak found
# (peaks.py); granules over this limit (0.3 dB below -1 dBTP for the meters' rounding) are
# lowered in place (peakfix.py).
TRUE_PEAK_LIMIT = -1.3
# libmp3lame's own low-pass: just above the chain's 10 kHz low-pass and the engines' Nyquist
# (espeak-ng and Piper speak at 16-22.05 kHz), so it removes nothing the chain left; left at
# its default (about 15 kHz for 64 kb/s mono) LAME spends ~13 % more CPU on empty bands
ENCODER_CUTOFF_HZ = 11025
# gains the meter probes while synthesizing (espeak-ng and Piper speech needs 9-11 dB)
PROBE_GAINS = (10.5,)
# how far (LU) from a probe the limiter slope is trusted to extrapolate (+-2 dB of gain)
PROBE_REACH_LU = 1.0
_MAX = re.compile(r"max_volume:\s*(-?[\d.]+|-inf) dB")
_I = re.compile(r"Integrated loudness:\s*\n\s*I:\s*(-?[\d.]+|-inf) LUFS")


@dataclass(frozen=True, slots=True)
class EncodeSettings:
    bitrate: str = "64k"
    sample_rate: int = 44100
    target_lufs: float = TARGET_LUFS
    ceiling_dbfs: float = CEILING_DBFS


def chain(gain_db: float, ceiling_dbfs: float = CEILING_DBFS, rate: int = 44100) -> str:
    """The ffmpeg filter chain applied before encoding (and measured before that).

    Measured on espeak-ng and Piper speech, each part keeps the true peak of the *MP3* down:
    the 10 kHz low-pass leaves libmp3lame less high-frequency coding noise to overshoot with
    (-1.4 -> -2.0 dBTP), limiting at the output rate keeps the resampler's overshoot out, and
    a 5 ms attack distorts less than 1 ms.
    """
    limit = 10 ** (ceiling_dbfs / 20)
    return (f"lowpass=f=10000,aresample={rate},volume={gain_db:.2f}dB,"
            f"alimiter=limit={limit:.4f}:level=false:attack=5:release=50")


def _pcm_input(pcm: Path, rate: int) -> list[str]:
    return ["-f", "s16le", "-ar", str(rate), "-ac", "1", "-i", str(pcm.resolve())]


def integrated(pcm: Path, rate: int, filters: str = "") -> float:
    """Integrated loudness (LUFS) of the PCM file after ``filters``."""
    af = f"{filters}," if filters else ""
    cmd = ["ffmpeg", "-hide_banner", "-nostats", "-nostdin", *_pcm_input(pcm, rate),
           "-v", "info", "-af", af + "ebur128=framelog=verbose", "-f", "null", "-"]
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          errors="replace")
    found = _I.findall(proc.stderr)
    if proc.returncode or not found:
        raise AudioError(f"ffmpeg ebur128 failed: {proc.stderr.strip()[-200:]}", str(pcm))
    value = float(found[-1])  # "-inf" parses too
    if value <= -69.9:  # ebur128's floor: every block fell under the absolute gate
        raise AudioError("the audio is silent", str(pcm))
    return value


def plan_gain(pcm: Path, rate: int, settings: EncodeSettings = EncodeSettings(),
              probe: Sequence[tuple[float, float]] = ()) -> float:
    """The gain (dB) that brings the limited audio to the target loudness.

    ``probe`` holds (gain, measured LUFS) pairs a ``Meter`` took while the audio was being
    made; when two of them bracket the target, the gain is interpolated and the PCM is not
    read again. Otherwise: measure the raw PCM, then the limited PCM at the first guess.
    """
    target = settings.target_lufs + MP3_LOSS_LU
    points = sorted(probe)
    for (g0, l0), (g1, l1) in zip(points, points[1:], strict=False):
        if l0 <= target <= l1 and l1 > l0:
            return g0 + (g1 - g0) * (target - l0) / (l1 - l0)
    near = [(g, lufs) for g, lufs in points if abs(target - lufs) <= PROBE_REACH_LU]
    if near:
        g, lufs = min(near, key=lambda p: abs(target - p[1]))
        return g + (target - lufs) / LIMITER_SLOPE
    gain = target - integrated(pcm, rate)
    limited = integrated(pcm, rate, chain(gain, settings.ceiling_dbfs, settings.sample_rate))
    return gain + min(12.0, (target - limited) / LIMITER_SLOPE)


def sample_peak(media: Path) -> float:
    """Highest sample level (dBFS) of a decoded file."""
    cmd = ["ffmpeg", "-hide_banner", "-nostats", "-nostdin", "-v", "info", "-i", str(media),
           "-af", "volumedetect", "-f", "null", "-"]
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          errors="replace")
    found = _MAX.findall(proc.stderr)
    if proc.returncode or not found:
        raise AudioError(f"ffmpeg volumedetect failed: {proc.stderr.strip()[-200:]}", str(media))
    return float("-inf") if found[-1] == "-inf" else float(found[-1])


def encode(pcm: Path, rate: int, gain_db: float, mp3: Path,
           settings: EncodeSettings = EncodeSettings()) -> Path:
    """Encode once; where the encoder pushed a peak over TRUE_PEAK_LIMIT, lower just the
    granules around it in place (peakfix: -1.5 dB a step, no re-encoding)."""
    scan = peakfix.fix(mp3, encode_once(pcm, rate, gain_db, mp3, settings))
    if scan.over():
        raise AudioError(f"true peak {scan.max_true_db:.1f} dBTP stays above "
                         f"{TRUE_PEAK_LIMIT} dBTP", str(mp3))
    return mp3


def rescan(mp3: Path) -> peaks.PeakScan:
    """Decode the whole of ``mp3`` from its first audio frame (so that no LAME tag trims the
    decoder's delay and output granules line up with ``mp3frames``) and scan its peaks."""
    if mp3.stat().st_size == 0:
        raise AudioError("the MP3 is empty", str(mp3))
    with open(mp3, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
        first, end = mp3frames.audio_span(data)  # touches the first frame and the last bytes
    return peaks.scan(mp3decode.decode_file(mp3, first, end), TRUE_PEAK_LIMIT)


def encode_once(pcm: Path, rate: int, gain_db: float, mp3: Path,
                settings: EncodeSettings = EncodeSettings()) -> peaks.PeakScan:
    """PCM -> MPEG-1 Layer III, mono, constant bitrate, with the loudness chain applied.

    Returns where the encoded audio peaks (``rescan``: decoded in this process, which costs
    less CPU than the ffmpeg decoder that used to listen to the encoder through a pipe).
    """
    cmd = ["ffmpeg", "-hide_banner", "-v", "error", "-nostdin", "-y", *_pcm_input(pcm, rate),
           "-map", "0:a", "-af", chain(gain_db, settings.ceiling_dbfs, settings.sample_rate),
           "-c:a", "libmp3lame", "-b:a", settings.bitrate, "-cutoff", str(ENCODER_CUTOFF_HZ),
           "-ac", "1", "-ar", str(settings.sample_rate), "-map_metadata", "-1",
           "-id3v2_version", "0", "-write_xing", "1", "-f", "mp3", f"file:{mp3.resolve()}"]
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if proc.returncode or not mp3.exists() or mp3.stat().st_size == 0:
        err = proc.stderr.decode("utf-8", "replace").strip()[-200:]
        raise AudioError(f"MP3 encoding failed: {err}", str(mp3))
    return rescan(mp3)
