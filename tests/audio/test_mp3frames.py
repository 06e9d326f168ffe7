"""Lowering MP3 granules in place: exact -1.5 dB steps, only where asked (real ffmpeg)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from narrate.audio import mp3frames
from tests.conftest import need_tool

RATE = 44100


@pytest.fixture(scope="module")
def tone_mp3(tmp_path_factory: pytest.TempPathFactory) -> Path:
    need_tool("ffmpeg")
    mp3 = tmp_path_factory.mktemp("frames") / "tone.mp3"
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i",
                    "sine=frequency=440:sample_rate=44100:duration=4", "-af", "volume=-6dB",
                    "-c:a", "libmp3lame", "-b:a", "64k", "-ac", "1", str(mp3)], check=True)
    return mp3


def decode(mp3: Path) -> np.ndarray:
    skip = mp3frames.audio_frames(mp3.read_bytes())[0].offset
    out = subprocess.run(["ffmpeg", "-v", "error", "-skip_initial_bytes", str(skip), "-f", "mp3",
                          "-i", str(mp3), "-f", "s16le", "-ac", "1", "-"],
                         capture_output=True, check=True).stdout
    return np.frombuffer(out, dtype=np.int16).astype(np.float64)


def test_frames_of_a_cbr_mono_file(tone_mp3: Path) -> None:
    data = tone_mp3.read_bytes()
    frames = list(mp3frames.frames(data))
    assert frames[0].info and not any(f.info for f in frames[1:])
    assert {f.channels for f in frames} == {1} and {f.size for f in frames} <= {208, 209}
    assert mp3frames.audio_frames(data)[0] == frames[1]
    # 4 s of audio in 1152-sample frames (plus the encoder's delay and padding)
    assert 4 * RATE / 1152 <= len(frames) - 1 <= 4 * RATE / 1152 + 3


def test_one_step_is_minus_1_5_db_everywhere(tone_mp3: Path, tmp_path: Path) -> None:
    copy = tmp_path / "all.mp3"
    copy.write_bytes(tone_mp3.read_bytes())
    n = 2 * sum(1 for f in mp3frames.frames(copy.read_bytes()) if not f.info)
    assert mp3frames.lower_granules(copy, dict.fromkeys(range(n), 2)) == n
    before, after = decode(tone_mp3), decode(copy)
    mid = slice(RATE, 3 * RATE)
    ratio = np.sqrt(np.mean(after[mid] ** 2) / np.mean(before[mid] ** 2))
    assert 20 * np.log10(ratio) == pytest.approx(-2 * mp3frames.STEP_DB, abs=0.05)


def test_only_the_chosen_granules_change(tone_mp3: Path, tmp_path: Path) -> None:
    copy = tmp_path / "some.mp3"
    copy.write_bytes(tone_mp3.read_bytes())
    g = 150  # about 2 s in
    mp3frames.lower_granules(copy, {g: 1, g + 1: 1})
    before, after = decode(tone_mp3), decode(copy)
    diff = np.nonzero(np.abs(after - before) > 2)[0]
    size = mp3frames.GRANULE
    # the filterbank and the decoder's delay spread a granule over the next two output
    # granules: the change stays within output granules g .. g+3
    assert diff.size and g * size <= diff.min() and diff.max() < (g + 4) * size
    inside = slice((g + 1) * size, (g + 2) * size)
    ratio = np.sqrt(np.mean(after[inside] ** 2) / np.mean(before[inside] ** 2))
    assert 20 * np.log10(ratio) == pytest.approx(-mp3frames.STEP_DB, abs=0.2)
