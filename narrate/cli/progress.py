"""One progress line for every command: a terminal gets a line rewritten in place (on stderr);
pipes, files and --quiet get nothing."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator

import click


@contextlib.contextmanager
def progress_line(quiet: bool) -> Iterator[Callable[[str], None] | None]:
    """Yield a reporter (or None when nothing should be shown); clear the line when done."""
    if quiet or not sys.stderr.isatty():
        yield None
        return

    def report(message: str) -> None:
        click.echo(f"\r\x1b[2K{message}", err=True, nl=False)

    try:
        yield report
    finally:
        click.echo("\r\x1b[2K", err=True, nl=False)
