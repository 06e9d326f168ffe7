"""Property-based tests: any article the model can hold — any block and inline type, text with
control characters, lone surrogates, markup, odd numbers — gives well-formed output from every
writer, a feed that parses strictly (lxml without recovery, feedparser without bozo), a
balanced index page, and a reader never fails with anything but a ReadError."""

from __future__ import annotations

import html.parser
import io
import zipfile

import feedparser
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import narrate
from narrate.batch import slugify
from narrate.errors import ReadError
from narrate.model import (
    Article,
    BlockQuote,
    Code,
    CodeBlock,
    Emphasis,
    Figure,
    Heading,
    Image,
    LineBreak,
    Link,
    ListBlock,
    Paragraph,
    PullQuote,
    Strong,
    Table,
    Text,
)
from narrate.podcast.catalog import Episode
from narrate.podcast.feed import render_feed
from narrate.podcast.page import render_index
from narrate.podcast.showfolder import init_show
from narrate.writers import WRITERS, write

EXAMPLES = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
STRICT = etree.XMLParser(recover=False, resolve_entities=False, no_network=True, huge_tree=False)

TRICKY = ["]]>", "<script>alert(1)</script>", "&amp;", "&nbsp;", "\x00", "\x07bell", "\x0b\x0c",
          "\ud800", "a\udfffb", "\ufffe\uffff", "\x85\u2028\u2029", "--", "<!--", "\"'<>&",
          "javascript:alert(1)", "vbscript:x", "mailto:a@b.c", "x" * 300, "\u202eevil", " ",
          "\r\n", "%00", "&#0;", "&#xD800;", "${x}", "{{x}}", "\\", "🎧 café ß"]
ANY_CHAR = st.characters(exclude_categories=())  # surrogates and controls included
TEXT = st.one_of(st.text(ANY_CHAR, max_size=24), st.sampled_from(TRICKY),
                 st.lists(st.sampled_from(TRICKY), max_size=3).map("".join))
URL = st.one_of(TEXT, st.sampled_from(["https://example.org/a?b=1&c=<2>", "http://x.test/é ü",
                                       "javascript:alert(1)", "//evil.test/x", "data:text/html,<b>",
                                       "ftp://x/y", "/relative/path", "#frag", ""]))
LEVEL = st.sampled_from([1, 2, 3, 4, 5, 6, 0, 7, -1, 10**9])

INLINE = st.recursive(
    st.one_of(st.builds(Text, TEXT), st.builds(Code, TEXT), st.just(LineBreak())),
    lambda kids: st.one_of(
        st.builds(Emphasis, st.lists(kids, max_size=3).map(tuple)),
        st.builds(Strong, st.lists(kids, max_size=3).map(tuple)),
        st.builds(Link, st.lists(kids, max_size=3).map(tuple), URL)),
    max_leaves=8)
INLINES = st.lists(INLINE, max_size=4).map(tuple)
ROW = st.lists(TEXT, max_size=3).map(tuple)
LEAF_BLOCK = st.one_of(
    st.builds(Heading, LEVEL, INLINES), st.builds(Paragraph, INLINES),
    st.builds(Figure, URL, TEXT, TEXT, TEXT), st.builds(PullQuote, INLINES),
    st.builds(CodeBlock, TEXT, TEXT), st.builds(Table, ROW, st.lists(ROW, max_size=3).map(tuple), TEXT))
BLOCK = st.recursive(
    LEAF_BLOCK,
    lambda kids: st.one_of(
        st.builds(ListBlock, st.booleans(),
                  st.lists(st.lists(kids, max_size=2).map(tuple), max_size=3).map(tuple)),
        st.builds(BlockQuote, st.lists(kids, max_size=3).map(tuple), TEXT)),
    max_leaves=6)
LANGUAGE = st.one_of(st.sampled_from(["en", "de-CH", "", "x" * 40, "en_US", "<b>", "zh-Hant-TW"]), TEXT)
PUBLISHED = st.one_of(TEXT, st.sampled_from(["2024-02-30", "2024-05-03T10:00:00Z", "99999-01-01",
                                             "Tue, 05 Mar 2024 00:00:00 GMT"]))
