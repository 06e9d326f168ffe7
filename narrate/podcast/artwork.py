"""Show artwork: validate a given cover against Apple's rules, or draw one.

Apple and Spotify reject covers that are not square, 1400-3000 px, RGB JPEG or PNG, so a show
never starts without a compliant one: when none is given, a plain cover with the title is drawn.
"""

from __future__ import annotations

import io
import textwrap
import warnings
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, UnidentifiedImageError

from narrate.errors import ConfigError
from narrate.fileio import read_regular, write_atomic

MIN_SIZE, MAX_SIZE = 1400, 3000
MAX_FILE_BYTES = 20 * 1024 * 1024  # a compliant 3000 px cover is a few MB; more is not a cover
COVER_SIZE = 1400
_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
)


def check_artwork(path: Path) -> str:
    """Return the file extension to store it under (``.jpg``/``.png``); ConfigError if unfit.

    Only the header is read (Pillow opens lazily), so an image claiming 165 megapixels is
    refused by its size without ever being decoded.
    """
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ConfigError(f"artwork is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; "
                              f"give a {MIN_SIZE}-{MAX_SIZE} px JPEG or PNG", str(path))
        data = read_regular(path, MAX_FILE_BYTES, "image")  # a FIFO would block Pillow forever
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                fmt, (w, h), mode = img.format, img.size, img.mode
    except Image.DecompressionBombError as e:
        raise ConfigError(f"artwork has far too many pixels; it must be square, {MIN_SIZE}-"
                          f"{MAX_SIZE} px", str(path)) from e
    except (OSError, UnidentifiedImageError) as e:
        reason = " ".join(str(e).split())[:120]
        raise ConfigError(f"artwork is not a readable image ({reason})", str(path)) from e
    if fmt not in ("JPEG", "PNG"):
        raise ConfigError(f"artwork is {fmt}; Apple wants JPEG or PNG", str(path))
    if w != h or not MIN_SIZE <= w <= MAX_SIZE:
        raise ConfigError(f"artwork is {w}x{h}; it must be square, {MIN_SIZE}-{MAX_SIZE} px",
                          str(path))
    if mode != "RGB":
        raise ConfigError(f"artwork colour mode is {mode}; it must be RGB (no alpha, no CMYK)",
                          str(path))
    return ".jpg" if fmt == "JPEG" else ".png"


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for name in _FONTS:
        if Path(name).exists():
            return ImageFont.truetype(name, size)
    return ImageFont.load_default(size=size)


def draw_cover(title: str, size: int = COVER_SIZE) -> bytes:
    """A deterministic RGB JPEG cover: dark background, the title in large light letters."""
    img = Image.new("RGB", (size, size), (24, 46, 72))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, size - size // 6, size, size), fill=(236, 170, 60))
    font = _font(size // 12)
    lines = textwrap.wrap(title.strip() or "narrate", width=16)[:5]
    y = size // 6
    for line in lines:
        draw.text((size // 12, y), line, font=font, fill=(245, 245, 240))
        y += size // 10
    small = _font(size // 24)
    draw.text((size // 12, size - size // 8), "narrated with narrate", font=small, fill=(24, 46, 72))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=88, optimize=True)
    return out.getvalue()


def install_artwork(folder: Path, title: str, artwork: Path | None) -> str:
    """Put the cover into the show folder; return its file name (``cover.jpg`` / ``cover.png``)."""
    if artwork is None:
        write_atomic(folder / "cover.jpg", draw_cover(title))
        return "cover.jpg"
    name = "cover" + check_artwork(Path(artwork))
    write_atomic(folder / name, Path(artwork).read_bytes())
    return name
