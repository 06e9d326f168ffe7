"""Page metadata: each source on its own, and the order in which sources win, per field."""

from __future__ import annotations

import json

from narrate.readers.dates import iso_date
from narrate.readers.html import parse_tree
from narrate.readers.metadata import page_meta, strip_names

BODY = "<p>" + "Words of the article itself. " * 20 + "</p>"


def _page(head: str = "", body: str = BODY, lang: str = "") -> str:
    attr = f' lang="{lang}"' if lang else ""
    return f"<!doctype html><html{attr}><head>{head}</head><body>{body}</body></html>"


def _ld(obj: object, wrap: str = "") -> str:
    text = json.dumps(obj)
    if wrap == "cdata":
        text = f"<![CDATA[{text}]]>"
    return f'<script type="application/ld+json">{text}</script>'


def _meta(html: str, url: str | None = "https://news.example/story"):
    return page_meta(parse_tree(html), url)


# ------------------------------------------------------------------ JSON-LD

NEWS = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Tide Rises",
        "datePublished": "2024-03-05T08:00:00+01:00",
        "author": [{"@type": "Person", "name": "Ana Lim"}, {"@type": "Person", "name": "Bo Park"}],
        "publisher": {"@type": "Organization", "name": "Harbour Times"}, "inLanguage": "en-GB"}


def test_jsonld_news_article() -> None:
    meta = _meta(_page(_ld(NEWS)))
    assert meta.title == "Tide Rises"
    assert meta.authors == ["Ana Lim", "Bo Park"]
    assert meta.published == "2024-03-05T08:00:00+01:00"
    assert meta.site_name == "Harbour Times"
    assert meta.language == "en-GB"


def test_jsonld_in_a_graph_wrapped_in_cdata() -> None:
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Harbour Times"},
        {"@type": "WebPage", "name": "Tide Rises - Harbour Times"},
        {**NEWS, "@type": "ReportageNewsArticle", "publisher": {"@id": "#org"}},
    ]}
    meta = _meta(_page(_ld(graph, wrap="cdata")))
    assert meta.title == "Tide Rises"
    assert meta.authors == ["Ana Lim", "Bo Park"]
    assert meta.site_name == "Harbour Times"  # from the WebSite object: the publisher is a ref


def test_jsonld_top_level_array_and_given_family_names() -> None:
    post = {"@type": ["BlogPosting"], "headline": "Notes",
            "author": {"@type": "Person", "givenName": "Ana", "familyName": "Lim"}}
    meta = _meta(_page(_ld([{"@type": "BreadcrumbList"}, post])))
    assert meta.title == "Notes"
    assert meta.authors == ["Ana Lim"]


def test_jsonld_organisation_named_like_the_site_is_no_author() -> None:
    org = {**NEWS, "author": {"@type": "Organization", "name": "Harbour Times"}}
    assert _meta(_page(_ld(org))).authors == []


def test_jsonld_person_may_share_the_sites_name() -> None:
    blog = {**NEWS, "author": {"@type": "Person", "name": "Ana Lim"},
            "publisher": {"@type": "Organization", "name": "Ana Lim"}}
    assert _meta(_page(_ld(blog))).authors == ["Ana Lim"]


def test_broken_jsonld_is_skipped() -> None:
    head = '<script type="application/ld+json">{"@type": "NewsArticle", </script>'
    head += '<meta name="author" content="Ana Lim">'
    assert _meta(_page(head)).authors == ["Ana Lim"]


# ------------------------------------------------------------------ meta tags

def test_open_graph_and_article_meta() -> None:
    head = ('<meta property="og:title" content="Tide Rises">'
            '<meta property="og:site_name" content="Harbour Times">'
            '<meta property="article:published_time" content="2024-03-05T08:00:00Z">'
            '<meta property="article:author" content="https://facebook.example/ana">'
            '<meta property="og:locale" content="en_GB">')
    meta = _meta(_page(head))
    assert (meta.title, meta.site_name, meta.published) == ("Tide Rises", "Harbour Times",
                                                            "2024-03-05T08:00:00Z")
    assert meta.authors == []  # article:author is a profile URL, not a name
    assert meta.language == "en-GB"


