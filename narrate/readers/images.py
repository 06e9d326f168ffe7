"""Which ``<img>`` is content, and where its picture really is.

- Source: a real ``src`` is the picture shown (a ``data-hi-res-src`` twin is not needed).
  Lazy loaders keep the real address in ``data-src`` (and kin) or ``data-srcset`` while
  ``src`` is missing or holds a placeholder (a tiny ``data:`` GIF, a "blank"/"placeholder"
  file), or the ``<img>`` is classed ``lazy`` (Readability's rule): then those come first;
  then ``srcset``; then a ``<picture>``'s ``<source>``; then the ``<img>`` of a
  ``<noscript>`` fallback beside it.
- Decorative, so left out: ``role="presentation"`` or ``"none"``, ``aria-hidden="true"``
  (except the picture of a formula whose MathML twin is not read), a declared size of at most
  2 px (a tracking pixel) or of at most 32 px on both sides (an icon). An ``alt=""`` picture
  of content size stays in the model (the HTML and EPUB exports show it, marked decorative
  for screen readers) but is never narrated: the speech script says nothing for an image
  without alt or caption. So are pictures inside an ``aria-hidden`` or ``hidden`` container
  and the picture of a teaser card (a link that holds a picture and a headline).
- Alt text is kept exactly as written (whitespace collapsed); nothing is ever made up for an
  image that has neither alt nor caption.
"""

from __future__ import annotations

import re
from itertools import islice

import lxml.html
from lxml import etree

from narrate.readers.captions import caption_beside, is_caption

LAZY_ATTRS = ("data-src", "data-original", "data-lazy-src", "data-lazy", "data-url",
              "data-hi-res-src", "data-full-src", "data-original-src")
_PLACEHOLDER = re.compile(r"(?:^|/)(?:blank|spacer|placeholder|transparent|pixel|loading|grey|gray|"
                          r"empty|1x1)(?:[-_][\w-]*)?\.(?:gif|png|svg|jpe?g|webp)$", re.I)
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$")
ICON_MAX_PX = 32
TEASER_LINK_WORDS = 3  # a link holding a picture and this many words is a teaser card
PIXEL_MAX_PX = 2


def _placeholder(src: str) -> bool:
    if src.startswith("data:"):
        return len(src) < 400  # a real inline picture is larger than a 1×1 or blank SVG
    return bool(_PLACEHOLDER.search(src.split("?")[0]))


def _from_srcset(srcset: str) -> str:
    """The widest candidate of a srcset (the first when no widths are given)."""
    best, best_w = "", -1.0
    for part in re.split(r",\s+(?=\S)", srcset.strip()):
        bits = part.strip().split()
        if not bits:
            continue
        width = -0.5
        if len(bits) > 1 and re.fullmatch(r"\d+(?:\.\d+)?[wx]", bits[-1]):
            width = float(bits[-1][:-1])
        if width > best_w:
            best, best_w = bits[0], width
    return best


def image_source(img: etree._Element) -> str:
    """The address of the picture an ``<img>`` shows, or ``""`` (raw, not yet resolved)."""
    src = (img.get("src") or "").strip()
    if src and not _placeholder(src) and "lazy" not in (img.get("class") or "").lower():
        return src  # a real picture in src is the one shown (a hi-res twin is not needed)
    for attr in LAZY_ATTRS:
        value = (img.get(attr) or "").strip()
        if value and not _placeholder(value):
            return value
    if src and not _placeholder(src):
        return src
    for attr in ("data-srcset", "srcset", "data-lazy-srcset"):
        value = _from_srcset(img.get(attr) or "")
        if value:
            return value
    picture = _picture(img)
    if picture is not None:
        for source in picture.iter("source"):
            value = _from_srcset(source.get("srcset") or source.get("data-srcset") or "")
            if value:
                return value
    fallback = _noscript_image(img)
    if fallback is not None:
        return image_source(fallback)
    return src  # a placeholder is still better than nothing when it is all there is


