"""Plain text for braille displays and screen readers, tested from its rules (issue 11)."""

import re

from narrate.model import (
    Article,
    BlockQuote,
    Emphasis,
    Figure,
    Heading,
    LineBreak,
    Link,
    ListBlock,
    Paragraph,
    Table,
    Text,
)
from narrate.writers import write

LONG = ("This paragraph is long enough that any writer wrapping at seventy or eighty columns "
        "would break it in the middle of a sentence, which a braille display then shows as two "
        "half-lines with a gap.")


def article() -> Article:
    return Article(
        title="A Title With Several Words",
        authors=("Ana Lima",),
        blocks=(
            Paragraph((Text(LONG),)),
            Heading(2, (Text("First section"),)),
            Paragraph((Text("Before the break with "), Emphasis((Text("stress"),)), Text("."))),
            Paragraph((Text("* * *"),)),
            Paragraph((Text("———"),)),
            Paragraph((Text("Line one"), LineBreak(), Text("line two."))),
            Heading(3, (Text("Sub section"),)),
            Figure("https://example.org/a.png", alt="A red kite over a field.",
                   caption="Kites returned in 1990.", credit="Photo: B. Cole"),
            Figure("https://example.org/b.png", caption="Only a caption here."),
            ListBlock(False, ((Paragraph((Text("apples"),)),), (Paragraph((Text("pears"),)),))),
            ListBlock(True, ((Paragraph((Text("first"),)),), (Paragraph((Text("second"),)),))),
            Table(("City", "Rain (mm)"), (("Oslo", "763"), ("Rome", "")), caption="Rainfall"),
            BlockQuote((Paragraph((Link((Text("Quoted words."),), "https://example.org/q"),)),),
                       attribution="A. Person"),
        ),
    )


def lines() -> list[str]:
    return write(article(), "text").split("\n")


def test_no_line_is_a_row_of_symbols():
    for line in lines():
        assert not re.fullmatch(r"\s*[^\w\s]{2,}[^\w]*", line), repr(line)
    assert "=" not in write(article(), "text")


def test_headings_are_their_own_paragraphs():
    out = lines()
    for heading in ("A Title With Several Words", "First section", "Sub section"):
        k = out.index(heading)
        if k > 0:
            assert out[k - 1] == ""
        assert out[k + 1] == ""


def test_one_paragraph_per_line_never_wrapped():
    out = lines()
    assert LONG in out
    assert "Before the break with stress." in out
    assert "Line one line two." in out


def test_images_are_announced_with_labelled_lines():
    out = lines()
    k = out.index("Image: A red kite over a field.")
    assert out[k + 1:k + 3] == ["Caption: Kites returned in 1990.", "Credit: Photo: B. Cole"]
    assert "Caption: Only a caption here." in out
    assert not any(line.startswith("Image: ") and "caption" in line for line in out)


def test_lists_and_tables_read_in_linear_order():
    text = write(article(), "text")
    assert "- apples\n- pears" in text
    assert "1. first\n2. second" in text
    assert "Table: Rainfall\nCity: Oslo; Rain (mm): 763\nCity: Rome\n" in text
    assert "  Quoted words.\n  — A. Person" in text
    assert "https://example.org/q" not in text
