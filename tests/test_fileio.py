"""Faults while writing: each is one StorageError line that says what to do, and no temporary
file is left behind; temp folders and .part files of killed runs are removed by the next run.
(Faults are made with mocks here: error handling is where mocks are allowed.)"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from narrate import fileio
from narrate.cli import cli
from narrate.errors import StorageError, one_line, storage_error
from narrate.fileio import remove_stale, remove_stale_temp, write_atomic

FAULTS = [
    (errno.ENOSPC, "disk full"),
    (errno.EDQUOT, "quota"),
    (errno.EACCES, "permission denied"),
    (errno.EROFS, "read-only"),
]


@pytest.mark.parametrize(("code", "words"), FAULTS)
def test_write_fault_is_one_line_and_leaves_no_part(tmp_path, monkeypatch, code, words):
    def failing_fsync(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(fileio.os, "fsync", failing_fsync)
    target = tmp_path / "feed.xml"
    with pytest.raises(StorageError) as info:
        write_atomic(target, "<rss/>")
    message = str(info.value)
    assert message.startswith(f"{target}: ") and words in message and "\n" not in message
    assert list(tmp_path.iterdir()) == []  # neither the file nor a .part


def test_fault_before_the_temp_file_exists(tmp_path, monkeypatch):
    def no_mkstemp(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path))

    monkeypatch.setattr(fileio.tempfile, "mkstemp", no_mkstemp)
    with pytest.raises(StorageError, match="permission denied: make it writable"):
        write_atomic(tmp_path / "x.txt", "x")


def test_a_file_where_a_folder_is_expected(tmp_path):
    (tmp_path / "episodes").write_text("not a folder")
    with pytest.raises(StorageError) as info:
        write_atomic(tmp_path / "episodes" / "a.txt", "x")
    assert "move it away" in str(info.value)


def test_every_errno_gives_a_line():
    for code in (errno.ENOSPC, errno.EIO, errno.ENAMETOOLONG, errno.EBUSY, 0):
        text = str(storage_error(OSError(code, os.strerror(code) if code else "odd"), "f.mp3"))
        assert text.startswith("f.mp3: ") and "OSError" not in text and "\n" not in text
    assert one_line(OSError(errno.ENOSPC, "No space left", "/x/a.mp3")).startswith("/x/a.mp3: disk full")
    assert one_line(ValueError("bad\nthing")) == "ValueError: bad thing"


def test_cli_renders_disk_full_as_one_line(tmp_path, monkeypatch):
    article = tmp_path / "a.md"
    article.write_text("# Title\n\nA short paragraph of text for the export.\n")
    out = tmp_path / "out" / "a.html"
    real_replace = os.replace

    def full_disk(src, dst, *a, **k):
        if str(dst) == str(out):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_replace(src, dst, *a, **k)

    monkeypatch.setattr(fileio.os, "replace", full_disk)
    result = CliRunner().invoke(cli, ["export", str(article), "--format", "html", "-o", str(out)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines == [f"narrate: error: {out}: disk full: free some space, then run the command again"]
    assert list((tmp_path / "out").iterdir()) == []


def test_cli_renders_an_unexpected_os_error_as_advice(tmp_path, monkeypatch):
    """An OSError from anywhere (here: reading the source) is a line naming the file."""
    article = tmp_path / "a.md"
    article.write_text("# T\n\nText.\n")
    import narrate

    def broken_read(source: str):
        raise OSError(errno.EIO, "Input/output error", source)

    monkeypatch.setattr(narrate, "read", broken_read)
    result = CliRunner().invoke(cli, ["export", str(article), "--format", "text"])
    assert result.exit_code == 1
    assert result.output == f"narrate: error: {article}: input/output error: check the disk\n"


def test_stale_temp_folders_of_dead_runs_are_removed(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        for name in (f"narrate-{dead}-abc", f"narrate-{dead}-espeak-x", f"narrate-{live.pid}-def",
                     f"narrate-{os.getpid()}-mine", "narrate-oldstyle", "other-123-x"):
            (tmp_path / name).mkdir()
            (tmp_path / name / "u0.wav").write_bytes(b"x")
        old = tmp_path / "narrate-oldstyle"
        os.utime(old, (0, 0))
        (tmp_path / "narrate-recent").mkdir()
        assert remove_stale_temp(tmp_path) == 3
        left = sorted(p.name for p in tmp_path.iterdir())
        assert left == sorted([f"narrate-{live.pid}-def", f"narrate-{os.getpid()}-mine",
                               "narrate-recent", "other-123-x"])
    finally:
        live.kill()
        live.wait()


def test_our_temp_folders_carry_our_pid():
    made = fileio.make_temp_dir("espeak")
    try:
        assert made.parent == Path(tempfile.gettempdir())
        assert made.name.startswith(f"narrate-{os.getpid()}-espeak-")
    finally:
        made.rmdir()


def test_remove_stale_parts(tmp_path):
    eps = tmp_path / "episodes"
    eps.mkdir()
    for name in (".a.mp3.123.part", ".feed.xml.x1.part", "keep.mp3", ".hidden"):
        (eps / name).write_bytes(b"x")
    (tmp_path / ".feed.xml.abc.part").write_bytes(b"x")
    assert remove_stale(tmp_path) == 3
    assert sorted(p.name for p in eps.iterdir()) == [".hidden", "keep.mp3"]
    assert [p.name for p in tmp_path.glob(".*.part")] == []


@pytest.mark.parametrize("part, made", [
    ("show/.z.mp3.29114.part", "show/z.mp3"),  # the audio pipeline's .name.<pid>.part
    ("show/episodes/.a.epub.k3j_x9q.part", "show/episodes/a.epub"),  # write_atomic's mkstemp
    ("show/.narrate.lock", "show/.narrate.lock"),
])
def test_a_failure_names_the_file_being_made_not_its_part(part, made):
    """Rule: disk full, read-only or permission denied while writing a temporary file names
    the file the user asked for (``speak -o sh/z.mp3`` on a read-only disk said sh/.z.mp3.29114.part)."""
    from narrate.errors import AudioError, storage_error, tool_os_error

    error = storage_error(OSError(errno.EROFS, "Read-only file system", part))
    assert str(error) == f"{made}: read-only file system: use a writable location"
    tool = tool_os_error(AudioError(f"MP3 encoding failed: file:{part}: No space left on device", part))
    assert str(tool) == f"{made}: disk full: free some space, then run the command again"


def test_a_fifo_or_device_output_is_written_into_never_replaced(tmp_path):
    """Rule: ``-o`` naming a FIFO or a device (/dev/null, /dev/stdout) gets the bytes written
    into it; the temp-file-and-rename of atomic writes replaced it with a regular file (as
    root, ``narrate export -o /dev/null`` replaced /dev/null). Outputs that cannot be
    streamed (an MP3 with sidecars beside it) are refused in one line instead."""
    import threading

    from narrate.errors import StorageError

    fifo = tmp_path / "out"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    fileio.write_atomic(fifo, "streamed\n", stream_special=True)
    reader.join(10)
    assert got == [b"streamed\n"] and fifo.is_fifo()
    with pytest.raises(StorageError, match="is a device or FIFO") as info:
        fileio.refuse_special(fifo)
    assert str(info.value).startswith(f"{fifo}: ") and fifo.is_fifo()
    # the CLI streams too (a FIFO stands in for /dev/null: a regression must not replace that)
    got.clear()
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    exported = subprocess.run([sys.executable, "-m", "narrate", "export", "-", "-o", str(fifo)],
                              input=b"# T\n\nA short paragraph.\n", capture_output=True, timeout=60,
                              env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
    reader.join(10)
    assert exported.returncode == 0 and got and b"short paragraph" in got[0] and fifo.is_fifo()
    result = subprocess.run([sys.executable, "-m", "narrate", "speak", "-", "-o", str(fifo)],
                            input=b"# T\n\nA short paragraph.\n", capture_output=True, timeout=60,
                            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
    assert result.returncode == 1 and b"is a device or FIFO" in result.stderr and fifo.is_fifo()
