"""The article's images for an EPUB, fetched within a time and size budget.

Through the one fetcher (``narrate.sources.fetch``): at most ``PER_IMAGE`` seconds and
``MAX_IMAGE_BYTES`` each, ``TOTAL`` seconds for all of them, ``image/*`` responses only. The
type is taken from the bytes (a server's Content-Type is often wrong, and EPUBCheck compares
the two); only the EPUB core image types are kept. What cannot be had is reported, and the
book gives it as its alt text and caption.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from dataclasses import dataclass

from narrate.errors import NarrateError
from narrate.model import Article
from narrate.writers.epub import figures
from narrate.writers.links import LinkPolicy

PER_IMAGE = 5.0  # seconds
TOTAL = 20.0  # seconds for all images of one article
MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_IMAGES = 50


@dataclass(frozen=True, slots=True)
class Images:
    fetched: tuple[tuple[str, bytes, str], ...]  # (figure src, bytes, media type)
    missing: tuple[tuple[str, str], ...]  # (figure src, reason)


def sniff(data: bytes) -> str | None:
    """The image type the bytes are, among those every EPUB reader supports."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def fetch_images(article: Article, *, per_image: float = PER_IMAGE, total: float = TOTAL,
                 max_bytes: int = MAX_IMAGE_BYTES,
                 get: Callable[[str, float, int], bytes] | None = None) -> Images:
    """Every informative figure's image that can be had within the budget."""
    get = get or _get
    links = LinkPolicy(article)
    fetched: list[tuple[str, bytes, str]] = []
    missing: list[tuple[str, str]] = []
    seen: set[str] = set()
    end = time.monotonic() + total
    for fig in figures(article):
        if fig.src in seen or not (fig.alt.strip() or fig.caption.strip()):
            continue  # decorative images are not packaged (they say nothing)
        seen.add(fig.src)
        url = links.src(fig.src)
        left = end - time.monotonic()
        if not url:
            missing.append((fig.src, "not an http(s) address"))
        elif left <= 0.05 or len(fetched) >= MAX_IMAGES:
            missing.append((fig.src, "the time budget for images ran out"))
        else:
            try:
                data = get(url, min(per_image, left), max_bytes)
            except NarrateError as exc:
                missing.append((fig.src, str(exc)))
                continue
            kind = sniff(data)
            why = _unfit(data) if kind else "not a JPEG, PNG, GIF or WebP image"
            if why:
                missing.append((fig.src, why))
            else:
                fetched.append((fig.src, data, kind))
    return Images(tuple(fetched), tuple(missing))


def _unfit(data: bytes) -> str | None:
    """Why the image must not go into the book, judged from its header (nothing is decoded):
    a 631-byte JPEG can claim 4 gigapixels, which the e-reader opening the book would try to
    decode. The same bound as covers (``narrate.audio.cover.MAX_PIXELS``)."""
    import warnings

    from PIL import Image, UnidentifiedImageError

    from narrate.audio.cover import MAX_PIXELS

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                width, height = img.size
    except Image.DecompressionBombError:  # Pillow's own bound, far above ours
        return f"claims more than {MAX_PIXELS // 1_000_000} megapixels"
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return "not a readable image"
    if width * height > MAX_PIXELS:
        return f"claims {width} x {height} pixels, more than {MAX_PIXELS // 1_000_000} megapixels"
    return None


def _get(url: str, deadline: float, max_bytes: int) -> bytes:
    from narrate.sources import fetch

    got = fetch(url, accept=("image/",), max_bytes=max_bytes, deadline=deadline)
    return got.data or b""
