"""The canonical sample (../shared/samples/belarus-op-ed.txt) read end to end.

Expectations are derived from the sample file itself at test time (its <p> lines, its
front matter, its <img alt>/<figcaption>), so no text of the sample is copied here.
"""

from __future__ import annotations

import html
import re

import pytest
import yaml

import narrate
from narrate.model import BlockQuote, Figure, Paragraph, inline_text
from tests.shared import SAMPLE, need_shared


def _plain(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


@pytest.fixture(scope="module")
def raw() -> str:
    need_shared(SAMPLE)
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def article(raw: str) -> narrate.Article:
    return narrate.read(str(SAMPLE))


@pytest.fixture(scope="module")
def front(raw: str) -> dict:
    return yaml.safe_load(raw.split("---")[1])


@pytest.fixture(scope="module")
def p_lines(raw: str) -> list[str]:
    """Texts of the body's one-line <p> paragraphs, in file order (byline line excluded)."""
    body = raw.split("---", 2)[2]
    return [_plain(line) for line in body.splitlines()
            if line.startswith("<p>") and "<p><i><p>" not in line]


def test_metadata_from_front_matter(article: narrate.Article, front: dict) -> None:
    assert article.title == front["title"]
    assert article.authors == (front["author"],)
    assert article.published == front["date"]
    assert article.description == " ".join(front["description"].split())
    assert article.tags == tuple(front["tags"])
    assert article.cover is not None and article.cover.src == front["cover_image"]
    assert article.language == "en"


def test_canonical_url_keeps_a_publishers_own_parameters(article: narrate.Article,
                                                          front: dict) -> None:
    # only trackers used across sites (utm_*, fbclid, ...) are dropped, never one newspaper's
    # names: tests/test_sources.py holds that rule with URLs of its own
    base, _, query = front["link"].partition("?")
    kept = [pair for pair in query.split("&") if pair and not pair.lower().startswith("utm_")]
    assert article.url == base + ("?" + "&".join(kept) if kept else "")


def test_kicker_is_metadata_not_prose(article: narrate.Article, p_lines: list[str]) -> None:
    assert article.kicker == p_lines[0]
    assert p_lines[0] not in article.body_text().splitlines()


def test_byline_and_bio(article: narrate.Article, raw: str, front: dict) -> None:
    bio = _plain(re.search(r"<blockquote>(.*?)</blockquote>", raw, re.S).group(1))
    assert article.author_bio == bio
    text = article.body_text()
    assert bio not in text
    assert not any(line.startswith("By ") for line in text.splitlines())
    assert not any(isinstance(b, BlockQuote) for b in article.blocks)


def test_every_body_paragraph_in_order_and_no_promo(article: narrate.Article,
                                                    p_lines: list[str]) -> None:
    expected = p_lines[1:-2]  # after the kicker, before the two closing promo paragraphs
    got = [" ".join(inline_text(b.inlines).split()) for b in article.blocks
           if isinstance(b, Paragraph)]
    assert got == expected
    text = article.body_text()
    for promo in p_lines[-2:]:
        assert promo not in text
        assert promo[:40] not in text


def test_tagline_kept_as_last_paragraph(article: narrate.Article, p_lines: list[str]) -> None:
    # decision: the author's closing tagline is printed as part of the article; keep it
    last = [b for b in article.blocks if isinstance(b, Paragraph)][-1]
    assert " ".join(inline_text(last.inlines).split()) == p_lines[-3]


def test_figure_alt_and_caption_exact_and_separate(article: narrate.Article, raw: str) -> None:
    alt = html.unescape(re.search(r'<img alt="([^"]*)"', raw).group(1))
    caption = _plain(re.search(r"<figcaption>(.*?)</figcaption>", raw, re.S).group(1))
    src = html.unescape(re.search(r'<img [^>]*\bsrc="([^"]*)"', raw).group(1))
    figures = [b for b in article.blocks if isinstance(b, Figure)]
    assert figures == [Figure(src=src, alt=alt, caption=caption, credit="")]
    assert article.blocks[0] == figures[0]  # before the prose, where the page shows it
    assert caption not in article.body_text()


def test_cover_borrows_alt_of_same_picture(article: narrate.Article, raw: str) -> None:
    alt = html.unescape(re.search(r'<img alt="([^"]*)"', raw).group(1))
    assert article.cover is not None and article.cover.alt == alt


def test_publisher_audio_url(article: narrate.Article, raw: str) -> None:
    audio = re.search(r'<audio src="([^"]*)"', raw).group(1)
    assert article.audio_url == audio
    assert not any(isinstance(b, Figure) and b.src == audio for b in article.blocks)


def test_inline_links_kept(article: narrate.Article, raw: str) -> None:
    first_href = re.search(r'<p>[^<]*(?:<[^a][^>]*>[^<]*)*<a href="([^"]+)"', raw).group(1)
    assert first_href in article.to_json()


def test_json_round_trip(article: narrate.Article) -> None:
    assert narrate.Article.from_json(article.to_json()) == article
