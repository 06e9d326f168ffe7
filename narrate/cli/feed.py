"""narrate feed SHOW"""

from __future__ import annotations

from pathlib import Path

import click


@click.command("feed")
@click.argument("show", type=click.Path(file_okay=False, exists=True, path_type=Path))
def command(show: Path) -> None:
    """Rebuild feed.xml and index.html from the catalog."""
    from narrate.podcast.showfolder import rebuild_folder

    rebuild_folder(show)
    click.echo(str(show / "feed.xml"))
