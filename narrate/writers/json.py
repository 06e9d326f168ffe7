"""The model itself, as JSON: ``Article.from_json(write(a)) == a``."""

from __future__ import annotations

from narrate.model import Article
from narrate.writers.options import WriteOptions


def write(article: Article, options: WriteOptions) -> str:
    return article.to_json(indent=2) + "\n"
