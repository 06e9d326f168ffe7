"""Spoken sentences are wrapped exactly, whatever inline markup they cut (writers/sync.py)."""

import itertools

from lxml import etree

from narrate.model import (
    Article,
    BlockQuote,
    Emphasis,
    Figure,
    Heading,
    Link,
    ListBlock,
    Paragraph,
    Strong,
    Table,
    Text,
)
from narrate.writers import WriteOptions, write
from narrate.writers.sync import Sentence, place

XHTML = ""  # the HTML export is polyglot XHTML without a namespace declaration


def article() -> Article:
    return Article(
        title="Title here", authors=("Ann Bee",), language="en",
        blocks=(
            Paragraph((Text("One "), Emphasis((Text("two. Three"),)), Text(" four. "),
                       Link((Strong((Text("Five"),)), Text(" six.")), "https://e.org/"),
                       Text(" Seven $5.")),),
            Heading(2, (Text("Part"),)),
            Figure("https://e.org/i.png", alt="A cat."),
            BlockQuote((Paragraph((Text("Quoted."),)),), attribution="Someone"),
            ListBlock(False, ((Paragraph((Text("Item one."),)),), (Paragraph((Text("Item two."),)),))),
            Table(("A",), (("1",),)),
        ),
    )


SENTENCES = (
    Sentence(0.1, 1.0, "Title here.", "Title here.", -1),
    Sentence(1.2, 2.0, "By Ann Bee.", "By Ann Bee.", -1),
    Sentence(2.1, 3.0, "One two.", "One two.", 0),
    Sentence(3.1, 4.0, "Three four.", "Three four.", 0),
    Sentence(4.1, 5.0, "Five six.", "Five six.", 0),
    Sentence(5.1, 6.0, "Seven five dollars.", "Seven $5.", 0),
    Sentence(6.1, 7.0, "Part.", "Part.", 1),
    Sentence(7.1, 8.0, "Image: A cat.", "Image: A cat.", 2),
    Sentence(8.1, 9.0, "Quote.", "Quote.", 3),
    Sentence(9.1, 10.0, "Quoted.", "Quoted.", 3),
    Sentence(10.1, 11.0, "Someone", "Someone", 3),
    Sentence(11.1, 12.0, "End quote.", "End quote.", 3),
    Sentence(12.1, 13.0, "Item one.", "Item one.", 4),
    Sentence(13.1, 14.0, "Item two.", "Item two.", 4),
    Sentence(14.1, 15.0, "A: 1.", "A: 1.", 5),
)


def page() -> etree._Element:
    html = write(article(), "html", WriteOptions(sentences=SENTENCES))
    return etree.fromstring(html.split("\n", 1)[1].encode())


def test_each_sentence_span_holds_exactly_its_words():
    root = page()
    spans = {s.get("id"): "".join(s.itertext()) for s in root.iter(f"{XHTML}span") if s.get("id")}
    assert spans == {"r3": "One two.", "r4": "Three four.", "r5": "Five six.", "r6": "Seven $5.",
                     "r10": "Quoted.", "r13": "Item one.", "r14": "Item two."}
    # the emphasis cut by a sentence end is closed and opened again; the link is kept whole
    assert [("".join(e.itertext())) for e in root.iter(f"{XHTML}em")] == ["two.", "Three"]
    links = list(root.iter(f"{XHTML}a"))
    assert [a.get("href") for a in links] == ["https://e.org/"]
    assert "".join(links[0].itertext()) == "Five six."


def test_other_sentences_point_at_their_element_in_reading_order():
    targets = place(article(), SENTENCES).targets
    assert targets[:2] == ["title", "byline"]
    assert targets[6] == "h-part"
    assert targets[7] == "b2"  # the figure
    assert targets[8] == "b3"  # "Quote." -> the quotation, before its words
    assert targets[10:12] == ["r10", "r10"]  # after the words: the last sentence placed
    assert targets[14] == "b5"  # the table
    root = page()
    ids = {e.get("id"): e.tag for e in root.iter() if e.get("id")}
    for t in targets:
        assert t in ids, t
    assert ids["b2"] == f"{XHTML}figure" and ids["b5"] == f"{XHTML}table"


# Any inline markup, any cut into sentences: the page stays well-formed and each span holds
# exactly its sentence (the HTML writer splits elements a sentence boundary cuts).
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from narrate.model import Code, LineBreak, inline_text  # noqa: E402

_words = st.text(alphabet="ab <&>.", min_size=1, max_size=6)
_inline = st.recursive(
    st.one_of(_words.map(Text), _words.map(Code), st.just(LineBreak())),
    lambda inner: st.one_of(
        st.lists(inner, min_size=1, max_size=3).map(lambda xs: Emphasis(tuple(xs))),
        st.lists(inner, min_size=1, max_size=3).map(lambda xs: Strong(tuple(xs))),
        st.lists(inner, min_size=0, max_size=3).map(lambda xs: Link(tuple(xs), "https://e.org/"))),
    max_leaves=8)


@settings(max_examples=150, deadline=None)
@given(st.lists(_inline, min_size=1, max_size=5), st.data())
def test_any_markup_any_sentences_nest_exactly(inlines, data):
    text = inline_text(tuple(inlines))
    cuts = sorted(set(data.draw(st.lists(st.integers(0, len(text)), max_size=4))) | {0, len(text)})
    pieces = [text[a:b] for a, b in itertools.pairwise(cuts) if text[a:b].strip()]
    sentences = tuple(Sentence(k, k + 0.5, p, p, 0) for k, p in enumerate(pieces))
    art = Article(title="T", blocks=(Paragraph(tuple(inlines)),))
    html = write(art, "html", WriteOptions(sentences=sentences))
    root = etree.fromstring(html.split("\n", 1)[1].encode())  # well-formed, strictly
    spans = {s.get("id"): "".join(s.itertext()) for s in root.iter("span") if s.get("id")}
    targets = place(art, sentences).targets
    assert all(t.startswith("r") for t in targets)  # contiguous sentences are always found
    for piece, target in zip(pieces, targets, strict=True):
        assert spans[target] == piece.strip().replace("\n", "")  # a LineBreak is <br />
