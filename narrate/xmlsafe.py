"""Text that XML and HTML can hold: the one cleaning step every XML/HTML writer applies.

Article text comes from anywhere and may carry characters XML 1.0 forbids even when escaped
(C0 controls other than tab, LF and CR; lone surrogates; U+FFFE and U+FFFF) or that HTML
parsers report as errors (DEL, C1 controls, noncharacters). One bad character makes an EPUB
package or a feed not well-formed, so writers clean before they escape. Standard library only:
writers and the podcast pages both import it without cycles.
"""

from __future__ import annotations

import dataclasses
import re
from html import escape
from typing import Any

# Removed: C0 controls except \t \n \r, DEL and C1 controls, the noncharacters of every plane.
_NONCHARS = "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(17))
STRIPPED_BUT_NUL = "\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef" + _NONCHARS
STRIPPED = "\x00" + STRIPPED_BUT_NUL
# Replaced by U+FFFD: lone surrogates (a surrogate pair cannot survive in a Python str anyway).
SURROGATES = "\ud800-\udfff"
_STRIP = re.compile(f"[{STRIPPED}]")
_SURROGATE = re.compile(f"[{SURROGATES}]")
_ANY = re.compile(f"[{STRIPPED}{SURROGATES}]")


def xml_clean(text: str) -> str:
    """``text`` without the characters XML 1.0 or HTML cannot hold (lone surrogates become U+FFFD)."""
    if not _ANY.search(text):
        return text
    return _SURROGATE.sub("\ufffd", _STRIP.sub("", text))


def xml_escape(text: str, quote: bool = True) -> str:
    """Clean, then escape for element text (and for quoted attributes when ``quote``)."""
    return escape(xml_clean(text), quote=quote)


def clean_strings(value: Any) -> Any:
    """``value`` (a model dataclass, tuple or str) with ``xml_clean`` applied to every string;
    unchanged parts are the same objects. Clean before escaping or fencing: removing a
    character afterwards can join what the escaping kept apart (two backtick runs, for one)."""
    if isinstance(value, str):
        return xml_clean(value)
    if isinstance(value, tuple):
        cleaned = tuple(clean_strings(v) for v in value)
        return value if all(a is b for a, b in zip(cleaned, value, strict=True)) else cleaned
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            old = getattr(value, f.name)
            new = clean_strings(old)
            if new is not old:
                changes[f.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value
