"""One error hierarchy. Each error names its source and renders as one line (see cli/__init__)."""

from __future__ import annotations

import errno
import re
import shutil


class NarrateError(Exception):
    """Base error: ``str()`` is one line, ``source: reason``."""

    def __init__(self, reason: str, source: str = "") -> None:
        super().__init__(reason)
        self.reason = " ".join(str(reason).split())
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}" if self.source else self.reason


class SourceError(NarrateError):
    """The source could not be had: missing file, unreachable URL, too large, not text."""


class ReadError(NarrateError):
    """The source was had but holds no readable article."""


class EmptyDocument(ReadError):
    """The source holds no text at all (a batch skips it like a too-short file)."""


class EngineUnavailable(NarrateError):
    """A TTS engine or its voice is not installed here."""


class SynthesisError(NarrateError):
    """The engine ran but did not produce the audio it should have."""


class AudioError(NarrateError):
    """Encoding, loudness or tagging failed."""


class CatalogError(NarrateError):
    """The show folder or its catalog is missing or inconsistent."""


class ConfigError(NarrateError):
    """A show's narrate.toml or a voice profile is invalid."""


class StorageError(NarrateError):
    """Reading or writing a file failed: disk full, permission denied, read-only, not a folder."""


_OS_ADVICE = {
    errno.ENOSPC: "disk full: free some space, then run the command again",
    errno.EDQUOT: "disk quota exceeded: free some space, then run the command again",
    errno.EACCES: "permission denied: make it writable (and readable) for this user",
    errno.EPERM: "operation not permitted: check the owner and permissions",
    errno.EROFS: "read-only file system: use a writable location",
    errno.ENOTDIR: "a file stands where a folder is expected: move it away",
    errno.EISDIR: "a folder stands where a file is expected: move it away",
    errno.EEXIST: "something already stands there (a file where a folder is expected?): move it away",
    errno.ENOENT: "no such file or folder: check the path",
    errno.EMFILE: "too many open files: raise the limit (ulimit -n) or use fewer --jobs",
    errno.ENAMETOOLONG: "file name too long: use a shorter path",
    errno.EIO: "input/output error: check the disk",
}


class ToolMissing(EngineUnavailable):
    """A program narrate runs (ffmpeg, espeak-ng) is not installed."""


_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def shown(text: str) -> str:
    """``text`` safe to print on a terminal: control characters (ESC of a colour or title
    sequence in a file name, a page's title or a server's reason) escaped as ``\\xNN``, so a
    hostile name cannot move the cursor, recolour or retitle the user's terminal. Tabs and
    newlines are left to the caller (messages are folded to one line)."""
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def storage_error(exc: OSError, source: str = "") -> NarrateError:
    """An OSError as one line that says what to do, naming ``source`` (the file the user asked
    for), else the file the error names, or the program that is not installed."""
    name = str(exc.filename or "")
    # A program not found (ffmpeg, espeak-ng): a bare name, no extension, and no file the user
    # named; "nolist.txt" missing is a missing file, not a program to install.
    if (exc.errno == errno.ENOENT and name and not source and "/" not in name
            and "." not in name and shutil.which(name) is None):
        return ToolMissing("is not installed: run scripts/setup.sh, or install it with your "
                           "package manager (e.g. apt-get install ffmpeg espeak-ng)", name)
    advice = _OS_ADVICE.get(exc.errno or 0) or (exc.strerror or type(exc).__name__).lower()
    where = source or (str(exc.filename) if exc.filename is not None else "")
    return StorageError(advice, _made(where))


def _made(path: str) -> str:
    """The file being made, for a temporary ``.name.<pid>.part`` beside it (see fileio)."""
    return re.sub(r"(^|/)\.([^/]+)\.\w+\.part$", r"\1\2", path)


def wrapped_os_error(exc: BaseException) -> OSError | None:
    """The OSError inside a library's own error type (mutagen's ``error``, for one, re-raises
    "No space left on device" as itself), found as its cause, context or argument."""
    seen: set[int] = set()
    todo: list[object] = [exc]
    while todo and len(seen) < 20:
        cur = todo.pop(0)
        if not isinstance(cur, BaseException) or id(cur) in seen:
            continue
        seen.add(id(cur))
        if isinstance(cur, OSError) and cur.errno:
            return cur
        todo.extend([cur.__cause__, cur.__context__, *cur.args[:2]])
    return None


# What a program narrate runs (ffmpeg) prints for these errors: its message is then said as
# the error itself, with what to do, not as the tool's "Error writing trailer of file:…".
_TOOL_OS_ERRORS = {errno.ENOSPC: "No space left on device", errno.EDQUOT: "Disk quota exceeded",
                   errno.EROFS: "Read-only file system", errno.EACCES: "Permission denied"}


def tool_os_error(exc: NarrateError) -> NarrateError:
    """``exc`` as a StorageError (same source) when its reason is a tool's report of one of
    the OS errors above, else ``exc`` unchanged."""
    if isinstance(exc, StorageError):
        return exc
    for code, words in _TOOL_OS_ERRORS.items():
        if words in exc.reason:  # name the file being made, not its temporary .part
            return StorageError(_OS_ADVICE[code], _made(exc.source))
    return exc


def one_line(exc: BaseException) -> str:
    """Any failure of one source as the line a batch reports for it."""
    if not isinstance(exc, NarrateError):
        exc = wrapped_os_error(exc) or exc
    else:
        exc = tool_os_error(exc)
    if isinstance(exc, OSError):
        exc = storage_error(exc)
    text = str(exc) if isinstance(exc, NarrateError) else f"{type(exc).__name__}: {exc}"
    return " ".join(text.split())