def test_dublin_core() -> None:
    head = ('<meta name="DC.title" content="Tide Rises">'
            '<meta name="DC.creator" content="Ana Lim">'
            '<meta name="DC.date.issued" content="2024-03-05">'
            '<meta name="DC.language" content="de">')
    meta = _meta(_page(head))
    assert (meta.title, meta.authors, meta.published) == ("Tide Rises", ["Ana Lim"], "2024-03-05")
    assert meta.language == "de"


def test_dublin_core_before_open_graph() -> None:
    head = ('<meta property="og:title" content="Social Title">'
            '<meta property="dc:title" content="Catalogue Title">')
    assert _meta(_page(head)).title == "Catalogue Title"


def test_rdfa_property_may_list_several_keys() -> None:
    head = '<meta property="x:title dc:title" content="Tide Rises"><title>Other</title>'
    assert _meta(_page(head)).title == "Tide Rises"


def test_meta_author_all_values_of_the_best_key() -> None:
    head = ('<meta name="author" content="Ana Lim"><meta name="author" content="Bo Park">'
            '<meta name="parsely-author" content="Cy Dee">')
    assert _meta(_page(head)).authors == ["Ana Lim", "Bo Park"]


def test_parsely_meta() -> None:
    head = ('<meta name="parsely-title" content="Tide Rises">'
            '<meta name="parsely-author" content="Ana Lim">'
            '<meta name="parsely-pub-date" content="2024-04-20T04:20:00.000Z">')
    meta = _meta(_page(head))
    assert (meta.title, meta.authors, meta.published) == (
        "Tide Rises", ["Ana Lim"], "2024-04-20T04:20:00.000Z")


def test_placeholder_author_falls_through_to_the_next_source() -> None:
    head = '<meta name="author" content="FAIL">'
    body = '<p class="byline">By Ana Lim</p>' + BODY
    assert _meta(_page(head, body)).authors == ["Ana Lim"]


# ------------------------------------------------------------------ markup in the body

def test_itemprop_author_with_inner_name() -> None:
    body = ('<article><div itemprop="author" itemscope><img alt=""> '
            '<span itemprop="name">Ana Lim</span><span itemprop="jobTitle">Editor</span></div>'
            + BODY + '</article>')
    assert _meta(_page(body=body)).authors == ["Ana Lim"]


def test_rel_author_link() -> None:
    body = '<p>Posted by <a rel="author" href="/u/ana">Ana Lim</a></p>' + BODY
    assert _meta(_page(body=body)).authors == ["Ana Lim"]


def test_rel_author_in_comments_is_not_the_byline() -> None:
    body = (BODY + '<section id="comments"><a rel="author" href="/u/x">Cy Dee</a></section>')
    assert _meta(_page(body=body)).authors == []


def test_visible_byline_element_first_one_wins() -> None:
    body = ('<nav><span class="author">Menu Person</span></nav>'
            '<div class="article-byline">By Ana Lim and Bo Park | Updated May 3, 2024</div>'
            + BODY + '<ul><li><span class="byline">Cy Dee</span> Another story</li></ul>')
    assert _meta(_page(body=body)).authors == ["Ana Lim", "Bo Park"]


def test_visible_byline_skips_bio_boxes_and_menus() -> None:
    body = ('<div class="author-bio">Ana Lim writes about the sea for us and has done so '
            'since the harbour opened.</div><span class="byline">Bo Park</span>' + BODY)
    assert _meta(_page(body=body)).authors == ["Bo Park"]


def test_byline_in_the_articles_aside_counts() -> None:
    body = ('<article><aside><span class="article-author" itemprop="author">Ana Lim —</span>'
            '</aside>' + BODY + '</article>')
    assert _meta(_page(body=body)).authors == ["Ana Lim"]


def test_time_datetime() -> None:
    body = ('<article><div class="meta"><time datetime="2024-03-05T08:00">5 March</time></div>'
            + BODY + '</article>')
    assert _meta(_page(body=body)).published == "2024-03-05T08:00"
    pub = '<time datetime="2023-01-02" pubdate>2 Jan</time>' + BODY
    assert _meta(_page(body=pub)).published == "2023-01-02"


