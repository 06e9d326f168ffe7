"""narrate init SHOW"""

from __future__ import annotations

from pathlib import Path

import click

from narrate.cli.options import NamedPath


@click.command("init")
@click.argument("show", type=NamedPath(file_okay=False, path_type=Path))
@click.option("--title", help="Show title (default: from the folder name).")
@click.option("--author", help="Show author / publisher name.")
@click.option("--email", help="Owner e-mail (Apple uses it to verify ownership).")
@click.option("--base-url", help="Public URL the show folder is served at (default: narrate serve's).")
@click.option("--language", help="Language code of the show, e.g. en or de-CH.")
@click.option("--category", help="Apple Podcasts category, e.g. News or 'News/Politics'.")
@click.option("--artwork", type=NamedPath(exists=True, dir_okay=False, path_type=Path),
              help="Square 1400-3000 px JPEG/PNG; one is generated when omitted.")
@click.option("--description", help="Show description.")
@click.option("--explicit/--clean", default=False, help="Whether the show is marked explicit.")
def command(show: Path, **settings) -> None:
    """Create a show folder with narrate.toml, artwork, an empty catalog and feed.

    Like `git init`, running it again on an existing show without settings changes nothing;
    giving settings for an existing show is an error (edit its narrate.toml instead).
    """
    from narrate.podcast.showfolder import init_show

    given = {k: v for k, v in settings.items() if v not in (None, False)}
    if (show / "narrate.toml").exists() and not given:
        click.echo(f"{show} is already a show; left as it is", err=True)
    else:
        init_show(show, **settings)
    click.echo(str(show / "feed.xml"))
