"""Interrupted runs, as a user makes them: Ctrl-C (SIGINT) or kill (SIGTERM) to a real `narrate
speak` in the middle of narration prints one line, no traceback, and leaves no temporary file."""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from tests.cli.conftest import NARRATE
from tests.conftest import need_tool

SENTENCE = "The harbour was quiet that morning and the gulls circled over the pier. "


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_signal_during_speak_is_one_line(tmp_path: Path, sig: signal.Signals):
    need_tool("espeak-ng")
    need_tool("ffmpeg")
    article = tmp_path / "long.md"
    article.write_text("# A long morning\n\n" + SENTENCE * 150, encoding="utf-8")
    out = tmp_path / "out" / "long.mp3"
    proc = subprocess.Popen([str(NARRATE), "speak", str(article), "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    time.sleep(2.0)
    assert proc.poll() is None, "narration ended before the signal: make the text longer"
    proc.send_signal(sig)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert stderr.decode() == "narrate: error: interrupted\n"
    assert stdout == b""
    left = list(out.parent.iterdir()) if out.parent.exists() else []
    assert left == []
    assert not list(Path(tempfile.gettempdir()).glob(f"narrate-{proc.pid}-*"))


STORY = """---
title: Story {n}
url: https://stories.example/{n}
---
<p>Story number {n}. The harbour was quiet that morning and the gulls circled over the pier
while the boats came in one by one.</p>
<p>A second paragraph of story {n}, with enough words that narrating it takes a moment.</p>
"""


def test_ctrl_c_during_add_publishes_what_is_stored(tmp_path: Path):
    """Ctrl-C (to the whole process group, as a terminal sends it) once two of six articles are
    in the catalog: exit 130 with one line, and feed.xml lists exactly the catalog's episodes."""
    import sqlite3

    need_tool("espeak-ng")
    need_tool("ffmpeg")
    from narrate.podcast.showfolder import init_show

    show = tmp_path / "show"
    init_show(show, title="Interrupted")
    articles = tmp_path / "articles"
    articles.mkdir()
    for n in range(1, 7):
        (articles / f"s{n}.txt").write_text(STORY.format(n=n), encoding="utf-8")
    proc = subprocess.Popen([str(NARRATE), "add", str(articles), "--show", str(show)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)

    def stored() -> int:
        try:
            with sqlite3.connect(show / "catalog.sqlite") as db:
                return db.execute("SELECT count(*) FROM episodes").fetchone()[0]
        except sqlite3.Error:
            return 0

    deadline = time.monotonic() + 120
    while stored() < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
    assert proc.poll() is None, "the batch ended before the interrupt"
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert stderr.decode().endswith("narrate: error: interrupted\n")
    assert "Traceback" not in stderr.decode()
    count = stored()
    assert 2 <= count < 6
    assert (show / "feed.xml").read_text(encoding="utf-8").count("<item>") == count
    assert not list((show / "episodes").glob(".*.part"))


def test_sigterm_to_a_parallel_add_stops_its_workers(tmp_path: Path):
    """SIGTERM to `narrate add --jobs 2` alone (a service manager's stop): its workers and their
    ffmpeg stop too, no .part file stays, and the feed lists exactly what the catalog holds."""
    import sqlite3

    need_tool("espeak-ng")
    need_tool("ffmpeg")
    from narrate.podcast.showfolder import init_show

    show = tmp_path / "show"
    init_show(show, title="Stopped")
    articles = tmp_path / "articles"
    articles.mkdir()
    for n in range(1, 7):
        (articles / f"s{n}.txt").write_text(STORY.format(n=n), encoding="utf-8")
    proc = subprocess.Popen([str(NARRATE), "add", str(articles), "--show", str(show), "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    workers: list[str] = []
    while time.monotonic() < deadline and not list((show / "episodes").glob(".*.part")):
        time.sleep(0.1)  # wait until the workers are encoding
    workers = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True,
                             text=True).stdout.split()
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert stderr.decode() == "narrate: error: interrupted\n"
    time.sleep(1)
    for pid in workers:
        stat = Path(f"/proc/{pid}/stat")
        assert not stat.exists() or stat.read_text().split()[2] == "Z", f"worker {pid} still runs"
    assert not list((show / "episodes").glob(".*.part"))
    with sqlite3.connect(show / "catalog.sqlite") as db:
        count = db.execute("SELECT count(*) FROM episodes").fetchone()[0]
    assert (show / "feed.xml").read_text(encoding="utf-8").count("<item>") == count
