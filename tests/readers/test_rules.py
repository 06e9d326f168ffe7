"""The general case of each boilerplate rule that fewer than three dev sites show: one
synthetic page per rule, worded unlike any benchmark page (issue 10: general rules only)."""

from __future__ import annotations

import pytest

import narrate
from narrate.model import Figure, Heading, Paragraph, Text
from narrate.readers.extract.clean import is_boilerplate
from narrate.readers.lead import strip_trailer

P = ("Volunteers counted the seabirds on the northern cliffs for the eleventh spring in a row, "
     "and the numbers were better than anyone had dared to hope after last year's storms. ")


def _para(text: str) -> Paragraph:
    return Paragraph((Text(text),))


@pytest.mark.parametrize("line", [
    "© 2024 Seabird Trust",
    "Copyright 2023 The Cliff Gazette",
    "Text and photos (c) 2022 R. Moss",
    "Updated: 12 March 2025, 09:14",
    "Posted on 3/4/2025",
    "Last updated at 10:02 BST",
    "Read more: Why puffins return to the same burrow",
    "Related: The gannet census of 2019",
    "You might also like",
    "Click here to see the full list of colonies",
    "Sign up now for our weekly birding notes",
    "Continue reading the main story",
    "This story originally appeared in Coastal Notes.",
    "[gallery ids=\"12,13,14\"]",
    "[caption id=\"attachment_7\" align=\"alignnone\"]A puffin[/caption]",
])
def test_short_furniture_lines_are_boilerplate(line: str) -> None:
    assert is_boilerplate(_para(line))


@pytest.mark.parametrize("line", [
    P,
    "Updated figures will be published next year, the trust said, once the autumn count ends.",
    "More than four hundred pairs nested on the eastern stack this year.",
    "Related species such as the razorbill did less well in the same weeks.",
    "The copyright of the photographs stays with the volunteers who took them, the trust "
    "explained in a note that went out to every member of the group before the season began.",
])
def test_prose_is_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(_para(line))


def test_trailer_promo_and_headline_links_cut() -> None:
    from narrate.model import Link

    blocks = (
        _para(P), _para(P),
        Paragraph((Text("Follow us on Mastodon and Bluesky for daily counts."),)),
        Paragraph((Link((Text("Ten cliffs to visit this summer"),), "https://x.example/a"),)),
    )
    assert strip_trailer(blocks) == blocks[:2]
    headline_only = blocks[:2] + (blocks[3],)
    assert strip_trailer(headline_only) == blocks[:2]


@pytest.mark.parametrize("cls", ["tooltip", "js-popover", "newsletter-popup"])
def test_pop_ups_pruned_before_extraction(cls: str) -> None:
    html = (f"<html><body><article><p>{P}</p><span class='{cls}'>Puffin: a small auk with a "
            f"bright bill, common on the cliffs</span><p>{P}</p><div hidden>Hidden words here"
            "</div></article></body></html>")
    text = narrate.parse_html(html).body_text()
    assert "small auk" not in text and "Hidden words" not in text


@pytest.mark.parametrize("cls", ["related-links", "post-sidebar", "promo-box", "share-tools",
                                 "advert-slot", "social-row", "teaser-grid", "comments",
                                 "newsletter-signup", "recommended", "sponsored-content"])
def test_figures_and_headings_in_furniture_containers_stay_out(cls: str) -> None:
    html = (f"<html><body><article><p>{P}one</p><div class='{cls}'><h3>Elsewhere today</h3>"
            "<figure><img src='https://cdn.example/other.jpg' alt='Another story'></figure>"
            f"</div><p>{P}two</p><p>{P}three</p></article></body></html>")
    article = narrate.parse_html(html)
    assert not [b for b in article.blocks if isinstance(b, (Figure, Heading))]


@pytest.mark.parametrize("style", ["display: none", "display:none;", "color: red; visibility: hidden"])
def test_invisible_by_inline_style_pruned(style: str) -> None:
    html = (f"<html><body><article><p>{P}</p><p style='{style}'>Secret draft sentence that no "
            f"visitor ever sees on the page.</p><p>{P}</p></article></body></html>")
    assert "Secret draft" not in narrate.parse_html(html).body_text()


def test_a_paragraph_the_article_repeats_is_read_each_time() -> None:
    refrain = ("And still the birds came back, year after year, to the same narrow ledges "
               "above the grey water.")
    html = (f"<html><body><article><p>{P}</p><p>{refrain}</p><p>{refrain}</p>"
            "</article></body></html>")
    assert narrate.parse_html(html).body_text().count("And still the birds") == 2


def test_a_div_of_running_text_is_a_paragraph_and_its_repeat_is_read() -> None:
    """Text set straight in a ``<div>`` (no ``<p>``) is a paragraph, as Readability reads it;
    said twice on the page, it is read twice."""
    refrain = ("And still the birds came back, year after year, to the same narrow ledges "
               "above the grey water, whatever the wardens did to keep the gulls away.")
    html = (f"<html><body><article><div>{P}</div><div>{refrain}</div><div>{refrain}</div>"
            "</article></body></html>")
    text = narrate.parse_html(html).body_text()
    assert text.count("And still the birds") == 2


@pytest.mark.parametrize("cls", ["link", "bottom", "inline-link share-tip"])
def test_a_classed_span_inside_a_sentence_is_read(cls: str) -> None:
    """Whatever its class says, a span within a paragraph's running text is part of the
    sentence: no extractor rule may cut the sentence in half (issue 10: each text once,
    nothing lost)."""
    page = (f"<html><head><title>Birds</title></head><body><article><h1>Birds</h1><p>{P}</p>"
            f"<p>The wardens also took part in the <span class='{cls}'><a href='/r'>ringing of "
            f"young puffins</a></span>, and even in the <span class='{cls}'>egg count.</span></p>"
            f"<p>{P}</p></article></body></html>")
    text = narrate.parse_html(page, url="https://birds.example/a").body_text()
    assert ("The wardens also took part in the ringing of young puffins, and even in the "
            "egg count.") in text
