"""Options several commands share, defined once."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from narrate.model import Article


def _check_voice(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """An unknown voice profile is a usage error (exit 2), caught before any work starts."""
    if value is None:
        return None
    from narrate.speech.voices import profiles

    names = sorted(profiles())
    if value not in names:
        raise click.BadParameter(f"no voice profile {value!r}; choose from {', '.join(names)}"
                                 " (see `narrate voices`)")
    return value


voice_option = click.option(
    "--voice", default=None, callback=_check_voice,
    help="Voice profile (see `narrate voices`). Default: the profile matching the article's "
         "language, else `default`.")
def warn_voice_language(article: Article, voice: str | None) -> None:
    """An explicitly named voice is kept, but one line on stderr says when it speaks another
    language than the article's (``--voice joe`` on a French article)."""
    if not voice:
        return
    from narrate.sources import redact
    from narrate.speech.voices import choose_profile, language_mismatch

    note = language_mismatch(choose_profile(voice, article.language), article.language)
    if note:
        click.echo(f"narrate: warning: {redact(article.source) or 'article'}: {note}", err=True)


audio_option = click.option(
    "--audio", type=click.Choice(["auto", "generate", "fetch"]), default="auto", show_default=True,
    help="fetch: use the publisher's narration (<audio src>); generate: always text-to-speech; "
         "auto: fetch when the article links narration and no --voice is named, else generate.")
quiet_option = click.option("-q", "--quiet", is_flag=True, help="No progress output.")
class NamedPath(click.Path):
    """A path that names something: an empty one (an unset ``"$SHOW"``) is a usage error, as no
    argument at all is. ``Path("")`` is the current folder: ``narrate init ""`` made it a show
    and ``add --show ""`` published into it."""

    def convert(self, value, param, ctx):  # type: ignore[no-untyped-def]
        if isinstance(value, str) and not value.strip():
            self.fail("an empty path (an unset variable?): name the file or folder", param, ctx)
        return super().convert(value, param, ctx)


class _Seconds(click.FloatRange):
    """Seconds, 0 or more: ``nan`` (which FloatRange lets through, and which made --wait give
    up at once) is refused like a negative number; ``inf`` waits as long as it takes."""

    def convert(self, value, param, ctx):  # type: ignore[no-untyped-def]
        seconds = super().convert(value, param, ctx)
        if seconds != seconds:
            self.fail(f"{value!r} is not a number of seconds.", param, ctx)
        return seconds


wait_option = click.option(
    "--wait", type=_Seconds(min=0), default=60, show_default=True, metavar="SECONDS",
    help="How long to wait while another narrate is writing the same show.")
