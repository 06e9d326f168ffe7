"""Reuse of rendered items between rebuilds, so adding one episode to a 10,000-episode show
renders one item instead of all of them.

The cache is the previous output itself: ``.render-cache`` (a dot file, never served) records,
for feed.xml and index.html, their size and mtime and where each episode's fragment lies in
them. A rebuild slices still-valid fragments out of the old files, renders only the rest, and
writes the same bytes a rebuild from scratch would. Any mismatch (other settings or code
version, a file changed or deleted) just means an empty cache.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable
from pathlib import Path
from typing import Any

from narrate.fileio import write_atomic
from narrate.podcast.catalog import Episode

CACHE = ".render-cache"
Fragments = dict[tuple, bytes]
Parts = tuple[bytes, list[bytes], bytes]  # head, one fragment per episode, tail; joined by "\n"


def episode_key(ep: Episode) -> tuple:
    """Changes whenever the catalog row changes (``updated`` moves on every upsert)."""
    return (ep.guid, ep.updated, ep.stem, ep.audio_bytes, ep.title)


def cached(render: Callable[[Any, list[Episode]], list[str]], show: Any, episodes: list[Episode],
           cache: Fragments | None) -> list[bytes]:
    """``render(show, episodes)`` as UTF-8 fragments, taking what ``cache`` holds (and adding
    the newly rendered ones to it)."""
    if cache is None:
        return [f.encode("utf-8") for f in render(show, episodes)]
    keys = [episode_key(ep) for ep in episodes]
    missing = [i for i, k in enumerate(keys) if k not in cache]
    if missing:
        fresh = render(show, [episodes[i] for i in missing])
        for i, fragment in zip(missing, fresh, strict=True):
            cache[keys[i]] = fragment.encode("utf-8")
    return [cache[k] for k in keys]


def join(parts: Parts) -> bytes:
    head, items, tail = parts
    return b"\n".join([head, *items, tail])


def load(folder: Path, fingerprint: str) -> dict[str, Fragments]:
    """Fragments per output file name; empty when anything does not match."""
    out: dict[str, Fragments] = {}
    try:
        data = marshal.loads((folder / CACHE).read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return out
    if not isinstance(data, dict) or data.get("fingerprint") != fingerprint:
        return out
    for name, (size, mtime_ns, spans) in data.get("files", {}).items():
        try:
            st = (folder / name).stat()
            if (st.st_size, st.st_mtime_ns) != (size, mtime_ns):
                continue
            blob = (folder / name).read_bytes()
        except OSError:
            continue
        if len(blob) == size:
            out[name] = {key: blob[start:start + length] for key, (start, length) in spans.items()}
    return out


def save(folder: Path, fingerprint: str, written: dict[str, tuple[Parts, list[Episode]]]) -> None:
    """Record where each episode's fragment lies in the files just written."""
    files = {}
    for name, ((head, items, _tail), episodes) in written.items():
        st = (folder / name).stat()
        spans, offset = {}, len(head) + 1
        for ep, item in zip(episodes, items, strict=True):
            spans[episode_key(ep)] = (offset, len(item))
            offset += len(item) + 1
        files[name] = (st.st_size, st.st_mtime_ns, spans)
    write_atomic(folder / CACHE, marshal.dumps({"fingerprint": fingerprint, "files": files}))
