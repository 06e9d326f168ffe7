"""Decode MPEG audio frames in this process (libsndfile's mpg123, through soundfile).

The peak check decodes every MP3 narrate encodes. An ffmpeg process per check cost more CPU
than the decoding itself (start-up, and every sample copied through a pipe); libsndfile
decodes the same frames to the same samples (within one LSB of ffmpeg's decoder, checked by
tests/audio/test_mp3decode.py). The bytes start at the first audio frame, so no LAME tag can
make the decoder trim its delay: output granule g is the decode of frame g // 2, as
``mp3frames`` counts them. Memory stays flat: a file is read through a window, in blocks.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import numpy as np

from narrate.errors import AudioError

BLOCK = 2048 * 576  # samples decoded at a time


def decode(frames: bytes | bytearray, source: str = "", *, stretches: bool = False) -> Iterator[np.ndarray]:
    """Mono float32 blocks (full scale 1.0) of the audio in ``frames`` (whole MPEG frames, no
    tags), in order. float32 is the decoder's own output: asking libsndfile for int16 costs a
    conversion with clipping per sample (~40 % more CPU for the peak check).

    ``stretches``: ``frames`` are stretches cut from a stream (the peak fix's), whose first
    frames point into a bit reservoir that is not there. libmpg123 says so on the process's
    stderr ("dequantization failed"), though those frames are decoded only to be thrown away:
    the stretches, a few frames each, are decoded at once with stderr closed."""
    if not stretches:
        yield from _blocks(io.BytesIO(frames), source)
        return
    with _stderr_closed():
        blocks = list(_blocks(io.BytesIO(frames), source))
    yield from blocks


@contextmanager
def _stderr_closed() -> Iterator[None]:
    """File descriptor 2 on /dev/null meanwhile (libmpg123 writes to it, not to sys.stderr)."""
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def decode_file(path: Path, start: int, end: int) -> Iterator[np.ndarray]:
    """``decode`` of bytes ``start:end`` of the file at ``path``, without reading it whole.

    When the audio runs to the end of the file (as the encoder leaves it), libsndfile reads
    the descriptor itself from ``start`` on (an embedded file, in its terms): no Python call
    per read, where the window costs one for each frame (~0.15 s per hour of audio)."""
    with open(path, "rb") as f:
        if end >= os.fstat(f.fileno()).st_size:
            f.seek(start)
            yield from _blocks(f.fileno(), str(path))
        else:
            yield from _blocks(_Window(f, start, end), str(path))


def _blocks(stream: BinaryIO | int, source: str) -> Iterator[np.ndarray]:
    import soundfile

    try:
        with soundfile.SoundFile(stream, closefd=False) as f:
            while True:
                block = f.read(BLOCK, dtype="float32", always_2d=True)
                if not len(block):
                    return
                yield block[:, 0] if block.shape[1] == 1 else block.mean(axis=1, dtype=np.float32)
    except (soundfile.LibsndfileError, RuntimeError) as exc:
        raise AudioError(f"cannot decode the MP3: {exc}", source) from exc


class _Window(io.RawIOBase):
    """Bytes ``start:end`` of an open file, seen as a whole file (for libsndfile's reads)."""

    def __init__(self, f: BinaryIO, start: int, end: int) -> None:
        super().__init__()
        self.f, self.start, self.size, self.pos = f, start, max(0, end - start), 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self.pos, io.SEEK_END: self.size}[whence]
        self.pos = max(0, min(self.size, base + offset))
        return self.pos

    def readinto(self, buffer) -> int:  # noqa: ANN001 - any writable buffer
        n = min(len(buffer), self.size - self.pos)
        if n <= 0:
            return 0
        self.f.seek(self.start + self.pos)
        got = self.f.readinto(memoryview(buffer)[:n]) or 0
        self.pos += got
        return got
