"""CommonMark (plus GFM pipe tables); metadata as plain lines up front; article text is escaped."""

from __future__ import annotations

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
)
from narrate.wording import Wording, wording_for
from narrate.writers.links import LinkPolicy
from narrate.writers.meta import byline, date_line
from narrate.writers.options import WriteOptions
from narrate.xmlsafe import clean_strings, xml_clean

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")
# A list marker, quote, or a run of - or = (a thematic break or setext underline).
_LINE_START = re.compile(r"^(\s*)(?:([-+=>])(?=[\s\-=]|$)|(\d+)([.)])(?=\s|$))")


def escape(text: str) -> str:
    text = _SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text))
    return _LINE_START.sub(_escape_marker, text)


def _escape_marker(m: re.Match[str]) -> str:
    """A paragraph that starts like a list item or quote must stay a paragraph."""
    if m.group(2):
        return m.group(1) + "\\" + m.group(2)
    return m.group(1) + m.group(3) + "\\" + m.group(4)


def write(article: Article, options: WriteOptions) -> str:
    article = clean_strings(article)  # before fencing: a control character between two
    # backtick runs, removed afterwards, made them one run that closed a code span early
    parts = [f"# {escape(article.title).strip()}"]
    for line in (article.subtitle or article.description, byline(article), date_line(article)):
        if line:
            parts.append(f"*{escape(line)}*")
    words = wording_for(article.language)
    links = LinkPolicy(article)
    if article.url:
        source = links.href(article.url)  # percent-encoded: no space or <> can end the autolink
        parts.append(words.label("source", f"<{source}>" if source and ":" in source
                                 else escape(article.url)))
    parts.extend(_block(b, words, links) for b in article.blocks)
    return xml_clean("\n\n".join(p for p in parts if p) + "\n")  # no control characters


def _inlines(inlines: tuple[Inline, ...], links: LinkPolicy) -> str:
    out: list[str] = []
    for node in _joined_code(inlines):
        if isinstance(node, Text):
            out.append(escape(node.text))
        elif isinstance(node, Emphasis):
            out.append(_wrap("*", _inlines(node.inlines, links)))
        elif isinstance(node, Strong):
            out.append(_wrap("**", _inlines(node.inlines, links)))
        elif isinstance(node, Code):
            out.append(_code_span(node.text))
        elif isinstance(node, Link):
            href = links.markdown_href(node.href)
            words = _inlines(node.inlines, links)
            out.append(f"[{words.strip()}](<{href.replace('>', '%3E')}>)" if href else words)
        elif isinstance(node, LineBreak):
            out.append("\\\n")
    return re.sub(r"[ \t]+", " ", "".join(out)).strip()


def _joined_code(inlines: tuple[Inline, ...]) -> list[Inline]:
    """Adjacent code spans as one: written side by side, their fences would touch and make one
    longer backtick run, ending neither where it should."""
    out: list[Inline] = []
    for node in inlines:
        if isinstance(node, Code) and out and isinstance(out[-1], Code):
            out[-1] = Code(out[-1].text + node.text)
        else:
            out.append(node)
    return out


def _longest_run(text: str, char: str) -> int:
    return max((len(run) for run in re.findall(re.escape(char) + "+", text)), default=0)


def _code_span(text: str) -> str:
    """Code stays code: the fence is a backtick run longer than any inside it (a shorter one
    would end the span early and let the rest be read as Markdown or raw HTML), a blank line
    cannot end the paragraph, and an edge backtick is padded so it is not part of the fence."""
    text = " ".join(text.split())
    if not text:
        return ""
    tick = "`" * (_longest_run(text, "`") + 1)
    pad = " " if text[0] == "`" or text[-1] == "`" else ""
    return f"{tick}{pad}{text}{pad}{tick}"


def _wrap(mark: str, inner: str) -> str:
    stripped = inner.strip()
    if not stripped:
        return inner
    lead = " " if inner[:1].isspace() else ""
    trail = " " if inner[-1:].isspace() else ""
    return f"{lead}{mark}{stripped}{mark}{trail}"


def _block(block: Block, words: Wording, links: LinkPolicy) -> str:  # noqa: C901 - one branch per block type
    if isinstance(block, Heading):
        return "#" * min(6, max(2, block.level)) + " " + _inlines(block.inlines, links)
    if isinstance(block, Paragraph):
        return _inlines(block.inlines, links)
    if isinstance(block, Figure):
        src = links.src(block.src)
        lines = [f"![{escape(block.alt)}](<{src}>)" if src else escape(words.label("image", block.alt))]
        if block.caption:
            lines.append(f"*{escape(block.caption)}*")
        if block.credit:
            lines.append(escape(words.credit_line(block.credit, block.credit_label)))
        return "\\\n".join(lines)
    if isinstance(block, ListBlock):
        items = []
        for n, item in enumerate(block.items, 1):
            marker = f"{n}." if block.ordered else "-"
            body = "\n\n".join(_block(b, words, links) for b in item)
            pad = " " * (len(marker) + 1)
            items.append(f"{marker} " + "\n".join(
                (pad + line) if line else "" for line in body.split("\n")).lstrip())
        return "\n".join(items)
    if isinstance(block, BlockQuote):
        body = "\n\n".join(_block(b, words, links) for b in block.blocks)
        if block.attribution:
            body += f"\n\n— {escape(block.attribution)}"
        return "\n".join(("> " + line).rstrip() for line in body.split("\n"))
    if isinstance(block, PullQuote):
        label = escape(words.pull_quote + words.colon.rstrip())
        return f"> **{label}** {_inlines(block.inlines, links)}"
    if isinstance(block, CodeBlock):
        # The fence is longer than any backtick run in the code (a line of as many would close
        # it and what follows would be Markdown or raw HTML); the info string is one word.
        # A lone CR ends a line too: made LF, so a list item's indent covers every line.
        text = re.sub(r"\r\n?", "\n", block.text)
        fence = "`" * max(3, _longest_run(text, "`") + 1)
        language = "".join(re.findall(r"[\w+#.\-]", block.language))
        return f"{fence}{language}\n{text}\n{fence}"
    if isinstance(block, Table):
        return _table(block)
    raise TypeError(f"unknown block {type(block).__name__}")


def _table(table: Table) -> str:
    width = max([len(table.header), *(len(r) for r in table.rows)] or [0])
    if not width:
        return ""
    header = list(table.header) + [""] * (width - len(table.header))

    def row(cells: tuple[str, ...] | list[str]) -> str:
        cells = list(cells) + [""] * (width - len(cells))
        return "| " + " | ".join(escape(c) for c in cells) + " |"

    lines = [row(header), "|" + "---|" * width, *(row(r) for r in table.rows)]
    if table.caption:
        lines.insert(0, f"*{escape(table.caption)}*\n")
    return "\n".join(lines)