# ------------------------------------------------------------------ priorities and voters

def test_jsonld_wins_over_meta_and_body() -> None:
    head = _ld(NEWS) + ('<meta name="author" content="Cy Dee">'
                        '<meta property="article:published_time" content="2020-01-01">'
                        '<meta property="og:site_name" content="Harbour Times - all the news">')
    meta = _meta(_page(head, '<p class="byline">By Di Eve</p>' + BODY))
    assert meta.authors == ["Ana Lim", "Bo Park"]
    assert meta.published.startswith("2024-03-05")
    assert meta.site_name == "Harbour Times"


def test_htmldate_votes_for_an_article_without_a_date_in_its_markup() -> None:
    head = '<meta property="og:type" content="article">'
    meta = _meta(_page(head), url="https://news.example/2021/03/04/tide-rises.html")
    assert meta.published == "2021-03-04"


def test_no_date_guessed_for_a_page_that_is_no_article() -> None:
    meta = _meta(_page(), url="https://wiki.example/2021/03/04/tide")
    assert meta.published == ""


def test_dates_are_iso_8601() -> None:
    assert iso_date("2019-04-28 06:01:07") == "2019-04-28T06:01:07"
    assert iso_date("2021-11-01T10:52:50+0100") == "2021-11-01T10:52:50+01:00"
    assert iso_date("20190221") == "2019-02-21"
    assert iso_date("05/29/2007") == ""  # month or day first? no guessing
    assert iso_date("2019-02-30") == ""
    assert iso_date("1066-10-14") == ""
    assert iso_date("Tue, 05 Mar 2024 08:00:00 GMT") == "2024-03-05T08:00:00+00:00"
    assert iso_date("March 5, 2024") == iso_date("5 March 2024") == "2024-03-05"
    assert iso_date("yesterday") == ""


# ------------------------------------------------------------------ title and language

def test_title_prefers_the_candidate_matching_the_h1() -> None:
    head = _ld({"@type": "NewsArticle", "headline": "SEO Headline About Tides"})
    head += '<meta property="og:title" content="Tide Rises Again">'
    body = "<h1>Tide Rises Again</h1>" + BODY
    assert _meta(_page(head, body)).title == "Tide Rises Again"


def test_title_site_suffix_goes_when_it_is_the_site_name() -> None:
    head = ('<meta property="og:site_name" content="Harbour Times">'
            '<title>Tide Rises | Harbour Times</title>')
    assert _meta(_page(head)).title == "Tide Rises"
    head2 = '<title>Tide Rises | Part Two</title>'
    assert _meta(_page(head2)).title == "Tide Rises | Part Two"


def test_title_drops_site_and_author_affixes() -> None:
    assert strip_names("Tide Rises - by Ana Lim - Harbour", ["Harbour", "Ana Lim"]) == "Tide Rises"
    assert strip_names("Harbour: Tide Rises", ["Harbour"]) == "Tide Rises"
    assert strip_names("Harbour", ["Harbour"]) == "Harbour"


def test_document_title_over_an_unrelated_h1() -> None:
    head = "<title>Notes on tides</title>"
    body = "<header><h1>My Blog</h1></header>" + BODY
    assert _meta(_page(head, body)).title == "Notes on tides"


def test_svg_title_is_not_the_document_title() -> None:
    body = '<svg><title>menu</title></svg><h1>Tide Rises</h1>' + BODY
    assert _meta(_page("<title>Tide Rises</title>", body)).title == "Tide Rises"
    assert _meta(_page("", body)).title == "Tide Rises"


def test_language_from_html_lang_first() -> None:
    head = '<meta property="og:locale" content="fr_FR">'
    assert _meta(_page(head, lang="de-CH")).language == "de-CH"
    assert _meta(_page(head)).language == "fr-FR"


