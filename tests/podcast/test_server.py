"""narrate serve: HEAD, byte ranges, conditional requests, types, CORS and path safety."""

from __future__ import annotations

import email.utils
import http.client
import os
import socket
from pathlib import Path

import pytest

from narrate.podcast.server import UNSATISFIABLE, ShowServer, parse_range

MP3 = "/episodes/episode-3.mp3"


def request(srv: ShowServer, method: str, path: str, **headers: str) -> tuple[int, dict, bytes]:
    host, port = srv.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=10)
    try:
        conn.request(method, path, headers=headers)
        resp = conn.getresponse()
        body = resp.read()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, body
    finally:
        conn.close()


@pytest.fixture(scope="module")
def mp3(show_dir: Path) -> bytes:
    data = (show_dir / MP3.lstrip("/")).read_bytes()
    assert len(data) > 1000
    return data


def test_parse_range_forms():
    assert parse_range("bytes=0-0", 10) == (0, 0)
    assert parse_range("bytes=2-", 10) == (2, 9)
    assert parse_range("bytes=-3", 10) == (7, 9)
    assert parse_range("bytes=-30", 10) == (0, 9)
    assert parse_range("bytes=5-100", 10) == (5, 9)
    assert parse_range("bytes=10-", 10) == UNSATISFIABLE
    assert parse_range("bytes=-0", 10) == UNSATISFIABLE
    for ignored in ("bytes=5-2", "bytes=0-1,4-5", "items=0-1", "bytes=-", "bytes=a-b", ""):
        assert parse_range(ignored, 10) is None, ignored


def test_head_matches_get(server, mp3):
    st, h, body = request(server, "HEAD", MP3)
    assert (st, body) == (200, b"")
    assert h["content-length"] == str(len(mp3))
    assert h["accept-ranges"] == "bytes"
    assert h["content-type"] == "audio/mpeg"
    assert h["etag"].startswith('"') and h["last-modified"].endswith("GMT")
    st, h2, body = request(server, "GET", MP3)
    assert st == 200 and body == mp3 and h2["content-length"] == str(len(mp3))
    assert h2["etag"] == h["etag"]
    assert "access-control-allow-origin" not in h2


@pytest.mark.parametrize("spec,first,last", [
    ("0-1", 0, 1), ("0-0", 0, 0), ("100-", 100, None), ("-500", -500, None), ("7-99999999", 7, None),
])
def test_single_ranges(server, mp3, spec, first, last):
    size = len(mp3)
    first = first % size
    last = size - 1 if last is None else last
    st, h, body = request(server, "GET", MP3, Range=f"bytes={spec}")
    assert st == 206
    assert h["content-range"] == f"bytes {first}-{last}/{size}"
    assert h["content-length"] == str(last - first + 1)
    assert body == mp3[first:last + 1]


@pytest.mark.parametrize("spec", ["999999999-", "-0"])
def test_unsatisfiable_range_is_416(server, mp3, spec):
    st, h, body = request(server, "GET", MP3, Range=f"bytes={spec}")
    assert st == 416
    assert h["content-range"] == f"bytes */{len(mp3)}"
    assert h["content-length"] == "0" and body == b""


@pytest.mark.parametrize("value", ["bytes=5-2", "bytes=0-1,4-5", "bytes=abc", "pages=1-2"])
def test_invalid_or_multi_range_gets_full_200(server, mp3, value):
    st, h, body = request(server, "GET", MP3, Range=value)
    assert st == 200 and body == mp3 and h["content-length"] == str(len(mp3))


