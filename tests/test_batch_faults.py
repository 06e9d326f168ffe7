"""Faults in the middle of `narrate add` (made with mocks: error handling is where mocks are
allowed): a full disk while writing one episode's files is that source's one-line failure, no
temporary file stays behind, and the rest of the batch and the feed are still done; a broken
narrate.toml is one line naming the file."""

from __future__ import annotations

import errno
import os

import pytest

import narrate
from narrate import fileio
from narrate.batch import add_sources
from narrate.podcast.showfolder import init_show
from tests.cli.conftest import run_narrate
from tests.conftest import need_tool
from tests.test_batch_unattended import article, fake_named  # noqa: F401 - fixture


def test_disk_full_on_one_episode(tmp_path, monkeypatch, fake_named):  # noqa: F811
    show = init_show(tmp_path / "show", title="Full")
    full, fine = article(tmp_path / "full.txt", 1), article(tmp_path / "fine.txt", 2)
    real_replace = os.replace

    def replace(src, dst, *args, **kwargs):
        if "harbour-notes-1" in str(dst):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(fileio.os, "replace", replace)
    report = add_sources(show.folder, [str(full), str(fine)], voice=fake_named)
    assert [s for s, _ in report.failed] == [str(full)]
    message = report.failed[0][1]
    assert "disk full: free some space" in message and "\n" not in message
    assert [e.slug for e in report.added] == ["harbour-notes-2"]
    leftovers = [p.name for p in show.folder.rglob(".*.part")]
    assert leftovers == []
    assert "harbour-notes-2" in (show.folder / "feed.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("setting", "words"), [
    ('voice = 3', "voice must be a string"),
    ('explicit = "yes"', "explicit and locked must be true or false"),
    ('language = 12', "language must be a non-empty string"),
    ('base_url = "ftp://x"', "must be an absolute http(s) URL"),
])
def test_malformed_settings_are_one_line(tmp_path, setting, words):
    show = init_show(tmp_path / "show", title="Settings")
    toml = show.folder / "narrate.toml"
    key = setting.split(" =")[0]
    lines = [line for line in toml.read_text().splitlines() if not line.startswith(f"{key} =")]
    toml.write_text("\n".join([*lines, setting]) + "\n")
    for command in (["feed", str(show.folder)], ["serve", str(show.folder), "--port", "0"]):
        result = run_narrate(*command, timeout=60)
        err = result.stderr.decode()
        assert result.returncode == 1 and err.count("\n") == 1, err
        assert err.startswith(f"narrate: error: {toml}: ") and words in err


def test_settings_that_are_not_a_file(tmp_path):
    show = init_show(tmp_path / "show", title="Settings")
    toml = show.folder / "narrate.toml"
    toml.unlink()
    toml.mkdir()
    result = run_narrate("feed", str(show.folder), timeout=60)
    err = result.stderr.decode()
    assert result.returncode == 1 and err.count("\n") == 1
    assert "unexpected" not in err and str(toml) in err and "move it away" in err


def test_next_run_removes_what_a_killed_run_left(tmp_path):
    """A killed run's .part files in the show and its narrate-<pid>-* temp folder (the pid is
    gone) are removed by the next `narrate add`, even one that then fails."""
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    show = init_show(tmp_path / "show", title="Leftovers")
    parts = [show.folder / "episodes" / ".story.mp3.4242.part", show.folder / ".feed.xml.ab12.part"]
    for part in parts:
        part.write_bytes(b"half")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    temp = Path(tempfile.gettempdir()) / f"narrate-{dead}-espeak-leftover"
    temp.mkdir(exist_ok=True)
    (temp / "u0.wav").write_bytes(b"RIFF")
    empty = tmp_path / "nothing"
    empty.mkdir()
    result = run_narrate("add", str(empty), "--show", str(show.folder), timeout=120)
    assert result.returncode == 1  # a folder without articles
    assert not any(p.exists() for p in parts)
    assert not temp.exists()


