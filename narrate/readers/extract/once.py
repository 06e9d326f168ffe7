"""Each piece of text said once.

A page shows some text twice for the eye: the caption or alt text of a figure again as a
loose paragraph or list item (or the caption as a heading; a heading that repeats an alt text
stays, a section heading set beside its picture, and the narration leaves that alt unsaid), the same picture twice in a row in two sizes, a pull quote set as an ordinary block quote beside the paragraph it repeats.
The figure's caption and the body's paragraph are the copies we keep. (Only quotes: a
paragraph that repeats part of another is left alone, texts do repeat phrases.) An article's
sections have titles of their own: a heading of three words or more said again word for word
(a slide show's or carousel's copy of a title, a section front's teaser twice) is said once.
"""

from __future__ import annotations

from dataclasses import replace

from narrate.model import Block, BlockQuote, Figure, Heading, ListBlock, Paragraph, inline_text

REPEAT_MIN_WORDS = 6  # a shorter repeat may be a common phrase, not a pull quote
HEADING_REPEAT_WORDS = 3  # a heading this long said again is a copy ("Method" may repeat)
MAX_QUOTES_CHECKED = 500  # bounds the work on a hostile page of thousands of quotes


def _key(text: str) -> str:
    return " ".join(text.split()).strip(" \"'“”‘’«»").lower()


def _text(block: Block) -> str:
    if isinstance(block, (Paragraph, Heading)):
        return inline_text(block.inlines)
    if isinstance(block, BlockQuote):
        return " ".join(_text(b) for b in block.blocks)
    return ""


def say_once(blocks: tuple[Block, ...], captions: set[str]) -> tuple[Block, ...]:
    """``blocks`` without caption copies and without quotes repeated from a paragraph."""
    caps = {_key(c) for c in captions if c}
    alts = {_key(b.alt) for b in blocks if isinstance(b, Figure) and len(b.alt.split()) >= 3}
    body = "\n".join(_key(_text(b)) for b in blocks if isinstance(b, Paragraph))
    checked = 0
    out: list[Block] = []
    for block in blocks:
        key = _key(_text(block))
        if key and ((key in caps and isinstance(block, (Paragraph, Heading)))
                    or (key in alts and isinstance(block, Paragraph))):
            continue  # said with its figure (a heading stays: the narration skips the alt)
        if (isinstance(block, Figure) and out and isinstance(out[-1], Figure) and block.alt
                and block.alt == out[-1].alt and block.caption in ("", out[-1].caption)):
            continue  # the same picture again in another size (a rendition, a fallback)
        if isinstance(block, ListBlock) and (caps or alts):
            block = _without_caption_items(block, caps | alts)
            if not block.items:
                continue
        if (isinstance(block, BlockQuote) and checked < MAX_QUOTES_CHECKED
                and len(key.split()) >= REPEAT_MIN_WORDS):
            checked += 1
            if key in body:
                continue  # a pull quote: the paragraph that holds the sentence says it
        out.append(block)
    return _headings_once(tuple(out), set())


def _without_caption_items(block: ListBlock, caps: set[str]) -> ListBlock:
    items = tuple(item for item in block.items
                  if not (len(item) == 1 and isinstance(item[0], Paragraph)
                          and _key(_text(item[0])) in caps))
    return block if len(items) == len(block.items) else replace(block, items=items)


def _headings_once(blocks: tuple[Block, ...], seen: set[str]) -> tuple[Block, ...]:
    """Without a heading of HEADING_REPEAT_WORDS words or more said again word for word, at
    any depth (a slide show's or carousel's copy of a title)."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Heading):
            key = _key(_text(block))
            if len(key.split()) >= HEADING_REPEAT_WORDS:
                if key in seen:
                    continue
                seen.add(key)
        elif isinstance(block, ListBlock) and not block.navigation:
            items = tuple(kept for kept in (_headings_once(item, seen) for item in block.items)
                          if kept)
            if not items:
                continue
            block = replace(block, items=items) if items != block.items else block
        elif isinstance(block, BlockQuote):
            inner = _headings_once(block.blocks, seen)
            if not inner:
                continue
            block = replace(block, blocks=inner) if inner != block.blocks else block
        out.append(block)
    return tuple(out)
