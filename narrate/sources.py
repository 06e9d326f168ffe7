"""Getting an article's bytes: a file, an http(s) URL, or "-" (stdin).

All I/O and every size limit lives here (STYLE rule 3): readers only ever see a ``Source``.
Nothing reads more than ``MAX_BYTES + 1`` bytes, so a huge file or an endless response costs
bounded memory, and every failure is one ``SourceError`` line naming the source.
"""

from __future__ import annotations

import re
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from typing import BinaryIO

from narrate.errors import SourceError

MAX_BYTES = 50 * 1024 * 1024  # a page bigger than this is not an article
TIMEOUT = 20.0  # seconds, per network operation
MAX_REDIRECTS = 5
USER_AGENT = "narrate/0.1 (+article narration; python-urllib)"
# Media types a reader can make sense of; anything else from a server is refused.
ACCEPTED_TYPES = frozenset({
    "text/html", "application/xhtml+xml", "text/markdown", "text/x-markdown",
    "text/plain", "application/xml", "text/xml",
})


@dataclass(frozen=True, slots=True)
class Source:
    """The raw bytes of one article plus what the transport said about them."""

    name: str
    url: str | None
    data: bytes
    media_type: str | None = None
    charset: str | None = None


_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|smid|smtyp|cmpid|ocid)$", re.I)


def resolve_url(base: str | None, href: str) -> str:
    """``href`` made absolute against ``base`` (readers do no URL handling of their own)."""
    href = (href or "").strip()
    if not base or not href or href.startswith(("mailto:", "tel:", "#", "data:")):
        return href
    try:
        return urllib.parse.urljoin(base, href)
    except ValueError:
        return href


def canonical_url(url: str) -> str:
    """The URL without tracking parameters (utm_*, fbclid, …): the article's own address."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return url
    if not parts.query:
        return url
    kept = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
            if not _TRACKING.match(k)]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(kept)))


def load(spec: str) -> Source:
    """Load ``spec``: an http(s) URL, "-" for stdin, or a file path. Raises SourceError."""
    if spec == "-":
        return _load_stream(sys.stdin.buffer, "-")
    scheme = urllib.parse.urlsplit(spec).scheme.lower()
    if scheme in ("http", "https"):
        return _load_url(spec)
    if scheme == "file":
        return _load_file(Path(urllib.request.url2pathname(urllib.parse.urlsplit(spec).path)), spec)
    return _load_file(Path(spec), spec)


def _read_capped(stream: BinaryIO, name: str, limit: int | None = None) -> bytes:
    limit = MAX_BYTES if limit is None else limit
    chunks: list[bytes] = []
    total = 0
    while total <= limit:
        chunk = stream.read(min(1 << 20, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > limit:
        raise SourceError(f"larger than the {limit // (1024 * 1024)} MB limit", name)
    return b"".join(chunks)


def _load_stream(stream: BinaryIO, name: str) -> Source:
    return Source(name=name, url=None, data=_read_capped(stream, name))


def _load_file(path: Path, name: str) -> Source:
    try:
        if path.is_dir():
            raise SourceError("is a folder, not an article file", name)
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SourceError(f"larger than the {MAX_BYTES // (1024 * 1024)} MB limit", name)
        with path.open("rb") as fh:
            data = _read_capped(fh, name)
    except FileNotFoundError:
        raise SourceError("no such file", name) from None
    except PermissionError:
        raise SourceError("permission denied", name) from None
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}", name) from None
    return Source(name=name, url=None, data=data)


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_LimitedRedirects())


def _load_url(url: str) -> Source:
    request = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,text/markdown;q=0.9,text/plain;q=0.8",
    })
    try:
        with _opener().open(request, timeout=TIMEOUT) as resp:
            headers: Message = resp.headers
            media_type = (headers.get_content_type() or "").lower() if headers.get("Content-Type") else None
            if media_type and media_type not in ACCEPTED_TYPES:
                raise SourceError(f"not an article page (Content-Type {media_type})", url)
            length = headers.get("Content-Length")
            if length and length.isdigit() and int(length) > MAX_BYTES:
                raise SourceError(f"larger than the {MAX_BYTES // (1024 * 1024)} MB limit", url)
            data = _read_capped(resp, url)
            charset = headers.get_content_charset()
            final = resp.geturl() or url
    except SourceError:
        raise
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:
            raise SourceError(f"too many redirects (more than {MAX_REDIRECTS})", url) from None
        raise SourceError(f"HTTP {exc.code} {exc.reason}", url) from None
    except urllib.error.URLError as exc:
        raise SourceError(f"cannot fetch: {exc.reason}", url) from None
    except TimeoutError:
        raise SourceError(f"timed out after {TIMEOUT:g} s", url) from None
    except (OSError, ValueError) as exc:
        raise SourceError(f"cannot fetch: {exc}", url) from None
    return Source(name=url, url=final, data=data, media_type=media_type, charset=charset)
