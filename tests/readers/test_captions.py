"""Issue 10: a picture's caption and credit, wherever the page sets them (readers/captions.py).

Each fixture is our own page showing one general form: credits marked by class, by schema.org
itemprop or by a label (visually hidden or not), multi-part captions, captions set beside the
picture (WordPress ``.wp-caption-text``, a ``.caption`` line, a ``<figcaption>`` outside its
``<figure>``), ``aria-describedby`` and ``data-credit``. What the reader gets was decided from
the rule: the caption text once, the credit apart without its label, no caption invented from
a paragraph that merely follows a picture.
"""

from __future__ import annotations

import pytest

import narrate
from narrate.model import Article, Figure

URL = "https://paper.example/2025/05/tides.html"
P = ("The tide came in faster than anyone on the quay expected that morning, and the "
     "boats that had been left on the mud had to be pulled up the slipway by hand. ")


def _read(body: str) -> Article:
    page = (f"<html><head><title>Tides</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>Tides</h1><p>{P}one</p><p>{P}two</p>{body}<p>{P}end</p>"
            f"<p>{P}coda</p></article><footer>© 2025 Paper</footer></body></html>")
    return narrate.parse_html(page, url=URL)


def _caps(article: Article) -> list[tuple[str, str, str]]:
    return [(b.alt, b.caption, b.credit) for b in article.blocks if isinstance(b, Figure)]


def test_credit_marked_by_itemprop_with_a_hidden_label_glued_to_the_name() -> None:
    a = _read("<figure><img src='/net.jpg' alt='A net'><figcaption><span>Nets drying on the "
              "wall.</span><span itemprop='copyrightHolder'><span class='visually-hidden'>"
              "Credit</span><span>Bo Park for The Paper</span></span></figcaption></figure>")
    assert _caps(a) == [("A net", "Nets drying on the wall.", "Bo Park for The Paper")]


def test_a_label_repeated_or_in_brackets_is_not_part_of_the_credit() -> None:
    a = _read("<figure><img src='/a.jpg' alt='A'><figcaption>Low water."
              "<span class='credit'><span>Credit</span><span>Credit</span>Ann Lee</span>"
              "</figcaption></figure>"
              "<figure><img src='/b.jpg' alt='B'><figcaption>High water. <span class='source'>"
              "(Bild: Hersteller)</span></figcaption></figure>")
    assert _caps(a) == [("A", "Low water.", "Ann Lee"), ("B", "High water.", "Hersteller")]


def test_multi_part_caption_keeps_every_part_in_order() -> None:
    a = _read("<figure><img src='/h.jpg' alt='The harbour'><figcaption>"
              "<strong class='title'>The harbour.</strong> <span class='desc'>Boats wait for "
              "the tide</span> at dusk. <span class='credit'>Photo: Ann Lee</span>"
              "</figcaption></figure>")
    assert _caps(a) == [("The harbour", "The harbour. Boats wait for the tide at dusk.",
                         "Ann Lee")]


def test_wordpress_caption_beside_a_linked_picture_is_said_once() -> None:
    a = _read("<div class='wp-caption aligncenter'><a href='/big/boat.jpg'>"
              "<img src='/boat.jpg' alt='A red boat' width='600' height='400'></a>"
              "<p class='wp-caption-text'>The lifeboat comes home.</p></div>")
    assert _caps(a) == [("A red boat", "The lifeboat comes home.", "")]
    assert "lifeboat" not in a.body_text()


def test_caption_line_after_a_lead_picture_with_a_bracketed_credit_inside() -> None:
    a = _read("<div class='media'><a class='lightbox' href='/big.jpg'><img src='/lead.jpg' "
              "alt='The quay'></a><span class='caption'>Fishermen at the quay <span "
              "class='photoCredit'>(Credit: AP/Ann Lee)</span></span></div>")
    assert _caps(a) == [("The quay", "Fishermen at the quay", "AP/Ann Lee")]
    assert "Fishermen" not in a.body_text()


def test_caption_after_a_line_break_in_the_pictures_paragraph() -> None:
    a = _read("<p><a href='/big/quay.jpg'><img src='/quay.jpg' alt='The quay'></a><br>"
              "<span class='image-caption'>The quay before the storm.</span></p>"
              "<p><img src='/mud.jpg' alt='Mud'> and then the mud, <span class='caption'>"
              "not a caption: words came between</span></p>")
    assert _caps(a) == [("The quay", "The quay before the storm.", ""), ("Mud", "", "")]


