"""Characters XML cannot hold never reach an XML or HTML file (issue 12), from any field."""

import re
import subprocess
import zipfile
from io import BytesIO

from lxml import etree

from narrate.model import (
    Article,
    BlockQuote,
    CodeBlock,
    Figure,
    Heading,
    Image,
    Link,
    ListBlock,
    Paragraph,
    PullQuote,
    Table,
    Text,
)
from narrate.podcast.escape import esc, esc_all
from narrate.writers import write
from narrate.xmlsafe import xml_clean, xml_escape
from tests.writers.test_epub import epubcheck

BAD = "\x00\x01\x08\x0b\x0c\x1b\x1f\x7f\x85\ud800\udfff\ufffe\uffff\U0001fffe"
# what no XML 1.0 document may contain (plus the HTML-only noise: DEL, C1, noncharacters)
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\U0001fffe]")


def dirty(word: str) -> str:
    return f"{word}{BAD}end"


def hostile() -> Article:
    return Article(
        title=dirty("Title"), subtitle=dirty("Sub"), description=dirty("Desc"),
        authors=(dirty("Ann"), dirty("Bo")), kicker=dirty("Kick"), published="2026-01-02",
        language="en", url="https://example.org/a?x=" + dirty("q"), site_name=dirty("Site"),
        tags=(dirty("tag"),), cover=Image("https://example.org/c.jpg", dirty("cover")),
        blocks=(
            Heading(2, (Text(dirty("Head")),)),
            Paragraph((Text(dirty("Para")), Link((Text(dirty("link")),), "https://e.org/" + dirty("p")))),
            Figure("https://example.org/i.png", alt=dirty("alt"), caption=dirty("cap"), credit=dirty("cr")),
            ListBlock(False, ((Paragraph((Text(dirty("item")),)),),)),
            BlockQuote((Paragraph((Text(dirty("quote")),)),), attribution=dirty("who")),
            PullQuote((Text(dirty("pull")),)),
            CodeBlock(dirty("code")),
            Table((dirty("h"),), ((dirty("c"),),), caption=dirty("tcap")),
        ),
    )


def test_clean_keeps_text_and_whitespace_and_drops_the_rest():
    assert xml_clean("a\tb\nc\rd é 😀 \u2028") == "a\tb\nc\rd é 😀 \u2028"
    cleaned = xml_clean(dirty("x"))
    assert not FORBIDDEN.search(cleaned)
    assert cleaned.startswith("x") and cleaned.endswith("end")
    assert "\ufffd" in cleaned  # a lone surrogate is replaced, so the reader sees something was there
    assert xml_escape('<&"' + BAD) == "&lt;&amp;&quot;\ufffd\ufffd"


def test_podcast_escaping_uses_the_same_rule():
    assert esc(dirty("x")) == xml_escape(dirty("x"))
    values = [dirty("a"), "plain", "b\x00c", dirty("<d>")]
    assert esc_all(values) == [esc(v) for v in values]


def test_html_export_is_well_formed_with_hostile_characters():
    page = write(hostile(), "html")
    assert not FORBIDDEN.search(page)
    root = etree.fromstring(page.split("\n", 1)[1].encode("utf-8"))  # strict XML parser
    text = "".join(root.itertext())
    for word in ("Title", "Sub", "Ann", "Head", "Para", "link", "cap", "item", "quote", "pull", "code"):
        assert f"{word}\ufffd\ufffdend" in text, word


def test_every_epub_file_is_well_formed_and_the_book_passes_epubcheck(tmp_path):
    book = write(hostile(), "epub")
    with zipfile.ZipFile(BytesIO(book)) as zf:
        for name in zf.namelist():
            data = zf.read(name)
            assert not FORBIDDEN.search(data.decode("utf-8")), name
            if name.endswith((".xml", ".opf", ".xhtml", ".smil")):
                etree.fromstring(data)  # raises on anything not well-formed
    path = tmp_path / "hostile.epub"
    path.write_bytes(book)
    result = subprocess.run([*epubcheck(), str(path)], capture_output=True, text=True, timeout=120)
    assert "0 fatals / 0 errors / 0 warnings" in result.stdout, result.stdout + result.stderr


def test_text_and_markdown_carry_no_control_characters_either():
    for fmt in ("text", "markdown"):
        assert not FORBIDDEN.search(write(hostile(), fmt)), fmt