ARTICLE = st.builds(
    Article, title=TEXT, blocks=st.lists(BLOCK, max_size=5).map(tuple), subtitle=TEXT,
    description=TEXT, authors=st.lists(TEXT, max_size=3).map(tuple), author_bio=TEXT, kicker=TEXT,
    published=PUBLISHED, language=LANGUAGE, url=URL, site_name=TEXT,
    tags=st.lists(TEXT, max_size=3).map(tuple),
    cover=st.one_of(st.none(), st.builds(Image, URL, TEXT)), audio_url=URL, source=TEXT,
    extra=st.lists(st.tuples(TEXT, TEXT), max_size=2).map(tuple))

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
SCRIPTS = {"script", "iframe", "object", "embed", "form", "base"}


class _Balance(html.parser.HTMLParser):
    """Every element closed in order, no script-capable element, no control characters."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in SCRIPTS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{name}=")
            if name in ("href", "src") and value and value.strip().lower().startswith(
                    ("javascript:", "vbscript:")):
                self.problems.append(f"{name}={value[:20]}")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()


def assert_balanced_html(page: str) -> None:
    page.encode("utf-8")  # strict: no lone surrogates
    checker = _Balance()
    checker.feed(page)
    checker.close()
    assert not checker.problems, checker.problems
    assert checker.stack == [], checker.stack


def assert_xml(data: bytes, what: str) -> None:
    try:
        etree.fromstring(data, STRICT)
    except etree.XMLSyntaxError as e:
        raise AssertionError(f"{what}: {e}") from None


@EXAMPLES
@given(ARTICLE)
def test_every_writer_gives_well_formed_output(article):
    for fmt in WRITERS:
        out = write(article, fmt)
        data = out if isinstance(out, bytes) else out.encode("utf-8")  # strict UTF-8
        if fmt == "json":
            assert Article.from_json(data) == article
        elif fmt == "html":
            assert_xml(data, "html export")  # the export is polyglot XHTML
            assert_balanced_html(out)
        elif fmt == "epub":
            with zipfile.ZipFile(io.BytesIO(data)) as epub:
                for name in epub.namelist():
                    if name.endswith((".xhtml", ".opf", ".xml", ".ncx", ".smil")):
                        assert_xml(epub.read(name), name)


@pytest.fixture(scope="module")
def show(tmp_path_factory):
    return init_show(tmp_path_factory.mktemp("props") / "show", title="Properties")


EPISODE = st.builds(
    lambda a, n, size, seconds, files: Episode(
        guid=f"urn:uuid:00000000-0000-4000-8000-{n:012d}", key=f"k{n}", slug=slugify(a.title),
        stem=slugify(a.title), title=a.title, audio_bytes=size, duration=seconds,
        content_hash="0" * 16, published="2024-05-03T10:00:00+00:00", description=a.description,
        link=a.url, authors=a.authors, language=a.language, files=files),
    ARTICLE, st.integers(0, 10**6), st.integers(0, 10**13),
    st.floats(0, 10**7, allow_nan=False), st.sampled_from([(), ("vtt", "srt", "chapters.json", "html")]))


@EXAMPLES
@given(episodes=st.lists(EPISODE, min_size=1, max_size=3, unique_by=lambda e: e.guid))
def test_feed_parses_strictly_and_index_balances(show, episodes):
    feed = render_feed(show, episodes)
    assert_xml(feed, "feed.xml")
    parsed = feedparser.parse(feed)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert len(parsed.entries) == len(episodes)
    assert_balanced_html(render_index(show, episodes).decode("utf-8"))


@EXAMPLES
@given(st.lists(st.tuples(st.sampled_from(["p", "h2", "li", "blockquote", "a", "figure", "table"]),
                          TEXT), min_size=1, max_size=8),
       st.sampled_from(["", "<meta charset='utf-8'>", "<html lang='\x00'>", "<title>\ud800</title>"]))
def test_any_page_reads_or_is_a_read_error(parts, head):
    page = head + "".join(f"<{tag}>{text}</{tag}>" for tag, text in parts)
    try:
        article = narrate.parse_html(page.encode("utf-8", "surrogatepass"))
    except ReadError:
        return
    article.to_json().encode("utf-8")
