"""YAML front matter: split it off, and map its keys onto the model's metadata.

Front matter is the author's own statement about the article, so it wins over anything the
body's HTML suggests.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from narrate.model import Image
from narrate.readers.dates import iso_date
from narrate.readers.metadata import PageMeta, split_authors
from narrate.sources import canonical_url

_SURROGATES = re.compile(r"[\ud800-\udfff]")

_FENCE = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


def split(text: str, source: str = "") -> tuple[dict[str, Any] | None, str]:
    """(front matter mapping or None, the rest of the text)."""
    m = _FENCE.match(text)
    if not m:
        return None, text
    from narrate.readers import yaml_safe  # PyYAML only for a source that has front matter

    data = yaml_safe.load(m.group(1), source)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None, text
    return data, text[m.end():]


def has_front_matter(head: str) -> bool:
    return bool(re.match(r"\A\ufeff?---[ \t]*\r?\n", head))


def _first(data: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        value = data.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def as_str(value: Any, _depth: int = 0) -> str:
    """Any front matter value as one line of text: lists and mappings give their scalars
    joined with ", " (a few levels deep), lone surrogates become U+FFFD."""
    if value is None or _depth > 4:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        return ", ".join(t for t in (as_str(v, _depth + 1) for v in value[:100]) if t)
    if isinstance(value, bytes):  # !!binary
        return ""
    return _SURROGATES.sub("\ufffd", " ".join(str(value).split()))


def _list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v for v in (as_str(p) for p in value.split(",")) if v]
    if isinstance(value, (list, tuple)):
        out: list[str] = []
        for v in value:
            out.append(as_str(v["name"] if isinstance(v, dict) and "name" in v else v))
        return [v for v in out if v]
    if isinstance(value, dict) and "name" in value:
        return [as_str(value["name"])]
    return [as_str(value)]


def standfirst(data: dict[str, Any]) -> str:
    """The article's standfirst (dek) as its front matter gives it: a subtitle or standfirst
    key, else its description or summary, which themes show under the title. (Not "excerpt":
    generators fill it with the first paragraph.)"""
    return as_str(_first(data, "subtitle", "standfirst", "dek", "deck", "subheadline",
                         "description", "summary"))


def to_meta(data: dict[str, Any]) -> PageMeta:
    """Front matter keys (Jekyll/Hugo/sample spellings) → PageMeta."""
    meta = PageMeta()
    meta.title = as_str(_first(data, "title", "headline"))
    meta.description = as_str(_first(data, "description", "summary", "excerpt", "standfirst"))
    authors = _list(_first(data, "authors", "author", "byline", "creator"))
    meta.authors = [n for a in authors for n in split_authors(a)]
    # the same date rule as for pages: ISO 8601 or nothing (a wrong date is worse than none)
    meta.published = iso_date(as_str(_first(data, "date", "published", "datePublished", "pubDate",
                                          "published_at", "created")))
    meta.language = as_str(_first(data, "language", "lang", "locale", "inLanguage"))
    meta.url = as_str(_first(data, "canonical_url", "canonical", "url", "link", "isBasedOn",
                           "source_url"))
    meta.url = canonical_url(meta.url) if meta.url else ""
    meta.site_name = as_str(_first(data, "site_name", "site", "publisher", "publication"))
    meta.tags = _list(_first(data, "tags", "keywords", "categories"))
    cover = _first(data, "cover_image", "cover", "image", "og_image", "featured_image")
    if isinstance(cover, dict):
        src = as_str(cover.get("src") or cover.get("url"))
        alt = as_str(cover.get("alt"))
    else:
        src, alt = as_str(cover), as_str(_first(data, "cover_alt", "image_alt", "cover_image_alt"))
    meta.cover = Image(src, alt) if src else None
    meta.audio_url = as_str(_first(data, "audio", "audio_url", "narration"))
    return meta


def merge(primary: PageMeta, fallback: PageMeta) -> PageMeta:
    """Fields of ``primary`` win; empty ones are filled from ``fallback``."""
    out = PageMeta()
    for name in out.__dataclass_fields__:
        value = getattr(primary, name)
        setattr(out, name, value if value else getattr(fallback, name))
    return out


def extra_fields(data: dict[str, Any], used: set[str]) -> tuple[tuple[str, str], ...]:
    """Front matter keys the model has no field for, kept as strings in ``Article.extra``."""
    return tuple((str(k), as_str(v)) for k, v in data.items()
                 if k not in used and isinstance(v, (str, int, float, dt.date)))


USED_KEYS = {
    "title", "headline", "description", "summary", "excerpt", "standfirst", "authors", "author",
    "byline", "creator", "date", "published", "datePublished", "pubDate", "published_at",
    "created", "language", "lang", "locale", "inLanguage", "canonical_url", "canonical", "url",
    "link", "isBasedOn", "source_url", "site_name", "site", "publisher", "publication", "tags",
    "keywords", "categories", "cover_image", "cover", "image", "og_image", "featured_image",
    "cover_alt", "image_alt", "cover_image_alt", "audio", "audio_url", "narration", "subtitle",
    "dek", "deck", "subheadline",
    "kicker",
}
