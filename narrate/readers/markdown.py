"""Reader for Markdown (CommonMark via markdown-it-py), with or without YAML front matter.

Markdown is rendered to HTML and converted by the same block converter as HTML, so both give
identical blocks for identical structure. Plain text is read as Markdown (paragraphs).
"""

from __future__ import annotations

from markdown_it import MarkdownIt

from narrate.errors import ReadError
from narrate.model import Article, Heading, inline_text
from narrate.readers import frontmatter
from narrate.readers.assemble import assemble
from narrate.readers.decode import decode
from narrate.readers.html import parse_tree
from narrate.readers.html_blocks import HtmlConverter
from narrate.readers.metadata import PageMeta
from narrate.readers.options import ReadOptions
from narrate.sources import Source

_MD = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")


def read(data: bytes, source: Source, options: ReadOptions) -> Article:
    text = decode(data, source.charset, source.name)
    fm, body = frontmatter.split(text, source.name)
    meta = frontmatter.to_meta(fm) if fm else PageMeta()
    if not meta.url and source.url:
        meta.url = source.url
    if not body.strip():
        raise ReadError("no article text found", source.name)
    tree = parse_tree("<html><body>" + _MD.render(body) + "</body></html>", source.name)
    conv = HtmlConverter(meta.url or source.url, title_is_caption=True)
    blocks = conv.blocks(next(iter(tree.iter("body")), tree))
    if not meta.title and blocks and isinstance(blocks[0], Heading) and blocks[0].level == 1:
        meta.title = " ".join(inline_text(blocks[0].inlines).split())
    fm = fm or {}
    return assemble(
        blocks, meta, source=source.name, options=options, audio_urls=conv.collected.audio_urls,
        kicker=frontmatter.as_str(fm.get("kicker")), subtitle=frontmatter.standfirst(fm),
        extra=frontmatter.extra_fields(fm, frontmatter.USED_KEYS),
    )
