"""The one rule for which URLs narrate lets out: only ``http``, ``https`` and ``mailto``.

Readers apply it to what they take from a page, writers to what they put in an export, and the
index page to what a catalog holds, so a ``javascript:`` or ``vbscript:`` link is refused the
same way everywhere. Standard library only, importable from every layer.
"""

from __future__ import annotations

import re

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
WEB_SCHEMES = frozenset({"http", "https"})

# Browsers ignore ASCII tab and newline anywhere in a URL and C0 controls or spaces at its
# edges ("java\tscript:" is javascript:), so the scheme is read after the same clean-up.
_IGNORED = re.compile(r"[\t\n\r]")
_EDGES = "".join(chr(c) for c in range(0x21))
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


def browser_form(url: str | None) -> str:
    """``url`` as a browser reads it: edge controls and spaces gone, tabs and newlines removed."""
    return _IGNORED.sub("", (url or "").strip(_EDGES))


def scheme(url: str | None) -> str:
    """The scheme a browser would see, lower-cased; "" for a relative reference."""
    m = _SCHEME.match(browser_form(url))
    return m.group(1).lower() if m else ""


def is_web(url: str | None) -> bool:
    """An absolute http(s) address."""
    return scheme(url) in WEB_SCHEMES
