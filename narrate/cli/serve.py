"""narrate serve SHOW"""

from __future__ import annotations

from pathlib import Path

import click

from narrate.cli.options import NamedPath


@click.command("serve")
@click.argument("show", type=NamedPath(file_okay=False, exists=True, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="0 picks a free port (printed).")
def command(show: Path, host: str, port: int) -> None:
    """Serve the show folder over HTTP (HEAD, byte ranges, ETag) for podcast apps.

    Meant for your own network: in public, put a TLS proxy with rate limits in front of it.
    """
    from narrate.podcast.server import serve
    from narrate.podcast.show import load_show

    settings = load_show(show)  # a folder that is not a show fails here, as `feed` and `add` do

    def ready(server) -> None:
        click.echo(f"Serving {show} at {server.url}feed.xml (Ctrl-C stops)", err=True)
        if not settings.base_url.startswith(server.url):  # the feed's links go elsewhere
            click.echo(f"narrate: warning: feed.xml points podcast apps at {settings.base_url}, "
                       f"not {server.url}: serve there, or set base_url in "
                       f"{show / 'narrate.toml'} and run `narrate feed {show}`", err=True)

    serve(show, host, port, ready=ready)
