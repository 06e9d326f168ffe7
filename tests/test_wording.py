"""narrate/wording.py: one table of the words narrate adds, per language, English the fallback."""

import dataclasses

import pytest

from narrate.speech.voices import WORDING
from narrate.speech.wording import templates
from narrate.wording import ENGLISH, TABLE, Wording, join_names, primary_language, wording_for

LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl")


def test_the_table_covers_the_seven_languages_with_every_word():
    assert set(LANGUAGES) <= set(TABLE)
    for lang, row in TABLE.items():
        for f in dataclasses.fields(Wording):
            value = getattr(row, f.name)
            assert all(x.strip() for x in value) if isinstance(value, tuple) else value.strip(), \
                (lang, f.name)
        assert "{authors}" in row.by, lang
        assert len(row.months) == 12 and len(set(row.months)) == 12, lang
        for template, key in ((row.download_mp3_of, "{title}"), (row.files_for, "{title}"),
                              (row.cover_of, "{title}"), (row.episodes, "{count}")):
            assert key in template, (lang, template)


def test_each_row_is_its_own_language_not_a_copy_of_english():
    # Some words are the same in two languages (fr "Image", "Source"); most are not.
    for lang in LANGUAGES[1:]:
        row = TABLE[lang]
        same = [f.name for f in dataclasses.fields(Wording)
                if getattr(row, f.name) == getattr(ENGLISH, f.name)]
        assert len(same) <= 4, (lang, same)


@pytest.mark.parametrize(("tag", "expected"), [
    ("de", "de"), ("de-AT", "de"), ("pt_PT", "pt"), ("FR-ca", "fr"), ("nl-BE", "nl"),
    ("fi", "en"), ("", "en"), ("und", "en"), ("zh-Hant-TW", "en"), ("pt-PT", "pt"),
    ("pt-BR", "pt-br"), ("pt_br", "pt-br"),
])
def test_the_primary_subtag_picks_the_row_and_english_is_the_fallback(tag, expected):
    assert wording_for(tag) is TABLE[expected]


def test_a_regional_row_differs_only_where_the_region_speaks_differently():
    pt, br = TABLE["pt"], TABLE["pt-br"]
    assert br.download_mp3 == "Baixar o MP3" and pt.download_mp3 == "Descarregar o MP3"
    assert br.caption == pt.caption == "Legenda"


def test_primary_language():
    assert primary_language(" de-CH ") == "de"
    assert primary_language("") == ""


def test_names_are_joined_with_the_languages_and():
    assert wording_for("de").byline(["Ana Berg", "Jo Lim"]) == "Von Ana Berg und Jo Lim"
    assert wording_for("es").byline(["A", "B", "C"]) == "Por A, B y C"
    assert wording_for("en").byline(["A"]) == "By A"
    assert wording_for("fr").byline([]) == ""
    assert join_names(["Ana Berg", " ", "Jo"], "et") == "Ana Berg et Jo"  # blank names dropped


def test_labels_use_the_languages_colon():
    assert wording_for("fr").label("caption", "Le port") == "Légende : Le port"
    assert wording_for("it").label("image", "Un treno") == "Immagine: Un treno"


def test_speech_announcements_come_from_the_same_table():
    # One table: the script's templates are made from the row the exports use.
    for lang in LANGUAGES:
        row, spoken = TABLE[lang], templates(TABLE[lang])
        assert spoken["image"].format(alt="x") == row.label("image", "x")
        assert spoken["caption"].format(caption="x") == row.label("caption", "x")
        assert spoken["table"].format(caption="x") == row.label("table", "x")
        assert spoken["by"].format(authors="A") == row.by.format(authors="A") + "."
        assert spoken["quote"] == row.quote
    assert WORDING == templates(ENGLISH)  # what every voice profile inherits


def test_the_spoken_byline_joins_names_in_the_articles_language():
    from narrate.model import Article
    from narrate.speech.script import build_script
    from narrate.speech.voices import choose_profile

    for lang, expected in (("de", "Von Ana Berg und Jo Lim."), ("fr", "Par Ana Berg et Jo Lim."),
                           ("en", "By Ana Berg and Jo Lim.")):
        art = Article(title="T", language=lang, authors=("Ana Berg", "Jo Lim"))
        assert [u.text for u in build_script(art, choose_profile("default", lang))][1] == expected


def test_dates_and_file_labels():
    assert wording_for("de").day(2025, 3, 14) == "14. März 2025"
    assert wording_for("es").day(2025, 5, 2) == "2 de mayo de 2025"
    assert wording_for("en").day(2025, 12, 1) == "1 December 2025"
    assert wording_for("nl").file_label("vtt", "x") == "Transcript (WebVTT)"
    assert wording_for("it").file_label("epub", "x") == "Leggi come e-book (EPUB 3)"
    assert wording_for("fr").file_label("docx", "Read as Word") == "Read as Word"  # unknown kind
