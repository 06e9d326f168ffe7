"""The encode chain's limiter: what it does to a signal, from the rule (gain, then peaks held
at the ceiling, a straight attack before a peak and a straight release after it)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from narrate.audio.limiter import ATTACK_SECONDS, RELEASE_SECONDS, Limiter, limited

RATE = 22050


def db(x: float) -> float:
    return 20 * math.log10(x)


def test_below_the_ceiling_only_the_gain_is_applied() -> None:
    rng = np.random.default_rng(1)
    x = (rng.standard_normal(RATE) * 0.01).astype(np.float32)  # peaks near -28 dBFS
    y = limited(x, 6.0, -3.0, RATE)
    assert len(y) == len(x)
    assert np.allclose(y, x * 10 ** (6 / 20), atol=1e-6)


@pytest.mark.parametrize("gain,ceiling", [(10.0, -4.0), (20.0, -1.0), (3.0, -12.0)])
def test_no_sample_passes_the_ceiling(gain: float, ceiling: float) -> None:
    rng = np.random.default_rng(2)
    speechy = rng.standard_normal(3 * RATE) * np.repeat(rng.uniform(0, 0.5, 3 * 50), RATE // 50)
    y = limited(speechy.astype(np.float32), gain, ceiling, RATE)
    assert np.max(np.abs(y)) <= 10 ** (ceiling / 20) * (1 + 1e-6)


def test_a_steady_tone_is_held_at_the_ceiling() -> None:
    t = np.arange(2 * RATE) / RATE
    tone = (0.5 * np.sin(2 * math.pi * 440 * t)).astype(np.float32)
    y = limited(tone, 6.0, -12.0, RATE)
    assert db(float(np.max(np.abs(y[RATE // 2:])))) == pytest.approx(-12.0, abs=0.1)


def test_a_lone_peak_is_met_by_a_ramp_and_released_by_another() -> None:
    """A click at full scale in quiet: the gain is already down when it comes (attack), and
    back to unity within the release after it; far from it nothing changes."""
    x = np.full(RATE, 0.01, dtype=np.float32)
    at = RATE // 2
    x[at] = 1.0
    y = limited(x, 0.0, -6.0, RATE)
    assert abs(y[at]) <= 10 ** (-6 / 20) + 1e-6
    gain = y / x
    attack, release = int(ATTACK_SECONDS * RATE), int(RELEASE_SECONDS * RATE)
    assert gain[at - 2 * attack] == pytest.approx(1.0)  # before the attack: untouched
    assert gain[at + release + 2 * attack] == pytest.approx(1.0)  # after the release: untouched
    assert gain[at - attack // 2] < 1.0  # falling towards the peak
    halfway = gain[at + release // 2]
    assert 0.6 < halfway < 0.9  # climbing back in a straight line: about 0.75 half-way
    assert np.all(np.diff(gain[at:at + release]) >= -1e-6)  # never falls again after the peak


def test_streaming_in_any_blocks_gives_the_same_samples() -> None:
    rng = np.random.default_rng(3)
    x = (rng.standard_normal(2 * RATE) * 0.3).astype(np.float32)
    whole = limited(x, 8.0, -4.0, RATE)
    for size in (1, 97, 4410, 30000):
        lim = Limiter(8.0, -4.0, RATE)
        parts = [lim.process(x[k:k + size]) for k in range(0, len(x), size)]
        streamed = np.concatenate([*parts, lim.finish()])
        assert len(streamed) == len(x)
        assert np.allclose(streamed, whole, atol=1e-6), size
