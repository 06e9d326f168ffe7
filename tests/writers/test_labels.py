"""Exports of a non-English article label things in the article's language (narrate/wording.py).

Decided before the code: a French article's HTML says "Par A et B", "Crédit : …", "Source : …",
its pull quote is an aside labelled "Citation en exergue", an image given as text reads
"Image : …"; a German text export says "Von …", "Bild: …", "Bildunterschrift: …",
"Bildnachweis: …", "Tabelle: …", "Quelle: …"; a Spanish Markdown export "Por A y B",
"Crédito: …", "**Cita destacada:**", "Fuente: …"; an Italian EPUB's navigation is titled
"Indice" with the landmark "Inizio dell’articolo"; a Dutch read-along page's player is
"Luisteren: <title>". A language with no table (Finnish) keeps English. No English label is
left in a translated export.
"""

import re
import zipfile
from io import BytesIO

import pytest
from lxml import etree

from narrate.model import Article, Figure, Heading, Link, Paragraph, PullQuote, Table, Text
from narrate.writers import readalong, write
from narrate.writers.options import WriteOptions
from narrate.writers.sync import Sentence
from tests.a11y import axe_violations
from tests.checkers import ace_violations, assert_valid

ENGLISH_LABELS = re.compile(r"\b(By|Image:|Caption|Credit|Source|Pull quote|Table:|Contents|Landmarks|"
                            r"Start of the article|Listen|Download)\b")


def article(language: str) -> Article:
    return Article(
        title="Le port au matin", language=language,
        authors=("Ana Berg", "Jo Lim", "Léa Roy"), url="https://example.org/port",
        site_name="Example", published="2025-03-14",
        blocks=(
            Paragraph((Text("Les bateaux rentrent. "), Link((Text("Plus"),), "https://example.org/plus"))),
            Figure("https://example.org/a.jpg", alt="Des bateaux", caption="À marée basse",
                   credit="Marc Petit"),
            Heading(2, (Text("La criée"),)),
            PullQuote((Text("Tout le monde se connaît."),)),
            Table(("Poisson", "Prix"), (("Sardine", "4 €"),), caption="Les prix"),
        ))


def test_french_html_export():
    page = write(article("fr"), "html")
    assert '<p class="byline">Par Ana Berg, Jo Lim et Léa Roy</p>' in page
    assert '<span class="credit">Crédit : Marc Petit</span>' in page
    assert "<p>Source : <a href=" in page
    assert 'aria-label="Citation en exergue"' in page
    described = write(article("fr"), "html", WriteOptions(describe_images=True))
    assert '<p class="image-description">Image : Des bateaux</p>' in described
    assert not ENGLISH_LABELS.search(page.replace("Source :", ""))  # "Source" is French too


def test_german_text_export():
    text = write(article("de-AT"), "text", WriteOptions(show_link_targets=True))
    for line in ("Von Ana Berg, Jo Lim und Léa Roy", "Bild: Des bateaux",
                 "Bildunterschrift: À marée basse", "Bildnachweis: Marc Petit",
                 "Hervorgehobenes Zitat: Tout le monde se connaît.", "Tabelle: Les prix",
                 "Quelle: https://example.org/port", "Links"):
        assert line in text.splitlines(), line
    assert not ENGLISH_LABELS.search(text)


def test_spanish_markdown_export():
    md = write(article("es"), "markdown")
    assert "*Por Ana Berg, Jo Lim y Léa Roy*" in md
    assert "Crédito: Marc Petit" in md
    assert "> **Cita destacada:** Tout le monde se connaît." in md
    assert "Fuente: <https://example.org/port>" in md
    assert not ENGLISH_LABELS.search(md)


def test_french_markdown_pull_quote_keeps_its_colon_inside_the_strong_span():
    assert "> **Citation en exergue :** Tout" in write(article("fr"), "markdown")


def test_a_language_without_a_table_keeps_english():
    text = write(article("fi"), "text")
    assert "By Ana Berg, Jo Lim and Léa Roy" in text
    assert "Caption: À marée basse" in text


def _book(language: str) -> bytes:
    return write(article(language), "epub")


