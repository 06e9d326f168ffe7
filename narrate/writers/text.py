"""Plain text for screen readers and braille displays.

Decisions: no hard wrapping (a braille display or screen reader reflows text; hard breaks
split sentences), one block a paragraph separated by a blank line, headings underlined
setext-style so they stand out without markup, images announced with their alt text and
caption as labelled lines, lists with "-" or "1." markers, quotes indented by two spaces.
Link targets are never put mid-sentence (a URL spoken inside prose is noise to a screen reader
user); with ``show_link_targets`` they are listed once at the end under "Links", as
"link text: URL". By default they are left out, as pandoc's plain writer does: the HTML,
Markdown and EPUB exports keep every link.
"""

from __future__ import annotations

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
from narrate.writers.meta import header_lines
from narrate.writers.options import WriteOptions


def write(article: Article, options: WriteOptions) -> str:
    parts = [_underline(article.title, "=")]
    parts.extend(header_lines(article))
    links: list[tuple[str, str]] = []
    for block in article.blocks:
        parts.append(_block(block, options, links))
    if links and options.show_link_targets:
        seen: dict[tuple[str, str], None] = dict.fromkeys(links)
        parts.append(_underline("Links", "-"))
        parts.append("\n".join(f"{words}: {href}" for words, href in seen))
    return "\n\n".join(p for p in parts if p) + "\n"


def _underline(title: str, char: str) -> str:
    title = " ".join(title.split())
    return f"{title}\n{char * max(3, len(title))}" if title else ""


def _inlines(inlines: tuple[Inline, ...], links: list[tuple[str, str]]) -> str:
    for node in _links(inlines):
        words = " ".join(inline_text(node.inlines).split())
        if _worth_showing(node.href, words):
            links.append((words, node.href))
    return " ".join(inline_text(inlines).split())


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


def _block(block: Block, options: WriteOptions, links: list[tuple[str, str]]) -> str:  # noqa: C901 - one branch per block type
    if isinstance(block, Heading):
        return _underline(_inlines(block.inlines, links), "=" if block.level <= 1 else "-")
    if isinstance(block, Paragraph):
        return _inlines(block.inlines, links)
    if isinstance(block, Figure):
        lines = []
        if block.alt:
            lines.append(f"{options.image_label}: {block.alt}")
        if block.caption and block.caption != block.alt:
            lines.append(f"{options.caption_label}: {block.caption}")
        elif block.caption and not block.alt:
            lines.append(f"{options.caption_label}: {block.caption}")
        if block.credit:
            lines.append(f"{options.credit_label}: {block.credit}")
        return "\n".join(lines)
    if isinstance(block, ListBlock):
        items = []
        for n, item in enumerate(block.items, 1):
            marker = f"{n}." if block.ordered else "-"
            body = "\n".join(_block(b, options, links) for b in item)
            items.append(f"{marker} " + body.replace("\n", "\n   "))
        return "\n".join(items)
    if isinstance(block, BlockQuote):
        body = "\n\n".join(_block(b, options, links) for b in block.blocks)
        if block.attribution:
            body += f"\n— {block.attribution}"
        return "\n".join("  " + line if line else "" for line in body.split("\n"))
    if isinstance(block, PullQuote):
        return f"{options.pull_quote_label}: {_inlines(block.inlines, links)}"
    if isinstance(block, CodeBlock):
        return block.text
    if isinstance(block, Table):
        rows = [r for r in (block.header, *block.rows) if any(r)]
        lines = [block.caption] if block.caption else []
        header = block.header if any(block.header) else ()
        for row in block.rows:
            if header:
                lines.append("; ".join(f"{h}: {c}" if h else c for h, c in zip(header, row, strict=False)))
            else:
                lines.append("; ".join(row))
        return "\n".join(lines) if rows else ""
    raise TypeError(f"unknown block {type(block).__name__}")
