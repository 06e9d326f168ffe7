"""The one rule for every URL that leaves the readers (links, image sources, metadata URLs).

Only ``http``, ``https`` and ``mailto`` leave; any other scheme (``javascript:``,
``vbscript:``, ``data:``, ``file:`` …) is dropped and the link becomes its text. A relative
reference is made absolute against the article's URL when there is one; an in-page
``#fragment`` is kept as it is (the writers decide what it means in their format).
"""

from __future__ import annotations

from narrate.sources import resolve_url
from narrate.urls import SAFE_SCHEMES, WEB_SCHEMES, browser_form
from narrate.urls import scheme as _scheme


def safe_url(href: str | None, base: str | None = None, *,
             schemes: frozenset[str] = SAFE_SCHEMES) -> str:
    """``href`` made absolute against ``base`` if it is safe to publish, else ``""``."""
    url = browser_form(href)
    if not url:
        return ""
    if url.startswith("#"):
        return url
    scheme = _scheme(url)
    if scheme:
        return url if scheme in schemes else ""
    if base and _scheme(base) in ("http", "https"):
        url = resolve_url(base, url)  # urljoin, in the module that owns URL handling
        return url if _scheme(url) in schemes else ""
    return url  # relative, and nothing to resolve it against: harmless as it is


def safe_image_url(src: str | None, base: str | None = None) -> str:
    """An image source: http(s) or relative; inline ``data:image/…`` pictures too (not SVG,
    which can carry script), since they are the picture itself."""
    raw = browser_form(src)
    if raw[:11].lower() == "data:image/" and not raw[11:18].lower().startswith("svg"):
        return raw
    return safe_url(raw, base, schemes=WEB_SCHEMES)
