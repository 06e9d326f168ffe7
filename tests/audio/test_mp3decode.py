"""The in-process MP3 decoder agrees with ffmpeg's, sample for sample (within one LSB), both on
a whole file and on stretches of frames cut from its middle, where the peak fix decodes."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from narrate.audio import mp3decode, mp3frames
from narrate.errors import AudioError
from tests.conftest import need_tool


@pytest.fixture(scope="module")
def mp3(tmp_path_factory: pytest.TempPathFactory) -> Path:
    need_tool("ffmpeg")
    path = tmp_path_factory.mktemp("dec") / "chirp.mp3"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                    "aevalsrc=0.6*sin(2*PI*(200+400*t)*t)*(0.5+0.5*sin(2*PI*3*t)):s=44100:d=6",
                    "-ac", "1", "-c:a", "libmp3lame", "-b:a", "64k", str(path)], check=True)
    return path


def ffmpeg_decode(data: bytes) -> np.ndarray:
    out = subprocess.run(["ffmpeg", "-v", "error", "-f", "mp3", "-i", "pipe:0", "-f", "s16le",
                          "-ac", "1", "pipe:1"], input=data, capture_output=True, check=True)
    return np.frombuffer(out.stdout, dtype=np.int16)


def lsb(blocks: list[np.ndarray]) -> np.ndarray:
    """Our float samples (full scale 1.0) in ffmpeg's s16 steps."""
    return np.rint(np.concatenate(blocks).astype(np.float64) * 32768).astype(int)


def test_whole_file_matches_ffmpeg(mp3: Path) -> None:
    data = mp3.read_bytes()
    audio = mp3frames.audio_frames(data)
    frames = data[audio[0].offset:audio[-1].offset + audio[-1].size]
    ours = lsb(list(mp3decode.decode(frames)))
    theirs = ffmpeg_decode(frames)
    assert len(ours) == len(theirs) == len(audio) * 1152  # one frame in, 1152 samples out
    assert np.abs(ours - theirs.astype(int)).max() <= 1


def test_a_stretch_from_the_middle_keeps_one_frame_per_frame(mp3: Path) -> None:
    """Cut without the bit reservoir's earlier frames, every frame still yields its 1152
    samples (so granules keep their places), and after a few frames the samples are exact."""
    data = mp3.read_bytes()
    audio = mp3frames.audio_frames(data)
    a, b = 60, 90
    frames = data[audio[a].offset:audio[b].offset + audio[b].size]
    ours = lsb(list(mp3decode.decode(frames)))
    assert len(ours) == (b - a + 1) * 1152
    whole = lsb(list(mp3decode.decode(data[audio[0].offset:])))
    lead = 4 * 1152
    assert np.abs(ours[lead:] - whole[a * 1152 + lead:(b + 1) * 1152]).max() <= 1


def test_garbage_is_an_audio_error() -> None:
    with pytest.raises(AudioError, match="cannot decode"):
        list(mp3decode.decode(b"\x00" * 5000, "junk.mp3"))


def test_audio_span_is_where_the_audio_frames_are(mp3: Path) -> None:
    data = mp3.read_bytes()
    audio = mp3frames.audio_frames(data)
    assert mp3frames.audio_span(data) == (audio[0].offset, audio[-1].offset + audio[-1].size)
    bare = data[next(mp3frames.frames(data)).offset:]  # from the LAME frame on
    shift = len(data) - len(bare) - 20
    tagged = b"ID3\x04\x00\x00\x00\x00\x00\x0a" + bytes(10) + bare + b"TAG" + bytes(125)
    first, end = mp3frames.audio_span(tagged)
    assert (first, end) == (audio[0].offset - shift, audio[-1].offset + audio[-1].size - shift)


@pytest.mark.parametrize("id3v1", [False, True], ids=["audio to the end", "an ID3v1 tag after"])
def test_part_of_a_file_decodes_like_its_bytes(mp3: Path, tmp_path: Path, id3v1: bool) -> None:
    """From the first audio frame (never the LAME frame, which would trim the decoder's
    delay) to the last, read from the file itself or through a window before a tag."""
    path = tmp_path / "t.mp3"
    path.write_bytes(mp3.read_bytes() + (b"TAG" + bytes(125) if id3v1 else b""))
    data = path.read_bytes()
    first, end = mp3frames.audio_span(data)
    assert end == len(data) - (128 if id3v1 else 0)
    whole = np.concatenate(list(mp3decode.decode(data[first:end])))
    part = np.concatenate(list(mp3decode.decode_file(path, first, end)))
    assert len(part) == len(mp3frames.audio_frames(data)) * 1152
    assert np.array_equal(whole, part)


def test_stretches_cut_from_a_stream_decode_without_a_word_on_stderr(mp3: Path, capfd) -> None:
    """The peak fix decodes stretches cut from the middle of its MP3, glued together; their
    first frames point into a bit reservoir that is not there, which libmpg123 reports on
    stderr. Those frames are thrown away: the user must not see the decoder's complaint."""
    data = mp3.read_bytes()
    audio = mp3frames.audio_frames(data)
    cut = b"".join(data[audio[a].offset:audio[b].offset + audio[b].size]
                   for a, b in ((40, 52), (90, 96), (150, 170)))
    capfd.readouterr()
    samples = np.concatenate(list(mp3decode.decode(cut, "x.mp3", stretches=True)))
    assert len(samples) >= (13 + 7 + 21 - 2) * 1152 // 2
    assert capfd.readouterr().err == ""
    print("still here", file=__import__("sys").stderr)  # stderr works again afterwards
    assert "still here" in capfd.readouterr().err
