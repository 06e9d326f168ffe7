"""The sample format with a fixture of our own: front matter + HTML body, edges recognised."""

from __future__ import annotations

import pytest

from narrate.errors import ReadError
from narrate.model import Figure, Heading, Paragraph, inline_text
from narrate.readers import read_source
from narrate.sources import Source
from tests.golden import check_golden
from tests.readers._util import read_fixture


@pytest.fixture(scope="module")
def essay():
    return read_fixture("orchard-essay.txt")


def test_golden(essay) -> None:
    check_golden("orchard-essay.article.json", essay.to_json() + "\n")


def test_front_matter_wins(essay) -> None:
    assert essay.title == "What the Old Orchard Taught Me"
    assert essay.authors == ("June Halloway",)
    assert essay.published == "2025-09-02T10:00:00Z"
    assert essay.url == "https://essays.example/orchard"  # tracking parameters dropped
    assert essay.tags == ("gardening", "essays")
    assert essay.cover is not None and essay.cover.src.endswith("/orchard.jpg")
    assert essay.language == "en"  # detected: nothing declares it


def test_edges(essay) -> None:
    assert essay.kicker == "Personal Essay"
    assert essay.author_bio.startswith("Ms. Halloway grows apples")
    assert essay.audio_url == "https://essays.example/audio/orchard.mp3"
    text = essay.body_text()
    assert "Personal Essay" not in text
    assert "letters to the editor" not in text
    assert "Follow us" not in text
    assert text.splitlines()[-1].startswith("June Halloway keeps forty trees")


def test_blocks_in_order(essay) -> None:
    kinds = [type(b) for b in essay.blocks]
    assert kinds == [Figure, Paragraph, Paragraph, Heading, Paragraph, Paragraph]
    fig = essay.blocks[0]
    assert fig.alt == "Rows of apple trees in low autumn light."
    assert fig.caption == "The orchard in October, two weeks before the harvest."
    assert inline_text(essay.blocks[1].inlines).startswith("My grandmother planted")


def test_front_matter_with_markdown_body() -> None:
    data = b"---\ntitle: Short\nlanguage: nl\n---\nEen korte tekst over de haven en de boten.\n"
    article = read_source(Source("x.txt", None, data))
    assert article.title == "Short"
    assert article.language == "nl"


def test_invalid_yaml_is_one_line_error() -> None:
    data = b"---\ntitle: [unclosed\n---\n<p>Body text here.</p>\n"
    with pytest.raises(ReadError) as err:
        read_source(Source("bad.txt", None, data))
    assert str(err.value).startswith("bad.txt: invalid YAML front matter")
    assert "\n" not in str(err.value)
