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


# Containers of teasers and page furniture, by the words of their class or id (AEB + meta dev:
# related 9 sites, sidebar 4, promo 3, share 3, advert/social/teaser 2 each; the rest are the
# same furniture's usual names: recommend, sponsor, newsletter, comment).
FURNITURE_CLASS = re.compile(r"related|teaser|promo|recommend|sidebar|advert|sponsor|newsletter|"
                             r"share|social|comment", re.I)
