"""The HTML page reader: metadata, main content, boilerplate removal, structure."""

from __future__ import annotations

import pytest

import narrate
from narrate.model import (
    BlockQuote,
    Figure,
    Heading,
    Link,
    ListBlock,
    Paragraph,
    PullQuote,
    Table,
)
from tests.golden import check_golden
from tests.readers._util import READER_FIXTURES, read_fixture


@pytest.fixture(scope="module")
def harbour() -> narrate.Article:
    return read_fixture("harbour-page.html")


def test_golden(harbour: narrate.Article) -> None:
    check_golden("harbour-page.article.json", harbour.to_json() + "\n")


def test_metadata(harbour: narrate.Article) -> None:
    assert harbour.title == "The Lighthouse Keepers Who Stayed"
    assert harbour.authors == ("Mara Quill",)
    assert harbour.published == "2025-03-14T08:30:00Z"
    assert harbour.language == "en-GB"
    assert harbour.url == "https://harbour.example/stories/lighthouse-keepers"
    assert harbour.site_name == "Harbour Weekly"
    assert harbour.tags == ("coast", "history")
    assert harbour.description.startswith("Three keepers")
    assert harbour.cover is not None
    assert harbour.cover.src == "https://harbour.example/img/lighthouse-cover.jpg"
    assert harbour.cover.alt == "A white lighthouse at dusk"


def test_boilerplate_removed(harbour: narrate.Article) -> None:
    text = harbour.body_text()
    for junk in ("Home", "Most read", "Ferry timetable", "All rights reserved", "Privacy",
                 "newsletter", "Follow Harbour Weekly", "By Mara Quill"):
        assert junk not in text, junk
    assert text.splitlines()[0].startswith("When the automatic beacons")
    assert text.splitlines()[-1].startswith("The harbour authority says")


def test_structure(harbour: narrate.Article) -> None:
    kinds = [type(b) for b in harbour.blocks]
    assert kinds == [Figure, Paragraph, Paragraph, Heading, Paragraph, PullQuote, Paragraph,
                     ListBlock, Paragraph, BlockQuote, Table, Paragraph]
    fig = harbour.blocks[0]
    assert fig == Figure(src="https://harbour.example/img/lamp-room.jpg",
                         alt="A brass lamp inside a glass room",
                         caption="The lamp room at North Point, polished every morning.",
                         credit="Ivo Penrose", credit_label="Photo")
    heading = harbour.blocks[3]
    assert isinstance(heading, Heading) and heading.level == 2
    quote = harbour.blocks[9]
    assert isinstance(quote, BlockQuote) and quote.attribution == "Bram Oduya"
    table = harbour.blocks[10]
    assert table == Table(header=("Year", "Keepers"), rows=(("1950", "41"), ("2025", "3")),
                          caption="Keepers on the coast")
    lst = harbour.blocks[7]
    assert isinstance(lst, ListBlock) and not lst.ordered and len(lst.items) == 3


def test_inline_link_restored(harbour: narrate.Article) -> None:
    para = harbour.blocks[2]
    assert isinstance(para, Paragraph)
    links = [n for n in para.inlines if isinstance(n, Link)]
    assert links and links[0].href == "https://harbour.example/stories/rescues"


def test_parse_html_str_and_bytes_agree() -> None:
    raw = (READER_FIXTURES / "harbour-page.html").read_bytes()
    a = narrate.parse_html(raw, url="https://harbour.example/stories/lighthouse-keepers")
    b = narrate.parse_html(raw.decode("utf-8"), url="https://harbour.example/x")
    assert a.blocks == b.blocks
    assert a.body_text() == b.body_text()


def test_non_english_language_carried_through() -> None:
    article = read_fixture("bakery-de.html")
    assert article.language == "de"
    assert article.title == "Die letzte Backstube im Viertel"
    assert "Sauerteig" in article.body_text()
    assert "Impressum" not in article.body_text()
    assert narrate.Article.from_json(article.to_json()).language == "de"


def test_language_detected_when_undeclared() -> None:
    article = read_fixture("cafe-fr-nolang.html")
    assert article.language == "fr"
    assert article.body_text().startswith("Chaque matin")


def test_relative_links_resolved_against_page_url() -> None:
    html = ("<html><body><article><p>Read the <a href='/report.pdf'>full report</a> before the "
            "meeting, because the figures in it change the whole argument of this piece.</p>"
            "</article></body></html>")
    article = narrate.parse_html(html, url="https://news.example/2025/story.html")
    para = article.blocks[0]
    assert isinstance(para, Paragraph)
    assert Link((narrate.model.Text("full report"),), "https://news.example/report.pdf") in para.inlines


def test_emphasis_and_links_come_back_from_the_page() -> None:
    prose = ("The council met on Tuesday and, after a long debate about the harbour wall, "
             "voted to repair it before the winter storms arrive on the northern coast. ")
    html = ("<html><body><nav><a href='/'>Home</a></nav><article>"
            f"<p>{prose}</p>"
            "<p>The vote was <em>not</em> close: <strong>nine</strong> to two, said the "
            "<a href='https://council.example/minutes'>minutes</a> published the next day, "
            "and the work starts in <i>October</i> if the weather allows it.</p>"
            f"<p>{prose}</p></article></body></html>")
    para = narrate.parse_html(html).blocks[1]
    assert isinstance(para, Paragraph)
    kinds = {type(n).__name__ for n in para.inlines}
    assert {"Emphasis", "Strong", "Link"} <= kinds
