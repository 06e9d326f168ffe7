"""Chinese and Japanese text, written without spaces between words, is cut into sentences and
clauses a listener (and a read-along) can follow: never one utterance per paragraph."""

from __future__ import annotations

import pytest

from narrate.model import Article, Heading, Paragraph, Text
from narrate.speech.script import build_script
from narrate.speech.sentences import split_written
from narrate.speech.unspaced import UNSPACED_CHARS, clauses, is_unspaced, sentences

# our own sentences (a weather report, a library notice)
ZH = ("昨天下午，北部山区下了一场大雨。河水上涨了将近两米！当地居民被提醒不要靠近河边？"
      "气象台说，今晚雨势会逐渐减弱。")
JA = "図書館は来週の月曜日に再開します。「本の返却は入口の箱へ」と館長は話した。新しい閲覧室も使えます！"


def test_a_chinese_paragraph_is_cut_after_each_sentence_end() -> None:
    assert split_written(ZH, "zh") == [
        "昨天下午，北部山区下了一场大雨。", "河水上涨了将近两米！", "当地居民被提醒不要靠近河边？",
        "气象台说，今晚雨势会逐渐减弱。"]


def test_a_closing_quote_stays_with_the_sentence_it_closes() -> None:
    assert sentences(JA) == ["図書館は来週の月曜日に再開します。", "「本の返却は入口の箱へ」と館長は話した。",
                             "新しい閲覧室も使えます！"]
    assert sentences("他说：“明天见。”然后走了。") == ["他说：“明天见。”", "然后走了。"]


def test_spaced_text_is_left_to_the_spaced_rules() -> None:
    text = "The vote was 52-48. Dr. Lee said so. Then it rained."
    assert split_written(text, "en") == ["The vote was 52-48.", "Dr. Lee said so.", "Then it rained."]
    assert not is_unspaced(text)
    assert is_unspaced("苹果公司发布了iPhone 15。") and is_unspaced(JA)


def test_a_long_sentence_is_cut_at_its_clauses_and_joins_back_exactly() -> None:
    sentence = ("由于连续多日的强降雨，位于城市东部的三座水库水位都已经接近警戒线，"
                "有关部门已经开始有计划地泄洪，并通知下游的村民做好转移准备。")
    pieces = clauses(sentence)
    assert "".join(pieces) == sentence  # no space is added: the script has none
    assert all(len(p) <= UNSPACED_CHARS for p in pieces)
    assert all(p.endswith(("，", "。")) for p in pieces)  # whole clauses, where they fit


def test_a_clause_without_punctuation_is_cut_evenly_but_never_inside_a_number_or_name() -> None:
    clause = "这家工厂在2024年第三季度一共生产了大约125000台iPhone手机和其他各种各样的电子产品以及零部件"
    pieces = clauses(clause, limit=20)
    assert "".join(pieces) == clause
    assert all(len(p) <= 24 for p in pieces)
    for left, right in zip(pieces, pieces[1:], strict=False):
        assert not (left[-1].isascii() and left[-1].isalnum() and right[0].isascii()
                    and right[0].isalnum()), (left, right)


@pytest.mark.parametrize("language,text", [("zh", ZH * 3), ("ja", JA * 3)])
def test_every_utterance_of_a_cjk_article_is_short(language: str, text: str) -> None:
    article = Article(title="天气" if language == "zh" else "図書館", language=language,
                      blocks=(Heading(2, (Text("本周"),)), Paragraph((Text(text),))))
    script = build_script(article)
    body = [u for u in script if u.block == 1]
    assert len(body) >= sum(text.count(end) for end in "。！？")  # a sentence or less each
    assert all(len(u.text) <= UNSPACED_CHARS for u in script)
    assert "".join(u.text for u in body) == text
    heading = next(u for u in script if u.block == 0)
    assert heading.text == "本周。"  # a heading ends as its script ends a sentence
