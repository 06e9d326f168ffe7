"""The rules for an article's edges: kicker, byline, bio, and promo trailers."""

from __future__ import annotations

from narrate.model import BlockQuote, Emphasis, Figure, Link, Paragraph, Text
from narrate.readers.extract.clean import is_boilerplate
from narrate.readers.lead import is_promo, split_lead, strip_trailer

PROSE = Paragraph((Text("A long paragraph of real prose that tells the reader what happened "
                        "on the coast last winter, why it mattered to the town, and what the "
                        "harbour master decided to do about it."),))


def _em_promo(*parts: str) -> Paragraph:
    return Paragraph(tuple(
        Link((Emphasis((Text(p[1:]),)),), "https://x.example") if p.startswith("@")
        else Emphasis((Text(p),)) for p in parts))


def test_promo_follow_us_on_networks() -> None:
    para = _em_promo("Follow the desk on ", "@Facebook", ", ", "@Instagram", " and ", "@Threads", ".")
    assert is_promo(para)


def test_promo_letters_to_the_editor() -> None:
    para = _em_promo("We publish ", "@letters to the editor", ". Tell us what you think.")
    assert is_promo(para)


def test_plain_closing_paragraph_is_not_promo() -> None:
    assert not is_promo(PROSE)
    tagline = Paragraph((Text("Jane Doe is a fisher and the author of a book about the sea."),))
    assert not is_promo(tagline)


def test_prose_mentioning_facebook_once_is_not_promo() -> None:
    para = Paragraph((Text("The company behind Facebook said on Tuesday that it would appeal "
                           "the ruling, which it called a mistake."),))
    assert not is_promo(para)


def test_strip_trailer_only_at_the_end() -> None:
    promo = _em_promo("Sign up for our ", "@newsletter", ".")
    blocks = (PROSE, promo, PROSE, promo, promo)
    assert strip_trailer(blocks) == (PROSE, promo, PROSE)


def test_split_lead() -> None:
    kicker = Paragraph((Text("Field Notes"),))
    fig = Figure("https://x.example/a.jpg", "alt", "caption")
    byline = Paragraph((Emphasis((Text("By "),)), Text("Ana Lim and Bo Park")))
    bio = BlockQuote((Paragraph((Text("Ms. Lim writes about rivers."),)),))
    title = Paragraph((Text("The River Report"),))
    body, lead = split_lead((kicker, title, fig, byline, bio, PROSE), "The River Report")
    assert body == (fig, PROSE)
    assert lead.kicker == "Field Notes"
    assert lead.authors == ["Ana Lim", "Bo Park"]
    assert lead.author_bio == "Ms. Lim writes about rivers."


def test_short_first_paragraph_before_prose_is_not_a_kicker() -> None:
    short = Paragraph((Text("Yes."),))
    body, lead = split_lead((short, PROSE), "Title")
    assert body == (short, PROSE) and lead.kicker == ""


def test_block_boilerplate() -> None:
    assert is_boilerplate(Paragraph((Text("© 2025 Example Media. All rights reserved."),)))
    assert is_boilerplate(Paragraph((Text("Updated at 1:23 p.m."),)))
    assert is_boilerplate(Paragraph((Text("READ MORE: Storm closes the pier"),)))
    assert not is_boilerplate(PROSE)
    assert not is_boilerplate(Paragraph((Text("More than 40 keepers once worked here."),)))


def test_dateline_at_the_top_is_metadata() -> None:
    for line in ("Updated 5:45 AM PST, March 3, 2024", "March 3, 2024", "Published 3 hours ago",
                 "11/19/2019 10:04 am"):
        body, lead = split_lead((Paragraph((Text(line),)), PROSE), "Title")
        assert body == (PROSE,), line
    _, lead = split_lead((Paragraph((Text("Updated 5:45 AM PST, March 3, 2024"),)), PROSE), "T")
    assert lead.published == "2024-03-03"


def test_dateline_with_a_byline() -> None:
    line = Paragraph((Text("5:45 AM PST 11/19/2019 by Ana Lim"),))
    body, lead = split_lead((line, PROSE), "Title")
    assert body == (PROSE,)
    assert lead.authors == ["Ana Lim"]


def test_a_short_line_with_a_number_is_not_a_dateline() -> None:
    for line in ("Chapter 3", "Top 10 beaches in 2024", "March 3, 2024 was a cold day"):
        body, _ = split_lead((Paragraph((Text(line),)), PROSE), "Title")
        assert body[0] == Paragraph((Text(line),)), line


def test_a_line_of_the_known_authors_is_the_byline() -> None:
    for line in ("Ana Lim", "Ana Lim and Bo Park", "Ana Lim | May 3, 2024"):
        body, lead = split_lead((Paragraph((Text(line),)), PROSE), "Title",
                                authors=("Ana Lim", "Bo Park"))
        assert body == (PROSE,), line
        assert lead.authors == ["Ana Lim", "Bo Park"]


def test_a_line_naming_someone_else_stays() -> None:
    line = Paragraph((Text("Ana Lim and Cy Dee"),))
    body, _ = split_lead((line, PROSE), "Title", authors=("Ana Lim",))
    assert body == (line, PROSE)


def test_dateline_fills_the_articles_date_and_is_not_read() -> None:
    import narrate

    prose = "<p>" + "The harbour wall held through the night, said the keeper. " * 8 + "</p>"
    page = ("<html><head><title>Tide rises over the old harbour wall</title></head><body>"
            "<article><h1>Tide rises over the old harbour wall</h1>"
            '<p class="dateline">Updated 5:45 AM PST, March 3, 2024</p>' + prose * 3 + "</article></body></html>")
    article = narrate.parse_html(page)
    assert article.published == "2024-03-03"
    assert "5:45" not in article.body_text()
