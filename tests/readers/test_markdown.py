"""The Markdown reader (markdown-it-py), with and without front matter."""

from __future__ import annotations

from narrate.model import (
    BlockQuote,
    CodeBlock,
    Emphasis,
    Figure,
    Heading,
    Link,
    ListBlock,
    Paragraph,
    Strong,
    Table,
)
from tests.golden import check_golden
from tests.readers._util import read_fixture


def test_golden() -> None:
    check_golden("tide-notes.article.json", read_fixture("tide-notes.md").to_json() + "\n")


def test_structure_and_metadata() -> None:
    a = read_fixture("tide-notes.md")
    assert a.title == "Notes on the Spring Tides"
    assert a.authors == ("Ole Brandt", "Sia Mercer")
    assert a.published == "2025-04-01"
    assert a.language == "en"
    kinds = [type(b) for b in a.blocks]
    assert kinds == [Paragraph, Heading, ListBlock, BlockQuote, Figure, Table, CodeBlock]
    first = a.blocks[0]
    assert any(isinstance(n, Emphasis) for n in first.inlines)
    assert any(isinstance(n, Link) and n.href == "https://tides.example/why" for n in first.inlines)
    lst = a.blocks[2]
    assert lst.ordered and len(lst.items) == 2
    assert any(isinstance(n, Strong) for n in lst.items[1][0].inlines)
    assert a.blocks[3].attribution == "a harbour master"
    assert a.blocks[4] == Figure("https://tides.example/sandbar.jpg", "A sandbar at low tide",
                                 "The sandbar at the lowest spring tide", "")
    assert a.blocks[5].header == ("Month", "Highest tide")


def test_plain_markdown_without_front_matter() -> None:
    a = read_fixture("plain-notes.md")
    assert len(a.blocks) == 2
    assert a.title.startswith("A short note")
    assert a.language == "en"
