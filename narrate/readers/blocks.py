"""An lxml element tree (clean HTML, or trafilatura's XML) to the model's ordered blocks.

One converter serves both vocabularies: the HTML of a sample's body or of a page's main
content, and the TEI-like XML trafilatura produces (``head rend=h2``, ``list/item``, ``quote``,
``hi rend=#i``, ``ref target``, ``graphic``, ``row/cell``, ``lb``). Figures keep src, alt,
caption and credit apart; ``<audio src>`` is collected (the publisher's narration), never prose.
Deep nesting is bounded: below ``MAX_DEPTH`` an element's text is kept flat.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree

from narrate.model import (
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
from narrate.sources import resolve_url

MAX_DEPTH = 120  # deeper than this, an element's text is kept as flat text

_WS = re.compile(r"\s+")
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_SKIP = frozenset({
    "script", "style", "noscript", "template", "svg", "button", "form", "input", "select",
    "textarea", "iframe", "object", "embed", "canvas", "nav", "title", "meta", "link",
    "source", "track", "map", "dialog", "menu",
})
_EMPHASIS = frozenset({"em", "i", "cite", "dfn", "var"})
_STRONG = frozenset({"strong", "b"})
_CODE = frozenset({"code", "kbd", "samp", "tt"})
_BLOCK = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "aside", "figure", "ul", "ol",
    "dl", "li", "dt", "dd", "blockquote", "table", "pre", "hr", "h1", "h2", "h3", "h4", "h5",
    "h6", "img", "picture", "audio", "video", "address", "details", "summary", "center",
    "fieldset", "hgroup", "body", "html", "figcaption",
    # trafilatura's vocabulary
    "head", "list", "item", "quote", "graphic", "row", "cell", "doc", "main_",
})
_PULL = re.compile(r"pull-?quote|pullquote|blockquote--pull|pull_quote", re.I)
_CREDIT = re.compile(r"credit|copyright|byline|photographer|source|attribution|author", re.I)
_CREDIT_TEXT = re.compile(
    r"^\s*(?:credit|photo(?:graph)?|image|picture|illustration|foto|bild)\s*(?:by)?\s*[:|/]\s*|"
    r"^\s*(?:©|\(c\)|copyright)\s*", re.I)


@dataclass
class Collected:
    """Things met while converting that are metadata, not body (the publisher's audio)."""

    audio_urls: list[str] = field(default_factory=list)


def _tag(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""  # comment or processing instruction
    if "}" in tag:
        tag = tag.rsplit("}", 1)[1]
    return tag.lower()


def _cls(el: etree._Element) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}"


def _img_src(el: etree._Element) -> str:
    for attr in ("src", "data-src", "data-original", "data-lazy-src", "data-url"):
        value = (el.get(attr) or "").strip()
        if value and not value.startswith("data:"):
            return value
    srcset = el.get("srcset") or el.get("data-srcset") or ""
    first = srcset.split(",")[0].strip().split(" ")[0] if srcset else ""
    return first


def clean_text(text: str) -> str:
    return _WS.sub(" ", text).strip()


class Converter:
    """Stateful walk over one tree; ``base_url`` resolves relative links and image sources."""

    def __init__(self, base_url: str | None = None, *, title_is_caption: bool = False) -> None:
        self.base_url = base_url or ""
        # Markdown's ![alt](src "title"): the title is the author's caption
        self.title_is_caption = title_is_caption
        self.collected = Collected()
        # image src → its <figure> in the original page (captions trafilatura flattens)
        self.figure_index: dict[str, etree._Element] = {}
        self.captions: set[str] = set()  # caption and credit texts given to figures

    # ------------------------------------------------------------ helpers
    def _url(self, href: str) -> str:
        return resolve_url(self.base_url, href)

    # ------------------------------------------------------------ blocks
    def blocks(self, root: etree._Element) -> tuple[Block, ...]:
        out: list[Block] = []
        self._container(root, out, 0)
        return tuple(out)

    def _container(self, el: etree._Element, out: list[Block], depth: int) -> None:
        """Children of ``el`` in order; loose text and inline runs become paragraphs."""
        pending: list[Inline] = []
        if el.text:
            pending.append(Text(el.text))
        for child in el:
            tag = _tag(child)
            if tag and tag not in _SKIP and self._is_block(child, tag):
                _flush(pending, out)
                pending = []
                self._block(child, tag, out, depth + 1)
            elif tag and tag not in _SKIP:
                pending.extend(self._inline(child, tag, depth + 1))
            if child.tail:
                pending.append(Text(child.tail))
        _flush(pending, out)

    def _is_block(self, el: etree._Element, tag: str) -> bool:
        if tag in _BLOCK:
            return True
        # an inline element wrapping blocks (<a><div>…</div></a>, <i><p>…</p></i>) acts as one
        return any(_tag(d) in _BLOCK for d in el.iterdescendants())

    def _block(self, el: etree._Element, tag: str, out: list[Block], depth: int) -> None:  # noqa: C901
        if depth > MAX_DEPTH:
            text = clean_text(" ".join(el.itertext()))
            if text:
                out.append(Paragraph((Text(text),)))
            return
        if tag in _HEADINGS or (tag == "head"):
            level = _HEADINGS.get(tag) or _HEADINGS.get((el.get("rend") or "h2").lower(), 2)
            inlines = _tidy(self._inlines_of(el, depth))
            if inlines:
                out.append(Heading(level, inlines))
            return
        if tag in ("ul", "ol", "list", "dl"):
            self._list(el, tag, out, depth)
            return
        if tag in ("blockquote", "quote"):
            self._quote(el, out, depth)
            return
        if tag == "figure":
            self._figure(el, out, depth)
            return
        if tag in ("img", "graphic"):
            raw = _img_src(el)
            if raw:
                fig = self.figure_index.get(raw.strip())
                if fig is not None:
                    caption, credit = self._caption(fig)
                else:
                    titled = tag == "graphic" or self.title_is_caption
                    caption = clean_text(el.get("title") or "") if titled else ""
                    credit = ""
                out.append(Figure(self._url(raw), clean_text(el.get("alt") or ""), caption, credit))
            return
        if tag in ("audio", "video"):
            self._media(el, tag)
            return
        if tag == "table":
            self._table(el, out)
            return
        if tag == "pre":
            text = "".join(el.itertext()).strip("\n")
            if text.strip():
                out.append(CodeBlock(text, _code_language(el)))
            return
        if tag == "hr":
            return
        if tag == "aside" and _PULL.search(_cls(el)):
            inlines = _tidy(self._inlines_of(el, depth))
            if inlines:
                out.append(PullQuote(inlines))
            return
        self._container(el, out, depth)

    def _media(self, el: etree._Element, tag: str) -> None:
        srcs = [el.get("src") or ""] + [s.get("src") or "" for s in el.iter("source")]
        if tag == "audio":
            for src in srcs:
                if src.strip():
                    self.collected.audio_urls.append(self._url(src))
                    break

    def _list(self, el: etree._Element, tag: str, out: list[Block], depth: int) -> None:
        items: list[tuple[Block, ...]] = []
        for child in el:
            ctag = _tag(child)
            if ctag in ("li", "item", "dt", "dd"):
                sub: list[Block] = []
                self._container(child, sub, depth + 1)
                if sub:
                    items.append(tuple(sub))
            elif ctag in ("ul", "ol", "list"):
                sub = []
                self._list(child, ctag, sub, depth + 1)
                if sub and items:
                    items[-1] = items[-1] + tuple(sub)
                elif sub:
                    items.append(tuple(sub))
        if items:
            ordered = tag == "ol" or (el.get("rend") or "").lower() == "ol"
            out.append(ListBlock(ordered, tuple(items)))

    def _quote(self, el: etree._Element, out: list[Block], depth: int) -> None:
        attribution = _trailing_attribution(el)
        for cite in el.iter("footer", "cite"):
            if attribution:
                break
            if cite is not el and len(clean_text(" ".join(cite.itertext()))) < 120:
                attribution = clean_text(" ".join(cite.itertext()))
                _drop_keep_tail(cite)
                break
        sub: list[Block] = []
        self._container(el, sub, depth + 1)
        if not sub:
            return
        if _PULL.search(_cls(el)) and all(isinstance(b, Paragraph) for b in sub):
            inlines: list[Inline] = []
            for b in sub:
                if inlines:
                    inlines.append(Text(" "))
                inlines.extend(b.inlines)  # type: ignore[union-attr]
            out.append(PullQuote(tuple(inlines)))
            return
        out.append(BlockQuote(tuple(sub), attribution.lstrip("—–- ")))

    def _figure(self, el: etree._Element, out: list[Block], depth: int) -> None:
        for media in el.iter("audio", "video"):
            self._media(media, _tag(media))
        imgs = [i for i in el.iter("img", "graphic") if _img_src(i)]
        quote = next(iter(el.iter("blockquote")), None)
        if not imgs:
            if quote is not None:  # a "figure" holding a pull quote or an embed's text
                self._quote(quote, out, depth)
            return
        img = imgs[0]
        caption, credit = self._caption(el)
        out.append(Figure(self._url(_img_src(img)), clean_text(img.get("alt") or ""),
                          caption, credit))

    def _caption(self, fig: etree._Element) -> tuple[str, str]:
        cap = next(iter(fig.iter("figcaption")), None)
        if cap is None:
            return "", ""
        credit_parts: list[str] = []
        caption_parts: list[str] = []
        if cap.text:
            caption_parts.append(cap.text)
        for child in cap:
            text = " ".join(child.itertext())
            if _CREDIT.search(_cls(child)):
                credit_parts.append(text)
            else:
                caption_parts.append(text)
            if child.tail:
                caption_parts.append(child.tail)
        caption = clean_text(" ".join(caption_parts))
        credit = clean_text(" ".join(credit_parts))
        if not credit:
            m = re.search(r"\s*(?:(?:Photo(?:graph)?|Image|Credit|Illustration)\s*(?:by)?\s*:"
                          r"|©|\(c\) )\s*(.+)$", caption, re.I)
            if m and m.start() > 0:
                credit = m.group(1).strip()
                caption = caption[: m.start()].strip()
        credit = _CREDIT_TEXT.sub("", credit).strip()
        self.captions.update(t for t in (caption, credit) if t)
        return caption, credit

    def _table(self, el: etree._Element, out: list[Block]) -> None:
        header: tuple[str, ...] = ()
        rows: list[tuple[str, ...]] = []
        caption = ""
        for cap in el.iter("caption"):
            caption = clean_text(" ".join(cap.itertext()))
            break
        for tr in el.iter("tr", "row"):
            cells = [c for c in tr if _tag(c) in ("td", "th", "cell")]
            texts = tuple(clean_text(" ".join(c.itertext())) for c in cells)
            if not any(texts):
                continue
            is_head = all(_tag(c) == "th" or c.get("role") == "head" for c in cells)
            if is_head and not header and not rows:
                header = texts
            else:
                rows.append(texts)
        if header or rows:
            out.append(Table(header, tuple(rows), caption))

    # ------------------------------------------------------------ inlines
    def _inlines_of(self, el: etree._Element, depth: int) -> list[Inline]:
        result: list[Inline] = []
        if el.text:
            result.append(Text(el.text))
        for child in el:
            tag = _tag(child)
            if tag and tag not in _SKIP:
                result.extend(self._inline(child, tag, depth + 1))
            if child.tail:
                result.append(Text(child.tail))
        return result

    def _inline(self, el: etree._Element, tag: str, depth: int) -> list[Inline]:
        if depth > MAX_DEPTH:
            return [Text(" ".join(el.itertext()))]
        if tag in ("br", "lb"):
            return [LineBreak()]
        if tag in _CODE:
            return [Code("".join(el.itertext()))]
        inner = self._inlines_of(el, depth)
        if tag == "hi":
            rend = (el.get("rend") or "").lower()
            if "#i" in rend:
                return [Emphasis(tuple(inner))]
            if "#b" in rend:
                return [Strong(tuple(inner))]
            return inner
        if tag in _EMPHASIS:
            return [Emphasis(tuple(inner))]
        if tag in _STRONG:
            return [Strong(tuple(inner))]
        if tag in ("a", "ref"):
            href = self._url(el.get("href") or el.get("target") or "")
            return [Link(tuple(inner), href)] if href else inner
        return inner


_ATTRIB_LINE = re.compile(r"(?:\n|^)\s*[—–―]\s*([^\n]{1,120})\s*$")


def _trailing_attribution(quote: etree._Element) -> str:
    """A last line "— Name" inside a quote is its attribution; cut it from the text."""
    paras = [p for p in quote.iter("p")] or [quote]
    last = paras[-1]
    if len(last):
        node, attr = last[-1], "tail"
    else:
        node, attr = last, "text"
    text = getattr(node, attr) or ""
    m = _ATTRIB_LINE.search(text)
    if not m or (m.start() == 0 and node is last and attr == "text"):
        return ""
    setattr(node, attr, text[: m.start()])
    return clean_text(m.group(1))


def _drop_keep_tail(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail or ""
    prev = el.getprevious()
    if prev is not None:
        prev.tail = (prev.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(el)


def _code_language(el: etree._Element) -> str:
    for node in (el, *el.iter("code")):
        m = re.search(r"(?:language|lang)-([\w+#-]+)", node.get("class", ""))
        if m:
            return m.group(1)
    return ""


def _flush(pending: list[Inline], out: list[Block]) -> None:
    inlines = _tidy(pending)
    if inlines:
        out.append(Paragraph(inlines))


def _norm(inlines: Iterable[Inline]) -> list[Inline]:
    """Collapse whitespace, merge neighbouring texts, drop empty wrappers."""
    out: list[Inline] = []
    for node in inlines:
        if isinstance(node, Text):
            text = _WS.sub(" ", node.text)
            if not text:
                continue
            if out and isinstance(out[-1], Text):
                out[-1] = Text(out[-1].text + text)
            else:
                out.append(Text(text))
        elif isinstance(node, (Emphasis, Strong, Link)):
            inner = tuple(_norm(node.inlines))
            if not any(_has_words(i) for i in inner):
                if inner and any(isinstance(i, Text) for i in inner):
                    if out and isinstance(out[-1], Text):
                        out[-1] = Text(out[-1].text.rstrip(" ") + " ")
                    else:
                        out.append(Text(" "))
                continue
            out.append(type(node)(inner, node.href) if isinstance(node, Link)
                       else type(node)(inner))
        elif isinstance(node, Code):
            if node.text:
                out.append(node)
        else:
            out.append(node)
    return out


def _has_words(node: Inline) -> bool:
    if isinstance(node, (Text, Code)):
        return bool(node.text.strip())
    if isinstance(node, LineBreak):
        return False
    return any(_has_words(i) for i in node.inlines)


def _strip_edge(inlines: list[Inline], left: bool) -> list[Inline]:
    items = list(inlines)
    while items:
        i = 0 if left else -1
        node = items[i]
        if isinstance(node, LineBreak):
            items.pop(i)
            continue
        if isinstance(node, Text):
            text = node.text.lstrip() if left else node.text.rstrip()
            if not text:
                items.pop(i)
                continue
            items[i] = Text(text)
        elif isinstance(node, (Emphasis, Strong, Link)):
            inner = _strip_edge(list(node.inlines), left)
            items[i] = (Link(tuple(inner), node.href) if isinstance(node, Link)
                        else type(node)(tuple(inner)))
        break
    return items


def _tidy(inlines: Iterable[Inline]) -> tuple[Inline, ...]:
    items = _norm(inlines)
    items = _strip_edge(_strip_edge(items, True), False)
    return tuple(items) if any(_has_words(i) for i in items) else ()


def tidy_inlines(inlines: Iterable[Inline]) -> tuple[Inline, ...]:
    """Public for the readers: normalised, trimmed inlines (empty tuple when no words)."""
    return _tidy(inlines)