def test_figcaption_left_outside_its_figure_and_data_credit() -> None:
    a = _read("<div class='step'><figure class='thumb'><img src='/cloche.jpg' "
              "alt='Cloche terrarium' data-credit='Lucy Akins'></figure>"
              "<figcaption class='small caption'> Cloche terrarium (Lucy Akins) </figcaption>"
              "</div>")
    assert _caps(a) == [("Cloche terrarium", "Cloche terrarium", "Lucy Akins")]
    assert "Lucy" not in a.body_text()


def test_aria_describedby_names_the_caption() -> None:
    a = _read("<div><img src='/map.png' alt='Map of the bay' aria-describedby='map-note'></div>"
              "<p id='map-note'>Soundings in fathoms at low water.</p>")
    assert _caps(a) == [("Map of the bay", "Soundings in fathoms at low water.", "")]
    assert "Soundings" not in a.body_text()


def test_a_credit_line_of_its_own_beside_the_picture() -> None:
    a = _read("<div class='pic'><img src='/gull.jpg' alt='A gull'>"
              "<p class='photo-credit'>Photo: Ann Lee</p></div>")
    assert _caps(a) == [("A gull", "", "Ann Lee")]


def test_a_paragraph_after_a_picture_is_not_its_caption() -> None:
    """Only an element marked as a caption (or named by aria-describedby) is one: body text
    after a picture stays body text, and a 'caption' box holding a heading is not a caption."""
    a = _read(f"<div><img src='/x.jpg' alt='The slipway'><p>{P}three</p></div>"
              "<div><img src='/y.jpg' alt='The mud'><div class='caption'><h2>Low tide</h2>"
              "<p>A section, not a caption.</p></div></div>")
    assert _caps(a) == [("The slipway", "", ""), ("The mud", "", "")]
    assert "three" in a.body_text() and "Low tide" in a.body_text()


def test_html_export_shows_caption_then_labelled_credit() -> None:
    """The caption the bench scores is the export's <figcaption> (bench/meta.py)."""
    from tests.readers.test_meta_gate import _bench

    fig = Figure("https://paper.example/a.jpg", "A net", "Nets drying.", "Bo Park")
    assert _bench().shown_caption(fig, "en") == "Nets drying. Credit: Bo Park"
    assert _bench().shown_caption(Figure("https://paper.example/b.jpg", "B")) == ""


# A credit written inline after the caption's last sentence, labelled in any language narrate
# speaks, or set in a closing <small> (HTML's element for attribution), is the credit.
@pytest.mark.parametrize("figcaption, caption, credit", [
    ("Boats at dawn. Photo: Ann Lee", "Boats at dawn.", "Ann Lee"),
    ("Boote am Morgen. Foto: Max Weber", "Boote am Morgen.", "Max Weber"),
    ("Barcos al amanecer. (Foto: Ana Gil)", "Barcos al amanecer.", "Ana Gil"),
    ("Le port au matin. Crédit : Jean Dupont", "Le port au matin.", "Jean Dupont"),
    ("De haven | Beeld: Piet Jansen", "De haven", "Piet Jansen"),
    ("Boats at dawn. <small>Photo by Ann Lee</small>", "Boats at dawn.", "Ann Lee"),
    ("De haven in de ochtend. <small>Foto: Piet Jansen</small>", "De haven in de ochtend.", "Piet Jansen"),
    # no label after a sentence end: nothing is taken from the caption
    ("The new image: a harbour seen from the hill", "The new image: a harbour seen from the hill", ""),
    ("Boats at dawn, <small>low tide</small> on the quay", "Boats at dawn, low tide on the quay", ""),
])
def test_inline_credits_are_set_apart(figcaption, caption, credit) -> None:
    a = _read(f"<figure><img src='/dawn.jpg' alt='Boats'><figcaption>{figcaption}</figcaption></figure>")
    assert _caps(a) == [("Boats", caption, credit)]


# The credit keeps the label the page gave it (as written, without brackets or a trailing
# colon), so the exports show the publisher's words, not ours; no label on the page -> "".
def _credits(article: Article) -> list[tuple[str, str]]:
    return [(b.credit, b.credit_label) for b in article.blocks if isinstance(b, Figure)]


