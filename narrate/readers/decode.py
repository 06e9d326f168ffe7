"""Bytes to text: the charset the transport named > a BOM > a <meta charset> > a guess.

A wrong or missing charset must not turn an article into mojibake or a traceback: a declared
charset that fails to decode falls through to the next clue, and the last resort is
charset-normalizer's guess, then UTF-8 with replacement characters.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from narrate.errors import ReadError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_SNIFF_BYTES = 8192


def bom_charset(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the head mean it is not a text document."""
    if bom_charset(data):
        return False
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > max(8, len(head) // 50)


def _try(data: bytes, charset: str | None) -> str | None:
    if not charset:
        return None
    try:
        codecs.lookup(charset)
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return None


def decode(data: bytes, charset: str | None = None, source: str = "") -> str:
    """Decode ``data``; ``charset`` is what the transport declared (if anything)."""
    if not data.strip():
        raise ReadError("empty document", source)
    if looks_binary(data):
        raise ReadError("binary data, not a text article", source)
    bom = bom_charset(data)
    text = _try(data, bom) or _try(data, charset)
    if text is None:
        meta = _META_CHARSET.search(data[:_SNIFF_BYTES])
        declared = meta.group(1).decode("ascii", "replace") if meta else None
        # Many pages declare iso-8859-1 but are really windows-1252 (as browsers assume).
        if declared and declared.lower() in ("iso-8859-1", "latin-1", "latin1", "us-ascii"):
            declared = "cp1252"
        text = _try(data, "utf-8") if declared is None else None
        text = text or _try(data, declared) or _try(data, "utf-8")
    if text is None:
        best = from_bytes(data[: 1 << 20]).best()
        text = _try(data, best.encoding) if best is not None else None
    if text is None:
        text = data.decode("utf-8", errors="replace")
    return text.lstrip("\ufeff")
