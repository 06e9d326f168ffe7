"""A picture's caption and credit, wherever the page puts them.

- Inside the ``<figure>``: its ``<figcaption>``. A part marked as the credit — by class
  (``credit``, ``copyright``, ``photographer``, ``attribution`` …), by schema.org ``itemprop``
  (``copyrightHolder``, ``creator``, ``creditText`` …) or by a leading label ("Credit",
  "Photo:", "Image:", "Source:") — is the credit; every other part, in order, is the caption
  (a multi-part caption keeps all its parts). With no marked part, a trailing "Photo: …" or
  "© …" is cut off as the credit.
- Beside the picture: many pages set the caption as the next element after the image, the
  link around it or the image-only box it sits in (WordPress ``.wp-caption-text``, a
  ``.caption`` or ``.image-caption`` line, a ``<figcaption>`` left outside its ``<figure>``),
  or name it with ``aria-describedby``. Such an element is taken when it is short and holds
  no blocks of its own (headings, lists, pictures, several paragraphs).
- ``data-credit`` on the ``<img>`` is a credit too; the same name repeated in brackets at the
  end of the caption ("Cloche terrarium (Lucy Akins)") is then said once, as the credit.
- The credit is kept as the bare name, and the label the page gave it apart, as written but
  without brackets or a trailing colon ("Photo", "Photo by", "Bild", "©"): the writers show the
  page's label (``Wording.credit_line``), and their own, in the reader's language, only when
  the page gave none. Visually hidden labels glued to the name
  (``<span class="visually-hidden">Credit</span><span>Name</span>``) are labels too, and so is
  a part that is only a label ("<span>Photo:</span> Ann Lee"): the words after it are the name.
"""

from __future__ import annotations

import re

from lxml import etree

from narrate.readers.inlines import clean_text
from narrate.wording import CREDIT_BY

CAPTION_MAX_WORDS = 120  # longer than this, "caption" text beside a picture is body text
_CREDIT_CLASS = re.compile(r"credit|copyright|byline|photographer|source|attribution|author", re.I)
_CREDIT_LINE_CLASS = re.compile(r"credit|copyright|photographer|attribution", re.I)
_CREDIT_PROP = frozenset({"copyrightholder", "copyrightnotice", "creator", "credittext", "author"})
# the words a picture's credit is labelled with, in the languages narrate speaks
_CREDIT_WORD = (r"(?:credits?|crédits?|crédito|crediti|photo(?:graph|graphie)?s?|fotos?|"
                r"fotograf(?:ie|ía|ia)|image|imagen|imagem|immagine|picture|bild|beeld|"
                r"illustration|ilustración|ilustração|illustrazione)")
_BY_WORD = "(?:" + "|".join(CREDIT_BY) + ")"
_CREDIT_BY = rf"(?:\s+{_BY_WORD})?"
_CREDIT_TEXT = re.compile(
    rf"^\s*{_CREDIT_WORD}(?:{_CREDIT_BY}\s*[:|/]|\s+{_BY_WORD}\s)\s*|"
    r"^\s*(?:©|\(c\)|copyright)\s*|^\s*credit\b\s*", re.I)
_CREDIT_LABEL = re.compile(rf"^\s*(?:credit\b|{_CREDIT_WORD}{_CREDIT_BY}\s*:|source\s*:)", re.I)
# a credit after the caption's last sentence: "… quay. Photo: Ann Lee", "… (Foto: Ana Gil)"
_CREDIT_TAIL = re.compile(rf"(?:(?<=[.!?|–—/])\s*|\s*\(|\s+(?=©))({_CREDIT_WORD}{_CREDIT_BY}\s*:|©|\(c\) )"
                          r"\s*([^()]{1,80}?)\)?\s*$", re.I)
# a class naming a caption line, not a box that merely has one ("has-caption", "no_caption")
_CAPTION_CLASS = re.compile(r"(?<![a-z])(?:wp-)?(?:caption|figcaption)(?:[-_]?text)?(?![a-z])|"
                            r"(?:image|img|photo|picture|media|figure)[-_]?caption", re.I)
_NOT_CAPTION_CLASS = re.compile(r"(?:no|has|with|without)[-_]?caption|caption[-_]?(?:wrap|container|"
                                r"box|holder|outer)", re.I)
_NOT_CAPTION_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "img",
                               "picture", "figure", "blockquote", "pre", "form", "nav"})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "button", "svg"})
