"""Issue 12: only http(s) and mailto links leave the readers; relative ones become absolute."""

from __future__ import annotations

import pytest

import narrate
from narrate.model import Article, Figure, Link, Paragraph, Text
from narrate.readers import read_source
from narrate.readers.links import safe_image_url, safe_url
from narrate.sources import Source

BASE = "https://news.example/2025/story.html"


@pytest.mark.parametrize("href", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
    "java\nscript:alert(1)", "\x01javascript:alert(1)", "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "ftp://host/x",
])
def test_unsafe_schemes_are_dropped(href: str) -> None:
    assert safe_url(href, BASE) == ""
    assert safe_url(href) == ""


@pytest.mark.parametrize(("href", "want"), [
    ("/report.pdf", "https://news.example/report.pdf"),
    ("other.html", "https://news.example/2025/other.html"),
    ("//cdn.example/a.png", "https://cdn.example/a.png"),
    ("https://x.example/a", "https://x.example/a"),
    ("HTTP://x.example/a", "HTTP://x.example/a"),
    ("mailto:desk@news.example", "mailto:desk@news.example"),
    ("#section-2", "#section-2"),
])
def test_safe_links_kept_and_resolved(href: str, want: str) -> None:
    assert safe_url(href, BASE) == want


def test_image_sources_allow_inline_pictures_but_not_svg_or_script() -> None:
    png = "data:image/png;base64," + "A" * 50
    assert safe_image_url(png) == png
    assert safe_image_url("data:image/svg+xml;utf8,<svg onload='x'/>") == ""
    assert safe_image_url("mailto:a@b.example") == ""
    assert safe_image_url("javascript:x") == ""
    assert safe_image_url("/i.png", BASE) == "https://news.example/i.png"


def _hrefs(article: Article) -> list[str]:
    out: list[str] = []

    def walk(inlines):  # noqa: ANN001, ANN202
        for node in inlines:
            if isinstance(node, Link):
                out.append(node.href)
            if hasattr(node, "inlines"):
                walk(node.inlines)

    for block in article.blocks:
        if isinstance(block, Paragraph):
            walk(block.inlines)
    return out


PROSE = ("The council met on Tuesday and voted to repair the harbour wall before the winter "
         "storms arrive on the northern coast, after a long and careful debate. ")


def test_html_page_links_sanitised() -> None:
    html = (f"<html><body><article><p>{PROSE}<a href='javascript:alert(1)'>bad link</a> and "
            f"<a href='/good'>good link</a> and <a href='#notes'>notes</a>.</p><p>{PROSE}</p>"
            "</article></body></html>")
    article = narrate.parse_html(html, url=BASE)
    assert _hrefs(article) == ["https://news.example/good", "#notes"]
    assert "bad link" in article.body_text()  # the link becomes its text


def test_markdown_raw_html_and_front_matter_url_sanitised() -> None:
    md = ("---\ntitle: T\nurl: javascript:alert(1)\n---\n\n"
          f"{PROSE}<a href=\"vbscript:x\">raw</a> and [md](javascript:alert(2)) and "
          "[ok](https://ok.example/).\n")
    article = read_source(Source(name="t.md", url=None, data=md.encode()))
    assert article.url == ""
    assert _hrefs(article) == ["https://ok.example/"]
    assert "raw" in article.body_text()


def test_sample_front_matter_url_must_be_http() -> None:
    doc = ("---\ntitle: T\nurl: vbscript:msgbox(1)\n---\n"
           f"<p>{PROSE}<a href='javascript:void(0)'>here</a></p>\n")
    article = read_source(Source(name="s.txt", url=None, data=doc.encode()))
    assert article.url == ""
    assert not _hrefs(article)
    assert isinstance(article.blocks[0], Paragraph)
    assert Text("here") in article.blocks[0].inlines or "here" in article.body_text()


def test_image_with_script_source_is_not_kept() -> None:
    html = (f"<html><body><article><p>{PROSE}</p><figure><img src='javascript:alert(1)' "
            f"alt='x'></figure><p>{PROSE}</p></article></body></html>")
    article = narrate.parse_html(html, url=BASE)
    assert not [b for b in article.blocks if isinstance(b, Figure)]
