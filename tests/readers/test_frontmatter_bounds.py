"""Front matter from anywhere: alias bombs are refused before they expand, and values no type can
hold (impossible dates, huge integers, nested lists, lone surrogates) are one line or sensible
text, never a traceback."""

from __future__ import annotations

import time

import pytest

from narrate.errors import ReadError
from narrate.readers import read_source
from narrate.sources import Source

BODY = "<p>" + "A paragraph of an ordinary article about the harbour and its boats. " * 6 + "</p>\n"


def read_with(front: str, name: str = "post.txt"):
    data = f"---\n{front}\n---\n{BODY}".encode()
    return read_source(Source(name=name, url=None, data=data, media_type=None))


def alias_bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, levels + 1):
        refs = ",".join([f"*a{n - 1}"] * 9)
        lines.append(f"a{n}: &a{n} [{refs}]")
    lines.append(f"title: *a{levels}")
    return "\n".join(lines)


def test_alias_bomb_fails_fast_with_one_line():
    front = alias_bomb()
    assert len(front) < 1100  # the 1 KB bomb: 9**10 strings once expanded
    t = time.monotonic()
    with pytest.raises(ReadError) as info:
        read_with(front, "bomb.md")
    assert time.monotonic() - t < 1
    message = str(info.value)
    assert message.startswith("bomb.md: ") and "\n" not in message
    assert "alias" in message


def test_any_alias_is_refused_even_a_harmless_one():
    with pytest.raises(ReadError, match="alias"):
        read_with("who: &w Ann\nauthor: *w\ntitle: Fine")


@pytest.mark.parametrize("front", [
    "title: Ok\ndate: 2024-13-45",  # no 13th month
    "title: Ok\ndate: 2024-02-30 25:61:00",
    "title: Ok\ncount: " + "9" * 5000,  # beyond int()'s digit limit
    "title: Ok\nratio: 1e99999",
])
def test_values_no_type_can_hold_stay_text(front):
    article = read_with(front)
    assert article.title == "Ok"
    assert article.published == ""  # not a date: left out, never published as written


@pytest.mark.parametrize("written, iso", [
    ("2024-03-05", "2024-03-05"),
    ("2024-03-05 10:30:00", "2024-03-05T10:30:00"),
    ('"2024-03-05T10:30:00Z"', "2024-03-05T10:30:00Z"),
    ('"March 5, 2024"', "2024-03-05"),
    ('"Tue, 05 Mar 2024 08:00:00 GMT"', "2024-03-05T08:00:00+00:00"),
    ("0000-00-00", ""),
    ("2024-03-05 25:00:00", ""),
    ('"soon"', ""),
])
def test_front_matter_dates_follow_the_page_date_rule(written, iso):
    assert read_with(f"title: Ok\ndate: {written}").published == iso


def test_nested_lists_become_text():
    article = read_with("title: [[Tide, [and]], Time]\nauthor: [[Ann Lee], {name: [Bo Chen]}]\n"
                        "tags: [[a, [b]], {x: c}]")
    assert article.title == "Tide, and, Time"
    assert "Ann Lee" in article.authors and "Bo Chen" in article.authors
    assert all(isinstance(t, str) and "[" not in t for t in article.tags)


def test_lone_surrogates_are_replaced():
    article = read_with('title: "Half \\ud800 a pair"\nauthor: "Ann \\udfff"')
    assert "\ud800" not in article.title and "\ufffd" in article.title
    article.to_json().encode("utf-8")  # strict UTF-8 works: nothing unencodable is left


def test_deep_nesting_is_one_line():
    with pytest.raises(ReadError) as info:
        read_with("title: " + "[" * 5000 + "]" * 5000, "deep.md")
    assert str(info.value).startswith("deep.md: ") and "\n" not in str(info.value)


@pytest.mark.parametrize("front", [
    "title: [unclosed", "? [a, b]\n: c", "title: !!python/object:os.system x", "title: !!binary AAAA",
    "- just\n- a list", "42", "title: .nan\nlanguage: 12", "title: Ok\ncover: {src: [1, 2]}",
])
def test_odd_front_matter_is_an_article_or_one_line(front):
    try:
        article = read_with(front, "odd.md")
    except ReadError as e:
        assert str(e).startswith("odd.md: ") and "\n" not in str(e)
    else:
        article.to_json()
