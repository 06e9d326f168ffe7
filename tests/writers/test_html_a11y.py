"""The HTML export passes axe-core (WCAG rules) in headless Chromium."""

from narrate.model import Article, Figure, Paragraph, Text
from narrate.writers import write
from tests.a11y import axe_violations
from tests.golden import FIXTURES


def test_kitchen_sink_html_has_no_axe_violations():
    article = Article.from_json((FIXTURES / "kitchen-sink.article.json").read_text("utf-8"))
    assert axe_violations(write(article, "html")) == []


def test_axe_does_catch_a_broken_page():
    # The check itself can fail: an image without alt and a page without lang are violations.
    article = Article(title="x", blocks=(Paragraph((Text("y"),)), Figure("https://example.invalid/a.png")))
    page = write(article, "html").replace(' lang="und"', "").replace(' alt=""', "")
    ids = {v["id"] for v in axe_violations(page)}
    assert {"html-has-lang", "image-alt"} <= ids