def _picture(img: etree._Element) -> etree._Element | None:
    """The ``<picture>`` around an ``<img>`` (libxml2 nests the img inside ``<source>``)."""
    for anc in img.iterancestors():
        if anc.tag == "picture":
            return anc
        if anc.tag != "source":
            return None
    return None


def _noscript_image(img: etree._Element) -> etree._Element | None:
    node = _picture(img)
    node = img if node is None else node
    sib = node.getnext()
    if sib is None or sib.tag != "noscript":
        return None
    inner = next(iter(sib.iter("img")), None)
    if inner is None and sib.text and "<img" in sib.text:
        try:
            frag = lxml.html.fragment_fromstring(sib.text, create_parent="div")
        except (etree.ParserError, ValueError):
            return None
        inner = next(iter(frag.iter("img")), None)
    return inner


def _px(value: str | None) -> float | None:
    m = _SIZE.match(value or "")
    return float(m.group(1)) if m else None


def _math_twin(img: etree._Element) -> bool:
    """The visible fallback of a formula whose accessible version is MathML beside it
    (MediaWiki, MathJax and KaTeX render both); narrate does not read MathML, so the
    picture and its alt (the formula's source) are the formula."""
    parent = img.getparent()
    return (parent is not None and parent.tag not in ("p", "li", "dd", "td", "div", "body")
            and next(parent.iter("math", "{*}math"), None) is not None)


def is_decorative(img: etree._Element) -> bool:
    """True for an image no reader needs (see the module docstring)."""
    if (img.get("role") or "").strip().lower() in ("presentation", "none"):
        return True
    if (img.get("aria-hidden") or "").strip().lower() == "true" and not _math_twin(img):
        return True
    for anc in img.iterancestors():
        if anc.tag in ("article", "main", "body"):
            break
        if (anc.get("aria-hidden") or "").strip().lower() == "true" or anc.get("hidden") is not None:
            return True  # hidden with its container (a duplicate thumbnail, a closed gallery)
        if anc.tag == "a" and len("".join(anc.itertext()).split()) >= TEASER_LINK_WORDS:
            return True  # a card: picture and headline in one link to another page
    w, h = _px(img.get("width")), _px(img.get("height"))
    if w is not None and h is not None:
        if (w <= PIXEL_MAX_PX and h <= PIXEL_MAX_PX) or (w <= ICON_MAX_PX and h <= ICON_MAX_PX):
            return True
    return False


def in_noscript(img: etree._Element) -> bool:
    """A fallback copy inside ``<noscript>``: read through its lazy twin, never on its own."""
    return any(a.tag == "noscript" for a in img.iterancestors())


_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?)$", re.I)
_QUIET = frozenset({"script", "style", "noscript", "template", "svg", "button"})
CLOSING_MAX_UNITS = 50  # elements looked at after the article's last block (bounded work)
CLOSING_MIN_PX = 100  # a closing picture declared smaller than this is an avatar or a badge
_SMALL_KIND = re.compile(r"avatar|logo|icon|badge|emoji", re.I)


def _words(unit: etree._Element) -> bool:
    """Words in ``unit`` outside captions, scripts and styles (text, not a picture); an
    explicit stack, so a deeply nested page costs no recursion."""
    stack = [unit]
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str) or el.tag in _QUIET or is_caption(el):
            continue
        if (el.text or "").strip() or any((c.tail or "").strip() for c in el):
            return True
        stack.extend(el)
    return False


def _pictures(unit: etree._Element) -> list[etree._Element]:
    """The ``<figure>``s and loose ``<img>``s of a picture-only element."""
    if unit.tag in ("figure", "img"):
        return [unit]
    return [el for el in unit.iter("figure", "img")
            if not (el.tag == "img" and next(el.iterancestors("figure"), None) is not None)
            and not in_noscript(el)]


