"""narrate.sources.fetch, the one HTTP client, against a real server on 127.0.0.1.

Each hostile case is decided from the rule, not from the output: a trickling server is cut at
the deadline, a gzip bomb at the size cap, a redirect to anything but http(s) is refused and
says so, credentials never appear in a message, and every failure is one SourceError line.
"""

from __future__ import annotations

import ast
import base64
import gzip
import re
import socket
import threading
import time
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from narrate import sources
from narrate.errors import SourceError
from narrate.sources import fetch, load, redact

HTML = ("text/html",)
PAGE = b"<html><body><p>" + b"A plain paragraph of an article. " * 40 + b"</p></body></html>"
BOMB = gzip.compress(b"\0" * (20 << 20))  # 20 MB of zeros in about 20 KB


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, code: int, body: bytes = b"", ctype: str | None = "text/html",
              headers: dict[str, str] | None = None, length: int | None = None) -> None:
        self.send_response(code)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def _trickle(self, head: bool) -> None:
        """One byte every 0.1 s for up to 20 s: each read finishes, the download never does."""
        data = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" if head else b"") + PAGE * 50
        if not head:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
        try:
            for i in range(200):
                self.wfile.write(data[i:i + 1])
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass
        self.close_connection = True

    def _huge_unannounced(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Connection", "close")
        self.end_headers()
        try:
            for _ in range(64):
                self.wfile.write(b"x" * 65536)
        except OSError:
            pass
        self.close_connection = True

    def _auth(self) -> None:
        wanted = "Basic " + base64.b64encode(b"joe:s3cr:et").decode()
        if self.headers.get("Authorization") == wanted:
            self._send(200, PAGE)
        else:
            self._send(401, b"who are you", "text/plain")

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path = self.path
        if path.startswith("http://"):  # asked as a proxy: say who it was for
            host = self.headers.get("Host", "")
            auth = self.headers.get("Proxy-Authorization", "")
            self._send(200, f"proxied {path} host={host} auth={auth}".encode(), "text/plain")
            return
        special = {
            "/unannounced-huge": self._huge_unannounced,
            "/trickle": lambda: self._trickle(head=False),
            "/trickle-head": lambda: self._trickle(head=True),
            "/auth": self._auth,
            "/agent": lambda: self._send(200, (self.headers.get("User-Agent") or "").encode(),
                                         "text/plain"),
        }
        if path in special:
            special[path]()
        elif path.startswith("/hop/"):
            n = int(path.rsplit("/", 1)[1])
            if n == 0:
                self._send(200, PAGE)
            else:
                self._send(302, ctype=None, headers={"Location": f"/hop/{n - 1}"})
        elif path in ROUTES:
            code, body, ctype, headers, length = ROUTES[path]
            self._send(code, body, ctype, headers, length)
            if path == "/short":
                self.close_connection = True
        else:
            self._send(404, b"not here", "text/plain")


def _raw_deflate(data: bytes) -> bytes:
    raw = zlib.compressobj(wbits=-15)
    return raw.compress(data) + raw.flush()


# path: (status, body, Content-Type, extra headers, Content-Length if not the body's)
ROUTES: dict[str, tuple[int, bytes, str | None, dict[str, str], int | None]] = {
    "/page": (200, PAGE, "text/html; charset=utf-8", {}, None),
    "/untyped": (200, PAGE, None, {}, None),
    "/png": (200, b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png", {}, None),
    "/gzip": (200, gzip.compress(PAGE), "text/html", {"Content-Encoding": "gzip"}, None),
    "/deflate": (200, zlib.compress(PAGE), "text/html", {"Content-Encoding": "deflate"}, None),
    "/raw-deflate": (200, _raw_deflate(PAGE), "text/html", {"Content-Encoding": "deflate"}, None),
    "/bomb": (200, BOMB, "text/html", {"Content-Encoding": "gzip"}, None),
    "/brotli": (200, b"xx", "text/html", {"Content-Encoding": "br"}, None),
    "/announced-huge": (200, b"", "text/html", {}, 10**12),
    "/short": (200, PAGE[:100], "text/html", {}, len(PAGE)),
    "/loop-a": (301, b"", None, {"Location": "/loop-b"}, None),
    "/loop-b": (307, b"", None, {"Location": "/loop-a"}, None),
    "/to-ftp": (302, b"", None, {"Location": "ftp://joe:hunter2@example.org/a.mp3"}, None),
    "/to-file": (302, b"", None, {"Location": "file:///etc/passwd"}, None),
}


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens once the socket is closed


def _error(url: str, **kw: object) -> str:
    kw = {"accept": HTML, "max_bytes": 1 << 20, "deadline": 5.0} | kw
    with pytest.raises(SourceError) as err:
        fetch(url, **kw)  # type: ignore[arg-type]
    text = str(err.value)
    assert "\n" not in text and "Traceback" not in text
    return text


def test_plain_page_with_charset_and_user_agent(server: str) -> None:
    got = fetch(server + "/page", accept=HTML, max_bytes=1 << 20, deadline=5)
    assert got.data == PAGE and got.media_type == "text/html" and got.charset == "utf-8"
    assert got.url == got.final_url == server + "/page" and got.path is None
    agent = fetch(server + "/agent", accept=("text/plain",), max_bytes=1000, deadline=5).data
    assert agent == sources.USER_AGENT.encode()


def test_a_response_without_content_type_passes_to_the_reader(server: str) -> None:
    assert fetch(server + "/untyped", accept=HTML, max_bytes=1 << 20, deadline=5).data == PAGE


@pytest.mark.parametrize("route", ["/trickle", "/trickle-head"])
def test_a_trickling_server_is_cut_at_the_deadline(server: str, route: str) -> None:
    # every read gets a byte well within the socket timeout; only the deadline can stop it
    started = time.monotonic()
    text = _error(server + route, deadline=1.0, timeout=0.5)
    assert time.monotonic() - started < 2.0
    assert "1 s limit" in text


def test_load_promises_the_readme_deadline(server: str, monkeypatch) -> None:
    monkeypatch.setattr(sources, "TIMEOUT", 0.8)
    started = time.monotonic()
    with pytest.raises(SourceError, match="timed out"):
        load(server + "/trickle")
    assert time.monotonic() - started < 1.8


def test_redirects_are_followed_five_times(server: str) -> None:
    got = fetch(server + "/hop/5", accept=HTML, max_bytes=1 << 20, deadline=5)
    assert got.final_url == server + "/hop/0" and got.url == server + "/hop/5"
    assert "too many redirects (more than 5)" in _error(server + "/hop/6")


def test_a_redirect_loop_is_named(server: str) -> None:
    assert "redirect loop" in _error(server + "/loop-a")


@pytest.mark.parametrize(("route", "target"), [("/to-ftp", "ftp://***@example.org/a.mp3"),
                                               ("/to-file", "file:///etc/passwd")])
def test_a_redirect_off_http_is_refused_and_says_so(server: str, route: str, target: str) -> None:
    text = _error(server + route)
    assert f"redirect to {target} refused" in text
    assert "hunter2" not in text and "too many" not in text


@pytest.mark.parametrize("route", ["/gzip", "/deflate", "/raw-deflate"])
def test_compressed_responses_are_decoded(server: str, route: str) -> None:
    assert fetch(server + route, accept=HTML, max_bytes=1 << 20, deadline=5).data == PAGE


def test_a_gzip_bomb_stops_at_the_cap(server: str) -> None:
    started = time.monotonic()
    text = _error(server + "/bomb", max_bytes=1 << 20)
    assert "larger than the 1 MB limit" in text
    assert time.monotonic() - started < 2.0
    # under a generous cap the same body decodes whole: the cap, not the encoding, decided
    assert len(fetch(server + "/bomb", accept=HTML, max_bytes=32 << 20, deadline=10).data) == 20 << 20


def test_an_unknown_content_encoding_is_refused(server: str) -> None:
    assert "Content-Encoding br" in _error(server + "/brotli")


def test_oversize_is_refused_announced_or_not(server: str) -> None:
    assert "Content-Length" in _error(server + "/announced-huge", max_bytes=1000)
    assert "larger than the 1 MB limit" in _error(server + "/unannounced-huge")


def test_a_short_body_is_an_error(server: str) -> None:
    assert "closed before the whole response" in _error(server + "/short")


def test_wrong_content_type(server: str) -> None:
    text = _error(server + "/png")
    assert "content type image/png refused" in text and "text/html" in text
    audio = fetch(server + "/png", accept=("image/",), max_bytes=1000, deadline=5)
    assert audio.media_type == "image/png"  # a prefix entry accepts the whole family


def test_http_error_and_closed_port(server: str) -> None:
    assert _error(server + "/nothing") == f"{server}/nothing: HTTP 404 Not Found"
    port = _closed_port()
    started = time.monotonic()
    assert "connection refused" in _error(f"http://127.0.0.1:{port}/")
    assert time.monotonic() - started < 2.0


def test_credentials_are_sent_but_never_shown(server: str) -> None:
    with_auth = server.replace("http://", "http://joe:s3cr%3Aet@")
    got = fetch(with_auth + "/auth", accept=HTML, max_bytes=1 << 20, deadline=5)
    assert got.data == PAGE and "s3cr" not in got.url + got.final_url
    text = _error(with_auth + "/nothing")
    assert "s3cr" not in text and text.startswith("http://***@127.0.0.1:")
    port = _closed_port()
    text = _error(f"http://joe:pa55@127.0.0.1:{port}/x")
    assert "pa55" not in text and "cannot connect to 127.0.0.1" in text  # the host, not "joe"
    with pytest.raises(SourceError) as err:
        load(with_auth + "/nothing")
    assert "s3cr" not in str(err.value)
    assert "s3cr" not in load(with_auth + "/auth").name + (load(with_auth + "/auth").url or "")


@pytest.mark.parametrize("url", ["http://[::1/x", "http://127.0.0.1:99999/", "http:///path",
                                 "http://joe:pw@127.0.0.1:port/", "gopher://example.org/",
                                 "https://exa\x00mple.org/"])
def test_malformed_urls_are_one_line(url: str) -> None:
    text = _error(url)
    assert "pw@" not in text and ("valid URL" in text or "only http and https" in text)


@pytest.mark.parametrize("url", ["http://a..b/", "http://" + "x" * 64 + ".org/", "http://.org/"])
def test_impossible_host_names_say_so_not_the_codec(url: str) -> None:
    text = _error(url)
    assert "bad host name" in text and "codec" not in text and "Error" not in text


def test_an_http_proxy_from_the_environment_is_used(server: str, monkeypatch) -> None:
    proxy = server.replace("http://", "http://pu:pp@")
    monkeypatch.setenv("http_proxy", proxy)
    monkeypatch.setenv("no_proxy", "")
    got = fetch("http://site.invalid:8080/a?b=1", accept=("text/plain",), max_bytes=1000,
                deadline=5).data.decode()
    token = base64.b64encode(b"pu:pp").decode()
    assert got == f"proxied http://site.invalid:8080/a?b=1 host=site.invalid:8080 auth=Basic {token}"
    # $no_proxy hosts go direct: 127.0.0.1 is reached although the proxy would answer otherwise
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    assert fetch(server + "/page", accept=HTML, max_bytes=1 << 20, deadline=5).data == PAGE


def test_an_ipv6_literal_keeps_its_address() -> None:
    text = _error(f"http://[::1]:{_closed_port()}/")
    assert "::1" in text and "valid URL" not in text


def test_redact() -> None:
    assert redact("https://u:p@ss@host.example/a@b") == "https://***@host.example/a@b"
    assert redact("https://host.example/@user") == "https://host.example/@user"


def test_streaming_to_a_file_is_atomic(server: str, tmp_path: Path) -> None:
    dest = tmp_path / "out.html"
    got = fetch(server + "/page", accept=HTML, max_bytes=1 << 20, deadline=5, to_path=dest)
    assert got.data is None and got.path == dest and dest.read_bytes() == PAGE
    for route in ("/unannounced-huge", "/trickle", "/short"):
        with pytest.raises(SourceError):
            fetch(server + route, accept=HTML, max_bytes=1 << 20, deadline=1.0,
                  to_path=tmp_path / "failed.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.html"]  # no .part left


HTTP_CLIENTS = {"urllib.request", "urllib.error", "http.client", "requests", "httpx", "aiohttp",
                "urllib3", "pycurl", "ftplib", "websocket", "websockets"}
CLIENT_CALLS = {"create_connection", "open_connection", "urlopen"}


def _imports(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Attribute) and node.attr in CLIENT_CALLS:
            found.add(node.attr)
    return found


def test_only_sources_imports_an_http_client() -> None:
    root = Path(sources.__file__).parent
    offenders = {}
    for module in sorted(root.rglob("*.py")):
        if module == Path(sources.__file__):
            continue
        used = {name for name in _imports(ast.parse(module.read_text(encoding="utf-8")))
                if name in CLIENT_CALLS or any(name == c or name.startswith(c + ".")
                                               for c in HTTP_CLIENTS)}
        if used:
            offenders[str(module.relative_to(root.parent))] = sorted(used)
    assert offenders == {}


def test_the_cli_never_prints_credentials(tmp_path: Path) -> None:
    from narrate.podcast.showfolder import init_show
    from tests.cli.conftest import run_narrate

    show = init_show(tmp_path / "show").folder
    url = f"http://joe:s3cret@127.0.0.1:{_closed_port()}/article"
    for args in (("export", url), ("add", "--show", str(show), url), ("speak", url, "-o",
                                                                      str(tmp_path / "x.mp3"))):
        done = run_narrate(*args)
        output = (done.stdout + done.stderr).decode()
        assert done.returncode == 1 and "s3cret" not in output, output
        assert "http://***@127.0.0.1:" in output and "connection refused" in output


def test_publisher_audio_and_covers_keep_their_deadlines(server: str, tmp_path: Path) -> None:
    from narrate.audio import cover, publisher

    assert (publisher.DEADLINE, cover.DEADLINE, sources.TIMEOUT) == (10.0, 3.0, 20.0)  # README
    started = time.monotonic()
    with pytest.raises(SourceError, match="timed out"):
        publisher.fetch_audio(server + "/trickle-head", tmp_path / "a.mp3", deadline=1.0)
    assert cover.fetch_bytes(server + "/trickle-head", deadline=1.0) is None
    assert time.monotonic() - started < 3.5
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_is_the_files_error_not_the_sources(server: str, tmp_path: Path) -> None:
    from narrate.errors import StorageError

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StorageError) as err:
        fetch(server + "/page", accept=HTML, max_bytes=1 << 20, deadline=5,
              to_path=blocker / "out.html")
    assert str(err.value).startswith(str(blocker / "out.html")) and "\n" not in str(err.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_a_hanging_name_lookup_is_cut_at_the_deadline(monkeypatch) -> None:
    # a resolver that never answers (faked: it is the failure being handled)
    def stuck(*args: object, **kwargs: object) -> list:
        time.sleep(5)
        return []

    monkeypatch.setattr(socket, "getaddrinfo", stuck)
    started = time.monotonic()
    assert "timed out" in _error("http://slow-resolver.example/", deadline=0.5)
    assert time.monotonic() - started < 1.5


RAW_REPLIES = {
    "endless-headers": b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + b"X-A: b\r\n" * 500 + b"\r\n",
    "long-header": b"HTTP/1.1 200 OK\r\nX-A: " + b"a" * 200_000 + b"\r\n\r\n",
    "long-status": b"HTTP/1.1 200 " + b"O" * 200_000 + b"\r\n\r\n",
    "no-status-line": PAGE,
    "no-answer": b"",
}


@pytest.fixture(scope="module")
def raw_server() -> Iterator[str]:
    """Answers each connection with RAW_REPLIES[path] and closes: replies no HTTP library makes."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)

    def serve() -> None:
        while True:
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            with conn:
                head = b""
                while b"\r\n\r\n" not in head:
                    got = conn.recv(4096)
                    if not got:
                        break
                    head += got
                path = head.split(b" ", 2)[1].decode() if head.count(b" ") >= 2 else "/"
                try:
                    conn.sendall(RAW_REPLIES.get(path.strip("/"), b""))
                except OSError:
                    pass

    threading.Thread(target=serve, daemon=True).start()
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    sock.close()


@pytest.mark.parametrize("path, words", [
    ("endless-headers", "more than 100 header lines"), ("long-header", "longer than 64 KB"),
    ("long-status", "longer than 64 KB"), ("no-status-line", "no HTTP status line"),
    ("no-answer", "closed the connection without answering"),
])
def test_a_malformed_response_is_said_in_words(raw_server: str, path: str, words: str) -> None:
    """Rule: what was wrong with a response is said in words, never as http.client's class name
    (LineTooLong, BadStatusLine, RemoteDisconnected, HTTPException)."""
    text = _error(f"{raw_server}/{path}")
    assert text.startswith(f"{raw_server}/{path}: not a valid HTTP response (") and words in text
    assert not re.search(r"[A-Z][a-z]+[A-Z]\w*(Error|Exception|Line|Disconnected|TooLong)", text), text
