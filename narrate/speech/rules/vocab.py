"""The few words the rules say, per language (English is the fallback)."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "en": {"about": "about", "dot": "dot", "ratio": "to", "slash": "slash", "at": "at", "hashtag": "hashtag", "percent": "percent", "to": "to",
           "minus": "minus", "plus": "plus", "plusminus": "plus or minus", "and": "and",
           "by": "by", "number": "number", "sharp": "sharp"},
    "de": {"about": "etwa", "dot": "Punkt", "ratio": "zu", "slash": "Schrägstrich", "at": "ät", "hashtag": "Hashtag", "percent": "Prozent", "to": "bis",
           "minus": "minus", "plus": "plus", "plusminus": "plus minus", "and": "und",
           "by": "mal", "number": "Nummer", "sharp": "Sharp"},
    "fr": {"about": "environ", "dot": "point", "ratio": "à", "slash": "slash", "at": "arobase", "hashtag": "hashtag", "percent": "pour cent",
           "to": "à", "minus": "moins", "plus": "plus", "plusminus": "plus ou moins",
           "and": "et", "by": "sur", "number": "numéro", "sharp": "dièse"},
    "es": {"about": "aproximadamente", "dot": "punto", "ratio": "a", "slash": "barra", "at": "arroba", "hashtag": "hashtag", "percent": "por ciento",
           "to": "a", "minus": "menos", "plus": "más", "plusminus": "más o menos", "and": "y",
           "by": "por", "number": "número", "sharp": "sharp"},
    "it": {"about": "circa", "dot": "punto", "ratio": "a", "slash": "barra", "at": "chiocciola", "hashtag": "hashtag", "percent": "per cento",
           "to": "a", "minus": "meno", "plus": "più", "plusminus": "più o meno", "and": "e",
           "by": "per", "number": "numero", "sharp": "sharp"},
    "pt": {"about": "cerca de", "dot": "ponto", "ratio": "a", "slash": "barra", "at": "arroba", "hashtag": "hashtag", "percent": "por cento",
           "to": "a", "minus": "menos", "plus": "mais", "plusminus": "mais ou menos", "and": "e",
           "by": "por", "number": "número", "sharp": "sharp"},
    "nl": {"about": "ongeveer", "dot": "punt", "ratio": "tegen", "slash": "slash", "at": "apenstaartje", "hashtag": "hashtag", "percent": "procent",
           "to": "tot", "minus": "min", "plus": "plus", "plusminus": "plus of min", "and": "en",
           "by": "bij", "number": "nummer", "sharp": "sharp"},
}


def primary(language: str) -> str:
    """'de-AT' -> 'de'; unknown or empty -> 'en' only when empty (others keep their code)."""
    return (language or "en").lower().replace("_", "-").split("-")[0]


def word(key: str, language: str) -> str:
    return WORDS.get(primary(language), WORDS["en"])[key]
