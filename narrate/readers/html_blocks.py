"""An HTML element tree (a sample's body, a Markdown rendering, a page's article) to blocks.

Structure is kept as model blocks: headings with their level, nested lists, ``<pre>`` as a
``CodeBlock`` with its line breaks, tables, block quotes with their attribution, pull quotes.
Every content image becomes a ``Figure`` in reading order — inside figures (one per image),
paragraphs, links, tables and ``<picture>``, lazy-loaded or not (``readers/images.py``) — with
alt, caption and credit apart; an image inside a paragraph follows that paragraph. Wiki edit
links and citation markers are furniture and dropped. ``<audio src>`` is collected (the
publisher's narration), never prose. Below ``MAX_DEPTH`` an element's text is kept flat.
"""

from __future__ import annotations

import re
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
from narrate.readers.captions import (
    caption_beside,
    caption_of,
    described_by,
    figure_caption,
    with_data_credit,
)
from narrate.readers.images import image_source, in_noscript, is_decorative
from narrate.readers.inlines import clean_text, tidy_inlines
from narrate.readers.links import safe_image_url, safe_url
from narrate.readers.patterns import FURNITURE_CLASS, PULL_QUOTE_CLASS

MAX_DEPTH = 120  # deeper than this, an element's text is kept as flat text

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_SKIP = frozenset({
    "script", "style", "noscript", "template", "svg", "button", "form", "input", "select",
    "textarea", "iframe", "object", "embed", "canvas", "nav", "title", "meta", "link",
    "source", "track", "map", "dialog", "menu",
})
_EMPHASIS = frozenset({"em", "i", "cite", "dfn", "var"})
_STRONG = frozenset({"strong", "b"})
_CODE = frozenset({"code", "kbd", "samp", "tt"})
_IMAGES = frozenset({"img", "picture"})
_BLOCK = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "aside", "figure", "ul", "ol",
    "dl", "li", "dt", "dd", "blockquote", "table", "pre", "hr", "h1", "h2", "h3", "h4", "h5",
    "h6", "audio", "video", "address", "details", "summary", "center", "fieldset", "hgroup",
    "body", "html", "figcaption",
})
BLOCK_TAGS = _BLOCK  # for readers that ask whether an element holds only running text
# Wiki furniture: "[edit]" / "[edit source]" links after headings, citation markers "[1]".
_EDIT_LINK = re.compile(r"^\s*\[\s*edit(?:\s+source)?(?:\s*\|\s*edit\s+source)?\s*\]\s*$", re.I)
_CITATION = re.compile(r"^\s*\[\s*(?:\d{1,4}|[a-z]{1,2}|citation needed|note \d+|nb \d+)\s*\]\s*$",
                       re.I)
_ATTRIB_LINE = re.compile(r"(?:\n|^)\s*[—–―]\s*([^\n]{1,120})\s*$")


@dataclass
class Collected:
    """Things met while converting that are metadata, not body (the publisher's audio)."""

    audio_urls: list[str] = field(default_factory=list)


def tag_of(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""  # comment or processing instruction
    if "}" in tag:
        tag = tag.rsplit("}", 1)[1]
    return tag.lower()


def class_and_id(el: etree._Element) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}"


def is_furniture(el: etree._Element) -> bool:
    """A wiki "[edit]" link or a citation marker "[1]": page apparatus, never read."""
    text = "".join(el.itertext())
    return len(text) < 40 and bool(_EDIT_LINK.match(text) or (
        tag_of(el) in ("sup", "a", "span") and _CITATION.match(text)))


