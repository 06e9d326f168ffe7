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
