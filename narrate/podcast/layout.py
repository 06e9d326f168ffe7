"""Where an episode's files live in a show folder, what they are, and the URLs that link them.

One place for the layout, so the batch (which writes the files), the feed and the index page
(which link them) and the server (which types them) cannot disagree. An episode is
``episodes/<stem>.mp3``, the sidecars the audio step writes beside it, and one copy of the
article per writer that has an index-page label (``narrate.writers.WRITERS``).
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from narrate.podcast.catalog import Episode
from narrate.podcast.show import Show
from narrate.urls import is_web
from narrate.writers import WRITERS

EPISODES = "episodes"


@dataclass(frozen=True, slots=True)
class EpisodeFile:
    """One kind of file beside an episode's MP3: its extension, media type and link text."""

    ext: str  # without the leading dot; may contain one (``chapters.json``)
    media_type: str
    label: str
    writer: str = ""  # the writer format that makes it ("" = the audio step does)


AUDIO = EpisodeFile("mp3", "audio/mpeg", "Download MP3")
SIDECARS = (
    EpisodeFile("vtt", "text/vtt; charset=utf-8", "Transcript (WebVTT)"),
    EpisodeFile("srt", "application/x-subrip; charset=utf-8", "Subtitles (SRT)"),
    EpisodeFile("chapters.json", "application/json+chapters", "Chapters (JSON)"),
)


def exports() -> tuple[EpisodeFile, ...]:
    """The article copies the batch writes per episode: every writer with a label, read from
    the registry at call time (so a writer registered later is included)."""
    return tuple(EpisodeFile(spec.extension, spec.media_type, spec.label, spec.name)
                 for spec in WRITERS.values() if spec.label)


def episode_files() -> tuple[EpisodeFile, ...]:
    """Every file an episode may have besides its MP3, in the order pages list them."""
    return (*SIDECARS, *exports())


def media_types() -> dict[str, str]:
    """Extension (with its dot, ``.chapters.json`` included) -> media type, for every file an
    episode may have; the writers' types are the registry's."""
    types = {"." + spec.extension: spec.media_type for spec in WRITERS.values()}
    types.update({"." + f.ext: f.media_type for f in (AUDIO, *episode_files())})
    return types


def episode_file(folder: Path, stem: str, ext: str) -> Path:
    """Where one of the episode's files lives on disk."""
    return Path(folder) / EPISODES / f"{stem}.{ext}"


_SAFE_STEM = re.compile(r"[A-Za-z0-9._-]+")


def episode_path(ep: Episode, ext: str) -> str:
    """URL path of one of the episode's files, relative to the show's base URL."""
    stem = ep.stem if _SAFE_STEM.fullmatch(ep.stem) else urllib.parse.quote(ep.stem)
    return f"{EPISODES}/{stem}.{ext}"


def episode_link(show: Show, ep: Episode) -> str:
    """The source article, or the episode's HTML copy when the article has no web URL (a
    catalog from before links were checked, or edited by hand, may hold a ``javascript:``
    one: the feed applies the same rule as the index page)."""
    if is_web(ep.link):
        return ep.link
    if "html" in ep.files:
        return show.base_url + episode_path(ep, "html")
    return show.base_url
