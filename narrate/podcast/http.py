"""The HTTP rules of ``narrate serve`` as pure functions: content types, byte ranges,
conditional requests, and strict parsing of a request head. Kept apart from the connection
handling in ``server.py`` so each rule can be read and tested on its own."""

from __future__ import annotations

import email.utils
import os
import re
import resource
from http import HTTPStatus

from narrate.podcast import layout

SHOW_TYPES = {  # the show's own files; an episode's files are typed by narrate.podcast.layout
    ".xml": "application/rss+xml; charset=utf-8",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
}
CORS_SUFFIXES = (".vtt", ".srt", ".chapters.json", ".json", ".xml")
PRIVATE = ("catalog.sqlite", "narrate.toml")  # prefixes of top-level files never served
_LOG_UNSAFE = re.compile(r'[\x00-\x1f\x7f-\x9f"\\]')
_RANGE_RE = re.compile(r"\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*", re.IGNORECASE)
UNSATISFIABLE = "unsatisfiable"
MAX_HEADERS = 100
_TOKEN = re.compile(rb"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_BAD_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # CTLs other than TAB, CR, LF
_VERSION = re.compile(rb"HTTP/(\d)\.(\d)")
FDS_PER_CONNECTION = 3  # the client's socket, the server's dup of it, the file being sent
FD_RESERVE = 64  # descriptors kept free: listener, logs, files of the process
STATUS_LINES = {s.value: f"HTTP/1.1 {s.value} {s.phrase}\r\n" for s in HTTPStatus}


def content_type(name: str) -> str:
    """The media type of a served file, by its extension (the writer registry's for exports)."""
    lower = name.lower()
    types = {**SHOW_TYPES, **layout.media_types()}
    for ext, media_type in types.items():
        if "." in ext[1:] and lower.endswith(ext):  # a double extension: .chapters.json
            return media_type
    return types.get(os.path.splitext(lower)[1], "application/octet-stream")


def default_max_connections() -> int:
    """Connections served at once: as many as the open-file limit leaves room for, so a crowd
    of idle clients can never take the descriptors a new listener's request needs."""
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY or soft <= 0:
        soft = 65536
    return max(4, min(10000, (soft - FD_RESERVE) // FDS_PER_CONNECTION))


def private_path(parts: list[str]) -> bool:
    """Whether a path inside the show (its components) is never served: dot-files and
    folders (the show lock, temp files, ``..``), and the catalog and settings at the top."""
    if any(p.startswith(".") for p in parts):
        return True
    return len(parts) == 1 and parts[0].startswith(PRIVATE)


def log_safe(text: str) -> str:
    """A request line fit for one access-log line: control characters, quotes and backslashes
    escaped (``\\xNN``), so a client cannot forge or break log lines."""
    return _LOG_UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def parse_range(header: str, size: int) -> tuple[int, int] | str | None:
    """One ``bytes=`` range -> (first, last) inclusive; ``UNSATISFIABLE``; or None to ignore it
    (malformed, multi-range, or last < first)."""
    m = _RANGE_RE.fullmatch(header)
    if not m or (not m.group(1) and not m.group(2)):
        return None
    first, last = m.groups()
    if len(first) > 30 or len(last) > 30:  # beyond any file (and int()'s digit limit): ignore
        return None
    if not first:  # suffix: the last N bytes
        n = int(last)
        return UNSATISFIABLE if n == 0 or size == 0 else (max(0, size - n), size - 1)
    start = int(first)
    if last and int(last) < start:
        return None
    if start >= size:
        return UNSATISFIABLE
    return start, min(int(last), size - 1) if last else size - 1


def etag_matches(header: str, etag: str, *, weak: bool) -> bool:
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


def http_time(value: str) -> float | None:
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return when.timestamp() if when.tzinfo else None


def if_range_ok(value: str, etag: str, last_modified: str) -> bool:
    value = value.strip()
    if value.startswith(("\"", "W/")):
        return value == etag  # strong comparison only
    return value == last_modified


class BadRequest(ValueError):
    """A request head we refuse to interpret; answered with ``status`` and a closed connection."""

    def __init__(self, status: int, text: str) -> None:
        super().__init__(text)
        self.status = status
        self.text = text


def parse_head(head: bytes) -> tuple[str, str, bytes, dict[str, str]]:
    """Request line and header fields (CRLF- or LF-separated, no final blank line) ->
    (method, target, version, {lower-case name: value}). Repeated fields are joined with ", ".
    Raises BadRequest."""
    if _BAD_BYTES.search(head):
        raise BadRequest(400, "bad request: control characters")
    lines = head.split(b"\r\n") if b"\r\n" in head else head.split(b"\n")
    if len(lines) > MAX_HEADERS + 1:
        raise BadRequest(431, "too many header fields")
    first = lines[0]
    if b"\r" in first or b"\n" in first or b"\t" in first:
        raise BadRequest(400, "bad request line")
    parts = first.split(b" ")
    if len(parts) != 3 or not parts[1]:
        raise BadRequest(400, "bad request line")
    method, target, version = parts
    if version != b"HTTP/1.1" and version != b"HTTP/1.0":
        m = _VERSION.fullmatch(version)
        if m and m.group(1) >= b"2":
            raise BadRequest(505, "HTTP version not supported")
        raise BadRequest(400, "bad request version")
    if not _TOKEN.fullmatch(method):
        raise BadRequest(400, "bad request method")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, sep, value = line.partition(b":")
        if not sep or not _TOKEN.fullmatch(name) or b"\r" in value or b"\n" in value:
            raise BadRequest(400, "bad header field")  # includes obsolete line folding
        key = name.decode("ascii").lower()
        text = value.strip(b" \t").decode("latin-1")
        if key in headers:
            if key in ("content-length", "host", "transfer-encoding"):
                raise BadRequest(400, f"repeated {key}")
            headers[key] += ", " + text
        else:
            headers[key] = text
    return method.decode("ascii"), target.decode("latin-1"), version, headers
