"""narrate voices"""

from __future__ import annotations

import click


@click.command("voices")
def command() -> None:
    """List voice profiles, the engines installed here and the programs they need."""
    from narrate.audio.programs import program_rows
    from narrate.speech.engines import engine_rows
    from narrate.speech.voices import voice_rows

    click.echo("Voice profiles:")
    _table([("NAME", "ENGINE", "LANGUAGE", "STATUS"), *voice_rows()])
    click.echo("\nEngines:")
    _table([("ENGINE", "STATUS"), *engine_rows()])
    click.echo("\nPrograms:")
    _table([("PROGRAM", "STATUS"), *program_rows()])


def _table(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        click.echo("  " + "  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
