"""A standalone, accessible HTML5 page of the article.

What a screen reader needs: ``lang`` on the root, one ``main`` landmark holding one
``article``, a single ``h1`` with body headings shifted below it, ``time datetime``, every
image with its alt text (empty alt only when the source marked it decorative) and its caption
in ``figcaption``, pull quotes in an ``aside`` labelled as such, tables with ``th scope``.
"""

from __future__ import annotations

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
)
from narrate.writers.meta import byline
from narrate.writers.options import WriteOptions
from narrate.xmlsafe import xml_escape as escape

_STYLE = (
    "body{max-width:40em;margin:auto;padding:1em;font:1.1em/1.6 system-ui,sans-serif}"
    "img{max-width:100%;height:auto}figcaption{font-size:.95em}"
    "aside.pull-quote{font-size:1.2em;border-left:.3em solid;padding-left:1em}"
    "table{border-collapse:collapse}th,td{border:1px solid;padding:.3em}"
)


def write(article: Article, options: WriteOptions) -> str:
    lang = escape(article.language or "und")
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8" />',
        '<meta name="viewport" content="width=device-width, initial-scale=1" />',
        f"<title>{escape(article.title)}</title>",
    ]
    if article.authors:
        head.append(f'<meta name="author" content="{escape(", ".join(article.authors))}" />')
    if article.description:
        head.append(f'<meta name="description" content="{escape(article.description)}" />')
    if article.url:
        head.append(f'<link rel="canonical" href="{escape(article.url)}" />')
    head += [f"<style>{_STYLE}</style>", "</head>", "<body>", "<main>", "<article>", "<header>"]
    if article.kicker:
        head.append(f'<p class="kicker">{escape(article.kicker)}</p>')
    head.append(f"<h1>{escape(article.title)}</h1>")
    if article.subtitle:
        head.append(f'<p class="standfirst">{escape(article.subtitle)}</p>')
    if article.authors:
        head.append(f'<p class="byline">{escape(byline(article))}</p>')
    if article.published:
        head.append(f'<p><time datetime="{escape(article.published)}">{escape(article.published[:10])}</time></p>')
    if article.url:
        head.append(f'<p>Source: <a href="{escape(article.url)}">{escape(article.site_name or article.url)}</a></p>')
    head.append("</header>")
    body = [_block(b, options) for b in article.blocks]
    tail = ["</article>", "</main>", "</body>", "</html>", ""]
    return "\n".join(head + body + tail)


def _inlines(inlines: tuple[Inline, ...]) -> str:
    out: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(escape(node.text, quote=False))
        elif isinstance(node, Emphasis):
            out.append(f"<em>{_inlines(node.inlines)}</em>")
        elif isinstance(node, Strong):
            out.append(f"<strong>{_inlines(node.inlines)}</strong>")
        elif isinstance(node, Code):
            out.append(f"<code>{escape(node.text, quote=False)}</code>")
        elif isinstance(node, Link):
            out.append(f'<a href="{escape(node.href)}">{_inlines(node.inlines)}</a>')
        elif isinstance(node, LineBreak):
            out.append("<br />")
    return "".join(out)


def _block(block: Block, options: WriteOptions) -> str:  # noqa: C901 - one branch per block type
    if isinstance(block, Heading):
        level = min(6, max(2, block.level))  # the title is the only h1
        return f"<h{level}>{_inlines(block.inlines)}</h{level}>"
    if isinstance(block, Paragraph):
        return f"<p>{_inlines(block.inlines)}</p>"
    if isinstance(block, Figure):
        if options.describe_images:
            text = f"{escape(options.image_label)}: {escape(block.alt)}" if block.alt else ""
            parts = [f'<p class="image-description">{text}</p>'] if text else []
        else:
            parts = [f'<img src="{escape(block.src)}" alt="{escape(block.alt)}" />']
        if not parts and not block.caption and not block.credit:
            return ""  # a decorative image has nothing to describe
        caption = escape(block.caption, quote=False)
        if block.credit:
            credit = f'<span class="credit">{escape(options.credit_label)}: {escape(block.credit)}</span>'
            caption = f"{caption} {credit}" if caption else credit
        if caption:
            parts.append(f"<figcaption>{caption}</figcaption>")
        return "<figure>" + "".join(parts) + "</figure>"
    if isinstance(block, ListBlock):
        tag = "ol" if block.ordered else "ul"
        items = "".join(
            "<li>" + "".join(_block(b, options) for b in item) + "</li>" for item in block.items
        )
        return f"<{tag}>{items}</{tag}>"
    if isinstance(block, BlockQuote):
        inner = "".join(_block(b, options) for b in block.blocks)
        if block.attribution:
            return f"<figure><blockquote>{inner}</blockquote><figcaption>— {escape(block.attribution)}</figcaption></figure>"
        return f"<blockquote>{inner}</blockquote>"
    if isinstance(block, PullQuote):
        label = escape(options.pull_quote_label)
        return f'<aside class="pull-quote" aria-label="{label}"><p>{_inlines(block.inlines)}</p></aside>'
    if isinstance(block, CodeBlock):
        return f"<pre><code>{escape(block.text, quote=False)}</code></pre>"
    if isinstance(block, Table):
        return _table(block)
    raise TypeError(f"unknown block {type(block).__name__}")


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
