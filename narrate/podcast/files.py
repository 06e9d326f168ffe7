"""Which file a request names, and the headers that describe it: the show folder's file rules
for ``narrate serve``, applied to the resolved path (a symlink is judged by where it leads)."""

from __future__ import annotations

import email.utils
import os
import stat
import time
import urllib.parse
from pathlib import Path

from narrate.podcast.http import CORS_SUFFIXES, content_type, private_path

PATH_TTL = 2.0  # seconds a resolved request path is trusted (while its file keeps its inode)
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)  # FIFOs must not hang open()


class ShowFiles:
    """The files of one show folder that may be served, with small caches (one per server)."""

    def __init__(self, folder: Path) -> None:
        self.root = Path(os.path.realpath(folder))
        self.root_str = str(self.root)
        self._paths: dict[str, tuple[str, int, int, float]] = {}
        self._meta_cache: dict[tuple, tuple[str, str, int, str, str]] = {}

    def resolve(self, target: str) -> str | None:
        """The real path of the file a request target names, or None when it is not allowed.

        (Plain ``os.path`` strings: this runs on every request.)"""
        raw = target
        if "://" in raw.split("?", 1)[0]:  # absolute-form request target
            raw = urllib.parse.urlsplit(raw).path or "/"
        raw = raw.split("?", 1)[0].split("#", 1)[0]
        try:
            path = urllib.parse.unquote(raw, errors="strict")
        except UnicodeDecodeError:
            return None
        if "\x00" in path or "\\" in path:
            return None
        parts = [p for p in path.split("/") if p]
        if private_path(parts):  # "..", ".", dot-files, temp files, catalog, settings
            return None
        if not parts:
            parts = ["index.html"]
        real = os.path.realpath(os.path.join(self.root_str, *parts))
        if not real.startswith(self.root_str + os.sep):
            return None
        if private_path(real[len(self.root_str) + 1:].split(os.sep)):
            return None  # the rules hold for where a symlink leads, not only for its name
        return real

    def open(self, target: str) -> tuple[int, os.stat_result, str] | None:
        """(fd, stat, real path) of the regular file a request target names, or None (404).

        Resolving (``os.path.realpath``: an lstat per path component) is the costliest step of
        a request, so a target's real path is remembered for ``PATH_TTL`` seconds, and used only
        while the file opened through it is the very file (device, inode) found inside the show
        when it was resolved; anything else (replaced, removed, a symlink swapped in) resolves
        again."""
        now = time.monotonic()
        hit = self._paths.get(target)
        if hit is not None and hit[3] > now:
            real, dev, ino, _ = hit
            try:
                fd = os.open(real, _OPEN_FLAGS)
            except OSError:
                fd = -1
            if fd >= 0:
                st = os.fstat(fd)
                if st.st_ino == ino and st.st_dev == dev and stat.S_ISREG(st.st_mode):
                    return fd, st, real
                os.close(fd)
        real = self.resolve(target)
        if real is None:
            return None
        try:
            fd = os.open(real, _OPEN_FLAGS)
        except OSError:  # missing, unreadable
            return None
        try:
            st = os.fstat(fd)
        except OSError:
            st = None
        if st is None or not stat.S_ISREG(st.st_mode):  # folders, FIFOs, devices
            os.close(fd)
            return None
        if len(self._paths) >= 4096:
            self._paths.clear()
        self._paths[target] = (real, st.st_dev, st.st_ino, now + PATH_TTL)
        return fd, st, real

    def meta(self, real: str, st: os.stat_result) -> tuple[str, str, int, str, str]:
        """(ETag, Last-Modified, mtime s, Content-Type field, fields every answer carries),
        cached per file version."""
        key = (real, st.st_ino, st.st_size, st.st_mtime_ns)
        meta = self._meta_cache.get(key)
        if meta is None:
            if len(self._meta_cache) >= 4096:
                self._meta_cache.clear()
            name = os.path.basename(real)
            etag = f'"{st.st_size:x}-{st.st_mtime_ns:x}"'
            last_modified = email.utils.formatdate(int(st.st_mtime), usegmt=True)
            cache = "no-cache" if name.endswith((".xml", ".html")) else "public, max-age=3600"
            common = (f"ETag: {etag}\r\nLast-Modified: {last_modified}\r\nAccept-Ranges: bytes\r\n"
                      f"Cache-Control: {cache}\r\n")
            if name.lower().endswith(CORS_SUFFIXES):
                common += ("Access-Control-Allow-Origin: *\r\n"
                           "Access-Control-Expose-Headers: Content-Length, Content-Range, ETag\r\n")
            meta = (etag, last_modified, int(st.st_mtime), f"Content-Type: {content_type(name)}\r\n",
                    common)
            self._meta_cache[key] = meta
        return meta