WRAPPER_DEPTH = 3  # image-only boxes climbed to find a caption set beside them


def _tag(el: etree._Element) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _text(el: etree._Element) -> str:
    return " ".join(el.itertext())


def _is_credit(el: etree._Element) -> bool:
    marks = f"{el.get('class', '')} {el.get('id', '')}"
    prop = (el.get("itemprop") or "").lower().split()
    return bool(_CREDIT_CLASS.search(marks) or _CREDIT_PROP.intersection(prop)
                or _CREDIT_LABEL.match(_text(el)))


def credit_and_label(credit: str) -> tuple[str, str]:
    """(name, label) of a credit as the page wrote it: "(Photo: Ann Lee)" → ("Ann Lee",
    "Photo"), "Photo by Ann Lee" → ("Ann Lee", "Photo by"), "© Ann Lee" → ("Ann Lee", "©"),
    "Credit Credit Ann Lee" (a hidden label and a shown one) → ("Ann Lee", "Credit"),
    "Ann Lee" → ("Ann Lee", "")."""
    text = clean_text(credit)
    labels: list[str] = []
    for _ in range(4):
        if text.startswith("(") and text.endswith(")"):
            text = text[1:-1].strip()
        m = _CREDIT_TEXT.match(text)
        stripped = text[m.end():].strip() if m else text
        if stripped == text:
            break
        word = m.group().strip().rstrip(":|/").strip() if m else ""
        if word and not (labels and word.casefold() == labels[-1].casefold()):
            labels.append(word)
        text = stripped
    return text, " ".join(labels)


def split_caption(cap: etree._Element) -> tuple[str, str, str]:
    """(caption, credit, credit label) of one caption element (see the module docstring)."""
    credit_parts: list[str] = []
    caption_parts: list[str] = []
    if cap.text:
        caption_parts.append(cap.text)
    name_next = False  # the last credit part was only a label: the name follows it
    for child in cap:
        tag = _tag(child)
        if tag in _SKIP_TAGS or not tag:
            pass
        elif name_next or _is_credit(child) or (tag == "small" and _last_element(cap, child)):
            # <small> is HTML's element for attribution; at the end of a caption it is the credit
            credit_parts.append(_text(child))
            name_next = not name_next and _only_label(_text(child))
        else:
            inner_credit = [d for d in child.iterdescendants() if _tag(d) and _is_credit(d)
                            and not _CREDIT_LABEL.match(_text(d))]
            if inner_credit and _text(inner_credit[0]).strip():
                # "<span class=caption>Caption <span class=credit>(Credit: X)</span></span>"
                credit_parts.append(_text(inner_credit[0]))
                caption_parts.append(_text_without(child, inner_credit[0]))
            else:
                caption_parts.append(_text(child))
        if name_next and (child.tail or "").strip():
            credit_parts.append(child.tail or "")  # "<span class=hidden>Photo:</span> Ann Lee"
            name_next = False
        elif child.tail:
            caption_parts.append(child.tail)
    caption = clean_text(" ".join(caption_parts))
    credit = clean_text(" ".join(credit_parts))
    if not credit:
        m = _CREDIT_TAIL.search(caption)
        if m and m.start() > 0:
            credit = f"{m.group(1)} {m.group(2).strip()}"
            caption = caption[: m.start()].rstrip(" |–—/")
    return (caption, *credit_and_label(credit))


def _only_label(text: str) -> bool:
    """"Photo:", "Credit" (a hidden label span): a label with no name after it."""
    name, label = credit_and_label(text)
    return bool(label) and not name


def _last_element(parent: etree._Element, child: etree._Element) -> bool:
    """``child`` ends ``parent``: no element and no text after it."""
    return child.getnext() is None and not (child.tail or "").strip()


