"""Every TAGS row is written and read back with mutagen (adding a row without a test fails)."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

import pytest

from narrate.audio.cover import generated
from narrate.audio.tags import TAGS, ChapterMark, TagValues, iso639_2, read_tags, write_tags
from tests.conftest import need_tool

VALUES = TagValues(
    title="A Title – with “quotes”", artist="Ann Author, Bo Writer", album="The Show",
    date="2024-02-03T10:20:30", genre="Podcast", language="eng",
    source_url="https://example.org/article", comment="What it is about. Narrated by narrate.",
    transcript="First line.\nSecond line.", cover=generated("A Title"), cover_mime="image/jpeg",
    chapters=(ChapterMark(0.0, 12.5, "Intro"), ChapterMark(12.5, 30.0, "Part two")),
)


@pytest.fixture
def mp3(tmp_path: Path) -> Path:
    need_tool("ffmpeg")
    path = tmp_path / "t.mp3"
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=f=440:d=30", "-ac", "1",
                    "-ar", "44100", "-b:a", "64k", str(path)], check=True)
    return path


def test_every_row_reads_back(mp3: Path) -> None:
    write_tags(mp3, VALUES)
    back = read_tags(mp3)
    for spec in TAGS:
        assert back[spec.field] == getattr(VALUES, spec.field), spec.frame


def test_the_table_covers_every_field_and_frame() -> None:
    assert [s.field for s in TAGS] == [f.name for f in dataclasses.fields(TagValues)
                                       if f.name != "cover_mime"]
    frames = {f for s in TAGS for f in s.frame.split("+")}
    assert frames == {"TIT2", "TPE1", "TALB", "TDRC", "TCON", "TLAN", "WOAS", "COMM", "USLT",
                      "APIC", "CTOC", "CHAP"}


def test_frame_details(mp3: Path) -> None:
    from mutagen.id3 import ID3

    write_tags(mp3, VALUES)
    tags = ID3(mp3)
    assert tags.version[:2] == (2, 4)
    (toc,) = tags.getall("CTOC")
    assert toc.flags & 0x03 == 0x03  # top-level and ordered
    assert toc.child_element_ids == ["chp0", "chp1"]
    assert tags.getall("APIC")[0].type == 3 and tags.getall("APIC")[0].mime == "image/jpeg"
    assert tags.getall("USLT")[0].lang == "eng"


def test_empty_values_write_no_frames(mp3: Path) -> None:
    from mutagen.id3 import ID3

    write_tags(mp3, TagValues(title="Only a title", artist="X", album="Y"))
    tags = ID3(mp3)
    assert not tags.getall("WOAS") and not tags.getall("APIC") and not tags.getall("CHAP")


def test_rewriting_replaces_old_tags(mp3: Path) -> None:
    write_tags(mp3, VALUES)
    write_tags(mp3, dataclasses.replace(VALUES, title="New", chapters=()))
    back = read_tags(mp3)
    assert back["title"] == "New" and back["chapters"] == ()


@pytest.mark.parametrize(("tag", "code"), [("en", "eng"), ("en-US", "eng"), ("de_CH", "deu"),
                                           ("fil", "fil"), ("", "und"), ("xx", "und")])
def test_iso639_2(tag: str, code: str) -> None:
    assert iso639_2(tag) == code


def test_chap_frames_are_in_time_order_for_ffprobe(mp3: Path) -> None:
    # titles of every length, so a size-sorted writer would shuffle them; 12 chapters, so a
    # name-sorted one would put chp10 before chp2
    titles = [("Part " + "x" * ((7 * k) % 11)) for k in range(12)]
    marks = tuple(ChapterMark(2.0 * k, 2.0 * (k + 1), t) for k, t in enumerate(titles))
    write_tags(mp3, dataclasses.replace(VALUES, chapters=marks))
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "chapter=start_time:"
                          "chapter_tags=title", "-of", "csv=p=0", str(mp3)],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    starts = [float(line.split(",")[0]) for line in out]
    assert starts == [2.0 * k for k in range(12)]
    assert read_tags(mp3)["chapters"] == marks
