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
    ListBlock,
    Paragraph,
    Strong,
    Table,
    Text,
    inline_text,
)
from narrate.readers.bylines import split_authors
from narrate.readers.dates import date_in, is_dateline
from narrate.readers.extract import settings
from narrate.readers.patterns import BYLINE as _BYLINE

_SOCIAL = re.compile(
    r"\b(facebook|instagram|twitter|tiktok|bluesky|whatsapp|threads|linkedin|youtube|"
    r"telegram|mastodon|reddit|pinterest|snapchat|flipboard)\b", re.I)
# Calls to action that close an article: follow, sign up / subscribe, the newsletter,
# "write to us" and "download our app". Each is worded the same way across sites
# (AEB dev: businessinsider, spokesman, cbssports, morebikes; tests/readers/test_rules.py).
_PROMO = re.compile(
    r"\b(follow (?:us|the|our)|sign up|subscribe (?:to|now|today|here|for)|newsletter|"
    r"tell us what you think|we(?:'|’)?d (?:like|love) to hear|send us|email us|write to us|"
    r"get in touch|download (?:our|the) app|share this)", re.I)


@dataclass
class Lead:
    kicker: str = ""
    subtitle: str = ""
    authors: list[str] = field(default_factory=list)
    author_bio: str = ""
    published: str = ""  # from a dateline at the top, ISO 8601 when it names a whole date


def _text(block: Block) -> str:
    if isinstance(block, (Paragraph, Heading)):
        return " ".join(inline_text(block.inlines).split())
    if isinstance(block, BlockQuote):
        return " ".join(_text(b) for b in block.blocks).strip()
    if isinstance(block, ListBlock):
        return " ".join(_text(b) for item in block.items for b in item).strip()
    if isinstance(block, Table):
        return " ".join(" ".join(row) for row in (block.header, *block.rows))
    return ""


def squashed(text: str) -> str:
    """Letters and digits only, lower case: how two spellings of one line are compared."""
    return re.sub(r"\W+", "", text).lower()


def _same(a: str, b: str) -> bool:
    return bool(a) and squashed(a) == squashed(b)


def split_lead(blocks: tuple[Block, ...], title: str, description: str = "",
               authors: tuple[str, ...] | list[str] = ()) -> tuple[tuple[Block, ...], Lead]:
    """Take kicker, title repeat, standfirst, byline and bio out of the first few blocks.

    ``authors`` are the names the page's metadata gives: a short line at the top that holds
    only those names (and maybe a date) is the byline even without a "By"."""
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
            if (not lead.subtitle and description and not out and _same(text, description)
                    and (isinstance(block, Heading) or not _sentence(text))):
                lead.subtitle = text  # the standfirst, set apart from the prose
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
            if (isinstance(block, Paragraph) and authors and words <= settings.BYLINE_MAX_WORDS
                    and _names_only(text, authors)):
                lead.authors = lead.authors or list(authors)
                i += 1
                continue
            if isinstance(block, Paragraph) and words <= settings.BYLINE_MAX_WORDS:
                by_word = re.search(r"\bby\b", text, re.I)
                when, by = (text[:by_word.start()], text[by_word.end():]) if by_word else (text, "")
                names = split_authors(by) if by else []
                if is_dateline(when) and (not by or names):
                    # a dateline ("Updated 5:45 AM PST, March 3, 2024", maybe "… by Ana Lim")
                    # is metadata, not prose
                    lead.published = lead.published or date_in(when)
                    lead.authors = lead.authors or names
                    i += 1
                    continue
            if (isinstance(block, Paragraph) and not out and not lead.kicker
                    and 0 < words <= settings.KICKER_MAX_WORDS and not _sentence(text)
                    and not text.endswith(":")
                    and _followed_by_lead(items, i, title)):
                lead.kicker = text
                i += 1
                continue
        if isinstance(block, Paragraph) and words > settings.BYLINE_MAX_WORDS:
            seen_prose = True
        out.append(block)
        i += 1
    return tuple(out), lead


def _names_only(text: str, authors: tuple[str, ...] | list[str]) -> bool:
    """Every name in the line is one of the article's authors ("Ana Lim | May 3, 2024")."""
    names = split_authors(text)
    known = {re.sub(r"\W+", "", a).lower() for a in authors}
    return bool(names) and all(re.sub(r"\W+", "", n).lower() in known for n in names)


def _sentence(text: str) -> bool:
    """Ends like a sentence (closing quotes and brackets aside)."""
    return text.rstrip("\"'”’»)]* ").endswith((".", "!", "?", "…"))


def _followed_by_lead(items: list[Block], i: int, title: str) -> bool:
    """A kicker comes before the picture, the title or the byline, not before prose."""
    nxt = items[i + 1] if i + 1 < len(items) else None
    if isinstance(nxt, (Figure, Heading)):
        return True
    text = _text(nxt) if nxt is not None else ""
    return isinstance(nxt, Paragraph) and (bool(_BYLINE.match(text)) or _same(text, title))


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


def _words(block: Block) -> int:
    return len(_text(block).split())


def is_promo(block: Block, *, in_tail: bool = False) -> bool:
    """A paragraph (or heading) that advertises rather than informs.

    Anywhere: naming several social networks, or promo wording set in italics or links.
    In the article's tail, promo wording in a short block or a heading is enough.
    """
    if not isinstance(block, (Paragraph, Heading)):
        return False
    text = _text(block)
    total, emph, link = _char_shares(block.inlines)
    if not total:
        return False
    words = len(text.split())
    socials = {m.lower() for m in _SOCIAL.findall(text)}
    if len(socials) >= settings.PROMO_SOCIAL_NAMES and words <= settings.PROMO_MAX_WORDS:
        return True
    if not _PROMO.search(text):
        return False
    if isinstance(block, Heading) or (in_tail and words <= settings.TAIL_SHORT_WORDS):
        return True
    noted = emph / total >= settings.PROMO_EMPHASIS_SHARE or link / total >= settings.PROMO_LINK_SHARE
    has_link = any(isinstance(n, Link) for n in _walk(block.inlines))
    return noted or has_link


def _link_only(block: Block) -> bool:
    """A short block that is all link text: a "related stories" headline."""
    if not isinstance(block, (Paragraph, Heading)):
        return False
    total, _emph, link = _char_shares(block.inlines)
    return bool(total) and link / total >= 0.9 and _words(block) <= settings.TAIL_SHORT_WORDS


def _walk(inlines: tuple[Inline, ...]):
    for node in inlines:
        yield node
        if isinstance(node, (Emphasis, Strong, Link)):
            yield from _walk(node.inlines)


def strip_trailer(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Drop the page furniture that trails an article.

    The tail is what follows the last solid paragraph of prose. In it, the first promo block
    closes the article (whatever follows a promo is page furniture too), and headline-only
    links ("related stories") go.
    """
    items = list(blocks)
    start = len(items)
    for j in range(len(items) - 1, max(-1, len(items) - 1 - settings.TRAIL_MAX_BLOCKS), -1):
        block = items[j]
        if (isinstance(block, (Paragraph, ListBlock, BlockQuote, Table))
                and _words(block) >= settings.TAIL_PROSE_WORDS and not is_promo(block)):
            break
        start = j
    tail = items[start:]
    first = next((k for k, b in enumerate(tail) if is_promo(b, in_tail=True)), None)
    if first is not None:
        tail = tail[:first]
    return tuple(items[:start] + [b for b in tail if not _link_only(b)])
