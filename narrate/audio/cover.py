"""The episode's cover art for ID3 APIC: the article's cover image when it can be had quickly,
else a generated square cover with the title. Always a square JPEG under 1 MiB.
"""

from __future__ import annotations

import hashlib
import io
import textwrap
import warnings
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont, UnidentifiedImageError

from narrate.errors import SourceError
from narrate.model import Article
from narrate.sources import UNTYPED, fetch

SIZE = 1400
MAX_BYTES = 10 * 1024 * 1024
DEADLINE = 3.0  # seconds for the whole download: a slow cover must not hold up the narration
# Checked before decoding (the size is in the header): a 160 KB PNG can claim 165 megapixels and
# decode to 1.4 GB. 40 MP is more than any camera photo a page links as its cover.
MAX_PIXELS = 40_000_000


@dataclass(frozen=True, slots=True)
class Cover:
    data: bytes
    mime: str
    generated: bool


def fetch_bytes(src: str, *, max_bytes: int = MAX_BYTES, deadline: float = DEADLINE) -> bytes | None:
    """The image bytes at the http(s) URL ``src``, or None when they cannot be had.

    Only http(s) (the fetcher refuses the rest): an article's markup must not make narrate read
    local files. A cover is optional, so a failure means "draw one", not an error.
    """
    try:
        data = fetch(src, accept=("image/", *UNTYPED), max_bytes=max_bytes,
                     deadline=deadline).data  # Pillow judges the bytes
    except SourceError:
        return None
    return data or None


def square_jpeg(data: bytes) -> bytes | None:
    """Centre-crop to a square, at most SIZE pixels, as JPEG; None if not a readable image
    or one of more than MAX_PIXELS (refused from its header, before anything is decoded)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
        with img:
            if img.width * img.height > MAX_PIXELS:
                return None
            img.draft("RGB", (SIZE, SIZE))  # JPEG: decode at a reduced scale when it is large
            img = img.convert("RGB")
            side = min(img.size)
            left, top = (img.width - side) // 2, (img.height - side) // 2
            img = img.crop((left, top, left + side, top + side))
            if side > SIZE:
                img = img.resize((SIZE, SIZE), Image.Resampling.LANCZOS)
            return _jpeg(img)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None


def _jpeg(img: Image.Image) -> bytes:
    for quality in (88, 75, 60):
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=quality, optimize=True)
        if buf.tell() < 1024 * 1024:
            break
    return buf.getvalue()


def generated(title: str, subtitle: str = "") -> bytes:
    """A square cover: the title in large type on a colour derived from the title."""
    digest = hashlib.sha256(title.encode()).digest()
    hue = digest[0] / 255
    bg = tuple(int(40 + 60 * ((hue + k / 3) % 1)) for k in range(3))
    img = Image.new("RGB", (SIZE, SIZE), bg)
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=96)
    small = ImageFont.load_default(size=48)
    y = 180
    for line in textwrap.wrap(title or "Untitled", width=22)[:7]:
        draw.text((120, y), line, fill=(250, 250, 245), font=font)
        y += 120
    if subtitle:
        draw.text((120, SIZE - 220), subtitle[:48], fill=(220, 220, 210), font=small)
    draw.rectangle((120, 120, 420, 132), fill=(250, 250, 245))
    return _jpeg(img)


def cover_for(article: Article) -> Cover:
    src = article.cover.src if article.cover else ""
    if src:
        data = fetch_bytes(src)
        jpeg = square_jpeg(data) if data else None
        if jpeg:
            return Cover(jpeg, "image/jpeg", False)
    return Cover(generated(article.title, article.site_name), "image/jpeg", True)
