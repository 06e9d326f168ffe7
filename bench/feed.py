"""Feed benchmark: catalog rebuild and add at 10,000 episodes, and `narrate serve` vs nginx.

    .venv/bin/python bench/feed.py [--episodes 10000] [--seconds 5] [--connections 32]

1. rebuild: feed.xml + index.html of a 10,000-episode catalog from scratch (budget 1 s);
2. add: one more source through ``narrate.batch.add_sources`` with narration replaced by a copy
   of a ready MP3 (reading, exports, catalog transaction, rebuild; budget 0.5 s);
3. serve: wrk drives the same concurrent load of random 64 KiB Range requests over the same
   files at `narrate serve` and at nginx (Debian's nginx-light, one worker, sendfile, no access
   log), one after the other; printed as a ratio of requests/s. Needs `wrk` and `nginx`
   (apt-get install -y wrk nginx-light); the part is skipped with a note when either is missing.

Numbers are ratios against budgets or a baseline measured in the same run, so a busy machine
affects both sides; this is a benchmark, not a timed test.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from narrate.podcast.catalog import Catalog, Episode  # noqa: E402
from narrate.podcast.showfolder import init_show, rebuild_folder  # noqa: E402

ARTICLE = """---
title: "Bench article about tide tables"
authors: ["Bench Writer"]
date: 2030-01-01
url: https://example.org/bench/tides
---
<h1>Bench article about tide tables</h1>
<p>Tide tables predict the height of the sea from the moon and the sun.</p>
"""


def make_mp3(path: Path, seconds: float) -> Path:
    subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                    f"sine=frequency=330:duration={seconds}:sample_rate=44100", "-ac", "1",
                    "-codec:a", "libmp3lame", "-b:a", "64k", str(path)], check=True)
    return path


def fake_catalog(folder: Path, n: int) -> None:
    eps = [Episode(
        guid=f"urn:uuid:00000000-0000-4000-8000-{i:012d}", key=f"https://example.org/a/{i}",
        slug=f"article-number-{i}", stem=f"article-number-{i}",
        title=f"Article number {i}: a headline of ordinary length & <markup>",
        audio_bytes=3_000_000 + i, duration=600.0 + i % 300, content_hash=f"{i:016x}",
        published=f"20{10 + i % 15:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}T08:00:00+00:00",
        description="A summary of the article in one or two sentences, as most readers give. " * 2,
        link=f"https://example.org/news/{i}?utm=x&y=z", authors=("Some Author", "Another One"),
        language="en", files=("vtt", "srt", "chapters.json", "html", "md", "txt"),
        engine="bench", voice="bench") for i in range(n)]
    with Catalog.open(folder) as cat:
        cat.insert_many(eps)


def best_of(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def bench_catalog(tmp: Path, n: int) -> None:
    show = init_show(tmp / "big", title="Bench")
    t = time.perf_counter()
    fake_catalog(show.folder, n)
    print(f"catalog: {n} episodes inserted in {time.perf_counter() - t:.2f} s")

    def from_scratch() -> None:
        for name in ("feed.xml", "index.html"):
            (show.folder / name).unlink(missing_ok=True)
        rebuild_folder(show.folder)  # what `narrate feed` does: settings, catalog, both files

    took = best_of(3, from_scratch)
    size = (show.folder / "feed.xml").stat().st_size
    print(f"rebuild from scratch: {n} episodes, feed.xml {size / 1e6:.1f} MB"
          f" + index.html: {took:.3f} s "
          f"(best of 3; budget 1.0 s; {took / 1.0:.2f} of budget)")

    ready = make_mp3(tmp / "ready.mp3", 2)

    from narrate.audio.render import Cue
    from narrate.speak import SpeakResult
    from narrate.speech.script import build_script

    def copy_speak(article, out, **kwargs):
        """The narration replaced by a copy of a ready MP3; the script is the article's own and
        every utterance gets half a second, so the read-along copies are made as usual."""
        shutil.copyfile(ready, out)
        script = tuple(build_script(article))
        timeline = tuple(Cue(i / 2, (i + 1) / 2, u.text, u.block, u.chapter)
                         for i, u in enumerate(script))
        for ext in (".vtt", ".srt"):
            out.with_suffix(ext).write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nx\n" if ext == ".vtt"
                                            else "1\n00:00:00,000 --> 00:00:01,000\nx\n")
        chapters = out.parent / f"{out.stem}.chapters.json"
        chapters.write_text('{"version": "1.2.0", "chapters": [{"startTime": 0}]}')
        return SpeakResult(out, out.with_suffix(".vtt"), out.with_suffix(".srt"), chapters,
                           duration=2.0, engine="copy", voice="copy", profile="copy",
                           cues=len(timeline), timeline=timeline, script=script)

    sys.modules["narrate.speak"] = types.SimpleNamespace(speak=copy_speak, SpeakResult=SpeakResult)
    from narrate.batch import add_sources

    article = tmp / "tides.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    add_sources(show.folder, [str(article)])  # warm the imports (readers, writers)
    timings = []
    for k in range(3):
        article.write_text(ARTICLE.replace("tide tables", f"tide tables {k}"), encoding="utf-8")
        t = time.perf_counter()
        report = add_sources(show.folder, [str(article)])
        timings.append(time.perf_counter() - t)
        assert len(report.added) == 1, report.failed
    took = min(timings)
    print(f"add one episode to {n + 1} (narration excluded): {took:.3f} s "
          f"(best of 3; budget 0.5 s; {took / 0.5:.2f} of budget)")


# ---------------------------------------------------------------- serve vs nginx

WRK_LUA = """
math.randomseed(7)
local paths = {%(paths)s}
local size = %(size)d
request = function()
  local p = paths[math.random(#paths)]
  local s = math.random(0, size - 65537)
  return wrk.format("GET", p, {["Range"] = "bytes=" .. s .. "-" .. (s + 65535)})
end
"""

NGINX_CONF = """
user root;
worker_processes 1;
daemon off;
pid %(tmp)s/nginx.pid;
error_log %(tmp)s/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  types { audio/mpeg mp3; application/rss+xml xml; }
  default_type application/octet-stream;
  client_body_temp_path %(tmp)s/body;
  proxy_temp_path %(tmp)s/proxy;
  fastcgi_temp_path %(tmp)s/fastcgi;
  uwsgi_temp_path %(tmp)s/uwsgi;
  scgi_temp_path %(tmp)s/scgi;
  server { listen 127.0.0.1:%(port)d; root %(root)s; }
}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("server did not start")


def run_wrk(port: int, script: Path, seconds: int, connections: int) -> float:
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", str(script),
                          f"http://127.0.0.1:{port}/"], capture_output=True, text=True, check=True).stdout
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if bad:
        raise RuntimeError(f"{bad.group(1)} failed responses:\n{out}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def bench_serve(tmp: Path, seconds: int, connections: int) -> None:
    missing = [t for t in ("wrk", "nginx", "ffmpeg") if shutil.which(t) is None]
    if missing:
        print(f"serve: skipped ({', '.join(missing)} missing: apt-get install -y wrk nginx-light ffmpeg)")
        return
    show = init_show(tmp / "served", title="Served")
    paths = []
    for i in range(3):
        make_mp3(show.folder / "episodes" / f"ep{i}.mp3", 120)  # ~1 MB each
        paths.append(f"/episodes/ep{i}.mp3")
    size = min((show.folder / p.lstrip("/")).stat().st_size for p in paths)
    script = tmp / "ranges.lua"
    script.write_text(WRK_LUA % {"paths": ", ".join(f'"{p}"' for p in paths), "size": size})
    results = {}

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "narrate", "serve", str(show.folder), "--port",
                             str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    try:
        wait_port(port, proc)
        run_wrk(port, script, 1, connections)  # warm-up
        results["narrate serve"] = run_wrk(port, script, seconds, connections)
    finally:
        proc.terminate()
        proc.wait(timeout=10)

    port = free_port()
    ngx = tmp / "nginx"
    ngx.mkdir()
    conf = ngx / "nginx.conf"
    conf.write_text(NGINX_CONF % {"tmp": ngx, "port": port, "root": show.folder.resolve()})
    proc = subprocess.Popen(["nginx", "-p", str(ngx), "-c", str(conf), "-e", str(ngx / "nginx-error.log")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_port(port, proc)
        run_wrk(port, script, 1, connections)
        results["nginx"] = run_wrk(port, script, seconds, connections)
    finally:
        proc.terminate()
        proc.wait(timeout=10)

    for name, rps in results.items():
        print(f"serve: {name}: {rps:,.0f} requests/s ({connections} connections, random 64 KiB ranges)")
    print(f"serve: narrate serve / nginx = {results['narrate serve'] / results['nginx']:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--episodes", type=int, default=10_000)
    ap.add_argument("--seconds", type=int, default=5, help="wrk duration per server")
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--skip-serve", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="narrate-bench-") as tmp:
        os.chmod(tmp, 0o755)
        bench_catalog(Path(tmp), args.episodes)
        if not args.skip_serve:
            bench_serve(Path(tmp), args.seconds, args.connections)


if __name__ == "__main__":
    main()
