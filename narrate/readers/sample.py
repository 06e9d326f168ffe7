"""Reader for the canonical sample format: YAML front matter, then the article's HTML body.

The body is already the article (no page chrome), so it is converted whole rather than run
through main-content extraction; only its edges are trimmed (kicker, byline, bio, promo
trailer). Front matter wins over whatever the HTML suggests.
"""

from __future__ import annotations

from narrate.errors import ReadError
from narrate.model import Article
from narrate.readers import frontmatter
from narrate.readers.assemble import assemble
from narrate.readers.decode import decode
from narrate.readers.html import parse_tree
from narrate.readers.html_blocks import HtmlConverter
from narrate.readers.metadata import page_meta
from narrate.readers.options import ReadOptions
from narrate.sources import Source


def read(data: bytes, source: Source, options: ReadOptions) -> Article:
    text = decode(data, source.charset, source.name)
    fm, body = frontmatter.split(text, source.name)
    if fm is None:
        raise ReadError("no YAML front matter", source.name)
    tree = parse_tree(body, source.name) if body.strip() else None
    if tree is None:
        raise ReadError("front matter but no article body", source.name)
    fm_meta = frontmatter.to_meta(fm)
    meta = frontmatter.merge(fm_meta, page_meta(tree, fm_meta.url or source.url))
    root = next(iter(tree.iter("body")), tree)
    conv = HtmlConverter(meta.url or source.url)
    blocks = conv.blocks(root)
    return assemble(
        blocks, meta, source=source.name, options=options, audio_urls=conv.collected.audio_urls,
        kicker=frontmatter.as_str(fm.get("kicker")), subtitle=frontmatter.standfirst(fm),
        extra=frontmatter.extra_fields(fm, frontmatter.USED_KEYS),
    )
