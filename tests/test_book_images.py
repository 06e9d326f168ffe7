"""``narrate export --format epub`` of a page with several images served on 127.0.0.1: the
images that can be fetched are packaged with their alt text and captions, the others are given
as text and named in the accessibility summary; EPUBCheck 5 and Ace are clean (issue 11)."""

from __future__ import annotations

import functools
import http.server
import io
import shutil
import threading
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image

from tests.checkers import ace_violations, assert_valid
from tests.cli.conftest import run_narrate

FIXTURE = Path(__file__).parent / "fixtures" / "illustrated" / "page.html"
OPF = "{http://www.idpf.org/2007/opf}"
SMIL = "{http://www.w3.org/ns/SMIL}"
XHTML = "{http://www.w3.org/1999/xhtml}"


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def guess_type(self, path: str) -> str:
        if path.endswith("winter.png"):
            return "text/html"  # a server that sends a page where the image should be
        return super().guess_type(path)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    notes = root / "notes"
    (notes / "images").mkdir(parents=True)
    shutil.copy(FIXTURE, notes / "river.html")
    for name, fmt, color in (("spring.png", "PNG", (90, 70, 40)), ("summer.jpg", "JPEG", (60, 120, 60))):
        buf = io.BytesIO()
        Image.new("RGB", (64, 48), color).save(buf, fmt)
        (notes / "images" / name).write_bytes(buf.getvalue())
    (notes / "images" / "winter.png").write_text("<html><body>Not found</body></html>")
    # autumn.png is missing: 404
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/notes/river.html"
    server.shutdown()
    server.server_close()


def export(url: str, out: Path, *extra: str) -> zipfile.ZipFile:
    result = run_narrate("export", url, "--format", "epub", "-o", str(out), *extra, timeout=600)
    assert result.returncode == 0, result.stderr.decode()
    return zipfile.ZipFile(out)


def metas(zf: zipfile.ZipFile, prop: str) -> list[str]:
    opf = etree.fromstring(zf.read("EPUB/package.opf"))
    return [m.text for m in opf.iter(f"{OPF}meta") if m.get("property") == prop]


def test_narrated_book_with_images(site, tmp_path):
    book = tmp_path / "river.epub"
    with export(site, book) as zf:
        names = zf.namelist()
        xhtml = etree.fromstring(zf.read("EPUB/article.xhtml"))
        smil = etree.fromstring(zf.read("EPUB/article.smil"))
        imgs = {i.get("src"): i.get("alt") for i in xhtml.iter(f"{XHTML}img")}
        assert sorted(n for n in names if n.startswith("EPUB/images/")) == [
            "EPUB/images/image1.png", "EPUB/images/image2.jpg"]
        assert zf.read("EPUB/images/image1.png").startswith(b"\x89PNG")
        assert imgs == {"images/image1.png": "A footbridge half under brown flood water, with bare willows behind.",
                        "images/image2.jpg": "A shallow bend of a river with cows standing in the water."}
        text = " ".join("".join(xhtml.itertext()).split())
        assert "Image: A small weir blocked by yellow leaves." in text  # 404: given as text
        assert "Image: A dark river running between two strips of ice." in text  # not an image
        assert "The weir in October." in text
        assert sorted(metas(zf, "schema:accessMode")) == ["auditory", "textual", "visual"]
        assert "textual" in metas(zf, "schema:accessModeSufficient")
        features = metas(zf, "schema:accessibilityFeature")
        assert "synchronizedAudioText" in features and "alternativeText" in features
        summary = metas(zf, "schema:accessibilitySummary")[0]
        assert "2 images included" in summary and "2 images could not be included" in summary
        assert "A small weir blocked by yellow leaves" in summary and "strips of ice" in summary
        # the announcement of a packaged image points at its figure
        ids = {e.get("id"): e for e in xhtml.iter() if e.get("id")}
        targets = [ids[p.find(f"{SMIL}text").get("src").split("#")[1]] for p in smil.iter(f"{SMIL}par")]
        assert any(t.tag == f"{XHTML}figure" and t.find(f"{XHTML}img") is not None for t in targets)
    assert_valid(book)
    assert ace_violations(book) == []


def test_text_only_book_has_no_audio(site, tmp_path):
    book = tmp_path / "river-text.epub"
    with export(site, book, "--no-audio") as zf:
        assert not [n for n in zf.namelist() if n.endswith((".smil", ".mp3"))]
        assert sorted(metas(zf, "schema:accessMode")) == ["textual", "visual"]
        assert "synchronizedAudioText" not in metas(zf, "schema:accessibilityFeature")
        assert not metas(zf, "media:duration")
    assert_valid(book)


def _claiming(kind: str, width: int, height: int) -> bytes:
    """A few hundred bytes whose header claims ``width`` x ``height`` (nothing to decode)."""
    import struct

    from tests.pngbomb import _chunk

    if kind == "png":
        return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
                + _chunk(b"IDAT", b"x\x9c\x03\x00\x00\x00\x00\x01") + _chunk(b"IEND", b""))
    if kind == "gif":
        return (b"GIF89a" + struct.pack("<HH", width, height) + b"\x00\x00\x00,"
                + struct.pack("<HHHH", 0, 0, width, height) + b"\x00\x08\x02\x4c\x01\x00;")
    buf = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buf, "JPEG")
    data = bytearray(buf.getvalue())
    sof = data.find(b"\xff\xc0")
    data[sof + 5:sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


@pytest.mark.parametrize("kind, width, height", [
    ("jpeg", 65000, 65000), ("gif", 65535, 65535), ("png", 1, 100_000_000), ("png", 9000, 9000)])
def test_an_image_claiming_too_many_pixels_stays_out_of_the_book(kind, width, height):
    """Rule: an EPUB image is judged by its header as covers are: one claiming more than 40
    megapixels (a 631-byte JPEG can claim 4 gigapixels, which the e-reader would decode) is
    given as its text, like an image that could not be fetched; a modest one is packaged."""
    from narrate.bookimages import fetch_images
    from narrate.model import Article, Figure

    article = Article(title="T", url="https://example.org/a", blocks=(
        Figure("https://example.org/big", alt="A big picture."),
        Figure("https://example.org/small", alt="A small picture.")))
    small = io.BytesIO()
    Image.new("RGB", (40, 30)).save(small, "PNG")
    served = {"https://example.org/big": _claiming(kind, width, height),
              "https://example.org/small": small.getvalue()}
    got = fetch_images(article, get=lambda url, deadline, size: served[url])
    assert [src for src, _, _ in got.fetched] == ["https://example.org/small"]
    ((src, why),) = got.missing
    assert src == "https://example.org/big" and "more than 40 megapixels" in why
