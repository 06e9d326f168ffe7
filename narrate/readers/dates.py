"""Publication dates as ISO 8601, whatever spelling the page used.

Pages write dates as ISO 8601 (with a space for the "T", a "+0100" offset, or as "20190221"),
as RFC 2822 ("Tue, 05 Mar 2024 08:00:00 GMT", from feeds and CMS headers), or in English words
("March 5, 2024", "5 March 2024"). Anything else is no date: a wrong date is worse than none.
"""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime

_ISO = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(\.\d+)?)?"
                  r"\s*(Z|[+-]\d{2}:?\d{2})?)?$")
_WORDS = ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y")
FIRST_YEAR, LAST_YEAR = 1900, 2100
_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_IN_TEXT = re.compile(rf"\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b{_MONTHS}\.? \d{{1,2}},? \d{{4}}\b|"
                      rf"\b\d{{1,2}} {_MONTHS}\.? \d{{4}}\b", re.I)
# what a dateline is made of: numbers, month and day names, clock words, time zones
_DATELINE_WORD = re.compile(
    rf"^(?:\d+(?:st|nd|rd|th)?|{_MONTHS}|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|"
    r"thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|am|pm|a|p|m|[a-z]{1,2}[sd]?t|"
    r"gmt|utc|cet|cest|bst|updated|published|posted|modified|last|on|at|ago|hours?|hrs?|"
    r"minutes?|mins?|days?|weeks?|today|yesterday)$", re.I)


def iso_date(value: str) -> str:
    """ "2019-04-28 06:01:07" → "2019-04-28T06:01:07"; "" for what is not a date."""
    value = " ".join((value or "").split())
    if not value:
        return ""
    m = _ISO.match(value)
    if m:
        return _from_iso(*m.groups())
    if re.match(r"^[A-Za-z]{3},? \d", value):
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return ""
        return when.isoformat() if FIRST_YEAR <= when.year <= LAST_YEAR else ""
    for fmt in _WORDS:
        try:
            day = dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        return day.isoformat() if FIRST_YEAR <= day.year <= LAST_YEAR else ""
    return ""


def date_in(text: str) -> str:
    """The first whole date written in a line of text ("Updated March 3, 2024, 5:45 PM")."""
    m = _IN_TEXT.search(text or "")
    return iso_date(m.group(0).replace(".", "")) if m else ""


def is_dateline(text: str) -> bool:
    """A line that says only when ("Updated 5:45 AM PST, March 3, 2024", "11/19/2019 10:04")."""
    words = re.findall(r"[^\W_]+", text)
    return (any(ch.isdigit() for ch in text) and bool(words)
            and all(_DATELINE_WORD.match(w) for w in words))


def _from_iso(y: str, mo: str, d: str, h: str | None, mi: str | None, s: str | None,
              frac: str | None, tz: str | None) -> str:
    try:
        dt.date(int(y), int(mo), int(d))
        if h is not None:
            dt.time(int(h), int(mi or 0), int(s or 0))
    except ValueError:
        return ""
    if not FIRST_YEAR <= int(y) <= LAST_YEAR:
        return ""
    out = f"{y}-{mo}-{d}"
    if h is not None:
        out += f"T{h}:{mi}" + (f":{s}" if s else "") + (frac or "")
        if tz:
            out += "Z" if tz == "Z" else f"{tz[:3]}:{tz[-2:]}"
    return out
