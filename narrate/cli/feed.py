"""narrate feed SHOW"""

from __future__ import annotations

from pathlib import Path

import click

from narrate.cli.options import NamedPath, wait_option


@click.command("feed")
@click.argument("show", type=NamedPath(file_okay=False, exists=True, path_type=Path))
@wait_option
def command(show: Path, wait: float) -> None:
    """Rebuild feed.xml and index.html from the catalog.

    Enclosure lengths that disagree with the MP3 files are repaired from the files first.
    """
    from narrate.podcast.catalog import Catalog
    from narrate.podcast.layout import EPISODES
    from narrate.podcast.lock import show_lock
    from narrate.podcast.show import load_show
    from narrate.podcast.showfolder import rebuild

    settings = load_show(show)
    with show_lock(show, wait=wait, say=lambda m: click.echo(f"narrate: {m}", err=True)):
        with Catalog.open(show, feed_url=settings.feed_url) as cat:
            fixed = cat.repair_sizes(show / EPISODES)
            if fixed:
                click.echo(f"narrate: repaired the enclosure length of {len(fixed)} episode(s): "
                           f"{', '.join(fixed[:5])}{' …' if len(fixed) > 5 else ''}", err=True)
            rebuild(settings, cat)
    click.echo(str(show / "feed.xml"))
