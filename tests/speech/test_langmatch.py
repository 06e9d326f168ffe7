"""BCP 47 matching of an article's language to the languages voices declare (no engine)."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrate.speech import langmatch
from narrate.speech.voices import choose_profile

# declared like espeak-ng does: (voice id, [(priority, tag)]), lower priority preferred
OFFERS = [
    ("gb", [(2, "en-gb"), (2, "en")]),
    ("us", [(2, "en-us"), (3, "en")]),
    ("fr", [(5, "fr-fr"), (5, "fr")]),
    ("fr-be", [(5, "fr-be"), (8, "fr")]),
    ("cmn", [(5, "cmn"), (5, "zh-cmn"), (5, "zh")]),
    ("yue", [(5, "yue"), (5, "zh-yue"), (8, "zh")]),
    ("pt", [(5, "pt"), (5, "pt-pt")]),
    ("pt-br", [(5, "pt-br"), (6, "pt")]),
    ("nb", [(5, "nb")]),
    ("he", [(5, "he")]),
]


@pytest.mark.parametrize(("tag", "canonical"), [
    ("pt_BR", "pt-br"), ("ZH-Hant-TW", "zh-hant-tw"), ("zh-yue-HK", "yue-hk"), ("iw", "he"),
    ("fre", "fr"), ("deu", "de"), ("", ""), ("  en-GB ", "en-gb"),
])
def test_canonical(tag: str, canonical: str) -> None:
    assert langmatch.canonical(tag) == canonical


@pytest.mark.parametrize(("tag", "voice"), [
    ("en", "us"), ("en-GB", "gb"), ("en-IE", "gb"),  # priority decides among "en" voices
    ("fr", "fr"), ("fr-BE", "fr-be"), ("fr-CA", "fr"),
    ("zh", "cmn"), ("zh-Hans-CN", "cmn"), ("zh-TW", "cmn"), ("zh-Hant", "cmn"),
    ("zh-HK", "yue"), ("zh-Hant-HK", "yue"), ("zh-MO", "yue"), ("yue", "yue"), ("cmn", "cmn"),
    ("pt-BR", "pt-br"), ("pt-PT", "pt"), ("pt", "pt"),
    ("no", "nb"), ("nb-NO", "nb"), ("iw-IL", "he"),
])
def test_best_match(tag: str, voice: str) -> None:
    assert langmatch.best_match(tag, OFFERS) == voice


@pytest.mark.parametrize("tag", ["de", "nn", "xx", "und", "", "sr-Latn"])
def test_no_voice_for_another_language(tag: str) -> None:
    assert langmatch.best_match(tag, OFFERS) is None


def test_a_region_only_voice_serves_its_language() -> None:
    # a Piper profile declares one regional tag; any region of that language reaches it
    offers = [("joe", [(5, "en-US")])]
    assert langmatch.best_match("en-GB", offers) == "joe"
    assert langmatch.best_match("en", offers) == "joe"
    assert langmatch.best_match("fr", offers) is None


@pytest.mark.parametrize(("tag", "code"), [("fr-CA", "fra"), ("zh-HK", "zho"), ("yue", "yue"),
                                           ("fre", "fra"), ("xx", "und")])
def test_iso639_2(tag: str, code: str) -> None:
    assert langmatch.iso639_2(tag) == code


def test_profile_for_the_articles_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "paris.toml").write_text('engine = "fake"\nlanguage = "fr-FR"\n')
    (tmp_path / "lisboa.toml").write_text('engine = "fake"\nlanguage = "pt-PT"\n')
    (tmp_path / "rio.toml").write_text('engine = "fake"\nlanguage = "pt-BR"\n')
    (tmp_path / "ghost.toml").write_text('engine = "no-such-engine"\nlanguage = "de"\n')
    monkeypatch.setenv("NARRATE_VOICES", str(tmp_path))
    assert choose_profile(None, "fr").name == "paris"
    assert choose_profile(None, "fr-CH").name == "paris"
    assert choose_profile(None, "pt-BR").name == "rio"
    assert choose_profile(None, "pt").name == "lisboa"
    assert choose_profile(None, "en-AU").name == "default"  # the default speaks English
    assert choose_profile(None, "de").name == "default"  # its engine is not installed
    assert choose_profile(None, "und").name == "default"
