"""An explicitly named voice is kept, but a voice of another language than the article's says so.

`narrate speak --voice joe` (American English, a pinned Piper voice) on a French article used to
read French with the American voice without a word. The choice stays the user's; one warning
line on stderr names the article's language and the voice's. A voice that is not pinned
(``default``) asks its engine for the article's language, so it never warns.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from narrate.speech.voices import choose_profile, language_mismatch, load_profile_file
from tests.cli.conftest import run_narrate

FRENCH = """---
title: Le port au matin
language: fr
---
<p>Les bateaux rentrent au port avant le lever du soleil. Les pêcheurs déchargent leurs caisses.</p>
"""
ENGLISH = FRENCH.replace("language: fr", "language: en-GB")
# espeak-ng through pyttsx3 with its American voice pinned: like `joe`, but needs no download
PINNED = 'engine = "pyttsx3"\nvoice = "en-us"\nlanguage = "en-US"\n'


def test_only_a_pinned_voice_of_another_language_is_a_mismatch(tmp_path: Path):
    joe = choose_profile("joe")
    note = language_mismatch(joe, "fr")
    assert "fr" in note and "en-US" in note and "'joe'" in note
    assert language_mismatch(joe, "en-GB") == ""  # another region of the same language
    assert language_mismatch(joe, "") == "" and language_mismatch(joe, "und") == ""
    assert language_mismatch(choose_profile("default"), "fr") == ""  # not pinned
    (tmp_path / "gb.toml").write_text('engine = "pyttsx3"\nvoice = "en-gb"\nlanguage = "en"\n')
    assert "de-CH" in language_mismatch(load_profile_file(tmp_path / "gb.toml"), "de-CH")


@pytest.fixture
def pinned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    voices = tmp_path / "voices"
    voices.mkdir()
    (voices / "pinned.toml").write_text(PINNED, encoding="utf-8")
    monkeypatch.setenv("NARRATE_VOICES", str(voices))
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    return tmp_path


def _warnings(stderr: bytes) -> list[str]:
    return [line for line in stderr.decode().splitlines() if "warning" in line]


def test_speak_with_a_voice_of_another_language_warns_once_and_keeps_the_voice(pinned: Path):
    proc = run_narrate("speak", "fr.txt", "-o", "fr.mp3", "--voice", "pinned", "-q", cwd=pinned)
    assert proc.returncode == 0, proc.stderr.decode()
    assert (pinned / "fr.mp3").stat().st_size > 0
    warnings = _warnings(proc.stderr)
    assert len(warnings) == 1, proc.stderr.decode()
    assert warnings[0].startswith("narrate: warning: fr.txt: ")
    assert "language is fr" in warnings[0] and "speaks en-US" in warnings[0]


def test_no_warning_when_the_languages_agree_or_no_voice_is_named(pinned: Path):
    same = run_narrate("export", "en.txt", "--format", "script", "--voice", "pinned", cwd=pinned)
    chosen = run_narrate("export", "fr.txt", "--format", "script", cwd=pinned)
    for proc in (same, chosen):
        assert proc.returncode == 0, proc.stderr.decode()
        assert _warnings(proc.stderr) == []


def test_export_warns_only_for_what_the_voice_reads(pinned: Path):
    script = run_narrate("export", "fr.txt", "--format", "script", "--voice", "pinned", cwd=pinned)
    assert len(_warnings(script.stderr)) == 1
    text = run_narrate("export", "fr.txt", "--format", "text", "--voice", "pinned", cwd=pinned)
    assert text.returncode == 0 and _warnings(text.stderr) == []



def test_add_with_a_voice_of_another_language_warns_for_that_source_only(pinned: Path):
    assert run_narrate("init", "show", cwd=pinned).returncode == 0
    proc = run_narrate("add", "fr.txt", "en.txt", "--show", "show", "--voice", "pinned", "-q",
                       cwd=pinned)
    assert proc.returncode == 0, proc.stderr.decode()
    warnings = _warnings(proc.stderr)
    assert len(warnings) == 1, proc.stderr.decode()
    assert warnings[0].startswith("narrate: warning: fr.txt: the article's language is fr")
    assert "error" not in proc.stderr.decode()
