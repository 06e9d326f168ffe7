"""Each piece of text said once.

A page shows some text twice for the eye: the caption or alt text of a figure again as a
loose paragraph or list item (or the caption as a heading; a heading that repeats an alt text
stays, a section heading set beside its picture, and the narration leaves that alt unsaid), the same picture twice in a row in two sizes, a pull quote set as an ordinary block quote beside the paragraph it repeats.
The figure's caption and the body's paragraph are the copies we keep. (Only quotes: a
paragraph that repeats part of another is left alone, texts do repeat phrases.)
"""

from __future__ import annotations

from narrate.model import Block, BlockQuote, Figure, Heading, ListBlock, Paragraph, inline_text

REPEAT_MIN_WORDS = 6  # a shorter repeat may be a common phrase, not a pull quote
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
    return tuple(out)


def _without_caption_items(block: ListBlock, caps: set[str]) -> ListBlock:
    items = tuple(item for item in block.items
                  if not (len(item) == 1 and isinstance(item[0], Paragraph)
                          and _key(_text(item[0])) in caps))
    return block if len(items) == len(block.items) else ListBlock(block.ordered, items)
