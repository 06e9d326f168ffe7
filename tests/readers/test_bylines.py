"""Byline cleaning: what is left is people's names, each once; never a placeholder or a URL."""

from __future__ import annotations

import pytest

from narrate.readers.bylines import clean_name, is_name, split_authors


@pytest.mark.parametrize("byline", [
    "By Ana Lim", "by Ana Lim", "BY: Ana Lim", "Written by Ana Lim", "Words by Ana Lim",
    "Von Ana Lim", "Par Ana Lim", "Por Ana Lim", "Door Ana Lim", "Author: Ana Lim",
])
def test_the_word_by_goes(byline: str) -> None:
    assert split_authors(byline) == ["Ana Lim"]


@pytest.mark.parametrize("byline", [
    "Ana Lim and Bo Park", "Ana Lim & Bo Park", "Ana Lim, Bo Park", "Ana Lim; Bo Park",
    "Ana Lim und Bo Park", "Ana Lim et Bo Park", "Ana Lim y Bo Park", "Ana Lim | Bo Park",
    "By Ana Lim (with Bo Park)", "Ana Lim, Bo Park and Ana Lim",
])
def test_several_authors_are_split_and_said_once(byline: str) -> None:
    assert split_authors(byline) == ["Ana Lim", "Bo Park"]


@pytest.mark.parametrize("byline", [
    "Ana Lim, Staff Writer", "Ana Lim Staff Writer", "Ana Lim, Senior Business Reporter",
    "Ana Lim, Foreign Correspondent", "Ana Lim, contributing editor", "Ana Lim, Columnist",
])
def test_roles_go(byline: str) -> None:
    assert split_authors(byline) == ["Ana Lim"]


@pytest.mark.parametrize("byline", [
    "Ana Lim Updated March 3, 2024", "Ana Lim Published 10:04 am", "Ana Lim2 hours ago",
    "By Ana Lim12 May 2021", "Ana Lim - Apr 16, 2015 8:02 pm UTC", "Ana Lim on Jan 3",
    "Ana Lim, a day ago", "Ana Lim 3 hours ago",
])
def test_dates_glued_to_the_name_go(byline: str) -> None:
    assert split_authors(byline) == ["Ana Lim"]


@pytest.mark.parametrize("byline", [
    "Ana Lim (ana.lim@example.org)", "Ana Lim @analim", "Ana Lim@analim",
    "Ana Lim https://example.org/staff/ana-lim", "Ana Lim www.analim.example",
])
def test_emails_handles_and_urls_go(byline: str) -> None:
    assert split_authors(byline) == ["Ana Lim"]


@pytest.mark.parametrize("value", [
    "FAIL", "Username", "admin", "null", "undefined", "Unknown", "None", "Anonymous",
    "https://www.facebook.com/ana.lim", "@analim", "jdoe", "",
])
def test_placeholders_logins_and_urls_are_no_author(value: str) -> None:
    assert split_authors(value) == []


def test_the_site_name_is_no_author() -> None:
    assert split_authors("Harbour Times", "Harbour Times") == []
    assert split_authors("By Ana Lim Harbour Times", "The Harbour Times") == ["Ana Lim"]
    assert split_authors("Ana Lim", "Harbour Times") == ["Ana Lim"]


def test_names_keep_their_particles_and_case() -> None:
    assert split_authors("Ludwig van Beethoven") == ["Ludwig van Beethoven"]
    assert split_authors("NATALIYA VASILYEVA") == ["NATALIYA VASILYEVA"]
    assert split_authors("Aleš Vávra") == ["Aleš Vávra"]


def test_trailing_lowercase_word_goes_only_from_page_text() -> None:
    """A byline line may run into "hace"/"před" (ago); a structured name keeps its words."""
    assert clean_name("Ana Lim hace", visible=True) == "Ana Lim"
    assert split_authors("Contributors to Wiki projects", visible=False) == [
        "Contributors to Wiki projects"]


def test_is_name_refuses_sentences() -> None:
    assert not is_name("This is a whole sentence that somebody put into the author field")
    assert is_name("Ana Lim")


