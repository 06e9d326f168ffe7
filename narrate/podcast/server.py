"""``narrate serve``: the show folder over HTTP/1.1 the way podcast apps need it.

Apple's AppleCoreMedia, gPodder and browsers probe with HEAD and byte ranges, revalidate with
ETag / If-Modified-Since and reuse keep-alive connections, so every response carries the exact
Content-Length (``bytes=0-0`` sends one byte). Only single ranges are honoured; a malformed or
multi-range header gets the full 200 (RFC 9110 lets a server ignore Range). Nothing outside the
show folder is reachable: ``..`` and dot-files are refused after percent-decoding, and the real
path (symlinks resolved) must lie inside the folder. The catalog and settings are not served.
"""

from __future__ import annotations

import email.utils
import os
import re
import stat
import sys
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CONTENT_TYPES = {
    ".mp3": "audio/mpeg",
    ".xml": "application/rss+xml; charset=utf-8",
    ".vtt": "text/vtt; charset=utf-8",
    ".srt": "application/x-subrip; charset=utf-8",
    ".chapters.json": "application/json+chapters",
    ".json": "application/json",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".html": "text/html; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".epub": "application/epub+zip",
}
CORS_SUFFIXES = (".vtt", ".srt", ".chapters.json", ".json", ".xml")
PRIVATE = ("catalog.sqlite", "narrate.toml")  # prefixes of top-level files never served
_RANGE_RE = re.compile(r"\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*", re.IGNORECASE)
UNSATISFIABLE = "unsatisfiable"


def content_type(name: str) -> str:
    lower = name.lower()
    if lower.endswith(".chapters.json"):
        return CONTENT_TYPES[".chapters.json"]
    return CONTENT_TYPES.get(os.path.splitext(lower)[1], "application/octet-stream")


def parse_range(header: str, size: int) -> tuple[int, int] | str | None:
    """One ``bytes=`` range -> (first, last) inclusive; ``UNSATISFIABLE``; or None to ignore it
    (malformed, multi-range, or last < first)."""
    m = _RANGE_RE.fullmatch(header)
    if not m or (not m.group(1) and not m.group(2)):
        return None
    first, last = m.groups()
    if not first:  # suffix: the last N bytes
        n = int(last)
        return UNSATISFIABLE if n == 0 or size == 0 else (max(0, size - n), size - 1)
    start = int(first)
    if last and int(last) < start:
        return None
    if start >= size:
        return UNSATISFIABLE
    return start, min(int(last), size - 1) if last else size - 1


def _etag_matches(header: str, etag: str, *, weak: bool) -> bool:
    if header.strip() == "*":
        return True
    for tag in header.split(","):
        tag = tag.strip()
        if tag.startswith("W/"):
            if not weak:
                continue
            tag = tag[2:]
        if tag == etag:
            return True
    return False


def _http_time(value: str) -> float | None:
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return when.timestamp() if when.tzinfo else None


