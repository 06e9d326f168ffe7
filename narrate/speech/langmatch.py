"""Which voice speaks a language: BCP 47 tags matched to the tags voices declare.

Engines and profiles declare languages as tags (espeak-ng: ``fr-fr`` and ``fr`` for its French
voice, ``cmn``, ``zh-cmn`` and ``zh`` for Mandarin, each with a priority; a Piper profile:
``en-US``). A requested tag is made canonical (case, ``_``, extended language subtags,
deprecated and ISO 639-2 codes), then looked up RFC 4647 style: the whole tag, then shorter
and shorter prefixes (``zh-Hant-TW`` -> ``zh-Hant`` -> ``zh``), each with its macrolanguage
equivalents (``zh`` = ``cmn``, ``no`` = ``nb``). Only when no declared tag equals a candidate
does a voice for another region of the same language count (``fr-CA`` read by ``fr-fr``).
Nothing else matches: an unknown language gets no voice rather than a wrong one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

# ISO 639-1 -> ISO 639-2/T (ID3 TLAN wants these); the bibliographic codes map below
ISO639_2 = {
    "en": "eng", "de": "deu", "fr": "fra", "es": "spa", "it": "ita", "nl": "nld", "pt": "por",
    "ru": "rus", "pl": "pol", "uk": "ukr", "be": "bel", "sv": "swe", "da": "dan", "no": "nor",
    "nb": "nob", "fi": "fin", "ja": "jpn", "zh": "zho", "ar": "ara", "tr": "tur", "cs": "ces",
    "el": "ell", "he": "heb", "hu": "hun", "ro": "ron", "ko": "kor", "lt": "lit", "lv": "lav",
    "et": "est", "ca": "cat", "hi": "hin", "sk": "slk", "sl": "slv", "hr": "hrv", "sr": "srp",
    "bg": "bul", "is": "isl", "ga": "gle", "cy": "cym", "eu": "eus", "fa": "fas", "id": "ind",
    "ms": "msa", "vi": "vie", "th": "tha", "ka": "kat", "hy": "hye", "mk": "mkd", "sq": "sqi",
}
_ISO639_2B = {"ger": "de", "fre": "fr", "dut": "nl", "chi": "zh", "cze": "cs", "gre": "el",
              "rum": "ro", "slo": "sk", "ice": "is", "wel": "cy", "baq": "eu", "per": "fa",
              "may": "ms", "geo": "ka", "arm": "hy", "mac": "mk", "alb": "sq"}
# IANA registry: deprecated primary subtags and their preferred values
_DEPRECATED = {"iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro"}
# a macrolanguage and its dominant individual language are the same speech for a voice
_MACRO = {"zh": "cmn", "no": "nb", "ar": "arb", "fa": "pes", "ms": "zsm", "et": "ekk",
          "lv": "lvs", "sw": "swh", "uz": "uzn"}
_EQUIVALENT = {**_MACRO, **{v: k for k, v in _MACRO.items()}}
# Chinese as written in Hong Kong and Macau is Cantonese; in Taiwan (and unqualified Hant) it
# is Mandarin, which plain ``zh`` already reaches
_REGIONAL = {("zh", "hk"): "yue", ("zh", "mo"): "yue"}
# espeak-ng ranks British English first for a bare "en"; an unqualified English page keeps
# narrate's long-standing American default
_LIKELY = {"en": "en-us"}


def canonical(tag: str) -> str:
    """``tag`` lower-cased with ``-`` separators, extlang and deprecated codes resolved
    ("zh-yue" -> "yue", "iw" -> "he", "fre" -> "fr", "pt_BR" -> "pt-br")."""
    parts = [p for p in (tag or "").strip().lower().replace("_", "-").split("-") if p]
    if not parts:
        return ""
    if len(parts) > 1 and len(parts[1]) == 3 and parts[1].isalpha():
        parts = parts[1:]  # extended language subtag: zh-yue -> yue, zh-cmn-Hans -> cmn-hans
    head = parts[0]
    head = _DEPRECATED.get(head, head)
    if len(head) == 3:
        head = _ISO639_2B.get(head, {v: k for k, v in ISO639_2.items()}.get(head, head))
    return "-".join([head, *parts[1:]])


def candidates(tag: str) -> list[str]:
    """The tags to look for, most specific first (RFC 4647 lookup plus equivalents)."""
    tag = canonical(tag)
    if not tag:
        return []
    parts = tag.split("-")
    out: list[str] = []
    for subtag in parts[1:]:
        regional = _REGIONAL.get((parts[0], subtag))
        if regional:
            out.append(regional)
    for n in range(len(parts), 0, -1):
        prefix = "-".join(parts[:n])
        if len(parts) == 1 and prefix in _LIKELY:
            out.append(_LIKELY[prefix])
        out.append(prefix)
        if prefix in _EQUIVALENT:
            out.append("-".join([_EQUIVALENT[prefix]]))
    return list(dict.fromkeys(out))


Offer = tuple[str, Sequence[tuple[int, str]]]  # (voice id, [(priority, declared tag)]); low wins


def best_match(tag: str, offers: Iterable[Offer]) -> str | None:
    """The id of the voice that best speaks ``tag``; None when none speaks its language."""
    declared = [(vid, [(pri, canonical(t)) for pri, t in tags]) for vid, tags in offers]
    wanted = candidates(tag)
    for cand in wanted:  # exact: the tag or one of its fallbacks, lowest priority first
        hits = [(pri, k) for k, (_vid, tags) in enumerate(declared) for pri, t in tags if t == cand]
        if hits:
            return declared[min(hits)[1]][0]
    languages = {c.split("-")[0] for c in wanted}
    hits = [(pri, k) for k, (_vid, tags) in enumerate(declared) for pri, t in tags
            if t.split("-")[0] in languages]  # same language, another region or script
    return declared[min(hits)[1]][0] if hits else None


def iso639_2(language: str) -> str:
    """BCP 47 ("en-US") -> ISO 639-2/T ("eng"); "und" when unknown."""
    primary = canonical(language).split("-")[0]
    if len(primary) == 3:
        return primary
    return ISO639_2.get(primary, "und")
