"""READERS is complete (every reader has a golden test) and sniffing goes by content."""

from __future__ import annotations

import pytest

from narrate.readers import READERS, sniff
from narrate.sources import Source
from tests.golden import GOLDEN
from tests.readers._util import READER_FIXTURES

# reader → the fixture its golden test reads (tests/golden/<stem>.article.json)
GOLDEN_FIXTURES = {
    "sample": "orchard-essay.txt",
    "html": "harbour-page.html",
    "markdown": "tide-notes.md",
}


def test_every_reader_has_a_golden_fixture() -> None:
    assert set(READERS) == set(GOLDEN_FIXTURES)
    for reader, fixture in GOLDEN_FIXTURES.items():
        data = (READER_FIXTURES / fixture).read_bytes()
        assert sniff(data, Source(fixture, None, data)) == reader
        stem = fixture.rsplit(".", 1)[0]
        assert (GOLDEN / f"{stem}.article.json").exists()


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("page.md", b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
    ("page.txt", b"\n  <html lang='en'><p>x</p></html>", "html"),
    ("notes.html", b"# A heading\n\nSome *Markdown* text.", "markdown"),
    ("essay.md", b"---\ntitle: t\n---\n<p>Guest</p>\n<p>Body</p>", "sample"),
    ("essay.html", b"---\ntitle: t\n---\nPlain *markdown* body.", "markdown"),
    ("frag", b"<p>Just a fragment</p>", "html"),
    ("bom.html", b"\xef\xbb\xbf<html><body><p>x</p></body></html>", "html"),
])
def test_sniff_by_content_not_extension(name: str, data: bytes, expected: str) -> None:
    assert sniff(data, Source(name, None, data)) == expected
