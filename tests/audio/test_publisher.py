"""--audio fetch / auto: the publisher's narration from the article's <audio src>."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrate.audio.publisher import fetch_audio
from narrate.errors import SourceError
from narrate.model import Article, Paragraph, Text
from narrate.speak import speak
from tests.audio.conftest import make_mp3
from tests.conftest import need_tool

BODY = (Paragraph((Text("A first sentence of the body. A second one follows it."),)),)


def test_fetch_audio_checks(local_server, tmp_path: Path) -> None:
    ok = local_server.add("/ok.mp3", b"\xff\xfb" + b"\0" * 100, "audio/mpeg")
    assert fetch_audio(ok, tmp_path / "a").read_bytes()[:2] == b"\xff\xfb"
    with pytest.raises(SourceError, match="content type"):
        fetch_audio(local_server.add("/page", b"<html>", "text/html"), tmp_path / "b")
    with pytest.raises(SourceError, match="limit"):
        fetch_audio(ok, tmp_path / "c", max_bytes=10)
    with pytest.raises(SourceError, match="http"):
        fetch_audio("ftp://example.org/a.mp3", tmp_path / "d")
    with pytest.raises(SourceError, match="HTTP 404"):
        fetch_audio(local_server.base + "/404.mp3", tmp_path / "e")
    with pytest.raises(SourceError, match="empty"):
        fetch_audio(local_server.add("/empty.mp3", b"", "audio/mpeg"), tmp_path / "f")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a"]  # no partial files


def test_speak_fetches_the_publishers_audio(local_server, tmp_path: Path, fake_voice: str) -> None:
    need_tool("ffmpeg")
    url = local_server.add("/narration.mp3", make_mp3(tmp_path / "src.mp3", 12).read_bytes(),
                           "audio/mpeg")
    article = Article(title="Fetched", authors=("P. Ublisher",), audio_url=url, blocks=BODY)
    result = speak(article, tmp_path / "out.mp3", voice=fake_voice, audio="fetch")
    assert result.fetched and result.engine == "fetch"
    assert result.duration == pytest.approx(12.0, abs=0.2)
    assert result.vtt.read_text().startswith("WEBVTT")
    # auto takes the publisher's audio too, unless a voice is named: then that voice speaks
    assert speak(article, tmp_path / "auto.mp3").fetched
    named = speak(article, tmp_path / "named.mp3", voice=fake_voice, audio="auto")
    assert not named.fetched and named.engine == "fake"


def test_auto_generates_when_the_audio_cannot_be_had(local_server, tmp_path: Path,
                                                     fake_voice: str) -> None:
    article = Article(title="Dead link", audio_url=local_server.base + "/gone.mp3", blocks=BODY)
    result = speak(article, tmp_path / "out.mp3", voice=fake_voice, audio="auto")
    assert not result.fetched and result.engine == "fake"
    with pytest.raises(SourceError):
        speak(article, tmp_path / "f.mp3", voice=fake_voice, audio="fetch")
    assert not (tmp_path / "f.mp3").exists()


def test_fetch_without_audio_link(tmp_path: Path, fake_voice: str) -> None:
    with pytest.raises(SourceError, match="no publisher audio"):
        speak(Article(title="No audio", blocks=BODY), tmp_path / "x.mp3", voice=fake_voice,
              audio="fetch")
