"""Issue 10: every content image in reading order, alt exact, captions and credits apart,
decorative images out, nothing invented. Fixtures are our own synthetic pages."""

from __future__ import annotations

import narrate
from narrate.model import Article, Figure, Paragraph

URL = "https://paper.example/2025/05/tides.html"
P = ("The tide came in faster than anyone on the quay expected that morning, and the "
     "boats that had been left on the mud had to be pulled up the slipway by hand. ")


def _page(body: str, head: str = "") -> str:
    return (f"<html><head><title>Tides</title>{head}</head><body><nav><a href='/'>Home</a>"
            f"</nav><article><h1>Tides</h1><p>{P}one</p>{body}<p>{P}end</p></article>"
            "<footer>© 2025 Paper</footer></body></html>")


def _figures(article: Article) -> list[Figure]:
    return [b for b in article.blocks if isinstance(b, Figure)]


def test_figure_with_several_images_keeps_each_in_order_caption_once() -> None:
    a = narrate.parse_html(_page(
        f"<p>{P}two</p><figure><img src='/a.jpg' alt='The quay at dawn'>"
        "<img src='/b.jpg' alt='The quay at noon'><figcaption>Two views of the quay."
        "<span class='credit'>Ann Lee</span></figcaption></figure>"
        f"<p>{P}three</p>"), url=URL)
    figs = _figures(a)
    assert [f.src for f in figs] == ["https://paper.example/a.jpg", "https://paper.example/b.jpg"]
    assert [f.alt for f in figs] == ["The quay at dawn", "The quay at noon"]
    assert [f.caption for f in figs].count("Two views of the quay.") == 1
    assert [f.credit for f in figs].count("Ann Lee") == 1
    assert "Two views" not in a.body_text()


def test_images_inside_paragraphs_links_and_tables_follow_reading_order() -> None:
    a = narrate.parse_html(_page(
        f"<p>{P}two <img src='in-para.png' alt='A chart of tide heights'></p>"
        f"<p>{P}three <a href='/big.jpg'><img src='/small.jpg' alt='The slipway'></a></p>"
        "<table><tr><td><img src='/t1.png' alt='High water mark'></td>"
        "<td>High water was at six in the morning, an hour early.</td></tr></table>"
        f"<p>{P}four</p>"), url=URL)
    srcs = [f.src for f in _figures(a)]
    assert srcs == ["https://paper.example/2025/05/in-para.png",
                    "https://paper.example/small.jpg", "https://paper.example/t1.png"]
    kinds = [type(b).__name__ for b in a.blocks]
    # each image comes after the paragraph that holds it
    first = kinds.index("Figure")
    assert kinds[first - 1] == "Paragraph"
    assert "two" in a.blocks[first - 1].inlines[-1].text  # type: ignore[union-attr]


def test_lazy_loaded_sources() -> None:
    gif = "data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw=="
    a = narrate.parse_html(_page(
        f"<p>{P}two</p>"
        f"<figure><img src='{gif}' data-src='/lazy1.jpg' alt='One'></figure>"
        f"<figure><img src='/img/blank.gif' data-srcset='/l2-320.jpg 320w, /l2-960.jpg 960w' "
        "alt='Two'></figure>"
        "<figure><img srcset='/s3-1x.jpg 1x, /s3-2x.jpg 2x' alt='Three'></figure>"
        "<figure><picture><source srcset='/p4.webp' type='image/webp'><img alt='Four'>"
        "</picture></figure>"
        f"<figure><img class='lazy' src='{gif}' alt='Five'><noscript><img src='/ns5.jpg' "
        "alt='Five'></noscript></figure>"
        f"<p>{P}three</p>"), url=URL)
    assert [(f.src, f.alt) for f in _figures(a)] == [
        ("https://paper.example/lazy1.jpg", "One"),
        ("https://paper.example/l2-960.jpg", "Two"),
        ("https://paper.example/s3-2x.jpg", "Three"),
        ("https://paper.example/p4.webp", "Four"),
        ("https://paper.example/ns5.jpg", "Five"),
    ]


def test_alt_kept_exactly_and_nothing_invented() -> None:
    alt = "Fishermen — three of them — haul a net (photo taken in 1952)"
    a = narrate.parse_html(_page(
        f"<p>{P}two</p><figure><img src='/x.jpg' alt='{alt}'></figure>"
        f"<p>{P}three</p><figure><img src='/no-alt.jpg'></figure><p>{P}four</p>"), url=URL)
    figs = _figures(a)
    assert figs[0].alt == alt
    assert figs[1] == Figure("https://paper.example/no-alt.jpg", "", "", "")