def test_an_orphaned_worker_publishes_nothing(tmp_path, monkeypatch):
    """A pool worker whose `narrate add` has died (its parent pid is no longer the one that
    started it) fails its article before writing into the show, without prctl's help."""
    from narrate import batch, workers

    need_tool("espeak-ng")
    need_tool("ffmpeg")
    show = tmp_path / "show"
    init_show(show, title="Orphans")
    monkeypatch.setattr(workers, "_parent", [os.getppid() + 1])  # "started by" someone else
    art = narrate.read(str(article(tmp_path / "orphan.txt")))
    made = batch.produce(str(show), art.to_json(indent=None), "orphan", None, "generate")
    assert "batch that started this worker has ended" in made.error
    assert list((show / "episodes").iterdir()) == []  # not even a .part


def test_a_worker_killed_mid_batch_fails_its_sources_not_the_batch(tmp_path):
    """A pool worker killed from outside (an OOM killer, an operator) breaks the pool: every
    source not yet done is one failed source with a line that says what to do; the batch
    still ends normally, with the feed rebuilt for what was stored."""
    import signal
    import subprocess
    import threading
    import time

    from narrate.batch import WORKER_DIED
    from tests.test_batch import write_article

    need_tool("espeak-ng")
    need_tool("ffmpeg")
    show = init_show(tmp_path / "show", title="Broken pool")
    long = "The keepers wrote down every ship that passed, and every storm. " * 40
    specs = [str(write_article(tmp_path / f"{p}.txt", place=p, day=n, extra=long))
             for n, p in enumerate(("East", "West", "Isle", "Cape", "Bay"), 1)]
    done: dict = {}
    run = threading.Thread(target=lambda: done.update(report=add_sources(show.folder, specs, jobs=2)))
    run.start()
    deadline = time.monotonic() + 60
    victim = None
    while victim is None and time.monotonic() < deadline and run.is_alive():
        kids = subprocess.run(["pgrep", "-P", str(os.getpid())], capture_output=True,
                              text=True).stdout.split()
        busy = [k for k in kids if subprocess.run(["pgrep", "-P", k], capture_output=True).stdout]
        victim = int(busy[0]) if busy else None  # a worker running ffmpeg
        time.sleep(0.05)
    assert victim, "no worker was seen narrating"
    os.kill(victim, signal.SIGKILL)
    run.join(120)
    report = done["report"]
    assert len(report.added) + len(report.failed) == len(specs)
    assert report.failed and all(message == WORKER_DIED for _, message in report.failed)
    assert (show.folder / "feed.xml").read_text(encoding="utf-8").count("<item>") == len(report.added)


@pytest.mark.parametrize("damage", ["delete-mp3", "truncate-mp3", "grow-mp3", "delete-sidecar"])
def test_an_episode_damaged_by_hand_is_narrated_again(tmp_path, fake_named, damage):  # noqa: F811
    """Rule: re-adding an unchanged article keeps its episode only when the files the feed
    announces are there and the MP3 has the announced length; otherwise it is narrated again,
    so the feed never announces a length or a file the show does not have."""
    show = init_show(tmp_path / "show", title="Damage")
    source = article(tmp_path / "story.txt")
    (ep,) = add_sources(show.folder, [str(source)], voice=fake_named).added
    episodes = show.folder / "episodes"
    mp3 = episodes / f"{ep.stem}.mp3"
    sidecar = episodes / f"{ep.stem}.{ep.files[0]}"
    if damage == "delete-mp3":
        mp3.unlink()
    elif damage == "truncate-mp3":
        os.truncate(mp3, 1000)
    elif damage == "grow-mp3":
        with mp3.open("ab") as f:
            f.write(b"\0" * 10)
    else:
        sidecar.unlink()
    report = add_sources(show.folder, [str(source)], voice=fake_named)
    assert [e.slug for e in report.added] == [ep.slug] and not report.unchanged
    (again,) = report.added
    assert again.guid == ep.guid
    size = (episodes / f"{again.stem}.mp3").stat().st_size
    assert again.audio_bytes == size
    assert all((episodes / f"{again.stem}.{ext}").is_file() for ext in again.files)
    assert f'{again.stem}.mp3" length="{size}"' in (show.folder / "feed.xml").read_text("utf-8")
    # and once intact, it is unchanged again
    assert add_sources(show.folder, [str(source)], voice=fake_named).unchanged