@pytest.mark.parametrize("part, credit, label", [
    ("<span class='credit'>Photo: Ann Lee</span>", "Ann Lee", "Photo"),
    ("<span class='credit'>Photograph: Ann Lee/Agency</span>", "Ann Lee/Agency", "Photograph"),
    ("<span class='photographer'>Photo by Ann Lee</span>", "Ann Lee", "Photo by"),
    ("<small>Photo by Ann Lee</small>", "Ann Lee", "Photo by"),
    ("<span class='source'>(Bild: Hersteller)</span>", "Hersteller", "Bild"),
    ("<span class='copyright'>© Ann Lee</span>", "Ann Lee", "©"),
    ("<span class='credit'>Image: NASA</span>", "NASA", "Image"),
    ("<span class='credit'>Credit: AP/Ann Lee</span>", "AP/Ann Lee", "Credit"),
    ("<span class='credit'><span>Credit</span><span>Credit</span>Ann Lee</span>", "Ann Lee", "Credit"),
    ("<span>Foto:</span> Ana Gil", "Ana Gil", "Foto"),
    # marked by class or itemprop with no label in its text: no label
    ("<span class='credit'>Ann Lee</span>", "Ann Lee", ""),
    ("<span itemprop='creator'>Ann Lee</span>", "Ann Lee", ""),
])
def test_a_credit_part_keeps_its_label(part, credit, label) -> None:
    a = _read(f"<figure><img src='/dawn.jpg' alt='Boats'><figcaption>Boats at dawn. {part}"
              "</figcaption></figure>")
    assert _caps(a) == [("Boats", "Boats at dawn.", credit)]
    assert _credits(a) == [(credit, label)]


@pytest.mark.parametrize("figcaption, credit, label", [
    ("Boats at dawn. Photo: Ann Lee", "Ann Lee", "Photo"),
    ("Boote am Morgen. Foto: Max Weber", "Max Weber", "Foto"),
    ("Barcos al amanecer. (Crédito: Ana Gil)", "Ana Gil", "Crédito"),
    ("Le port au matin. Crédit : Jean Dupont", "Jean Dupont", "Crédit"),
    ("Boats at dawn © Ann Lee", "Ann Lee", "©"),
])
def test_a_trailing_credit_keeps_its_label(figcaption, credit, label) -> None:
    a = _read(f"<figure><img src='/dawn.jpg' alt='Boats'><figcaption>{figcaption}</figcaption></figure>")
    assert _credits(a) == [(credit, label)]


def test_a_hidden_label_glued_to_the_name_is_the_label() -> None:
    a = _read("<figure><img src='/net.jpg' alt='A net'><figcaption><span>Nets drying on the "
              "wall.</span><span itemprop='copyrightHolder'><span class='visually-hidden'>"
              "Credit</span><span>Bo Park for The Paper</span></span></figcaption></figure>"
              "<figure><img src='/oar.jpg' alt='An oar'><figcaption>An oar. <span class="
              "'visually-hidden'>Photo:</span>Ann Lee</figcaption></figure>")
    assert _credits(a) == [("Bo Park for The Paper", "Credit"), ("Ann Lee", "Photo")]
    assert [b.caption for b in a.blocks if isinstance(b, Figure)] == ["Nets drying on the wall.",
                                                                       "An oar."]


def test_credit_line_beside_the_picture_and_data_credit_keep_their_labels() -> None:
    a = _read("<div class='pic'><img src='/gull.jpg' alt='A gull'>"
              "<p class='photo-credit'>Photo by Ann Lee</p></div>"
              "<p><img src='/tern.jpg' alt='A tern' data-credit='Lucy Akins'></p>"
              "<p><img src='/auk.jpg' alt='An auk' data-credit='Foto: Ana Gil'></p>")
    assert _credits(a) == [("Ann Lee", "Photo by"), ("Lucy Akins", ""), ("Ana Gil", "Foto")]


def test_html_export_shows_the_pages_own_credit_label() -> None:
    from tests.readers.test_meta_gate import _bench

    fig = Figure("https://paper.example/a.jpg", "A net", "Nets drying.", "Bo Park", "Photo by")
    assert _bench().shown_caption(fig, "en") == "Nets drying. Photo by Bo Park"
    fig = Figure("https://paper.example/a.jpg", "A net", "", "Hersteller", "Bild")
    assert _bench().shown_caption(fig, "de") == "Bild: Hersteller"


def test_every_step_picture_keeps_the_caption_set_beside_it() -> None:
    """A caption given to one picture is not read again; that must not take the caption of
    another picture (a how-to page with a picture and caption per step)."""
    steps = "".join(
        f"<div class='step'><div class='content'><span class='head'>Step {n}</span>"
        f"<p>{P}{n}</p></div><figure class='thumb'><img src='/s{n}.jpg' alt='Step {n} picture' "
        f"data-credit='Lucy Akins'></figure><figcaption class='small caption'> Knot number {n} "
        "(Lucy Akins) </figcaption></div>" for n in range(12))
    a = _read(steps)
    assert _caps(a) == [(f"Step {n} picture", f"Knot number {n}", "Lucy Akins") for n in range(12)]
