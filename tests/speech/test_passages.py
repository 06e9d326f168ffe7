"""A passage in a script the article's voice cannot read: which utterances switch, and to what."""

from __future__ import annotations

import pytest

from narrate.speech import passages
from narrate.speech.passages import SCRIPTS, passage_language, script_of

ARABIC = "ذهب الولد إلى المدرسة صباحا مع أخيه الصغير وأصدقائه"
# the same kind of line as a legacy page holds it: Arabic Presentation Forms-B, glyph by glyph
ARABIC_FORMS = ("\ufee3\ufeae\ufea3\ufe92\ufe8e \ufe91\ufedc\ufee2 \ufed3\ufef2 "
                "\ufe91\ufef4\ufe98\ufee8\ufe8e")
GREEK = "Ο καιρός σήμερα είναι ζεστός και ο ουρανός καθαρός στην Αθήνα."
HAN = "我们明天早上在火车站见面，然后一起去博物馆。"
JAPANESE = "私たちは明日の朝、駅で会いましょう。"
KOREAN = "우리는 내일 아침 기차역에서 만납시다."
HEBREW = "אנחנו נפגשים מחר בבוקר בתחנת הרכבת."
HINDI = "हम कल सुबह रेलवे स्टेशन पर मिलेंगे।"
RUSSIAN = "Мы встретимся завтра утром на вокзале и пойдём в музей."


@pytest.mark.parametrize(("text", "article", "language"), [
    (ARABIC, "id", "ar"),  # mostly Arabic letters in an Indonesian article
    (ARABIC, "en", "ar"),
    (ARABIC_FORMS, "id", "ar"),  # presentation forms are Arabic letters too
    (GREEK, "en", "el"),
    (GREEK, "de", "el"),
    (HAN, "en", "zh"),  # Chinese characters alone: Chinese
    (JAPANESE, "en", "ja"),  # with kana, the kanji are Japanese
    (KOREAN, "en", "ko"),
    (HEBREW, "fr", "he"),
    (HINDI, "en", "hi"),
    (RUSSIAN, "en", "ru"),  # a shared script: the detector chooses among its languages
])
def test_a_passage_in_another_script_is_in_that_scripts_language(
        text: str, article: str, language: str) -> None:
    assert passage_language(text, article) == language


@pytest.mark.parametrize(("text", "article"), [
    (ARABIC, "ar"),  # an Arabic article reads its own Arabic with its own voice
    (ARABIC, "ar-EG"),
    (ARABIC, "fa"),  # Persian is written in Arabic letters
    (ARABIC_FORMS, "ar"),
    (GREEK, "el"),
    (HAN, "zh-Hant-TW"),
    (HAN, "cmn"),
    (HAN, "ja"),  # kanji in a Japanese article
    (JAPANESE, "ja"),
    (RUSSIAN, "ru"),
    (RUSSIAN, "uk"),  # a language of the same script: its voice reads it
    (RUSSIAN, "sr-Latn"),
    (HEBREW, "iw"),  # the deprecated tag for Hebrew
])
def test_the_articles_own_script_does_not_switch(text: str, article: str) -> None:
    assert passage_language(text, article) == ""


@pytest.mark.parametrize(("text", "article"), [
    ("The word ἀρετή means excellence, and it was central to Greek ethics.", "en"),
    ("Sie nannten es einfach 北京 und fuhren weiter.", "de"),  # one Chinese word
    ("He wrote «Москва» on the board before the lesson began.", "en"),
    ("Il a dit que la réunion commencerait à 9 h 30 précises.", "fr"),  # Latin only
    ("Tiếng Việt là ngôn ngữ chính thức của Việt Nam.", "vi"),  # Latin beyond U+0250
    ("Price: 12,50 € (−3 %) → ★★★", "en"),  # no letters in a listed script
    ("2024–2025 · 10:30 · #42", "ar"),  # digits and punctuation in an Arabic article
    ("The BBC and CNN reported the talks in Cairo.", "ar"),  # Latin words in an Arabic article
    ("", "en"),
])
def test_latin_digits_and_a_single_foreign_word_do_not_switch(text: str, article: str) -> None:
    assert passage_language(text, article) == ""


def test_half_and_half_stays_with_the_articles_voice() -> None:
    # as many Latin letters as Greek: no script has most of them
    assert passage_language("abcde αβγδε", "en") == ""
    assert passage_language("abcd αβγδε", "en") == "el"


def test_a_script_missing_from_the_table_never_switches() -> None:
    assert script_of("Ꮳ") == ""  # Cherokee
    assert passage_language("ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ", "en") == ""


def test_script_of() -> None:
    assert [script_of(c) for c in "aαжא\ufe91ب字かカ한ก"] == [
        "", "Greek", "Cyrillic", "Hebrew", "Arabic", "Arabic", "Han", "Kana", "Kana", "Hangul",
        "Thai"]


def test_the_table_ranges_do_not_overlap() -> None:
    bounds = sorted((lo, hi) for s in SCRIPTS for lo, hi in s.ranges)
    assert all(lo <= hi for lo, hi in bounds)
    assert all(a[1] < b[0] for a, b in zip(bounds, bounds[1:], strict=False))


def test_the_fast_path_skips_the_detector(monkeypatch: pytest.MonkeyPatch) -> None:
    """Text below U+0250 (most utterances of most articles) is never counted or detected."""
    def boom(*_args: object) -> None:
        raise AssertionError("counted")

    monkeypatch.setattr(passages, "_count", boom)
    assert passage_language("Plain English, façade, Zürich, Łódź: all below U+0250.", "en") == ""


def test_a_script_of_one_language_needs_no_detector(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom() -> None:
        raise AssertionError("detector loaded")

    monkeypatch.setattr(passages, "_detector", boom)
    assert passage_language(GREEK, "en") == "el"
    assert passage_language(HAN, "en") == "zh"
