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


@pytest.mark.parametrize(("text", "spoken"), [
    # a path of one or two plain words says where to go: read it
    ("visit www.gov.uk/apply to start", "visit gov dot uk slash apply to start"),
    ("more at nytimes.com/live/news.", "more at nytimes dot com slash live slash news."),
    # a long or opaque path is noise: the host only, the sentence's period kept
    ("see https://example.org/a/b/c now", "see example dot org now"),
    ("see https://example.org/2024/05/story-name.", "see example dot org."),
])
def test_a_short_plain_path_is_read(text: str, spoken: str) -> None:
    assert web(text, "en") == spoken
