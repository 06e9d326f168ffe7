"""The loudness the encode chain will give, measured in this process while the PCM is made.

``plan_gain`` needs the integrated loudness (ITU-R BS.1770, gated as EBU R 128) of the
speech after ``loudness.chain``: low-pass, gain, peak limiter. An ffmpeg process beside
synthesis measured that chain exactly, but cost about as much CPU as a fifth of LAME's encode
(start-up, a pipe, a sample-by-sample limiter): over a tenth of narrate's CPU per article. The
``Meter`` models the chain with numpy instead, on the blocks it hears:

- the gain, then the look-ahead limiter as ``alimiter`` behaves: each 1 ms window's peak
  needs a gain that puts it at the ceiling; the gain falls to it in a straight line over the
  attack (5 ms) before the peak, from wherever it was when the peak came into view, and
  climbs back to 1 in a straight line over the release (50 ms) after it; what is left over
  the ceiling is clipped;
- BS.1770's K-weighting and the chain's 10 kHz low-pass applied to each 100 ms block in the
  frequency domain (their magnitude responses at the sample rate, from the standard's
  analogue prototypes as libebur128 and ffmpeg derive them; a block's energy after a filter
  is the sum of its spectrum's power weighted by the filter's, Parseval);
- 400 ms blocks every 100 ms, the -70 LUFS absolute and -10 LU relative gates.

On speech from espeak-ng and Piper it agrees with ffmpeg's ``ebur128`` of the real chain
within 0.1 LU (tests/audio/test_meter.py; ffmpeg prints tenths) at the gains narrate uses
and beyond, on ten news pages within 0.06 LU. It costs about a quarter of the ffmpeg
meter's CPU (0.08 s against 0.3-0.4 s for six minutes of speech) and runs in the caller's
thread: no process to start, no pipe.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

BLOCK_SECONDS = 0.1  # BS.1770's gating blocks are 4 of these, one every 0.1 s
WINDOW_SECONDS = 0.001  # the limiter model's resolution
ATTACK_SECONDS = 0.005  # loudness.chain's limiter: attack=5
RELEASE_SECONDS = 0.05  # release=50
LOWPASS_HZ = 10000.0  # loudness.chain's low-pass
ABSOLUTE_GATE = -70.0
RELATIVE_GATE = 10.0


def _biquad_power(b: Sequence[float], a: Sequence[float], w: np.ndarray) -> np.ndarray:
    z = np.exp(-1j * w)
    h = (b[0] + b[1] * z + b[2] * z * z) / (a[0] + a[1] * z + a[2] * z * z)
    return np.abs(h) ** 2


@lru_cache(maxsize=8)
def weighting(rate: int, size: int) -> np.ndarray:
    """Power response, per rfft bin of a ``size``-sample block at ``rate`` Hz, of the chain's
    low-pass followed by BS.1770's K-weighting (its high-shelf and high-pass stages)."""
    w = np.linspace(0.0, math.pi, size // 2 + 1)
    # K-weighting stage 1, a high shelf (+4 dB above ~1.7 kHz)
    f0, gain, q = 1681.974450955533, 3.999843853973347, 0.7071752369554196
    k = math.tan(math.pi * f0 / rate)
    vh = 10 ** (gain / 20)
    vb = vh ** 0.4996667741545416
    a0 = 1 + k / q + k * k
    power = _biquad_power([(vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0,
                           (vh - vb * k / q + k * k) / a0],
                          [1.0, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0], w)
    # stage 2, a high-pass at ~38 Hz
    f0, q = 38.13547087602444, 0.5003270373238773
    k = math.tan(math.pi * f0 / rate)
    a0 = 1 + k / q + k * k
    power *= _biquad_power([1.0, -2.0, 1.0], [1.0, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0], w)
    if LOWPASS_HZ < rate / 2:  # ffmpeg's lowpass: a Butterworth biquad (RBJ cookbook, Q 0.707)
        w0 = 2 * math.pi * LOWPASS_HZ / rate
        alpha = math.sin(w0) / (2 * 0.707)
        c = math.cos(w0)
        power *= _biquad_power([(1 - c) / 2, 1 - c, (1 - c) / 2], [1 + alpha, -2 * c, 1 - alpha], w)
    # rfft holds each bin but DC and Nyquist once for two: count those twice
    power[1:size // 2 + (size % 2)] *= 2
    return (power / (size * size)).astype(np.float32)


class _Probe:
    """The chain at one gain: the limiter's recent peaks and the energy of every block heard."""

    def __init__(self, gain_db: float, ceiling_dbfs: float) -> None:
        self.gain = np.float32(10 ** (gain_db / 20))
        self.ceiling = 10 ** (ceiling_dbfs / 20)
        self.before = np.zeros(0)  # the depths of the last windows processed (release reaches on)
        self.energies: list[np.ndarray] = []

    def process(self, x: np.ndarray, ahead: np.ndarray, rate: int, window: int, size: int) -> None:
        """Limit and weigh ``x`` (whole blocks of ``size`` samples, whole windows); ``ahead``
        is what comes next, for the limiter's look-ahead."""
        attack = max(1, round(ATTACK_SECONDS * rate / window))
        release = max(1, round(RELEASE_SECONDS * rate / window))
        y = np.concatenate([x, ahead]) * self.gain
        peaks = np.abs(y[:len(y) // window * window]).reshape(-1, window).max(axis=1)
        # depth: how far below 1 the gain must be for the window's peak to meet the ceiling
        depth = 1.0 - np.minimum(1.0, self.ceiling / np.maximum(peaks, 1e-12))
        n = len(x) // window
        before = len(self.before)
        hist = np.concatenate([self.before, depth])  # windows before x, x, the look-ahead
        # after each peak the gain climbs back in a straight line over the release
        held = hist.copy()
        for d in range(1, release + 1):
            held[d:] = np.maximum(held[d:], hist[:-d] * (1.0 - d / release))
        # before a peak it falls in a straight line over the attack, from where it was when
        # the peak came into the look-ahead (it does not climb meanwhile)
        shape = held.copy()
        for d in range(1, attack):  # window k, a peak d windows later
            was = np.concatenate([np.zeros(attack - d), held])[:len(hist) - d]
            cand = hist[d:] * (1.0 - d / attack) + was * (d / attack)
            shape[:-d] = np.maximum(shape[:-d], cand)
        shape = shape[before:before + n]
        self.before = hist[before:before + n][-release:]
        gains = (1.0 - shape).astype(np.float32)
        limited = y[:n * window].reshape(n, window) * gains[:, None]
        np.clip(limited, -self.ceiling, self.ceiling, out=limited)
        spectra = np.fft.rfft(limited.reshape(-1, size), axis=1)
        power = spectra.real ** 2 + spectra.imag ** 2
        self.energies.append(power @ weighting(rate, size))

    def lufs(self) -> float | None:
        sub = np.concatenate(self.energies) if self.energies else np.empty(0)
        if len(sub) < 4:
            return None
        blocks = np.convolve(sub, np.full(4, 0.25), mode="valid")
        with np.errstate(divide="ignore"):
            loud = -0.691 + 10 * np.log10(blocks)
        kept = blocks[loud > ABSOLUTE_GATE]
        if not len(kept):
            return None
        gate = -0.691 + 10 * math.log10(float(kept.mean())) - RELATIVE_GATE
        kept = kept[-0.691 + 10 * np.log10(kept) > gate]
        return -0.691 + 10 * math.log10(float(kept.mean()))


@lru_cache(maxsize=8)
def _block_and_window(rate: int) -> tuple[int, int]:
    """A 100 ms block, and the divisor of it nearest WINDOW_SECONDS (21 samples at 22.05 kHz)."""
    size = int(round(rate * BLOCK_SECONDS))
    best = min((d for d in range(1, size + 1) if size % d == 0),
               key=lambda d: abs(d - rate * WINDOW_SECONDS))
    return size, best


class Meter:
    """Measures the limited loudness at probe gains while the PCM is still being written.

    ``feed`` takes each piece of mono s16le PCM as the render step writes it. After the first
    FULL_SECONDS the meter hears only the pieces that start in one block of SAMPLE_SECONDS in
    SAMPLE_EVERY, evenly from the start (a long full part would weigh the opening more than the
    rest): one voice's speech is steady, and measured on ten 150-600-word pages the MP3s land
    within 0.2 LU of the target, as when the meter heard everything.
    ``full_seconds=math.inf`` hears everything. Memory: 4 bytes per 100 ms heard.
    """

    FULL_SECONDS = 6.0
    SAMPLE_SECONDS = 2.0
    SAMPLE_EVERY = 3

    def __init__(self, gains: Sequence[float], ceiling_dbfs: float,
                 full_seconds: float | None = None) -> None:
        self.gains = tuple(gains)
        self.ceiling_dbfs = ceiling_dbfs
        self.full_seconds = self.FULL_SECONDS if full_seconds is None else full_seconds
        self._probes = [_Probe(g, ceiling_dbfs) for g in self.gains]
        self._rate = 0
        self._heard = 0  # samples offered so far
        self._pending = np.empty(0, dtype=np.float32)  # heard, not yet processed

    def feed(self, pcm: bytes, rate: int) -> None:
        at = self._heard / rate if rate else 0.0
        self._heard += len(pcm) // 2
        if at >= self.full_seconds and int(at // self.SAMPLE_SECONDS) % self.SAMPLE_EVERY:
            return
        if self._rate and rate != self._rate:
            raise ValueError(f"the sample rate changed from {self._rate} to {rate} Hz")
        self._rate = rate
        samples = np.frombuffer(pcm[:len(pcm) // 2 * 2], dtype="<i2").astype(np.float32)
        self._pending = np.concatenate([self._pending, samples * np.float32(1 / 32768)])
        self._process(final=False)

    def _process(self, final: bool) -> None:
        rate = self._rate
        if not rate:
            return
        size, window = _block_and_window(rate)
        look = int(math.ceil(ATTACK_SECONDS * rate / window)) * window
        usable = len(self._pending) if final else len(self._pending) - look
        n = max(0, usable) // size * size
        if not n:
            return
        x, ahead = self._pending[:n], self._pending[n:n + look]
        for probe in self._probes:
            probe.process(x, ahead, rate, window, size)
        self._pending = self._pending[n:]

    def finish(self) -> tuple[tuple[float, float], ...]:
        """(gain, integrated LUFS) per probe gain; () when there was nothing loud enough."""
        self._process(final=True)
        found = [p.lufs() for p in self._probes]
        if any(v is None for v in found):
            return ()
        return tuple(zip(self.gains, (float(v) for v in found if v is not None), strict=True))

    def close(self) -> None:
        """Nothing to release (kept so a render step can treat every meter alike)."""
