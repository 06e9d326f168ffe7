"""Give trafilatura's choice of text back its structure from the original page.

trafilatura decides *which* text is the article (and is best at it without links and images,
which would change its decisions). Each paragraph and heading it keeps is found again in the
page by its text, and converted from the page's own element: links and emphasis come back,
headings keep their level, a quote styled as a pull quote is marked as one, code keeps its
line breaks. Then what trafilatura never returns is put back in reading order, when it sits
inside the article (the smallest element holding every kept block) and between its first and
last kept block: every content image (figures, pictures, images in paragraphs, links and
tables) and the section headings. Blocks that cannot be found again stay as trafilatura
gave them.
"""

from __future__ import annotations

from lxml import etree

from narrate.model import (
    Block,
    BlockQuote,
    CodeBlock,
    Figure,
    Heading,
    Paragraph,
    PullQuote,
    Table,
    inline_text,
)
from narrate.readers.extract import settings
from narrate.readers.html_blocks import HEADINGS, HtmlConverter
from narrate.readers.images import in_noscript
from narrate.readers.patterns import FURNITURE_CLASS, PULL_QUOTE_CLASS
from narrate.readers.xml_blocks import strip_furniture

# tree.iter with several tags walks the tree once in document order (linear); an XPath union
# of the same tags is quadratic in libxml2 when several sets are large.
_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "table", "blockquote", "pre",
         "img")
_TEASER = FURNITURE_CLASS


def _key(text: str) -> str:
    return " ".join(strip_furniture(text).split())


def _in_pull_quote(el: etree._Element) -> bool:
    """Inside an element styled as a pull quote (not Bootstrap's pull-left)."""
    for anc in el.iterancestors():
        cls = anc.get("class")
        if cls and "ull" in cls and PULL_QUOTE_CLASS.search(cls):
            return True
        if anc.tag in ("article", "main", "body"):
            return False
    return False


def _teaser_ancestor(el: etree._Element) -> bool:
    for anc in el.iterancestors():
        if anc.tag == "a" and el.tag not in ("img", "picture"):
            return True
        if _TEASER.search(f"{anc.get('class', '')} {anc.get('id', '')}"):
            return True
        if anc.tag in ("article", "main", "body"):
            return False
    return False


class _Page:
    """The page's candidate elements, by position in reading order."""

    def __init__(self, tree: etree._Element) -> None:
        self.index: dict[str, list[tuple[int, etree._Element]]] = {}
        self.figures: list[tuple[int, etree._Element]] = []  # <figure> and lone <img>
        self.tables: list[tuple[int, etree._Element]] = []
        self.pres: list[tuple[int, etree._Element]] = []
        self.headings: list[tuple[int, etree._Element]] = []
        for pos, el in enumerate(tree.iter(*_TAGS)):
            tag = el.tag
            if tag == "figure":
                self.figures.append((pos, el))
            elif tag == "img":
                if not in_noscript(el) and next(el.iterancestors("figure"), None) is None:
                    self.figures.append((pos, el))
            elif tag == "table":
                self.tables.append((pos, el))
            elif tag == "pre":
                self.pres.append((pos, el))
            elif tag != "blockquote":
                key = _key(el.text_content())
                if key:
                    self.index.setdefault(key, []).append((pos, el))
                    if tag in HEADINGS and tag != "h1":
                        self.headings.append((pos, el))
                if next(el.iter("math"), None) is not None:  # as trafilatura reads it
                    self.index.setdefault(_key(_without_math(el)), []).append((pos, el))

    def find(self, key: str, after: int) -> tuple[int, etree._Element] | None:
        for cand in self.index.get(key, ()):
            if cand[0] > after:
                return cand
        return None


