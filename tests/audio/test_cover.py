from __future__ import annotations

import io
import resource
import time

from PIL import Image

from narrate.audio.cover import cover_for, fetch_bytes, generated, square_jpeg
from narrate.model import Article
from narrate.model import Image as ArticleImage
from tests.pngbomb import png_bomb


def png(w: int, h: int) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (w, h), (200, 30, 30)).save(buf, "PNG")
    return buf.getvalue()


def size(jpeg: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(jpeg)) as img:
        assert img.format == "JPEG"
        return img.size


def test_generated_cover_is_a_square_jpeg() -> None:
    data = generated("A Long Title That Needs Wrapping Over Several Lines Of Text", "Site")
    assert size(data) == (1400, 1400) and len(data) < 1024 * 1024
    assert generated("One") != generated("Two")


def test_article_cover_is_fetched_and_squared(local_server) -> None:
    url = local_server.add("/cover.png", png(1600, 900), "image/png")
    cover = cover_for(Article(title="T", cover=ArticleImage(url)))
    assert not cover.generated and cover.mime == "image/jpeg"
    assert size(cover.data) == (900, 900)
    with Image.open(io.BytesIO(cover.data)) as img:
        assert img.getpixel((450, 450))[0] > 150  # it is the served red image


def test_unusable_covers_fall_back_to_a_generated_one(local_server) -> None:
    for url in (local_server.add("/notimage", b"<html>", "text/html"),
                local_server.base + "/missing.jpg", "file:///etc/hostname", "/etc/hostname"):
        cover = cover_for(Article(title="Fallback", cover=ArticleImage(url)))
        assert cover.generated, url
        assert size(cover.data) == (1400, 1400)


def test_unreachable_cover_fails_fast() -> None:
    start = time.monotonic()
    # a TEST-NET address: nothing answers; the timeout must keep it short
    assert fetch_bytes("http://192.0.2.1/cover.jpg", deadline=1.0) is None
    assert time.monotonic() - start < 5


def test_oversized_cover_is_refused(local_server) -> None:
    url = local_server.add("/big.png", png(50, 50), "image/png")
    assert fetch_bytes(url, max_bytes=10) is None
    assert square_jpeg(b"not an image") is None


def test_a_pixel_bomb_is_refused_before_decoding(local_server) -> None:
    bomb = png_bomb(12845)  # 165 megapixels in 160 KB: 165 MB grey, 660 MB as RGBA
    assert len(bomb) < 200_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    started = time.monotonic()
    assert square_jpeg(bomb) is None
    assert time.monotonic() - started < 1.0
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100_000  # < 100 MB
    url = local_server.add("/bomb.png", bomb, "image/png")
    cover = cover_for(Article(title="Bomb", cover=ArticleImage(url)))
    assert cover.generated
    # past Pillow's own hard limit (2 x 89 MP) it is still a fallback, not an exception
    assert square_jpeg(png_bomb(15000, pixels=False)) is None


def test_a_large_but_reasonable_cover_is_used(local_server) -> None:
    url = local_server.add("/wide.png", png(4000, 3000), "image/png")
    cover = cover_for(Article(title="Wide", cover=ArticleImage(url)))
    assert not cover.generated and size(cover.data) == (1400, 1400)


def test_a_cover_served_as_generic_binary_is_judged_by_its_bytes(local_server) -> None:
    url = local_server.add("/s3-cover", png(1500, 1500), "binary/octet-stream")
    assert not cover_for(Article(title="S3", cover=ArticleImage(url))).generated
    junk = local_server.add("/s3-junk", b"<html>not an image</html>", "application/octet-stream")
    assert cover_for(Article(title="S3", cover=ArticleImage(junk))).generated
