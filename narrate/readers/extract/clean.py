"""Boilerplate rules narrate adds around trafilatura; each states the general pattern it
encodes and where it is seen (AEB / meta dev sites, or our fixtures in
``tests/readers/test_rules.py``).

``prune_tree`` runs before extraction on the page: what no visitor sees (the ``hidden``
attribute, 3 sites; an inline ``display: none`` / ``visibility: hidden`` style, 33 meta dev
pages, as Readability does; a formula's hidden MathML is kept, it is the twin of the formula's
picture) and tooltips / pop-overs / pop-ups by class (tooltip 12 sites, popup 14, popover 4). ``is_boilerplate`` judges one short block of the result: a copyright
line, an "Updated at …" dateline, a teaser label ("Read more:", "Related:", "You might also
like"), a call to action ("click here", "sign up now"), a syndication note ("Continue
reading", "Originally published on …"), an unrendered WordPress shortcode.
"""

from __future__ import annotations

import re

from lxml import etree

from narrate.model import Block, Heading, Paragraph, inline_text

_POPUP_WORDS = ("tooltip", "popover", "popup")
# One XPath pass (in C) finds the candidates; ``_doomed`` confirms whole class tokens. Only
# attributes are tested (no translate()/style parsing): this runs on every page, so it must
# cost about a millisecond.
# One path with one predicate, not a union: libxml2 merges the node sets of a union with a
# duplicate check that is quadratic when both sides are large (a million empty elements).
_PRUNE = etree.XPath(
    "//*[@hidden or (@style and (contains(@style, 'none') or contains(@style, 'hidden')))"
    " or (@class and ("
    + " or ".join(f"contains(@class, '{w}')" for w in _POPUP_WORDS)
    + "))]"
)
_POPUP_CLASS = re.compile(
    r"(?:^|[\s_-])(?:tooltip|popover|popup)(?:$|[\s_-])",
    re.I,
)


_INVISIBLE_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.I)


def _doomed(el: etree._Element) -> bool:
    if el.tag in ("html", "body", "main", "article"):
        return False
    if el.get("hidden") is not None:
        return True
    if _INVISIBLE_STYLE.search(el.get("style") or ""):
        # kept: a formula's MathML, hidden for sight but the twin of its visible picture
        # (removing it leaves <span><img></span>, after which trafilatura drops the text)
        return el.tag != "math" and next(el.iter("math", "{*}math"), None) is None
    return bool(_POPUP_CLASS.search(el.get("class") or ""))


_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|^\s*copyright\b|all rights reserved", re.I)
_DATELINE = re.compile(
    r"^\s*(?:updated|last updated|published|posted|first published|modified)\b"
    r"(?:\s+(?:at|on))?\s*:?\s*[\w,.:/ -]{0,60}$", re.I)
_TEASER = re.compile(
    r"^\s*(?:read more|see more|more|related|also read|read also|recommended|"
    r"don'?t miss|don’t miss|watch|listen|advertisement|sponsored|trending|most read|"
    r"more from|you may also like|you might also like|read next|editor'?s picks?|"
    r"filed under|tagged|tags|categories|posted in)"
    r"\s*(?::|$|\||»|>)", re.I)
_CALL = re.compile(r"\bclick here\b|\bsign up (?:now|here|today)\b|\bsubscribe (?:now|today)\b",
                   re.I)
# Furniture around a syndicated or paginated article: "Continue reading", "Continue reading
# the main story", "This article was originally published on …", "Originally appeared in …".
_FURNITURE = re.compile(
    r"^\s*(?:continue reading\b|keep reading\b|"
    r"(?:(?:this|the) (?:article|story|post|piece|essay) (?:was )?)?originally "
    r"(?:published|appeared|posted|ran) (?:on|in|at|by)\b)", re.I)
_SHORTCODE = re.compile(r"\[/?[a-z_]+(?:\s+[a-z_-]+\s*=\s*[^\]]*)?\]", re.I)
_WRAPPED_SHORTCODE = re.compile(r"^\[([a-z_]+)\b[^\]]*\].*\[/\1\]$", re.I | re.S)


def prune_tree(tree: etree._Element) -> None:
    """Remove, in place, page parts no reader of the article would meet."""
    doomed = [el for el in _PRUNE(tree) if _doomed(el)]
    for el in doomed:
        parent = el.getparent()
        if parent is None:
            continue
        tail = el.tail
        prev = el.getprevious()
        parent.remove(el)
        if tail:
            if prev is not None:
                prev.tail = (prev.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail


def _text(block: Block) -> str:
    if isinstance(block, (Paragraph, Heading)):
        return " ".join(inline_text(block.inlines).split())
    return ""


def is_boilerplate(block: Block) -> bool:
    """One block that belongs to the page's furniture, not the article."""
    text = _text(block)
    if not text:
        return False
    words = len(text.split())
    if words <= 25 and _COPYRIGHT.search(text):
        return True
    if words <= 12 and _DATELINE.match(text):
        return True
    if words <= 30 and _TEASER.match(text):
        return True
    if words <= 30 and _CALL.search(text):
        return True
    if words <= 30 and _FURNITURE.match(text):
        return True
    return bool(_SHORTCODE.fullmatch(text) or _WRAPPED_SHORTCODE.match(text))


def drop_boilerplate(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    return tuple(b for b in blocks if not is_boilerplate(b))
