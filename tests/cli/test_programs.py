"""A missing ffmpeg or espeak-ng is reported by name with the install command, never "ok"."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from narrate.errors import EngineUnavailable
from narrate.speech.engines import get_engine, pyttsx3_espeak
from tests.cli.conftest import NARRATE


def run_without_programs(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    """The real CLI with a PATH that holds no ffmpeg (nor anything else)."""
    empty = tmp_path / "empty-bin"
    empty.mkdir(exist_ok=True)
    env = {**os.environ, "PATH": str(empty)}
    return subprocess.run([sys.executable, str(NARRATE), *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_voices_reports_a_missing_ffmpeg(tmp_path: Path) -> None:
    done = run_without_programs("voices", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    rows = {line.split()[0]: line for line in done.stdout.splitlines() if line.strip()}
    assert "not installed" in rows["ffmpeg"] and "apt-get install" in rows["ffmpeg"]
    assert rows["default"].split()[3] != "ok"  # a profile that cannot narrate is not "ok"


def test_speak_without_ffmpeg_is_one_line_naming_it(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text("A Title\n\n" + "Some words to narrate here. " * 20, encoding="utf-8")
    done = run_without_programs("speak", str(page), "-o", str(tmp_path / "a.mp3"),
                                tmp_path=tmp_path)
    err = done.stderr.strip()
    assert done.returncode != 0 and len(err.splitlines()) == 1, err
    assert "ffmpeg" in err and "sudo apt-get install espeak-ng ffmpeg" in err
    assert not (tmp_path / "a.mp3").exists()


def test_a_missing_libespeak_ng_is_named_with_the_install_command(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyttsx3.drivers._espeak", None)  # the library is absent
    pyttsx3_espeak.missing_espeak.cache_clear()
    try:
        with pytest.raises(EngineUnavailable, match="espeak-ng is not installed.*apt-get install"):
            get_engine("pyttsx3")
    finally:
        monkeypatch.undo()
        pyttsx3_espeak.missing_espeak.cache_clear()
