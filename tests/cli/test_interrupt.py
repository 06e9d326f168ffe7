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


def _show_and_stories(tmp_path: Path, title: str) -> tuple[Path, Path]:
    """A new show and a folder of six short stories to add to it."""
    need_tool("espeak-ng")
    need_tool("ffmpeg")
    from narrate.podcast.showfolder import init_show

    show = tmp_path / "show"
    init_show(show, title=title)
    articles = tmp_path / "articles"
    articles.mkdir()
    for n in range(1, 7):
        (articles / f"s{n}.txt").write_text(STORY.format(n=n), encoding="utf-8")
    return show, articles


def _as_from_a_terminal() -> None:
    """Ctrl-C's default action in the child, as a terminal's foreground job has it: a test
    runner started in the background (``cmd &``) ignores SIGINT, and narrate leaves an ignored
    SIGINT ignored, as under nohup."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_signal_during_speak_is_one_line(tmp_path: Path, sig: signal.Signals):
    need_tool("espeak-ng")
    need_tool("ffmpeg")
    article = tmp_path / "long.md"
    article.write_text("# A long morning\n\n" + SENTENCE * 150, encoding="utf-8")
    out = tmp_path / "out" / "long.mp3"
    proc = subprocess.Popen([str(NARRATE), "speak", str(article), "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"},
                            preexec_fn=_as_from_a_terminal)
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

    show, articles = _show_and_stories(tmp_path, "Interrupted")
    proc = subprocess.Popen([str(NARRATE), "add", str(articles), "--show", str(show)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                            preexec_fn=_as_from_a_terminal)

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

    show, articles = _show_and_stories(tmp_path, "Stopped")
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
    # the workers were killed and could not remove their temp folders: the run does (README:
    # "Ctrl-C or SIGTERM removes temporary files"), not only the next run
    temp = Path(tempfile.gettempdir())
    assert workers and not [p for pid in workers for p in temp.glob(f"narrate-{pid}-*")]
    with sqlite3.connect(show / "catalog.sqlite") as db:
        count = db.execute("SELECT count(*) FROM episodes").fetchone()[0]
    assert (show / "feed.xml").read_text(encoding="utf-8").count("<item>") == count


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def _alive(pid: int) -> bool:
    stat = Path(f"/proc/{pid}/stat")
    try:
        return stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def test_kill_9_of_a_parallel_add_ends_its_workers(tmp_path: Path):
    """`kill -9` of `narrate add --jobs 2` releases the show lock at once; its workers must not
    go on to publish their articles into a show they no longer hold: they die with it, and no
    episode file appears in the show after the kill."""
    need_tool("espeak-ng")
    need_tool("ffmpeg")
    if not Path("/proc/self/stat").exists():
        pytest.skip("needs /proc to see the workers")
    from narrate.podcast.showfolder import init_show

    show = tmp_path / "show"
    init_show(show, title="Killed")
    articles = tmp_path / "articles"
    articles.mkdir()
    long_story = STORY.replace("</p>\n<p>A second", "</p>\n" + "<p>" + SENTENCE * 40 + "</p>\n<p>A second")
    for n in range(1, 5):
        (articles / f"s{n}.txt").write_text(long_story.format(n=n), encoding="utf-8")
    proc = subprocess.Popen([str(NARRATE), "add", str(articles), "--show", str(show), "--jobs", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    episodes = show / "episodes"
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and proc.poll() is None:
        workers = [w for w in _children(proc.pid) if _children(w)]  # a worker runs ffmpeg
        if len(workers) == 2:
            break
        time.sleep(0.05)
    assert proc.poll() is None and workers, "the batch ended before the kill: lengthen the stories"
    published = sorted(p.name for p in episodes.iterdir() if not p.name.startswith("."))
    proc.kill()
    proc.wait(timeout=10)
    deadline = time.monotonic() + 5
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [w for w in workers if _alive(w)], "a worker outlived its killed parent"
    time.sleep(2)  # long enough for a surviving worker to have published its episode
    assert sorted(p.name for p in episodes.iterdir() if not p.name.startswith(".")) == published


def test_a_signal_after_the_command_finished_does_not_kill_it_silently():
    """Rule: once a command has finished (its files written, its line printed), a Ctrl-C or
    SIGTERM arriving while Python shuts down leaves its exit code as it is. Late in shutdown
    Python restores the default action, and such a signal killed `narrate export` after a
    complete EPUB: exit 130 without a line. The handlers are set to ignore when main returns."""
    script = (
        "import signal, sys\n"
        "import narrate.cli as c\n"
        "c.cli = lambda **kw: sys.exit(0)\n"
        "try:\n"
        "    c.main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(signal.getsignal(signal.SIGINT) is signal.SIG_IGN,\n"
        "      signal.getsignal(signal.SIGTERM) is signal.SIG_IGN)\n"
        "import os; os.kill(os.getpid(), signal.SIGTERM); os.kill(os.getpid(), signal.SIGINT)\n"
        "print('still here')\n")
    import sys

    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    assert proc.returncode == 0 and proc.stdout.split() == ["True", "True", "still", "here"], proc


def test_export_epub_removes_what_killed_runs_left(tmp_path: Path):
    """`narrate export -f epub` makes temp folders as speak and add do, so like them it removes
    the narrate-<pid>-* folders of runs that were killed (README: the next run removes them)."""
    import sys

    temp = tmp_path / "tmp"
    temp.mkdir()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = temp / f"narrate-{dead.pid}-abc"
    stale.mkdir()
    live = temp / f"narrate-{os.getpid()}-abc"  # this test's own: alive, kept
    live.mkdir()
    article = tmp_path / "a.md"
    article.write_text("# Short\n\n" + SENTENCE * 3, encoding="utf-8")
    proc = subprocess.run([str(NARRATE), "export", "-f", "epub", "--no-audio", str(article), "-o",
                           str(tmp_path / "a.epub")], capture_output=True, timeout=120,
                          env={**os.environ, "TMPDIR": str(temp)})
    assert proc.returncode == 0, proc.stderr
    assert not stale.exists() and live.exists()
