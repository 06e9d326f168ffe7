"""Decode MPEG audio frames in this process (libsndfile's mpg123, through soundfile).

The peak check decodes every MP3 narrate encodes. An ffmpeg process per check cost more CPU
than the decoding itself (start-up, and every sample copied through a pipe); libsndfile
decodes the same frames to the same samples (within one LSB of ffmpeg's decoder, checked by
tests/audio/test_mp3decode.py). The bytes start at the first audio frame, so no LAME tag can
make the decoder trim its delay: output granule g is the decode of frame g // 2, as
``mp3frames`` counts them.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import numpy as np

from narrate.errors import AudioError

BLOCK = 2048 * 576  # samples decoded at a time: memory stays flat however long the audio


def decode(frames: bytes | bytearray, source: str = "") -> Iterator[np.ndarray]:
    """Mono int16 blocks of the audio in ``frames`` (whole MPEG frames, no tags), in order."""
    import soundfile

    try:
        with soundfile.SoundFile(io.BytesIO(bytes(frames))) as f:
            while True:
                block = f.read(BLOCK, dtype="int16", always_2d=True)
                if not len(block):
                    return
                yield block[:, 0] if block.shape[1] == 1 else block.mean(axis=1).astype(np.int16)
    except (soundfile.LibsndfileError, RuntimeError) as exc:
        raise AudioError(f"cannot decode the MP3: {exc}", source) from exc
