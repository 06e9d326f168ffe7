"""Issue 10: the article's structure whole and once — headings with levels, nested lists,
code blocks with their line breaks, tables, quotes as model blocks; every text said once;
wiki and syndication furniture dropped by rule. Synthetic pages of our own."""

from __future__ import annotations

import narrate
from narrate.model import (
    Article,
    BlockQuote,
    CodeBlock,
    Figure,
    Heading,
    ListBlock,
    Paragraph,
    Table,
    Text,
    inline_text,
)
from narrate.speech.script import build_script

URL = "https://docs.example/guide/tides.html"
P = ("The tide tables are computed from harmonic constituents measured over many years at "
     "each port, and they are accurate to a few minutes on an ordinary day. ")


def _page(body: str) -> str:
    return (f"<html><head><title>Tide guide</title></head><body><nav><ul><li><a href='/'>Home"
            f"</a></li><li><a href='/about'>About</a></li></ul></nav><main><article>"
            f"<h1>Tide guide</h1><p>{P}Intro.</p>{body}<p>{P}The end.</p></article></main>"
            "<footer><p>© 2025 Docs Example. All rights reserved.</p></footer></body></html>")


def _texts(article: Article) -> list[str]:
    return article.body_text().splitlines()


def test_headings_keep_levels_and_every_section() -> None:
    sections = "".join(f"<h2>Part {n}</h2><p>{P}Part {n} text.</p><h3>Detail {n}</h3>"
                       f"<p>{P}Detail {n} text.</p>" for n in range(1, 5))
    a = narrate.parse_html(_page(sections), url=URL)
    heads = [(b.level, inline_text(b.inlines)) for b in a.blocks if isinstance(b, Heading)]
    want = [x for n in range(1, 5) for x in ((2, f"Part {n}"), (3, f"Detail {n}"))]
    assert heads == want


