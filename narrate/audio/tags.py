"""ID3 tags, declared in one table and applied by one generic writer (the only mutagen.id3 user).

Like mediafile's ``MediaField``: each ``TagSpec`` row says which ``TagValues`` field goes to
which frame, how to build the frame and how to read the value back. Tests read every row back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mutagen.id3 import (
    APIC,
    CHAP,
    COMM,
    CTOC,
    ID3,
    TALB,
    TCON,
    TDRC,
    TIT2,
    TLAN,
    TPE1,
    USLT,
    WOAS,
    CTOCFlags,
    ID3NoHeaderError,
)

from narrate.errors import AudioError
from narrate.speech.langmatch import iso639_2

__all__ = ["ChapterMark", "TagValues", "TagSpec", "TAGS", "iso639_2", "read_tags", "write_tags"]

@dataclass(frozen=True, slots=True)
class ChapterMark:
    start: float  # seconds
    end: float
    title: str


@dataclass(frozen=True)
class TagValues:
    """Everything the tags say, already decided (from the article and the render)."""

    title: str
    artist: str
    album: str
    date: str = ""  # ISO 8601
    genre: str = "Podcast"
    language: str = "und"  # ISO 639-2
    source_url: str = ""
    comment: str = ""
    transcript: str = ""
    cover: bytes = b""
    cover_mime: str = "image/jpeg"
    chapters: tuple[ChapterMark, ...] = field(default=())


def _text(frame_cls: type, attr: str) -> Callable[[TagValues], list[Any]]:
    def make(v: TagValues) -> list[Any]:
        value = getattr(v, attr)
        return [frame_cls(encoding=3, text=[value])] if value else []

    return make


def _read_text(frame_id: str) -> Callable[[ID3], Any]:
    def read(tags: ID3) -> Any:
        frames = tags.getall(frame_id)
        return str(frames[0].text[0]) if frames else ""

    return read


def _make_chapters(v: TagValues) -> list[Any]:
    if not v.chapters:
        return []
    ids = [f"chp{k}" for k in range(len(v.chapters))]
    frames: list[Any] = [
        CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
             child_element_ids=ids, sub_frames=[TIT2(encoding=3, text=["Chapters"])])
    ]
    for cid, ch in zip(ids, v.chapters, strict=True):
        frames.append(CHAP(element_id=cid, start_time=int(round(ch.start * 1000)),
                           end_time=int(round(ch.end * 1000)),
                           sub_frames=[TIT2(encoding=3, text=[ch.title])]))
    return frames


def _read_chapters(tags: ID3) -> tuple[ChapterMark, ...]:
    tocs = [t for t in tags.getall("CTOC") if t.flags & CTOCFlags.TOP_LEVEL]
    if not tocs:
        return ()
    chaps = {c.element_id: c for c in tags.getall("CHAP")}
    out = []
    for cid in tocs[0].child_element_ids:
        c = chaps[cid]
        title = str(c.sub_frames["TIT2"].text[0]) if "TIT2" in c.sub_frames else ""
        out.append(ChapterMark(c.start_time / 1000, c.end_time / 1000, title))
    return tuple(out)


@dataclass(frozen=True)
class TagSpec:
    field: str  # TagValues attribute
    frame: str  # ID3 frame id(s) it becomes
    make: Callable[[TagValues], list[Any]]
    read: Callable[[ID3], Any]


TAGS: tuple[TagSpec, ...] = (
    TagSpec("title", "TIT2", _text(TIT2, "title"), _read_text("TIT2")),
    TagSpec("artist", "TPE1", _text(TPE1, "artist"), _read_text("TPE1")),
    TagSpec("album", "TALB", _text(TALB, "album"), _read_text("TALB")),
    TagSpec("date", "TDRC", _text(TDRC, "date"),
            lambda t: _read_text("TDRC")(t).replace(" ", "T")),  # mutagen prints a space
    TagSpec("genre", "TCON", _text(TCON, "genre"), _read_text("TCON")),
    TagSpec("language", "TLAN", _text(TLAN, "language"), _read_text("TLAN")),
    TagSpec("source_url", "WOAS",
            lambda v: [WOAS(url=v.source_url)] if v.source_url else [],
            lambda t: t.getall("WOAS")[0].url if t.getall("WOAS") else ""),
    TagSpec("comment", "COMM",
            lambda v: [COMM(encoding=3, lang=v.language, desc="", text=[v.comment])] if v.comment else [],
            lambda t: str(t.getall("COMM")[0].text[0]) if t.getall("COMM") else ""),
    TagSpec("transcript", "USLT",
            lambda v: [USLT(encoding=3, lang=v.language, desc="transcript", text=v.transcript)]
            if v.transcript else [],
            lambda t: str(t.getall("USLT")[0].text) if t.getall("USLT") else ""),
    TagSpec("cover", "APIC",
            lambda v: [APIC(encoding=3, mime=v.cover_mime, type=3, desc="Cover", data=v.cover)]
            if v.cover else [],
            lambda t: bytes(t.getall("APIC")[0].data) if t.getall("APIC") else b""),
    TagSpec("chapters", "CTOC+CHAP", _make_chapters, _read_chapters),
)


def write_tags(mp3: Path, values: TagValues, specs: Sequence[TagSpec] = TAGS) -> None:
    """Replace the file's ID3 tag with the frames ``specs`` build from ``values`` (ID3v2.4)."""
    try:
        try:
            tags = ID3(mp3)
            tags.clear()
        except ID3NoHeaderError:
            tags = ID3()
        for spec in specs:
            for frame in spec.make(values):
                tags.add(frame)
        tags.save(mp3, v2_version=4)
        chapters_in_time_order(mp3)
    except (OSError, ValueError) as exc:
        raise AudioError(f"cannot write ID3 tags: {exc}", str(mp3)) from exc


def _syncsafe(b: bytes) -> int:
    return b[0] << 21 | b[1] << 14 | b[2] << 7 | b[3]


def chapters_in_time_order(mp3: Path) -> None:
    """Put the tag's CHAP frames in order of start time, in place.

    mutagen writes frames sorted by size, so a chapter with a short title can come before an
    earlier one with a long title; ffprobe and several players list chapters in frame order,
    not by the CTOC. The CHAP frames trade places among the slots they already hold, so the
    tag keeps its size and every other frame its position.
    """
    with open(mp3, "r+b") as f:
        head = f.read(10)
        if head[:3] != b"ID3" or head[3] != 4 or head[5] & 0x40:  # v2.4, no extended header
            return
        body = f.read(_syncsafe(head[6:10]))
        spans: list[tuple[bytes, int, int]] = []
        pos = 0
        while pos + 10 <= len(body) and body[pos] != 0:
            end = pos + 10 + _syncsafe(body[pos + 4:pos + 8])
            spans.append((body[pos:pos + 4], pos, end))
            pos = end
        chaps = [body[a:b] for fid, a, b in spans if fid == b"CHAP"]

        def start(frame: bytes) -> int:
            at = frame.index(b"\0", 10) + 1  # after the element id
            return int.from_bytes(frame[at:at + 4], "big")

        ordered = iter(sorted(chaps, key=start))
        new = b"".join(next(ordered) if fid == b"CHAP" else body[a:b] for fid, a, b in spans)
        if new != body[:pos]:
            f.seek(10)
            f.write(new)


def read_tags(mp3: Path, specs: Sequence[TagSpec] = TAGS) -> dict[str, Any]:
    """Every TAGS field read back from the file (the tests' and the checks' view)."""
    tags = ID3(mp3)
    return {spec.field: spec.read(tags) for spec in specs}
