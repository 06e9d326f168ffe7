"""Loudness to -16 LUFS integrated with true peak at or below -1 dBTP, measured, then encoded.

espeak-ng's output is peaky: plain two-pass ``loudnorm`` falls back to its dynamic mode and
lands near -17 LUFS. So the chain is gain -> peak limiter (in this process, ``limiter.py``)
-> low-pass -> resample -> MP3 (ffmpeg, reading the limited samples from a pipe), and the
gain comes from the limited loudness the ``meter.Meter`` heard at a probe gain while the
speech was made, with the same limiter; without a usable probe (the publisher's audio), from
metering the PCM file raw, then limited at the first guess. Nothing is held in memory. Per
episode the CPU goes mostly to LAME itself (~0.5 % of real time); the peak check, the meter,
the limiter, synthesis, reading and start-up add to it (bench/batch.py).
"""

from __future__ import annotations

import math
import mmap
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from narrate.audio import mp3decode, mp3frames, peakfix, peaks
from narrate.audio.limiter import Limiter, from_s16
from narrate.audio.meter import LOWPASS_HZ, Meter
from narrate.errors import AudioError

TARGET_LUFS = -16.0
# limiter ceiling; the margin below -1 dBTP absorbs the resampler's and the MP3 coding's
# overshoot (limiting at the engine's 22.05 kHz, the MP3s' true peaks land at -1.6 to -2.0
# dBTP with -4.0, as they did with -3.5 when ffmpeg's limiter ran after the resampler)
CEILING_DBFS = -4.0
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
NO_CEILING = 60.0  # dBFS: a ceiling nothing reaches, to meter the raw speech
READ_BYTES = 1 << 18  # PCM read (and limited) at a time: 6 s at 22.05 kHz


@dataclass(frozen=True, slots=True)
class EncodeSettings:
    bitrate: str = "64k"
    sample_rate: int = 44100
    target_lufs: float = TARGET_LUFS
    ceiling_dbfs: float = CEILING_DBFS


def chain(rate: int = 44100) -> str:
    """ffmpeg's part of the chain, after the limiter: measured on espeak-ng and Piper speech,
    the 10 kHz low-pass leaves libmp3lame less high-frequency coding noise to overshoot with
    (-1.4 -> -2.0 dBTP); then the MP3's sample rate."""
    return f"lowpass=f={LOWPASS_HZ},aresample={rate}"


def pcm_blocks(pcm: Path) -> Iterator[bytes]:
    """The mono s16le file ``pcm`` in pieces of READ_BYTES (whole samples)."""
    with open(pcm, "rb") as f:
        while block := f.read(READ_BYTES):
            yield block


def metered(pcm: Path, rate: int, gain_db: float, ceiling_dbfs: float) -> float:
    """Integrated loudness (LUFS) of the whole PCM file at ``gain_db`` through the limiter."""
    meter = Meter((gain_db,), ceiling_dbfs, full_seconds=math.inf)
    for block in pcm_blocks(pcm):
        meter.feed(block, rate)
    probe = meter.finish()
    if not probe:  # every block fell under the absolute gate
        raise AudioError("the audio is silent", str(pcm))
    return probe[0][1]


def plan_gain(pcm: Path, rate: int, settings: EncodeSettings = EncodeSettings(),
              probe: Sequence[tuple[float, float]] = ()) -> float:
    """The gain (dB) that brings the limited audio to the target loudness.

    ``probe`` holds (gain, measured LUFS) pairs a ``Meter`` took while the audio was being
    made; when two of them bracket the target, the gain is interpolated and the PCM is not
    read again. Otherwise: meter the raw PCM, then the limited PCM at the first guess.
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
    gain = target - metered(pcm, rate, 0.0, NO_CEILING)
    limited = metered(pcm, rate, gain, settings.ceiling_dbfs)
    return gain + min(12.0, (target - limited) / LIMITER_SLOPE)


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
    """PCM -> gain and limiter (here) -> low-pass, resample, MPEG-1 Layer III (ffmpeg), mono,
    constant bitrate. The limited samples go to ffmpeg through a pipe as 32-bit floats, so
    nothing is rounded twice.

    Returns where the encoded audio peaks (``rescan``: decoded in this process, which costs
    less CPU than the ffmpeg decoder that used to listen to the encoder through a pipe).
    """
    cmd = ["ffmpeg", "-hide_banner", "-v", "error", "-nostdin", "-y", "-f", "f32le",
           "-ar", str(rate), "-ac", "1", "-i", "pipe:0", "-af", chain(settings.sample_rate),
           "-c:a", "libmp3lame", "-b:a", settings.bitrate, "-cutoff", str(ENCODER_CUTOFF_HZ),
           "-ac", "1", "-ar", str(settings.sample_rate), "-map_metadata", "-1",
           "-id3v2_version", "0", "-write_xing", "1", "-f", "mp3", f"file:{mp3.resolve()}"]
    limiter = Limiter(gain_db, settings.ceiling_dbfs, rate)
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=log)
        assert proc.stdin is not None
        try:
            try:
                for block in pcm_blocks(pcm):
                    proc.stdin.write(limiter.process(from_s16(block)).tobytes())
                proc.stdin.write(limiter.finish().tobytes())
                proc.stdin.close()
            except BrokenPipeError:
                pass  # ffmpeg stopped reading: its exit status and message say why
            code = proc.wait()
        finally:
            if proc.poll() is None:  # Ctrl-C, or a read error here: stop the encoder too
                proc.kill()
                proc.wait()
        log.seek(0)
        err = log.read().decode("utf-8", "replace").strip()[-200:]
    if code or not mp3.exists() or mp3.stat().st_size == 0:
        raise AudioError(f"MP3 encoding failed: {err or f'ffmpeg exited with {code}'}", str(mp3))
    return rescan(mp3)
