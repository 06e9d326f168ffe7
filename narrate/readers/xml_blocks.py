"""trafilatura's XML (its TEI-like output) to the model's blocks.

The vocabulary: ``head rend=h2``, ``p``, ``list rend=ul|ol`` / ``item``, ``quote``,
``code`` (a block of code when it stands alone), ``table`` / ``row`` / ``cell role=head``,
``hi rend=#i|#b``, ``ref target``, ``lb``. trafilatura is run without images, links and
formatting (``extract/main.py``); ``extract/restore.py`` brings those back from the page.
Citation markers and wiki edit links are dropped from the text, as the HTML converter drops
their elements, so both converters agree on the text of a block.
"""

from __future__ import annotations

import re

from lxml import etree

from narrate.model import (
    Block,
    BlockQuote,
    Code,
    CodeBlock,
    Emphasis,
    Heading,
    Inline,
    LineBreak,
    Link,
    ListBlock,
    Paragraph,
    Strong,
    Table,
    Text,
)
from narrate.readers.inlines import clean_text, tidy_inlines
from narrate.readers.links import safe_url

_FURNITURE = re.compile(
    r"\s*\[\s*(?:edit(?:\s+source)?(?:\s*\|\s*edit\s+source)?|citation needed)\s*\]"
    r"|(?<=[\w.,;:!?\"”’)])\[\s*(?:\d{1,4}|[a-z]|note \d+|nb \d+)\s*\](?=[\s.,;:!?\"”’)]|$)",
    re.I)
_BLOCKS = frozenset({"p", "head", "list", "quote", "table", "code", "div", "doc", "main",
                     "body", "item", "cell", "row"})


def strip_furniture(text: str) -> str:
    """ "Heading[edit]" → "Heading"; "a claim.[12] Next" → "a claim. Next"."""
    return _FURNITURE.sub("", text) if "[" in text else text


def xml_blocks(root: etree._Element, base_url: str | None = None) -> tuple[Block, ...]:
    """Blocks of trafilatura's ``<body>`` (or any element of its vocabulary)."""
    out: list[Block] = []
    _container(root, out, base_url or "")
    return tuple(out)


def _container(el: etree._Element, out: list[Block], base: str) -> None:
    pending: list[Inline] = []
    if el.text:
        pending.append(Text(el.text))
    for child in el:
        if not isinstance(child.tag, str):
            pass
        elif child.tag in _BLOCKS and not (child.tag == "code" and el.tag == "p"):
            _flush(pending, out)
            pending = []
            _block(child, out, base)
        else:
            pending.extend(_inline(child, base))
        if child.tail:
            pending.append(Text(child.tail))
    _flush(pending, out)


def _flush(pending: list[Inline], out: list[Block]) -> None:
    inlines = tidy_inlines(_stripped(pending))
    if inlines:
        out.append(Paragraph(inlines))


def _stripped(inlines: list[Inline]) -> list[Inline]:
    return [Text(strip_furniture(n.text)) if isinstance(n, Text) else n for n in inlines]


def _block(el: etree._Element, out: list[Block], base: str) -> None:
    tag = el.tag
    if tag == "head":
        rend = (el.get("rend") or "h2").lower()
        level = int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else 2
        inlines = tidy_inlines(_stripped(_inlines_of(el, base)))
        if inlines:
            out.append(Heading(level, inlines))
    elif tag == "list":
        _list(el, out, base)
    elif tag == "quote":
        sub: list[Block] = []
        _container(el, sub, base)
        if sub:
            out.append(BlockQuote(tuple(sub)))
    elif tag == "code":
        text = "".join(el.itertext()).strip("\n")
        if text.strip():
            inner = next(iter(el.iter("code")), el)
            m = re.search(r"(?:language|lang)-([\w+#-]+)", inner.get("class", "") if inner is not el
                          else el.get("class", ""))
            out.append(CodeBlock(text, m.group(1) if m else ""))
    elif tag == "table":
        table = xml_table(el)
        if table is not None:
            out.append(table)
    else:
        _container(el, out, base)


def _list(el: etree._Element, out: list[Block], base: str) -> None:
    items: list[tuple[Block, ...]] = []
    for child in el:
        if child.tag == "item":
            sub: list[Block] = []
            _container(child, sub, base)
            if sub:
                items.append(tuple(sub))
        elif child.tag == "list":
            nested: list[Block] = []
            _list(child, nested, base)
            if nested and items:
                items[-1] = items[-1] + tuple(nested)
            elif nested:
                items.append(tuple(nested))
    if items:
        out.append(ListBlock((el.get("rend") or "").lower() == "ol", tuple(items)))


def xml_table(el: etree._Element) -> Table | None:
    """A ``table`` of ``row``/``cell``: the first row is the header when all its cells are."""
    header: tuple[str, ...] = ()
    rows: list[tuple[str, ...]] = []
    for row in el.iter("row"):
        cells = [c for c in row if c.tag == "cell"]
        texts = tuple(clean_text(strip_furniture(" ".join(c.itertext()))) for c in cells)
        if not any(texts):
            continue
        if all(c.get("role") == "head" for c in cells) and not header and not rows:
            header = texts
        else:
            rows.append(texts)
    return Table(header, tuple(rows)) if (header or rows) else None


def _inlines_of(el: etree._Element, base: str) -> list[Inline]:
    result: list[Inline] = []
    if el.text:
        result.append(Text(el.text))
    for child in el:
        if isinstance(child.tag, str):
            result.extend(_inline(child, base))
        if child.tail:
            result.append(Text(child.tail))
    return result


def _inline(el: etree._Element, base: str) -> list[Inline]:
    tag = el.tag
    if tag == "lb":
        return [LineBreak()]
    if tag == "code":
        return [Code("".join(el.itertext()))]
    if tag == "graphic":
        return []
    inner = _inlines_of(el, base)
    if tag == "hi":
        rend = (el.get("rend") or "").lower()
        if "#i" in rend:
            return [Emphasis(tuple(inner))]
        if "#b" in rend:
            return [Strong(tuple(inner))]
    if tag == "ref":
        href = safe_url(el.get("target"), base)
        return [Link(tuple(inner), href)] if href else inner
    return inner
