"""narrate voices"""

from __future__ import annotations

import click


@click.command("voices")
def command() -> None:
    """List voice profiles and the engines installed here."""
    from narrate.speech.engines import engine_rows
    from narrate.speech.voices import voice_rows

    click.echo("Voice profiles:")
    _table([("NAME", "ENGINE", "LANGUAGE", "STATUS"), *voice_rows()])
    click.echo("\nEngines:")
    _table([("ENGINE", "STATUS"), *engine_rows()])
    click.echo("\nTools:")
    _table([("TOOL", "STATUS"), *_tool_rows()])


def _tool_rows() -> list[tuple[str, str]]:
    """The programs narration runs: a missing one is reported here, not found mid-narration."""
    import shutil

    rows = []
    for tool, need in (("ffmpeg", "encoding MP3 (every engine)"), ("espeak-ng", "the default voice")):
        found = shutil.which(tool)
        rows.append((tool, found or f"missing: needed for {need}; run scripts/setup.sh"))
    return rows


def _table(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        click.echo("  " + "  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
