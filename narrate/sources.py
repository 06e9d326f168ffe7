"""Getting bytes from outside: a file, an http(s) URL, or "-" (stdin).

All I/O and every size limit lives here (STYLE rule 3): readers only ever see a ``Source``.
``fetch`` is narrate's ONE HTTP client (articles, publisher audio, cover images, EPUB images):
a per-socket timeout and an overall deadline, a size cap that holds for decoded gzip too, at
most five redirects and only to http(s), allowed content types, and credentials in a URL never
shown. Every failure is one ``SourceError`` line naming the source.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import http.client
import os
import re
import socket
import ssl
import stat
import sys
import threading
import time
import urllib.parse
import urllib.request
import zlib
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from narrate.errors import SourceError
from narrate.fileio import atomic_path

MAX_BYTES = 50 * 1024 * 1024  # a page bigger than this is not an article
TIMEOUT = 20.0  # seconds for a whole article download (the README's promise)
SOCKET_TIMEOUT = 10.0  # seconds without a byte before a connection is given up
MAX_REDIRECTS = 5
USER_AGENT = "narrate/0.1 (+https://github.com/narrate; article narration)"
# What a server says when it does not know the type (S3 says binary/…): let the decoder judge.
UNTYPED = ("application/octet-stream", "binary/octet-stream")
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


# Tracking parameters that many sites carry and none uses to pick content: Google Analytics'
# utm_*, Facebook's fbclid, Google Ads' gclid, Mailchimp's mc_cid/mc_eid. One publisher's own
# parameters are left alone: on another site the same name may select the page.
_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid)$", re.I)


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
    if not spec.strip():  # Path("") is the current folder: say what was given instead
        raise SourceError("empty source name: give a file, an http(s) URL or -", repr(spec))
    scheme = spec.split(":", 1)[0].lower() if re.match(r"^[A-Za-z][\w+.-]*:", spec) else ""
    if scheme in ("http", "https"):
        return _load_url(spec)
    if scheme == "file":
        return _load_file(Path(urllib.request.url2pathname(urllib.parse.urlsplit(spec).path)), spec)
    if scheme and "://" in spec and not Path(spec).exists():
        raise SourceError(f"{scheme}: URLs cannot be read; give an http(s) URL, a file or -",
                          redact(spec))
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
        raise SourceError(f"larger than the {_size(limit)} limit", name)
    return b"".join(chunks)


def _load_stream(stream: BinaryIO, name: str) -> Source:
    return Source(name=name, url=None, data=_read_capped(stream, name))


_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"))


def _not_regular(mode: int, name: str) -> SourceError | None:
    if stat.S_ISDIR(mode):
        return SourceError("is a folder, not an article file", name)
    if stat.S_ISREG(mode):
        return None
    kind = next((k for test, k in _KINDS if test(mode)), "not a regular file")
    return SourceError(f"is {kind}, not a regular file; save it to a file, or pipe it in as -",
                       name)


def _load_file(path: Path, name: str) -> Source:
    """A regular file only: a FIFO or device would block or never end, so it is refused unread."""
    try:
        if error := _not_regular(path.stat().st_mode, name):
            raise error
        # O_NONBLOCK: if the path was swapped for a FIFO since the stat, open must not block.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as fh:
            info = os.fstat(fh.fileno())
            if error := _not_regular(info.st_mode, name):
                raise error
            if info.st_size > MAX_BYTES:
                raise SourceError(f"larger than the {_size(MAX_BYTES)} limit", name)
            data = _read_capped(fh, name)
    except FileNotFoundError:
        raise SourceError("no such file", name) from None
    except PermissionError:
        raise SourceError("permission denied", name) from None
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}", name) from None
    return Source(name=name, url=None, data=data)


def _load_url(url: str) -> Source:
    got = fetch(url, accept=ACCEPTED_TYPES, max_bytes=MAX_BYTES, deadline=TIMEOUT)
    return Source(name=redact(url), url=got.final_url, data=got.data or b"",
                  media_type=got.media_type, charset=got.charset)


# --- the one HTTP client -----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Fetched:
    """One download. ``url``/``final_url`` carry no credentials (safe to store and show);
    ``data`` is None when the body was streamed to ``path``."""

    url: str
    final_url: str
    data: bytes | None
    path: Path | None
    media_type: str | None
    charset: str | None


_USERINFO = re.compile(r"^([A-Za-z][\w+.-]*://)[^/?#]*@")
_HOST = re.compile(r"[A-Za-z0-9._~%:-]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # C0, DEL and C1 (\x9b is a CSI)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


def redact(url: str) -> str:
    """``url`` with any ``user:password@`` shown as ``***@`` and control characters escaped:
    for messages and source names."""
    url = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", url)
    return _USERINFO.sub(r"\1***@", url)


def _without_credentials(url: str) -> str:
    return _USERINFO.sub(r"\1", url)


def fetch(url: str, *, accept: Collection[str], max_bytes: int, deadline: float,
          name: str | None = None, to_path: Path | None = None,
          timeout: float = SOCKET_TIMEOUT) -> Fetched:
    """GET ``url`` (http or https) within ``deadline`` seconds in all, redirects included.

    ``accept`` holds media types; one ending in "/" (``"audio/"``) is a prefix. A response
    without a Content-Type passes (the caller's reader or decoder judges the bytes). At most
    ``max_bytes`` are read and, for gzip/deflate, decoded. With ``to_path`` the body goes
    atomically to that file (nothing left on failure) instead of into ``data``.
    SourceError, named ``name`` or the redacted URL, for every failure.
    """
    shown = name or redact(url)
    clock = _Clock(deadline, timeout)
    current, seen = url, {url}
    for _hop in range(MAX_REDIRECTS + 1):
        target = _Target.parse(current, shown)
        try:
            with _Link(target, clock) as link:
                resp = link.get(accept)
                if resp.status in _REDIRECTS:
                    current = _next_hop(resp, current, seen, shown)
                    continue
                if not 200 <= resp.status < 300:
                    raise SourceError(f"HTTP {resp.status} {resp.reason}".strip(), shown)
                media_type, charset = _check_head(resp, accept, max_bytes, shown)
                data = _body(resp, max_bytes, link, shown, to_path)
        except SourceError:
            raise
        except (OSError, http.client.HTTPException, ValueError) as exc:
            raise SourceError(_network_reason(exc, clock, target), shown) from None
        return Fetched(_without_credentials(url), _without_credentials(current), data,
                       to_path, media_type, charset)
    raise SourceError(f"too many redirects (more than {MAX_REDIRECTS})", shown)


class _Clock:
    """The overall deadline and the per-socket timeout that fits inside it."""

    def __init__(self, deadline: float, timeout: float) -> None:
        self.deadline = deadline
        self.timeout = timeout
        self.ends = time.monotonic() + deadline
        self.fired = False

    def left(self) -> float:
        return self.ends - time.monotonic()

    def socket_timeout(self) -> float:
        left = self.left()
        if left <= 0:
            self.fired = True
            raise TimeoutError
        return min(self.timeout, left)


@dataclass(frozen=True, slots=True)
class _Target:
    https: bool
    host: str
    port: int | None
    path: str
    auth: str | None

    @classmethod
    def parse(cls, url: str, shown: str) -> _Target:
        """The parts of an http(s) URL, or SourceError: one line, credentials redacted."""
        try:
            parts = urllib.parse.urlsplit(url.strip())
            port = parts.port
        except ValueError as exc:
            raise SourceError(f"not a valid URL ({_first_line(exc)})", shown) from None
        try:
            host = (parts.hostname or "").encode("idna").decode("ascii")
        except UnicodeError:  # an empty label ("a..b") or one over 63 characters
            raise SourceError("not a valid URL (bad host name)", shown) from None
        if parts.scheme.lower() not in ("http", "https"):
            raise SourceError("only http and https URLs can be fetched", shown)
        if not host:
            raise SourceError("not a valid URL (no host name)", shown)
        if not _HOST.fullmatch(host):
            raise SourceError("not a valid URL (bad host name)", shown)
        path = urllib.parse.quote(parts.path or "/", safe="/%:@!$&'()*+,;=~[]")
        if parts.query:
            path += "?" + urllib.parse.quote(parts.query, safe="/%:@!$&'()*+,;=~[]?")
        auth = None
        if parts.username is not None:
            user = urllib.parse.unquote(parts.username)
            password = urllib.parse.unquote(parts.password or "")
            auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        return cls(parts.scheme.lower() == "https", host, port, path, auth)


@functools.cache
def _tls() -> ssl.SSLContext:
    """One TLS context per process: loading the system's CA certificates costs ~20 ms of CPU,
    and an episode fetches a cover and the EPUB's images (measured: 17 contexts in one batch)."""
    return ssl.create_default_context()


class _Link:
    """One connection whose socket is shut at the deadline, so no read outlives it (a server
    trickling a byte a second resets every socket timeout, but not this)."""

    def __init__(self, target: _Target, clock: _Clock) -> None:
        self.target, self.clock = target, clock
        self.path, self.headers = target.path, {}
        timeout = clock.socket_timeout()
        port = target.port or (443 if target.https else 80)  # explicit, or "::1" parses as ":"
        host, proxy = target.host, _proxy_for(target)
        if proxy:
            host, port, proxy_auth = proxy
        if target.https:
            self.conn: http.client.HTTPConnection = http.client.HTTPSConnection(
                host, port, timeout=timeout, context=_tls())
        else:
            self.conn = http.client.HTTPConnection(host, port, timeout=timeout)
        if proxy and target.https:  # CONNECT through the proxy, TLS end to end
            self.conn.set_tunnel(target.host, target.port or 443,
                                 {"Proxy-Authorization": proxy_auth} if proxy_auth else None)
        elif proxy:  # a plain-http proxy takes the absolute URL
            netloc = f"[{target.host}]" if ":" in target.host else target.host
            netloc += f":{target.port}" if target.port else ""
            self.path = f"http://{netloc}{target.path}"
            if proxy_auth:
                self.headers["Proxy-Authorization"] = proxy_auth
        self.sock: socket.socket | None = None
        self.watchdog = threading.Timer(max(clock.left(), 0.0), self._expire)
        self.watchdog.daemon = True

    def __enter__(self) -> _Link:
        self.watchdog.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.watchdog.cancel()
        self.conn.close()
        if self.sock is not None:
            self.sock.close()

    def _expire(self) -> None:
        self.clock.fired = True
        sock = self.sock or self.conn.sock
        if sock is not None:
            with contextlib.suppress(OSError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)

    def get(self, accept: Collection[str]) -> http.client.HTTPResponse:
        headers = {
            "User-Agent": USER_AGENT,
            "Accept": ", ".join(a + "*" if a.endswith("/") else a for a in accept) or "*/*",
            "Accept-Encoding": "gzip, deflate",
            "Connection": "close",
        }
        if self.target.auth:
            headers["Authorization"] = self.target.auth
        # resolve and connect within the deadline too (http.client's own hook for connecting)
        addresses = _resolve(self.conn.host, self.conn.port, self.clock)
        self.conn._create_connection = lambda *_: self._connect(addresses)  # type: ignore[attr-defined]
        self.conn.connect()
        self.sock = self.conn.sock  # kept: the response takes the socket over from conn
        self.tick()
        self.conn.request("GET", self.path, headers=headers | self.headers)
        return self.conn.getresponse()

    def _connect(self, addresses: list[tuple]) -> socket.socket:
        error: OSError = OSError("no address to connect to")
        for family, kind, proto, _name, address in addresses:
            sock = socket.socket(family, kind, proto)
            try:
                sock.settimeout(self.clock.socket_timeout())
                sock.connect(address)
                return sock
            except OSError as exc:
                sock.close()
                error = exc
        raise error

    def tick(self) -> None:
        """Before each read: stop if the deadline passed, else wait at most what is left."""
        if self.clock.fired:
            raise TimeoutError
        if self.sock is not None:
            self.sock.settimeout(self.clock.socket_timeout())


def _resolve(host: str, port: int, clock: _Clock) -> list[tuple]:
    """getaddrinfo, given no more than the time left: a resolver that hangs is not waited for
    (its thread ends on its own; the download has failed by then)."""
    found: list[tuple] = []
    failed: list[OSError] = []

    def look_up() -> None:
        try:
            found.extend(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except OSError as exc:
            failed.append(exc)

    worker = threading.Thread(target=look_up, daemon=True)
    worker.start()
    worker.join(max(clock.left(), 0.0))
    if worker.is_alive():
        clock.fired = True
        raise TimeoutError
    if failed:
        raise failed[0]
    return found


def _proxy_for(target: _Target) -> tuple[str, int, str | None] | None:
    """The proxy from $http_proxy/$https_proxy (not for hosts in $no_proxy), as urllib did."""
    proxies = urllib.request.getproxies_environment()
    url = proxies.get("https" if target.https else "http")
    if not url or urllib.request.proxy_bypass_environment(target.host, proxies):
        return None
    proxy = _Target.parse(url if "://" in url else "http://" + url, "proxy " + redact(url))
    return proxy.host, proxy.port or (443 if proxy.https else 80), proxy.auth


def _next_hop(resp: http.client.HTTPResponse, current: str, seen: set[str], shown: str) -> str:
    location = (resp.getheader("Location") or "").strip()
    if not location:
        raise SourceError(f"HTTP {resp.status} redirect without a Location", shown)
    try:
        nxt = urllib.parse.urljoin(current, location)
    except ValueError:
        raise SourceError(f"redirect to a malformed URL {redact(location)[:100]!r}", shown) from None
    scheme = nxt.split(":", 1)[0].lower() if ":" in nxt else ""
    if scheme not in ("http", "https"):
        raise SourceError(f"redirect to {redact(nxt)[:100]} refused (only http and https are "
                          "followed)", shown)
    if nxt in seen:
        raise SourceError(f"redirect loop (back to {redact(nxt)[:100]})", shown)
    seen.add(nxt)
    return nxt


def _check_head(resp: http.client.HTTPResponse, accept: Collection[str], max_bytes: int,
                shown: str) -> tuple[str | None, str | None]:
    media_type = resp.headers.get_content_type().lower() if resp.getheader("Content-Type") else None
    if media_type and not any(media_type == a or (a.endswith("/") and media_type.startswith(a))
                              for a in accept):
        wanted = ", ".join(sorted(a + "*" if a.endswith("/") else a for a in accept))
        raise SourceError(f"content type {media_type} refused (expected {wanted})", shown)
    length = (resp.getheader("Content-Length") or "").strip()
    if length.isdigit() and int(length) > max_bytes:
        raise SourceError(f"larger than the {_size(max_bytes)} limit "
                          f"(Content-Length {int(length)})", shown)
    return media_type, resp.headers.get_content_charset()


def _body(resp: http.client.HTTPResponse, max_bytes: int, link: _Link, shown: str,
          to_path: Path | None) -> bytes | None:
    chunks = _decoded(resp, max_bytes, link, shown)
    if to_path is None:
        return b"".join(chunks)
    with atomic_path(to_path) as tmp, open(tmp, "wb") as out:
        while True:
            # a network failure is the source's (SourceError); only a failed write (disk full,
            # permission) reaches atomic_path, which names the file and removes the .part
            try:
                chunk = next(chunks, None)
            except (OSError, http.client.HTTPException) as exc:
                raise SourceError(_network_reason(exc, link.clock, link.target), shown) from None
            if chunk is None:
                return None
            out.write(chunk)


def _decoded(resp: http.client.HTTPResponse, max_bytes: int, link: _Link,
             shown: str) -> Iterator[bytes]:
    """The body's chunks, decoded, never more than ``max_bytes`` read or produced (a gzip
    bomb stops at the cap: each step inflates at most what is still allowed)."""
    encoding = (resp.getheader("Content-Encoding") or "identity").strip().lower()
    if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
        raise SourceError(f"unsupported Content-Encoding {encoding[:40]}", shown)
    inflater = None
    raw = made = 0
    while True:
        link.tick()
        chunk = resp.read1(1 << 16)
        if link.clock.fired:
            raise TimeoutError
        if not chunk:
            break
        raw += len(chunk)
        if raw > max_bytes:
            raise SourceError(f"larger than the {_size(max_bytes)} limit", shown)
        if encoding != "identity":
            inflater = inflater or _inflater(encoding, chunk)
            try:
                chunk = inflater.decompress(chunk, max_bytes - made + 1)
            except zlib.error:
                raise SourceError(f"{encoding} response is corrupt", shown) from None
        made += len(chunk)
        if made > max_bytes:
            raise SourceError(f"larger than the {_size(max_bytes)} limit (decompressed)", shown)
        if chunk:
            yield chunk
    if resp.length:  # the server closed before sending all it announced
        raise http.client.IncompleteRead(b"", resp.length)
    if inflater is not None and not inflater.eof:
        raise SourceError(f"{encoding} response is truncated", shown)


def _inflater(encoding: str, first: bytes) -> zlib._Decompress:
    if encoding != "deflate":
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    # "deflate" is meant to be zlib-wrapped, but some servers send raw deflate
    is_zlib = len(first) >= 2 and first[0] & 0x0F == 8 and (first[0] << 8 | first[1]) % 31 == 0
    return zlib.decompressobj(zlib.MAX_WBITS if is_zlib else -zlib.MAX_WBITS)


def _network_reason(exc: BaseException, clock: _Clock, target: _Target) -> str:
    if clock.fired or clock.left() <= 0:
        return f"timed out: not done within the {clock.deadline:g} s limit"
    if isinstance(exc, TimeoutError):
        return f"timed out: no data for {clock.timeout:g} s"
    if isinstance(exc, ConnectionRefusedError):
        return f"cannot connect to {target.host}: connection refused"
    if isinstance(exc, socket.gaierror):
        return f"cannot connect: unknown host {target.host}"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"TLS certificate not accepted: {exc.verify_message or exc.reason}"
    if isinstance(exc, http.client.InvalidURL):
        return f"not a valid URL ({_first_line(exc)[:60]})"
    if isinstance(exc, http.client.IncompleteRead):
        return "the connection closed before the whole response arrived"
    if isinstance(exc, http.client.HTTPException):
        return f"not a valid HTTP response ({_http_fault(exc)})"
    if isinstance(exc, ValueError):
        return f"not a valid URL ({_first_line(exc)})"
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else _first_line(exc)
    return f"cannot fetch: {reason}"


def _http_fault(exc: http.client.HTTPException) -> str:
    """What was wrong with the response, in words (not http.client's class names)."""
    if isinstance(exc, http.client.RemoteDisconnected):
        return "the server closed the connection without answering"
    if isinstance(exc, http.client.LineTooLong):
        return "a status or header line longer than 64 KB"
    if isinstance(exc, http.client.BadStatusLine):
        return "no HTTP status line: is this an HTTP server?"
    if isinstance(exc, http.client.UnknownProtocol):
        return "not HTTP/1.x"
    if "more than" in str(exc) and "headers" in str(exc):
        return "more than 100 header lines"
    return "malformed status line or headers"


def _first_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:120] or type(exc).__name__


def _size(n: int) -> str:
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:g} {unit}"
    return f"{n} bytes"
