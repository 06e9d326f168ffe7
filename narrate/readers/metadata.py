"""Article metadata from a parsed HTML page: meta tags, Open Graph, JSON-LD, <html lang>.

Order of trust per field: explicit article markup (JSON-LD ``NewsArticle``, ``article:*``
meta) before generic page markup (``<title>``, first ``<h1>``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from narrate.model import Image
from narrate.readers.patterns import split_authors
from narrate.sources import canonical_url, resolve_url

_WS = re.compile(r"\s+")
_ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Report|NewsArticle|Posting|WebPage", re.I)


@dataclass
class PageMeta:
    title: str = ""
    description: str = ""
    authors: list[str] = field(default_factory=list)
    published: str = ""
    language: str = ""
    url: str = ""
    site_name: str = ""
    tags: list[str] = field(default_factory=list)
    cover: Image | None = None
    audio_url: str = ""
    article_body: str = ""  # JSON-LD articleBody, used as an extraction signal


def _clean(text: Any) -> str:
    return _WS.sub(" ", str(text)).strip() if text else ""


def _metas(tree: etree._Element) -> dict[str, str]:
    found: dict[str, str] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or m.get("http-equiv") or "")
        key = key.strip().lower()
        value = m.get("content")
        if key and value and key not in found:
            found[key] = value.strip()
        if key == "article:tag" and value:
            found.setdefault("_tags", "")
            found["_tags"] += "\x1f" + value.strip()
        if key in ("author", "article:author", "dc.creator", "parsely-author") and value:
            found.setdefault("_authors", "")
            found["_authors"] += "\x1f" + value.strip()
    return found


def _jsonld(tree: etree._Element) -> list[dict[str, Any]]:
    objs: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack and len(objs) < 50:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.append(item["@graph"])
                objs.append(item)
    return objs


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _article_ld(objs: list[dict[str, Any]]) -> dict[str, Any]:
    best: dict[str, Any] = {}
    for obj in objs:
        kind = obj.get("@type")
        kinds = " ".join(kind) if isinstance(kind, list) else str(kind or "")
        if _ARTICLE_TYPES.search(kinds) and ("headline" in obj or "articleBody" in obj):
            if "articleBody" in obj or not best:
                best = obj
    return best


_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ")


def _strip_site(title: str, site: str, h1: str) -> str:
    """ "Headline | Site" → "Headline" (when the site's name or the page's <h1> says so)."""
    if h1 and title != h1 and title.startswith(h1) and title[len(h1):].startswith(_SEPARATORS):
        return h1
    for sep in _SEPARATORS:
        if site and title.endswith(sep + site):
            return title[: -len(sep + site)].strip()
        if site and title.startswith(site + sep):
            return title[len(site + sep):].strip()
    return title


def page_meta(tree: etree._Element, url: str | None) -> PageMeta:  # noqa: C901
    """Everything the page says about itself, outside the article body."""
    meta = _metas(tree)
    ld = _article_ld(_jsonld(tree))
    out = PageMeta()
    title_el = next(iter(tree.iter("title")), None)
    h1 = next(iter(tree.iter("h1")), None)
    out.title = _clean(
        meta.get("og:title") or ld.get("headline") or meta.get("twitter:title")
        or (" ".join(h1.itertext()) if h1 is not None else "")
        or (title_el.text_content() if title_el is not None else "")
    )
    out.title = _strip_site(out.title, _clean(meta.get("og:site_name")),
                            _clean(" ".join(h1.itertext())) if h1 is not None else "")
    out.description = _clean(meta.get("description") or meta.get("og:description")
                             or ld.get("description") or meta.get("twitter:description"))
    authors = _names(ld.get("author")) or [
        a for a in meta.get("_authors", "").split("\x1f") if a and "://" not in a
    ]
    seen: list[str] = []
    for a in authors:
        for name in split_authors(_clean(a)):
            if name not in seen:
                seen.append(name)
    out.authors = seen
    out.published = _clean(
        meta.get("article:published_time") or ld.get("datePublished")
        or meta.get("date") or meta.get("pubdate") or meta.get("dc.date")
        or meta.get("og:published_time") or meta.get("datepublished") or ""
    )
    if not out.published:
        t = next((t for t in tree.iter("time") if t.get("datetime")), None)
        out.published = _clean(t.get("datetime")) if t is not None else ""
    html = tree if tree.tag == "html" else tree.getroottree().getroot()
    out.language = _clean(html.get("lang") or html.get("{http://www.w3.org/XML/1998/namespace}lang")
                          or meta.get("content-language") or ld.get("inLanguage")
                          or meta.get("og:locale", "").replace("_", "-"))
    canonical = next((link.get("href") for link in tree.iter("link")
                      if "canonical" in (link.get("rel") or "").lower() and link.get("href")), None)
    out.url = canonical_url(_abs(url, canonical or meta.get("og:url") or url or ""))
    publisher = ld.get("publisher")
    out.site_name = _clean(meta.get("og:site_name") or (_names(publisher) or [""])[0])
    tags = [t for t in meta.get("_tags", "").split("\x1f") if t]
    if not tags and meta.get("keywords"):
        tags = [t for t in meta["keywords"].split(",")]
    if not tags and ld.get("keywords"):
        kw = ld["keywords"]
        tags = kw.split(",") if isinstance(kw, str) else [str(k) for k in kw if k]
    out.tags = list(dict.fromkeys(_clean(t) for t in tags if _clean(t)))[:30]
    image = meta.get("og:image") or meta.get("twitter:image") or meta.get("og:image:url")
    if image:
        out.cover = Image(_abs(out.url or url, image), _clean(meta.get("og:image:alt")
                                                   or meta.get("twitter:image:alt")))
    audio = meta.get("og:audio") or meta.get("og:audio:url")
    if not audio:
        for el in tree.iter("audio"):
            src = el.get("src") or next((s.get("src") for s in el.iter("source") if s.get("src")), "")
            if src:
                audio = src
                break
    out.audio_url = _abs(url, audio) if audio else ""
    body = ld.get("articleBody")
    out.article_body = body if isinstance(body, str) else ""
    return out


def _abs(base: str | None, href: str) -> str:
    return resolve_url(base, href)
