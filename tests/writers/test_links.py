"""Links in exports: own anchors work or become text, nothing relative or scripted (issues 11, 12)."""

import subprocess
import zipfile
from io import BytesIO

import pytest
from lxml import etree
from lxml import html as lxml_html

from narrate.model import Article, Figure, Heading, Link, Paragraph, Text
from narrate.writers import write
from narrate.writers.links import LinkPolicy, anchor_key
from tests.writers.test_epub import epubcheck

PAGE = "https://wiki.example.org/wiki/Tides"


def link(words: str, href: str) -> Link:
    return Link((Text(words),), href)


def wiki(url: str = PAGE) -> Article:
    return Article(
        title="Tides", url=url, language="en",
        blocks=(
            Paragraph((Text("See "), link("history", "#History"), Text(", "),
                       link("range", PAGE + "#Tidal_range"), Text(", "),
                       link("gone", "#Etymology"), Text(", "), link("gone too", PAGE + "#Notes"),
                       Text(", "), link("moon", "/wiki/Moon"), Text(", "), link("sun", "Sun"),
                       Text(", "), link("evil", "javascript:alert(1)"), Text(", "),
                       link("evil2", " VBScript:msgbox"), Text(", "), link("data", "data:text/html,x"),
                       Text(", "), link("mail", "mailto:ed@example.org"), Text(", "),
                       link("ftp", "ftp://example.org/f"), Text(", "),
                       link("spaced", "https://example.org/a b?q=ü"), Text(".")),),
            Heading(2, (Text("History"),)),
            Paragraph((Text("Old."),)),
            Heading(2, (Text("Tidal range"),)),
            Figure("/img/range.png", alt="A tide gauge."),
            Heading(2, (Text("History"),)),
        ),
    )


def anchors(page: str) -> dict[str, str | None]:
    doc = lxml_html.document_fromstring(page)
    return {a.text_content(): a.get("href") for a in doc.iter("a")}


def test_anchor_keys_match_across_spellings():
    assert anchor_key("History_of_the_tide") == anchor_key("History of the tide") == anchor_key(
        "history-of-the-tide") == anchor_key("History%20of%20the%20tide")
    assert anchor_key("Café") == anchor_key("cafe")


def test_html_links_resolve_or_become_text():
    page = write(wiki(), "html")
    found = anchors(page)
    assert found["history"] == "#h-history"
    assert found["range"] == "#h-tidal-range"
    assert found["moon"] == "https://wiki.example.org/wiki/Moon"
    assert found["sun"] == "https://wiki.example.org/wiki/Sun"
    assert found["mail"] == "mailto:ed@example.org"
    assert found["spaced"] == "https://example.org/a%20b?q=%C3%BC"
    for gone in ("gone", "gone too", "evil", "evil2", "data", "ftp"):
        assert gone not in found, gone
    text = lxml_html.document_fromstring(page).text_content()
    assert "gone too" in text and "evil2" in text  # the words stay
    assert "javascript" not in page.lower() and "vbscript" not in page.lower()
    ids = [h.get("id") for h in lxml_html.document_fromstring(page).iter("h2")]
    assert ids == ["h-history", "h-tidal-range", "h-history-2"]
    assert 'src="https://wiki.example.org/img/range.png"' in page


def test_without_a_base_url_relative_links_and_images_are_text():
    page = write(wiki(url=""), "html")
    found = anchors(page)
    assert "moon" not in found and "sun" not in found
    assert found["history"] == "#h-history"
    assert "<img" not in page and "Image: A tide gauge." in page
    policy = LinkPolicy(wiki(url="file:///tmp/x.html"))
    assert policy.href("Sun") is None


def test_markdown_follows_the_same_policy():
    md = write(wiki(), "markdown")
    assert "[history](<#history>)" in md and "[range](<#tidal-range>)" in md
    assert "javascript" not in md.lower() and "[gone]" not in md
    assert "(<https://wiki.example.org/wiki/Moon>)" in md


@pytest.mark.parametrize("url", [PAGE, ""])
def test_epub_of_a_wiki_page_passes_epubcheck(tmp_path, url):
    book = tmp_path / "wiki.epub"
    book.write_bytes(write(wiki(url), "epub"))
    with zipfile.ZipFile(BytesIO(book.read_bytes())) as zf:
        etree.fromstring(zf.read("EPUB/article.xhtml"))
    result = subprocess.run([*epubcheck(), str(book)], capture_output=True, text=True, timeout=120)
    assert "0 fatals / 0 errors / 0 warnings" in result.stdout, result.stdout
