"""Give trafilatura's choice of text back its structure from the original page.

trafilatura decides *which* text is the article (and is best at it without links and images,
which would change its decisions). Each paragraph and heading it keeps is found again in the
page by its text, and converted from the page's own element: links and emphasis come back,
headings keep their level, a quote styled as a pull quote is marked as one, code keeps its
line breaks. Then what trafilatura never returns is put back in reading order, when it sits
inside the article (the smallest element holding every kept block) and between its first and
last kept block: every content image (figures, pictures, images in paragraphs, links and
tables), the section headings, a list that follows a kept paragraph, and the article's
table of contents (a navigation list, which the narration skips). Blocks that cannot be
found again stay as trafilatura gave them.
"""

from __future__ import annotations

import bisect

from lxml import etree

from narrate.model import (
    Article,
    Block,
    BlockQuote,
    CodeBlock,
    Figure,
    Heading,
    ListBlock,
    Paragraph,
    PullQuote,
    Table,
    inline_text,
)
from narrate.readers.extract import contents, settings
from narrate.readers.html_blocks import BLOCK_TAGS, HEADINGS, HtmlConverter, math_inlines
from narrate.readers.images import closing_pictures, in_noscript, lead_figure, teaser_card
from narrate.readers.patterns import FURNITURE_CLASS, PULL_QUOTE_CLASS
from narrate.readers.xml_blocks import strip_furniture

# tree.iter with several tags walks the tree once in document order (linear); an XPath union
# of the same tags is quadratic in libxml2 when several sets are large.
_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "table", "blockquote", "pre",
         "img", "ul", "ol", "div", "math")
_TEASER = FURNITURE_CLASS


def _key(text: str) -> str:
    return " ".join(strip_furniture(text).split())


def _text_div(el: etree._Element) -> bool:
    """A ``<div>`` used as a paragraph: its own running text, no block inside (as Readability
    reads one; trafilatura returns it as a paragraph)."""
    if not ((el.text or "").strip() or any((c.tail or "").strip() for c in el)):
        return False
    return not any(d.tag in BLOCK_TAGS for d in el.iterdescendants())


def _in_pull_quote(el: etree._Element) -> bool:
    """Inside an element styled as a pull quote (not Bootstrap's pull-left)."""
    for anc in el.iterancestors():
        cls = anc.get("class")
        if cls and "ull" in cls and PULL_QUOTE_CLASS.search(cls):
            return True
        if anc.tag in ("article", "main", "body"):
            return False
    return False


def _teaser_ancestor(el: etree._Element, layout: dict[int, etree._Element] | None = None) -> bool:
    """Inside a link or a teaser/promo/sidebar box within the article. ``layout``: the ids of
    the article's own container and its ancestors — a page's layout may be named for the
    sidebar beside the article (``l-sidebar-fixed``, ``has-sidebar``), and what that holds
    with the article is no teaser."""
    for anc in el.iterancestors():
        if layout and id(anc) in layout:
            return False
        if anc.tag == "a" and el.tag not in ("img", "picture"):
            return True
        if _TEASER.search(f"{anc.get('class', '')} {anc.get('id', '')}"):
            return True
        if anc.tag in ("article", "main", "body"):
            return False
    return False


class _Layout(dict):
    """The article's container and its ancestors, by id; the elements are held (an lxml proxy's
    id is only unique while the proxy lives)."""

    def __init__(self, scope: etree._Element | None) -> None:
        super().__init__((id(a), a) for a in ((scope, *scope.iterancestors())
                                              if scope is not None else ()))


