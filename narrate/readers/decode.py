"""Bytes to text: the charset the transport named > a BOM > a <meta charset> > a guess.

A wrong or missing charset must not turn an article into mojibake or a traceback: a declared
charset that fails to decode falls through to the next clue, and the last resort is
charset-normalizer's guess, then UTF-8 with replacement characters.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from narrate.errors import EmptyDocument, ReadError

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


def _guess(data: bytes) -> str | None:
    """charset-normalizer's guess; among equally good single-byte guesses, prefer
    windows-1252 (what browsers assume for undeclared Western pages)."""
    results = list(from_bytes(data))
    if not results:
        return None
    best = results[0]
    for match in results[:6]:
        if (match.encoding in ("cp1252", "latin_1", "iso8859_15")
                and match.chaos <= best.chaos + 0.01 and match.coherence >= best.coherence - 0.05):
            return "cp1252"
    return best.encoding


_MULTIBYTE = ("utf", "shift", "euc", "gb", "big5", "iso2022", "cp93", "cp94", "cp95", "hz",
              "johab", "ms9", "ms1361")
_LATIN1_ALIASES = ("iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii")


def _normalise(name: str | None) -> str | None:
    """A declared charset as Python knows it; None when unknown. Latin-1 means windows-1252
    (as browsers read it), since real pages that say iso-8859-1 use its extra characters."""
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    if name in _LATIN1_ALIASES:
        return "cp1252"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, charset: str | None = None, source: str = "") -> str:
    """Decode ``data``: a BOM, then the transport's ``charset``, then ``<meta charset>``, then
    a guess. Text that is valid UTF-8 beyond ASCII is read as UTF-8 even when a single-byte
    charset is declared: such byte sequences do not happen by accident in legacy encodings."""
    if not data.strip():
        raise EmptyDocument("empty document", source)
    if looks_binary(data):
        raise ReadError("binary data, not a text article", source)
    bom = bom_charset(data)
    if bom:
        text = _try(data, bom)
        if text is not None:
            return text.lstrip("\ufeff")
    if data.isascii():
        return data.decode("ascii")
    utf8 = _try(data, "utf-8")
    meta = _META_CHARSET.search(data[:_SNIFF_BYTES])
    for declared in (_normalise(charset),
                     _normalise(meta.group(1).decode("ascii", "replace") if meta else None)):
        if not declared:
            continue
        if utf8 is not None and not declared.startswith(_MULTIBYTE):
            return utf8
        text = _try(data, declared)
        if text is not None:
            return text
    if utf8 is not None:
        return utf8
    text = _try(data, _guess(data[: 1 << 20]))
    if text is None:
        text = data.decode("utf-8", errors="replace")
    return text
