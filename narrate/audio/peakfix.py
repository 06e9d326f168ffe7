"""Bring an encoded MP3's true peak under the limit where the encoder overshot, locally.

The encode step's own decode says which granules peak too high (peaks.py). Each is lowered in
place together with the two before it, whose samples the decoder overlaps into it (mp3frames:
-1.5 dB a step), and only the frames around the changes are decoded again to check: a frame
decodes exactly once the LEAD frames before it (bit reservoir, filterbank) have been decoded,
so each changed stretch is decoded from LEAD frames earlier and those first frames ignored.
"""

from __future__ import annotations

import math
import mmap
from pathlib import Path

from narrate.audio import mp3decode, mp3frames, peaks
from narrate.errors import AudioError

PATCH_BEFORE = 2  # output granule g holds samples of granules g-2 .. g
LEAD = 4  # frames decoded (and thrown away) before a changed stretch
TRAIL = 2  # frames decoded after it (a granule's samples reach two output granules on)
ROUNDS = 4


def fix(mp3: Path, scan: peaks.PeakScan) -> peaks.PeakScan:
    """Lower the granules of ``mp3`` that ``scan`` found over its limit, check again around
    them, and repeat; the last scan (its ``over()`` is empty on success)."""
    if not scan.over():
        return scan
    # changed in place through a mapping (the file is the encoder's temporary one): memory
    # does not grow with the length of the narration
    with open(mp3, "r+b") as f, mmap.mmap(f.fileno(), 0) as data:
        try:
            audio = mp3frames.audio_frames(data)
            for _ in range(ROUNDS):
                over = scan.over()
                if not over:
                    break
                steps: dict[int, int] = {}
                for g, excess in over.items():
                    n = math.ceil(excess / mp3frames.STEP_DB)
                    for j in range(g - PATCH_BEFORE, g + 1):
                        steps[j] = max(steps.get(j, 0), n)
                mp3frames.lower(data, audio, steps)
                scan = _rescan(data, audio, set(steps), scan.limit_db, mp3)
        except ValueError as exc:
            raise AudioError(f"cannot lower the MP3's peaks: {exc}", str(mp3)) from exc
        data.flush()
    return scan


def _rescan(data: bytearray | mmap.mmap, audio: list[mp3frames.Frame], granules: set[int], limit: float,
            mp3: Path) -> peaks.PeakScan:
    """Decode the frames around ``granules`` (all stretches at once) and scan them."""
    ranges: list[list[int]] = []  # [first frame decoded, last frame], merged
    for f in sorted({g // 2 for g in granules}):
        a, b = max(0, f - LEAD), min(len(audio) - 1, f + TRAIL)
        if ranges and a <= ranges[-1][1] + 1:
            ranges[-1][1] = max(ranges[-1][1], b)
        else:
            ranges.append([a, b])
    chunk = bytearray()
    where: list[tuple[int, bool]] = []  # per decoded frame: (frame index, counts)
    for a, b in ranges:
        end = audio[b].offset + audio[b].size
        chunk += data[audio[a].offset:end]
        where += [(f, a == 0 or f >= a + LEAD) for f in range(a, b + 1)]
    local = peaks.scan(mp3decode.decode(chunk, str(mp3), stretches=True), limit)
    result = peaks.PeakScan(limit, granules=2 * len(audio))
    for c, tp in local.hot.items():
        if c // 2 < len(where):
            frame, counts = where[c // 2]
            if counts:
                result.hot[2 * frame + c % 2] = tp
    return result
