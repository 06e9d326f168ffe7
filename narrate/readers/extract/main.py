"""Find the article in a whole page and drop the rest (menus, teasers, share bars, footers).

Decision: we build on trafilatura (its precision mode) for locating the main content instead
of re-implementing its DOM heuristics ("don't hand-write what a good library already does"),
and ask it for its structured XML (headings, lists, quotes, tables, images, emphasis, links)
so the model's blocks come from structure, not from flattened text. narrate adds what
trafilatura lacks for narration: the article's edges (kicker, byline, bio, promo trailer; see
``lead.py``), figure captions kept apart from alt text, and a JSON-LD ``articleBody`` check.
"""

from __future__ import annotations

import logging

import trafilatura
from lxml import etree

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def main_content(tree: etree._Element, url: str | None) -> etree._Element | None:
    """The article's body as trafilatura XML, or None when the page holds no article."""
    try:
        doc = trafilatura.bare_extraction(
            tree,
            url=url,
            favor_precision=True,
            include_comments=False,
            include_tables=True,
            include_images=True,
            include_formatting=True,
            include_links=True,
            with_metadata=False,
            deduplicate=False,
        )
    except (ValueError, TypeError, RecursionError):
        return None
    if doc is None or getattr(doc, "body", None) is None:
        return None
    return doc.body