def test_document_title_loses_its_last_part_when_a_headline_is_left() -> None:
    assert _meta(_page("<title>Lorem ipsum dolor sit amet – My website</title>")).title == (
        "Lorem ipsum dolor sit amet")
    assert _meta(_page("<title>Python - The Good Parts</title>")).title == (
        "Python - The Good Parts")
    # og:title is taken as given
    head = '<meta property="og:title" content="Lorem ipsum dolor sit amet – My website">'
    assert _meta(_page(head)).title == "Lorem ipsum dolor sit amet – My website"


def test_only_one_part_goes_from_a_document_title() -> None:
    head = ('<meta name="author" content="Ana Lim">'
            "<title>Get your tide tables covered right | Code | Ana Lim</title>")
    assert _meta(_page(head)).title == "Get your tide tables covered right | Code"


def test_hostile_jsonld_gives_no_metadata_and_no_error() -> None:
    odd = [{"@type": 7, "headline": {"@value": "x"}, "author": 12, "datePublished": ["nope"]},
           {"@type": "NewsArticle", "headline": ["Tide Rises", 3],
            "author": [[[[[[{"name": "Too Deep"}]]]]]], "publisher": {"name": {"x": 1}}}]
    deep = '<script type="application/ld+json">' + "[" * 50_000 + "]" * 50_000 + "</script>"
    meta = _meta(_page(_ld(odd) + deep))
    assert meta.title == "Tide Rises"
    assert meta.authors == [] and meta.site_name == "" and meta.published == ""


def test_bylines_of_other_stories_in_a_sidebar_are_not_the_articles() -> None:
    body = ('<div class="sidebar"><span class="byline">Cy Dee</span></div>'
            '<div id="related-stories"><span class="byline">Di Eve</span></div>'
            '<div class="main-content has-sidebar"><p class="byline">By Ana Lim</p></div>' + BODY)
    assert _meta(_page(body=body)).authors == ["Ana Lim"]


def test_escaped_entities_in_metadata_read_as_characters() -> None:
    head = (_ld({"@type": "NewsArticle", "headline": "Tom &amp; Jerry&#39;s Day",
                 "author": {"@type": "Person", "name": "Ana L&iacute;m"}})
            + '<meta property="og:site_name" content="Cats &amp;amp; Mice">')
    meta = _meta(_page(head))
    assert meta.title == "Tom & Jerry's Day"
    assert meta.authors == ["Ana Lím"]
    assert meta.site_name == "Cats & Mice"


def test_jsonld_author_and_publisher_by_reference() -> None:
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "Article", "headline": "Tide Rises", "author": {"@id": "#ana"},
         "publisher": {"@id": "#org"}},
        {"@type": "Person", "@id": "#ana", "name": "Ana Lim"},
        {"@type": "Organization", "@id": "#org", "name": "Harbour Times"},
    ]}
    meta = _meta(_page(_ld(graph)))
    assert meta.authors == ["Ana Lim"]
    assert meta.site_name == "Harbour Times"


def test_a_title_that_is_only_the_site_name_is_skipped() -> None:
    head = ('<meta property="og:site_name" content="Harbour Times">'
            '<meta property="og:title" content="Harbour Times">'
            "<title>Tide rises over the old harbour wall | Harbour Times</title>")
    assert _meta(_page(head)).title == "Tide rises over the old harbour wall"


def test_trafilatura_votes_for_a_meta_name_only_it_knows() -> None:
    head = '<meta name="shareaholic:article_author_name" content="Ana Lim">'
    assert _meta(_page(head)).authors == ["Ana Lim"]


def test_trafilatura_does_not_overrule_a_refused_login() -> None:
    head = _ld({"@type": "BlogPosting", "headline": "Notes", "author": {"name": "mcupdate"}})
    assert _meta(_page(head)).authors == []


def test_element_classed_as_the_date() -> None:
    body = '<div class="entry-meta"><span class="entry-date">March 5, 2024</span></div>' + BODY
    assert _meta(_page(body=body)).published == "2024-03-05"
    teaser = '<div class="sidebar"><span class="date">May 1, 2020</span></div>' + BODY
    assert _meta(_page(body=teaser)).published == ""
