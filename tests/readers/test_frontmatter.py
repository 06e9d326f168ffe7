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


# The standfirst an author gives in front matter (a subtitle/standfirst/dek key, or the
# description or summary themes print under the title) is the article's standfirst: it is shown
# and said once, after the title; a summary that is the body's own opening is not said again.
_BODY = ("<p>The tide came in faster than anyone on the quay expected that morning, and the boats "
         "left on the mud had to be pulled up the slipway by hand.</p>"
         "<p>By noon the market had opened and the first crates were on the quay.</p>")


def _read(front: str, body: str = _BODY, name: str = "post.txt"):
    data = f"---\ntitle: Tides\n{front}\n---\n{body}\n".encode()
    return read_source(Source(name=name, url=None, data=data, media_type=None))


@pytest.mark.parametrize("key", ["subtitle", "standfirst", "dek", "description", "summary"])
def test_front_matter_standfirst_is_the_articles(key) -> None:
    article = _read(f"{key}: A harbour town learns to live with the sea.")
    assert article.subtitle == "A harbour town learns to live with the sea."
    assert "learns to live" not in article.body_text()


def test_a_summary_that_is_the_first_paragraph_is_not_said_twice() -> None:
    first = ("The tide came in faster than anyone on the quay expected that morning, and the "
             "boats left on the mud had to be pulled up the slipway by hand.")
    article = _read(f'description: "{first}"')
    assert article.subtitle == ""
    assert article.body_text().count("The tide came in") == 1


def test_the_standfirst_is_said_after_the_title() -> None:
    from narrate.speech.script import build_script

    article = _read("description: A harbour town learns to live with the sea.")
    said = [u.text for u in build_script(article)]
    assert said[:2] == ["Tides.", "A harbour town learns to live with the sea."]
