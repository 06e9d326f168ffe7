"""``narrate export --format epub``: the narrated EPUB 3, with its images and media overlays.

Narrates the article (``narrate.speak``, the same chain as ``narrate speak``), fetches its
images within a budget (``narrate.bookimages``), and hands bytes and cue times to the pure EPUB
writer. Inside a show, ``narrate add`` calls ``epub_from_narration`` with the episode's own
MP3 and cues, so nothing is synthesized twice.
"""

from __future__ import annotations

import tempfile
import urllib.parse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from narrate.audio.render import Cue
from narrate.bookimages import Images, fetch_images
from narrate.model import Article
from narrate.speech.script import Utterance

if TYPE_CHECKING:
    from narrate.speak import SpeakResult
from narrate.wording import wording_for
from narrate.writers import epub, readalong, write
from narrate.writers.options import WriteOptions
from narrate.writers.sync import Sentence


def sentences(script: Sequence[Utterance], cues: Sequence[Cue]) -> tuple[Sentence, ...]:
    """One timed sentence per cue (the render makes one cue per utterance, in order)."""
    if len(script) != len(cues):
        script = [Utterance(c.text, c.text, 0.0, c.block, c.chapter) for c in cues]
    return tuple(Sentence(round(c.start, 3), round(c.end, 3), c.text, u.written, c.block)
                 for u, c in zip(script, cues, strict=True))


def epub_from_narration(article: Article, mp3: bytes, duration: float, script: Sequence[Utterance],
                        cues: Sequence[Cue], images: Images | None = None, narrator: str = "") -> bytes:
    images = images or Images((), ())
    media = epub.EpubMedia(audio=mp3, duration=duration, sentences=sentences(script, cues),
                           images=images.fetched, narrator=narrator)
    return epub.write(article, WriteOptions(), media)


def episode_copy(article: Article, fmt: str, result: SpeakResult, stem: str) -> str | bytes:
    """An episode's copy of its article in ``fmt``: the HTML copy is the read-along page and
    the EPUB carries the episode's own MP3 as media overlays (its cues, no second synthesis)."""
    if fmt == "html":
        cues = sentences(result.script, result.timeline)
        here = urllib.parse.quote(stem)  # the page sits beside the MP3
        return readalong.write(article, cues, f"{here}.mp3",
                               links=((f"{here}.vtt", wording_for(article.language).transcript),))
    if fmt == "epub":
        return epub_from_narration(article, result.mp3.read_bytes(), result.duration, result.script,
                                   result.timeline, fetch_images(article),
                                   narrator=f"{result.engine} voice {result.voice}")
    return write(article, fmt)


def make_epub(article: Article, *, voice: str | None = None, narrate: bool = True,
              with_images: bool = True, progress: Callable[[str], None] | None = None) -> bytes:
    """The book: narrated unless ``narrate`` is False, with the images that can be fetched."""
    if progress and with_images:
        progress("fetching images")
    images = fetch_images(article) if with_images else Images((), ())
    if not narrate:
        return epub.write(article, WriteOptions(), epub.EpubMedia(images=images.fetched))
    from narrate.speak import speak

    with tempfile.TemporaryDirectory(prefix="narrate-") as tmp:
        result = speak(article, Path(tmp) / "book.mp3", voice=voice, audio="generate",
                       progress=progress)
        mp3 = result.mp3.read_bytes()
    return epub_from_narration(article, mp3, result.duration, result.script, result.timeline,
                               images, narrator=f"{result.engine} voice {result.voice}")
