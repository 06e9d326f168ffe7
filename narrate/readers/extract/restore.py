"""Give trafilatura's choice of text back its structure from the original page.

trafilatura decides *which* text is the article (and is best at it without links and images,
which would change its decisions). Each paragraph and heading it keeps is found again in the
page by its text, and converted from the page's own element: links and emphasis come back,
headings keep their level, a quote styled as a pull quote is marked as one, and the page's
``<figure>``s that sit inside the article are put back in reading order with src, alt,
caption and credit apart. Blocks that cannot be found again stay as trafilatura gave them.
"""

from __future__ import annotations

import re

from lxml import etree

from narrate.model import (
    Block,
    BlockQuote,
    Figure,
    Heading,
    Paragraph,
    PullQuote,
    Table,
    inline_text,
)
from narrate.readers.blocks import Converter, tidy_inlines

_TEXT_BLOCKS = etree.XPath(
    "//p | //h1 | //h2 | //h3 | //h4 | //h5 | //h6 | //figure | //table | //blockquote")
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_PULL = re.compile(r"pull-?quote|pullquote", re.I)
_TEASER = re.compile(r"related|teaser|promo|recommend|sidebar|advert|sponsor|newsletter|"
                     r"share|social|comment|author-bio|more-from", re.I)


def _in_pull_quote(el: etree._Element) -> bool:
    """Inside an element styled as a pull quote (not Bootstrap's pull-left)."""
    for anc in el.iterancestors():
        cls = anc.get("class")
        if cls and "ull" in cls and _PULL.search(cls):
            return True
        if anc.tag in ("article", "main", "body"):
            return False
    return False


def _key(text: str) -> str:
    return " ".join(text.split())


def _teaser_ancestor(el: etree._Element) -> bool:
    for anc in el.iterancestors():
        if anc.tag == "a":
            return True
        if _TEASER.search(f"{anc.get('class', '')} {anc.get('id', '')}"):
            return True
        if anc.tag in ("article", "main", "body"):
            return False
    return False


def restore(blocks: tuple[Block, ...], tree: etree._Element, conv: Converter) -> tuple[Block, ...]:
    """``blocks`` (from trafilatura's XML) with inlines, levels, pull quotes and figures back."""
    index: dict[str, list[tuple[int, etree._Element]]] = {}
    figures: list[tuple[int, etree._Element]] = []
    tables: list[tuple[int, etree._Element]] = []
    for pos, el in enumerate(_TEXT_BLOCKS(tree)):
        if el.tag == "figure":
            figures.append((pos, el))
            continue
        if el.tag == "table":
            tables.append((pos, el))
            continue
        if el.tag == "blockquote":
            continue
        key = _key(el.text_content())
        if key:
            index.setdefault(key, []).append((pos, el))

    placed: list[tuple[int, Block]] = []
    last = -1
    matched: list[etree._Element] = []
    for block in blocks:
        found = None
        if isinstance(block, (Paragraph, Heading)):
            found = _find(index, _key(inline_text(block.inlines)), last)
        elif isinstance(block, BlockQuote) and isinstance(block.blocks[0], Paragraph):
            found = _find(index, _key(inline_text(block.blocks[0].inlines)), last)
            quote = next(found[1].iterancestors("blockquote"), None) if found else None
            if quote is not None:
                last = found[0]  # type: ignore[index]
                matched.append(quote)
                placed.append((last, _requote(block, quote, conv)))
                continue
            found = None
        elif isinstance(block, Table):
            found = next(((p, t) for p, t in tables if p > last), None)
            if found is not None:
                last = found[0]
                sub: list[Block] = []
                conv._table(found[1], sub)
                placed.append((last, sub[0] if sub else block))
                continue
        if found is None:
            placed.append((last, block))
            continue
        last, el = found
        matched.append(el)
        placed.append((last, _rebuild(block, el, conv)))
    if not matched:
        return blocks
    return _with_figures(placed, figures, matched, conv)


def _find(index: dict[str, list[tuple[int, etree._Element]]], key: str,
          after: int) -> tuple[int, etree._Element] | None:
    for cand in index.get(key, ()):
        if cand[0] > after:
            return cand
    return None


def _requote(block: BlockQuote, quote: etree._Element, conv: Converter) -> Block:
    """Convert the page's own blockquote (pull-quote class, footer/cite attribution)."""
    out: list[Block] = []
    conv._quote(quote, out, 0)
    if len(out) != 1:
        return block
    rebuilt = out[0]
    before = " ".join(_key(inline_text(b.inlines)) for b in block.blocks
                      if isinstance(b, Paragraph))
    if isinstance(rebuilt, PullQuote):
        after = _key(inline_text(rebuilt.inlines))
    elif isinstance(rebuilt, BlockQuote):
        after = " ".join(_key(inline_text(b.inlines)) for b in rebuilt.blocks
                         if isinstance(b, Paragraph))
    else:
        return block
    return rebuilt if before.startswith(after) or after == before else block


def _rebuild(block: Block, el: etree._Element, conv: Converter) -> Block:
    inlines = tidy_inlines(conv._inlines_of(el, 0))
    if _key(inline_text(inlines)) != _key(inline_text(block.inlines)):  # type: ignore[union-attr]
        return block
    if el.tag in _HEADINGS:
        return Heading(_HEADINGS[el.tag], inlines)
    if _in_pull_quote(el):
        return PullQuote(inlines)
    if isinstance(block, Heading):
        return Heading(block.level, inlines)
    return Paragraph(inlines)


def _scope(matched: list[etree._Element]) -> etree._Element | None:
    """The smallest element holding every matched block, unless that is the whole page."""
    first = matched[0]
    common = [first, *first.iterancestors()]
    for el in matched[1:]:
        ancestors = {id(a) for a in (el, *el.iterancestors())}
        common = [c for c in common if id(c) in ancestors]
    scope = common[0] if common else None
    if scope is None or scope.tag in ("html", "body"):
        return None
    return scope


def _inside(el: etree._Element, scope: etree._Element) -> bool:
    return any(anc is scope for anc in el.iterancestors())


def _with_figures(placed: list[tuple[int, Block]], figures: list[tuple[int, etree._Element]],
                  matched: list[etree._Element], conv: Converter) -> tuple[Block, ...]:
    scope = _scope(matched)
    first_pos = placed[0][0] if placed else 0
    last_pos = placed[-1][0] if placed else 0
    extra: list[tuple[int, Block]] = []
    for pos, fig in figures:
        in_scope = _inside(fig, scope) if scope is not None else first_pos <= pos <= last_pos
        if not in_scope or pos > last_pos or _teaser_ancestor(fig):
            continue
        out: list[Block] = []
        conv._figure(fig, out, 0)
        extra.extend((pos, b) for b in out if isinstance(b, Figure))
    if not extra:
        return tuple(b for _, b in placed)
    merged: list[Block] = []
    i = 0
    for pos, block in placed:
        while i < len(extra) and extra[i][0] < pos:
            merged.append(extra[i][1])
            i += 1
        merged.append(block)
    merged.extend(b for _, b in extra[i:])
    return tuple(merged)