class HtmlConverter:
    """Walk one HTML tree into blocks; ``base_url`` resolves relative links and images."""

    def __init__(self, base_url: str | None = None, *, title_is_caption: bool = False) -> None:
        self.base_url = base_url or ""
        # Markdown's ![alt](src "title"): the title is the author's caption
        self.title_is_caption = title_is_caption
        self.collected = Collected()
        self.captions: set[str] = set()  # caption and credit texts given to figures
        self._images_seen: dict[str, set[str]] = {}  # picture address -> alt texts given
        self._pending: list[Figure] = []  # images met inside the current paragraph
        # caption elements already given to a picture, by id(); the element is held so that
        # its id is not reused (lxml frees an element's Python proxy when nothing holds it)
        self._consumed: dict[int, etree._Element] = {}
        self._id_root: etree._Element | None = None
        self._id_index: dict[str, etree._Element] = {}

    # ------------------------------------------------------------ public surface
    def blocks(self, root: etree._Element) -> tuple[Block, ...]:
        """Every block under ``root`` in reading order."""
        out: list[Block] = []
        self._container(root, out, 0)
        return tuple(out)

    def element(self, el: etree._Element) -> tuple[Block, ...]:
        """The blocks one element stands for (a figure, table, quote, list, pre …)."""
        out: list[Block] = []
        tag = tag_of(el)
        if tag in _IMAGES:
            out.extend(self.figures(el))
        else:
            self._block(el, tag, out, 0)
        return tuple(out)

    def inlines(self, el: etree._Element) -> tuple[tuple[Inline, ...], tuple[Figure, ...]]:
        """The tidy inline content of ``el`` and the images met inside it, in order."""
        saved, self._pending = self._pending, []
        inlines = tidy_inlines(self._inlines_of(el, 0))
        figures, self._pending = tuple(self._pending), saved
        return inlines, figures

    def figures(self, el: etree._Element) -> list[Figure]:
        """The content images of a ``<figure>``, ``<picture>`` or ``<img>`` (caption on the
        image nearest the ``<figcaption>``)."""
        tag = tag_of(el)
        if tag == "figure":
            imgs = [i for i in el.iter("img") if not in_noscript(i)] or list(el.iter("img"))
            caption, credit, label = self._caption(el, imgs[0] if len(imgs) == 1 else None)
            figs = [f for f in (self._image(i) for i in imgs) if f is not None]
            if not imgs:
                figs = self._microdata_image(el)
            if figs and (caption or credit):
                cap = next(iter(el.iter("figcaption")), None)
                first = cap is not None and bool(imgs) and _caption_first(el, cap, imgs[0])
                at = 0 if first else len(figs) - 1
                figs[at] = Figure(figs[at].src, figs[at].alt, caption, credit, label)
            return figs
        imgs = [el] if tag == "img" else list(el.iter("img"))
        figs = [f for f in (self._image(i) for i in imgs[:1]) if f is not None]
        if figs and not figs[0].caption:
            caption, credit, label = self._caption(el if tag == "picture" else imgs[0], imgs[0])
            if caption or credit:
                figs[0] = Figure(figs[0].src, figs[0].alt, caption, credit, label)
        return figs

    # ------------------------------------------------------------ images
    def _microdata_image(self, fig: etree._Element) -> list[Figure]:
        """A figure whose picture is loaded by script names it in schema.org microdata
        (``itemtype=…/ImageObject`` with ``itemid``, or an ``itemprop=contentUrl|url``)."""
        if "imageobject" not in (fig.get("itemtype") or "").lower():
            return []
        raw = fig.get("itemid") or ""
        for el in fig.iter():
            if not raw and (el.get("itemprop") or "") in ("contentUrl", "url"):
                raw = el.get("content") or el.get("href") or el.get("src") or ""
        src = safe_image_url(raw, self.base_url)
        if not src or src in self._images_seen:
            return []
        self._images_seen[src] = {""}
        return [Figure(src)]

    def _image(self, img: etree._Element) -> Figure | None:
        caption = ""
        if self.title_is_caption:
            caption = clean_text(img.get("title") or "")
        if is_decorative(img):
            return None
        src = safe_image_url(image_source(img), self.base_url)
        alt = clean_text(img.get("alt") or "")
        if not src or not _new_picture(self._images_seen, src, alt):
            return None
        if caption:
            self.captions.add(caption)
        return Figure(src, alt, caption)

    # ------------------------------------------------------------ blocks
    def _container(self, el: etree._Element, out: list[Block], depth: int) -> None:
        """Children of ``el`` in order; loose text and inline runs become paragraphs."""
        pending: list[Inline] = []
        if el.text:
            pending.append(Text(el.text))
        for child in el:
            tag = tag_of(child)
            if id(child) in self._consumed:
                tag = ""  # a caption already given to its picture
            if tag and tag not in _SKIP and _is_block(child, tag):
                self._flush(pending, out)
                pending = []
                self._block(child, tag, out, depth + 1)
            elif tag and tag not in _SKIP:
                pending.extend(self._inline(child, tag, depth + 1))
            if child.tail:
                pending.append(Text(child.tail))
        self._flush(pending, out)

    def _flush(self, pending: list[Inline], out: list[Block]) -> None:
        inlines = tidy_inlines(pending)
        if inlines:
            out.append(Paragraph(inlines))
        out.extend(self._pending)
        self._pending = []

    def _block(self, el: etree._Element, tag: str, out: list[Block], depth: int) -> None:  # noqa: C901
        if depth > MAX_DEPTH:
            text = clean_text(" ".join(el.itertext()))
            if text:
                out.append(Paragraph((Text(text),)))
            return
        if tag in HEADINGS:
            inlines = tidy_inlines(self._inlines_of(el, depth))
            if inlines:
                out.append(Heading(HEADINGS[tag], inlines))
            out.extend(self._pending)
            self._pending = []
            return
        if tag in ("ul", "ol", "dl"):
            self._list(el, tag, out, depth)
        elif tag == "blockquote":
            self._quote(el, out, depth)
        elif tag == "figure":
            figs = self.figures(el)
            if figs:
                out.extend(figs)
            else:
                quote = next(iter(el.iter("blockquote")), None)
                if quote is not None:  # a "figure" holding a pull quote or an embed's text
                    self._quote(quote, out, depth)
            for media in el.iter("audio", "video"):
                self._media(media, tag_of(media))
        elif tag in ("audio", "video"):
            self._media(el, tag)
        elif tag == "table":
            self._table(el, out)
        elif tag == "pre":
            text = "".join(t for t in _code_text(el)).strip("\n")
            if text.strip():
                out.append(CodeBlock(text, _code_language(el)))
        elif tag == "hr":
            return
        elif tag == "aside" and PULL_QUOTE_CLASS.search(class_and_id(el)):
            inlines = tidy_inlines(self._inlines_of(el, depth))
            if inlines:
                out.append(PullQuote(inlines))
            self._pending = []  # a pull quote repeats the body; its images are there too
        else:
            self._container(el, out, depth)

    def _media(self, el: etree._Element, tag: str) -> None:
        srcs = [el.get("src") or ""] + [s.get("src") or "" for s in el.iter("source")]
        if tag == "audio":
            for src in srcs:
                url = safe_url(src, self.base_url)
                if url and not url.startswith("#"):
                    self.collected.audio_urls.append(url)
                    break

    def _list(self, el: etree._Element, tag: str, out: list[Block], depth: int) -> None:
        items: list[tuple[Block, ...]] = []
        for child in el:
            ctag = tag_of(child)
            if ctag in ("li", "dt", "dd"):
                sub: list[Block] = []
                self._container(child, sub, depth + 1)
                if sub:
                    items.append(tuple(sub))
            elif ctag in ("ul", "ol"):
                sub = []
                self._list(child, ctag, sub, depth + 1)
                if sub and items:
                    items[-1] = items[-1] + tuple(sub)
                elif sub:
                    items.append(tuple(sub))
        if items:
            out.append(ListBlock(tag == "ol", tuple(items)))

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
        if PULL_QUOTE_CLASS.search(class_and_id(el)) and all(isinstance(b, Paragraph) for b in sub):
            inlines: list[Inline] = []
            for b in sub:
                if inlines:
                    inlines.append(Text(" "))
                inlines.extend(b.inlines)  # type: ignore[union-attr]
            out.append(PullQuote(tuple(inlines)))
            return
        out.append(BlockQuote(tuple(sub), attribution.lstrip("—–- ")))

    def _caption(self, fig: etree._Element, img: etree._Element | None) -> tuple[str, str, str]:
        """Caption, credit and the credit's label of a figure or a lone picture
        (``readers/captions.py``): its
        ``<figcaption>``, else the caption set beside it or named by ``aria-describedby``
        (that element is then not read again as a paragraph)."""
        caption, credit, label = figure_caption(fig) if tag_of(fig) == "figure" else ("", "", "")
        if not (caption or credit):
            beside = caption_beside(img) if img is not None and img is not fig else None
            beside = beside if beside is not None else caption_beside(fig)
            if beside is None and img is not None and img.get("aria-describedby"):
                beside = described_by(img, self._ids(img))
            if beside is not None and id(beside) not in self._consumed:
                self._consumed[id(beside)] = beside
                caption, credit, label = caption_of(beside)
        if img is not None:
            caption, credit, label = with_data_credit(img, caption, credit, label)
        self.captions.update(t for t in (caption, credit) if t)
        return caption, credit, label

    def _ids(self, el: etree._Element) -> dict[str, etree._Element]:
        """The page's elements by id, built once per page (``aria-describedby`` look-ups)."""
        root = el.getroottree().getroot()
        if self._id_root is not root:
            self._id_root = root
            self._id_index = {i: e for e in root.iter() if isinstance(e.tag, str)
                              for i in (e.get("id"),) if i}
        return self._id_index

    def _table(self, el: etree._Element, out: list[Block]) -> None:
        table = self.table(el)
        if table is not None:
            out.append(table)
        for img in el.iter("img"):  # pictures laid out in a table are still content
            if not in_noscript(img) and not _in_furniture(img, el):
                fig = self._image(img)
                if fig is not None:
                    out.append(fig)

    def table(self, el: etree._Element) -> Table | None:
        """The text of a table: header row (all ``<th>``), rows, caption."""
        header: tuple[str, ...] = ()
        rows: list[tuple[str, ...]] = []
        caption = ""
        for cap in el.iter("caption"):
            caption = clean_text(" ".join(cap.itertext()))
            break
        for tr in el.iter("tr"):
            if next(tr.iterancestors("table"), None) is not el:
                continue  # a nested table's rows are read as that table's cells
            cells = [c for c in tr if tag_of(c) in ("td", "th")]
            texts = tuple(clean_text(" ".join(c.itertext())) for c in cells)
            if not any(texts):
                continue
            is_head = all(tag_of(c) == "th" for c in cells)
            if is_head and not header and not rows:
                header = texts
            else:
                rows.append(texts)
        return Table(header, tuple(rows), caption) if (header or rows) else None

    # ------------------------------------------------------------ inlines
    def _inlines_of(self, el: etree._Element, depth: int) -> list[Inline]:
        result: list[Inline] = []
        if el.text:
            result.append(Text(el.text))
        for child in el:
            tag = tag_of(child)
            if tag and tag not in _SKIP:
                result.extend(self._inline(child, tag, depth + 1))
            if child.tail:
                result.append(Text(child.tail))
        return result

    def _inline(self, el: etree._Element, tag: str, depth: int) -> list[Inline]:
        if depth > MAX_DEPTH:
            return [Text(" ".join(el.itertext()))]
        if tag == "br":
            return [LineBreak()]
        if tag in _IMAGES:
            self._pending.extend(self.figures(el))
            return []
        if tag == "math":
            return math_inlines(el)
        if is_furniture(el):
            return []
        if tag in _CODE:
            return [Code("".join(el.itertext()))]
        inner = self._inlines_of(el, depth)
        if tag in _EMPHASIS:
            return [Emphasis(tuple(inner))]
        if tag in _STRONG:
            return [Strong(tuple(inner))]
        if tag == "a":
            href = safe_url(el.get("href"), self.base_url)
            return [Link(tuple(inner), href)] if href else inner
        return inner


