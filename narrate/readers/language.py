"""Language of a text when nothing declares it (py3langid: small, offline, fast)."""

from __future__ import annotations

import re

from narrate.readers.extract import settings

_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


def normalise(tag: str) -> str:
    """A declared language as BCP 47 ("en_US" → "en-US"); "" when it is not a language tag."""
    tag = (tag or "").strip().replace("_", "-").split(",")[0].strip()
    if not _TAG.match(tag):
        return ""
    parts = tag.split("-")
    head = parts[0].lower()
    rest = [p.upper() if len(p) == 2 else p for p in parts[1:]]
    return "-".join([head, *rest])


def detect(text: str) -> str:
    """ISO 639-1 code of ``text`` ("" when too short to tell)."""
    sample = text[: settings.DETECT_CHARS]
    if len(sample.split()) < 3:
        return ""
    import py3langid  # lazily: loading the model takes a moment

    lang, _score = py3langid.classify(sample)
    return str(lang)


def warm_up() -> None:
    """Load the detector's model now (it takes most of a second) rather than mid-batch."""
    detect("warm up the language model with a few words of text")
