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

    from narrate.speech.engines.pyttsx3_espeak import missing_espeak

    found = shutil.which("ffmpeg")
    rows = [("ffmpeg", found or "missing: needed for encoding MP3 (every engine); run scripts/setup.sh")]
    # The default voice loads the library (libespeak-ng), not the espeak-ng program: report
    # what it needs, so this row never contradicts the default voice's "ok" above.
    missing = missing_espeak()
    rows.append(("espeak-ng", f"missing: needed for the default voice; {missing}" if missing
                 else "libespeak-ng loaded (the default voice)"))
    return rows


def _table(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        click.echo("  " + "  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
