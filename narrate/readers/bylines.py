"""A byline as people's names: "By Ana Lim and Bo Park, Staff Writers | Updated 3 May" → two names.

Bylines come from many places (meta tags, JSON-LD, visible "By …" lines) and carry what is not
a name: the word "By" in several languages, roles ("Staff Writer", "Reporter"), dates and
"Updated …" glued to the last name, e-mail addresses, @handles, URLs, the site's own name, and
placeholders a CMS leaves behind ("admin", "Username", "FAIL", "null"). Each rule below removes
one of those kinds, so what is left is only names, each said once.
"""

from __future__ import annotations

import re

_WS = re.compile(r"\s+")
# "By", "Written by", "Words by", "Posted by", "Text:", and the same in a few languages.
_LEAD = re.compile(
    r"^\s*(?:(?:written|words|posted|reported|story|text|photos?|interview)\s+(?:by|:)\s*|"
    r"by:?\s+|von\s+|par\s+|por\s+|di\s+|door\s+|av\s+|от\s+|автор:?\s+|"
    r"(?:author|autor|auteur|autore|text)\s*:\s*)", re.I)
_SEPARATORS = re.compile(
    r"\s*(?:(?i:\b(?:edited|photographs?|photos?|illustrations?|(?:additional )?reporting)\s+by\b)|,|;|\||/|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bog\b|\ben\b|&|\+|\bwith\b|\bavec\b|"
    r"\bmit\b|\bcon\b|\bi\b|\bи\b|、|，)\s*")
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_HANDLE = re.compile(r"@\w+")
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.I)
# Where a name ends: a date, a time, "Updated"/"Published", a digit glued to the name.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_CUT = re.compile(
    r"\d|\b(?:updated|published|posted|last modified|modified|aktualisiert|mis à jour|publié|"
    r"actualizado|publicado|(?:a|an|one)\s+(?:hour|day|minute)s?\s+ago|"
    # the buttons a byline bar carries
    r"share|tweet|follow|print|comments?|subscribe|e-?mail|facebook|twitter|linkedin)\b|"
    rf"\b(?:on\s+)?{_MONTH}\s+\d", re.I)
# Roles and titles that follow (or precede) a name, in the words news sites use.
_ROLE_ADJECTIVES = (
    r"staff|senior|chief|deputy|associate|contributing|special|managing|executive|political|"
    r"business|science|technology|tech|health|sports?|foreign|national|local|investigative|"
    r"white house|global|digital|social media|news|features?|opinion|data|security|"
    r"assistant|freelance|guest|travel|food|culture|arts?|music|film|education|legal|economics|"
    r"auto|wire|metro|city|courts?|crime|weather|entertainment|markets?|energy|climate|"
    r"environment(?:al)?|transportation|religion|medical|breaking news|general assignment|video")
_ROLE_NOUNS = (
    r"writer|reporter|correspondent|editor|columnist|contributor|journalist|producer|"
    r"photographer|critic|analyst|intern|freelancer|author|"
    r"journaliste|rédacteur|rédactrice|redakteur|redakteurin|korrespondent|korrespondentin|"
    r"periodista|corresponsal|redactor|redactora|giornalista|inviato|inviata")
# "Ana Lim Staff Writer", "Bo Park, senior business reporter": adjectives, then a role noun.
_ROLE = re.compile(rf"\b(?:(?:{_ROLE_ADJECTIVES})[\s-]+)*(?:(?:{_ROLE_NOUNS})s?\b[\s-]*)+$",
                   re.I)
# Values that are not a person: placeholders, empty templates, generic words.
PLACEHOLDERS = frozenset({
    "fail", "username", "user", "admin", "administrator", "null", "none", "undefined", "unknown",
    "n/a", "na", "nan", "anonymous", "anon", "author", "authors", "guest", "staff", "editor",
    "editors", "webmaster", "root", "test", "byline", "by", "default", "name", "your name",
    "{author}", "{{author}}", "true", "false", "0",
})
# Particles that belong to a name although they are lowercase ("Ludwig van Beethoven").
_PARTICLES = frozenset({"van", "von", "der", "den", "de", "del", "della", "di", "da", "do", "dos",
                        "du", "la", "le", "bin", "ibn", "al", "el", "ter", "ten", "zu", "y"})
MAX_NAME_WORDS = 6
# a byline made only of these words names no one ("Staff Reports", "Editorial", "Web Desk")
_GENERIC = frozenset({"staff", "editorial", "editorials", "editor", "editors", "team", "desk",
                      "report", "reports", "news", "newsroom", "admin", "web", "online",
                      "digital", "writer", "writers", "board", "the", "our", "from"})
# degrees and credentials written after a name ("Ana Lim, MS, RD")
_CREDENTIAL = re.compile(r"^(?:Ph\.?\s?D|M\.?D|M\.?S|M\.?A|MBA|MPH|R\.?D|RDN|R\.?N|D\.?O|DDS|M\.?Sc|"
                         r"B\.?Sc|Esq|CPT|LD|CDE|LCSW|FACS|FRCS|CSCS|NASM|ACE)\.?$")
_DOMAIN = re.compile(r"\w\.(?:com|org|net|co\.uk|co|info|news|io|de|fr|ca|au|in)\b", re.I)
_ACRONYM = re.compile(r"^[A-Z]{2,5}$")
# news agencies credited beside a reporter's name ("Ana Lim, Reuters", "ANA LIM Associated Press")
_AGENCIES = ("the associated press", "associated press", "reuters", "agence france-presse",
             "bloomberg news", "bloomberg", "press association", "pa media",
             "united press international", "kyodo news", "xinhua", "deutsche presse-agentur")


