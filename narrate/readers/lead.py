"""The edges of an article body: what opens it (kicker, byline, author bio) and what trails it
(promo notes, "follow us on …", "letters to the editor").

These are general rules on shape, not text matched to one site: a kicker is a short label
before the byline; a byline is a short "By …" line near the top, and a quote right after it is
the author's bio; a trailing paragraph is promo when it is mostly italic or links and speaks of
following, subscribing or writing in, or names several social networks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from narrate.model import (
    Block,
    BlockQuote,
    Emphasis,
    Figure,
    Heading,
    Inline,
    Link,
    Paragraph,
    Strong,
    Text,
    inline_text,
)
from narrate.readers.extract import settings
from narrate.readers.metadata import split_authors

_BYLINE = re.compile(r"^\s*(?:by|von|par|por|di|door|av|от|автор)\s+\S", re.I)
_SOCIAL = re.compile(
    r"\b(facebook|instagram|twitter|tiktok|bluesky|whatsapp|threads|linkedin|youtube|"
    r"telegram|mastodon|reddit|pinterest|snapchat|flipboard)\b", re.I)
_PROMO = re.compile(
    r"\b(follow (?:us|the|our)|sign up|subscribe|newsletter|letters? to the editor|"
    r"we(?:'|’)?d (?:like|love) to hear|send us|email us|write to us|get in touch|"
    r"download (?:our|the) app|all rights reserved|share this|tips\b.*\bemail|"
    r"submit a letter|support our journalism)", re.I)


@dataclass
class Lead:
    kicker: str = ""
    authors: list[str] = field(default_factory=list)
    author_bio: str = ""


def _text(block: Block) -> str:
    if isinstance(block, (Paragraph, Heading)):
        return " ".join(inline_text(block.inlines).split())
    if isinstance(block, BlockQuote):
        return " ".join(_text(b) for b in block.blocks).strip()
    return ""


def _same(a: str, b: str) -> bool:
    norm = re.compile(r"\W+")
    return bool(a) and norm.sub("", a).lower() == norm.sub("", b).lower()


def split_lead(blocks: tuple[Block, ...], title: str) -> tuple[tuple[Block, ...], Lead]:
    """Take kicker, title repeat, byline and bio out of the first few blocks."""
    lead = Lead()
    out: list[Block] = []
    seen_prose = False
    i = 0
    items = list(blocks)
    while i < len(items):
        block = items[i]
        text = _text(block)
        words = len(text.split())
        if i < settings.LEAD_BLOCKS and not seen_prose:
            if isinstance(block, (Paragraph, Heading)) and title and _same(text, title):
                i += 1
                continue
            if (isinstance(block, Paragraph) and not lead.authors
                    and _BYLINE.match(text) and words <= settings.BYLINE_MAX_WORDS):
                lead.authors = split_authors(text)
                nxt = items[i + 1] if i + 1 < len(items) else None
                if isinstance(nxt, BlockQuote) and not lead.author_bio:
                    lead.author_bio = _text(nxt)
                    i += 1
                i += 1
                continue
            if (isinstance(block, Paragraph) and not out and not lead.kicker
                    and 0 < words <= settings.KICKER_MAX_WORDS and not text.endswith((".", "!", "?", ":"))
                    and _followed_by_lead(items, i)):
                lead.kicker = text
                i += 1
                continue
        if isinstance(block, Paragraph) and words > settings.BYLINE_MAX_WORDS:
            seen_prose = True
        out.append(block)
        i += 1
    return tuple(out), lead


def _followed_by_lead(items: list[Block], i: int) -> bool:
    """A kicker comes before the picture, the title or the byline, not before prose."""
    nxt = items[i + 1] if i + 1 < len(items) else None
    if isinstance(nxt, (Figure, Heading)):
        return True
    return isinstance(nxt, Paragraph) and bool(_BYLINE.match(_text(nxt)))


def _char_shares(inlines: tuple[Inline, ...]) -> tuple[int, int, int]:
    """(all characters, characters in emphasis, characters in links)."""
    total = emph = link = 0
    for node in inlines:
        n = len(inline_text((node,)).strip()) if not isinstance(node, Text) else len(node.text.strip())
        total += n
        if isinstance(node, (Emphasis, Strong)):
            emph += n
            _, _, inner_link = _char_shares(node.inlines)
            link += inner_link
        elif isinstance(node, Link):
            link += n
            _, inner_emph, _ = _char_shares(node.inlines)
            emph += inner_emph
    return total, emph, link


def is_promo(block: Block) -> bool:
    """A paragraph that advertises rather than informs."""
    if not isinstance(block, Paragraph):
        return False
    text = _text(block)
    total, emph, link = _char_shares(block.inlines)
    if not total:
        return False
    if len(set(m.lower() for m in _SOCIAL.findall(text))) >= settings.PROMO_SOCIAL_NAMES:
        return True
    noted = emph / total >= settings.PROMO_EMPHASIS_SHARE or link / total >= settings.PROMO_LINK_SHARE
    has_link = any(isinstance(n, Link) for n in _walk(block.inlines))
    return bool(_PROMO.search(text)) and (noted or has_link)


def _walk(inlines: tuple[Inline, ...]):
    for node in inlines:
        yield node
        if isinstance(node, (Emphasis, Strong, Link)):
            yield from _walk(node.inlines)


def strip_trailer(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Drop promo paragraphs at the end of the body (and the empty figures among them)."""
    items = list(blocks)
    examined = 0
    while items and examined < settings.TRAIL_MAX_BLOCKS:
        if is_promo(items[-1]):
            items.pop()
            examined += 1
            continue
        break
    return tuple(items)