def _text_without(el: etree._Element, skip: etree._Element) -> str:
    parts: list[str] = [el.text or ""]
    for child in el:
        if child is not skip:
            parts.append(_text_without(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


def figure_caption(fig: etree._Element) -> tuple[str, str, str]:
    """(caption, credit, credit label) of a ``<figure>`` from its own ``<figcaption>``."""
    cap = next(iter(fig.iter("figcaption")), None)
    return split_caption(cap) if cap is not None else ("", "", "")


def _caption_like(el: etree._Element) -> bool:
    tag = _tag(el)
    if tag in _NOT_CAPTION_TAGS or tag in _SKIP_TAGS or not tag:
        return False
    marks = f"{el.get('class', '')} {el.get('id', '')}"
    if tag != "figcaption" and (not _CAPTION_CLASS.search(marks) or _NOT_CAPTION_CLASS.search(marks)):
        if not _credit_line(el):
            return False
    if any(_tag(d) in _NOT_CAPTION_TAGS for d in el.iterdescendants()):
        return False
    if sum(1 for d in el.iterdescendants() if _tag(d) == "p") > 1:
        return False
    words = len(_text(el).split())
    return 0 < words <= CAPTION_MAX_WORDS


def _credit_line(el: etree._Element) -> bool:
    """A line of its own that is only the picture's credit (``<p class="photo-credit">``)."""
    return (_tag(el) in ("p", "span", "div", "small", "cite")
            and bool(_CREDIT_LINE_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}")))


def caption_of(el: etree._Element) -> tuple[str, str, str]:
    """(caption, credit, credit label) of a caption element found beside a picture."""
    if _tag(el) != "figcaption" and _credit_line(el) and not _CAPTION_CLASS.search(
            f"{el.get('class', '')} {el.get('id', '')}"):
        return ("", *credit_and_label(_text(el)))
    return split_caption(el)


def caption_beside(img: etree._Element) -> etree._Element | None:
    """The caption element set right after the picture, the link around it or the
    image-only box it sits in (up to ``WRAPPER_DEPTH`` boxes), or None."""
    node = img
    for _ in range(WRAPPER_DEPTH + 1):
        sib, gap = node.getnext(), node.tail or ""
        while sib is not None and (not isinstance(sib.tag, str) or _tag(sib) == "br"):
            gap += sib.tail or ""  # a comment or a line break between picture and caption
            sib = sib.getnext()
        if sib is not None and not gap.strip() and _caption_like(sib):
            return sib
        parent = node.getparent()
        if parent is None or _tag(parent) in ("body", "html", "article", "main", "section",
                                              "td", "li", "figure"):
            return None
        if any((t or "").strip() for t in _own_texts(parent, node)):
            return None  # the box holds words of its own: a paragraph, not an image box
        node = parent
    return None


def _own_texts(parent: etree._Element, keep: etree._Element) -> list[str]:
    """Texts in ``parent`` outside ``keep`` (what makes it more than an image box)."""
    out = [parent.text or ""]
    for child in parent:
        if child is not keep and _tag(child) not in _SKIP_TAGS:
            out.append(_text(child))
        out.append(child.tail or "")
    return out


def described_by(img: etree._Element, ids: dict[str, etree._Element]) -> etree._Element | None:
    """The element ``aria-describedby`` names, when it reads as a caption."""
    for ref in (img.get("aria-describedby") or "").split():
        el = ids.get(ref)
        if el is not None and el is not img and not any(a is el for a in img.iterancestors()):
            words = len(_text(el).split())
            if 0 < words <= CAPTION_MAX_WORDS and not any(
                    _tag(d) in _NOT_CAPTION_TAGS for d in el.iterdescendants()):
                return el
    return None


def with_data_credit(img: etree._Element, caption: str, credit: str,
                     label: str = "") -> tuple[str, str, str]:
    """Add ``data-credit`` as the credit (with its label, if its text has one); drop its
    bracketed copy from the caption's end. Returns (caption, credit, credit label)."""
    given = clean_text(img.get("data-credit") or "")
    if not given:
        return caption, credit, label
    for opener, closer in (("(", ")"), ("[", "]")):
        tail = f"{opener}{given}{closer}"
        if caption.endswith(tail):
            caption = caption[: -len(tail)].rstrip()
    return (caption, credit, label) if credit else (caption, *credit_and_label(given))


def looks_like_caption(el: etree._Element) -> bool:
    """A caption element by its tag or class alone (cheap: no text is read)."""
    if _tag(el) == "figcaption":
        return True
    marks = f"{el.get('class', '')} {el.get('id', '')}"
    return bool(_CAPTION_CLASS.search(marks) and not _NOT_CAPTION_CLASS.search(marks)) or (
        _credit_line(el))


def is_caption(el: etree._Element) -> bool:
    """A caption element: marked as one, short, and holding no blocks of its own."""
    return looks_like_caption(el) and _caption_like(el)
