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
# The one rule that joins names is bylines.split_authors.

