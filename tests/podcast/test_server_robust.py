"""narrate serve under hostile or unusual clients: stuck and slow readers, oversized and
malformed heads, pipelining, HTTP/1.0, half-closed sockets, files replaced while served."""

from __future__ import annotations

import hashlib
import http.client
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from narrate.podcast import server as server_mod
from narrate.podcast.server import ShowServer, make_server

BIG = 16 * 1024 * 1024


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("robust")
    show = root / "show"
    (show / "episodes").mkdir(parents=True)
    (show / "episodes" / "big.mp3").write_bytes(os.urandom(BIG))
    (show / "feed.xml").write_bytes(b"<rss>feed</rss>\n")
    (show / "index.html").write_bytes(b"<!DOCTYPE html><title>x</title>\n")
    (root / "secret.txt").write_text("CANARY-4412\n")
    return show


def _run(srv: ShowServer) -> Iterator[ShowServer]:
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()
    thread.join(5)
    assert not thread.is_alive()


@pytest.fixture(scope="module")
def srv(folder: Path) -> Iterator[ShowServer]:
    yield from _run(make_server(folder, "127.0.0.1", 0, quiet=True))


def connect(srv: ShowServer, **opts: int) -> socket.socket:
    s = socket.socket()
    for opt, value in opts.items():
        s.setsockopt(socket.SOL_SOCKET, getattr(socket, opt), value)
    s.settimeout(10)
    s.connect(srv.server_address[:2])
    return s


def read_all(s: socket.socket) -> bytes:
    data = b""
    while chunk := s.recv(1 << 20):
        data += chunk
    return data


