"""Issue 10: a readable page is never rejected. When the precise pass finds no article, the
recall pass and then a density pick are tried; only a page with no text at all fails."""

from __future__ import annotations

import pytest

import narrate
from narrate.errors import ReadError
from narrate.readers.extract import main as extract_main


def test_one_short_sentence_page_is_read() -> None:
    html = ("<html><head><title>Note</title></head><body><main><section><div><div>"
            "The pier is closed until Friday.</div></div></section></main></body></html>")
    assert narrate.parse_html(html).body_text() == "The pier is closed until Friday."


def test_density_pick_used_when_trafilatura_finds_nothing(monkeypatch) -> None:
    monkeypatch.setattr(extract_main, "_run", lambda *a, **k: None)  # both trafilatura passes
    text = ("The lock keeper opened both gates at dawn, and the barges went through one by one "
            "while the river was still high from the night's rain. ")
    html = (f"<html><body><div class='nav'><a href='/'>Home</a></div><div class='story'>"
            f"<p>{text}</p><p>{text}</p><p>{text}</p></div></body></html>")
    article = narrate.parse_html(html)
    assert article.body_text().count("The lock keeper opened") == 3
    assert "Home" not in article.body_text()


def test_a_page_of_furniture_only_still_fails_with_one_line() -> None:
    html = ("<html><body><nav><a href='/'>Home</a></nav><footer><p>© 2025 Example</p></footer>"
            "</body></html>")
    with pytest.raises(ReadError, match="no article text found"):
        narrate.parse_html(html)