class _Page:
    """The page's candidate elements, by position in reading order."""

    def __init__(self, tree: etree._Element) -> None:
        self.index: dict[str, list[tuple[int, etree._Element]]] = {}
        self.figures: list[tuple[int, etree._Element]] = []  # <figure> and lone <img>
        self.tables: list[tuple[int, etree._Element]] = []
        self.pres: list[tuple[int, etree._Element]] = []
        self.headings: list[tuple[int, etree._Element]] = []
        self.lists: list[tuple[int, etree._Element]] = []  # outermost lists only
        self.formulas: list[tuple[int, etree._Element]] = []  # displayed MathML formulas
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
            elif tag in ("ul", "ol"):
                if next(el.iterancestors("ul", "ol"), None) is None:
                    self.lists.append((pos, el))
            elif tag == "math":
                if el.get("display") == "block":
                    self.formulas.append((pos, el))
            elif tag != "blockquote" and (tag != "div" or _text_div(el)):
                self._text(pos, el)

    def _text(self, pos: int, el: etree._Element) -> None:
        """Index a paragraph-like element (or heading) by its text."""
        key = _key(el.text_content())
        if key:
            self.index.setdefault(key, []).append((pos, el))
            if el.tag in HEADINGS and el.tag != "h1":
                self.headings.append((pos, el))
        if next(el.iter("math"), None) is not None:  # as trafilatura reads it
            self.index.setdefault(_key(_without_math(el)), []).append((pos, el))

    def find(self, key: str, after: int) -> tuple[int, etree._Element] | None:
        """The first element with this text after position ``after`` (bisect: a page of a
        million identical paragraphs stays linear)."""
        cands = self.index.get(key)
        if not cands:
            return None
        i = bisect.bisect_right(cands, after, key=lambda c: c[0])
        return cands[i] if i < len(cands) else None


def restore(blocks: tuple[Block, ...], tree: etree._Element,
            conv: HtmlConverter) -> tuple[Block, ...]:
    """``blocks`` (from trafilatura's XML) with inlines, levels, pull quotes, code, figures
    and headings back from the page."""
    page = _Page(tree)
    placed: list[tuple[int, Block]] = []
    last = -1
    matched: list[etree._Element] = []
    boxed: list[tuple[int, int, etree._Element, Block]] = []  # headings inside a teaser-like box
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
        elif isinstance(block, ListBlock):
            again = _page_list(page, block, last, conv)
            if again is not None:
                last, el, rebuilt = again
                matched.append(el)
                placed.append((last, rebuilt))
                continue
        if found is None:
            placed.append((last, block))
            continue
        last, el = found
        if isinstance(block, Heading) and _teaser_ancestor(el):
            boxed.append((len(placed), last, el, block))  # judged once the article's box is known
            continue
        matched.append(el)
        rebuilt, figures = _rebuild(block, el, conv)
        placed.append((last, rebuilt))
        placed.extend((last, f) for f in figures)
    if not matched:
        return blocks
    _unbox(boxed, placed, matched, conv)
    return _with_page_extras(placed, page, matched, conv)


def _unbox(boxed: list[tuple[int, int, etree._Element, Block]], placed: list[tuple[int, Block]],
           matched: list[etree._Element], conv: HtmlConverter) -> None:
    """Put back each heading whose teaser-like box is the article's own layout (a section);
    the others are titles of related-stories or promo boxes."""
    layout = _Layout(_scope(matched))
    for at, pos, el, block in reversed(boxed):
        if not _teaser_ancestor(el, layout):
            rebuilt, _ = _rebuild(block, el, conv)
            placed.insert(at, (pos, rebuilt))
            matched.append(el)


def _squash(text: str) -> str:
    return "".join(strip_furniture(text).split())


def _page_list(page: _Page, block: ListBlock, after: int,
               conv: HtmlConverter) -> tuple[int, etree._Element, ListBlock] | None:
    """The page's own list holding exactly the words of trafilatura's ``block`` (one of the
    next few lists), converted: its nesting, links and emphasis come back."""
    want = _squash("".join(_lines(block)))
    if not want:
        return None
    i = bisect.bisect_right(page.lists, after, key=lambda c: c[0])
    for pos, el in page.lists[i:i + settings.LIST_LOOKAHEAD]:
        if _squash(el.text_content()) != want:
            continue
        rebuilt = [b for b in conv.element(el) if isinstance(b, ListBlock)]
        if len(rebuilt) == 1 and _squash("".join(_lines(rebuilt[0]))) == want:
            return pos, el, rebuilt[0]
    return None


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