def _clean(text: str) -> str:
    return _WS.sub(" ", text).strip(" \t\n,;:|-–—·•()[]\"'")


def clean_name(text: str, site_name: str = "", visible: bool = True) -> str:
    """One author's name with the non-name parts removed, or "" when nothing name-like is left."""
    text = _clean(_HANDLE.sub(" ", _URL.sub(" ", _EMAIL.sub(" ", text))))
    text = _clean(_LEAD.sub("", text))
    cut = _CUT.search(text)
    if cut:
        text = _clean(text[: cut.start()])
    text = _clean(_ROLE.sub("", text))
    if site_name:
        text = _clean(_drop_site(text, site_name))
    low = text.lower()
    for agency in _AGENCIES:
        if low.endswith(" " + agency) and len(text.split()) - len(agency.split()) >= 2:
            text = _clean(text[: -len(agency)])
            break
    words = text.split()
    # in page text, a trailing lowercase word is not part of the name ("Ana Lim hace 2 días");
    # structured data names organisations too ("Contributors to Wikimedia projects")
    while visible and words and words[-1][:1].islower() and words[-1].lower() not in _PARTICLES:
        words.pop()
    text = " ".join(words)
    if not is_name(text, site_name):
        return ""
    return text


def _squash(text: str) -> str:
    """ "The Florida Today" / "floridatoday" / "FloridaToday.com" → "floridatoday"."""
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.I)
    text = re.sub(r"\.(?:com|org|net|co\.uk)$", "", text, flags=re.I)
    return re.sub(r"\W+", "", text).lower()


def _drop_site(text: str, site_name: str) -> str:
    """ "Ana Lim Seattle Times" with the site "The Seattle Times" → "Ana Lim"."""
    site = _squash(site_name)
    words = text.split()
    for k in range(min(4, len(words) - 1), 0, -1):
        if site and _squash(" ".join(words[-k:])) == site:
            return " ".join(words[:-k])
    return text


def is_outlet(part: str, site_name: str = "") -> bool:
    """A byline part that names a publication, not a person: a credential ("MS"), a domain
    ("cleveland.com"), an agency acronym ("AP"), or the site ("CNN Business" on CNN)."""
    part = part.strip(" .")
    if _CREDENTIAL.match(part) or _ACRONYM.match(part) or _DOMAIN.search(part):
        return True
    if part.lower() in _AGENCIES:
        return True
    if not site_name or not part:
        return False
    if _squash(part) == _squash(site_name):
        return True
    site, mine = _tokens(site_name), _tokens(part)
    short = min(len(site), len(mine))
    return short > 0 and site[:short] == mine[:short]  # "CNN Business" on CNN, word by word


def _tokens(text: str) -> list[str]:
    text = re.sub(r"\.(?:com|org|net|co\.uk)$", "", text.strip(), flags=re.I)
    words = re.findall(r"\w+", text.lower())
    return words[1:] if words[:1] == ["the"] else words


def is_name(text: str, site_name: str = "") -> bool:
    """Could this be a person's (or a desk's) name? Not a placeholder, URL, site or sentence."""
    low = text.lower().strip()
    if not low or low in PLACEHOLDERS or len(text) > 80:
        return False
    if "://" in low or low.startswith("www.") or "@" in low:
        return False
    if site_name and _same(text, site_name):
        return False
    if len(text.split()) > MAX_NAME_WORDS:
        return False
    if " " not in text and text.islower():
        return False  # a login ("jdoe", "mcupdate"), not a name
    if all(w.lower().strip(".,") in _GENERIC for w in text.split()):
        return False
    return any(ch.isalpha() for ch in text)


def _same(a: str, b: str) -> bool:
    norm = re.compile(r"\W+")
    return norm.sub("", a).lower() == norm.sub("", b).lower()


def split_authors(text: str, site_name: str = "", visible: bool = True) -> list[str]:
    """A byline into its authors' names, cleaned, each once, in the order given."""
    text = _WS.sub(" ", text or "").strip()
    text = _URL.sub(" ", _EMAIL.sub(" ", text))
    text = _LEAD.sub("", text)
    cut = _CUT.search(text)
    if cut:
        text = text[: cut.start()]
    out: list[str] = []
    outlets: list[str] = []
    for part in _SEPARATORS.split(text):
        name = clean_name(part, site_name, visible)
        if name and is_outlet(name, site_name):
            outlets.append(name)
        elif name and not any(_same(name, seen) for seen in out):
            out.append(name)
    # "Ana Lim, AP" is Ana Lim; "AP" alone is the byline the page gives
    return out or [o for o in outlets if not _CREDENTIAL.match(o)][:1]


def fuller(names: list[str] | tuple[str, ...], shown: list[str] | tuple[str, ...]) -> list[str]:
    """The byline the page shows when it names everyone the metadata names and more.

    Pages often put only the first author in ``<meta name=author>`` or JSON-LD while the
    visible byline reads "By A and B"; a shown byline that is a strict superset of the
    metadata's names wins. Any other difference keeps the metadata's names (a shown line that
    names someone else may be a teaser's)."""
    have = {_squash(n).casefold() for n in names}
    seen = {_squash(n).casefold() for n in shown}
    return list(shown) if have and have < seen else list(names)
