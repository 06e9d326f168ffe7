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


def _from_iso(y: str, mo: str, d: str, h: str | None, mi: str | None, s: str | None,
              frac: str | None, tz: str | None) -> str:
    try:
        dt.date(int(y), int(mo), int(d))
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
