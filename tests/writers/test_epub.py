"""The EPUB export passes EPUBCheck (Debian's epubcheck) and carries accessibility metadata."""

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