class _LibraryError(Exception):
    """A library's own error type around an OSError (as mutagen's ``error`` is)."""


def test_a_failed_source_leaves_no_files_and_a_wrapped_disk_full_says_so(tmp_path, monkeypatch,
                                                                         fake_named):  # noqa: F811
    """Rule: a source that fails part-way (here: its MP3 and sidecars written, then the EPUB
    copy hits a full disk, reported by a library that wraps the OSError) leaves none of its
    files in the show, says "disk full" in one line, and the rest of the batch is done."""
    import narrate.book

    show = init_show(tmp_path / "show", title="Full")
    full, fine = article(tmp_path / "full.txt", 1), article(tmp_path / "fine.txt", 2)
    real_copy = narrate.book.episode_copy

    def episode_copy(article, writer, result, stem):
        if stem.startswith("harbour-notes-1"):
            try:
                raise OSError(errno.ENOSPC, "No space left on device")
            except OSError as e:
                raise _LibraryError(e) from None  # no __cause__: found through args/context
        return real_copy(article, writer, result, stem)

    monkeypatch.setattr(narrate.book, "episode_copy", episode_copy)
    report = add_sources(show.folder, [str(full), str(fine)], voice=fake_named)
    assert [s for s, _ in report.failed] == [str(full)]
    assert "disk full: free some space" in report.failed[0][1]
    assert "_LibraryError" not in report.failed[0][1] and "Errno" not in report.failed[0][1]
    assert not list((show.folder / "episodes").glob("harbour-notes-1*"))
    assert [e.slug for e in report.added] == ["harbour-notes-2"]


def test_a_tool_reporting_disk_full_is_said_as_disk_full(tmp_path, monkeypatch, fake_named):  # noqa: F811
    """Rule: when a program narrate runs (ffmpeg) fails because the disk is full, read-only or
    not writable, the line says that and what to do, naming the file being made (not its
    temporary .part), instead of repeating the tool's own words."""
    import narrate.speak
    from narrate.errors import AudioError

    show = init_show(tmp_path / "show", title="Full")
    source = article(tmp_path / "full.txt", 1)

    def speak(article, out, **kwargs):
        part = out.with_name(f".{out.name}.4242.part")
        raise AudioError(f"MP3 encoding failed: Error writing trailer of file:{part}: No space "
                         f"left on device Error closing file file:{part}: No space left on device",
                         str(part))

    monkeypatch.setattr(narrate.speak, "speak", speak)
    report = add_sources(show.folder, [str(source)], voice=fake_named)
    (line,) = [m for _, m in report.failed]
    mp3 = show.folder / "episodes" / "harbour-notes-1.mp3"
    assert line == f"{mp3}: disk full: free some space, then run the command again"


@pytest.mark.parametrize("name", ["narrate.toml", "cover.jpg"])
@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_a_show_file_that_is_not_a_regular_file_is_one_line_at_once(tmp_path, name, kind):
    """Rule: the files narrate reads from a show (settings, cover) must be regular files, as
    sources must: a FIFO there blocked `feed` forever, /dev/zero filled the memory ("out of
    memory"), a folder said "not a readable image ([Errno 21] …)". One line naming the file."""
    import time

    show = init_show(tmp_path / "show", title="Special")
    path = show.folder / name
    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path.symlink_to("/dev/zero")
    else:
        path.mkdir()
    started = time.monotonic()
    result = run_narrate("feed", str(show.folder), timeout=60)
    err = result.stderr.decode()
    assert result.returncode == 1 and err.count("\n") == 1, err
    assert err.startswith(f"narrate: error: {path}: ") and "Errno" not in err and "memory" not in err
    assert ("a FIFO" if kind == "fifo" else "a device" if kind == "device" else "a folder") in err
    assert time.monotonic() - started < 30
