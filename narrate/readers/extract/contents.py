"""An article's table of contents: found by rule, kept as a navigation list.

A list inside the article whose every link leads to a part of the same page (``#section``)
and whose words are those links' words (a section number inside or beside a link is fine)
is a table of contents — Wikipedia's ``#toc``, a static-site generator's ``<details>``
contents, a documentation page's "On this page". trafilatura drops it as a menu. narrate
keeps it for readers, as pandoc's exports keep one, marked ``navigation`` so the narration
skips it (each entry repeats a heading the listener hears where its section starts), and
points each entry at its heading's text, the key the writers give a heading's anchor.
"""

from __future__ import annotations

from dataclasses import replace

from lxml import etree

from narrate.model import Block, Emphasis, Inline, Link, ListBlock, Paragraph, Strong
from narrate.readers.extract import settings
from narrate.readers.html_blocks import HEADINGS


def in_page_links(el: etree._Element) -> list[str]:
    """The ``href`` of every link inside ``el``, when all of them stay on the page."""
    hrefs = [(a.get("href") or "").strip() for a in el.iter("a")]
    return hrefs if hrefs and all(h.startswith("#") and len(h) > 1 for h in hrefs) else []


def anchors(root: etree._Element) -> dict[str, str]:
    """Every anchor an in-page link can lead to (``id``, ``<a name>``) -> the text of the
    heading it marks ("" when it marks no heading)."""
    out: dict[str, str] = {}
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for name in (el.get("id"), el.get("name") if el.tag == "a" else None):
            if name and name not in out:
                out[name] = _heading_text(el)
    return out


def _heading_text(el: etree._Element) -> str:
    """The heading an anchor marks: the element itself, the heading around it (a wiki's
    ``<h2><span id=…>``), or the heading it opens (``<section id=…><h2>``)."""
    heading = el if el.tag in HEADINGS else next(el.iterancestors(*HEADINGS), None)
    if heading is None:
        first = next((c for c in el.iterchildren() if isinstance(c.tag, str)), None)
        heading = first if first is not None and first.tag in HEADINGS else None
    return " ".join(heading.text_content().split()) if heading is not None else ""


def is_contents(el: etree._Element, targets: dict[str, str]) -> bool:
    """At least two links, all into this page, most to an anchor that exists, and the list's
    words mostly inside them."""
    hrefs = in_page_links(el)
    if len(hrefs) < settings.CONTENTS_MIN_LINKS:
        return False
    if sum(h[1:] in targets for h in hrefs) * 2 < len(hrefs):
        return False
    text = "".join(el.text_content().split())
    linked = sum(len("".join(a.text_content().split())) for a in el.iter("a"))
    return bool(text) and linked / len(text) >= settings.CONTENTS_MIN_LINK_SHARE


def navigation(block: ListBlock, targets: dict[str, str]) -> ListBlock:
    """``block`` marked as navigation, each entry linking to its heading by the heading's text
    (the page's own ids do not survive into an export; the heading's words do)."""
    items = tuple(tuple(_retarget(b, targets) for b in item) for item in block.items)
    return replace(block, items=items, navigation=True)


def _retarget(block: Block, targets: dict[str, str]) -> Block:
    if isinstance(block, ListBlock):
        return navigation(block, targets)
    if isinstance(block, Paragraph):
        return Paragraph(tuple(_inline(i, targets) for i in block.inlines))
    return block


def _inline(node: Inline, targets: dict[str, str]) -> Inline:
    if isinstance(node, Link):
        heading = targets.get(node.href[1:]) if node.href.startswith("#") else None
        return Link(node.inlines, "#" + heading) if heading else node
    if isinstance(node, (Emphasis, Strong)):
        return replace(node, inlines=tuple(_inline(i, targets) for i in node.inlines))
    return node


