"""The extractor the article-extraction benchmark scores: ``narrate.parse_html(...).body_text()``.

Used by ``bench/extraction.py`` and directly by ``../shared/bench/evaluate.py --extractor``.
A page narrate refuses (no article found) scores as empty text, like an extractor returning "".
"""

from __future__ import annotations

import narrate
from narrate.errors import NarrateError
from narrate.readers.language import warm_up

# evaluate.py's untimed warm-up page may declare its language, so the detector's model would
# load inside a timed page; load it here instead, like any other lazy import.
warm_up()


def extract(html: str, url: str | None = None) -> str:
    try:
        return narrate.parse_html(html, url=url).body_text()
    except NarrateError:
        return ""
