"""Inline runs made tidy: whitespace collapsed, neighbouring texts merged, empty wrappers and
edge breaks dropped. Shared by both block converters (HTML and trafilatura's XML)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from narrate.model import Code, Emphasis, Inline, LineBreak, Link, Strong, Text

_WS = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """Whitespace collapsed to single spaces, ends trimmed."""
    return _WS.sub(" ", text).strip()


def _norm(inlines: Iterable[Inline]) -> list[Inline]:
    out: list[Inline] = []
    for node in inlines:
        if isinstance(node, Text):
            text = _WS.sub(" ", node.text)
            if not text:
                continue
            if out and isinstance(out[-1], Text):
                out[-1] = Text(out[-1].text + text)
            else:
                out.append(Text(text))
        elif isinstance(node, (Emphasis, Strong, Link)):
            inner = tuple(_norm(node.inlines))
            if not any(has_words(i) for i in inner):
                if inner and any(isinstance(i, Text) for i in inner):
                    if out and isinstance(out[-1], Text):
                        out[-1] = Text(out[-1].text.rstrip(" ") + " ")
                    else:
                        out.append(Text(" "))
                continue
            out.append(type(node)(inner, node.href) if isinstance(node, Link)
                       else type(node)(inner))
        elif isinstance(node, Code):
            if node.text:
                out.append(node)
        else:
            out.append(node)
    return out


def has_words(node: Inline) -> bool:
    if isinstance(node, (Text, Code)):
        return bool(node.text.strip())
    if isinstance(node, LineBreak):
        return False
    return any(has_words(i) for i in node.inlines)


def _strip_edge(inlines: list[Inline], left: bool) -> list[Inline]:
    items = list(inlines)
    while items:
        i = 0 if left else -1
        node = items[i]
        if isinstance(node, LineBreak):
            items.pop(i)
            continue
        if isinstance(node, Text):
            text = node.text.lstrip() if left else node.text.rstrip()
            if not text:
                items.pop(i)
                continue
            items[i] = Text(text)
        elif isinstance(node, (Emphasis, Strong, Link)):
            inner = _strip_edge(list(node.inlines), left)
            items[i] = (Link(tuple(inner), node.href) if isinstance(node, Link)
                        else type(node)(tuple(inner)))
        break
    return items


def tidy_inlines(inlines: Iterable[Inline]) -> tuple[Inline, ...]:
    """Normalised, trimmed inlines; the empty tuple when they hold no words."""
    items = _norm(inlines)
    items = _strip_edge(_strip_edge(items, True), False)
    return tuple(items) if any(has_words(i) for i in items) else ()
