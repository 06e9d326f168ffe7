"""The EPUB export passes EPUBCheck 5 and carries accessibility metadata."""

import subprocess
import zipfile
from io import BytesIO

from lxml import etree

from narrate.model import Article
from narrate.writers import write
from tests.golden import FIXTURES

OPF = "{http://www.idpf.org/2007/opf}"


def kitchen_sink() -> Article:
    return Article.from_json((FIXTURES / "kitchen-sink.article.json").read_text("utf-8"))


def epubcheck() -> list[str]:
    """The EPUBCheck 5 command (tests/checkers)."""
    from tests.checkers import _jar

    return ["java", "-jar", str(_jar())]


def test_epub_passes_epubcheck(tmp_path):
    book = tmp_path / "kitchen-sink.epub"
    book.write_bytes(write(kitchen_sink(), "epub"))
    result = subprocess.run([*epubcheck(), str(book)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 fatals / 0 errors / 0 warnings" in result.stdout


def test_epub_is_reproducible_and_ordered():
    first, second = write(kitchen_sink(), "epub"), write(kitchen_sink(), "epub")
    assert first == second
    with zipfile.ZipFile(BytesIO(first)) as zf:
        info = zf.infolist()[0]
        assert info.filename == "mimetype" and info.compress_type == zipfile.ZIP_STORED


def test_epub_metadata_and_text():
    article = kitchen_sink()
    with zipfile.ZipFile(BytesIO(write(article, "epub"))) as zf:
        opf = etree.fromstring(zf.read("EPUB/package.opf"))
        content = zf.read("EPUB/article.xhtml").decode()
        nav = zf.read("EPUB/nav.xhtml").decode()
    props = [m.get("property") for m in opf.iter(f"{OPF}meta")]
    for needed in ("schema:accessMode", "schema:accessibilityFeature", "schema:accessibilityHazard",
                   "schema:accessibilitySummary", "dcterms:modified"):
        assert needed in props
    assert 'lang="en-GB"' in content
    assert "Image: Fishing boats tied up in a small harbour at low tide." in content
    assert "<img" not in content  # nothing remote or missing is referenced
    assert 'href="article.xhtml#h-why-tides-matter">Why tides &lt;matter&gt;' in nav


def _metas(book: bytes, prop: str) -> list[str]:
    with zipfile.ZipFile(BytesIO(book)) as zf:
        opf = etree.fromstring(zf.read("EPUB/package.opf"))
    return [m.text for m in opf.iter(f"{OPF}meta") if m.get("property") == prop]


def test_accessibility_metadata_is_true_for_each_book():
    from narrate.model import Figure, Paragraph, Text
    from narrate.writers import epub
    from narrate.writers.options import WriteOptions
    from narrate.writers.sync import Sentence

    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    article = Article(title="Pictures", language="en", blocks=(
        Paragraph((Text("One sentence."),)),
        Figure("https://e.org/a.png", alt="A described picture."),
        Figure("https://e.org/b.png", caption="Only a caption."),
        Figure("https://e.org/c.png", alt="Never fetched."),
    ))
    text_only = epub.write(article, WriteOptions())
    assert _metas(text_only, "schema:accessMode") == ["textual"]
    assert _metas(text_only, "schema:accessModeSufficient") == ["textual"]
    assert "synchronizedAudioText" not in _metas(text_only, "schema:accessibilityFeature")
    assert "3 images could not be included" in _metas(text_only, "schema:accessibilitySummary")[0]

    with_alt = epub.write(article, WriteOptions(), epub.EpubMedia(images=(("https://e.org/a.png", png, "image/png"),)))
    assert sorted(_metas(with_alt, "schema:accessMode")) == ["textual", "visual"]
    assert _metas(with_alt, "schema:accessModeSufficient") == ["textual", "textual,visual"]
    summary = _metas(with_alt, "schema:accessibilitySummary")[0]
    assert "1 image included" in summary and "Only a caption" in summary and "Never fetched" in summary

    no_alt = epub.write(article, WriteOptions(), epub.EpubMedia(images=(("https://e.org/b.png", png, "image/png"),)))
    assert _metas(no_alt, "schema:accessModeSufficient") == ["textual,visual"]  # an image lacks alt

    audio = epub.EpubMedia(audio=b"ID3" + b"\0" * 64, duration=2.5,
                           sentences=(Sentence(0.1, 1.0, "Pictures.", "Pictures.", -1),
                                      Sentence(1.2, 2.0, "One sentence.", "One sentence.", 0)))
    narrated = epub.write(article, WriteOptions(), audio)
    assert sorted(_metas(narrated, "schema:accessMode")) == ["auditory", "textual"]
    assert "synchronizedAudioText" in _metas(narrated, "schema:accessibilityFeature")
    assert _metas(narrated, "media:duration") == ["0:00:02.500", "0:00:02.500"]
