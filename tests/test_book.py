"""The narrated EPUB (issue 11): valid for EPUBCheck 5 and DAISY Ace, and every media-overlay
<par> is the VTT cue of the same sentence, to the millisecond, on a <span> holding its words."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

import pytest
from lxml import etree

import narrate
from narrate.book import epub_from_narration
from narrate.speak import speak
from tests.checkers import ace_violations, assert_valid
from tests.shared import need_shared

SMIL = "{http://www.w3.org/ns/SMIL}"
XHTML = "{http://www.w3.org/1999/xhtml}"
OPF = "{http://www.idpf.org/2007/opf}"


@pytest.fixture(scope="module")
def narrated(tmp_path_factory):
    """The sample narrated once (real espeak-ng and ffmpeg): its VTT and its EPUB."""
    article = narrate.read(str(need_shared()))
    out = tmp_path_factory.mktemp("book") / "sample.mp3"
    result = speak(article, out, audio="generate")
    book = out.with_suffix(".epub")
    book.write_bytes(epub_from_narration(article, out.read_bytes(), result.duration, result.script,
                                         result.timeline))
    return article, result, book


def vtt_cues(text: str) -> list[tuple[int, int, str]]:
    """(start ms, end ms, text) per cue of a WebVTT file."""
    cues = []
    for block in text.split("\n\n")[1:]:
        lines = block.strip().splitlines()
        if not lines:
            continue
        m = re.match(r"(\d+):(\d\d):(\d\d)\.(\d{3}) --> (\d+):(\d\d):(\d\d)\.(\d{3})", lines[0])
        assert m, lines[0]
        h, mi, s, ms, h2, mi2, s2, ms2 = map(int, m.groups())
        cues.append(((h * 3600 + mi * 60 + s) * 1000 + ms, (h2 * 3600 + mi2 * 60 + s2) * 1000 + ms2,
                     " ".join(lines[1:]).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")))
    return cues


def clock_ms(value: str) -> int:
    h, m, s = value.split(":")
    return round((int(h) * 3600 + int(m) * 60 + float(s)) * 1000)


def book_parts(book: bytes) -> tuple[etree._Element, etree._Element, etree._Element]:
    with zipfile.ZipFile(BytesIO(book)) as zf:
        return (etree.fromstring(zf.read("EPUB/package.opf")),
                etree.fromstring(zf.read("EPUB/article.smil")),
                etree.fromstring(zf.read("EPUB/article.xhtml")))


def words(text: str) -> str:
    return " ".join(text.split())


def test_sample_book_passes_epubcheck_and_ace(narrated):
    _, _, book = narrated
    assert_valid(book)
    assert ace_violations(book) == []


def test_every_par_is_its_vtt_cue_on_its_sentence(narrated):
    article, result, book = narrated
    _, smil, xhtml = book_parts(book.read_bytes())
    ids = {el.get("id"): el for el in xhtml.iter() if el.get("id")}
    cues = vtt_cues(result.vtt.read_text("utf-8"))
    pars = list(smil.iter(f"{SMIL}par"))
    assert len(pars) == result.cues > 20
    k, spans = 0, 0
    for par in pars:
        src = par.find(f"{SMIL}text").get("src")
        clip = par.find(f"{SMIL}audio")
        begin, end = clock_ms(clip.get("clipBegin")), clock_ms(clip.get("clipEnd"))
        assert src.startswith("article.xhtml#") and src.split("#")[1] in ids, src
        # one sentence is one VTT cue, or several when it needs more than two lines
        assert cues[k][0] == begin, (src, cues[k])
        text = []
        while True:
            text.append(cues[k][2])
            k += 1
            if cues[k - 1][1] == end:
                break
            assert cues[k - 1][1] < end
        target = ids[src.split("#")[1]]
        if target.tag == f"{XHTML}span":
            spans += 1
            written = words("".join(target.itertext()))
            assert written == words(" ".join(text)), src  # the transcript is the written sentence
    assert k == len(cues)
    assert spans >= 0.8 * len(pars)  # nearly every sentence is highlighted on its own words


def test_overlay_metadata_and_durations(narrated):
    _, result, book = narrated
    opf, smil, xhtml = book_parts(book.read_bytes())
    meta = {(m.get("property"), m.get("refines")): m.text for m in opf.iter(f"{OPF}meta")}
    total = clock_ms(meta[("media:duration", None)])
    assert total == clock_ms(meta[("media:duration", "#overlay")])
    assert abs(total - result.duration * 1000) <= 1
    assert meta[("media:active-class", None)] == "narrate-active"
    modes = [m.text for m in opf.iter(f"{OPF}meta") if m.get("property") == "schema:accessMode"]
    features = [m.text for m in opf.iter(f"{OPF}meta") if m.get("property") == "schema:accessibilityFeature"]
    assert sorted(modes) == ["auditory", "textual"]  # no image is packaged
    assert "synchronizedAudioText" in features
    item = [i for i in opf.iter(f"{OPF}item") if i.get("id") == "article"][0]
    assert item.get("media-overlay") == "overlay"
    with zipfile.ZipFile(BytesIO(book.read_bytes())) as zf:
        assert ".narrate-active{" in zf.read("EPUB/style.css").decode()
        assert zf.read("EPUB/audio/narration.mp3") == result.mp3.read_bytes()
        nav = zf.read("EPUB/nav.xhtml").decode()
    assert 'epub:type="toc"' in nav and 'epub:type="landmarks"' in nav
    # title, standfirst (the fixture's front-matter description) and byline point at their own
    # header elements, in reading order
    first = [p.find(f"{SMIL}text").get("src") for p in list(smil.iter(f"{SMIL}par"))[:3]]
    assert first == ["article.xhtml#title", "article.xhtml#standfirst", "article.xhtml#byline"]
