"""Text and class-name patterns more than one reader module needs: defined once, here.

Pull quotes are marked by class names (WordPress ``pullquote``, ``pull-quote``,
``blockquote--pull``, ``pull_quote``); a byline opens with "By" in one of several languages
and joins names with commas, "and" or "&".
"""

from __future__ import annotations

import re

PULL_QUOTE_CLASS = re.compile(r"pull-?quote|pullquote|blockquote--pull|pull_quote", re.I)

BYLINE_WORDS = ("by", "von", "par", "por", "di", "door", "av", "от", "автор")
BYLINE = re.compile(rf"^\s*(?:{'|'.join(BYLINE_WORDS)})\s+\S", re.I)
_BYLINE_PREFIX = re.compile(rf"^\s*(?:{'|'.join(BYLINE_WORDS)})\s+", re.I)
_NAME_JOINS = re.compile(r"\s*(?:,|;|\band\b|\bund\b|\bet\b|\by\b|&|\|)\s*")
_WS = re.compile(r"\s+")


def split_authors(text: str) -> list[str]:
    """ "By Ann Lee and Bo Park" → ["Ann Lee", "Bo Park"] (the one byline-joining rule)."""
    text = _BYLINE_PREFIX.sub("", text)
    parts = (_WS.sub(" ", p).strip() for p in _NAME_JOINS.split(text))
    return [p for p in parts if p and len(p) < 80]
