"""Gain and a look-ahead peak limiter, applied in this process to a stream of samples.

The encode chain raises speech by ~10 dB to the loudness target; the limiter keeps its peaks
at the ceiling. It used to be ffmpeg's ``alimiter`` at the MP3's 44.1 kHz, which cost about a
fifth of LAME's own CPU (a per-sample loop in doubles, at twice the engines' rate). This one
works the way ``alimiter`` does, on numpy arrays at the engine's rate:

- each 1 ms window's peak needs a gain that puts it at the ceiling;
- the gain falls to it in a straight line over the attack (5 ms) before the peak, from
  wherever it was when the peak came into the look-ahead, and climbs back to 1 in a straight
  line over the release (50 ms) after it;
- between windows the gain is interpolated sample by sample from each window edge's lower
  neighbour, so no sample is raised above the gain its own window needs: nothing passes the
  ceiling (what rounding leaves is clipped).

The meter (``meter.Meter``) runs the same limiter at a probe gain, so the loudness it measures
is that of the samples the encoder gets. Memory is flat: a stream is processed block by block,
holding the look-ahead and the release's history.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

WINDOW_SECONDS = 0.001
ATTACK_SECONDS = 0.005
RELEASE_SECONDS = 0.05


def from_s16(pcm: bytes) -> np.ndarray:
    """Mono s16le bytes (as engines give them) as float32 samples, full scale 1.0."""
    samples = np.frombuffer(pcm[:len(pcm) // 2 * 2], dtype="<i2").astype(np.float32)
    samples *= np.float32(1 / 32768)
    return samples


@lru_cache(maxsize=8)
def window_size(rate: int) -> int:
    """Samples per window: the divisor of a 100 ms block nearest WINDOW_SECONDS (21 samples at
    22.05 kHz), so the meter's BS.1770 blocks hold whole windows."""
    block = round(rate * 0.1)
    return min((d for d in range(1, block + 1) if block % d == 0),
               key=lambda d: abs(d - rate * WINDOW_SECONDS))


class Limiter:
    """``process`` blocks of float samples (full scale 1.0) in order; each call returns the
    samples it has finished, which lag the input by the look-ahead; ``finish`` returns the
    rest. The output, joined, has exactly as many samples as the input."""

    def __init__(self, gain_db: float, ceiling_dbfs: float, rate: int) -> None:
        self.gain = np.float32(10 ** (gain_db / 20))
        self.ceiling = np.float32(10 ** (ceiling_dbfs / 20))
        self.window = window_size(rate)
        self.attack = max(1, round(ATTACK_SECONDS * rate / self.window))
        self.release = max(1, round(RELEASE_SECONDS * rate / self.window))
        self._ramp = np.arange(self.window, dtype=np.float32) / np.float32(self.window)
        self._pending = np.empty(0, dtype=np.float32)  # gained, not yet output
        self._depths = np.empty(0)  # needed depths of the last windows output (see _emit)
        self._last_gain = 1.0  # the gain of the last window output

    def process(self, block: np.ndarray) -> np.ndarray:
        self._pending = np.concatenate([self._pending, block.astype(np.float32) * self.gain])
        ready = len(self._pending) // self.window - (self.attack + 1)
        return self._emit(ready) if ready > 0 else np.empty(0, dtype=np.float32)

    def finish(self) -> np.ndarray:
        """The samples still held for the look-ahead (silence is assumed to follow)."""
        if not len(self._pending):
            return np.empty(0, dtype=np.float32)
        whole = -(-len(self._pending) // self.window)
        n_in = len(self._pending)
        self._pending = np.concatenate([self._pending,
                                        np.zeros(whole * self.window - n_in, np.float32)])
        out = self._emit(whole)
        return out[:n_in]

    def _emit(self, n: int) -> np.ndarray:
        """Limit and return the first ``n`` windows held."""
        w = self.window
        usable = len(self._pending) // w
        peaks = np.abs(self._pending[:usable * w]).reshape(usable, w).max(axis=1)
        depth = 1.0 - np.minimum(1.0, self.ceiling / np.maximum(peaks, 1e-12))
        before = len(self._depths)
        hist = np.concatenate([self._depths, depth])
        # after each peak the gain climbs back in a straight line over the release
        held = hist.copy()
        if hist.any():
            for d in range(1, self.release + 1):
                np.maximum(held[d:], hist[:-d] * (1.0 - d / self.release), out=held[d:])
        # before a peak it falls in a straight line over the attack, from where it was when
        # the peak came into the look-ahead (it does not climb meanwhile)
        shape = held.copy()
        for d in range(1, self.attack):  # window k, a peak d windows later
            was = np.concatenate([np.zeros(self.attack - d), held])[:len(hist) - d]
            shape[:-d] = np.maximum(shape[:-d], hist[d:] * (1.0 - d / self.attack) + was * (d / self.attack))
        gains = 1.0 - shape[before:]  # windows held now: n to output, then the look-ahead
        # each window edge takes the lower of its two windows' gains; inside a window the
        # gain runs in a straight line from edge to edge
        left = np.minimum(np.concatenate([[self._last_gain], gains[:n - 1]]), gains[:n])
        right_next = gains[n] if n < len(gains) else gains[n - 1]
        right = np.minimum(gains[:n], np.concatenate([gains[1:n], [right_next]]))
        if np.all(left == 1.0) and np.all(right == 1.0):  # nothing to limit here
            out = self._pending[:n * w].copy().reshape(n, w)
        else:
            left32 = left.astype(np.float32)
            per_sample = np.multiply.outer((right - left).astype(np.float32), self._ramp)
            per_sample += left32[:, None]
            out = self._pending[:n * w].reshape(n, w) * per_sample
            np.clip(out, -self.ceiling, self.ceiling, out=out)
        self._last_gain = float(gains[n - 1])
        # the release reaches `release` windows on, and an attack looks `attack` windows back
        # at where the gain was: keep enough for both to be exact in the next call
        self._depths = hist[:before + n][-(self.release + self.attack):]
        self._pending = self._pending[n * w:]
        return out.reshape(-1)


def limited(samples: np.ndarray, gain_db: float, ceiling_dbfs: float, rate: int) -> np.ndarray:
    """``samples`` through a new ``Limiter`` in one go."""
    lim = Limiter(gain_db, ceiling_dbfs, rate)
    return np.concatenate([lim.process(samples), lim.finish()])