def test_keep_alive_exact_lengths(server, mp3):
    """bytes=0-0 sends exactly one byte, so the next response on the connection is intact."""
    host, port = server.server_address[:2]
    with socket.create_connection((host, port), timeout=10) as s:
        s.sendall(b"GET " + MP3.encode() + b" HTTP/1.1\r\nHost: x\r\nRange: bytes=0-0\r\n\r\n"
                  b"HEAD " + MP3.encode() + b" HTTP/1.1\r\nHost: x\r\n\r\n"
                  b"GET " + MP3.encode() + b" HTTP/1.1\r\nHost: x\r\nRange: bytes=1-2\r\n"
                  b"Connection: close\r\n\r\n")
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    first, rest = data.split(b"\r\n\r\n", 1)
    assert first.startswith(b"HTTP/1.1 206") and b"Content-Length: 1\r\n" in first
    assert rest[:1] == mp3[:1]
    second, rest = rest[1:].split(b"\r\n\r\n", 1)
    assert second.startswith(b"HTTP/1.1 200"), second[:40]
    third, body = rest.split(b"\r\n\r\n", 1)  # HEAD sent no body: the next status line follows
    assert third.startswith(b"HTTP/1.1 206") and body == mp3[1:3]


def test_conditional_requests(server, mp3):
    _, h, _ = request(server, "HEAD", MP3)
    st, h304, body = request(server, "GET", MP3, **{"If-None-Match": h["etag"]})
    assert st == 304 and body == b"" and h304["etag"] == h["etag"]
    st, _, _ = request(server, "GET", MP3, **{"If-None-Match": '"other", ' + h["etag"]})
    assert st == 304
    st, _, body = request(server, "GET", MP3, **{"If-None-Match": '"other"'})
    assert st == 200 and body == mp3
    st, _, body = request(server, "GET", MP3, **{"If-Modified-Since": h["last-modified"]})
    assert st == 304 and body == b""
    st, _, _ = request(server, "GET", MP3, **{"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"})
    assert st == 200


def test_if_range(server, mp3):
    _, h, _ = request(server, "HEAD", MP3)
    st, _, body = request(server, "GET", MP3, Range="bytes=0-1", **{"If-Range": h["etag"]})
    assert st == 206 and body == mp3[:2]
    st, _, body = request(server, "GET", MP3, Range="bytes=0-1", **{"If-Range": h["last-modified"]})
    assert st == 206 and body == mp3[:2]
    st, _, body = request(server, "GET", MP3, Range="bytes=0-1", **{"If-Range": '"stale"'})
    assert st == 200 and body == mp3
    old = email.utils.formatdate(0, usegmt=True)
    st, _, body = request(server, "GET", MP3, Range="bytes=0-1", **{"If-Range": old})
    assert st == 200 and body == mp3


@pytest.mark.parametrize("path,ctype,cors", [
    ("/feed.xml", "application/rss+xml", True),
    ("/episodes/episode-1.vtt", "text/vtt", True),
    ("/episodes/episode-1.srt", "application/x-subrip", True),
    ("/episodes/episode-1.chapters.json", "application/json+chapters", True),
    ("/cover.jpg", "image/jpeg", False),
    ("/", "text/html", False),
    ("/index.html", "text/html", False),
    ("/episodes/episode-1.txt", "text/plain", False),
])
def test_types_and_cors(server, show_dir, path, ctype, cors):
    st, h, body = request(server, "GET", path)
    assert st == 200
    assert h["content-type"].split(";")[0] == ctype
    assert h["content-length"] == str(len(body))
    name = "index.html" if path == "/" else path.lstrip("/")
    assert body == (show_dir / name).read_bytes()
    assert (h.get("access-control-allow-origin") == "*") is cors


def test_feed_revalidation(server):
    _, h, _ = request(server, "GET", "/feed.xml")
    assert request(server, "GET", "/feed.xml", **{"If-None-Match": h["etag"]})[0] == 304
    assert request(server, "GET", "/feed.xml", **{"If-Modified-Since": h["last-modified"]})[0] == 304


