"""The model itself, as JSON: ``Article.from_json(write(a)) == a``."""

from __future__ import annotations

import re

from narrate.model import Article
from narrate.writers.options import WriteOptions

_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def write(article: Article, options: WriteOptions) -> str:
    """Lone surrogates (a file name in a foreign encoding, say) are written as ``\\udXXX``
    escapes: valid UTF-8 JSON that still reads back into the same model."""
    text = article.to_json(indent=2) + "\n"
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
