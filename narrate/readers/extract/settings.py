"""Named extraction thresholds (STYLE rule 15), guarded by ``bench/extraction.py --gate``.

Change one only with a benchmark run; the gate refuses a lower F1 than ``F1_FLOOR`` unless
run with ``--allow-regression``.
"""

from __future__ import annotations

# ---- gate (bench/extraction.py --gate): pinned on the AEB dev split
F1_FLOOR = 0.975  # narrate's F1 must not fall below this
SPEED_CEILING = 1.2  # narrate ms/page ÷ trafilatura ms/page, measured in the same run

# ---- lead of the article (kicker, byline, author bio)
LEAD_BLOCKS = 8  # only the first blocks can be kicker / byline / bio
KICKER_MAX_WORDS = 5
BYLINE_MAX_WORDS = 14

# ---- trailing boilerplate (promo, social links, "letters to the editor")
TRAIL_MAX_BLOCKS = 6  # at most this many trailing blocks are examined
PROMO_EMPHASIS_SHARE = 0.6  # share of a paragraph's characters in italics to count as a note
PROMO_LINK_SHARE = 0.3  # share of characters inside links
PROMO_SOCIAL_NAMES = 2  # naming this many social networks makes a paragraph a "follow us" promo

# ---- structured-data signal
JSONLD_MIN_CHARS = 400  # a JSON-LD articleBody shorter than this is not trusted as a signal

# ---- language detection
DETECT_CHARS = 1500  # characters of body text given to the language detector
