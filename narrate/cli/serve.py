"""narrate serve SHOW"""

from __future__ import annotations

from pathlib import Path

import click


@click.command("serve")
@click.argument("show", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True)
def command(show: Path, host: str, port: int) -> None:
    """Serve the show folder over HTTP (HEAD, byte ranges, ETag) for podcast apps."""
    from narrate.podcast.server import serve

    click.echo(f"Serving {show} at http://{host}:{port}/feed.xml (Ctrl-C stops)", err=True)
    serve(show, host, port)
