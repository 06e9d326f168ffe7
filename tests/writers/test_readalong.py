"""The read-along episode page (issue 11): axe-clean, and in headless Chromium exactly the
sentence being read is highlighted; selecting a sentence seeks to it."""

from __future__ import annotations

import re

import pytest

from narrate.book import sentences as timed_sentences
from narrate.model import Article, Figure, Heading, Link, Paragraph, Text
from narrate.speak import speak
from narrate.writers import readalong
from narrate.writers.sync import place
from tests.a11y import axe_violations
from tests.cdp import Browser


def article() -> Article:
    return Article(
        title="Read Along Test", authors=("Kim Park",), language="en",
        url="https://example.org/read-along",
        blocks=(
            Paragraph((Text("The first sentence is here. The second one follows it. "),
                       Link((Text("A third sentence"),), "https://example.org/x"),
                       Text(" has a link in it.")),),
            Heading(2, (Text("A heading"),)),
            Figure("https://example.org/p.png", alt="A small grey pebble."),
            Paragraph((Text("Another paragraph starts. It ends here."),)),
        ),
    )


@pytest.fixture(scope="module")
def episode(tmp_path_factory):
    """A real narration (espeak-ng, ffmpeg) and its page beside the MP3."""
    folder = tmp_path_factory.mktemp("episode")
    result = speak(article(), folder / "ep.mp3", audio="generate")
    cues = timed_sentences(result.script, result.timeline)
    page = readalong.write(article(), cues, "ep.mp3", links=(("ep.vtt", "Transcript (WebVTT)"),))
    (folder / "ep.html").write_text(page, "utf-8")
    return folder / "ep.html", cues


def test_page_without_scripts_is_the_article_and_a_player(episode):
    path, cues = episode
    page = path.read_text("utf-8")
    assert '<audio id="narration" controls' in page and 'src="ep.mp3"' in page
    assert "aria-current" not in page.split("<script")[0]
    assert 'tabindex' not in page.split("<script")[0]  # no dead tab stops when scripts are off
    assert "The second one follows it." in re.sub(r"<[^>]+>", "", page)
    assert not re.search(r"<script[^>]+src=|<link[^>]+stylesheet|https?://[^\"]+\.js", page)


def test_page_has_no_axe_violations(episode):
    path, _ = episode
    assert axe_violations(path.read_text("utf-8")) == []


def test_highlight_follows_time_and_sentences_seek(episode):
    path, cues = episode
    spans = [k for k, c in enumerate(cues) if c.block == 0]
    assert len(spans) >= 3
    with Browser(path.as_uri()) as b:
        b.wait("document.getElementById('narration').readyState >= 1")
        focused = b.js("document.activeElement.tagName")
        for k in (spans[0], spans[2], len(cues) - 1):
            mid = (cues[k].start + cues[k].end) / 2
            b.js(f"document.getElementById('narration').currentTime = {mid}")
            b.wait("!document.getElementById('narration').seeking")
            b.wait("document.querySelectorAll('[aria-current]').length === 1")
            current = b.js("[...document.querySelectorAll('[aria-current]')].map(e => [e.id, "
                           "e.getAttribute('aria-current'), e.className, e.textContent])")
            reading = b.js("document.querySelectorAll('.reading').length")
            assert reading == 1 and len(current) == 1
            ident, flag, cls, text = current[0]
            assert flag == "true" and "reading" in cls
            if k in spans:
                assert " ".join(text.split()) == cues[k].written
            style = b.js(f"getComputedStyle(document.getElementById('{ident}')).backgroundColor")
            assert style not in ("rgba(0, 0, 0, 0)", "transparent")
            assert b.js("document.activeElement.tagName") == focused  # focus never moves
        # a click on the second sentence seeks to its start
        target = cues[spans[1]]
        ident = place(article(), cues).targets[spans[1]]
        box = b.js(f"(() => {{ const e = document.getElementById('{ident}'); "
                   f"const r = e.getClientRects()[0]; "
                   f"return [r.x + r.width / 2, r.y + r.height / 2, e.textContent]; }})()")
        assert " ".join(box[2].split()) == target.written
        b.click(box[0], box[1])
        b.wait("!document.getElementById('narration').seeking")
        assert abs(b.js("document.getElementById('narration').currentTime") - target.start) < 0.002
        # Enter on a focused sentence (Tab reaches it) seeks to that sentence
        last_span = spans[-1]
        b.js(f"document.getElementById('{place(article(), cues).targets[last_span]}').focus()")
        b.press_enter()
        b.wait("!document.getElementById('narration').seeking")
        got = b.js("document.getElementById('narration').currentTime")
        assert abs(got - cues[last_span].start) < 0.002
