"""narrate: articles into narrated podcast episodes and accessible text.

Python API: ``read(source)`` (path, URL or "-") and ``parse_html(html, url=None)`` return the one
``Article`` model; ``Article.body_text()`` is the body's prose.
"""

from __future__ import annotations

import os

# numpy (the peak check, language identification) does no linear algebra here, but its
# OpenBLAS starts a busy thread per core when imported: measured ~0.3 s of CPU per process
# on 2 cores, about 7 % of a 1,000-word episode, and a core taken from a batch's other worker.
# A user's own setting wins.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from narrate.model import Article  # noqa: E402

__all__ = ["Article", "read", "parse_html", "__version__"]
__version__ = "0.1.0"


def read(source: str) -> Article:
    """Read an article from a file path, an http(s) URL, or "-" for stdin."""
    from narrate.readers import read_source
    from narrate.sources import load

    return read_source(load(source))


def parse_html(html: str | bytes, url: str | None = None) -> Article:
    """Extract the article from one HTML page (the extractor the benchmark scores)."""
    from narrate.readers import parse_html as _parse_html

    return _parse_html(html, url)
