"""One writer per show: the show lock, and two real `narrate add` processes adding different
articles that share a title to one show at the same time."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from narrate.errors import CatalogError
from narrate.podcast.catalog import Catalog
from narrate.podcast.lock import LOCK_NAME, show_lock
from narrate.podcast.showfolder import init_show
from tests.cli.conftest import NARRATE, run_narrate

HOLD = """
import sys, time
from pathlib import Path
from narrate.podcast.lock import show_lock
with show_lock(Path(sys.argv[1]), wait=0):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def holder(folder: Path, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(folder), str(seconds)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_second_writer_gives_up_with_one_line(tmp_path):
    proc = holder(tmp_path, 30)
    try:
        said: list[str] = []
        t = time.monotonic()
        with pytest.raises(CatalogError) as info, show_lock(tmp_path, wait=0.5, say=said.append):
            pass
        assert 0.4 < time.monotonic() - t < 5
        message = str(info.value)
        assert f"pid {proc.pid}" in message and "\n" not in message and "--wait" in message
        assert len(said) == 1 and "waiting" in said[0]
    finally:
        proc.kill()
        proc.wait()


def test_second_writer_waits_for_the_first(tmp_path):
    proc = holder(tmp_path, 1.0)
    try:
        t = time.monotonic()
        with show_lock(tmp_path, wait=20):
            assert time.monotonic() - t > 0.5
            assert (tmp_path / LOCK_NAME).read_text() == str(os.getpid())
    finally:
        proc.wait(10)


def test_a_killed_holder_never_leaves_a_stale_lock(tmp_path):
    proc = holder(tmp_path, 60)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    t = time.monotonic()
    with show_lock(tmp_path, wait=5):
        assert time.monotonic() - t < 1


def test_nested_hold_in_one_process(tmp_path):
    with show_lock(tmp_path, wait=0), show_lock(tmp_path, wait=0):
        pass
    with show_lock(tmp_path, wait=0):  # released: can be taken again
        pass


ARTICLE = """---
title: Notes from the harbour
url: https://{site}.example/harbour
---
<p>{body}</p>
"""


def test_two_add_runs_on_one_show_never_mix_episodes(tmp_path):
    """Different articles, one title, two `narrate add` processes started together: both
    succeed (the second waits), two slugs, and each episode's files are its own article's."""
    show = tmp_path / "show"
    init_show(show, title="Concurrent")
    bodies = {"gulls": "Gulls circled the pier all morning while the fishing boats came in one by one.",
              "ropes": "Ropes and nets were mended on the quay before the storm reached the little town."}
    paths = []
    for site, body in bodies.items():
        path = tmp_path / f"{site}.txt"
        path.write_text(ARTICLE.format(site=site, body=body), encoding="utf-8")
        paths.append(path)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    procs = [subprocess.Popen([str(NARRATE), "add", str(p), "--show", str(show), "--wait", "300"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
             for p in paths]
    outs = [p.communicate(timeout=600) for p in procs]
    for proc, (_, err) in zip(procs, outs, strict=True):
        assert proc.returncode == 0, err.decode()
    with Catalog.open(show) as cat:
        episodes = cat.episodes()
    assert sorted(e.slug for e in episodes) == ["notes-from-the-harbour", "notes-from-the-harbour-2"]
    for ep in episodes:
        site = ep.key.split("//")[1].split(".")[0]
        mp3 = show / "episodes" / f"{ep.stem}.mp3"
        assert mp3.stat().st_size == ep.audio_bytes
        text = (show / "episodes" / f"{ep.stem}.txt").read_text(encoding="utf-8")
        vtt = (show / "episodes" / f"{ep.stem}.vtt").read_text(encoding="utf-8")
        other = next(s for s in bodies if s != site)
        assert site in text.lower() or bodies[site].split()[0] in text
        assert bodies[site].split()[0] in vtt and bodies[other].split()[0] not in vtt
    items = ET.parse(show / "feed.xml").findall("channel/item")
    assert len(items) == 2
    for item in items:
        enclosure = item.find("enclosure")
        url = enclosure.get("url")
        assert int(enclosure.get("length")) == (show / "episodes" / url.rsplit("/", 1)[1]).stat().st_size
    assert not list((show / "episodes").glob(".*.part"))


@pytest.mark.parametrize("command", [["feed"], ["add", "--show"]])
def test_wait_is_a_number_of_seconds(tmp_path, command):
    """``--wait nan`` is a usage error (exit 2), not a wait that gives up at once."""
    from narrate.podcast.showfolder import init_show

    show = init_show(tmp_path / "show", title="Wait")
    args = [*command, str(show.folder)] + (["x.md"] if command[0] == "add" else []) + ["--wait", "nan"]
    result = run_narrate(*args, timeout=60)
    assert result.returncode == 2 and b"not a number of seconds" in result.stderr
