"""Front-matter lines every text export shows before the body (byline, date, source)."""

from __future__ import annotations

from narrate.model import Article


def byline(article: Article) -> str:
    names = list(article.authors)
    if not names:
        return ""
    if len(names) == 1:
        return f"By {names[0]}"
    return "By " + ", ".join(names[:-1]) + " and " + names[-1]


def date_line(article: Article) -> str:
    """The published date as the source gave it, trimmed to the day (ISO 8601 sorts and reads)."""
    return article.published[:10] if article.published else ""


def header_lines(article: Article) -> list[str]:
    lines = [x for x in (article.subtitle or article.description, byline(article), date_line(article)) if x]
    if article.url:
        lines.append(f"Source: {article.url}")
    return lines
