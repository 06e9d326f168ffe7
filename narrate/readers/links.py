"""The one rule for every URL that leaves the readers (links, image sources, metadata URLs).

Only ``http``, ``https`` and ``mailto`` leave; any other scheme (``javascript:``,
``vbscript:``, ``data:``, ``file:`` …) is dropped and the link becomes its text. A relative
reference is made absolute against the article's URL when there is one; an in-page
``#fragment`` is kept as it is (the writers decide what it means in their format).
"""

from __future__ import annotations

import re

from narrate.sources import resolve_url

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})

# Browsers ignore ASCII tab and newline anywhere in a URL and C0 controls or spaces at its
# edges ("java\tscript:" is javascript:), so the scheme is read after the same clean-up.
_IGNORED = re.compile(r"[\t\n\r]")
_EDGES = "".join(chr(c) for c in range(0x21))
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


def _scheme(url: str) -> str:
    m = _SCHEME.match(url)
    return m.group(1).lower() if m else ""


def safe_url(href: str | None, base: str | None = None, *,
             schemes: frozenset[str] = SAFE_SCHEMES) -> str:
    """``href`` made absolute against ``base`` if it is safe to publish, else ``""``."""
    url = _IGNORED.sub("", (href or "").strip(_EDGES))
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
    raw = _IGNORED.sub("", (src or "").strip(_EDGES))
    if raw[:11].lower() == "data:image/" and not raw[11:18].lower().startswith("svg"):
        return raw
    return safe_url(raw, base, schemes=frozenset({"http", "https"}))