def _prose_list(el: etree._Element) -> bool:
    """Not a menu: most of the list's text is not link text."""
    text = _key(el.text_content())
    linked = sum(len(_key(a.text_content())) for a in el.iter("a"))
    return bool(text) and linked / len(text) < settings.LIST_MAX_LINK_SHARE


def _inside(el: etree._Element, scope: etree._Element) -> bool:
    return any(anc is scope for anc in el.iterancestors())


def _within(el: etree._Element, matched_ids: set[int]) -> bool:
    return any(id(a) in matched_ids for a in el.iterancestors())


class _Extras:
    """What the page holds inside the article that trafilatura did not return."""

    def __init__(self, placed: list[tuple[int, Block]], page: _Page,
                 matched: list[etree._Element], conv: HtmlConverter) -> None:
        self.placed, self.page, self.matched, self.conv = placed, page, matched, conv
        self.scope = _scope(matched)
        self.layout = _Layout(self.scope)
        self.first = min((p for p, _ in placed if p >= 0), default=0)
        self.last = placed[-1][0] if placed else 0
        self.matched_ids = {id(m) for m in matched}
        self.found: list[tuple[int, Block]] = []
        self._kept: set[str] | None = None  # kept lines, for teaser cards' headlines

    def fits(self, pos: int, el: etree._Element, lo: int, layout: _Layout | None = None) -> bool:
        """Inside the article, between ``lo`` and the last kept block, not yet said, not in a
        teaser box (``layout``: the article's containers, whose names do not count)."""
        in_scope = (_inside(el, self.scope) if self.scope is not None
                    else self.first <= pos <= self.last)
        return (in_scope and lo <= pos <= self.last and not _within(el, self.matched_ids)
                and not _teaser_ancestor(el, layout))

    def figures(self) -> None:
        lead = self._lead_figure()
        closing = {id(el) for el in closing_pictures(self.matched[-1], self.scope)}
        for pos, el in self.page.figures:
            if (self.fits(pos, el, -1, self.layout) or el is lead
                    or (id(el) in closing and not _teaser_ancestor(el, self.layout))
                    ) and self._not_card(el):
                self.found.extend((pos, f) for f in self.conv.figures(el))

    def _not_card(self, el: etree._Element) -> bool:
        """Not the picture of a teaser card none of whose text the article keeps (a card in
        a list the article is made of keeps its picture; a related-story card does not)."""
        img = el if el.tag == "img" else next(el.iter("img"), None)
        card = teaser_card(img) if img is not None else None
        if card is None:
            return True
        if self._kept is None:
            self._kept = {_key(line) for _, b in (*self.placed, *self.found)
                          for line in _lines(b)}
        box, headline = card
        return _key(headline) in self._kept or any(id(d) in self.matched_ids for d in box.iter())

    def _lead_figure(self) -> etree._Element | None:
        """The article's lead picture: many pages put it in the article's header, beside the
        body's container rather than inside it. The last ``<figure>`` before the first kept
        block, inside the same ``<article>``/``<main>`` as the body, that says it is the
        article's (captioned or credited, or marked ``itemprop="image"``: images.lead_figure)
        is taken (a teaser or a bare figure is not taken on that ground)."""
        if self.scope is None:
            return None
        home = next((a for a in (self.scope, *self.scope.iterancestors())
                     if a.tag in ("article", "main")), None)
        if home is None:
            return None
        lead = None
        for pos, el in self.page.figures:
            if pos >= self.first:
                break
            if (el.tag == "figure" and _inside(el, home) and not _inside(el, self.scope)
                    and lead_figure(el) and not _teaser_ancestor(el, self.layout)):
                lead = el
        return lead

    def headings(self) -> None:
        kept = {_key(inline_text(b.inlines)) for _, b in self.placed if isinstance(b, Heading)}
        for pos, el in self.page.headings:
            key = _key(el.text_content())
            if (key not in kept and len(key.split()) <= settings.HEADING_MAX_WORDS
                    and self.fits(pos, el, self.first, self.layout)):
                inlines, _ = self.conv.inlines(el)
                if inlines:
                    self.found.append((pos, Heading(HEADINGS[el.tag], inlines)))
                    kept.add(key)

    def lists(self) -> None:
        """A list right after a kept paragraph ("the steps are:") is the article's, unless it
        is a menu of links or trafilatura already gave its text."""
        said = {_key(line) for _, b in self.placed for line in _lines(b)}
        for pos, el in self.page.lists:
            prev = el.getprevious()
            if (prev is not None and id(prev) in self.matched_ids and prev.tag == "p"
                    and self.fits(pos, el, self.first) and _prose_list(el)):
                blocks = [b for b in self.conv.element(el) if isinstance(b, ListBlock)]
                lines = [_key(x) for b in blocks for x in _lines(b)]
                if lines and not any(x in said for x in lines):
                    self.found.extend((pos, b) for b in blocks)

    def formulas(self) -> None:
        """A displayed formula (MathML ``display="block"``) between the article's blocks is
        part of its text; trafilatura drops MathML. Read as a paragraph of its symbols (or
        its ``alttext``), unless a picture beside it says the formula."""
        for pos, el in self.page.formulas:
            if self.fits(pos, el, self.first, self.layout):
                inlines = math_inlines(el)
                if inlines:
                    self.found.append((pos, Paragraph(tuple(inlines))))

    def contents(self) -> None:
        """The article's table of contents (a list whose every link leads to a part of this
        page, ``#section``, and whose words are those links'): trafilatura drops it as a menu.
        It is kept for readers as a navigation list, which the narration skips."""
        targets: dict[str, str] | None = None
        said = {_key(line) for _, b in self.placed for line in _lines(b)}
        for pos, el in self.page.lists:
            if not self.fits(pos, el, -1, self.layout) or not contents.in_page_links(el):
                continue
            if targets is None:
                targets = contents.anchors(el.getroottree().getroot())
            if not contents.is_contents(el, targets):
                continue
            blocks = [b for b in self.conv.element(el) if isinstance(b, ListBlock)]
            if blocks and not any(_key(x) in said for b in blocks for x in _lines(b)):
                self.found.extend((pos, contents.navigation(b, targets)) for b in blocks)

    def repeats(self) -> None:
        """trafilatura keeps one copy of a paragraph the article repeats word for word beside
        it (a refrain, a repeated notice); the page says it each time, and so do we."""
        kept = {(_key(el.text_content()), id(el.getparent())) for el in self.matched
                if el.tag in ("p", "div")}
        for key in {k for k, _ in kept}:  # each text looked up once: linear on repeats
            for pos, twin in self.page.index.get(key, ()):
                if (twin.tag in ("p", "div") and id(twin) not in self.matched_ids
                        and (key, id(twin.getparent())) in kept
                        and not _teaser_ancestor(twin, self.layout)):
                    inlines, figures = self.conv.inlines(twin)
                    if inlines:
                        self.found.append((pos, Paragraph(inlines)))
                        self.found.extend((pos, f) for f in figures)
                        self.matched_ids.add(id(twin))


def _lines(block: Block) -> list[str]:
    return Article(title="", blocks=(block,)).body_text().splitlines()


def _with_page_extras(placed: list[tuple[int, Block]], page: _Page,
                      matched: list[etree._Element], conv: HtmlConverter) -> tuple[Block, ...]:
    extras = _Extras(placed, page, matched, conv)
    extras.headings()
    extras.figures()  # after the headings: a card's headline may be one of them
    extras.lists()
    extras.formulas()
    extras.contents()
    extras.repeats()
    extra = sorted(extras.found, key=lambda pair: pair[0])
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