def test_nested_list_stays_nested() -> None:
    a = narrate.parse_html(_page(
        f"<p>{P}Steps.</p><ol><li>Find the port in the table of stations</li>"
        "<li>Read the constituents<ul><li>amplitude in metres</li><li>phase in degrees</li>"
        f"</ul></li><li>Add the curves together for the day</li></ol><p>{P}After.</p>"), url=URL)
    lists = [b for b in a.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and lists[0].ordered and len(lists[0].items) == 3
    second = lists[0].items[1]
    assert isinstance(second[0], Paragraph)
    assert inline_text(second[0].inlines) == "Read the constituents"
    inner = second[1]
    assert isinstance(inner, ListBlock) and not inner.ordered and len(inner.items) == 2


def test_pre_is_a_code_block_with_its_line_breaks() -> None:
    code = "def height(t):\n    return sum(\n        a * cos(w * t) for a, w in parts\n    )"
    a = narrate.parse_html(_page(
        f"<p>{P}Code.</p><pre><code class='language-python'>{code}</code></pre><p>{P}After.</p>"),
        url=URL)
    blocks = [b for b in a.blocks if isinstance(b, CodeBlock)]
    assert blocks == [CodeBlock(code, "python")]


def test_table_and_block_quote_are_blocks() -> None:
    a = narrate.parse_html(_page(
        f"<p>{P}Table.</p><table><caption>High water</caption><tr><th>Port</th><th>Time</th>"
        "</tr><tr><td>Dover</td><td>06:12</td></tr><tr><td>Calais</td><td>06:40</td></tr>"
        f"</table><p>{P}Quote.</p><blockquote><p>The sea keeps its own clock, and we only "
        "read it as best we can from the shore.</p><footer>Ann Lee</footer></blockquote>"
        f"<p>{P}After.</p>"), url=URL)
    tables = [b for b in a.blocks if isinstance(b, Table)]
    assert tables == [Table(("Port", "Time"), (("Dover", "06:12"), ("Calais", "06:40")),
                            "High water")]
    quotes = [b for b in a.blocks if isinstance(b, BlockQuote)]
    assert len(quotes) == 1 and quotes[0].attribution == "Ann Lee"


def test_wiki_edit_links_and_citation_markers_dropped() -> None:
    a = narrate.parse_html(_page(
        "<h2><span class='mw-headline'>History</span><span class='mw-editsection'>"
        "<span>[</span><a href='/edit'>edit</a><span>]</span></span></h2>"
        f"<p>{P}Tables were first printed in 1833.<sup class='reference'><a href='#cite-1'>[1]"
        "</a></sup> They spread quickly.<sup><a href='#cite-2'>[2]</a></sup></p>"), url=URL)
    text = a.body_text()
    assert "[edit]" not in text and "edit" not in text.split()
    assert "[1]" not in text and "[2]" not in text
    assert "History" in _texts(a)
    assert "first printed in 1833. They spread quickly." in text


def test_each_text_once_caption_and_pull_quote() -> None:
    quote = "Nobody reads a tide table for pleasure, but everybody reads one in a storm."
    a = narrate.parse_html(_page(
        f"<p>{P}Pictures.</p><figure><img src='/chart.png' alt='A tide chart'>"
        "<figcaption>The chart for March.</figcaption></figure>"
        "<ul><li>The chart for March.</li></ul>"
        f"<p>{P}As the harbour master put it: {quote} And he was right.</p>"
        f"<blockquote><p>{quote}</p></blockquote><p>{P}After.</p>"), url=URL)
    text = a.body_text()
    assert text.count("Nobody reads a tide table") == 1
    assert "The chart for March." not in text  # it is the figure's caption, said there
    figs = [b for b in a.blocks if isinstance(b, Figure)]
    assert [f.caption for f in figs] == ["The chart for March."]


def test_lead_paragraph_kept_and_sidebar_dropped() -> None:
    a = narrate.parse_html(
        "<html><body><main><article><h1>Storm</h1><p class='lead'>A storm surge flooded the "
        "harbour road on Sunday night, the highest water in thirty years.</p>"
        f"<p>{P}One.</p><aside class='sidebar'><h3>Related stories</h3><p>Ferry times "
        f"change for the summer season, with more sailings.</p></aside><p>{P}Two.</p>"
        f"<p>{P}Three.</p></article></main></body></html>", url=URL)
    lines = _texts(a)
    assert lines[0].startswith("A storm surge flooded the harbour road")
    assert not any("Ferry times" in line or "Related stories" in line for line in lines)


def test_syndication_furniture_dropped() -> None:
    a = narrate.parse_html(_page(
        f"<p>{P}Two.</p><p><a href='/more'>Continue reading</a></p>"
        "<p>Related: <a href='/x'>How tides are measured</a></p>"
        f"<p>{P}Three.</p><p><em>This article was originally published on "
        "<a href='https://other.example'>The Other Example</a>.</em></p>"), url=URL)
    text = a.body_text()
    for junk in ("Continue reading", "Related:", "originally published"):
        assert junk not in text, junk


def test_same_picture_twice_and_heading_equal_to_alt_said_once() -> None:
    alt = "Lifeboat crew hauling the boat up the slipway at dusk"
    a = narrate.parse_html(_page(
        f"<p>{P}Two.</p><figure><img src='/boat-640.jpg' alt='{alt}'></figure>"
        f"<figure><img src='/boat-1280.jpg' alt='{alt}'></figure><h3>{alt}</h3>"
        f"<p>{P}Three.</p>"), url=URL)
    figs = [b for b in a.blocks if isinstance(b, Figure)]
    assert [f.src for f in figs] == ["https://docs.example/boat-640.jpg"]
    assert [f.alt for f in figs] == [alt]  # the model keeps the alt as written
    # the heading stays a heading (a section set beside its picture); the listener hears the
    # words once, as the heading
    assert alt in _texts(a)
    heard = [u.text for u in build_script(a)]
    assert sum(alt in t for t in heard) == 1, heard


def test_mathml_read_once() -> None:
    formula = "<math><mi>x</mi><mo>=</mo><mn>2</mn></math>"
    a = narrate.parse_html(_page(
        f"<p>{P}So {formula} holds.</p><p>{P}And <span><span style='display:none'>{formula}"
        "</span><img src='/f.png' aria-hidden='true' alt='x=2'></span> again.</p>"), url=URL)
    text = a.body_text()
    assert "So x = 2 holds." in text
    assert "And again." in text  # the picture beside the hidden formula says it, as a figure
    assert [b.alt for b in a.blocks if isinstance(b, Figure)] == ["x=2"]


def test_sections_kept_when_the_page_layout_is_named_for_its_sidebar() -> None:
    """A layout container named for the sidebar beside the article (``has-sidebar``,
    ``l-sidebar-fixed``) holds the article itself: its section headings are the article's.
    A related box inside the article still stays out."""
    sections = "".join(f"<h2>Stage {n}</h2><p>{P}Stage {n} text.</p>" for n in range(1, 4))
    a = narrate.parse_html(
        "<html><body><h1>Tide guide</h1><div class='page-grid has-sidebar'>"
        f"<div class='entry-content'><p>{P}Intro.</p>{sections}<div class='related-box'>"
        "<h3>More from the coast desk</h3><p><a href='/x'>Gulls and ferries</a></p></div>"
        f"<p>{P}The end.</p></div><div class='sidebar-column'><h3>Most read</h3>"
        "<ul><li><a href='/a'>Storm news</a></li></ul></div></div></body></html>", url=URL)
    heads = [(b.level, inline_text(b.inlines)) for b in a.blocks if isinstance(b, Heading)]
    assert heads == [(2, "Stage 1"), (2, "Stage 2"), (2, "Stage 3")]


def _toc_page(links: str) -> str:
    sections = "".join(f"<h2 id='s{n}'>Part {n}</h2><p>{P}Part {n} text.</p>" for n in (1, 2, 3))
    return _page(f"<div class='contents'><ul>{links}</ul></div>{sections}")


def test_table_of_contents_kept_as_navigation_and_not_narrated() -> None:
    toc = ("<li><a href='#s1'>1 Part 1</a><ul><li><a href='#s2'>1.1 Part 2</a></li></ul></li>"
           "<li><a href='#s3'>2 Part 3</a></li>")
    a = narrate.parse_html(_toc_page(toc), url=URL)
    navs = [b for b in a.blocks if isinstance(b, ListBlock) and b.navigation]
    assert len(navs) == 1 and len(navs[0].items) == 2
    assert isinstance(navs[0].items[0][-1], ListBlock)  # the nested entries stay nested
    assert "1 Part 1" not in _texts(a)  # not prose
    heard = [u.text for u in build_script(a)]
    assert [t for t in heard if t.startswith("Part 1")] == ["Part 1.", "Part 1 text."]
    assert not [t for t in heard if "1 Part 1" in t or "2 Part 3" in t]  # no contents entry
    assert Article.from_json(a.to_json()) == a
    assert '"navigation": true' in a.to_json(indent=None)
    from narrate.writers.html import write
    from narrate.writers.options import WriteOptions

    html = write(a, WriteOptions())  # readers get working in-page links, like pandoc's TOC
    assert '<a href="#h-part-2">1.1 Part 2</a>' in html and '<h2 id="h-part-2">' in html


def test_link_lists_that_leave_the_page_are_no_table_of_contents() -> None:
    for links in ("<li><a href='/a'>Part one elsewhere</a></li><li><a href='/b'>Part two</a></li>",
                  "<li><a href='#'>Open</a></li><li><a href='#'>Close</a></li>",
                  "<li><a href='#nowhere'>Part 1</a></li><li><a href='#gone'>Part 2</a></li>"):
        a = narrate.parse_html(_toc_page(links), url=URL)
        assert not [b for b in a.blocks if isinstance(b, ListBlock) and b.navigation], links


def test_displayed_formula_between_paragraphs_is_read() -> None:
    formula = ("<math display='block'><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn>"
               "</msup></math>")
    a = narrate.parse_html(_page(f"<p>{P}Energy:</p>{formula}<p>{P}After.</p>"), url=URL)
    lines = _texts(a)
    k = next(i for i, line in enumerate(lines) if line.endswith("Energy:"))
    assert lines[k + 1] == "E = m c 2"  # the formula where it stands, its symbols in order
    assert lines[k + 2].endswith("After.")


def test_a_long_heading_said_again_is_said_once_short_ones_stay() -> None:
    from narrate.readers.extract.once import say_once

    def head(text: str) -> Heading:
        return Heading(3, (Text(text),))

    slide = "Harbour lights after the storm, in pictures"
    blocks = (head("Method"), Paragraph((Text("One."),)), head("Method"),
              ListBlock(False, ((head(slide), Paragraph((Text("Slide one."),))),
                               (head(slide), Paragraph((Text("Slide two."),))))),
              head("Recent photo galleries"), head("recent  photo galleries"))
    out = say_once(blocks, set())
    heads = [inline_text(b.inlines) for b in out if isinstance(b, Heading)]
    assert heads == ["Method", "Method", "Recent photo galleries"]
    items = next(b for b in out if isinstance(b, ListBlock)).items
    assert [[type(x).__name__ for x in item] for item in items] == [
        ["Heading", "Paragraph"], ["Paragraph"]]


def test_a_kept_list_gets_its_links_and_nesting_back() -> None:
    a = narrate.parse_html(_page(
        "<h2>Before you start</h2><ul><li>Read <a href='/tables'>the harbour tables</a> for "
        "your port and note the times of high water for the week ahead</li><li>Check the "
        "<em>spring</em> tides in the almanac before planning any crossing<ul><li>the new "
        "moon week, when the range is largest</li><li>the full moon week, much the same</li>"
        "</ul></li><li>Plan to cross at slack water, an hour either side of the turn</li></ul>"
        f"<p>{P}After.</p>"), url=URL)
    lists = [b for b in a.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and len(lists[0].items) == 3
    first = lists[0].items[0][0]
    assert isinstance(first, Paragraph)
    assert [i.href for i in first.inlines if hasattr(i, "href")] == [
        "https://docs.example/tables"]
    assert isinstance(lists[0].items[1][-1], ListBlock)  # the nested list stays nested
