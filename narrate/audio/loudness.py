"""Loudness to -16 LUFS integrated with true peak at or below -1 dBTP, measured, then encoded.

espeak-ng's output is peaky: plain two-pass ``loudnorm`` falls back to its dynamic mode and
lands near -17 LUFS. So the chain is gain -> peak limiter -> resample -> MP3, and the gain is
found by measuring (ffmpeg ``ebur128``) the raw PCM, then the limited PCM at the first guess,
and correcting by the difference. Both measurements read the PCM file; nothing is held in memory.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from narrate.errors import AudioError

TARGET_LUFS = -16.0
CEILING_DBFS = -2.0  # limiter ceiling; the 1 dB below -1 dBTP absorbs resampling and MP3 overshoot
_I = re.compile(r"Integrated loudness:\s*\n\s*I:\s*(-?[\d.]+|-inf) LUFS")


@dataclass(frozen=True, slots=True)
class EncodeSettings:
    bitrate: str = "64k"
    sample_rate: int = 44100
    target_lufs: float = TARGET_LUFS
    ceiling_dbfs: float = CEILING_DBFS


def chain(gain_db: float, ceiling_dbfs: float = CEILING_DBFS) -> str:
    """The ffmpeg filter chain applied before encoding (and measured before that)."""
    limit = 10 ** (ceiling_dbfs / 20)
    return (f"volume={gain_db:.2f}dB,"
            f"alimiter=limit={limit:.4f}:level=false:attack=5:release=60:latency=true")


def _pcm_input(pcm: Path, rate: int) -> list[str]:
    return ["-f", "s16le", "-ar", str(rate), "-ac", "1", "-i", str(pcm)]


def integrated(pcm: Path, rate: int, filters: str = "") -> float:
    """Integrated loudness (LUFS) of the PCM file after ``filters``."""
    af = f"{filters}," if filters else ""
    cmd = ["ffmpeg", "-hide_banner", "-nostats", "-nostdin", *_pcm_input(pcm, rate),
           "-af", af + "ebur128", "-f", "null", "-"]
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          errors="replace")
    found = _I.findall(proc.stderr)
    if proc.returncode or not found:
        raise AudioError(f"ffmpeg ebur128 failed: {proc.stderr.strip()[-200:]}", str(pcm))
    value = found[-1]
    if value == "-inf":
        raise AudioError("the audio is silent", str(pcm))
    return float(value)


def plan_gain(pcm: Path, rate: int, settings: EncodeSettings = EncodeSettings()) -> float:
    """The gain (dB) that brings the limited audio to the target loudness."""
    raw = integrated(pcm, rate)
    gain = settings.target_lufs - raw
    for _ in range(2):
        limited = integrated(pcm, rate, chain(gain, settings.ceiling_dbfs))
        error = settings.target_lufs - limited
        if abs(error) < 0.25:
            break
        gain += error * 1.1  # the limiter eats part of any extra gain
    return gain


def encode(pcm: Path, rate: int, gain_db: float, mp3: Path,
           settings: EncodeSettings = EncodeSettings()) -> Path:
    """PCM -> MPEG-1 Layer III, mono, constant bitrate, with the loudness chain applied."""
    cmd = ["ffmpeg", "-hide_banner", "-v", "error", "-nostdin", "-y", *_pcm_input(pcm, rate),
           "-af", f"{chain(gain_db, settings.ceiling_dbfs)},aresample={settings.sample_rate}",
           "-c:a", "libmp3lame", "-b:a", settings.bitrate, "-ac", "1",
           "-ar", str(settings.sample_rate), "-map_metadata", "-1", "-id3v2_version", "0",
           "-write_xing", "1", "-f", "mp3", str(mp3)]
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          errors="replace")
    if proc.returncode or not mp3.exists() or mp3.stat().st_size == 0:
        raise AudioError(f"MP3 encoding failed: {proc.stderr.strip()[-200:]}", str(mp3))
    return mp3
