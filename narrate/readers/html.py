"""Reader for whole HTML pages: metadata from the page, the body from its main content."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from narrate.errors import EmptyDocument, ReadError
from narrate.model import Article, Block
from narrate.readers.assemble import NO_ARTICLE, assemble
from narrate.readers.decode import decode
from narrate.readers.extract import settings
from narrate.readers.extract.clean import drop_boilerplate, prune_tree
from narrate.readers.extract.main import densest, main_content
from narrate.readers.extract.once import say_once
from narrate.readers.extract.restore import restore
from narrate.readers.html_blocks import HtmlConverter
from narrate.readers.links import safe_url
from narrate.readers.metadata import page_meta
from narrate.readers.options import ReadOptions
from narrate.readers.xml_blocks import xml_blocks
from narrate.sources import Source

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.I)
_CONTAINERS = re.compile(r"</?(?:div|span|section|font|center|table|tbody|tr|td|b|i|em)\b[^>]*>",
                         re.I)
_TOO_DEEP = re.compile(r"(?:<(?:div|span|section|font|center|table|tr|td|b|i|em)\b[^>]*>\s*){200}",
                       re.I)
_WHOLE_PAGE = re.compile(r"<(?:html|body|head)\b", re.I)
_SCRIPTS = re.compile(r"<(script|style|svg)\b.*?</\1\s*>", re.I | re.S)
# Comments and processing instructions go at parse time: text after them would otherwise
# hang on their tails, which extraction drops.
_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False)


def _slim(text: str, source: str) -> str:
    """Bound the work on huge pages: drop script/style bodies, then refuse what is still huge."""
    if len(text) <= settings.MAX_MARKUP_CHARS:
        return text
    text = _SCRIPTS.sub("", text)
    if len(text) > settings.MAX_MARKUP_CHARS:
        mb = len(text) / 1_000_000
        raise ReadError(f"page too large to be one article ({mb:.0f} MB of markup, "
                        f"limit {settings.MAX_MARKUP_CHARS // 1_000_000} MB)", source)
    return text


def parse_tree(text: str, source: str = "") -> etree._Element:
    """Parse HTML leniently into an lxml tree (libxml2 caps nesting depth at 256)."""
    text = _XML_DECL.sub("", _slim(text, source), count=1).replace("\x00", "")
    if not text.strip():
        raise EmptyDocument("empty document", source)
    try:
        return lxml.html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(f"not parseable as HTML ({exc})", source) from None


def parse_page(text: str, url: str | None, options: ReadOptions, source: str = "") -> Article:
    try:
        return _parse_page(text, url, options, source)
    except ReadError as exc:
        # A page nested deeper than the parser's limit (256) loses its inner text; read it
        # again with the layout containers flattened before giving up.
        if exc.reason != NO_ARTICLE or not _TOO_DEEP.search(text):
            raise
        return _parse_page(_CONTAINERS.sub(" ", text), url, options, source)


def _parse_page(text: str, url: str | None, options: ReadOptions, source: str) -> Article:
    """Our extraction first; when it finds no article, trafilatura with ``favor_recall``,
    then a density-based (Readability-style) pick; only when all three find nothing, fail."""
    tree = parse_tree(text, source)
    meta = page_meta(tree, url)
    base = _base_url(tree, url) or meta.url
    # a whole page must hold a real article; a bare fragment is taken as the user gave it
    whole_page = bool(_WHOLE_PAGE.search(text[:20_000]))
    min_words = settings.MIN_PAGE_WORDS if whole_page else 1
    if not options.extract:
        attempts = [_everything]
    else:
        prune_tree(tree)
        attempts = [_precise, _recall, _density]
    for n, attempt in enumerate(attempts):
        conv = HtmlConverter(base)
        blocks = attempt(tree, url, meta.article_body, conv)
        if blocks is None:
            continue
        try:
            # a short find of the precise pass is worth a second look; whatever text a
            # fallback finds is the page's text, however short (a readable page is read)
            return assemble(blocks, meta, source=source or url or "", options=options,
                            audio_urls=conv.collected.audio_urls,
                            min_words=min_words if n == 0 else 1)
        except ReadError as exc:
            if exc.reason != NO_ARTICLE:
                raise
    raise ReadError(NO_ARTICLE, source or url or "")


def _base_url(tree: etree._Element, url: str | None) -> str:
    """What a browser resolves the page's relative links against: its ``<base href>``
    (itself relative to the page's address), else the page's own address."""
    for el in tree.iter("base"):
        href = el.get("href")
        if href and href.strip():
            return safe_url(href, url) or (url or "")
    return url or ""


def _from_xml(content: etree._Element | None, tree: etree._Element,
              conv: HtmlConverter) -> tuple[Block, ...] | None:
    if content is None:
        return None
    blocks = restore(drop_boilerplate(xml_blocks(content, conv.base_url)), tree, conv)
    return say_once(blocks, conv.captions)


def _precise(tree: etree._Element, url: str | None, body: str,
             conv: HtmlConverter) -> tuple[Block, ...] | None:
    return _from_xml(main_content(tree, url, body), tree, conv)


def _recall(tree: etree._Element, url: str | None, body: str,
            conv: HtmlConverter) -> tuple[Block, ...] | None:
    return _from_xml(main_content(tree, url, body, recall=True), tree, conv)


def _density(tree: etree._Element, url: str | None, body: str,
             conv: HtmlConverter) -> tuple[Block, ...] | None:
    root = densest(tree)
    return drop_boilerplate(conv.blocks(root)) if root is not None else None


def _everything(tree: etree._Element, url: str | None, body: str,
                conv: HtmlConverter) -> tuple[Block, ...] | None:
    root = next((found for tag in ("article", "main", "body")
                 for found in tree.iter(tag)), tree)
    return drop_boilerplate(conv.blocks(root))


def read(data: bytes, source: Source, options: ReadOptions) -> Article:
    """Read an HTML page (STYLE rule 2 signature)."""
    text = decode(data, source.charset, source.name)
    return parse_page(text, source.url, options, source.name)
