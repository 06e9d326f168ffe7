"""An article is read by a voice that speaks its language (real espeak-ng and ffmpeg)."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrate.audio.tags import read_tags
from narrate.model import Article, Paragraph, Text
from narrate.speak import speak
from tests.cli.conftest import run_narrate

TEXT = {
    "fr": "Le conseil municipal a voté le budget hier soir. La séance a duré trois heures.",
    "de": "Der Stadtrat hat gestern Abend den Haushalt beschlossen. Die Sitzung dauerte lange.",
    "zh": "市议会昨晚通过了预算。会议持续了三个小时。",
    "pt-BR": "A câmara aprovou o orçamento ontem à noite. A sessão durou três horas.",
}
VOICE = {"fr": "roa/fr", "de": "gmw/de", "zh": "sit/cmn", "pt-BR": "roa/pt-BR"}
TLAN = {"fr": "fra", "de": "deu", "zh": "zho", "pt-BR": "por"}


@pytest.mark.parametrize("language", sorted(TEXT))
def test_the_articles_language_picks_the_espeak_voice(tmp_path: Path, language: str) -> None:
    article = Article(title="Budget", language=language, blocks=(Paragraph((Text(TEXT[language]),)),))
    result = speak(article, tmp_path / "a.mp3", audio="generate")
    assert (result.profile, result.engine, result.voice) == ("default", "pyttsx3", VOICE[language])
    tags = read_tags(result.mp3)
    assert tags["language"] == TLAN[language]
    assert f"voice {VOICE[language]}" in tags["comment"]


def test_a_language_no_voice_speaks_is_one_line_not_a_wrong_voice(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    para = ("<p>nuqneH. tlhIngan Hol Dajatlh'a'? jIyajbe'. Qapla' batlh je. HIja' vItlhutlh "
            "DaH, 'ej jIQong. bIjatlh 'e' yImev, vaj Qu'vatlh tlhIngan maH.</p>")
    page.write_text('<html lang="tlh"><head><title>Qapla</title></head><body><article>'
                    f"<h1>Qapla</h1>{para * 6}</article></body></html>", encoding="utf-8")
    out = tmp_path / "page.mp3"
    done = run_narrate("speak", str(page), "-o", str(out), "--audio", "generate")
    err = done.stderr.decode().strip()
    assert done.returncode != 0 and len(err.splitlines()) == 1, err
    assert "no voice for the language 'tlh'" in err and "--voice" in err
    assert not out.exists()
