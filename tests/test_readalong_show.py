"""Inside a show (issue 11): ``narrate add`` writes the read-along page and the narrated EPUB
from the episode's own audio and cues; index.html links the page and marks each item's language."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from tests.a11y import axe_violations
from tests.checkers import ace_violations, assert_valid
from tests.cli.conftest import run_narrate
from tests.test_book import clock_ms, vtt_cues

ARTICLE = """---
title: "Q&A: The Canal <Locks> Explained"
author: Rui Sousa
language: en-GB
url: https://example.org/canal-locks
---
<p>A lock lifts a boat from one level of water to another. The boat enters, the gates close, and water flows in.</p>
<h2>Why they matter</h2>
<p>Without locks, a canal could only follow the contour of the land. With them, it can climb hills.</p>
"""


@pytest.fixture(scope="module")
def show(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("show") / "canal"
    assert run_narrate("init", str(folder), "--title", "Canal Notes").returncode == 0
    source = folder.parent / "locks.txt"
    source.write_text(ARTICLE, "utf-8")
    added = run_narrate("add", str(source), "--show", str(folder))
    assert added.returncode == 0, added.stderr.decode()
    return folder


def episode(show: Path, ext: str) -> Path:
    found = sorted((show / "episodes").glob(f"*.{ext}"))
    assert len(found) == 1, found
    return found[0]


def test_episode_page_reads_along_with_the_episode_audio(show):
    page = episode(show, "html")
    text = page.read_text("utf-8")
    mp3 = episode(show, "mp3").name
    assert f'src="{mp3}"' in text
    cues = json.loads(re.search(r'<script type="application/json" id="cues">(.*?)</script>', text, re.S).group(1))
    vtt = vtt_cues(episode(show, "vtt").read_text("utf-8"))
    starts = {c[0] for c in vtt}
    assert all(round(c[0] * 1000) in starts for c in cues)  # the episode's own cue times
    doc = lxml_html.document_fromstring(text)
    assert all(doc.get_element_by_id(c[2]) is not None for c in cues)
    assert axe_violations(text) == []


def test_episode_epub_carries_the_episode_audio(show):
    book = episode(show, "epub")
    with zipfile.ZipFile(book) as zf:
        assert zf.read("EPUB/audio/narration.mp3") == episode(show, "mp3").read_bytes()
        smil = etree.fromstring(zf.read("EPUB/article.smil"))
    vtt = vtt_cues(episode(show, "vtt").read_text("utf-8"))
    begins = [clock_ms(a.get("clipBegin")) for a in smil.iter("{http://www.w3.org/ns/SMIL}audio")]
    assert begins == [c[0] for c in vtt][:len(begins)] and len(begins) == len(vtt)
    assert_valid(book)
    assert ace_violations(book) == []


def test_index_links_the_page_and_marks_language(show):
    index = (show / "index.html").read_text("utf-8")
    doc = lxml_html.document_fromstring(index)
    item = doc.find(".//main//article")
    assert item.get("lang") == "en-GB"
    page = episode(show, "html").name
    assert [a.text_content() for a in item.iter("a") if a.get("href") == f"episodes/{page}"] == [
        "Read along (web page)"]
    heading = item.find(".//h3").text_content()
    assert heading == "Q&A: The Canal <Locks> Explained"  # characters, not entities shown as text
    assert "&amp;amp;" not in index and "&amp;lt;" not in index
    assert axe_violations(index) == []
