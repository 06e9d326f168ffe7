"""One progress printer for every command: a terminal gets lines, pipes and --quiet get nothing."""

from __future__ import annotations

import sys
from collections.abc import Callable

import click


def progress_printer(quiet: bool) -> Callable[[str], None] | None:
    if quiet or not sys.stderr.isatty():
        return None

    def report(message: str) -> None:
        click.echo(f"\r\x1b[2K{message}", err=True, nl=False)

    return report
