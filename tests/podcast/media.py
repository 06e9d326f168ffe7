"""Real episode files for feed and server tests, made with ffmpeg (no narration needed)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from narrate.podcast.catalog import Episode
from tests.conftest import need_tool

FILES = ("vtt", "srt", "chapters.json", "html", "md", "txt")


def make_mp3(path: Path, seconds: float, freq: int = 440) -> Path:
    """A real CBR MP3 (44.1 kHz mono) of a sine tone."""
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [need_tool("ffmpeg"), "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
         f"sine=frequency={freq}:duration={seconds}:sample_rate=44100", "-ac", "1",
         "-codec:a", "libmp3lame", "-b:a", "64k", str(path)],
        check=True)
    return path


def _ts(seconds: float, sep: str) -> str:
    ms = round(seconds * 1000)
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def make_episode_files(folder: Path, stem: str, seconds: float, title: str = "T") -> tuple[int, tuple[str, ...]]:
    """episodes/<stem>.mp3 plus sidecars and exports; returns (mp3 bytes, file extensions)."""
    ep = folder / "episodes"
    mp3 = make_mp3(ep / f"{stem}.mp3", seconds, freq=300 + (hash(stem) % 500))
    half = seconds / 2
    (ep / f"{stem}.vtt").write_text(
        f"WEBVTT\n\n{_ts(0, '.')} --> {_ts(half, '.')}\nFirst half.\n\n"
        f"{_ts(half, '.')} --> {_ts(seconds - 0.1, '.')}\nSecond half.\n", encoding="utf-8")
    (ep / f"{stem}.srt").write_text(
        f"1\n{_ts(0, ',')} --> {_ts(half, ',')}\nFirst half.\n\n"
        f"2\n{_ts(half, ',')} --> {_ts(seconds - 0.1, ',')}\nSecond half.\n", encoding="utf-8")
    (ep / f"{stem}.chapters.json").write_text(json.dumps(
        {"version": "1.2.0", "chapters": [{"startTime": 0, "title": title},
                                          {"startTime": round(half, 3), "title": "Part two"}]}),
        encoding="utf-8")
    (ep / f"{stem}.html").write_text(f"<!DOCTYPE html><title>{stem}</title><p>text</p>", encoding="utf-8")
    (ep / f"{stem}.md").write_text(f"# {stem}\n\ntext\n", encoding="utf-8")
    (ep / f"{stem}.txt").write_text(f"{stem}\n\ntext\n", encoding="utf-8")
    return mp3.stat().st_size, FILES


def episode(folder: Path, n: int, *, seconds: float = 3.0, title: str | None = None,
            published: str | None = None, **fields) -> Episode:
    """An Episode with real files on disk, ready for Catalog.upsert."""
    stem = fields.pop("stem", f"episode-{n}")
    size, files = make_episode_files(folder, stem, seconds, title or f"Episode {n}")
    values = dict(
        guid=f"urn:uuid:00000000-0000-4000-8000-{n:012d}", key=f"https://example.org/a/{n}",
        slug=stem, stem=stem, title=title or f"Episode {n}", audio_bytes=size,
        duration=seconds, content_hash=f"hash{n}",
        published=published or f"2024-03-{n % 28 + 1:02d}T08:00:00+00:00",
        description=f"Summary of episode {n}.", link=f"https://example.org/a/{n}",
        authors=("Ada Writer",), language="en", files=files, engine="test", voice="test")
    values.update(fields)
    return Episode(**values)