def test_decorative_images_left_out() -> None:
    a = narrate.parse_html(_page(
        f"<p>{P}two <img src='/px.gif' width='1' height='1' alt=''>"
        "<img src='/icon.png' width='16' height='16' alt='Share'></p>"
        "<figure><img src='/role.png' role='presentation' alt='x'></figure>"
        "<figure><img src='/hidden.png' aria-hidden='true' alt='y'></figure>"
        "<div aria-hidden='true'><img src='/dup-thumb.jpg' alt='z'></div>"
        "<div><a href='/other-story'><img src='/teaser.jpg' alt='t'>"
        "<h4>Another story about the harbour</h4></a></div>"
        f"<p>{P}three</p><figure><img src='/real.jpg' alt='The real picture'></figure>"
        f"<p>{P}four</p>"), url=URL)
    assert [f.src for f in _figures(a)] == ["https://paper.example/real.jpg"]


def test_empty_alt_picture_is_kept_but_never_narrated() -> None:
    from narrate.speech.script import build_script

    a = narrate.parse_html(_page(
        f"<p>{P}two</p><figure><img src='/chart.png' alt=''></figure><p>{P}three</p>"), url=URL)
    assert _figures(a) == [Figure("https://paper.example/chart.png", "", "", "")]
    spoken = " ".join(u.text for u in build_script(a))
    assert "chart" not in spoken.lower() and "image" not in spoken.lower()


def test_captions_and_credits_apart_from_alt() -> None:
    a = narrate.parse_html(_page(
        f"<p>{P}two</p><figure><img src='/boat.jpg' alt='A red boat'><figcaption>"
        "The lifeboat returns. Photo: Ann Lee</figcaption></figure>"
        "<figure><img src='/net.jpg' alt='A net'><figcaption><span>Nets drying on the wall."
        "</span><span><span>Credit</span>Bo Park/Agency</span></figcaption></figure>"
        f"<p>{P}three</p>"), url=URL)
    assert [(f.alt, f.caption, f.credit) for f in _figures(a)] == [
        ("A red boat", "The lifeboat returns.", "Ann Lee"),
        ("A net", "Nets drying on the wall.", "Bo Park/Agency"),
    ]


def test_base_element_resolves_relative_sources() -> None:
    a = narrate.parse_html(_page(
        f"<p>{P}two</p><figure><img src='pic.jpg' alt='p'></figure><p>{P}three</p>",
        head="<base href='/media/'>"), url=URL)
    assert _figures(a)[0].src == "https://paper.example/media/pic.jpg"


def test_formula_picture_kept_when_its_mathml_is_not_read() -> None:
    a = narrate.parse_html(_page(
        f"<p>{P}two where <span class='math'><math><mi>x</mi></math>"
        "<img src='/f.svg' aria-hidden='true' alt='x^2'></span> grows.</p>"
        f"<p>{P}three</p>"), url=URL)
    assert [f.alt for f in _figures(a)] == ["x^2"]
    assert all(not isinstance(b, Paragraph) or "x^2" not in str(b) for b in a.blocks)


def test_script_loaded_picture_named_in_microdata() -> None:
    a = narrate.parse_html(_page(
        f"<p>{P}two</p><figure itemscope itemtype='http://schema.org/ImageObject' "
        "itemid='https://img.example/quay.jpg'><div data-lazy-container></div>"
        f"<figcaption>The quay in winter.</figcaption></figure><p>{P}three</p>"), url=URL)
    assert _figures(a) == [Figure("https://img.example/quay.jpg", "", "The quay in winter.", "")]


def test_pictures_in_a_layout_tables_sidebar_stay_out() -> None:
    a = narrate.parse_html(
        "<html><body><table><tr><td class='content'>"
        f"<p>{P}one</p><p>{P}two</p><img src='/inline.jpg' alt='The quay'><p>{P}three</p>"
        "</td><td class='sidebar'><b>Our other papers</b><a href='https://other.example/'>"
        "<img src='/other-logo.png'></a></td></tr></table></body></html>", url=URL)
    assert [f.src for f in _figures(a)] == ["https://paper.example/inline.jpg"]


def test_lead_picture_in_the_article_header_comes_first_with_its_caption() -> None:
    """News pages put the lead picture in the article's header, beside the body's container:
    it is the article's first picture (caption and credit kept, empty alt not invented), while
    a captionless logo in the header stays out."""
    body = "".join(f"<p>{P}{n}</p>" for n in ("one", "two", "three", "four", "five"))
    page = ("<html><head><title>Tides</title></head><body><nav><a href='/'>Home</a></nav>"
            "<main><article><header><h1>Tides</h1>"
            "<figure><div><span>Image</span><img alt='' src='/lead.jpg'></div>"
            "<figcaption><span>Boats on the mud at low water.</span>"
            "<span class='credit'>Credit Ann Lee</span></figcaption></figure>"
            "<figure><img src='/logo.png' alt='Paper'></figure></header>"
            f"<section class='body'>{body}</section></article></main>"
            "<footer>© 2025 Paper</footer></body></html>")
    a = narrate.parse_html(page, url=URL)
    figs = _figures(a)
    assert [f.src for f in figs] == ["https://paper.example/lead.jpg"]
    assert (figs[0].alt, figs[0].caption, figs[0].credit) == (
        "", "Boats on the mud at low water.", "Ann Lee")
    assert isinstance(a.blocks[0], Figure)


