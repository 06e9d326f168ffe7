"""The last step every reader shares: blocks + metadata + lead → one ``Article``."""

from __future__ import annotations

import os

from narrate.errors import ReadError
from narrate.model import Article, Block, Figure, Image
from narrate.readers import language as lang
from narrate.readers.bylines import fuller
from narrate.readers.lead import Lead, split_lead, squashed, strip_trailer
from narrate.readers.links import safe_image_url, safe_url
from narrate.readers.metadata import PageMeta
from narrate.readers.options import ReadOptions

NO_ARTICLE = "no article text found"


def assemble(
    blocks: tuple[Block, ...],
    meta: PageMeta,
    *,
    source: str,
    options: ReadOptions,
    audio_urls: list[str] | None = None,
    kicker: str = "",
    subtitle: str = "",
    author_bio: str = "",
    extra: tuple[tuple[str, str], ...] = (),
    min_words: int = 1,
) -> Article:
    """Find the article's edges, fill gaps in the metadata, and refuse an empty body."""
    body, lead = split_lead(blocks, meta.title, meta.description, meta.authors)
    body = strip_trailer(body)
    if not body or len(Article(title="", blocks=body).body_text().split()) < min_words:
        raise ReadError(NO_ARTICLE, source)
    article = Article(
        title=meta.title or _first_words(body),
        blocks=body,
        subtitle=_unless_said(subtitle, body) or lead.subtitle,
        description=meta.description,
        authors=tuple(fuller(meta.authors, lead.authors) if meta.authors else lead.authors),
        author_bio=author_bio or lead.author_bio,
        kicker=kicker or lead.kicker,
        published=meta.published or lead.published,
        language=lang.normalise(meta.language),
        url=_http_only(meta.url),
        site_name=meta.site_name,
        tags=tuple(meta.tags),
        cover=_safe_cover(meta.cover),
        audio_url=_http_only(meta.audio_url or next(iter(audio_urls or []), "")),
        source=source,
        extra=extra,
    )
    if article.cover is not None and not article.cover.alt:
        article = article.replace(cover=_cover_alt(article.cover, body))
    if not article.language and options.detect_language:
        article = article.replace(language=lang.detect(article.body_text()))
    return article


def _http_only(url: str) -> str:
    """Metadata URLs (front matter, meta tags) obey the readers' one link rule, and must be
    absolute web addresses: an article's own URL cannot be mailto: or a fragment."""
    url = safe_url(url)
    return url if url.lower().startswith(("http://", "https://")) else ""


def _safe_cover(cover: Image | None) -> Image | None:
    if not isinstance(cover, Image):
        return None
    src = safe_image_url(cover.src)
    return Image(src, cover.alt) if src else None


def _cover_alt(cover: Image, blocks: tuple[Block, ...]) -> Image:
    """A cover without alt text borrows the alt of a figure showing the same picture (another
    rendition in the same folder, as CMSs store crops), so artwork is never left undescribed."""
    folder, _, name = cover.src.split("?")[0].rpartition("/")
    for block in blocks:
        if isinstance(block, Figure) and block.alt:
            other_folder, _, other = block.src.split("?")[0].rpartition("/")
            if other_folder == folder and len(os.path.commonprefix([name, other])) >= 8:
                return Image(cover.src, block.alt)
    return cover


def _unless_said(standfirst: str, body: tuple[Block, ...]) -> str:
    """A standfirst the article's opening already says (a summary that is its first
    paragraph) is not said again."""
    opening = squashed(Article(title="", blocks=body[:3]).body_text())
    return "" if not standfirst or squashed(standfirst) in opening else standfirst


def _first_words(blocks: tuple[Block, ...], n: int = 10) -> str:
    from narrate.model import Article as _A

    words = _A(title="", blocks=blocks[:3]).body_text().split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


__all__ = ["assemble", "Lead"]
