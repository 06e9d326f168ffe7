"""Front-matter lines every text export shows before the body (byline, date, source)."""

from __future__ import annotations

from narrate.model import Article
from narrate.wording import wording_for


def byline(article: Article) -> str:
    """"By A and B" in the article's language ("Par A et B")."""
    return wording_for(article.language).byline(article.authors)


def date_line(article: Article) -> str:
    """The published date as the source gave it, trimmed to the day (ISO 8601 sorts and reads)."""
    return article.published[:10] if article.published else ""


def header_lines(article: Article) -> list[str]:
    lines = [x for x in (article.subtitle or article.description, byline(article), date_line(article)) if x]
    if article.url:
        lines.append(wording_for(article.language).label("source", article.url))
    return lines
