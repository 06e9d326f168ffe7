"""PyYAML for untrusted front matter, in its own module so only a source with front matter
imports PyYAML (a web page or plain Markdown never pays for it)."""

from __future__ import annotations

from typing import Any

import yaml

from narrate.errors import ReadError


class _Loader(yaml.SafeLoader):
    """SafeLoader for untrusted front matter: aliases are refused before anything is built (a
    1 KB "billion laughs" of nested aliases would otherwise expand to gigabytes wherever the
    value is walked), and a value a type cannot hold (13th month, a 5,000-digit integer) stays
    the text it was written as instead of raising."""

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed", mark)
        return super().compose_node(parent, index)

    def _or_text(self, node):  # type: ignore[no-untyped-def]
        tag = node.tag.rsplit(":", 1)[-1]
        try:
            return _SAFE[tag](self, node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)


_SAFE = {"timestamp": yaml.SafeLoader.construct_yaml_timestamp,
         "int": yaml.SafeLoader.construct_yaml_int, "float": yaml.SafeLoader.construct_yaml_float}
for _tag in _SAFE:
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _Loader._or_text)


def load(text: str, source: str) -> Any:
    """The YAML document ``text``; ReadError (one line, naming ``source``) when it is invalid."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader, stricter
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" at line {where.line + 2}" if where is not None else ""
        problem = getattr(exc, "problem", None)
        detail = f": {problem}" if problem else ""
        raise ReadError(f"invalid YAML front matter{line}{detail}; fix or remove it", source) from None
    except RecursionError:
        raise ReadError("YAML front matter is nested too deeply; simplify it", source) from None
