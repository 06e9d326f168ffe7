"""A standalone, accessible HTML5 page of the article.

What a screen reader needs: ``lang`` on the root, one ``main`` landmark holding one
``article``, a single ``h1`` with body headings shifted below it, ``time datetime``, every
image with its alt text (empty alt only when the source marked it decorative) and its caption
in ``figcaption``, pull quotes in an ``aside`` labelled as such, tables with ``th scope``.
"""

from __future__ import annotations

import itertools
import re

from narrate.model import (
    Article,
    Block,
    BlockQuote,
    Code,
    CodeBlock,
    Emphasis,
    Figure,
    Heading,
    Inline,
    LineBreak,
    Link,
    ListBlock,
    Paragraph,
    PullQuote,
    Strong,
    Table,
    Text,
    inline_text,
)
from narrate.wording import wording_for
from narrate.writers.links import LinkPolicy, heading_ids
from narrate.writers.meta import byline
from narrate.writers.options import WriteOptions
from narrate.writers.sync import BYLINE_ID, STANDFIRST_ID, TITLE_ID, Placement, place
from narrate.xmlsafe import xml_escape as escape

STYLE = (
    "body{max-width:40em;margin:auto;padding:1em;font:1.1em/1.6 system-ui,sans-serif}"
    "img{max-width:100%;height:auto}figcaption{font-size:.95em}"
    "aside.pull-quote{font-size:1.2em;border-left:.3em solid;padding-left:1em}"
    "table{border-collapse:collapse}th,td{border:1px solid;padding:.3em}"
)


def write(article: Article, options: WriteOptions) -> str:
    """The page; with ``options.sentences``, each spoken sentence is wrapped for read-along."""
    return _Page(article, options).render()


