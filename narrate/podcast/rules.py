"""The directories' rules a show must meet: Apple's category list and ISO 639-1 language codes.

Embedded (not fetched) so validation works offline; Apple's list is the 2019 revision.
"""

from __future__ import annotations

import re

APPLE_CATEGORIES: dict[str, tuple[str, ...]] = {
    "Arts": ("Books", "Design", "Fashion & Beauty", "Food", "Performing Arts", "Visual Arts"),
    "Business": ("Careers", "Entrepreneurship", "Investing", "Management", "Marketing",
                 "Non-Profit"),
    "Comedy": ("Comedy Interviews", "Improv", "Stand-Up"),
    "Education": ("Courses", "How To", "Language Learning", "Self-Improvement"),
    "Fiction": ("Comedy Fiction", "Drama", "Science Fiction"),
    "Government": (),
    "History": (),
    "Health & Fitness": ("Alternative Health", "Fitness", "Medicine", "Mental Health",
                         "Nutrition", "Sexuality"),
    "Kids & Family": ("Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids"),
    "Leisure": ("Animation & Manga", "Automotive", "Aviation", "Crafts", "Games", "Hobbies",
                "Home & Garden", "Video Games"),
    "Music": ("Music Commentary", "Music History", "Music Interviews"),
    "News": ("Business News", "Daily News", "Entertainment News", "News Commentary", "Politics",
             "Sports News", "Tech News"),
    "Religion & Spirituality": ("Buddhism", "Christianity", "Hinduism", "Islam", "Judaism",
                                "Religion", "Spirituality"),
    "Science": ("Astronomy", "Chemistry", "Earth Sciences", "Life Sciences", "Mathematics",
                "Natural Sciences", "Nature", "Physics", "Social Sciences"),
    "Society & Culture": ("Documentary", "Personal Journals", "Philosophy", "Places & Travel",
                          "Relationships"),
    "Sports": ("Baseball", "Basketball", "Cricket", "Fantasy Sports", "Football", "Golf",
               "Hockey", "Rugby", "Running", "Soccer", "Swimming", "Tennis", "Volleyball",
               "Wilderness", "Wrestling"),
    "Technology": (),
    "True Crime": (),
    "TV & Film": ("After Shows", "Film History", "Film Interviews", "Film Reviews", "TV Reviews"),
}

ISO639_1 = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de
dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id
ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu
lv mg mh mi mk ml mn mo mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt
qu rm rn ro ru rw sa sc sd se sg sh si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn
to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu""".split())

_LANG_RE = re.compile(r"^([A-Za-z]{2})(-[A-Za-z0-9]{1,8})*$")


def valid_language(code: str) -> bool:
    """An ISO 639-1 code with optional BCP 47 subtags (``en``, ``de-CH``)."""
    m = _LANG_RE.match(code or "")
    return bool(m) and m.group(1).lower() in ISO639_1


def split_category(value: str) -> tuple[str, str]:
    """``"News/Politics"`` or ``"News > Politics"`` -> ``("News", "Politics")``, matched case-insensitively.

    Returns Apple's spelling; raises ValueError naming the valid choices.
    """
    parts = [p.strip() for p in re.split(r"\s*(?:/|>)\s*", value or "") if p.strip()]
    if not parts or len(parts) > 2:
        raise ValueError(f"category {value!r} is not 'Category' or 'Category/Subcategory'")
    lookup = {name.lower(): name for name in APPLE_CATEGORIES}
    main = lookup.get(parts[0].lower())
    if main is None:
        raise ValueError(f"category {parts[0]!r} is not one of Apple's: {', '.join(APPLE_CATEGORIES)}")
    if len(parts) == 1:
        return main, ""
    subs = {s.lower(): s for s in APPLE_CATEGORIES[main]}
    sub = subs.get(parts[1].lower())
    if sub is None:
        choices = ", ".join(APPLE_CATEGORIES[main]) or "none"
        raise ValueError(f"{parts[1]!r} is not a subcategory of {main!r} (choices: {choices})")
    return main, sub
