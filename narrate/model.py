"""The one article model every reader produces and everything downstream reads.

Like pandoc's AST: a closed set of frozen block and inline types, standard library only, so
that writers, the speech script and the catalog never look at HTML again. The model is its own
format: ``Article.to_dict`` / ``Article.from_dict`` round-trip exactly (the ``json`` writer).
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any, Union

# ---------------------------------------------------------------- inlines


@dataclass(frozen=True, slots=True)
class Text:
    text: str


@dataclass(frozen=True, slots=True)
class Emphasis:
    inlines: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Strong:
    inlines: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Code:
    text: str


@dataclass(frozen=True, slots=True)
class Link:
    inlines: tuple[Inline, ...]
    href: str


@dataclass(frozen=True, slots=True)
class LineBreak:
    pass


Inline = Union[Text, Emphasis, Strong, Code, Link, LineBreak]

# ---------------------------------------------------------------- blocks


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    inlines: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Paragraph:
    inlines: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Figure:
    """An image; alt text, caption and credit stay separate (a screen reader needs each).

    ``credit`` is the bare name (what metadata wants); ``credit_label`` is the label the page
    itself gave it, as written ("Photo", "Photo by", "Bild", "©"), so exports show the
    publisher's words rather than ours. Empty when the page gave none."""

    src: str
    alt: str = ""
    caption: str = ""
    credit: str = ""
    credit_label: str = field(default="", metadata={"omit_default": True})


@dataclass(frozen=True, slots=True)
class ListBlock:
    """``navigation``: the page's table of contents (every entry a link to a part of the
    article). Readers keep it, as pandoc's exports do; the narration skips it, since each
    entry repeats a heading the listener will hear where its section starts."""

    ordered: bool
    items: tuple[tuple[Block, ...], ...]
    navigation: bool = field(default=False, metadata={"omit_default": True})


@dataclass(frozen=True, slots=True)
class BlockQuote:
    blocks: tuple[Block, ...]
    attribution: str = ""


@dataclass(frozen=True, slots=True)
class PullQuote:
    """Text repeated from the body for display; narrated once, marked as a pull quote."""

    inlines: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class CodeBlock:
    text: str
    language: str = ""


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""


Block = Union[Heading, Paragraph, Figure, ListBlock, BlockQuote, PullQuote, CodeBlock, Table]

# ---------------------------------------------------------------- article


@dataclass(frozen=True, slots=True)
class Image:
    src: str
    alt: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    title: str
    blocks: tuple[Block, ...] = ()
    subtitle: str = ""
    description: str = ""
    authors: tuple[str, ...] = ()
    author_bio: str = ""
    kicker: str = ""
    published: str = ""  # ISO 8601 as given by the source (date or date-time)
    language: str = ""  # BCP 47, e.g. "en", "de-CH"
    url: str = ""  # canonical URL of the article
    site_name: str = ""
    tags: tuple[str, ...] = ()
    cover: Image | None = None
    audio_url: str = ""  # the publisher's own narration, when the article links one
    source: str = ""  # where it was read from (path, URL or "-")
    extra: tuple[tuple[str, str], ...] = field(default=())  # reader-specific metadata

    def body_text(self) -> str:
        """The body's prose only: one block per line, no title, byline, captions or alt text."""
        lines: list[str] = []
        for block in self.blocks:
            _prose_lines(block, lines)
        return "\n".join(line for line in lines if line)

    def replace(self, **changes: Any) -> Article:
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return _encode(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return _decode(data)

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, text: str | bytes) -> Article:
        return cls.from_dict(json.loads(text))


def inline_text(inlines: tuple[Inline, ...]) -> str:
    """Plain text of inlines (links keep their words, not their targets)."""
    out: list[str] = []
    for node in inlines:
        if isinstance(node, (Text, Code)):
            out.append(node.text)
        elif isinstance(node, LineBreak):
            out.append("\n")
        else:
            out.append(inline_text(node.inlines))
    return "".join(out)


def _prose_lines(block: Block, lines: list[str]) -> None:
    if isinstance(block, (Heading, Paragraph, PullQuote)):
        lines.append(" ".join(inline_text(block.inlines).split()))
    elif isinstance(block, ListBlock) and not block.navigation:  # a contents list is no prose
        for item in block.items:
            for sub in item:
                _prose_lines(sub, lines)
    elif isinstance(block, BlockQuote):
        for sub in block.blocks:
            _prose_lines(sub, lines)
    elif isinstance(block, CodeBlock):
        lines.append(block.text)
    elif isinstance(block, Table):
        for row in (block.header, *block.rows):
            if any(row):
                lines.append(" ".join(c for c in row if c))


# ---------------------------------------------------------------- JSON codec

_TYPES: dict[str, type] = {
    cls.__name__: cls
    for cls in (
        Text, Emphasis, Strong, Code, Link, LineBreak,
        Heading, Paragraph, Figure, ListBlock, BlockQuote, PullQuote, CodeBlock, Table,
        Image,
    )
}


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {} if isinstance(value, Article) else {"type": type(value).__name__}
        for f in dataclasses.fields(value):
            got = getattr(value, f.name)
            if f.metadata.get("omit_default") and got == f.default:
                continue  # a later field: older JSON (and goldens) stay as they were
            out[f.name] = _encode(got)
        return out
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    return value


def _decode_value(value: Any) -> Any:
    if isinstance(value, dict) and "type" in value:
        cls = _TYPES[value["type"]]
        kwargs = {k: _decode_value(v) for k, v in value.items() if k != "type"}
        return cls(**kwargs)
    if isinstance(value, list):
        return tuple(_decode_value(v) for v in value)
    return value


def _decode(data: dict[str, Any]) -> Article:
    kwargs = {k: _decode_value(v) for k, v in data.items()}
    if "extra" in kwargs:
        kwargs["extra"] = tuple(tuple(pair) for pair in kwargs["extra"])
    return Article(**kwargs)
