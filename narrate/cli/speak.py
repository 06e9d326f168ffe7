"""narrate speak SOURCE -o OUT.mp3"""

from __future__ import annotations

from pathlib import Path

import click

from narrate.cli.options import (
    NamedPath,
    audio_option,
    quiet_option,
    voice_option,
    warn_voice_language,
)
from narrate.cli.progress import progress_line
from narrate.errors import shown


@click.command("speak")
@click.argument("source")
@click.option("-o", "--output", "out", required=True, type=NamedPath(dir_okay=False, path_type=Path),
              help="The MP3 to write; .vtt, .srt and .chapters.json are written beside it.")
@voice_option
@audio_option
@quiet_option
def command(source: str, out: Path, voice: str | None, audio: str, quiet: bool) -> None:
    """Narrate one article to an MP3 with transcripts and chapters beside it."""
    import narrate
    from narrate.fileio import refuse_special, remove_stale_temp
    from narrate.speak import speak

    remove_stale_temp()  # what killed runs left in the temp folder
    refuse_special(out)  # the MP3 is renamed into place and its sidecars made beside it
    article = narrate.read(source)
    warn_voice_language(article, voice)
    with progress_line(quiet) as progress:
        result = speak(article, out, voice=voice, audio=audio, progress=progress)
    if not quiet:
        minutes, seconds = divmod(round(result.duration), 60)
        click.echo(shown(f"{result.mp3} ({minutes}:{seconds:02d}, {result.engine}/{result.voice})"))