def test_italian_epub_navigation_is_in_the_books_language():
    with zipfile.ZipFile(BytesIO(_book("it"))) as zf:
        nav = zf.read("EPUB/nav.xhtml").decode()
        content = zf.read("EPUB/article.xhtml").decode()
        opf = etree.fromstring(zf.read("EPUB/package.opf"))
    assert "<title>Indice</title>" in nav and "<h1>Indice</h1>" in nav
    assert "<h2>Punti di riferimento</h2>" in nav
    assert ">Inizio dell’articolo</a>" in nav
    assert not ENGLISH_LABELS.search(nav)
    assert "Di Ana Berg, Jo Lim e Léa Roy" in content
    assert "Immagine: Des bateaux" in content  # no image in the package: given as text
    # the accessibility summary is Italian too, the image left out named in it
    summary = _summary(opf)
    assert summary.text.startswith("L’articolo in ordine di lettura, con titoli per la navigazione.")
    assert "1 immagine non è stata inclusa ed è fornita come descrizione testuale: Des bateaux." \
        in summary.text
    assert summary.get(XML_LANG) is None  # the package's own language


def _summary(opf):
    return next(m for m in opf.iter("{http://www.idpf.org/2007/opf}meta")
                if m.get("property") == "schema:accessibilitySummary")


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_a_summary_in_english_for_a_language_without_words_says_so():
    for language, expected in (("fi", "en"), ("en-GB", None), ("", "en")):
        with zipfile.ZipFile(BytesIO(_book(language))) as zf:
            summary = _summary(etree.fromstring(zf.read("EPUB/package.opf")))
        assert summary.text.startswith("The article in reading order"), language
        assert summary.get(XML_LANG) == expected, language


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_translated_epubs_pass_epubcheck(tmp_path, language):
    book = tmp_path / f"{language}.epub"
    book.write_bytes(_book(language))
    assert_valid(book)


def test_dutch_read_along_page():
    art = article("nl")
    sentences = (Sentence(0.0, 1.0, "Le port au matin."),)
    page = readalong.write(art, sentences, "ep.mp3")
    assert 'aria-label="Luisteren: Le port au matin"' in page
    assert ">De voorgelezen versie downloaden (MP3)</a>" in page
    assert ">MP3 downloaden</a>" in page
    assert "Voorgelezen door een synthetische stem" in page
    assert not ENGLISH_LABELS.search(page.split("<script>")[0])


def test_a_translated_book_passes_ace(tmp_path):
    book = tmp_path / "fr.epub"
    book.write_bytes(_book("fr"))
    assert ace_violations(book) == []


def test_a_translated_html_page_passes_axe():
    assert axe_violations(write(article("fr"), "html")) == []


# A credit is shown with the label the page gave it, as the page wrote it: "Photo by X" and
# "© X" take no colon, "Foto: X" the language's colon; with no label of the page's own, the
# export's label in the article's language ("Credit: X", "Bildnachweis: X").
@pytest.mark.parametrize("language, label, line", [
    ("en", "Photo by", "Photo by Ann Lee"),
    ("de", "Foto von", "Foto von Ann Lee"),
    ("en", "©", "© Ann Lee"),
    ("de", "Foto", "Foto: Ann Lee"),
    ("fr", "Crédit", "Crédit : Ann Lee"),
    ("en", "", "Credit: Ann Lee"),
    ("de", "", "Bildnachweis: Ann Lee"),
])
@pytest.mark.parametrize("fmt", ["html", "markdown", "text"])
def test_a_credit_keeps_the_pages_own_label(fmt, language, label, line):
    art = Article(title="Boats", language=language, blocks=(
        Paragraph((Text("Boats at dawn."),)),
        Figure("https://example.org/a.jpg", alt="Boats", caption="At dawn", credit="Ann Lee",
               credit_label=label)))
    out = write(art, fmt)
    if fmt == "html":
        assert f'<span class="credit">{line}</span>' in out
    else:
        assert line in out.splitlines()
    assert "Credit" not in out or line.startswith("Credit")
    assert "Bildnachweis" not in out or line.startswith("Bildnachweis")
