"""The command line: one module per command, errors turned into one line and an exit code here.

Exit codes: 0 success; 1 a source (or the command) failed, named on stderr; 2 usage error.
Set ``NARRATE_DEBUG=1`` to see the traceback of an unexpected error.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import warnings

import click

from narrate import __version__
from narrate.errors import NarrateError, shown, storage_error, tool_os_error, wrapped_os_error


class _Group(click.Group):
    """Renders narrate's errors as ``narrate: error: SOURCE: reason`` and exit code 1."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except NarrateError as exc:
            fail(str(tool_os_error(exc)))
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            fail("interrupted", code=130)
        except BrokenPipeError:  # `narrate voices | head`: the reader has all it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
            sys.exit(141)  # 128 + SIGPIPE, as a shell tool killed by the closed pipe would be
        except OSError as exc:  # disk full, permission denied, read-only, …: say what to do
            fail(str(storage_error(exc)))
        except MemoryError:
            fail("out of memory: the input is too large for this machine")
        except Exception as exc:  # the one place an unexpected error becomes a line
            if os.environ.get("NARRATE_DEBUG"):
                raise
            inner = wrapped_os_error(exc)  # a library's error around "disk full" and the like
            if inner is not None:
                fail(str(storage_error(inner)))
            fail(f"unexpected {type(exc).__name__}: {exc} (set NARRATE_DEBUG=1 for details)")


def fail(message: str, code: int = 1) -> None:
    click.echo(f"narrate: error: {shown(' '.join(message.split()))}", err=True)
    sys.exit(code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="narrate")
def cli() -> None:
    """Narrate articles into podcast episodes and accessible text.

    Read an article (HTML, HTML or Markdown with YAML front matter, a URL, or - for stdin),
    speak it to a tagged MP3 with transcripts and chapters, publish episodes as a podcast
    feed, and export screen-reader-friendly text.
    """


def _register() -> None:
    from narrate.cli import add, export, feed, init, serve, speak, voices

    for module in (speak, export, init, add, feed, serve, voices):
        cli.add_command(module.command)


_register()


def _interrupted(signum: int, frame: object) -> None:
    """Ctrl-C and SIGTERM (kill, a service manager) unwind as KeyboardInterrupt, so temporary
    files are removed and `narrate add` still rebuilds the feed of what it stored; what
    background threads (a TTS engine's callback) complain about while being torn down is not
    printed: the one line is ``narrate: error: interrupted``."""
    sys.unraisablehook = lambda unraisable: _swallowed(unraisable, signum)
    threading.excepthook = lambda args: None
    raise KeyboardInterrupt


def _swallowed(unraisable: object, signum: int) -> None:
    """A KeyboardInterrupt raised while the main thread ran a C callback (the TTS engine's)
    cannot propagate and is dropped: deliver the signal again a moment later."""
    if isinstance(getattr(unraisable, "exc_value", None), KeyboardInterrupt):
        again = threading.Timer(0.2, os.kill, (os.getpid(), signum))
        # a daemon: when the command has finished by then (its files written), it exits as it
        # finished, not killed silently at shutdown by the signal (exit 130 without a line)
        again.daemon = True
        again.start()


def main() -> None:
    # pydub warns at import when ffmpeg is missing; the error that matters comes as one line
    warnings.filterwarnings("ignore", category=RuntimeWarning, module="pydub")
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not when ignored (nohup, &)
        signal.signal(signal.SIGINT, _interrupted)
    if signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _interrupted)
    try:
        cli(prog_name="narrate")
    finally:
        _finished()


def _finished() -> None:
    """The command is over (its files written, its line printed): a Ctrl-C or SIGTERM that
    arrives now, while Python shuts down, is ignored and the process ends with the command's
    own exit code. Late in shutdown Python puts the default action back, and the signal killed
    the process: exit 130 without a line, after a complete export."""
    for sig in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(sig) is _interrupted:
            signal.signal(sig, signal.SIG_IGN)
