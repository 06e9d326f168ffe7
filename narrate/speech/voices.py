"""Voice profiles: ``narrate/speech/profiles/*.toml``, shipped as package data so a wheel install
has them, plus a user's own in the folders listed in ``$NARRATE_VOICES`` (these win a name clash).

A profile names an engine, optionally pins an engine voice, gives its language, engine options,
a pronunciation lexicon and the wording of announcements::

    engine = "pyttsx3"
    language = "en"
    # voice = "en-gb"        # unpinned: the article's language picks the engine voice
    [options]                # checked by the engine's Options (unknown keys are errors)
    rate = 175
    [lexicon]                # whole words, case-insensitive -> respelling for the engine
    "Nguyen" = "Nwen"
    [wording]
    image = "Image: {alt}"
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from narrate.errors import ConfigError, EngineUnavailable
from narrate.speech import langmatch
from narrate.speech.wording import WORDING

if TYPE_CHECKING:
    from narrate.speech.engines.base import Engine

# Package data, found through importlib.resources (pip always unpacks a wheel onto disk).
SHIPPED_VOICES = Path(str(files("narrate.speech").joinpath("profiles")))
DEFAULT_PROFILE = "default"

_PROFILE_KEYS = {"engine", "voice", "language", "description", "options", "lexicon", "wording"}


@dataclass(frozen=True)
class VoiceProfile:
    name: str
    engine: str
    language: str = "en"
    voice: str = ""  # engine voice id; "" = chosen from the article's language
    description: str = ""
    options: dict[str, Any] = field(default_factory=dict)
    lexicon: dict[str, str] = field(default_factory=dict)
    wording: dict[str, str] = field(default_factory=lambda: dict(WORDING))
    path: Path | None = None


def voice_dirs() -> list[Path]:
    extra = [Path(p) for p in os.environ.get("NARRATE_VOICES", "").split(os.pathsep) if p]
    return [*extra, SHIPPED_VOICES]


def _builtin_default() -> VoiceProfile:
    """Used only if the shipped default.toml is missing (a damaged install)."""
    return VoiceProfile(DEFAULT_PROFILE, "pyttsx3", "en", description="espeak-ng, English")


def load_profile_file(path: Path) -> VoiceProfile:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read voice profile: {exc}", str(path)) from exc
    unknown = sorted(set(data) - _PROFILE_KEYS)
    if unknown:
        raise ConfigError(f"unknown key(s) {', '.join(unknown)}", str(path))
    if not isinstance(data.get("engine"), str):
        raise ConfigError("'engine' (a string) is required", str(path))
    wording = dict(WORDING)
    extra = set(data.get("wording", {})) - set(WORDING)
    if extra:
        raise ConfigError(f"unknown wording key(s) {', '.join(sorted(extra))}", str(path))
    wording.update({k: str(v) for k, v in data.get("wording", {}).items()})
    return VoiceProfile(
        name=path.stem,
        engine=data["engine"],
        language=str(data.get("language", "en")),
        voice=str(data.get("voice", "")),
        description=str(data.get("description", "")),
        options=dict(data.get("options", {})),
        lexicon={str(k): str(v) for k, v in data.get("lexicon", {}).items()},
        wording=wording,
        path=path,
    )


def profiles() -> dict[str, VoiceProfile]:
    """Every profile by name; the first folder in ``voice_dirs()`` wins a name clash."""
    found: dict[str, VoiceProfile] = {}
    for folder in voice_dirs():
        for path in sorted(folder.glob("*.toml")) if folder.is_dir() else ():
            found.setdefault(path.stem, load_profile_file(path))
    found.setdefault(DEFAULT_PROFILE, _builtin_default())
    return found


def choose_profile(name: str | None, language: str = "") -> VoiceProfile:
    """The named profile; without a name, ``default`` when its language is the article's, else
    the installed profile that best matches the article's language (BCP 47, see langmatch),
    else ``default``, whose engine then picks its own voice for the language (or says it has
    none)."""
    all_profiles = profiles()
    if name:
        if name in all_profiles:
            return all_profiles[name]
        path = Path(name)
        if path.suffix == ".toml" and path.is_file():
            return load_profile_file(path)
        raise EngineUnavailable(f"no voice profile {name!r} (have: {', '.join(sorted(all_profiles))})",
                                name)
    default = all_profiles[DEFAULT_PROFILE]
    lang = langmatch.canonical(language)
    if not lang or lang == "und" or _speaks(default, lang):
        return default
    from narrate.speech.engines import load_engines

    engines = load_engines()
    usable = [(p.name, [(5, p.language)]) for p in all_profiles.values()
              if p.name != DEFAULT_PROFILE and p.engine in engines
              and not engines[p.engine].cls.available()]
    found = langmatch.best_match(lang, usable)
    return all_profiles[found] if found else default


def language_mismatch(profile: VoiceProfile, language: str) -> str:
    """Why ``profile`` would read an article in ``language`` with another language's voice, or
    "". Only a profile that pins an engine voice (``joe``: American English) keeps it whatever
    the article's language; an unpinned one asks its engine for the article's language."""
    lang = langmatch.canonical(language)
    if not profile.voice or not lang or lang == "und" or _speaks(profile, lang):
        return ""
    return (f"the article's language is {language} but voice {profile.name!r} speaks "
            f"{profile.language}; reading it with that voice anyway (leave out --voice to get a "
            "voice for the article's language)")


def _speaks(profile: VoiceProfile, language: str) -> bool:
    return langmatch.best_match(language, [(profile.name, [(5, profile.language)])]) is not None


def engine_voice(profile: VoiceProfile, engine: Engine, language: str, source: str = "") -> str:
    """The engine voice that reads an article in ``language``: the profile's pinned voice, else
    the engine's voice for the article's language (the profile's own when the article does not
    say); EngineUnavailable naming ``source`` when the engine has none for it."""
    if profile.voice:
        return profile.voice
    lang = langmatch.canonical(language)
    try:
        return engine.voice_for_language(language if lang and lang != "und" else profile.language)
    except EngineUnavailable as exc:
        raise EngineUnavailable(exc.reason, source or exc.source) from exc


def voice_rows() -> list[tuple[str, str, str, str]]:
    """(profile, engine, language, "ok" or the reason it cannot be used) for ``narrate voices``."""
    from narrate.speech.engines import load_engines

    engines = load_engines()
    rows = []
    for name, prof in sorted(profiles().items()):
        info = engines.get(prof.engine)
        status = (f"unknown engine {prof.engine!r}" if info is None
                  else info.cls.available() or "ok")
        rows.append((name, prof.engine, prof.language, status))
    return rows