def test_same_picture_shown_again_under_another_description_is_a_second_figure() -> None:
    """A page may show one chart twice, described two ways: each is a figure of its own. The
    same picture again with the same alt (or none) is a lazy twin or a rendition, given once."""
    a = narrate.parse_html(_page(
        f"<p>{P}two</p><figure><img src='/chart.png' alt='Errors in the past hour'>"
        "<figcaption>Errors in the past hour</figcaption></figure>"
        f"<p>{P}three</p><figure><img src='/chart.png' alt='The anomaly at noon'>"
        "<figcaption>The anomaly at noon</figcaption></figure>"
        f"<p>{P}four</p><figure><img src='/chart.png' alt='The anomaly at noon'></figure>"
        f"<p>{P}five</p><figure><img src='/quay.jpg'></figure><img src='/quay.jpg' alt='Quay'>"
        f"<p>{P}six</p>"), url=URL)
    assert [(f.src.rsplit("/", 1)[1], f.alt, f.caption) for f in _figures(a)] == [
        ("chart.png", "Errors in the past hour", "Errors in the past hour"),
        ("chart.png", "The anomaly at noon", "The anomaly at noon"),
        ("quay.jpg", "", ""),
    ]


def test_a_picture_closing_the_article_is_kept_banners_and_cards_after_it_are_not() -> None:
    """A picture right after the article's last paragraph (nothing but its caption between)
    is the article's; once other words begin, or when the picture links to another page (a
    banner, a card), what follows is not."""
    body = "".join(f"<p>{P}{n}</p>" for n in ("one", "two", "three"))
    page = ("<html><head><title>Tides</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>Tides</h1><div class='text'>{body}</div>"
            "<div class='step'><figure><img src='/last.jpg' alt='The empty quay'></figure>"
            "<p class='caption'>The quay at night.</p></div>"
            "<div class='pic'><a href='/full/end.jpg'><img src='/end.jpg' alt='Gulls'></a></div>"
            "<div class='by'><img src='/ann.jpg' width='60' height='60' alt='Ann Lee'>"
            "<img src='/i/avatar-bo.jpg' alt='Bo Park'></div>"
            "<a href='/subscribe'><img src='/banner.png' alt='Subscribe now'></a>"
            "<h3>More from the coast</h3><ul><li><a href='/other'><img src='/card.jpg' "
            "alt='Card'></a><a href='/other'>Storm on the pier</a></li></ul>"
            "<img src='/after-words.jpg' alt='Later'></article>"
            "<footer>© 2025 Paper <img src='/logo.png' alt='Paper'></footer></body></html>")
    figs = _figures(narrate.parse_html(page, url=URL))
    assert [(f.src.rsplit("/", 1)[1], f.caption) for f in figs] == [
        ("last.jpg", "The quay at night."), ("end.jpg", "")]


def test_a_related_story_card_inside_the_article_is_not_its_picture() -> None:
    """A teaser card: a picture alone in a link to another page, and a headline linking to
    that page in the same small box. Its picture is not the article's when the article keeps
    none of the card's words; an author's avatar beside their linked name is not a card."""
    a = narrate.parse_html(_page(
        f"<p>{P}two</p><aside class='inset'><a href='/2025/05/storm.html'><div>"
        "<img src='/card.jpg'></div></a><div><a href='/2025/05/storm.html'><h6>The storm "
        "that emptied the harbour</h6></a><p>What the night of the storm left behind.</p>"
        "<a href='/2025/05/storm.html'>Read more</a></div></aside>"
        f"<p>{P}three</p><div class='who'><a href='/people/ann-lee'><img src='/ann.jpg' "
        "alt='Ann Lee'></a> <a href='/people/ann-lee'>Ann Lee</a></div><p>{P}four</p>"),
        url=URL)
    assert [f.src.rsplit("/", 1)[1] for f in _figures(a)] == ["ann.jpg"]


