"""Article metadata from every source a page offers, chosen per field, best source first.

Sources, most explicit first: schema.org JSON-LD (the article object, ``readers/jsonld.py``),
Dublin Core, Open Graph and ``article:*`` meta, other ``<meta>`` names (``author``,
``parsely-*``, ``date``), microdata, ``rel=author`` links, ``<time datetime>`` and byline
elements (``readers/byline_markup.py``), and last trafilatura's own reading of the same tree
(``examine_meta`` + its JSON-LD pass, and htmldate for dates), one more voter for what the
markup left empty, computed only when asked. Priorities per field:

- title: a candidate (JSON-LD headline/name, DC, og, twitter, meta title, parsely, <title>)
  equal to one of the page's ``<h1>`` (the headline readers see); else one that equals an h1
  once the site's or an author's name is taken off ("Headline | Site"); else the best-ranked
  candidate with those names taken off (a bare ``<title>`` also loses a last " – Site" part);
- authors: JSON-LD ``author`` > meta (all values of the best key) > microdata > rel=author >
  the first byline element > trafilatura; every value cleaned by ``readers/bylines.py``;
- date: JSON-LD ``datePublished`` > publication meta (DATE_KEYS order) > JSON-LD
  ``dateCreated`` > ``<time>`` > an element classed as the date > htmldate (article pages
  only), as ISO 8601;
- site name: JSON-LD publisher > og:site_name > JSON-LD WebSite > DC publisher;
- language: ``<html lang>`` > content-language / DC > JSON-LD ``inLanguage`` > og:locale.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from narrate.model import Image
from narrate.readers import byline_markup, jsonld
from narrate.readers.bylines import fuller, split_authors
from narrate.readers.dates import date_in, iso_date
from narrate.sources import canonical_url, resolve_url

__all__ = ["PageMeta", "page_meta", "split_authors"]

_WS = re.compile(r"\s+")
# meta keys per field, best first (keys lower-cased; "dc." and "dcterms." spellings unified)
TITLE_KEYS = ("dc:title", "dcterms:title", "og:title", "twitter:title", "title", "parsely-title")
AUTHOR_KEYS = ("dc:creator", "dcterms:creator", "author", "parsely-author", "article:author",
               "og:article:author", "sailthru.author", "byl", "citation_author")
DATE_KEYS = ("article:published_time", "og:article:published_time", "article:published",
             "parsely-pub-date", "dc:date:issued", "dcterms:issued", "dc:date", "dcterms:date",
             "dcterms:created", "datepublished", "date", "pubdate", "publishdate",
             "publish-date", "publication_date", "citation_publication_date",
             "og:published_time", "release_date")
SITE_KEYS = ("og:site_name", "dc:publisher", "dcterms:publisher")
LANG_KEYS = ("content-language", "dc:language", "dcterms:language", "inlanguage", "language")
VISIBLE = 4  # index of the visible byline source in _authors
MAX_VISIBLE_NAMES = 4
_SEPARATORS = ("|", "-", "–", "—", "::", "·", "•", "»", ":", "/")


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
    """One line of text; entities a CMS escaped twice ("Tom &amp;amp; Jerry") read once."""
    return _WS.sub(" ", html.unescape(str(text))).strip() if text else ""


def _key(raw: str) -> str:
    """ "DC.Title", "dcterms.title", "DC:title" → one spelling."""
    key = raw.strip().lower()
    return re.sub(r"^(dc|dcterms)\.", r"\1:", key).replace("dc:date.issued", "dc:date:issued")


def _metas(tree: etree._Element) -> dict[str, list[str]]:
    """Every ``<meta>`` value by key, in page order; an RDFa property may list several keys."""
    found: dict[str, list[str]] = {}
    for m in tree.iter("meta"):
        value = _clean(m.get("content"))
        if not value:
            continue
        names = " ".join(m.get(a) or "" for a in ("property", "name", "itemprop", "http-equiv"))
        for key in dict.fromkeys(_key(k) for k in names.split()):
            found.setdefault(key, []).append(value)
    return found


def _first(metas: dict[str, list[str]], keys: tuple[str, ...]) -> str:
    return next((metas[k][0] for k in keys if metas.get(k)), "")


class _Trafilatura:
    """trafilatura's metadata reading on the same parsed tree, computed only when asked."""

    def __init__(self, tree: etree._Element, url: str | None) -> None:
        self.tree, self.url = tree, url
        self._meta: Any = None

    def meta(self) -> Any:
        if self._meta is None:
            from trafilatura.metadata import examine_meta, extract_meta_json

            try:
                self._meta = extract_meta_json(self.tree, examine_meta(self.tree))
            except (ValueError, TypeError, AttributeError, KeyError, RecursionError):
                from trafilatura.settings import Document

                self._meta = Document()
        return self._meta

    def author(self) -> str:
        """Its reading of meta and JSON-LD (its search of the body deep-copies the whole tree,
        and ``byline_markup`` already covers the body's byline elements)."""
        return self.meta().author or ""

    def date(self) -> str:
        from htmldate import find_date

        try:
            return find_date(self.tree, url=self.url, original_date=True, extensive_search=False,
                             outputformat="%Y-%m-%d") or ""
        except (ValueError, TypeError, RecursionError):
            return ""


