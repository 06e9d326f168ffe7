from __future__ import annotations

import pytest

from narrate.speech.rules.web import web


@pytest.mark.parametrize(("text", "lang", "spoken"), [
    ("see https://www.example.com/a?b=1 now", "en", "see example dot com now"),
    ("visit bbc.co.uk today", "en", "visit bbc dot co dot uk today"),
    ("mail press@un.org.", "en", "mail press at un dot org."),
    ("follow @nytimes and #MeToo", "en", "follow at nytimes and hashtag MeToo"),
    ("e.g. 3.5 and i.e. St. Paul", "en", "e.g. 3.5 and i.e. St. Paul"),  # not domains
    ("#1 hit", "en", "#1 hit"),  # a number sign is not a hashtag
    ("siehe www.tagesschau.de", "de", "siehe tagesschau Punkt de"),
])
def test_web(text: str, lang: str, spoken: str) -> None:
    assert web(text, lang) == spoken


def test_a_bare_domain_with_a_path_is_read_as_its_host() -> None:
    assert web("see pic.twitter.com/KQLpngeTbO.", "en") == "see pic dot twitter dot com."
