"""Reader for whole HTML pages: metadata from the page, the body from its main content."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from narrate.errors import ReadError
from narrate.model import Article
from narrate.readers.assemble import assemble
from narrate.readers.blocks import Converter
from narrate.readers.decode import decode
from narrate.readers.extract.main import main_content
from narrate.readers.metadata import page_meta
from narrate.readers.options import ReadOptions

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.I)
# Comments and processing instructions go at parse time: text after them would otherwise
# hang on their tails, which extraction drops.
_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False)


def parse_tree(text: str, source: str = "") -> etree._Element:
    """Parse HTML leniently into an lxml tree (libxml2 caps nesting depth at 256)."""
    text = _XML_DECL.sub("", text, count=1).replace("\x00", "")
    if not text.strip():
        raise ReadError("empty document", source)
    try:
        return lxml.html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(f"not parseable as HTML ({exc})", source) from None


def parse_page(text: str, url: str | None, options: ReadOptions, source: str = "") -> Article:
    tree = parse_tree(text, source)
    meta = page_meta(tree, url)
    content = main_content(tree, url) if options.extract else None
    conv = Converter(meta.url or url)
    if content is not None:
        conv.figure_index = figure_index(tree)
        blocks = conv.blocks(content)
    else:
        root = _fallback_root(tree)
        blocks = conv.blocks(root) if root is not None else ()
    return assemble(blocks, meta, source=source or url or "", options=options,
                    audio_urls=conv.collected.audio_urls)


def figure_index(tree: etree._Element) -> dict[str, etree._Element]:
    """Each <figure>'s image source → the figure, to recover captions trafilatura flattens."""
    index: dict[str, etree._Element] = {}
    for fig in tree.iter("figure"):
        for img in fig.iter("img"):
            src = img.get("src") or img.get("data-src")
            if src:
                index.setdefault(src.strip(), fig)
    return index


def _fallback_root(tree: etree._Element) -> etree._Element | None:
    for tag in ("article", "main", "body"):
        found = next(iter(tree.iter(tag)), None)
        if found is not None:
            return found
    return tree


def read(data: bytes, source, options: ReadOptions) -> Article:  # noqa: ANN001 (Source)
    """Read an HTML page (STYLE rule 2 signature)."""
    text = decode(data, source.charset, source.name)
    return parse_page(text, source.url, options, source.name)
