"""Where decoded audio peaks too high: the true peak of every loud granule, streamed.

The encode step decodes its own MP3 (mp3decode.py) and hands the PCM here. Every 576-sample
granule's sample peak is taken (numpy, in C); only the few granules whose sample peak comes
near the limit are oversampled 4x (FFT interpolation, as BS.1770's true-peak meter does) to
find their true peak. Memory stays flat: a few granules of context are kept between chunks.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from narrate.audio.mp3frames import GRANULE

# a granule's true peak runs at most about 0.5 dB above its sample peak for this band-limited
# speech (10 kHz low-pass before encoding); granules within this margin are oversampled
SAMPLE_MARGIN_DB = 1.5
CONTEXT = 2  # granules on each side of one being oversampled
CHUNK = 2048 * GRANULE  # samples read at a time
FULL_SCALE = 1.0  # mp3decode gives float samples


@dataclass
class PeakScan:
    """True peaks (dBFS) of the granules that came near ``limit_db``, by granule index."""

    limit_db: float
    hot: dict[int, float] = field(default_factory=dict)
    max_sample_db: float = -math.inf
    granules: int = 0

    @property
    def max_true_db(self) -> float:
        return max(self.hot.values(), default=self.max_sample_db)

    def over(self) -> dict[int, float]:
        """Granules whose true peak exceeds the limit, and by how many dB."""
        return {g: tp - self.limit_db for g, tp in self.hot.items() if tp > self.limit_db}


def true_peak_db(x: np.ndarray, lo: int, hi: int) -> float:
    """Peak of ``x[lo:hi]`` after 4x band-limited interpolation (``x`` gives the context)."""
    n = len(x)
    spectrum = np.fft.rfft(x.astype(np.float64))
    up = np.fft.irfft(spectrum, 4 * n) * 4
    peak = float(np.max(np.abs(up[4 * lo:4 * hi]))) if hi > lo else 0.0
    return 20 * math.log10(peak / FULL_SCALE) if peak > 0 else -math.inf


def scan(blocks: Iterable[np.ndarray], limit_db: float) -> PeakScan:
    """Consume mono float blocks (full scale 1.0) to their end; the granules that peak near the limit."""
    result = PeakScan(limit_db)
    near = FULL_SCALE * 10 ** ((limit_db - SAMPLE_MARGIN_DB) / 20)
    buf = np.empty(0, dtype=np.float32)
    base = 0  # granule index of buf[0]
    done = 0  # granules examined so far
    for new in itertools.chain(blocks, [None]):
        end = new is None
        buf = np.concatenate([buf, new]) if not end and len(new) else buf
        whole = len(buf) // GRANULE
        ready = base + (whole if end else max(0, whole - CONTEXT))
        if end and len(buf) % GRANULE:  # the last, partial granule counts too
            buf = np.concatenate([buf, np.zeros(GRANULE - len(buf) % GRANULE, np.float32)])
            ready += 1
        if ready > done:
            _examine(buf, base, done, ready, near, result)
            done = ready
        if end:
            result.granules = done
            return result
        keep = max(0, done - CONTEXT) - base
        buf = buf[keep * GRANULE:]
        base += keep
    raise AssertionError("unreachable")


def _examine(buf: np.ndarray, base: int, first: int, stop: int, near: float,
             result: PeakScan) -> None:
    grains = buf[(first - base) * GRANULE:(stop - base) * GRANULE].reshape(-1, GRANULE)
    peaks = np.abs(grains).max(axis=1)
    top = float(peaks.max()) if len(peaks) else 0.0
    if top:
        result.max_sample_db = max(result.max_sample_db, 20 * math.log10(top / FULL_SCALE))
    for k in np.nonzero(peaks >= near)[0]:
        g = first + int(k)
        lo = max(0, g - CONTEXT - base)
        hi = min(len(buf) // GRANULE, g + CONTEXT + 1 - base)
        window = buf[lo * GRANULE:hi * GRANULE]
        at = (g - base - lo) * GRANULE
        result.hot[g] = true_peak_db(window, at, at + GRANULE)
