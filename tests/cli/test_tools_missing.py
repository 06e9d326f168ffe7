"""A missing program (ffmpeg, espeak-ng) is reported by `narrate voices` and is one line naming
it when narration needs it — never "unexpected FileNotFoundError"."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.cli.conftest import NARRATE


def run_without_tools(*args: str, tmp: Path) -> subprocess.CompletedProcess:
    empty = tmp / "bin"
    empty.mkdir(exist_ok=True)
    env = {**os.environ, "PATH": str(empty)}
    env.pop("NARRATE_DEBUG", None)
    return subprocess.run([str(NARRATE), *args], capture_output=True, timeout=120, env=env)


def test_voices_reports_missing_tools(tmp_path):
    result = run_without_tools("voices", tmp=tmp_path)
    assert result.returncode == 0
    out = result.stdout.decode()
    tools = out.split("Tools:", 1)[1]
    assert "ffmpeg" in tools and "espeak-ng" in tools
    ffmpeg = next(line for line in tools.splitlines() if "ffmpeg" in line)
    assert "missing" in ffmpeg and "scripts/setup.sh" in ffmpeg
    # The default voice loads libespeak-ng, not the espeak-ng program: the row agrees with
    # the default voice's own status instead of calling it missing while it narrates.
    espeak = next(line for line in tools.splitlines() if "espeak-ng" in line)
    default = next(line for line in out.splitlines() if line.split()[:1] == ["default"])
    assert ("missing" in espeak) == (not default.rstrip().endswith("ok"))


def test_speak_without_ffmpeg_is_one_line(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("# Short\n\nA short paragraph to narrate without an encoder.\n")
    result = run_without_tools("speak", str(article), "-o", str(tmp_path / "out" / "a.mp3"),
                               tmp=tmp_path)
    err = result.stderr.decode()
    assert result.returncode == 1
    assert err.count("\n") == 1 and err.startswith("narrate: error: ffmpeg: is not installed")
    out = tmp_path / "out"
    assert not out.exists() or not any(out.iterdir())  # no MP3, no .part
