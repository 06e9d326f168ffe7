"""narrate export SOURCE --format FMT [-o FILE]"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from narrate.cli.options import NamedPath, voice_option, warn_voice_language
from narrate.model import Article

SCRIPT = "script"  # not a writer: the speech script


class _Formats(click.Choice):
    """The writer registry's formats plus ``script``, read each time click asks (so a writer
    registered after this module was imported is offered too)."""

    def __init__(self) -> None:  # no fixed list to store
        self.case_sensitive = True

    @property
    def choices(self) -> tuple[str, ...]:  # type: ignore[override]
        from narrate.writers import WRITERS

        return (*WRITERS, SCRIPT)


@click.command("export")
@click.argument("source")
@click.option("-f", "--format", "fmt", type=_Formats(), default="text", show_default=True,
              help="script: the speech script as it will be spoken, one utterance a line.")
@click.option("-o", "--output", "out", type=NamedPath(dir_okay=False, path_type=Path), default=None,
              help="File to write (atomically). Default: stdout (epub needs -o).")
@click.option("--audio/--no-audio", "narrated", default=True, show_default=True,
              help="epub: narrate the article and embed the MP3 with sentence-by-sentence "
                   "media overlays (--no-audio: a text-only book).")
@voice_option
def command(source: str, fmt: str, out: Path | None, voice: str | None, narrated: bool) -> None:
    """Export an article as accessible text, its model as JSON, or its speech script.

    The EPUB carries the narration (read-along highlighting) and the article's images that
    can be fetched in time (5 s each, 20 s in all); others are given as their text."""
    import narrate
    from narrate.fileio import write_atomic

    if fmt == "epub":  # it makes temp folders too: clean up after killed runs, as speak does
        from narrate.fileio import remove_stale_temp

        remove_stale_temp()
    article = narrate.read(source)
    if fmt == SCRIPT or (fmt == "epub" and narrated):  # the formats a voice reads
        warn_voice_language(article, voice)
    if fmt == SCRIPT:
        from narrate.speech.script import script_text

        result: str | bytes = script_text(article, voice=voice)
    else:
        from narrate.writers import write

        if fmt == "epub" and out is None:
            raise click.UsageError("--format epub writes a binary file: give -o FILE.epub")
        result = _epub(article, voice, narrated) if fmt == "epub" else write(article, fmt)
    data = result.encode("utf-8") if isinstance(result, str) else result
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_atomic(out, data, stream_special=True)  # -o /dev/null is written into, not replaced


def _epub(article: Article, voice: str | None, narrated: bool) -> bytes:
    from narrate.book import make_epub
    from narrate.cli.progress import progress_line

    with progress_line(False) as progress:
        return make_epub(article, voice=voice, narrate=narrated, progress=progress)