class ShowHandler(BaseHTTPRequestHandler):
    """GET/HEAD of the files in ``server.root``."""

    protocol_version = "HTTP/1.1"
    server_version = "narrate"
    timeout = 60  # idle keep-alive connections are closed after a minute
    disable_nagle_algorithm = True  # headers then sendfile: no 40 ms delayed-ACK stalls
    server: ShowServer

    # ------------------------------------------------------------ methods
    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        self._serve(head=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve(head=True)

    def do_OPTIONS(self) -> None:  # noqa: N802
        self.send_response(204)
        self.send_header("Allow", "GET, HEAD, OPTIONS")
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Range, If-None-Match, If-Modified-Since")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _not_allowed(self) -> None:
        # the request body is not read, so the connection cannot be reused
        self._plain(405, "method not allowed", extra={"Allow": "GET, HEAD, OPTIONS",
                                                      "Connection": "close"})

    do_POST = do_PUT = do_DELETE = do_PATCH = _not_allowed  # noqa: N815

    def version_string(self) -> str:
        from narrate import __version__

        return f"narrate/{__version__}"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        if not self.server.quiet:
            super().log_message(format, *args)

    # ------------------------------------------------------------ helpers
    def _plain(self, status: int, text: str, *, head: bool = False,
               extra: dict[str, str] | None = None) -> None:
        body = (text + "\n").encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def resolve(self) -> str | None:
        """The real path of the file a request names, or None when it is not allowed.

        (Plain ``os.path`` strings: this runs on every request.)"""
        raw = self.path
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
        if any(p.startswith(".") for p in parts):  # "..", ".", dot-files and temp files
            return None
        if not parts:
            parts = ["index.html"]
        if len(parts) == 1 and parts[0].startswith(PRIVATE):
            return None
        real = os.path.realpath(os.path.join(self.server.root_str, *parts))
        if not real.startswith(self.server.root_str + os.sep):
            return None
        return real

    # ------------------------------------------------------------ the one GET/HEAD path
    def _serve(self, *, head: bool) -> None:
        real = self.resolve()
        if real is None:
            self._plain(404, "not found", head=head)
            return
        try:  # O_NONBLOCK: a FIFO in the folder must not hang the thread on open
            handle = os.fdopen(os.open(real, os.O_RDONLY | os.O_NONBLOCK), "rb")
        except OSError:  # missing, unreadable
            self._plain(404, "not found", head=head)
            return
        try:
            st = os.fstat(handle.fileno())
            if not stat.S_ISREG(st.st_mode):  # folders, FIFOs, devices
                self._plain(404, "not found", head=head)
                return
            self._send_file(handle, st, os.path.basename(real), head=head)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        finally:
            handle.close()

    def _send_file(self, handle, st: os.stat_result, name: str, *, head: bool) -> None:  # noqa: C901
        size = st.st_size
        etag = f'"{size:x}-{st.st_mtime_ns:x}"'
        last_modified = email.utils.formatdate(int(st.st_mtime), usegmt=True)
        common = {
            "ETag": etag,
            "Last-Modified": last_modified,
            "Accept-Ranges": "bytes",
            "Cache-Control": "no-cache" if name.endswith((".xml", ".html")) else "public, max-age=3600",
        }
        if name.lower().endswith(CORS_SUFFIXES):
            common["Access-Control-Allow-Origin"] = "*"
            common["Access-Control-Expose-Headers"] = "Content-Length, Content-Range, ETag"

        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        if inm is not None:
            not_modified = _etag_matches(inm, etag, weak=True)
        elif ims is not None:
            since = _http_time(ims)
            not_modified = since is not None and int(st.st_mtime) <= since
        else:
            not_modified = False
        if not_modified:
            self.send_response(304)
            for key, value in common.items():
                self.send_header(key, value)
            self.end_headers()
            return

        status, first, last = 200, 0, size - 1
        rng = self.headers.get("Range")
        if_range = self.headers.get("If-Range")
        if rng is not None and (if_range is None or self._if_range_ok(if_range, etag, last_modified)):
            parsed = parse_range(rng, size)
            if parsed == UNSATISFIABLE:
                self._plain416(size, common, head)
                return
            if isinstance(parsed, tuple):
                status, (first, last) = 206, parsed
        length = last - first + 1 if size else 0
        self.send_response(status)
        self.send_header("Content-Type", content_type(name))
        self.send_header("Content-Length", str(length))
        if status == 206:
            self.send_header("Content-Range", f"bytes {first}-{last}/{size}")
        for key, value in common.items():
            self.send_header(key, value)
        self.end_headers()
        if head or length == 0:
            return
        self.connection.sendfile(handle, first, length)

    @staticmethod
    def _if_range_ok(value: str, etag: str, last_modified: str) -> bool:
        value = value.strip()
        if value.startswith(("\"", "W/")):
            return value == etag  # strong comparison only
        return value == last_modified

    def _plain416(self, size: int, common: dict[str, str], head: bool) -> None:
        self.send_response(416)
        self.send_header("Content-Range", f"bytes */{size}")
        self.send_header("Content-Length", "0")
        for key, value in common.items():
            self.send_header(key, value)
        self.end_headers()


class ShowServer(ThreadingHTTPServer):
    """A threading HTTP/1.1 server rooted at one show folder."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, folder: Path, host: str, port: int, *, quiet: bool = False) -> None:
        self.root = Path(os.path.realpath(folder))
        self.root_str = str(self.root)
        self.quiet = quiet
        super().__init__((host, port), ShowHandler)

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hangs up (reset, broken pipe) is normal for players: no traceback."""
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"


def make_server(folder: Path, host: str = "127.0.0.1", port: int = 8765, *,
                quiet: bool = False) -> ShowServer:
    """A bound server (port 0 picks a free one); call ``serve_forever()`` on it."""
    from narrate.errors import CatalogError

    if not Path(folder).is_dir():
        raise CatalogError("show folder does not exist", str(folder))
    return ShowServer(Path(folder), host, port, quiet=quiet)


def serve(folder: Path, host: str = "127.0.0.1", port: int = 8765, *, quiet: bool = False) -> None:
    """Serve until interrupted (Ctrl-C)."""
    server = make_server(folder, host, port, quiet=quiet)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("narrate serve: stopped", file=sys.stderr)
    finally:
        server.server_close()
