"""Integration: `narrate serve` on 127.0.0.1 against gPodder's `gpo` and curl.

gpo subscribes, updates and downloads every episode; each download must be byte-identical to
the file in the show. curl then probes every server rule from the outside. Outside CI a missing
`gpo` or `curl` skips with the install line; in CI (CI=true) it fails.
"""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from narrate.podcast.catalog import Catalog
from narrate.podcast.showfolder import init_show, rebuild_folder
from tests.conftest import need_tool
from tests.podcast.media import episode


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[tuple[Path, str]]:
    """A show whose base URL is this server's, served by `narrate serve SHOW --port N`."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}/"
    folder = tmp_path_factory.mktemp("served") / "show"
    init_show(folder, title="Served", base_url=base_url)
    with Catalog.open(folder) as cat:
        for n, seconds in ((1, 2), (2, 3), (3, 25)):
            cat.upsert(episode(folder, n, seconds=seconds))
    rebuild_folder(folder)
    proc = subprocess.Popen([sys.executable, "-m", "narrate", "serve", str(folder), "--host",
                             "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"narrate serve did not start: {proc.stderr.read().decode()[-500:]}")
            time.sleep(0.1)
    try:
        yield folder, base_url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_gpodder_downloads_every_episode_byte_identical(served, tmp_path):
    gpo = need_tool("gpo", "gpodder")
    folder, base_url = served
    env = dict(os.environ, HOME=str(tmp_path / "home"), GPODDER_HOME=str(tmp_path / "gpodder"),
               GPODDER_DOWNLOAD_DIR=str(tmp_path / "downloads"))
    for d in ("home", "gpodder", "downloads"):
        (tmp_path / d).mkdir()
    url = base_url + "feed.xml"

    def run(*args: str) -> str:
        done = subprocess.run([gpo, *args], env=env, capture_output=True, text=True, timeout=180)
        assert done.returncode == 0, f"gpo {' '.join(args)}: {done.stdout[-800:]} {done.stderr[-800:]}"
        return done.stdout

    run("subscribe", url)
    run("update")
    listed = run("episodes", url)
    assert sum(1 for line in listed.splitlines() if line.strip()[:1].isdigit()) == 3, listed
    run("download")
    got = sorted(_sha(p) for p in (tmp_path / "downloads").rglob("*.mp3"))
    want = sorted(_sha(p) for p in (folder / "episodes").glob("*.mp3"))
    assert len(want) == 3 and got == want


def curl(url: str, *args: str) -> tuple[int, dict[str, str], bytes]:
    exe = need_tool("curl", "curl")
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run([exe, "-sS", "--path-as-is", "--max-time", "20", "-D", f"{tmp}/h",
                               "-o", f"{tmp}/b", *args, url], capture_output=True, timeout=30)
        assert done.returncode == 0, done.stderr
        head = Path(tmp, "h").read_bytes()
        body = Path(tmp, "b").read_bytes() if Path(tmp, "b").exists() else b""
    lines = head.decode("latin-1").strip().split("\r\n")
    headers = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        headers[k.strip().lower()] = v.strip()
    return int(lines[0].split()[1]), headers, body


def test_curl_probes(served):
    folder, base_url = served
    mp3 = (folder / "episodes/episode-3.mp3").read_bytes()
    size = len(mp3)
    media = base_url + "episodes/episode-3.mp3"
    st, h, body = curl(media, "-I")
    assert st == 200 and h["content-length"] == str(size)  # (curl -I writes the headers as body)
    assert h["accept-ranges"] == "bytes" and h["content-type"] == "audio/mpeg"
    etag, lastmod = h["etag"], h["last-modified"]
    assert curl(media)[2] == mp3
    for spec, first, last in (("0-1", 0, 1), ("0-0", 0, 0), ("100-", 100, size - 1),
                              ("-500", size - 500, size - 1)):
        st, h, body = curl(media, "-H", f"Range: bytes={spec}")
        assert (st, h["content-range"], body) == (206, f"bytes {first}-{last}/{size}", mp3[first:last + 1])
        assert h["content-length"] == str(last - first + 1)
    for spec in ("999999999-", "-0"):
        st, h, body = curl(media, "-H", f"Range: bytes={spec}")
        assert (st, h["content-range"], body) == (416, f"bytes */{size}", b"")
    for spec in ("5-2", "0-1,4-5"):
        st, h, body = curl(media, "-H", f"Range: bytes={spec}")
        assert (st, body) == (200, mp3)
    assert curl(media, "-H", f"If-None-Match: {etag}")[0] == 304
    assert curl(media, "-H", f"If-Modified-Since: {lastmod}")[0] == 304
    assert curl(media, "-H", "Range: bytes=0-1", "-H", f"If-Range: {etag}")[2] == mp3[:2]
    assert curl(media, "-H", "Range: bytes=0-1", "-H", 'If-Range: "stale"')[2] == mp3
    for path, ctype in (("feed.xml", "application/rss+xml"), ("episodes/episode-3.vtt", "text/vtt"),
                        ("episodes/episode-3.srt", "application/x-subrip"),
                        ("episodes/episode-3.chapters.json", "application/json+chapters"),
                        ("cover.jpg", "image/jpeg")):
        st, h, body = curl(base_url + path)
        assert st == 200 and h["content-type"].split(";")[0] == ctype
        assert h["content-length"] == str(len(body))
        if path.startswith("episodes/episode-3.") and not path.endswith(".mp3"):
            assert h["access-control-allow-origin"] == "*"
    for path in ("../../etc/passwd", "%2e%2e/%2e%2e/etc/passwd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                 "episodes/../../../etc/passwd", "catalog.sqlite"):
        st, _, body = curl(base_url + path)
        assert st == 404 and b"root:" not in body
