"""The loudness the encode chain will give, measured in this process while the PCM is made.

``plan_gain`` needs the integrated loudness (ITU-R BS.1770, gated as EBU R 128) of the
speech after the encode chain's gain and limiter (``limiter.py``) and its 10 kHz low-pass.
The ``Meter`` runs the very same limiter at a probe gain on the blocks it hears, then:

- BS.1770's K-weighting and the chain's low-pass, applied to each 100 ms block in the
  frequency domain (their magnitude responses at the sample rate, from the standard's
  analogue prototypes as libebur128 and ffmpeg derive them; a block's energy after a filter
  is the sum of its spectrum's power weighted by the filter's, Parseval);
- 400 ms blocks every 100 ms, the -70 LUFS absolute and -10 LU relative gates.

Tones measure as BS.1770 defines them, and the limited speech as ffmpeg's ``ebur128`` measures
the same samples, within 0.1 LU (tests/audio/test_meter.py; ffmpeg prints tenths). An ffmpeg
meter process beside synthesis used to do this: it cost four times the CPU (start-up, a
pipe, ``alimiter``'s per-sample loop).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from narrate.audio.limiter import Limiter, from_s16

BLOCK_SECONDS = 0.1  # BS.1770's gating blocks are 4 of these, one every 0.1 s
LOWPASS_HZ = 10000  # the encode chain's low-pass (loudness.chain)
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
    """The chain at one gain: its limiter, and the energy of every 100 ms block heard."""

    def __init__(self, gain_db: float, ceiling_dbfs: float, rate: int) -> None:
        size = int(round(rate * BLOCK_SECONDS))
        self.rate, self.size = rate, size
        self.limiter = Limiter(gain_db, ceiling_dbfs, rate)
        self.out = np.empty(0, dtype=np.float32)  # limited, not yet a whole block
        self.energies: list[np.ndarray] = []

    def process(self, samples: np.ndarray, final: bool = False) -> None:
        done = self.limiter.process(samples) if not final else self.limiter.finish()
        self.out = np.concatenate([self.out, done])
        n = len(self.out) // self.size * self.size
        if n:
            spectra = np.fft.rfft(self.out[:n].reshape(-1, self.size), axis=1)
            power = spectra.real ** 2 + spectra.imag ** 2
            self.energies.append(power @ weighting(self.rate, self.size))
            self.out = self.out[n:]

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
        self._probes: list[_Probe] = []  # made when the first PCM says its rate
        self._heard = 0  # samples offered so far

    def feed(self, pcm: bytes, rate: int) -> None:
        at = self._heard / rate if rate else 0.0
        self._heard += len(pcm) // 2
        if at >= self.full_seconds and int(at // self.SAMPLE_SECONDS) % self.SAMPLE_EVERY:
            return
        if self._probes and rate != self._probes[0].rate:
            raise ValueError(f"the sample rate changed from {self._probes[0].rate} to {rate} Hz")
        if not self._probes:
            self._probes = [_Probe(g, self.ceiling_dbfs, rate) for g in self.gains]
        samples = from_s16(pcm)
        for probe in self._probes:
            probe.process(samples)

    def finish(self) -> tuple[tuple[float, float], ...]:
        """(gain, integrated LUFS) per probe gain; () when there was nothing loud enough."""
        for probe in self._probes:
            probe.process(np.empty(0, dtype=np.float32), final=True)
        found = [p.lufs() for p in self._probes]
        if not found or any(v is None for v in found):
            return ()
        return tuple(zip(self.gains, (float(v) for v in found if v is not None), strict=True))

    def close(self) -> None:
        """Nothing to release (kept so a render step can treat every meter alike)."""