def page_meta(tree: etree._Element, url: str | None) -> PageMeta:
    """Everything the page says about itself, outside the article body."""
    metas = _metas(tree)
    objs = jsonld.objects(tree)
    ld = jsonld.article(objs)
    traf = _Trafilatura(tree, url)
    out = PageMeta()
    out.site_name = _site_name(metas, ld, objs)
    out.authors = _authors(tree, metas, ld, out.site_name, traf)
    out.title = _title(tree, metas, ld, out.site_name, out.authors)
    out.description = _clean(_first(metas, ("description", "og:description", "dc:description"))
                             or jsonld.text(ld.get("description"))
                             or _first(metas, ("twitter:description",)))
    out.published = _published(tree, metas, ld, traf)
    out.language = _language(tree, metas, ld)
    canonical = next((link.get("href") for link in tree.iter("link")
                      if "canonical" in (link.get("rel") or "").lower() and link.get("href")), None)
    out.url = canonical_url(_abs(url, canonical or _first(metas, ("og:url",)) or url or ""))
    out.tags = _tags(metas, ld)
    image = _first(metas, ("og:image", "twitter:image", "og:image:url"))
    if image:
        out.cover = Image(_abs(out.url or url, image),
                          _first(metas, ("og:image:alt", "twitter:image:alt")))
    audio = _first(metas, ("og:audio", "og:audio:url"))
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


# ------------------------------------------------------------------ site name

def _site_name(metas: dict[str, list[str]], ld: dict[str, Any], objs: list[dict[str, Any]]) -> str:
    """The article's publisher (JSON-LD), then ``og:site_name``, the site's own JSON-LD, DC."""
    publisher = next(iter(jsonld.names(ld.get("publisher"))), "")
    for value in (publisher, _first(metas, SITE_KEYS[:1]), jsonld.site_name(objs),
                  _first(metas, SITE_KEYS[1:])):
        value = _clean(value).lstrip("@")  # a Twitter handle given as the site's name
        if value and "://" not in value:
            return value
    return ""


# ------------------------------------------------------------------ authors

def _authors(tree: etree._Element, metas: dict[str, list[str]], ld: dict[str, Any], site: str,
             traf: _Trafilatura) -> list[str]:
    """The first source that yields real names: JSON-LD, meta (all values of the best key),
    microdata, rel=author, visible byline elements, trafilatura."""
    sources = [
        lambda: jsonld.names(ld.get("author")) or jsonld.names(ld.get("creator")),
        lambda: next((metas[k] for k in AUTHOR_KEYS if metas.get(k)), []),
        lambda: byline_markup.itemprop_authors(tree),
        lambda: byline_markup.rel_authors(tree),
        lambda: byline_markup.visible_bylines(tree),
        lambda: [traf.author()],
    ]
    ld_people = jsonld.persons(ld.get("author"))
    refused: set[str] = set()  # values a source gave that are no name (a login, a placeholder)
    for k, source in enumerate(sources):
        names: list[str] = []
        # a person may share the site's name (a personal blog); an organisation may not
        not_site = "" if (k == 0 and ld_people) else site
        for raw in source():
            if k == len(sources) - 1 and raw.lower() in refused:
                break  # trafilatura reading the same markup does not overrule the rules here
            found = split_authors(raw, not_site, visible=k >= VISIBLE - 2)
            if not found:
                refused.add(" ".join(raw.split()).lower())
            if k == VISIBLE and names:
                break  # the first byline element is the article's; later ones are teasers'
            if k == VISIBLE and len(found) > MAX_VISIBLE_NAMES:
                continue  # a menu or a list of links, not a byline
            names.extend(n for n in found if n not in names)
        if names:
            return fuller(names, _shown_byline(tree, site)) if k < VISIBLE else names
    return []


def _shown_byline(tree: etree._Element, site: str) -> list[str]:
    """The names of the page's first visible byline element (a menu of names is none)."""
    for raw in byline_markup.visible_bylines(tree):
        found = split_authors(raw, site, visible=True)
        if found:
            return found if len(found) <= MAX_VISIBLE_NAMES else []
    return []


# ------------------------------------------------------------------ title

