"""Plain text for screen readers and braille displays.

Decisions: no hard wrapping (a braille display or screen reader reflows text; hard breaks
split sentences), one paragraph a line and one blank line between blocks, headings as their
own paragraph with no underline (a row of "=" is a full line of dots on a braille display and
"equals equals equals" from a screen reader), no rows of symbols at all (a "* * *" section
break says nothing), images announced with their alt text and caption as labelled lines,
lists with "-" or "1." markers, quotes indented by two spaces, table rows read as
"header: cell; header: cell" in order.
Link targets are never put mid-sentence (a URL spoken inside prose is noise to a screen reader
user); with ``show_link_targets`` they are listed once at the end under "Links", as
"link text: URL". By default they are left out, as pandoc's plain writer does: the HTML,
Markdown and EPUB exports keep every link.
"""

from __future__ import annotations

import re

from narrate.model import (
    Article,
    Block,
    BlockQuote,
    CodeBlock,
    Figure,
    Heading,
    Inline,
    Link,
    ListBlock,
    Paragraph,
    PullQuote,
    Table,
    inline_text,
)
from narrate.wording import Wording, wording_for
from narrate.writers.meta import header_lines
from narrate.writers.options import WriteOptions
from narrate.xmlsafe import xml_clean


def write(article: Article, options: WriteOptions) -> str:
    parts = [_line(article.title)]
    parts.extend(header_lines(article))
    links: list[tuple[str, str]] = []
    words = wording_for(article.language)
    for block in article.blocks:
        parts.append(_block(block, words, links))
    if links and options.show_link_targets:
        seen: dict[tuple[str, str], None] = dict.fromkeys(links)
        parts.append(words.links)
        parts.append("\n".join(f"{words}: {href}" for words, href in seen))
    return xml_clean("\n\n".join(p for p in parts if p) + "\n")


# a line of punctuation or symbols only (dinkus, rule, divider): nothing to read
_SYMBOL_ROW = re.compile(r"^[^\w]*$")


def _line(text: str) -> str:
    """One paragraph, one line; empty when it holds no letters or digits (a row of symbols)."""
    text = " ".join(text.split())
    return "" if _SYMBOL_ROW.match(text) else text


def _inlines(inlines: tuple[Inline, ...], links: list[tuple[str, str]]) -> str:
    for node in _links(inlines):
        words = " ".join(inline_text(node.inlines).split())
        if _worth_showing(node.href, words):
            links.append((words, node.href))
    return _line(inline_text(inlines))


def _links(inlines: tuple[Inline, ...]) -> list[Link]:
    found: list[Link] = []
    for node in inlines:
        if isinstance(node, Link):
            found.append(node)
        elif hasattr(node, "inlines"):
            found.extend(_links(node.inlines))
    return found


def _worth_showing(href: str, words: str) -> bool:
    return href.startswith(("http://", "https://", "mailto:")) and href not in words


def _block(block: Block, words: Wording, links: list[tuple[str, str]]) -> str:  # noqa: C901 - one branch per block type
    if isinstance(block, Heading):
        return _inlines(block.inlines, links)
    if isinstance(block, Paragraph):
        return _inlines(block.inlines, links)
    if isinstance(block, Figure):
        lines = []
        alt, caption, credit = _line(block.alt), _line(block.caption), _line(block.credit)
        if alt:
            lines.append(words.label("image", alt))
        if caption and caption != alt:
            lines.append(words.label("caption", caption))
        if credit:
            lines.append(words.credit_line(credit, block.credit_label))
        return "\n".join(lines)
    if isinstance(block, ListBlock):
        items = []
        for n, item in enumerate(block.items, 1):
            marker = f"{n}." if block.ordered else "-"
            body = "\n".join(x for x in (_block(b, words, links) for b in item) if x)
            items.append(f"{marker} " + body.replace("\n", "\n   "))
        return "\n".join(items)
    if isinstance(block, BlockQuote):
        body = "\n\n".join(x for x in (_block(b, words, links) for b in block.blocks) if x)
        if _line(block.attribution):
            body += f"\n— {_line(block.attribution)}"
        return "\n".join("  " + line if line else "" for line in body.split("\n"))
    if isinstance(block, PullQuote):
        return words.label("pull_quote", _inlines(block.inlines, links))
    if isinstance(block, CodeBlock):
        return block.text
    if isinstance(block, Table):
        return _table(block, words)
    raise TypeError(f"unknown block {type(block).__name__}")


def _table(table: Table, words: Wording) -> str:
    """Row by row, each cell after its column header: readable in a linear order."""
    header = [_line(h) for h in table.header]
    lines = [words.label("table", _line(table.caption))] if _line(table.caption) else []
    for row in table.rows:
        cells = [(header[k] if k < len(header) else "", _line(c)) for k, c in enumerate(row)]
        line = "; ".join(f"{h}: {c}" if h else c for h, c in cells if c)
        if line:
            lines.append(line)
    if not table.rows and any(header):
        lines.append("; ".join(h for h in header if h))
    return "\n".join(lines)