def _linked_away(pic: etree._Element) -> bool:
    """Inside a link to another page (a banner, a card), not to the picture's own file."""
    link = next(pic.iterancestors("a"), None)
    if link is None:
        return False
    href = (link.get("href") or "").split("#")[0].split("?")[0]
    return bool(href) and not _IMAGE_FILE.search(href)


def _small(pic: etree._Element) -> bool:
    """An author's avatar, a logo or a badge rather than a picture of the story."""
    img = pic if pic.tag == "img" else next(pic.iter("img"), None)
    if img is None:
        return False
    sizes = [v for v in (_px(img.get("width")), _px(img.get("height"))) if v is not None]
    return any(v < CLOSING_MIN_PX for v in sizes) or bool(_SMALL_KIND.search(
        f"{img.get('class', '')} {img.get('id', '')} {img.get('src', '')}"))


def closing_pictures(last: etree._Element, stop: etree._Element | None) -> list[etree._Element]:
    """Pictures that close the article: what follows its last kept block, before any more
    words (a caption aside), within ``stop`` (the article's element; the page's ``<body>``
    when None). A picture linked to another page is a banner or a card, and one declared
    under ``CLOSING_MIN_PX`` or named an avatar, logo, icon or badge is the page's
    furniture, not the article's."""
    out: list[etree._Element] = []
    node, seen = last, 0
    while node is not None and node is not stop and node.tag not in ("body", "html"):
        for unit in node.itersiblings():
            seen += 1
            if seen > CLOSING_MAX_UNITS:
                return out
            if not isinstance(unit.tag, str):
                continue  # a comment
            if _words(unit):
                return out
            out.extend(p for p in _pictures(unit) if not _linked_away(p) and not _small(p))
        node = node.getparent()
    return out


CARD_LEVELS = 3  # boxes climbed from a picture's link to find its card's headline
CARD_MAX_LINKS = 12  # a box with more links than this is a list of cards, not one card
CARD_HEADLINE_WORDS = 5  # a link this long, or one holding a heading, is a card's headline
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _headline(link: etree._Element) -> bool:
    if next(link.iter(*_HEADING_TAGS), None) is not None:
        return True
    if any(a.tag in _HEADING_TAGS for a in link.iterancestors()):
        return True
    return len("".join(link.itertext()).split()) >= CARD_HEADLINE_WORDS


def teaser_card(pic: etree._Element) -> tuple[etree._Element, str] | None:
    """The teaser card a picture is the thumbnail of and its headline, or None: the picture
    sits alone in a
    link to another page, and another link to that page holding a headline (a heading, or
    ``CARD_HEADLINE_WORDS`` words) sits in the same small box — the card. (An author's
    avatar beside their linked name is not a card.)"""
    link = next(pic.iterancestors("a"), None)
    href = (link.get("href") or "").strip() if link is not None else ""
    if not href or href.startswith("#") or not _linked_away(pic):
        return None
    if "".join(link.itertext()).strip():
        return None  # the link has words: the TEASER_LINK_WORDS rule's business
    box = link
    for _ in range(CARD_LEVELS):
        box = box.getparent()
        if box is None or box.tag in ("body", "html"):
            return None
        links = list(islice(box.iter("a"), CARD_MAX_LINKS + 1))
        if len(links) > CARD_MAX_LINKS:
            return None
        for other in links:
            if (other is not link and (other.get("href") or "").strip() == href
                    and _headline(other)):
                return box, " ".join("".join(other.itertext()).split())
    return None


def lead_figure(fig: etree._Element) -> bool:
    """A ``<figure>`` that says it is an article's picture, not a bare logo or thumbnail: it
    has a caption or a credit (its ``<figcaption>``, or a caption or credit line beside the
    picture inside it), or its picture is the page's schema.org ``itemprop="image"``."""
    if next(fig.iter("figcaption"), None) is not None:
        return True
    for img in fig.iter("img"):
        if "image" in (img.get("itemprop") or "").lower().split():
            return True
        beside = caption_beside(img)
        if beside is not None and any(a is fig for a in beside.iterancestors()):
            return True
    return False