def restore(blocks: tuple[Block, ...], tree: etree._Element,
            conv: HtmlConverter) -> tuple[Block, ...]:
    """``blocks`` (from trafilatura's XML) with inlines, levels, pull quotes, code, figures
    and headings back from the page."""
    page = _Page(tree)
    placed: list[tuple[int, Block]] = []
    last = -1
    matched: list[etree._Element] = []
    for block in blocks:
        found = None
        if isinstance(block, (Paragraph, Heading)):
            found = page.find(_key(inline_text(block.inlines)), last)
        elif isinstance(block, BlockQuote) and isinstance(block.blocks[0], Paragraph):
            found = page.find(_key(inline_text(block.blocks[0].inlines)), last)
            quote = next(found[1].iterancestors("blockquote"), None) if found else None
            if quote is not None and found is not None:
                last = found[0]
                matched.append(quote)
                placed.append((last, _requote(block, quote, conv)))
                continue
            found = None
        elif isinstance(block, (Table, CodeBlock)):
            pool = page.tables if isinstance(block, Table) else page.pres
            found = next(((p, t) for p, t in pool if p > last), None)
            if found is not None:
                last = found[0]
                matched.append(found[1])
                rebuilt = conv.element(found[1])
                same = [b for b in rebuilt if type(b) is type(block)]
                placed.append((last, same[0] if same else block))
                placed.extend((last, f) for f in rebuilt if isinstance(f, Figure))
                continue
        if found is None:
            placed.append((last, block))
            continue
        last, el = found
        if isinstance(block, Heading) and _teaser_ancestor(el):
            continue  # the title of a related-stories or promo box, not a section
        matched.append(el)
        rebuilt, figures = _rebuild(block, el, conv)
        placed.append((last, rebuilt))
        placed.extend((last, f) for f in figures)
    if not matched:
        return blocks
    return _with_page_extras(placed, page, matched, conv)


def _requote(block: BlockQuote, quote: etree._Element, conv: HtmlConverter) -> Block:
    """Convert the page's own blockquote (pull-quote class, footer/cite attribution)."""
    out = [b for b in conv.element(quote) if not isinstance(b, Figure)]
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


def _rebuild(block: Block, el: etree._Element,
             conv: HtmlConverter) -> tuple[Block, tuple[Figure, ...]]:
    inlines, figures = conv.inlines(el)
    want = _key(inline_text(block.inlines))  # type: ignore[union-attr]
    if _key(inline_text(inlines)) != want and _key(_without_math(el)) != want:
        return block, figures
    if el.tag in HEADINGS:
        return Heading(HEADINGS[el.tag], inlines), figures
    if _in_pull_quote(el):
        return PullQuote(inlines), ()
    if isinstance(block, Heading):
        return Heading(block.level, inlines), figures
    return Paragraph(inlines), figures


def _without_math(el: etree._Element) -> str:
    """The element's text as trafilatura reads it when it drops MathML formulas."""
    parts: list[str] = [el.text or ""]
    for child in el:
        if child.tag != "math":
            parts.append(_without_math(child))
        parts.append(child.tail or "")
    return "".join(parts)


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


def _within(el: etree._Element, matched_ids: set[int]) -> bool:
    return any(id(a) in matched_ids for a in el.iterancestors())


def _with_page_extras(placed: list[tuple[int, Block]], page: _Page,
                      matched: list[etree._Element], conv: HtmlConverter) -> tuple[Block, ...]:
    scope = _scope(matched)
    first_pos = min(p for p, _ in placed if p >= 0) if any(p >= 0 for p, _ in placed) else 0
    last_pos = placed[-1][0] if placed else 0
    matched_ids = {id(m) for m in matched}
    kept = {_key(inline_text(b.inlines)) for _, b in placed if isinstance(b, Heading)}

    def fits(pos: int, el: etree._Element, lo: int) -> bool:
        in_scope = _inside(el, scope) if scope is not None else first_pos <= pos <= last_pos
        return (in_scope and lo <= pos <= last_pos and not _within(el, matched_ids)
                and not _teaser_ancestor(el))

    extra: list[tuple[int, Block]] = []
    for pos, el in page.figures:
        if fits(pos, el, -1):
            extra.extend((pos, f) for f in conv.figures(el))
    for pos, el in page.headings:
        key = _key(el.text_content())
        if (key not in kept and len(key.split()) <= settings.HEADING_MAX_WORDS
                and fits(pos, el, first_pos)):
            inlines, _ = conv.inlines(el)
            if inlines:
                extra.append((pos, Heading(HEADINGS[el.tag], inlines)))
                kept.add(key)
    if not extra:
        return tuple(b for _, b in placed)
    extra.sort(key=lambda pair: pair[0])
    merged: list[Block] = []
    i = 0
    for pos, block in placed:
        while i < len(extra) and extra[i][0] < pos:
            merged.append(extra[i][1])
            i += 1
        merged.append(block)
    merged.extend(b for _, b in extra[i:])
    return tuple(merged)
