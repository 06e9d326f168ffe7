"""Schema.org JSON-LD: the article object a page describes itself with, and the names in it.

Pages put JSON-LD in ``<script type="application/ld+json">``, sometimes wrapped in a CDATA
section or an HTML comment, as one object, a list, or an ``@graph``; authors and publishers are
strings, objects with a ``name`` (or ``givenName``/``familyName``), or lists of either.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from lxml import etree

_WRAPPER = re.compile(r"^\s*(?://\s*)?(?:<!\[CDATA\[|<!--)|(?://\s*)?(?:\]\]>|-->)\s*$")
# Article kinds, best first: news and blog types, then any *Article/*Posting, then reports.
_ARTICLE = re.compile(r"(?:Article|Posting|Report)$")
_PAGE = re.compile(r"WebPage$")
MAX_OBJECTS = 200


def objects(tree: etree._Element) -> list[dict[str, Any]]:
    """Every JSON-LD object of the page, nested lists and ``@graph`` flattened, in page order."""
    out: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if len(out) >= MAX_OBJECTS:
            break
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(_WRAPPER.sub("", script.text))
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack and len(out) < MAX_OBJECTS:
            item = stack.pop(0)
            if isinstance(item, list):
                stack[:0] = item
            elif isinstance(item, dict):
                out.append(item)
                if isinstance(item.get("@graph"), list):
                    stack[:0] = item["@graph"]
    return out


def types(obj: dict[str, Any]) -> list[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return [str(k).rsplit("/", 1)[-1] for k in kinds if k]


def article(objs: list[dict[str, Any]]) -> dict[str, Any]:
    """The object describing the article: an Article/Posting type first, else a WebPage;
    its author and publisher references resolved."""
    for pattern in (_ARTICLE, _PAGE):
        for obj in objs:
            if any(pattern.search(t) for t in types(obj)) and (
                    obj.get("headline") or obj.get("name") or obj.get("articleBody")):
                return {**obj, **{k: resolve(obj[k], objs) for k in ("author", "publisher")
                                  if k in obj}}
    return {}


def resolve(value: Any, objs: list[dict[str, Any]]) -> Any:
    """Replace ``{"@id": …}`` references (WordPress/Yoast graphs name their author and
    publisher once, by id) with the objects they point to; lists element-wise."""
    if isinstance(value, list):
        return [resolve(v, objs) for v in value[:20]]
    if isinstance(value, dict) and "@id" in value and not value.get("name"):
        ref = value["@id"]
        return next((o for o in objs if o.get("@id") == ref and o is not value), value)
    return value


def names(value: Any, depth: int = 0) -> list[str]:
    """Names in a ``author``/``publisher`` value: strings, ``{name}`` objects, lists of either."""
    if isinstance(value, str):
        return [html.unescape(value).strip()] if value.strip() else []
    if depth > 3:
        return []
    if isinstance(value, dict):
        name = value.get("name")
        if not name and (value.get("givenName") or value.get("familyName")):
            name = f"{value.get('givenName') or ''} {value.get('familyName') or ''}"
        return names(name, depth + 1) if isinstance(name, (str, list)) else []
    if isinstance(value, list):
        return [n for v in value[:20] for n in names(v, depth + 1)]
    return []


def persons(value: Any) -> bool:
    """Whether an ``author`` value names people (``@type: Person``), not an organisation."""
    items = value if isinstance(value, list) else [value]
    return bool(items) and all(isinstance(v, dict) and "Person" in types(v) for v in items)


def text(value: Any) -> str:
    """A plain string field (``headline``, ``datePublished``), or "" for anything else; JSON-LD
    strings often carry HTML entities ("Tom &amp; Jerry"), read here as the characters."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), "")
    return " ".join(html.unescape(value).split()) if isinstance(value, str) else ""


def site_name(objs: list[dict[str, Any]]) -> str:
    """The name a page gives its whole site (a ``WebSite`` object), when there is one."""
    for obj in objs:
        if "WebSite" in types(obj):
            name = text(obj.get("name"))
            if name:
                return name
    return ""