@pytest.fixture(scope="module")
def canary(show_dir: Path) -> str:
    """A secret beside the show folder, and symlinks inside it pointing out."""
    secret = show_dir.parent / "secret.txt"
    secret.write_text("CANARY-7731\n")
    (show_dir / "episodes" / "leak.txt").symlink_to(secret)
    (show_dir / "outside").symlink_to(show_dir.parent, target_is_directory=True)
    return "CANARY-7731"


@pytest.mark.parametrize("path", [
    "/../secret.txt", "/episodes/../../secret.txt", "/%2e%2e/secret.txt", "/%2e%2e%2fsecret.txt",
    "/..%2fsecret.txt", "/episodes/%2E%2E/%2E%2E/secret.txt", "/..%5csecret.txt",
    "/%252e%252e/secret.txt", "/%c0%ae%c0%ae/secret.txt", "/episodes/leak.txt",
    "/outside/secret.txt", "//secret.txt", "/catalog.sqlite", "/narrate.toml", "/episodes/",
    "/../../../../etc/passwd", "/.hidden",
])
def test_nothing_outside_the_show(server, canary, path):
    st, h, body = request(server, "GET", path)
    assert canary.encode() not in body and b"root:" not in body
    assert st == 404
    assert h["content-length"] == str(len(body))


def test_symlink_inside_the_show_is_served(server, show_dir, mp3):
    link = show_dir / "episodes" / "alias.mp3"
    if not link.exists():
        os.symlink(show_dir / MP3.lstrip("/"), link)
    st, _, body = request(server, "GET", "/episodes/alias.mp3")
    assert st == 200 and body == mp3


def test_other_methods(server):
    st, h, _ = request(server, "POST", "/feed.xml")
    assert st == 405 and "GET" in h["allow"]
    st, h, body = request(server, "OPTIONS", "/episodes/episode-1.vtt")
    assert st == 204 and h["access-control-allow-origin"] == "*" and body == b""


def test_client_reset_prints_no_traceback(server, capsys):
    import struct
    import time

    host, port = server.server_address[:2]
    s = socket.create_connection((host, port), timeout=10)
    s.sendall(b"HEAD /feed.xml HTTP/1.1\r\nHost: x\r\n\r\n")
    assert s.recv(4096).startswith(b"HTTP/1.1 200")
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()  # RST while the server waits for the next request on this connection
    time.sleep(0.3)
    assert "Traceback" not in capsys.readouterr().err


def test_fifo_and_folders_are_not_served(server, show_dir):
    fifo = show_dir / "episodes" / "pipe.mp3"
    if not fifo.exists():
        os.mkfifo(fifo)
    assert request(server, "GET", "/episodes/pipe.mp3")[0] == 404
    assert request(server, "GET", "/episodes")[0] == 404


def test_server_header(server):
    assert request(server, "HEAD", "/feed.xml")[1]["server"].startswith("narrate/")


def _has_ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as sock:
            sock.bind(("::1", 0))
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _has_ipv6_loopback(), reason="no IPv6 loopback here")
def test_an_ipv6_listener_prints_a_url_that_works(show_dir):
    """Rule: the URL `narrate serve` prints is one a client can open: an IPv6 address is in
    brackets (it printed http://::1:34121/feed.xml)."""
    srv = ShowServer(show_dir, "::1", 0, quiet=True)
    try:
        assert srv.url == f"http://[::1]:{srv.server_address[1]}/"
        from urllib.parse import urlsplit

        parts = urlsplit(srv.url)
        assert (parts.hostname, parts.port) == ("::1", srv.server_address[1])
    finally:
        srv.server_close()


@pytest.mark.parametrize("host", ["999.1.1.1", "no-such-host.invalid"])
def test_a_host_that_is_not_here_is_one_line_in_words(show_dir, host):
    from narrate.errors import ConfigError

    with pytest.raises(ConfigError) as info:
        ShowServer(show_dir, host, 0, quiet=True)
    text = str(info.value)
    assert f"cannot listen on {host}:0" in text and "--host" in text
    assert "Errno" not in text and "\n" not in text
