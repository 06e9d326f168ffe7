"""Abbreviations, per language, expanded so their period never ends a sentence.

Titles and ranks stand before a name; street types after one, so "St." before a name is Saint
and after one is Street. An abbreviation that can end a sentence (Inc., Street, etc.) keeps a
period when a capitalised word follows. Initialisms (U.S., U.N.) lose their periods and are
spelled.
"""

from __future__ import annotations

import re
from functools import lru_cache

from narrate.speech.rules.vocab import primary

# before a capitalised name
TITLES: dict[str, dict[str, str]] = {
    "en": {"Mr.": "Mister", "Mrs.": "Missus", "Ms.": "Miz", "Dr.": "Doctor", "Prof.": "Professor",
           "Sen.": "Senator", "Rep.": "Representative", "Gov.": "Governor", "Gen.": "General",
           "Lt.": "Lieutenant", "Col.": "Colonel", "Capt.": "Captain", "Sgt.": "Sergeant",
           "Maj.": "Major", "Cmdr.": "Commander", "Adm.": "Admiral", "Pres.": "President",
           "Supt.": "Superintendent", "Insp.": "Inspector", "Det.": "Detective", "Rev.": "Reverend",
           "Fr.": "Father", "Hon.": "Honourable", "Mt.": "Mount", "Ft.": "Fort", "Pt.": "Point"},
    "de": {"Dr.": "Doktor", "Prof.": "Professor", "Hr.": "Herr", "Hrn.": "Herrn", "Fr.": "Frau",
           "St.": "Sankt"},
    "fr": {"M.": "Monsieur", "MM.": "Messieurs", "Mme": "Madame", "Mmes": "Mesdames",
           "Mlle": "Mademoiselle", "Dr": "Docteur", "Pr": "Professeur", "Me": "Maître",
           "St": "Saint", "Ste": "Sainte"},
    "es": {"Sr.": "señor", "Sra.": "señora", "Srta.": "señorita", "Dr.": "doctor",
           "Dra.": "doctora", "D.": "don", "Dña.": "doña", "Lic.": "licenciado",
           "Avda.": "avenida", "Sto.": "Santo", "Sta.": "Santa", "C/": "calle"},
    "it": {"sig.": "signor", "Sig.": "signor", "sig.ra": "signora", "Sig.ra": "signora",
           "dott.": "dottor", "Dott.": "dottor", "dott.ssa": "dottoressa",
           "Dott.ssa": "dottoressa", "prof.": "professor", "Prof.": "professor",
           "ing.": "ingegner", "Ing.": "ingegner", "avv.": "avvocato", "Avv.": "avvocato",
           "on.": "onorevole", "On.": "onorevole", "S.": "San"},
    "pt": {"Sr.": "senhor", "Sra.": "senhora", "Srta.": "senhorita", "Dr.": "doutor",
           "Dra.": "doutora", "Prof.": "professor", "Profa.": "professora", "Av.": "avenida"},
    "nl": {"dhr.": "de heer", "Dhr.": "de heer", "mevr.": "mevrouw", "Mevr.": "mevrouw",
           "dr.": "dokter", "Dr.": "dokter", "prof.": "professor", "Prof.": "professor",
           "mr.": "meester", "Mr.": "meester", "St.": "Sint"},
}
# anywhere (Latin terms, common short forms); the period is part of the abbreviation
ANYWHERE: dict[str, dict[str, str]] = {
    "en": {"e.g.": "for example", "i.e.": "that is", "vs.": "versus", "approx.": "approximately",
           "cf.": "compare", "viz.": "namely", "et al.": "and others", "a.k.a.": "also known as",
           "Jan.": "January", "Feb.": "February", "Aug.": "August", "Sept.": "September",
           "Oct.": "October", "Nov.": "November", "Dec.": "December", "Apr.": "April"},
    "de": {"z. B.": "zum Beispiel", "z.B.": "zum Beispiel", "u. a.": "unter anderem",
           "u.a.": "unter anderem", "d. h.": "das heißt", "d.h.": "das heißt",
           "usw.": "und so weiter", "bzw.": "beziehungsweise", "ca.": "circa",
           "vgl.": "vergleiche", "evtl.": "eventuell", "ggf.": "gegebenenfalls",
           "inkl.": "inklusive", "Jh.": "Jahrhundert", "v. Chr.": "vor Christus",
           "n. Chr.": "nach Christus", "Mio.": "Millionen", "Mrd.": "Milliarden",
           "Tsd.": "Tausend", "u. U.": "unter Umständen", "o. Ä.": "oder Ähnliches",
           "sog.": "sogenannte", "Str.": "Straße", "bspw.": "beispielsweise"},
    "fr": {"p. ex.": "par exemple", "c.-à-d.": "c'est-à-dire", "env.": "environ",
           "M€": "millions d'euros", "Md€": "milliards d'euros", "Mds€": "milliards d'euros",
           "Mrd€": "milliards d'euros", "k€": "mille euros", "M €": "millions d'euros",
           "Md €": "milliards d'euros", "Mds €": "milliards d'euros", "Mrd €": "milliards d'euros",
           "Mrds €": "milliards d'euros",
           "J.-C.": "Jésus-Christ", "n°": "numéro", "av.": "avenue", "bd.": "boulevard"},
    "es": {"p. ej.": "por ejemplo", "EE. UU.": "Estados Unidos", "EE.UU.": "Estados Unidos",
           "aprox.": "aproximadamente", "núm.": "número", "n.º": "número", "Ud.": "usted",
           "Uds.": "ustedes", "a. C.": "antes de Cristo", "d. C.": "después de Cristo",
           "pág.": "página"},
    "it": {"ecc.": "eccetera", "p. es.": "per esempio", "ad es.": "ad esempio",
           "pag.": "pagina", "a.C.": "avanti Cristo", "d.C.": "dopo Cristo",
           "mld.": "miliardi", "mld": "miliardi", "mln.": "milioni", "mln": "milioni"},
    "pt": {"p. ex.": "por exemplo", "pág.": "página", "a.C.": "antes de Cristo",
           "d.C.": "depois de Cristo", "nº": "número", "n.º": "número"},
    "nl": {"bijv.": "bijvoorbeeld", "bv.": "bijvoorbeeld", "o.a.": "onder andere",
           "m.a.w.": "met andere woorden", "d.w.z.": "dat wil zeggen", "enz.": "enzovoort",
           "ca.": "circa", "nr.": "nummer", "Nr.": "nummer", "blz.": "bladzijde",
           "t.o.v.": "ten opzichte van", "i.p.v.": "in plaats van", "m.b.t.": "met betrekking tot",
           "n.a.v.": "naar aanleiding van", "a.s.": "aanstaande", "jl.": "jongstleden",
           "mln.": "miljoen", "mld.": "miljard"},
}
# before a number only
BEFORE_NUMBER: dict[str, dict[str, str]] = {
    "en": {"No.": "number", "Nos.": "numbers", "no.": "number", "pp.": "pages", "p.": "page",
           "Vol.": "volume", "vol.": "volume", "Ch.": "chapter", "Fig.": "figure", "fig.": "figure",
           "Art.": "Article", "art.": "article", "s.": "section", "ss.": "sections", "c.": "circa",
           "ca.": "circa"},
    "de": {"rd.": "rund", "Nr.": "Nummer", "Tel.": "Telefon", "Abs.": "Absatz", "Art.": "Artikel", "S.": "Seite"},
    "fr": {"p.": "page"}, "es": {"p.": "página"}, "it": {"p.": "pagina"}, "pt": {"p.": "página"},
    "nl": {"p.": "pagina"},
}
# may end a sentence: keep a period when a capitalised word follows
FINAL: dict[str, dict[str, str]] = {
    "en": {"etc.": "et cetera", "Inc.": "Incorporated", "Ltd.": "Limited", "Corp.": "Corporation",
           "Co.": "Company", "Jr.": "Junior", "Sr.": "Senior", "Bros.": "Brothers",
           "Ave.": "Avenue", "Rd.": "Road", "Blvd.": "Boulevard", "Ph.D.": "P H D",
           "M.D.": "M D"},
    "fr": {"etc.": "et cetera"}, "es": {"etc.": "etcétera"}, "pt": {"etc.": "et cetera"},
    "de": {"usw.": "und so weiter"},
}
# a name, maybe after particles: "Dr. Smith", "dhr. de Vries", "Sr. del Valle"
_NAME = (r"(?:(?:de|van|von|der|den|di|da|do|dos|das|del|della|le|la|du|ten|ter|zu|al|el|bin)\s+)*"
         r"[A-ZÀ-Þ][\w'’-]*")


