"""Lower the gain of chosen granules inside an MP3, losslessly and in place.

Every MPEG-1 Layer III granule (576 samples per channel) stores a ``global_gain`` in its
frame's side information; one step less scales that granule's decoded spectrum by 2^(-1/4),
i.e. -1.5 dB, without decoding or re-encoding anything. mp3gain changes every granule this way;
narrate changes only the few around a peak the encoder pushed over the limit, so fixing a peak
costs a rewrite of a few bytes instead of a second encode of the whole file.

The LAME tag's MusicCRC (which no player checks) no longer matches once a granule is changed.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

GRANULE = 576  # samples per granule and channel (MPEG-1 Layer III)
STEP_DB = 1.505  # 20*log10(2**0.25): one global_gain step
_BITRATES = (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)
_RATES = (44100, 48000, 32000)


@dataclass(frozen=True, slots=True)
class Frame:
    offset: int  # byte offset of the frame header in the file
    size: int
    channels: int
    crc: bool  # a CRC-16 follows the header (and would need recomputing)
    info: bool  # the Xing/Info (LAME tag) frame: no audio


def frames(data: bytes | bytearray) -> Iterator[Frame]:
    """The MPEG-1 Layer III frames of ``data`` (after any ID3v2 tag), in order.

    ValueError at anything else: the caller encoded the file itself, so a surprise here is
    a bug to report, not a stream to resynchronise.
    """
    pos = 0
    if data[:3] == b"ID3":
        size = data[6] << 21 | data[7] << 14 | data[8] << 7 | data[9]
        pos = 10 + size
    first = True
    while pos + 4 <= len(data):
        h = int.from_bytes(data[pos:pos + 4], "big")
        if h >> 21 != 0x7FF or (h >> 19) & 3 != 3 or (h >> 17) & 3 != 1:
            if data[pos:pos + 3] == b"TAG":  # ID3v1 at the end
                return
            raise ValueError(f"not an MPEG-1 Layer III frame at byte {pos}")
        bitrate = _BITRATES[(h >> 12) & 15] * 1000
        rate = _RATES[(h >> 10) & 3] if (h >> 10) & 3 < 3 else 0
        if not bitrate or not rate:
            raise ValueError(f"free-format or reserved MP3 header at byte {pos}")
        size = 144 * bitrate // rate + ((h >> 9) & 1)
        channels = 1 if (h >> 6) & 3 == 3 else 2
        crc = not (h >> 16) & 1
        side = 4 + (2 if crc else 0)
        side_len = 17 if channels == 1 else 32
        info = first and data[pos + side + side_len:pos + side + side_len + 4] in (b"Xing", b"Info")
        yield Frame(pos, size, channels, crc, info)
        first = False
        pos += size


def _gain_bits(frame: Frame, granule: int) -> list[int]:
    """Bit offsets, from the frame start, of ``granule``'s global_gain, one per channel
    (side information: main_data_begin, private bits, scfsi, then 59 bits per granule and
    channel with global_gain 21 bits in)."""
    side = 8 * (4 + (2 if frame.crc else 0))
    head = 18 if frame.channels == 1 else 20
    return [side + head + (frame.channels * granule + ch) * 59 + 21
            for ch in range(frame.channels)]


def audio_frames(data: bytes | bytearray) -> list[Frame]:
    """The frames that carry audio: granule ``g`` lives in ``audio_frames(data)[g // 2]``."""
    return [f for f in frames(data) if not f.info]


def audio_span(data: bytes | bytearray) -> tuple[int, int]:
    """Where the audio frames are: from the first frame after any ID3v2 tag and LAME/Info
    frame, to the end or an ID3v1 tag. Only the first frame is parsed (a whole walk costs
    ~8 ms of Python per minute of audio); ``data`` may be an mmap of the file."""
    head = next(frames(data), None)
    end = len(data) - 128 if data[-128:-125] == b"TAG" else len(data)
    if head is None:
        return end, end
    return (head.offset + head.size if head.info else head.offset), end


def lower(data: bytearray, audio: list[Frame], steps: Mapping[int, int]) -> int:
    """Lower audio granule ``g`` (0 = the first granule of the first audio frame) by
    ``steps[g]`` global_gain steps in ``data``. Returns how many granule gains changed."""
    changed = 0
    for g, n in sorted(steps.items()):
        if n <= 0 or not 0 <= g < 2 * len(audio):
            continue
        frame = audio[g // 2]
        if frame.crc:
            raise ValueError("MP3 frames with CRC are not supported")
        for bit in _gain_bits(frame, g % 2):
            changed += _lower(data, frame.offset, bit, n)
    return changed


def lower_granules(path: Path, steps: Mapping[int, int]) -> int:
    """``lower`` applied to the file at ``path``, in place."""
    data = bytearray(path.read_bytes())
    changed = lower(data, audio_frames(data), steps)
    path.write_bytes(bytes(data))
    return changed


def _lower(data: bytearray, offset: int, bit: int, n: int) -> int:
    """Subtract ``n`` from the 8-bit field at ``bit`` bits into the frame at ``offset``."""
    start = offset + bit // 8
    shift = 16 - 8 - bit % 8  # the field lies within these two bytes
    word = data[start] << 8 | data[start + 1]
    gain = (word >> shift) & 0xFF
    new = max(0, gain - n)
    if new == gain:
        return 0
    word = (word & ~(0xFF << shift)) | (new << shift)
    data[start], data[start + 1] = word >> 8 & 0xFF, word & 0xFF
    return 1
