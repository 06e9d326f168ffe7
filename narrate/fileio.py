"""Atomic file writes: a crash never leaves a half-written MP3, feed or export.

Everything narrate writes goes through ``write_atomic`` (bytes/str) or ``atomic_path`` (a
temporary path in the same folder for tools such as ffmpeg, renamed into place on success). A
failure (disk full, permission denied, read-only) removes the temporary file and becomes one
``StorageError`` naming the file. Temporary files of runs that were killed are removed by the
next run: ``remove_stale`` (the show's ``.*.part`` files, under the show lock) and
``remove_stale_temp`` (``narrate-<pid>-*`` folders of processes that no longer exist).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from narrate.errors import StorageError, storage_error

TEMP_PREFIX = f"narrate-{os.getpid()}-"  # our temp folders: the pid tells a live run from a dead one
_TEMP_NAME = re.compile(r"narrate-(\d+)-")
STALE_UNOWNED = 24 * 3600  # temp folders without a pid are another run's only for a day


def write_atomic(path: Path | str, data: bytes | str, *, stream_special: bool = False) -> Path:
    """``data`` into ``path`` by a temp file and a rename. ``stream_special`` (a user's ``-o``):
    a device or FIFO there (/dev/null, /dev/stdout) is written into, never replaced; inside a
    show a FIFO where feed.xml belongs is replaced as any other file (no write that blocks)."""
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if stream_special and _special(path):
        try:
            with open(path, "wb") as handle:
                handle.write(data)
        except OSError as e:
            raise storage_error(e, str(path)) from e
        return path
    with atomic_path(path) as tmp:
        try:
            tmp.write_bytes(data)
        except OSError as e:
            raise storage_error(e, str(path)) from e
    return path


def _special(path: Path) -> bool:
    """Whether ``path`` is a device, FIFO or socket: a temp file renamed over it would replace
    it (as root, ``-o /dev/null`` replaced /dev/null with a regular file)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def refuse_special(path: Path | str) -> None:
    """For outputs that cannot be streamed (an MP3 with files beside it): a device, FIFO or
    socket is refused in one line instead of being replaced."""
    if _special(Path(path)):
        raise StorageError("is a device or FIFO, not a file: give the path of a file to write",
                           str(path))


@contextlib.contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """Yield a temp path beside ``path``; on success fsync and rename it over ``path``.

    The temp file is removed whatever happens. Our own steps failing is a StorageError naming
    ``path``; an error of the caller's (a download timing out) passes through unchanged."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        os.close(fd)
    except OSError as e:
        raise storage_error(e, str(path)) from e
    tmp = Path(name)
    try:
        yield tmp
        try:
            with open(tmp, "rb+") as handle:
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        except OSError as e:
            raise storage_error(e, str(path)) from e
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def read_regular(path: Path | str, limit: int, what: str = "file") -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes. Opened without
    blocking and judged by the opened file's own type: a FIFO put where a settings file or a
    cover belongs would block the command forever, and /dev/zero would fill the memory.
    Raises StorageError naming the path."""
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        raise storage_error(e, str(path)) from e
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise StorageError("a folder stands where a file is expected: move it away", str(path))
        if not stat.S_ISREG(mode):
            kind = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
            raise StorageError(f"is {kind}, not a regular {what}: put a regular file there", str(path))
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as e:
        raise storage_error(e, str(path)) from e
    finally:
        os.close(fd)
    if len(data) > limit:
        raise StorageError(f"larger than {limit // 1024} KB: not a {what}", str(path))
    return data


def make_temp_dir(kind: str = "") -> Path:
    """A private temp folder whose name carries this process's id (see ``remove_stale_temp``)."""
    try:
        return Path(tempfile.mkdtemp(prefix=TEMP_PREFIX + (f"{kind}-" if kind else "")))
    except OSError as e:
        raise storage_error(e, tempfile.gettempdir()) from e


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's live process
        return True
    return True


def remove_stale_temp(root: Path | None = None) -> int:
    """Remove ``narrate-*`` temp folders left by runs that were killed; returns how many."""
    root = Path(root or tempfile.gettempdir())
    removed = 0
    try:
        entries = list(os.scandir(root))
    except OSError:
        return 0
    for entry in entries:
        if not entry.name.startswith("narrate-"):
            continue
        m = _TEMP_NAME.match(entry.name)
        try:
            if not entry.is_dir(follow_symlinks=False) or entry.stat().st_uid != os.getuid():
                continue
            if m:
                if int(m.group(1)) == os.getpid() or _alive(int(m.group(1))):
                    continue
            elif time.time() - entry.stat().st_mtime < STALE_UNOWNED:
                continue
        except OSError:
            continue
        shutil.rmtree(entry.path, ignore_errors=True)
        removed += 1
    return removed


def remove_stale(folder: Path) -> int:
    """Remove the ``.*.part`` files in a show folder and its ``episodes/``: call it only while
    holding the show lock, when no other writer can be making them."""
    removed = 0
    for where in (Path(folder), Path(folder) / "episodes"):
        with contextlib.suppress(OSError):
            for path in where.glob(".*.part"):
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed += 1
    return removed


__all__ = ["StorageError", "atomic_path", "read_regular", "refuse_special", "make_temp_dir", "remove_stale", "remove_stale_temp",
           "write_atomic"]
