"""Every writer renders the kitchen-sink fixture to its golden file, and stays pure and safe."""

import ast
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html
from markdown_it import MarkdownIt

from narrate.model import Article, Paragraph, Text
from narrate.writers import WRITERS, WriteOptions, write
from narrate.writers import text as text_writer
from tests.golden import FIXTURES, check_golden

ROOT = Path(__file__).resolve().parents[2]


def kitchen_sink() -> Article:
    return Article.from_json((FIXTURES / "kitchen-sink.article.json").read_text("utf-8"))


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_every_writer_matches_its_golden_file(fmt):
    check_golden(f"kitchen-sink.{WRITERS[fmt].extension}", write(kitchen_sink(), fmt))


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_writers_touch_no_filesystem_and_no_pipeline(fmt):
    module = ROOT / "narrate" / "writers" / f"{fmt}.py"
    tree = ast.parse(module.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            assert not node.module.startswith(
                ("narrate.readers", "narrate.speech", "narrate.audio", "narrate.podcast")
            ), node.module
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id != "open", f"{module} opens files"


def test_json_writer_round_trips():
    article = kitchen_sink()
    assert Article.from_json(write(article, "json")) == article


def test_html_is_accessible_and_well_formed():
    page = write(kitchen_sink(), "html")
    doc = lxml_html.document_fromstring(page)
    assert doc.get("lang") == "en-GB"
    assert len(doc.findall(".//main")) == 1
    assert [h.text_content() for h in doc.findall(".//h1")] == [kitchen_sink().title]
    for img in doc.iter("img"):
        assert img.get("alt") is not None
    assert doc.find(".//figcaption").text_content().startswith("The harbour at Penmarch")
    assert doc.find(".//time").get("datetime") == "2026-02-03T08:15:00+01:00"
    assert doc.find(".//aside").get("aria-label") == "Pull quote"
    assert all(th.get("scope") == "col" for th in doc.iter("th"))
    # Text that looks like markup stays text.
    assert "<matter>" in doc.find(".//h2").text_content()


def test_markdown_keeps_every_word_and_escapes_markup():
    article = kitchen_sink()
    rendered = MarkdownIt("commonmark").enable("table").render(write(article, "markdown"))
    doc = lxml_html.fragment_fromstring(rendered, create_parent="div")
    text = " ".join(doc.text_content().split())
    for line in article.body_text().splitlines():
        assert " ".join(line.split()) in text, line
    # "1. This line..." is a paragraph, not an ordered list item; "<matter>" is text, not a tag.
    assert doc.find(".//h2").text_content() == "Why tides <matter>"
    assert len(doc.findall(".//ol")) == 1


def test_text_export_announces_images_and_keeps_captions_separate():
    out = write(kitchen_sink(), "text")
    assert "Image: Fishing boats tied up in a small harbour at low tide." in out
    assert "Caption: The harbour at Penmarch, an hour after low water." in out
    assert "Credit: Photo: J. Doe" in out
    # Link targets are never inside the sentence; on request they are listed once at the end.
    assert "https://example.org/tides/tables" not in out
    listed = text_writer.write(kitchen_sink(), WriteOptions(show_link_targets=True))
    assert listed.rstrip().endswith("link to the tide tables: https://example.org/tides/tables")
    assert listed.count("https://example.org/tides/tables") == 1
    # No hard wrapping: each paragraph is one line.
    first = kitchen_sink().body_text().splitlines()[0]
    assert any(line.startswith(first[:60]) and len(line) > 100 for line in out.splitlines())


@pytest.mark.parametrize("fmt", ["html", "markdown", "text"])
def test_hostile_text_cannot_break_the_output(fmt):
    nasty = '</p><script>alert(1)</script> ]]> & "quotes" <!-- x'
    article = Article(title=nasty, blocks=(Paragraph((Text(nasty),)),))
    out = write(article, fmt)
    if fmt == "html":
        doc = lxml_html.document_fromstring(out)
        assert not doc.findall(".//script")
        assert doc.find(".//h1").text_content() == nasty
    elif fmt == "markdown":
        assert "<script>" not in MarkdownIt("commonmark").render(out)
    else:
        assert nasty in out


HOSTILE_CODE = ["a`` <img src=x onerror=alert(1)> ``b", "````\n<img src=x onerror=alert(1)>",
                "x`", "`", "``` ", "\n\n# injected\n\n<img src=x onerror=alert(1)>", "~~~\n<b>x</b>"]


@pytest.mark.parametrize("code", HOSTILE_CODE)
def test_markdown_code_stays_code(code):
    """Whatever a code span or block holds, the rendered Markdown shows it as code: no raw HTML,
    no heading or link appears, and the code text comes back (whitespace folded in a span)."""
    from narrate.model import Code, CodeBlock
    article = Article(title="T", blocks=(
        Paragraph((Text("Before "), Code(code), Text(" after."))),
        CodeBlock(code, language="x`y\n<b>"), Paragraph((Text("---"),)), Paragraph((Text("=="),))))
    tokens = MarkdownIt("commonmark").parse(write(article, "markdown"))
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or ()}
    assert not kinds & {"html_inline", "html_block", "link_open", "hr"}, kinds
    assert [t.tag for t in tokens if t.type == "heading_open"] == ["h1"]
    spans = [c.content for t in tokens for c in t.children or () if c.type == "code_inline"]
    assert spans == [" ".join(code.split())] if code.strip() else not spans
    assert [t.content for t in tokens if t.type == "fence"] == [code + "\n"]