def abbreviations(text: str, language: str) -> str:
    lang = primary(language)
    for table, context in ((ANYWHERE, r"(?!\w)"), (TITLES, rf"(?=\s*{_NAME}|\s*\d)"),
                           (BEFORE_NUMBER, r"\s*(?=[+(]?\d)"), (FINAL, r"(\s+(?=[A-Z]))?")):
        words = table.get(lang)
        if words:
            text = _pattern(lang, id(table), context).sub(
                lambda m, w=words, t=table: _expanded(m, w, t is BEFORE_NUMBER), text)
    if lang == "en":
        text = _english(text)
    return text


@lru_cache(maxsize=64)
def _pattern(lang: str, table: int, context: str) -> re.Pattern[str]:
    words = next(t for t in (ANYWHERE, TITLES, BEFORE_NUMBER, FINAL) if id(t) == table)[lang]
    alternatives = "|".join(re.escape(a) for a in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?P<abbr>{alternatives}){context}")


def _expanded(m: re.Match[str], words: dict[str, str], before_number: bool) -> str:
    full = words[m.group("abbr")]
    if before_number:
        return full + " "
    return full + (". " if m.lastindex and m.lastindex > 1 and m.group(m.lastindex) else "")


# "Sun., Oct. 5", "Tues., March 3", "Fri. 12 May": a weekday's short form before a date
_WEEKDAY_SHORT = {"Mon": "Monday", "Tue": "Tuesday", "Tues": "Tuesday", "Wed": "Wednesday",
                  "Thu": "Thursday", "Thur": "Thursday", "Thurs": "Thursday", "Fri": "Friday",
                  "Sat": "Saturday", "Sun": "Sunday"}
