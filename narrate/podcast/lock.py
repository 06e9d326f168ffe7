"""The show lock: only one process writes a show at a time.

``.narrate.lock`` in the show folder is held with ``fcntl.flock`` for the whole of ``narrate add``
(reading the catalog, choosing slugs, narrating, storing, rebuilding the feed) and of ``narrate
feed``, so two runs can never choose the same slug or mix their episodes' files. The kernel
drops the lock when its holder dies, even by ``kill -9``, so a stale lock cannot exist; the file
itself stays (removing it would race with a waiting run). A second run waits up to ``wait``
seconds, saying for whom, then fails with one line.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from narrate.errors import CatalogError, storage_error

LOCK_NAME = ".narrate.lock"
DEFAULT_WAIT = 60.0  # seconds a second writer waits before giving up
_POLL = 0.2
_held: dict[str, int] = {}  # folders this process holds (a nested hold is a no-op)


def _holder(fd: int) -> str:
    try:
        text = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""
    return f" (pid {text})" if text.isdigit() else ""


@contextlib.contextmanager
def show_lock(folder: Path, *, wait: float = DEFAULT_WAIT,
              say: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the show's write lock; raise CatalogError after ``wait`` seconds without it."""
    key = os.path.realpath(folder)
    if key in _held:
        yield
        return
    path = Path(folder) / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    except OSError as e:
        raise storage_error(e, str(path)) from e
    try:
        _acquire(fd, folder, wait, say)
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.pwrite(fd, str(os.getpid()).encode(), 0)
        _held[key] = fd
        try:
            yield
        finally:
            del _held[key]
    finally:
        os.close(fd)  # releases the lock


def _acquire(fd: int, folder: Path, wait: float, say: Callable[[str], None] | None) -> None:
    deadline = time.monotonic() + max(0.0, wait)
    told = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        except OSError as e:  # a file system without locks
            raise CatalogError(f"cannot lock the show ({e.strerror}); use a local folder",
                               str(folder)) from e
        if time.monotonic() >= deadline:
            raise CatalogError(f"another narrate{_holder(fd)} is writing this show; run again "
                               "when it has finished (or wait longer with --wait)", str(folder))
        if not told and say is not None:
            say(f"waiting up to {wait:.0f} s for another narrate{_holder(fd)} writing {folder}")
            told = True
        time.sleep(_POLL)
