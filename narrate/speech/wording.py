"""Announcements ("Image:", "Caption:", "By", "Quote.") in the article's language.

The words come from ``narrate.wording`` (one table for speech and the exports); this module
turns a row into the script's templates. A voice profile's ``[wording]`` overrides them. A
profile value equal to the English default is not an override (it is what every profile
inherits), so a German article read with the default profile still hears "Bild:", not "Image:".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from narrate.wording import ENGLISH, Wording, wording_for

if TYPE_CHECKING:
    from narrate.speech.voices import VoiceProfile


def templates(words: Wording) -> dict[str, str]:
    """The script's templates for one language (keys as in a profile's ``[wording]``)."""
    return {
        "by": words.by + ".",
        "image": words.label("image", "{alt}"),
        "caption": words.label("caption", "{caption}"),
        "quote": words.quote,
        "end_quote": words.end_quote,
        "code": words.code,
        "table": words.label("table", "{caption}"),
    }


# What every profile inherits: the English templates.
WORDING = templates(ENGLISH)


def wording(profile: VoiceProfile, language: str) -> dict[str, str]:
    """The announcement templates for an article in ``language`` read with ``profile``."""
    out = templates(wording_for(language or profile.language))
    out.update({k: v for k, v in profile.wording.items() if WORDING.get(k) != v})
    return out

