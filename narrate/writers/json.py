"""The model itself, as JSON: ``Article.from_json(write(a)) == a``."""

from __future__ import annotations

import re

from narrate.model import Article
from narrate.writers.options import WriteOptions

_SURROGATE = re.compile("[\ud800-\udfff]")


def write(article: Article, options: WriteOptions) -> str:
    """The model; a lone surrogate (not encodable as UTF-8) is written as its JSON escape,
    so the file is valid UTF-8 and still reads back into the same model."""
    text = article.to_json(indent=2) + "\n"
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