_WEEKDAY_BEFORE_DATE = re.compile(
    r"(?<![\w.])(Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.(?=,?\s+(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|"
    r"Nov|Dec)[a-z]*\.?\s+\d|\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)))")


def _english(text: str) -> str:
    text = _WEEKDAY_BEFORE_DATE.sub(lambda m: _WEEKDAY_SHORT[m.group(1)], text)
    text = re.sub(r"(?<![\w.])St\.(\s+(?=(\S)))?", _saint_or_street, text)
    # "Mulholland Dr. in LA": a Dr. that no name follows (the titles rule took those) is a Drive
    text = re.sub(r"\b([A-Z][a-z]+) Dr\.(?=\s+[a-z0-9]|[,;:)]|\s*$)", r"\1 Drive", text)
    # U.S., U.N., U.K.: spelled, the periods gone (one kept if a sentence clearly ends there)
    # (A.M. and P.M. after a clock time are the time rule's, which knows when they end a sentence)
    return re.sub(r"\b(?![AP]\.M\.)((?:[A-Z]\.){2,})(\s+(?=(?:The|A|An|It|He|She|They|We|But|In)\b))?",
                  lambda m: " ".join(m.group(1).replace(".", "")) + (". " if m.group(2) else ""),
                  text)


def _saint_or_street(m: re.Match[str]) -> str:
    """After a capitalised name, Street (a sentence may end there); else before a name, Saint."""
    before = m.string[max(0, m.start() - 80):m.start()].rstrip()
    prev = re.search(r"(\S+)$", before)
    after_name = bool(prev and re.fullmatch(r"[A-Z0-9][\w'-]*", prev.group(1))
                      and not re.search(r"[.!?:]\s*$", before[:prev.start()] or "."))
    next_capital = bool(m.group(2) and m.group(2).isupper())
    if after_name:
        return "Street" + (". " if next_capital else (" " if m.group(1) else ""))
    if next_capital:
        return "Saint "
    return "Street" + (" " if m.group(1) else "")