def _new_picture(seen: dict[str, set[str]], src: str, alt: str) -> bool:
    """A picture not given yet; or one given before, shown again under another description
    (both alts non-empty and different: the same chart read two ways, not a lazy twin)."""
    alts = seen.get(src)
    if alts is None:
        seen[src] = {alt}
        return True
    if alt and "" not in alts and alt not in alts:
        alts.add(alt)
        return True
    alts.add(alt)
    return False


def math_inlines(el: etree._Element) -> list[Inline]:
    """A MathML formula read as its ``alttext`` or its symbols in order, unless a picture
    beside it carries the formula (then the picture's alt says it, once)."""
    holder = el.getparent()
    for _ in range(2):  # the formula's wrapper, or the hidden span inside it
        if holder is None or tag_of(holder) in ("p", "li", "dd", "td", "div", "body"):
            break
        if next(holder.iter("img"), None) is not None:
            return []
        holder = holder.getparent()
    text = el.get("alttext") or " ".join(
        t.strip() for node in el.iter() if tag_of(node) not in ("annotation", "annotation-xml")
        and not any(tag_of(a) in ("annotation", "annotation-xml") for a in node.iterancestors())
        for t in (node.text,) if t and t.strip())
    return [Text(f" {text} ")] if text else []


def _is_block(el: etree._Element, tag: str) -> bool:
    if tag in _BLOCK:
        return True
    # an inline element wrapping blocks (<a><div>…</div></a>, <i><p>…</p></i>) acts as one
    return any(tag_of(d) in _BLOCK for d in el.iterdescendants())


def _in_furniture(el: etree._Element, upto: etree._Element) -> bool:
    """Inside a sidebar, promo or related box below ``upto`` (a layout table's side column)."""
    for anc in el.iterancestors():
        if anc is upto:
            return False
        if FURNITURE_CLASS.search(class_and_id(anc)):
            return True
    return False


def _caption_first(fig: etree._Element, cap: etree._Element, img: etree._Element) -> bool:
    for node in fig.iter():
        if node is cap:
            return True
        if node is img:
            return False
    return False


def _code_text(el: etree._Element):  # noqa: ANN202 (generator of str)
    """Text of a ``<pre>`` with ``<br>`` as line breaks (some highlighters use them)."""
    if el.text:
        yield el.text
    for child in el:
        if tag_of(child) == "br":
            yield "\n"
        elif tag_of(child) not in ("script", "style"):
            yield from _code_text(child)
        if child.tail:
            yield child.tail


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