def test_markdown_source_url_cannot_add_markup():
    url = "https://x.example/a> [y](https://evil.example) <img src=x onerror=alert(1)> <b"
    out = write(Article(title="T", url=url, blocks=(Paragraph((Text("Body."),)),)), "markdown")
    tokens = MarkdownIt("commonmark").parse(out)
    children = [c for t in tokens for c in t.children or ()]
    assert not {c.type for c in children} & {"html_inline", "html_block"}
    assert [c.attrs["href"] for c in children if c.type == "link_open"] == [
        "https://x.example/a%3E%20%5By%5D(https://evil.example)%20%3Cimg%20src=x%20onerror="
        "alert(1)%3E%20%3Cb"]


def test_unknown_format_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown format"):
        write(kitchen_sink(), "docx")


def test_html_is_polyglot_xhtml():
    # Void elements are self-closed and only XML entities are used, so the page parses as XML
    # (the EPUB writer reuses the same markup).
    page = write(kitchen_sink(), "html")
    root = etree.fromstring(page.split("\n", 1)[1].encode("utf-8"))
    assert root.tag == "html"


def test_markdown_code_stays_code_beside_other_code_and_in_lists():
    """The same rule where code meets code or a list: adjacent spans (their fences touched and
    made one longer run), a control character between backtick runs (removed after fencing it
    joined them), a lone CR in a code block inside a list item (a line the indent missed)."""
    from narrate.model import Code, CodeBlock, ListBlock

    evil = "<img src=x onerror=alert(1)>"
    article = Article(title="T", blocks=(
        Paragraph((Code("b"), Code(f"{evil}`{evil}a"), Text(" after"))),
        Paragraph((Code("x`\x01``"), Text(f" {evil} "), Code("y"))),
        ListBlock(True, ((CodeBlock(f"\r{evil}```1."), Paragraph((Text("item"),))),)),
    ))
    tokens = MarkdownIt("commonmark").parse(write(article, "markdown"))
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or ()}
    assert not kinds & {"html_inline", "html_block"}, write(article, "markdown")
    spans = [c.content for t in tokens for c in t.children or () if c.type == "code_inline"]
    assert spans == [f"b{evil}`{evil}a", "x```", "y"]
    assert [t.content for t in tokens if t.type == "fence"] == [f"\n{evil}```1.\n"]