def test_cards_the_article_is_made_of_keep_their_pictures() -> None:
    """On a page that is a list of stories, the cards are the content: a card whose headline
    or summary the article keeps keeps its picture."""
    cards = "".join(
        f"<article><figure><a href='/2025/05/{n}.html'><img src='/{n}.jpg' alt=''></a>"
        f"<figcaption>Photo by Ann Lee</figcaption></figure><h2><a href='/2025/05/{n}.html'>"
        f"The {n} tide of the year on the quay</a></h2><p>{P}{n}</p></article>"
        for n in ("first", "second", "third", "fourth"))
    page = ("<html><head><title>Tides this week</title></head><body><nav><a href='/'>Home"
            f"</a></nav><main><h1>Tides this week</h1><div class='stories'>{cards}</div></main>"
            "<footer>© 2025 Paper</footer></body></html>")
    figs = _figures(narrate.parse_html(page, url=URL))
    assert [f.src.rsplit("/", 1)[1] for f in figs] == [
        "first.jpg", "second.jpg", "third.jpg", "fourth.jpg"]


def test_pictures_kept_when_the_articles_own_container_has_a_furniture_name() -> None:
    """The article's own element may be named for what it has (``commented``, ``has-share``):
    that name describes the whole article, so its pictures are still content."""
    body = "".join(f"<p>{P}{n}</p><p class='has-media'><span><img src='/{n}.jpg' "
                   f"alt='Picture {n}'></span></p>" for n in ("one", "two", "three"))
    page = ("<html><head><title>Tides</title></head><body class='share-bar-on'><nav>"
            "<a href='/'>Home</a></nav><article class='post commented has-share'>"
            f"<h1>Tides</h1><div class='post-content'>{body}<p>{P}end</p></div></article>"
            "<footer>© 2025 Paper</footer></body></html>")
    figs = _figures(narrate.parse_html(page, url=URL))
    assert [f.alt for f in figs] == ["Picture one", "Picture two", "Picture three"]


def test_lead_picture_known_by_its_credit_or_by_itemprop_image() -> None:
    """A header figure with no <figcaption> is still the lead picture when it carries a credit
    line or is marked as the article's schema.org image; a bare header figure is not."""
    body = "".join(f"<p>{P}{n}</p>" for n in ("one", "two", "three", "four", "five"))

    def lead(fig: str) -> list[tuple[str, str]]:
        page = ("<html><head><title>Tides</title></head><body><main><article><header>"
                f"<h1>Tides</h1>{fig}<figure><img src='/logo.png' alt='Paper'></figure>"
                f"</header><div class='entry-content'>{body}</div></article></main></body></html>")
        return [(f.src.rsplit("/", 1)[1], f.credit)
                for f in _figures(narrate.parse_html(page, url=URL))]

    assert lead("<figure class='featured'><div><img src='/lead.jpg' alt='The quay'>"
                "<div class='attribution'>Ann Lee/Agency</div></div></figure>") == [
        ("lead.jpg", "Ann Lee/Agency")]
    assert lead("<figure><img itemprop='image' src='/lead.jpg' alt='The quay'></figure>") == [
        ("lead.jpg", "")]
    assert lead("<figure><img src='/lead.jpg' alt='The quay'></figure>") == []


def test_a_real_src_is_the_picture_shown_unless_the_image_is_marked_lazy() -> None:
    a = narrate.parse_html(_page(
        f"<p>{P}two</p><figure><img src='/w400/boat.jpg' data-hi-res-src='/w1484/boat.jpg' "
        "alt='Boat'></figure><figure><img class='lazyload' src='/w20/gull.jpg' "
        "data-src='/w800/gull.jpg' alt='Gull'></figure>"
        f"<p>{P}three</p>"), url=URL)
    assert [f.src for f in _figures(a)] == ["https://paper.example/w400/boat.jpg",
                                            "https://paper.example/w800/gull.jpg"]


def _cpu_to_read(n: int) -> float:
    import time

    unit = ("<div class='pic'><a href='/story-{i}.html'><img src='/p{i}.jpg' alt='Picture {i}' "
            "aria-describedby='c{i}'></a><p class='caption' id='c{i}'>Caption {i}</p>"
            "<a href='/story-{i}.html'><h3>Another story about the harbour {i}</h3></a>"
            "<p>" + P + "{i}</p></div>")
    page = ("<html><body><article><p>" + P + "</p>"
            + "".join(unit.format(i=i) for i in range(n)) + "<p>" + P + "end</p>"
            + "".join(f"<div><img src='/tail{i}.jpg' alt='Tail {i}'></div>" for i in range(n))
            + "</article></body></html>")
    start = time.process_time()
    figs = _figures(narrate.parse_html(page, url=URL))
    took = time.process_time() - start
    assert len(figs) > n and figs[0].caption == "Caption 0"  # the work this measures was done
    return took


def test_captions_cards_and_closing_pictures_cost_linear_time() -> None:
    """Every picture looks for its caption, its card and its place once, in bounded work:
    four times the pictures take about four times as long, not sixteen."""
    _cpu_to_read(50)  # warm-up (lazy imports)
    small, large = _cpu_to_read(300), _cpu_to_read(1200)
    assert large < 8 * small + 0.5, (small, large)
