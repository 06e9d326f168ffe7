"""Writers: pure functions of the model, one module per format (pandoc's Writers).

Each module exposes ``write(article, options) -> str | bytes`` and never touches the filesystem;
the caller writes the result atomically. ``WRITERS`` maps a format name to its spec, and is the
one list of formats: the CLI's ``--format`` choices, the batch's per-episode copies, the index
page's links and the server's content types all read it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from narrate.model import Article
from narrate.writers import epub, html, json, markdown, text
from narrate.writers.options import WriteOptions


@dataclass(frozen=True, slots=True)
class WriterSpec:
    name: str
    write: Callable[[Article, WriteOptions], str | bytes]
    extension: str
    media_type: str
    # the index page's link text for an episode's copy in this format; "" = the batch makes none
    label: str = ""


WRITERS: dict[str, WriterSpec] = {
    "text": WriterSpec("text", text.write, "txt", "text/plain; charset=utf-8",
                       "Read as plain text"),
    "markdown": WriterSpec("markdown", markdown.write, "md", "text/markdown; charset=utf-8",
                           "Read as Markdown"),
    "html": WriterSpec("html", html.write, "html", "text/html; charset=utf-8",
                       "Read along (web page)"),
    "json": WriterSpec("json", json.write, "json", "application/json"),
    "epub": WriterSpec("epub", epub.write, "epub", "application/epub+zip",
                       "Read as e-book (EPUB 3)"),
}


def write(article: Article, fmt: str, options: WriteOptions | None = None) -> str | bytes:
    """Render ``article`` in ``fmt`` (a key of ``WRITERS``)."""
    try:
        spec = WRITERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(WRITERS)}") from None
    return spec.write(article, options or WriteOptions())


__all__ = ["WRITERS", "WriteOptions", "WriterSpec", "write"]
