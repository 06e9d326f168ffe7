"""narrate.speak.speak(): the one call behind `narrate speak` (the done-check runs the CLI in tests/cli)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from narrate.errors import ConfigError, EngineUnavailable, NarrateError
from narrate.model import Article, Figure, Heading, Image, Paragraph, Text
from narrate.speak import SpeakResult, speak

ARTICLE = Article(
    title="Tides and Timetables", authors=("Ila Moss",), language="en",
    url="https://example.org/tides", published="2025-05-06", site_name="Harbour Weekly",
    description="How the ferry schedule follows the moon.",
    cover=Image("http://127.0.0.1:9/unreachable.jpg"),  # refused at once
    blocks=(
        Paragraph((Text("The first ferry leaves at 6:15 a.m. on weekdays. It is often late."),)),
        Heading(2, (Text("Spring tides"),)),
        Figure("x.jpg", alt="A tide chart", caption="High water at noon."),
        Paragraph((Text("Twice a month the water climbs 20% higher."),)),
        Heading(2, (Text("What to do"),)),
        Paragraph((Text("Check the board before you travel."),)),
    ),
)


def test_result_and_files(tmp_path: Path, fake_voice: str) -> None:
    out = tmp_path / "sub" / "tides.mp3"  # the folder is created
    result = speak(ARTICLE, out, voice=fake_voice, audio="generate")
    assert isinstance(result, SpeakResult)
    assert result.mp3 == out and result.vtt == tmp_path / "sub" / "tides.vtt"
    assert result.srt == out.with_suffix(".srt")
    assert result.chapters == tmp_path / "sub" / "tides.chapters.json"
    assert all(p.is_file() and p.stat().st_size for p in (result.mp3, result.vtt, result.srt,
                                                         result.chapters))
    assert result.engine == "fake" and result.voice == "fake-en" and result.profile == "fake"
    assert not result.fetched
    chapters = json.loads(result.chapters.read_text())["chapters"]
    assert [c["title"] for c in chapters] == ["Tides and Timetables", "Spring tides", "What to do"]
    assert chapters[-1]["endTime"] == pytest.approx(result.duration, abs=0.001)
    # outside a show there is no podcast: the article's site is not one
    assert "podcastName" not in json.loads(result.chapters.read_text())


def test_podcast_name_is_the_shows(tmp_path: Path, fake_voice: str) -> None:
    result = speak(ARTICLE, tmp_path / "s.mp3", voice=fake_voice, audio="generate",
                   podcast="Evening Readings")
    assert json.loads(result.chapters.read_text())["podcastName"] == "Evening Readings"


def test_progress_is_reported(tmp_path: Path, fake_voice: str) -> None:
    seen: list[str] = []
    speak(ARTICLE, tmp_path / "p.mp3", voice=fake_voice, audio="generate", progress=seen.append)
    assert any(m.startswith("synthesizing") for m in seen) and "encoding MP3" in seen


def test_bad_arguments(tmp_path: Path, fake_voice: str) -> None:
    with pytest.raises(ConfigError, match="--audio"):
        speak(ARTICLE, tmp_path / "a.mp3", voice=fake_voice, audio="stream")
    with pytest.raises(EngineUnavailable, match="no voice profile"):
        speak(ARTICLE, tmp_path / "a.mp3", voice="nobody")
    bad = tmp_path / "bad.toml"
    bad.write_text('engine = "fake"\n[options]\nspeed = 2\n')
    with pytest.raises(ConfigError, match="speed"):
        speak(ARTICLE, tmp_path / "a.mp3", voice=str(bad))
    assert not (tmp_path / "a.mp3").exists()


def test_errors_are_one_line_and_name_the_source(tmp_path: Path, fake_voice: str) -> None:
    from tests.conftest import FakeEngine

    failing = tmp_path / "failing.toml"
    failing.write_text('engine = "fake"\n[options]\nfail_on = "board"\n')
    with pytest.raises(NarrateError) as info:
        speak(ARTICLE, tmp_path / "f.mp3", voice=str(failing), audio="generate")
    assert "\n" not in str(info.value) and info.value.source == FakeEngine.name
    assert not list(tmp_path.glob("f.*"))


def test_a_passage_left_out_leaves_the_script_and_the_timeline_in_step(
        tmp_path: Path, fake_voice: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """An engine with no voice for a quoted line's language skips it; the result's script is
    what was heard, one utterance per cue, so the read-along page and EPUB stay aligned."""
    from narrate.book import sentences
    from tests.conftest import FakeEngine

    def english_only(self: FakeEngine, language: str) -> str:
        if (language or "en").split("-")[0] != "en":
            raise EngineUnavailable(f"no voice for {language}", self.name)
        return "fake-en"

    monkeypatch.setattr(FakeEngine, "voice_for_language", english_only)
    article = Article(title="A quote", language="en", blocks=(
        Paragraph((Text("He read one line aloud."),)),
        Paragraph((Text("Ο καιρός σήμερα είναι ζεστός στην Αθήνα."),)),
        Paragraph((Text("Then he closed the book."),)),
    ))
    result = speak(article, tmp_path / "q.mp3", voice=fake_voice, audio="generate")
    assert [u.text for u in result.script] == [c.text for c in result.timeline] == [
        "A quote.", "He read one line aloud.", "Then he closed the book."]
    assert "Αθήνα" not in result.vtt.read_text(encoding="utf-8")
    assert [s.written for s in sentences(result.script, result.timeline)] == [
        u.written for u in result.script]
