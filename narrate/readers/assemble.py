"""The last step every reader shares: blocks + metadata + lead → one ``Article``."""

from __future__ import annotations

from narrate.errors import ReadError
from narrate.model import Article, Block, Image
from narrate.readers import language as lang
from narrate.readers.lead import Lead, split_lead, strip_trailer
from narrate.readers.metadata import PageMeta
from narrate.readers.options import ReadOptions


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
) -> Article:
    """Find the article's edges, fill gaps in the metadata, and refuse an empty body."""
    body, lead = split_lead(blocks, meta.title)
    body = strip_trailer(body)
    if not body:
        raise ReadError("no article text found", source)
    article = Article(
        title=meta.title or _first_words(body),
        blocks=body,
        subtitle=subtitle,
        description=meta.description,
        authors=tuple(meta.authors or lead.authors),
        author_bio=author_bio or lead.author_bio,
        kicker=kicker or lead.kicker,
        published=meta.published,
        language=lang.normalise(meta.language),
        url=meta.url,
        site_name=meta.site_name,
        tags=tuple(meta.tags),
        cover=meta.cover if isinstance(meta.cover, Image) else None,
        audio_url=meta.audio_url or next(iter(audio_urls or []), ""),
        source=source,
        extra=extra,
    )
    if not article.language and options.detect_language:
        article = article.replace(language=lang.detect(article.body_text()))
    return article


def _first_words(blocks: tuple[Block, ...], n: int = 10) -> str:
    from narrate.model import Article as _A

    words = _A(title="", blocks=blocks[:3]).body_text().split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


__all__ = ["assemble", "Lead"]
