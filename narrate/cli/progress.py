"""One progress line for every command: a terminal gets a line rewritten in place (on stderr);
pipes, files and --quiet get nothing."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator

import click

from narrate.errors import shown


@contextlib.contextmanager
def progress_line(quiet: bool) -> Iterator[Callable[[str], None] | None]:
    """Yield a reporter (or None when nothing should be shown); clear the line when done."""
    if quiet or not sys.stderr.isatty():
        yield None
        return

    def report(message: str) -> None:
        click.echo(f"\r\x1b[2K{shown(message)}", err=True, nl=False)

    try:
        yield report
    finally:
        click.echo("\r\x1b[2K", err=True, nl=False)


class StatusLine:
    """A batch's display: ``status`` rewrites the one progress line (terminal only, not with
    --quiet); ``note`` prints a line that stays — a failure or a skip, as it happens — above it
    (always: these are results, not progress)."""

    def __init__(self, live: bool) -> None:
        self.live = live
        self.last = ""

    def status(self, message: str) -> None:
        message = shown(message)
        self.last = message
        click.echo(f"\r\x1b[2K{message}", err=True, nl=False)

    def note(self, line: str) -> None:
        line = shown(" ".join(line.split()))
        if self.live:
            click.echo(f"\r\x1b[2K{line}\n{self.last}", err=True, nl=False)
        else:
            click.echo(line, err=True)


@contextlib.contextmanager
def status_line(quiet: bool) -> Iterator[StatusLine]:
    """A StatusLine; its progress line is cleared when the work ends."""
    display = StatusLine(live=not quiet and sys.stderr.isatty())
    try:
        yield display
    finally:
        if display.live:
            click.echo("\r\x1b[2K", err=True, nl=False)
