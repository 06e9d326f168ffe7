"""narrate add SOURCE... --show SHOW"""

from __future__ import annotations

from pathlib import Path

import click

from narrate.cli.options import NamedPath, audio_option, quiet_option, voice_option, wait_option
from narrate.cli.progress import status_line
from narrate.errors import shown


@click.command("add")
@click.argument("sources", nargs=-1, required=True)
@click.option("--show", required=True, type=NamedPath(file_okay=False, path_type=Path),
              help="The show folder (made by `narrate init`).")
@voice_option
@audio_option
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Sources narrated at once (local processes).")
@click.option("--scheduler", default=None, help="Dask scheduler address to spread work over a cluster.")
@wait_option
@quiet_option
def command(sources: tuple[str, ...], show: Path, voice: str | None, audio: str, jobs: int,
            scheduler: str | None, wait: float, quiet: bool) -> None:
    """Narrate sources (files, folders, globs, URLs, @list.txt) into the show's episodes.

    The catalog, feed.xml and index.html are updated; an unchanged article is not narrated again
    (without --voice it keeps the voice it was made with). A failing source is named on stderr
    as it happens and the others are still done (exit code 1); an empty file, one too short to be
    an article, a repeat, or a file in a folder that is not an article is named as skipped (a
    folder with no article in it is an error). One run writes a
    show at a time: a second one waits (--wait), then gives up with one line.
    """
    from narrate.batch import add_sources
    from narrate.fileio import remove_stale, remove_stale_temp
    from narrate.podcast.lock import show_lock
    from narrate.podcast.show import load_show
    from narrate.podcast.showfolder import rebuild
    from narrate.sources import redact

    settings = load_show(show)  # a folder that is not a show fails before anything waits or runs
    remove_stale_temp()
    say = None if quiet else (lambda message: click.echo(f"narrate: {shown(message)}", err=True))
    with show_lock(show, wait=wait, say=say):
        remove_stale(show)  # .part files of a killed run: nobody else can be writing them now
        try:
            with status_line(quiet) as display:
                report = add_sources(
                    show, list(sources), voice=voice, audio=audio, jobs=jobs, scheduler=scheduler,
                    progress=display.status if display.live else None,
                    notice=lambda source, message: display.note(_line(redact(source), message)))
        except KeyboardInterrupt:
            remove_stale(show)  # the workers are stopped: their .part files are nobody's
            remove_stale_temp()  # and their temp folders (killed, they could not remove them)
            rebuild(settings)  # publish the episodes already stored before exiting as interrupted
            raise
    if not quiet:
        skipped = f", {len(report.skipped)} skipped" if report.skipped else ""
        click.echo(f"{len(report.added)} added, {len(report.unchanged)} unchanged{skipped}, "
                   f"{len(report.failed)} failed: {show / 'feed.xml'}")
    if report.failed:
        raise SystemExit(1)


def _line(source: str, message: str) -> str:
    """``narrate: error: SOURCE: reason`` (or ``narrate: skipped …``), the source named once
    (``source`` comes redacted: no user:password@ on screen)."""
    if message.startswith("skipped: "):
        return f"narrate: skipped {source}: {message[len('skipped: '):]}"
    if message.startswith("warning: "):
        return f"narrate: warning: {source}: {message[len('warning: '):]}"
    message = shown(message)  # the source comes escaped: so must the message to find it in it
    return f"narrate: error: {message if source in message else f'{source}: {message}'}"
