"""Suite-wide fixtures: a FakeEngine registered exactly the way a plugin registers an engine.

The fake engine speaks a steady tone whose length is known from the text (``seconds_per_char``),
so the pipeline's logic (cue maths, pauses, sidecars, tags, atomic writes) is tested fast and
exactly; integration tests use the real espeak-ng, Piper and ffmpeg.
"""

from __future__ import annotations

import math
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from narrate.errors import SynthesisError
from narrate.speech import engines
from narrate.speech.engines.base import Audio, Engine, Options


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> object:
    """In CI (``CI`` set) a skip is a failure: whatever a test needs, CI must have."""
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, which must have everything: {report.longrepr}"


FAKE_RATE = 22050
_PERIOD = 98  # samples: a 225 Hz tone at 22.05 kHz
_TONE = b"".join(
    int(8000 * math.sin(2 * math.pi * k / _PERIOD)).to_bytes(2, "little", signed=True)
    for k in range(_PERIOD)
)


class FakeEngine(Engine):
    """Deterministic tone: 0.1 s + ``seconds_per_char`` per character of the utterance."""

    name = "fake"
    description = "test tone with known durations"

    @dataclass(frozen=True)
    class Options(Options):
        seconds_per_char: float = 0.01
        fail_on: str = ""  # raise SynthesisError for utterances containing this
        silent_on: str = ""  # return only silence for utterances containing this
        rate: int = FAKE_RATE

    calls: list[str] = []

    def synthesize(self, utterance: str, voice: str) -> Audio:
        opts = self.options
        assert isinstance(opts, FakeEngine.Options)
        FakeEngine.calls.append(utterance)
        if opts.fail_on and opts.fail_on in utterance:
            raise SynthesisError(f"fake failure on {utterance[:30]!r}", self.name)
        n = fake_samples(utterance, opts.seconds_per_char, opts.rate)
        if opts.silent_on and opts.silent_on in utterance:
            return Audio(b"\0\0" * n, opts.rate)
        return Audio((_TONE * (n // _PERIOD + 1))[: 2 * n], opts.rate)

    def voice_for_language(self, language: str) -> str:
        return f"fake-{(language or 'en').split('-')[0]}"


def fake_samples(text: str, seconds_per_char: float = 0.01, rate: int = FAKE_RATE) -> int:
    return int(round((0.1 + seconds_per_char * len(text)) * rate))


def register_engines(register: Callable[[type[Engine]], None]) -> None:
    """The plugin hook, as a third-party package would expose it."""
    register(FakeEngine)


def isolated_engines() -> None:
    """The registry the suite runs with: the built-ins and this fake, never the plug-ins that
    happen to be installed on the machine (entry-point loading has its own test)."""
    engines.reset(plugins=False)
    engines.add_plugin(register_engines, origin="tests")


isolated_engines()

FAKE_PROFILE = """\
engine = "fake"
language = "en"
description = "test tone"

[options]
seconds_per_char = 0.01

[lexicon]
"Zork" = "Zorch"

[wording]
image = "Picture: {alt}"
"""


@pytest.fixture
def fake_voice(tmp_path: Path) -> str:
    """Path of a voice profile using the fake engine (pass it as ``voice=``)."""
    path = tmp_path / "fake.toml"
    path.write_text(FAKE_PROFILE, encoding="utf-8")
    return str(path)


def need_tool(name: str, package: str | None = None) -> str:
    """The tool's path; when it is missing, fail in CI (``CI`` set) and skip elsewhere, naming
    the Debian package that provides it."""
    found = shutil.which(name)
    if found:
        return found
    reason = f"{name} is not installed (apt-get install -y --no-install-recommends {package or name})"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)
