"""narrate.sources.load: files, stdin and http(s) URLs (a real local server on 127.0.0.1)."""

from __future__ import annotations

import io
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from narrate import sources
from narrate.errors import SourceError
from narrate.sources import Source, load

PAGE = ("<html><body><p>Grüße aus dem Hafen: die Fähre fährt heute später, "
        "weil der Wind über Nacht gedreht hat.</p></body></html>")


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, code: int, body: bytes, ctype: str | None, extra: dict | None = None) -> None:
        self.send_response(code)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path = self.path
        if path == "/latin1":
            self._send(200, PAGE.encode("latin-1"), "text/html; charset=ISO-8859-1")
        elif path == "/utf8":
            self._send(200, PAGE.encode("utf-8"), "text/html; charset=utf-8")
        elif path == "/md":
            self._send(200, b"# Title\n\nText.", "text/markdown")
        elif path == "/png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "image/png")
        elif path == "/missing":
            self._send(404, b"not here", "text/plain")
        elif path.startswith("/hop/"):
            n = int(path.rsplit("/", 1)[1])
            if n == 0:
                self._send(200, PAGE.encode("utf-8"), "text/html; charset=utf-8")
            else:
                self._send(302, b"", None, {"Location": f"/hop/{n - 1}"})
        elif path == "/slow":
            time.sleep(2)
            self._send(200, PAGE.encode(), "text/html")
        elif path == "/huge":
            self._send(200, b"<p>" + b"x" * 4000 + b"</p>", "text/html")
        else:
            self._send(500, b"", "text/plain")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_file(tmp_path) -> None:
    path = tmp_path / "a.html"
    path.write_bytes(PAGE.encode())
    src = load(str(path))
    assert src == Source(name=str(path), url=None, data=PAGE.encode())


def test_missing_file_is_one_line_error(tmp_path) -> None:
    with pytest.raises(SourceError) as err:
        load(str(tmp_path / "nope.html"))
    assert str(err.value) == f"{tmp_path / 'nope.html'}: no such file"


def test_folder_is_refused(tmp_path) -> None:
    with pytest.raises(SourceError, match="folder"):
        load(str(tmp_path))


def test_file_over_the_cap_is_refused_without_reading_it(tmp_path) -> None:
    path = tmp_path / "big.html"
    with path.open("wb") as fh:  # sparse: 50 MB + 1 byte, written in no time
        fh.truncate(sources.MAX_BYTES + 1)
    started = time.perf_counter()
    with pytest.raises(SourceError, match="larger than the 50 MB limit") as err:
        load(str(path))
    assert time.perf_counter() - started < 1.0
    assert str(err.value).startswith(str(path))


def test_stream_is_capped(monkeypatch) -> None:
    monkeypatch.setattr(sources, "MAX_BYTES", 10)
    with pytest.raises(SourceError, match="limit"):
        sources._read_capped(io.BytesIO(b"x" * 11), "-")
    assert sources._read_capped(io.BytesIO(b"x" * 10), "-") == b"x" * 10


def test_stdin(monkeypatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(PAGE.encode()))
    monkeypatch.setattr(sys, "stdin", fake)
    src = load("-")
    assert src.name == "-" and src.data == PAGE.encode()


def test_url_with_charset_header(server: str) -> None:
    src = load(server + "/latin1")
    assert src.media_type == "text/html"
    assert src.charset == "iso-8859-1"
    assert src.url == server + "/latin1"
    import narrate.readers as readers

    assert "Grüße" in readers.read_source(src).body_text()


def test_url_markdown(server: str) -> None:
    src = load(server + "/md")
    assert src.media_type == "text/markdown"


def test_url_redirects_followed_up_to_five(server: str) -> None:
    src = load(server + "/hop/5")
    assert src.url == server + "/hop/0"
    with pytest.raises(SourceError, match="too many redirects"):
        load(server + "/hop/6")


def test_url_wrong_content_type(server: str) -> None:
    with pytest.raises(SourceError, match="image/png"):
        load(server + "/png")


def test_url_http_error(server: str) -> None:
    with pytest.raises(SourceError, match="HTTP 404") as err:
        load(server + "/missing")
    assert "\n" not in str(err.value)


def test_url_timeout(server: str, monkeypatch) -> None:
    monkeypatch.setattr(sources, "TIMEOUT", 0.3)
    with pytest.raises(SourceError, match="timed out|cannot fetch"):
        load(server + "/slow")


def test_url_size_cap(server: str, monkeypatch) -> None:
    monkeypatch.setattr(sources, "MAX_BYTES", 1000)
    with pytest.raises(SourceError, match="limit"):
        load(server + "/huge")


def test_unreachable_host() -> None:
    with pytest.raises(SourceError, match="cannot connect"):
        load("http://127.0.0.1:9/")


@pytest.mark.parametrize("kind", ["fifo", "device", "socket"])
def test_only_regular_files_are_read(tmp_path, kind: str) -> None:
    # a FIFO with no writer would block forever, a device may never end: refused unread
    import os
    import socket

    if kind == "fifo":
        path = tmp_path / "pipe"
        os.mkfifo(path)
    elif kind == "device":
        path = tmp_path / "zero"
        path.symlink_to("/dev/zero")
    else:
        path = tmp_path / "sock"
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
    started = time.perf_counter()
    with pytest.raises(SourceError, match="not a regular file") as err:
        load(str(path))
    assert time.perf_counter() - started < 1.0
    assert str(err.value).startswith(str(path)) and "\n" not in str(err.value)
    if kind == "socket":
        server.close()


def test_canonical_url_drops_only_cross_site_tracking() -> None:
    url = ("https://news.example/a?id=7&utm_source=x&UTM_campaign=y&fbclid=1&gclid=2"
           "&mc_cid=3&mc_eid=4&smid=nytcore&cmpid=5")
    # the widely used trackers go; one publisher's names stay (elsewhere they may pick content)
    assert sources.canonical_url(url) == "https://news.example/a?id=7&smid=nytcore&cmpid=5"
    assert sources.canonical_url("https://news.example/a") == "https://news.example/a"


def test_other_url_schemes_are_one_line(tmp_path) -> None:
    with pytest.raises(SourceError) as err:
        load("ftp://joe:pw@example.org/a.html")
    assert str(err.value) == ("ftp://***@example.org/a.html: ftp: URLs cannot be read; "
                              "give an http(s) URL, a file or -")


@pytest.mark.parametrize("spec", ["", " ", "\t"])
def test_an_empty_source_name_is_not_the_current_folder(spec):
    """``narrate export "$UNSET"`` says the name is empty instead of "is a folder"."""
    with pytest.raises(SourceError, match="empty source name") as info:
        load(spec)
    assert str(info.value).startswith(repr(spec) + ": ")
