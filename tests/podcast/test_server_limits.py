"""narrate serve against hostile clients and hostile show folders: private files reached through
symlinks, crowds of half-sent requests, slowloris heads, control characters in the access log, and
the CLI on a folder that is not a show. Everything on 127.0.0.1, every loop bounded."""

from __future__ import annotations

import http.client
import os
import resource
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from narrate.podcast import server as server_mod
from narrate.podcast.http import FDS_PER_CONNECTION, default_max_connections, log_safe
from narrate.podcast.server import ShowServer, make_server
from narrate.podcast.showfolder import init_show
from tests.cli.conftest import NARRATE


def _run(srv: ShowServer) -> Iterator[ShowServer]:
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(5)


def status_of(srv: ShowServer, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(*srv.server_address[:2], timeout=10)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def show(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("limits") / "show"
    init_show(folder, title="Limits")
    (folder / ".narrate.lock").write_text("")
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "note.txt").write_text("HIDDEN-CANARY\n")
    eps = folder / "episodes"
    (eps / "cat.mp3").symlink_to(folder / "catalog.sqlite")
    (eps / "settings.txt").symlink_to(folder / "narrate.toml")
    (eps / "lock.txt").symlink_to(folder / ".narrate.lock")
    (eps / "hidden.txt").symlink_to(folder / ".hidden" / "note.txt")
    (eps / "hiddendir").symlink_to(folder / ".hidden")
    (folder / "alias.sqlite").symlink_to(folder / "catalog.sqlite")
    (eps / "fine.txt").write_text("fine\n")
    (eps / "link-to-fine.txt").symlink_to(eps / "fine.txt")
    return folder


@pytest.fixture(scope="module")
def srv(show: Path) -> Iterator[ShowServer]:
    yield from _run(make_server(show, "127.0.0.1", 0, quiet=True))


@pytest.mark.parametrize("path", ["/episodes/cat.mp3", "/episodes/settings.txt",
                                  "/episodes/lock.txt", "/episodes/hidden.txt",
                                  "/episodes/hiddendir/note.txt", "/alias.sqlite",
                                  "/.narrate.lock", "/catalog.sqlite", "/narrate.toml"])
def test_private_files_are_private_through_symlinks(srv, path):
    status, body = status_of(srv, path)
    assert status == 404
    assert b"SQLite" not in body and b"CANARY" not in body and b"[show]" not in body


def test_symlink_to_a_public_file_is_still_served(srv):
    assert status_of(srv, "/episodes/link-to-fine.txt") == (200, b"fine\n")


def test_connection_cap_stays_below_the_descriptor_limit():
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    cap = default_max_connections()
    assert cap * FDS_PER_CONNECTION < soft


def _half_sent(address: tuple[str, int], n: int) -> list[socket.socket]:
    socks = []
    for _ in range(n):
        s = socket.create_connection(address, timeout=5)
        s.sendall(b"GET /feed.xml HTTP/1.1\r\nHost: x\r\n")  # no blank line: never finished
        socks.append(s)
    return socks


def test_crowd_of_half_sent_requests_cannot_starve_a_listener(show):
    """300 idle half-sent connections against a server allowed 40: a normal GET still gets its
    feed, promptly."""
    for srv in _run(make_server(show, "127.0.0.1", 0, quiet=True, max_connections=40)):
        socks = _half_sent(srv.server_address[:2], 300)
        try:
            t = time.monotonic()
            status, body = status_of(srv, "/feed.xml")
            assert status == 200 and b"<rss" in body
            assert time.monotonic() - t < 5
        finally:
            for s in socks:
                s.close()


def test_real_server_under_a_low_descriptor_limit(show):
    """The real `narrate serve` process with only 256 descriptors: 300 half-sent connections
    (600 descriptors if each were kept) and a normal GET is still answered."""
    def low_limit() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (256, 256))

    proc = subprocess.Popen([str(NARRATE), "serve", str(show), "--port", "0"], stderr=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, preexec_fn=low_limit,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    socks: list[socket.socket] = []
    try:
        line = proc.stderr.readline().decode()
        assert line.startswith(f"Serving {show} at http://127.0.0.1:"), line
        port = int(line.split("127.0.0.1:")[1].split("/")[0])
        socks = _half_sent(("127.0.0.1", port), 300)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/feed.xml")
        resp = conn.getresponse()
        assert resp.status == 200 and b"<rss" in resp.read()
        conn.close()
        assert proc.poll() is None  # still serving
    finally:
        for s in socks:
            s.close()
        proc.terminate()
        proc.wait(10)
        proc.stderr.close()


def test_slowloris_head_is_cut(show, monkeypatch):
    """One byte of a request head every 0.2 s never completes: the connection is cut after the
    head deadline, while a normal client is answered meanwhile."""
    monkeypatch.setattr(server_mod, "HEAD_TIMEOUT", 1.0)
    monkeypatch.setattr(server_mod, "SWEEP_EVERY", 0.2)
    for srv in _run(make_server(show, "127.0.0.1", 0, quiet=True)):
        s = socket.create_connection(srv.server_address[:2], timeout=5)
        head = b"GET /feed.xml HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 200
        t, cut = time.monotonic(), False
        try:
            for byte in head:  # bounded: 200+ bytes at 0.2 s would be 40 s
                s.send(bytes([byte]))
                time.sleep(0.2)
                if time.monotonic() - t > 1.0:
                    assert status_of(srv, "/feed.xml")[0] == 200
                if time.monotonic() - t > 6:
                    break
        except OSError:  # reset / broken pipe: the server has cut us
            cut = True
        if not cut:
            s.settimeout(5)
            try:
                data = s.recv(65536)
                cut = data == b"" or data.startswith(b"HTTP/1.1 408")
            except OSError:
                cut = True
        s.close()
        assert cut
        assert time.monotonic() - t < 6


def test_access_log_escapes_control_characters(show, capfd):
    for srv in _run(make_server(show, "127.0.0.1", 0)):
        for raw in (b"GET /\x1b[31mred\x85x HTTP/1.1\r\nHost: x\r\n\r\n",
                    b"GET /a\"b\\c HTTP/1.1\r\nHost: x\r\n\r\n"):
            with socket.create_connection(srv.server_address[:2], timeout=5) as s:
                s.sendall(raw)
                s.recv(65536)
        time.sleep(0.3)
    err = capfd.readouterr().err
    lines = err.splitlines()
    assert len(lines) == 2, err
    assert "\x1b" not in err and "\x85" not in err
    assert "\\x1b[31mred\\x85x" in lines[0]
    assert '/a\\x22b\\x5cc' in lines[1]


def test_log_safe_rules():
    assert log_safe("GET / HTTP/1.1") == "GET / HTTP/1.1"
    assert log_safe("a\nb\rc\td\x7f\x9f") == "a\\x0ab\\x0dc\\x09d\\x7f\\x9f"
    assert log_safe("café ✓") == "café ✓"


def test_serve_refuses_a_folder_that_is_not_a_show(tmp_path):
    (tmp_path / "feed.xml").write_text("<rss/>")
    result = subprocess.run([str(NARRATE), "serve", str(tmp_path), "--port", "0"],
                            capture_output=True, timeout=30)
    err = result.stderr.decode()
    assert result.returncode == 1
    assert "Serving" not in err
    assert err.count("\n") == 1 and "not a show folder" in err and str(tmp_path) in err


def test_serve_says_so_when_it_cannot_listen(show):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = subprocess.run([str(NARRATE), "serve", str(show), "--port", str(port)],
                                capture_output=True, timeout=30)
    err = result.stderr.decode()
    assert result.returncode == 1 and "Serving" not in err
    assert err.count("\n") == 1 and f"cannot listen on 127.0.0.1:{port}" in err




def test_serve_on_another_port_says_the_feed_points_elsewhere(show):
    """feed.xml's enclosures use the show's base_url; a listener on another address would get a
    feed whose audio does not load, so the user is told once, after "Serving"."""
    proc = subprocess.Popen([str(NARRATE), "serve", str(show), "--port", "0"], stderr=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        serving = proc.stderr.readline().decode()
        warning = proc.stderr.readline().decode()
        assert serving.startswith("Serving "), serving
        assert warning.startswith("narrate: warning: feed.xml points podcast apps at "), warning
        assert "base_url" in warning and "narrate feed" in warning
    finally:
        proc.terminate()
        proc.wait(10)