@pytest.mark.parametrize(("byline", "site"), [
    ("Ana Lim, AP", "Harbour Times"), ("Ana Lim, harbourtimes.com", "Harbour Times"),
    ("Ana Lim, MS, RD", "Harbour Times"), ("Ana Lim, Harbour Times Business", "Harbour Times"),
    ("Ana Lim | Harbour Media for harbour.com", "Harbour"), ("Ana Lim HarbourTimes", "Harbour Times"),
])
def test_outlets_and_credentials_after_a_name_go(byline: str, site: str) -> None:
    assert split_authors(byline, site) == ["Ana Lim"]


def test_an_agency_alone_is_the_byline() -> None:
    assert split_authors("AP", "Harbour Times") == ["AP"]
    assert split_authors("Associated Press", "Harbour Times") == ["Associated Press"]


def test_a_name_sharing_letters_with_the_site_stays() -> None:
    assert split_authors("Apple Tan, Bo Park", "AP") == ["Apple Tan", "Bo Park"]


@pytest.mark.parametrize("value", ["Staff Reports", "Editorial", "Web Desk", "News Team"])
def test_generic_bylines_name_no_one(value: str) -> None:
    assert split_authors(value) == []


@pytest.mark.parametrize("byline", [
    "By Ana Lim Share on Facebook", "Ana Lim Follow", "Ana Lim Email Print Comments",
    "Ana Lim Tweet",
])
def test_byline_bar_buttons_go(byline: str) -> None:
    assert split_authors(byline) == ["Ana Lim"]


@pytest.mark.parametrize(("byline", "names"), [
    ("Ana Lim, Reuters", ["Ana Lim"]), ("ANA LIM Associated Press", ["ANA LIM"]),
    ("Ana Lim and Bo Park, The Associated Press", ["Ana Lim", "Bo Park"]),
])
def test_agency_credit_beside_a_name_goes(byline: str, names: list[str]) -> None:
    assert split_authors(byline) == names


def test_agency_alone_stays_even_with_a_long_name() -> None:
    assert split_authors("The Associated Press") == ["The Associated Press"]
    assert split_authors("Reuters") == ["Reuters"]


# A page's metadata often names only the first author while its visible byline names all of
# them: the fuller byline wins, but only when it names everyone the metadata names.
@pytest.mark.parametrize("meta, shown, expected", [
    (["Ann Lee"], ["Ann Lee", "Bo Chen"], ["Ann Lee", "Bo Chen"]),
    (["ann lee"], ["Ann Lee", "Bo Chen"], ["Ann Lee", "Bo Chen"]),
    (["Ann Lee"], ["Cy Park"], ["Ann Lee"]),  # someone else: maybe a teaser's byline
    (["Ann Lee", "Bo Chen"], ["Ann Lee"], ["Ann Lee", "Bo Chen"]),  # fewer names never win
    (["Ann Lee"], [], ["Ann Lee"]),
])
def test_a_shown_byline_naming_more_authors_wins(meta, shown, expected) -> None:
    from narrate.readers.bylines import fuller

    assert fuller(meta, shown) == expected


PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>Harbour</title>
<meta name="author" content="Ann Lee"></head><body><nav><a href="/">Home</a></nav>
<article><h1>Harbour</h1>{byline}
<p>The harbour was quiet that morning, and the gulls circled the pier as the boats came in.</p>
<p>By noon the market had opened and the first crates of fish were waiting on the quay.</p>
<p>In the afternoon the visitors came to take pictures of the old warehouses by the water.</p>
</article></body></html>"""


@pytest.mark.parametrize("lang, byline", [
    ("en", '<p class="byline">By Ann Lee and Bo Chen</p>'),  # a byline element
    ("en", "<p>By Ann Lee and Bo Chen</p>"),  # a "By" line at the top of the text
    ("de", '<div class="author">Von Ann Lee und Bo Chen</div>'),
])
def test_co_authors_the_page_shows_are_kept(lang, byline) -> None:
    from narrate.readers import read_source
    from narrate.sources import Source

    page = PAGE.format(lang=lang, byline=byline)
    article = read_source(Source(name="page.html", data=page.encode(), url=None))
    assert article.authors == ("Ann Lee", "Bo Chen")
    assert "Bo Chen" not in article.body_text()
