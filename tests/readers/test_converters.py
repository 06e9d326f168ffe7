"""Issue 9: one HTML → blocks converter and one trafilatura-XML → blocks converter, each with a
public surface; the two agree on the blocks of the same structure."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from narrate.model import BlockQuote, CodeBlock, Heading, ListBlock, Paragraph, Table, Text
from narrate.readers.html_blocks import HtmlConverter
from narrate.readers.xml_blocks import xml_blocks
from tests.shared import ROOT


def test_restore_uses_only_public_converter_methods() -> None:
    source = (ROOT / "narrate" / "readers" / "extract" / "restore.py").read_text()
    assert not re.search(r"\bconv\._", source)
    assert "readers.blocks" not in source


def test_html_and_xml_give_the_same_blocks() -> None:
    html = ("<div><h2>Rules</h2><p>First, the rule.</p><ul><li>one</li><li>two<ul><li>two.a"
            "</li></ul></li></ul><blockquote><p>Said once.</p></blockquote><pre>a = 1\nb = 2"
            "</pre><table><tr><th>k</th><th>v</th></tr><tr><td>x</td><td>1</td></tr></table></div>")
    xml = ("<body><head rend='h2'>Rules</head><p>First, the rule.</p><list rend='ul'><item>one"
           "</item><item>two<list rend='ul'><item>two.a</item></list></item></list><quote><p>"
           "Said once.</p></quote><code>a = 1\nb = 2</code><table><row><cell role='head'>k</cell>"
           "<cell role='head'>v</cell></row><row><cell>x</cell><cell>1</cell></row></table></body>")
    from_html = HtmlConverter().blocks(lxml.html.fragment_fromstring(html))
    from_xml = xml_blocks(etree.fromstring(xml))
    assert from_html == from_xml
    assert [type(b) for b in from_xml] == [Heading, Paragraph, ListBlock, BlockQuote, CodeBlock,
                                           Table]
    assert from_xml[4] == CodeBlock("a = 1\nb = 2")


def test_xml_converter_drops_wiki_furniture_from_text() -> None:
    xml = "<body><head rend='h2'>History[edit]</head><p>Printed in 1833.[1] Then more.</p></body>"
    blocks = xml_blocks(etree.fromstring(xml))
    assert blocks == (Heading(2, (Text("History"),)),
                      Paragraph((Text("Printed in 1833. Then more."),)))
