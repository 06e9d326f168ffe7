"""The worker processes of ``narrate add --jobs N``: how they start, die with their batch,
and are stopped.

Workers are forked from a single-threaded batch (narrate already imported), else spawned.
Each leads its own process group (stopping it stops its ffmpeg) and dies with the
``narrate add`` that holds the show lock: on Linux by PR_SET_PDEATHSIG, everywhere by
``check_parent`` before each step that writes.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import multiprocessing
import os
import signal
import sys

from narrate.errors import NarrateError


def pool(jobs: int, scheduler: str | None):
    """The pool a batch hands its jobs to: a Dask client for ``scheduler``, local worker
    processes for ``jobs`` > 1, else None (narrated in this process)."""
    if scheduler:
        from narrate import deps

        return deps.distributed.Client(scheduler)
    if jobs > 1:
        method = start_method()
        if method == "fork":  # what every worker runs, imported once, here
            import narrate.book
            import narrate.speak  # noqa: F401
        sys.stdout.flush()
        sys.stderr.flush()
        return cf.ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method),
                                      initializer=_worker_start, initargs=(os.getpid(),))
    return None


def start_method() -> str:
    """How pool workers start: forked when this process runs a single thread (Linux lists
    them in /proc/self/task), so a worker starts at once with narrate imported; a spawned one
    starts a new interpreter and imports narrate again (~0.4 s of CPU each, a tenth of a short
    article's narration). With another thread alive (a TTS engine's, a DNS look-up's) a forked
    child could inherit a lock that thread held, and hang on it: then spawn."""
    try:
        return "fork" if len(os.listdir("/proc/self/task")) == 1 else "spawn"
    except OSError:  # not Linux
        return "spawn"


_parent: list[int] = []  # in a pool worker: the pid of the `narrate add` that started it


def _worker_start(parent: int) -> None:
    """A pool worker's set-up. It leads its own process group, so stopping it also stops the
    ffmpeg it runs; and it dies with the process that holds the show lock (``kill -9`` of
    ``narrate add`` included): on Linux the kernel sends it SIGKILL (PR_SET_PDEATHSIG), and
    everywhere ``produce`` checks that its parent still lives before each step that writes."""
    os.setpgrp()
    # a forked worker has the batch's own handlers: give it a new interpreter's
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _parent[:] = [parent]
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


def _die_with_parent() -> None:
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # no prctl: the parent check in produce still stops it


class Orphaned(NarrateError):
    """The batch that started this worker is gone: it holds the show lock no more."""


def check_parent(message: str = "") -> None:
    """Raise Orphaned when this is a pool worker whose ``narrate add`` has died (the show is
    no longer locked for it, so it must not write there). Used as ``speak``'s progress
    callback: it runs before each post-processing step, the publishing one included."""
    if _parent and os.getppid() != _parent[0]:
        raise Orphaned("the batch that started this worker has ended; nothing was published",
                       "worker")


def stop(pool: object) -> None:
    """End a local pool's workers and their ffmpeg now (Ctrl-C, or SIGTERM to this process
    alone), so nothing writes into the show after it stops; their .part files are then the
    caller's to remove."""
    if not isinstance(pool, cf.ProcessPoolExecutor):
        return
    procs = list((getattr(pool, "_processes", None) or {}).values())
    for proc in procs:
        with contextlib.suppress(OSError):
            os.killpg(proc.pid, signal.SIGKILL)
    for proc in procs:
        proc.join(5)
    pool.shutdown(wait=False, cancel_futures=True)
