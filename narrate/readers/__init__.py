"""Readers: bytes of one source → the one ``Article`` model (pandoc's Readers, STYLE rule 2).

``READERS`` maps a format name to a module-level ``read(data, source, options)``; ``sniff``
picks the format from the content (never the file extension); ``read_source`` does both.
Readers do no I/O: ``narrate.sources`` fetched the bytes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from narrate.errors import EmptyDocument, ReadError
from narrate.model import Article
from narrate.readers import html as _html
from narrate.readers.decode import bom_charset, decode, looks_binary
from narrate.readers.frontmatter import has_front_matter
from narrate.readers.options import ReadOptions
from narrate.sources import Source
from narrate.xmlsafe import clean_strings

Reader = Callable[[bytes, Source, ReadOptions], Article]


def _read_sample(data: bytes, source: Source, options: ReadOptions) -> Article:
    from narrate.readers import sample  # imported by the source that needs it (PyYAML)

    return sample.read(data, source, options)


def _read_markdown(data: bytes, source: Source, options: ReadOptions) -> Article:
    from narrate.readers import markdown  # imported by the source that needs it (markdown-it)

    return markdown.read(data, source, options)


READERS: dict[str, Reader] = {
    "sample": _read_sample,  # YAML front matter + HTML body
    "html": _html.read,  # a whole web page
    "markdown": _read_markdown,  # Markdown (or plain text), front matter optional
}

_HTML_START = re.compile(
    r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|main|div|p|"
    r"section|h[1-6]|figure|header|!--|\?xml)\b", re.I | re.S)
_HTML_TYPES = {"text/html", "application/xhtml+xml"}


def _head(data: bytes) -> str:
    chunk = data[:4096]
    bom = bom_charset(chunk)
    return chunk.decode(bom or "utf-8", errors="replace").lstrip("\ufeff")


def sniff(data: bytes, source: Source) -> str:
    """The format of ``data``, by content first, then by the transport's media type."""
    if looks_binary(data):
        raise ReadError("binary data, not a text article", source.name)
    head = _head(data)
    if has_front_matter(head):
        end = re.search(r"\n(?:---|\.\.\.)[ \t]*\r?\n(.*)", head, re.S)
        after = end.group(1) if end else ""
        if not end:  # front matter longer than the head: look past it
            text = _head(data[: 1 << 20])
            end = re.search(r"\n(?:---|\.\.\.)[ \t]*\r?\n(.{0,2000})", text, re.S)
            after = end.group(1) if end else ""
        return "sample" if _HTML_START.match(after) else "markdown"
    if _HTML_START.match(head):
        return "html"
    if source.media_type in _HTML_TYPES and re.search(r"<(p|div|br|a|span)\b", head, re.I):
        return "html"  # a server's text/html with tags, even if it opens with loose text
    return "markdown"


def read_source(src: Source, options: ReadOptions | None = None) -> Article:
    """Sniff the format and read it. Raises ReadError (one line, naming the source)."""
    if not src.data.strip():
        raise EmptyDocument("empty document", src.name)
    reader = READERS[sniff(src.data, src)]
    try:
        return clean_article(reader(src.data, src, options or ReadOptions()))
    except RecursionError:
        raise ReadError("document nested too deeply", src.name) from None


def clean_article(article: Article) -> Article:
    """Every string of the model without the characters no text format can hold (C0 and C1
    controls but tab and newlines, noncharacters such as U+FFFE; lone surrogates become
    U+FFFD), wherever a reader found it: a ``\\x01`` escape in front matter, a JSON-LD
    ``\\u0001``, an entity in an attribute. XML writers clean again; the transcripts, ID3 tags
    and chapters that are not XML rely on this."""
    return clean_strings(article)


def parse_html(html: str | bytes, url: str | None = None) -> Article:
    """Extract the article from one HTML page (what the extraction benchmark scores)."""
    opts = ReadOptions()
    if isinstance(html, bytes):
        html = decode(html, None, url or "<html>")
    return clean_article(_html.parse_page(html, url, opts, url or "<html>"))


__all__ = ["READERS", "Reader", "ReadOptions", "sniff", "read_source", "parse_html"]