def get(srv: ShowServer, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection(*srv.server_address[:2], timeout=10)
    try:
        conn.request("GET", path, headers=headers)
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def test_stuck_clients_do_not_block_others(srv, folder):
    """A client that never reads a 16 MB body and one that never finishes its request head
    must not delay anybody else; the stuck download is still exact once it reads."""
    big = (folder / "episodes" / "big.mp3").read_bytes()
    stuck = connect(srv, SO_RCVBUF=4096)
    stuck.sendall(b"GET /episodes/big.mp3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    half = connect(srv)
    half.sendall(b"GET /feed.xml HTTP/1.1\r\nHost: x\r\nRange: by")
    time.sleep(0.3)  # the server has filled the stuck socket and is waiting on it
    t = time.monotonic()
    for _ in range(20):
        st, _, body = get(srv, "/feed.xml")
        assert st == 200 and body == b"<rss>feed</rss>\n"
        st, _, body = get(srv, "/episodes/big.mp3", Range="bytes=1000-1999")
        assert st == 206 and body == big[1000:2000]
    assert time.monotonic() - t < 5
    data = read_all(stuck)
    head, body = data.split(b"\r\n\r\n", 1)
    assert head.startswith(b"HTTP/1.1 200") and f"Content-Length: {BIG}\r\n".encode() in head
    assert hashlib.sha256(body).digest() == hashlib.sha256(big).digest()
    half.sendall(b"tes=0-3\r\nConnection: close\r\n\r\n")
    assert read_all(half).endswith(b"\r\n\r\n<rss")
    stuck.close()
    half.close()


def test_concurrent_full_downloads_are_exact(srv, folder):
    big = hashlib.sha256((folder / "episodes" / "big.mp3").read_bytes()).digest()
    results: list[bytes] = []

    def fetch() -> None:
        st, h, body = get(srv, "/episodes/big.mp3")
        assert st == 200 and int(h["content-length"]) == len(body) == BIG
        results.append(hashlib.sha256(body).digest())

    threads = [threading.Thread(target=fetch) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(30)
    assert results == [big] * 4


@pytest.mark.parametrize("raw,status", [
    (b"GET /feed.xml HTTP/1.1\r\nHost: x\r\nX: " + b"a" * 70_000 + b"\r\n\r\n", 431),
    (b"GET /feed.xml HTTP/1.1\r\nHost: x\r\nX: " + b"a" * 70_000, 431),  # never terminated
    (b"GET /feed.xml HTTP/1.1\r\n" + b"X-N: 1\r\n" * 101 + b"\r\n", 431),
    (b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 400),  # a TLS hello
    (b"GET /feed.xml\r\n\r\n", 400),  # HTTP/0.9
    (b"GET /feed.xml\nX: y HTTP/1.1\r\n\r\n", 400),  # a bare LF inside the request line
    (b"GET /feed.xml\rX: y HTTP/1.1\r\n\r\n", 400),
    (b"GET  /feed.xml HTTP/1.1\r\n\r\n", 400),
    (b"GET /feed.xml HTTP/1.1\r\nno colon here\r\n\r\n", 400),
    (b"GET /feed.xml HTTP/1.1\r\nHost: x\r\n folded: value\r\n\r\n", 400),
    (b"GET /feed.xml HTTP/1.1\r\nBad Name: x\r\n\r\n", 400),
    (b"GET /feed.xml HTTP/1.1\r\nX: a\x00b\r\n\r\n", 400),
    (b"GET /feed.xml HTTP/1.1\r\nContent-Length: ten\r\n\r\n", 400),
    (b"GET /feed.xml HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400),
    (b"GET /feed.xml HTTP/x\r\n\r\n", 400),
    (b"GET /feed.xml HTTP/2.0\r\n\r\n", 505),
    (b"BREW /feed.xml HTTP/1.1\r\n\r\n", 501),
    (b"G@T /feed.xml HTTP/1.1\r\n\r\n", 400),
])
def test_bad_requests_are_answered_and_closed(srv, raw, status):
    with connect(srv) as s:
        try:
            s.sendall(raw)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may answer and close before reading everything
        data = read_all(s)
    head, body = data.split(b"\r\n\r\n", 1)
    assert head.startswith(f"HTTP/1.1 {status} ".encode()), head[:60]
    assert b"Connection: close" in head
    length = int(head.split(b"Content-Length: ")[1].split(b"\r\n")[0])
    assert len(body) == length
    assert get(srv, "/feed.xml")[0] == 200  # and the server is fine


def test_pipelined_requests_answered_in_order(srv, folder):
    big = (folder / "episodes" / "big.mp3").read_bytes()
    reqs = b"".join(b"GET /episodes/big.mp3 HTTP/1.1\r\nHost: x\r\nRange: bytes=%d-%d\r\n\r\n"
                    % (i * 10, i * 10 + i) for i in range(100))
    reqs += b"HEAD /feed.xml HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    with connect(srv) as s:
        s.sendall(reqs)
        data = read_all(s)
    for i in range(100):
        head, data = data.split(b"\r\n\r\n", 1)
        assert head.startswith(b"HTTP/1.1 206")
        assert f"Content-Range: bytes {i * 10}-{i * 11}/{BIG}\r\n".encode() in head
        assert data[:i + 1] == big[i * 10:i * 11 + 1]
        data = data[i + 1:]
    head, rest = data.split(b"\r\n\r\n", 1)
    assert head.startswith(b"HTTP/1.1 200") and rest == b""


def test_http10_keep_alive_only_when_asked(srv):
    with connect(srv) as s:
        s.sendall(b"GET /feed.xml HTTP/1.0\r\n\r\n")
        data = read_all(s)  # returns: the server closed
    assert data.startswith(b"HTTP/1.1 200") and data.endswith(b"<rss>feed</rss>\n")
    with connect(srv) as s:
        s.sendall(b"HEAD /feed.xml HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        first = s.recv(65536)
        assert b"Connection: keep-alive\r\n" in first
        s.sendall(b"GET /feed.xml HTTP/1.0\r\n\r\n")
        assert read_all(s).endswith(b"<rss>feed</rss>\n")


def test_lf_only_and_leading_blank_lines(srv):
    with connect(srv) as s:
        s.sendall(b"\r\nHEAD /feed.xml HTTP/1.1\nHost: x\n\n"
                  b"GET /feed.xml HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        data = read_all(s)
    assert data.startswith(b"HTTP/1.1 200") and data.endswith(b"<rss>feed</rss>\n")
    assert data.count(b"HTTP/1.1 200 OK\r\n") == 2


def test_half_closed_client_gets_its_answer(srv):
    with connect(srv) as s:
        s.sendall(b"GET /episodes/big.mp3 HTTP/1.1\r\nHost: x\r\nRange: bytes=0-99999\r\n\r\n")
        s.shutdown(socket.SHUT_WR)
        data = read_all(s)
    head, body = data.split(b"\r\n\r\n", 1)
    assert head.startswith(b"HTTP/1.1 206") and len(body) == 100_000


def test_request_body_closes_connection(srv):
    with connect(srv) as s:
        s.sendall(b"GET /feed.xml HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello")
        data = read_all(s)
    assert data.startswith(b"HTTP/1.1 200") and b"Connection: close" in data
    assert data.endswith(b"<rss>feed</rss>\n")


def test_replaced_file_and_swapped_symlink(srv, folder):
    """The resolved-path cache never serves a stale file nor follows a symlink swapped in."""
    target = folder / "episodes" / "swap.txt"
    target.write_bytes(b"one\n")
    assert get(srv, "/episodes/swap.txt")[2] == b"one\n"
    tmp = folder / "episodes" / ".swap.tmp"
    tmp.write_bytes(b"two!\n")
    os.replace(tmp, target)
    st, h, body = get(srv, "/episodes/swap.txt")
    assert (st, body, h["content-length"]) == (200, b"two!\n", "5")
    target.unlink()
    target.symlink_to(folder.parent / "secret.txt")
    st, _, body = get(srv, "/episodes/swap.txt")
    assert st == 404 and b"CANARY" not in body
    target.unlink()
    assert get(srv, "/episodes/swap.txt")[0] == 404


def test_idle_connections_are_closed(folder, monkeypatch):
    monkeypatch.setattr(server_mod, "IDLE_TIMEOUT", 0.6)
    for srv in _run(make_server(folder, "127.0.0.1", 0, quiet=True)):
        with connect(srv) as idle:
            idle.sendall(b"GET /feed.xml HTTP/1.1\r\nHost: x\r\n\r\n")
            idle.recv(65536)
            t = time.monotonic()
            assert read_all(idle) == b""  # closed by the server
            assert time.monotonic() - t < 5


def test_access_log(folder, capsys):
    for srv in _run(make_server(folder, "127.0.0.1", 0)):
        assert get(srv, "/feed.xml?x=1")[0] == 200
        assert get(srv, "/nope.mp3")[0] == 404
        time.sleep(0.2)
    err = capsys.readouterr().err
    assert '"GET /feed.xml?x=1 HTTP/1.1" 200 -' in err
    assert '"GET /nope.mp3 HTTP/1.1" 404 -' in err
    assert err.startswith("127.0.0.1 - - [")


def test_shutdown_with_open_connections(folder):
    srv = make_server(folder, "127.0.0.1", 0, quiet=True)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    s = connect(srv)
    s.sendall(b"HEAD /feed.xml HTTP/1.1\r\nHost: x\r\n\r\n")
    s.recv(65536)
    t = time.monotonic()
    srv.shutdown()
    srv.server_close()
    thread.join(5)
    assert not thread.is_alive() and time.monotonic() - t < 3
    assert read_all(s) == b""
    s.close()


def test_huge_numbers_are_not_a_crash(srv, capsys):
    digits = "9" * 5000
    st, h, body = get(srv, "/feed.xml", Range=f"bytes={digits}-")
    assert st == 200 and body == b"<rss>feed</rss>\n"  # an absurd range is ignored
    with connect(srv) as s:
        s.sendall(f"GET /feed.xml HTTP/1.1\r\nHost: x\r\nContent-Length: {digits}\r\n\r\n".encode())
        data = read_all(s)  # answered, then closed: the body is never read
    assert data.startswith(b"HTTP/1.1 200") and data.endswith(b"<rss>feed</rss>\n")
    assert "Traceback" not in capsys.readouterr().err


def test_localhost_binds_ipv4(folder):
    srv = make_server(folder, "localhost", 0, quiet=True)
    try:
        assert srv.server_address[0] == "127.0.0.1"
    finally:
        srv.server_close()


def test_a_port_in_use_is_one_clear_error(folder):
    from narrate.errors import ConfigError

    first = make_server(folder, "127.0.0.1", 0, quiet=True)
    try:
        with pytest.raises(ConfigError, match="cannot listen on 127.0.0.1"):
            make_server(folder, "127.0.0.1", first.server_address[1], quiet=True)
    finally:
        first.server_close()
