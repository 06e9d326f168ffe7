"""Which element of an export each spoken sentence belongs to (media overlays, read-along).

The writers get timed sentences (``Sentence``: cue times, the transcript text, the sentence as
written in the article and the block it came from) and place each one: a sentence of a
paragraph gets a ``<span id>`` around exactly its written words; a heading's sentence points at
the heading, an image announcement at its figure, a table row at the table, the title, standfirst
and byline at their own elements. A sentence whose words cannot be found (an announcement such
as "Quote.") points at its block, or at the last sentence placed in it, so that references stay
in reading order. Pure and deterministic: the XHTML and the SMIL are made from one placement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from narrate.model import (
    Article,
    Block,
    BlockQuote,
    Heading,
    ListBlock,
    Paragraph,
    inline_text,
)
from narrate.writers.links import heading_ids

TITLE_ID, STANDFIRST_ID, BYLINE_ID = "title", "standfirst", "byline"
_HEADER = (TITLE_ID, STANDFIRST_ID, BYLINE_ID)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One cue of the narration: what the transcript (VTT) shows, and where it is written."""

    start: float  # seconds
    end: float
    text: str  # the transcript text, as in the VTT
    written: str = ""  # the same sentence as the article writes it ("" when not from the text)
    block: int = -1  # index into Article.blocks; -1 for title, standfirst and byline


@dataclass(slots=True)
class Placement:
    targets: list[str] = field(default_factory=list)  # element id per sentence, in order
    # (block index, paragraph number within the block) -> [(start, end, id)] in inline_text offsets
    spans: dict[tuple[int, int], list[tuple[int, int, str]]] = field(default_factory=dict)
    block_ids: dict[int, str] = field(default_factory=dict)  # top-level blocks that need an id
    heading_ids: dict[int, str] = field(default_factory=dict)


def paragraphs(block: Block) -> list[Paragraph]:
    """A block's paragraphs in reading order (the order the HTML writer renders them)."""
    if isinstance(block, Paragraph):
        return [block]
    if isinstance(block, ListBlock):
        return [p for item in block.items for sub in item for p in paragraphs(sub)]
    if isinstance(block, BlockQuote):
        return [p for sub in block.blocks for p in paragraphs(sub)]
    return []


@dataclass(slots=True)
class _Cursor:
    para: int = 0  # paragraph of the block being read
    offset: int = 0  # where the last sentence's words ended
    skipped: int = 0  # characters of sentences that could not be placed since then
    last: str = ""  # id of the last span placed


def place(article: Article, sentences: tuple[Sentence, ...]) -> Placement:
    out = Placement(heading_ids=heading_ids(article))
    cursors: dict[int, _Cursor] = {}
    header = 0  # title, standfirst, byline: never backwards
    for n, sentence in enumerate(sentences, 1):
        i = sentence.block
        if i < 0 or i >= len(article.blocks):
            header = max(header, _HEADER.index(_header_target(article, sentence)))
            out.targets.append(_HEADER[header])
            continue
        block = article.blocks[i]
        if isinstance(block, Heading):
            out.targets.append(out.heading_ids[i])
            continue
        cur = cursors.setdefault(i, _Cursor())
        words = (sentence.written or sentence.text).strip()
        found = _find(paragraphs(block), words, cur)
        if found is None:
            cur.skipped += len(words) + 1
            if not cur.last:
                out.block_ids[i] = f"b{i}"
            out.targets.append(cur.last or f"b{i}")
            continue
        para, a, b = found
        ident = f"r{n}"
        out.spans.setdefault((i, para), []).append((a, b, ident))
        cursors[i] = _Cursor(para, b, 0, ident)
        out.targets.append(ident)
    return out


def _find(paras: list[Paragraph], words: str, cur: _Cursor) -> tuple[int, int, int] | None:
    """(paragraph, start, end) where ``words`` come next.

    Between the cursor and the words there may be only spaces and punctuation, or about as
    much text as the sentences that could not be placed. A span may cut a link or an emphasis:
    the HTML writer then splits that element, so the span holds exactly the sentence."""
    if not words:
        return None
    for k in range(cur.para, len(paras)):
        text = inline_text(paras[k].inlines)
        start = cur.offset if k == cur.para else 0
        at = text.find(words, start)
        if at < 0:
            continue
        gap = text[start:at]
        if re.search(r"\w", gap) and len(gap) > cur.skipped + 20:
            continue
        return k, at, at + len(words)
    return None


def _header_target(article: Article, sentence: Sentence) -> str:
    words = " ".join((sentence.written or sentence.text).split()).rstrip(".").strip()
    if words and words in " ".join(article.title.split()):
        return TITLE_ID
    if article.subtitle and words and words in " ".join(article.subtitle.split()):
        return STANDFIRST_ID
    if article.authors and not (words and words in " ".join(article.title.split())):
        return BYLINE_ID
    return TITLE_ID
