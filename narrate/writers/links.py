"""Where a link in an export may point, decided once for every HTML-based writer.

Only ``http(s)`` and ``mailto`` leave the document; ``javascript:``, ``data:`` and every other
scheme become plain text. Relative links are resolved against the article's URL (the readers
do this already; an export must never carry an unresolved one). Links into the article itself
(``#History``, or the article's own URL with a fragment) keep working when a heading of the
export carries that anchor and become plain text when it does not: a wiki page's links to
sections that extraction left out would otherwise be broken links (EPUBCheck errors).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote, unquote, urljoin, urlsplit

from narrate.model import Article, Heading, inline_text
from narrate.urls import SAFE_SCHEMES, is_web, scheme
from narrate.xmlsafe import xml_clean

_SAFE = ":/?#[]@!$&'()*+,;=%~"


def anchor_key(text: str) -> str:
    """The spelling-independent key of an anchor: 'History_of_X', 'history-of-x' and the
    heading text 'History of X' share one (wiki, GitHub and Sphinx styles)."""
    text = unicodedata.normalize("NFKD", unquote(xml_clean(text))).casefold()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return "-".join(re.findall(r"[^\W_]+", text))


def heading_ids(article: Article) -> dict[int, str]:
    """Top-level block index -> ``id`` for each heading: readable ASCII, unique, never empty."""
    ids: dict[int, str] = {}
    used: set[str] = set()
    for index, block in enumerate(article.blocks):
        if not isinstance(block, Heading):
            continue
        key = anchor_key(inline_text(block.inlines))
        if not key.isascii() or len(key) > 60:
            key = hashlib.sha1(key.encode("utf-8", "replace")).hexdigest()[:10]
        base = "h-" + (key or "section")
        ident, n = base, 2
        while ident in used:
            ident, n = f"{base}-{n}", n + 1
        used.add(ident)
        ids[index] = ident
    return ids


class LinkPolicy:
    """Resolves an article's links for one export (see the module docstring)."""

    def __init__(self, article: Article) -> None:
        url = article.url.strip()
        self.base = url if is_web(url) else ""
        self.page = self.base.split("#", 1)[0]
        self.anchors: dict[str, str] = {}  # anchor key -> heading id
        self.keys: dict[str, str] = {}  # heading id -> anchor key
        for index, ident in heading_ids(article).items():
            block = article.blocks[index]
            assert isinstance(block, Heading)
            key = anchor_key(inline_text(block.inlines))
            self.anchors.setdefault(key, ident)
            self.keys[ident] = key

    def href(self, href: str) -> str | None:
        """The href to write, or None when the link must become plain text."""
        href = xml_clean(href).strip()
        if not href:
            return None
        if href.startswith("#"):
            return self._internal(href[1:])
        try:
            parts = urlsplit(href)
        except ValueError:
            return None
        if not parts.scheme:
            if not self.base:
                return None
            href = urljoin(self.base, href)
            parts = urlsplit(href)
        if scheme(href) not in SAFE_SCHEMES:
            return None
        if self.page and parts.fragment and href.split("#", 1)[0] == self.page:
            return self._internal(parts.fragment)
        return quote(href, safe=_SAFE)

    def markdown_href(self, href: str) -> str | None:
        """As ``href``, but an internal link uses the heading slug Markdown renderers generate."""
        resolved = self.href(href)
        if resolved and resolved.startswith("#"):
            return "#" + self.keys[resolved[1:]]
        return resolved

    def src(self, src: str) -> str | None:
        """An image source the export may reference: absolute http(s) only."""
        resolved = self.href(src)
        return resolved if resolved and resolved.lower().startswith(("http://", "https://")) else None

    def _internal(self, fragment: str) -> str | None:
        ident = self.anchors.get(anchor_key(fragment)) if anchor_key(fragment) else None
        return f"#{ident}" if ident else None