def _title(tree: etree._Element, metas: dict[str, list[str]], ld: dict[str, Any], site: str,
           authors: list[str]) -> str:
    cands = [jsonld.text(ld.get("headline")), jsonld.text(ld.get("name"))]
    cands += [_first(metas, (k,)) for k in TITLE_KEYS]
    head = _clean(_head_title(tree))
    cands.append(head)
    # a title that is only the site's name (a homepage's og:title) names no article
    cands = [c for c in dict.fromkeys(_clean(c) for c in cands) if c and not _same(c, site)]
    h1s = [t for t in (_clean(" ".join(h.itertext())) for h in _h1s(tree)) if t]
    for cand in cands:
        for h1 in h1s:
            if _same(cand, h1):
                return h1
    names = [n for n in (site, *authors) if n]
    for cand in cands:
        bare = strip_names(cand, names)
        for h1 in h1s:
            if bare != cand and _same(bare, h1):
                return h1
    if cands:
        best = strip_names(cands[0], names)
        return _drop_last_part(best) if best == head else best
    return h1s[0] if h1s else ""


_LAST_PART = re.compile(r"^(.*\S)\s+[|–—»-]\s+[^|–—»]+$")
MIN_TITLE_WORDS = 5


def _drop_last_part(title: str) -> str:
    """A document ``<title>`` ends in the site's name more often than not: "Headline – Site".
    Its last part goes when what is left still reads as a headline (5 words or more), which
    keeps "Python - The Good Parts" whole; og:title and JSON-LD headlines are taken as given."""
    m = _LAST_PART.match(title)
    if m and len(m.group(1).split()) >= MIN_TITLE_WORDS:
        return m.group(1)
    return title


def _h1s(tree: etree._Element) -> list[etree._Element]:
    return [h for h in tree.iter("h1")][:10]


def _head_title(tree: etree._Element) -> str:
    """The document's ``<title>`` (not an SVG icon's ``<title>`` in the body)."""
    for el in tree.iter("title"):
        if not any(a.tag == "svg" or a.tag == "body" for a in el.iterancestors()):
            return el.text_content()
    return ""


def strip_names(title: str, names: list[str]) -> str:
    """ "Headline | Site", "Headline - by Author - Site", "Site: Headline" → "Headline"."""
    seps = "|".join(re.escape(sep) for sep in _SEPARATORS)
    for name in names:
        n = re.escape(name)
        for pattern in (rf"\s+(?:{seps})\s*(?:by\s+)?{n}\s*$", rf"^\s*{n}\s*(?:{seps})\s+"):
            bare = re.sub(pattern, "", title, flags=re.I)
            if bare != title and bare.strip():
                return strip_names(bare.strip(), names)
    return title


def _same(a: str, b: str) -> bool:
    norm = re.compile(r"\W+")
    return bool(a) and norm.sub("", a).lower() == norm.sub("", b).lower()


# ------------------------------------------------------------------ date

def _published(tree: etree._Element, metas: dict[str, list[str]], ld: dict[str, Any],
               traf: _Trafilatura) -> str:
    """JSON-LD ``datePublished``, publication meta, ``<time>``, then htmldate; as ISO 8601."""
    sources = [
        lambda: jsonld.text(ld.get("datePublished")),
        *[(lambda k=k: _first(metas, (k,))) for k in DATE_KEYS],
        lambda: jsonld.text(ld.get("dateCreated")),
        lambda: byline_markup.time_published(tree),
        lambda: next((d for d in map(date_in, byline_markup.dated_elements(tree)) if d), ""),
        # htmldate guesses from URLs and page text: asked only of a page that says it is an
        # article (a wiki or docs page would get a date from its prose)
        lambda: traf.date() if _is_article(tree, metas, ld) else "",
    ]
    for source in sources:
        value = iso_date(source())
        if value:
            return value
    return ""


def _is_article(tree: etree._Element, metas: dict[str, list[str]], ld: dict[str, Any]) -> bool:
    kind = _first(metas, ("og:type",)).lower()
    return bool(ld) or kind == "article" or next(tree.iter("article"), None) is not None


# ------------------------------------------------------------------ language, tags

def _language(tree: etree._Element, metas: dict[str, list[str]], ld: dict[str, Any]) -> str:
    html = tree if tree.tag == "html" else tree.getroottree().getroot()
    return _clean(html.get("lang") or html.get("{http://www.w3.org/XML/1998/namespace}lang")
                  or _first(metas, LANG_KEYS) or jsonld.text(ld.get("inLanguage"))
                  or _first(metas, ("og:locale",)).replace("_", "-"))


def _tags(metas: dict[str, list[str]], ld: dict[str, Any]) -> list[str]:
    tags = list(metas.get("article:tag", []))
    if not tags and metas.get("keywords"):
        tags = metas["keywords"][0].split(",")
    if not tags and ld.get("keywords"):
        kw = ld["keywords"]
        tags = kw.split(",") if isinstance(kw, str) else [str(k) for k in kw if k]
    return list(dict.fromkeys(_clean(t) for t in tags if _clean(t)))[:30]


def _abs(base: str | None, href: str) -> str:
    return resolve_url(base, href)

