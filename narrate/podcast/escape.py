"""Escaping for XML and HTML built as strings (fast enough for 10,000-item feeds).

Article text is arbitrary: besides ``& < > " '`` it may hold control characters that XML 1.0
forbids even when escaped, and ``]]>`` which would end a CDATA section early.
"""

from __future__ import annotations

import re

# characters not allowed anywhere in an XML 1.0 document
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
# anything esc() has to change: most titles and URLs have none, and skip the work
_SPECIAL = re.compile("[&<>\"'\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def clean(text: str) -> str:
    """Drop characters XML 1.0 cannot carry."""
    return _INVALID.sub("", text) if _INVALID.search(text) else text


def esc(text: str) -> str:
    """Escape for element text and double- or single-quoted attributes."""
    if not _SPECIAL.search(text):
        return text
    return (clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


_INVALID_BUT_NUL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def esc_all(strings: list[str]) -> list[str]:
    """``[esc(s) for s in strings]`` done on one joined string: a few C-level passes instead
    of a regex search and five replaces per string (feeds escape ~100,000 strings)."""
    if not strings:
        return []
    joined = "\x00".join(strings)
    if joined.count("\x00") != len(strings) - 1:  # a NUL inside a string: the slow way
        return [esc(s) for s in strings]
    joined = _INVALID_BUT_NUL.sub("", joined)
    joined = (joined.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
              .replace('"', "&quot;").replace("'", "&#39;"))
    return joined.split("\x00")
