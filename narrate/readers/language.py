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
    import py3langid  # lazily: only a source that declares no language needs it

    from narrate import langmodel  # noqa: I001 (after py3langid: both lazily, in this order)

    langmodel.install()  # the model from the user's cache: milliseconds instead of 0.45 s
    lang, _score = py3langid.classify(sample)
    return str(lang)


def warm_up() -> None:
    """Load the detector's model now rather than mid-batch (most of a second when the user's
    cache does not hold it yet)."""
    detect("warm up the language model with a few words of text")