class _Page:
    def __init__(self, article: Article, options: WriteOptions) -> None:
        self.article = article
        self.options = options
        self.words = wording_for(article.language)
        self.links = LinkPolicy(article)
        self.placement = place(article, options.sentences) if options.sentences else Placement(
            heading_ids=heading_ids(article))
        self.local_images = dict(options.image_files)
        self.targets = set(self.placement.targets)
        self.block = -1  # the top-level block being rendered
        self.para = 0  # paragraphs rendered so far within it
        self._seq = itertools.count()  # tie-break: events keep the order they were made in

    def _id(self, ident: str) -> str:
        return f' id="{ident}"' if ident in self.targets else ""

    def render(self) -> str:  # noqa: C901 - one line per header field
        article = self.article
        lang = escape(article.language or "und")
        head = [
            "<!DOCTYPE html>",
            f'<html lang="{lang}">',
            "<head>",
            '<meta charset="utf-8" />',
            '<meta name="viewport" content="width=device-width, initial-scale=1" />',
            f"<title>{escape(article.title)}</title>",
        ]
        source = self.links.href(article.url) if article.url else None
        if article.authors:
            head.append(f'<meta name="author" content="{escape(", ".join(article.authors))}" />')
        if article.description:
            head.append(f'<meta name="description" content="{escape(article.description)}" />')
        if source:
            head.append(f'<link rel="canonical" href="{escape(source)}" />')
        head += [f"<style>{STYLE}</style>", "</head>", "<body>", "<main>", "<article>", "<header>"]
        if article.kicker:
            head.append(f'<p class="kicker">{escape(article.kicker)}</p>')
        head.append(f"<h1{self._id(TITLE_ID)}>{escape(article.title)}</h1>")
        if article.subtitle:
            head.append(f'<p class="standfirst"{self._id(STANDFIRST_ID)}>{escape(article.subtitle)}</p>')
        if article.authors:
            head.append(f'<p class="byline"{self._id(BYLINE_ID)}>{escape(byline(article))}</p>')
        if article.published:
            head.append(f'<p><time datetime="{escape(article.published)}">{escape(article.published[:10])}</time></p>')
        if source:
            link = f'<a href="{escape(source)}">{escape(article.site_name or article.url)}</a>'
            head.append(f"<p>{escape(self.words.source + self.words.colon)}{link}</p>")
        head.append("</header>")
        body = []
        for index, block in enumerate(article.blocks):
            self.block, self.para = index, 0
            html = self._block(block)
            ident = self.placement.block_ids.get(index)
            if ident and html.startswith("<"):
                html = re.sub(r"^<(\w+)", rf'<\1 id="{ident}"', html, count=1)
            body.append(html)
        tail = ["</article>", "</main>", "</body>", "</html>", ""]
        return "\n".join(head + body + tail)

    def _inlines(self, inlines: tuple[Inline, ...], spans: list[tuple[int, int, str]] = ()) -> str:
        """Inline markup, with a ``<span id>`` around each [start, end) of ``spans``.

        Every tag is an event at an ``inline_text`` offset; sorting puts closes before opens and
        inner before outer (by extent, then by depth), a span outside an element of the same
        extent. An element that a span boundary cuts is closed there and opened again (a link
        over two sentences becomes two links to the same place), so each span holds exactly
        its sentence and the markup still nests."""
        events: list[tuple[tuple[int, ...], str]] = []
        self._events(inlines, 0, events, spans, 1)
        for a, b, ident in spans:
            events.append(((a, 2, -b, 0, next(self._seq)), f'<span id="{ident}">'))
            events.append(((b, 0, -a, 1, next(self._seq)), "</span>"))
        events.sort(key=lambda e: e[0])
        return "".join(html for _, html in events)

    def _events(self, inlines: tuple[Inline, ...], pos: int, out: list, spans, depth: int) -> int:
        cuts = sorted({x for a, b, _ in spans for x in (a, b)})
        for node in inlines:
            if isinstance(node, Text):
                pos = self._text(node.text, pos, cuts, out)
            elif isinstance(node, LineBreak):
                out.append(((pos, 3, 0, 0, next(self._seq)), "<br />"))
                pos += 1
            else:
                tag, attrs = self._tag(node)
                start = pos
                if isinstance(node, Code):
                    pos = self._text(node.text, pos, cuts, out)
                else:
                    pos = self._events(node.inlines, pos, out, spans, depth + 1)
                if tag and pos > start:
                    inside = {c for a, b, _ in spans if not (start <= a and b <= pos)
                              for c in (a, b) if start < c < pos}
                    edges = [start, *sorted(inside), pos]
                    plain = node.text if isinstance(node, Code) else inline_text(node.inlines)
                    for a, b in itertools.pairwise(edges):
                        if len(edges) > 2 and not plain[a - start:b - start].strip():
                            continue  # a piece of only spaces between two sentences: no empty link
                        out.append(((a, 2, -b, depth, next(self._seq)), f"<{tag}{attrs}>"))
                        out.append(((b, 0, -a, -depth, next(self._seq)), f"</{tag}>"))
                elif tag:  # an empty element sits between what ends and what starts here
                    out.append(((pos, 1, 0, 0, next(self._seq)), f"<{tag}{attrs}></{tag}>"))
        return pos

    def _text(self, text: str, pos: int, cuts: list[int], out: list) -> int:
        end = pos + len(text)
        points = [pos, *(c for c in cuts if pos < c < end), end]
        for a, b in itertools.pairwise(points):
            if b > a:
                out.append(((a, 3, 0, 0, next(self._seq)), escape(text[a - pos:b - pos], quote=False)))
        return end

    def _tag(self, node: Inline) -> tuple[str, str]:
        if isinstance(node, Code):
            return "code", ""
        if isinstance(node, Emphasis):
            return "em", ""
        if isinstance(node, Strong):
            return "strong", ""
        if isinstance(node, Link):
            href = self.links.href(node.href)
            return ("a", f' href="{escape(href)}"') if href else ("", "")
        return "", ""

    def _paragraph(self, inlines: tuple[Inline, ...]) -> str:
        spans = self.placement.spans.get((self.block, self.para), [])
        self.para += 1
        return self._inlines(inlines, spans)

    def _block(self, block: Block) -> str:  # noqa: C901 - one branch per block type
        if isinstance(block, Heading):
            level = min(6, max(2, block.level))  # the title is the only h1
            ident = self.placement.heading_ids.get(self.block) if block is self.article.blocks[self.block] else None
            attr = f' id="{ident}"' if ident else ""
            return f"<h{level}{attr}>{self._inlines(block.inlines)}</h{level}>"
        if isinstance(block, Paragraph):
            return f"<p>{self._paragraph(block.inlines)}</p>"
        if isinstance(block, Figure):
            return self._figure(block)
        if isinstance(block, ListBlock):
            tag = "ol" if block.ordered else "ul"
            items = "".join(
                "<li>" + "".join(self._block(b) for b in item) + "</li>" for item in block.items
            )
            return f"<{tag}>{items}</{tag}>"
        if isinstance(block, BlockQuote):
            inner = "".join(self._block(b) for b in block.blocks)
            if block.attribution:
                return f"<figure><blockquote>{inner}</blockquote><figcaption>— {escape(block.attribution)}</figcaption></figure>"
            return f"<blockquote>{inner}</blockquote>"
        if isinstance(block, PullQuote):
            label = escape(self.words.pull_quote)
            return f'<aside class="pull-quote" aria-label="{label}"><p>{self._inlines(block.inlines)}</p></aside>'
        if isinstance(block, CodeBlock):
            return f"<pre><code>{escape(block.text, quote=False)}</code></pre>"
        if isinstance(block, Table):
            return _table(block)
        raise TypeError(f"unknown block {type(block).__name__}")

    def _figure(self, block: Figure) -> str:
        options = self.options
        local = self.local_images.get(block.src)
        src = local or (None if options.describe_images else self.links.src(block.src))
        if src:
            parts = [f'<img src="{escape(src)}" alt="{escape(block.alt)}" />']
        else:  # no image to show: its description, as a screen reader would give it
            text = escape(self.words.label("image", block.alt)) if block.alt else ""
            parts = [f'<p class="image-description">{text}</p>'] if text else []
        if not parts and not block.caption and not block.credit:
            return ""  # a decorative image has nothing to describe
        caption = escape(block.caption, quote=False)
        if block.credit:
            credit = f'<span class="credit">{escape(self.words.credit_line(block.credit, block.credit_label))}</span>'
            caption = f"{caption} {credit}" if caption else credit
        if caption:
            parts.append(f"<figcaption>{caption}</figcaption>")
        return "<figure>" + "".join(parts) + "</figure>"


def _table(table: Table) -> str:
    out = ["<table>"]
    if table.caption:
        out.append(f"<caption>{escape(table.caption)}</caption>")
    if any(table.header):
        cells = "".join(f'<th scope="col">{escape(c)}</th>' for c in table.header)
        out.append(f"<thead><tr>{cells}</tr></thead>")
    out.append("<tbody>")
    for row in table.rows:
        out.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)
