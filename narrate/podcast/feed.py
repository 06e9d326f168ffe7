"""feed.xml: RSS 2.0 with the iTunes, Podcasting 2.0, content and atom namespaces.

``render_feed(show, episodes)`` is a pure function of the settings and the catalog's episodes
(``lastBuildDate`` is the catalog's latest change, carried in ``show.updated``), so a rebuild
reproduces the same bytes after feed.xml is deleted. It builds the XML as escaped strings: the
10,000-item feed must rebuild in well under a second. Loading and writing are
``narrate.podcast.showfolder``'s job.
"""

from __future__ import annotations

import datetime as dt

from narrate import __version__
from narrate.podcast.catalog import Episode
from narrate.podcast.escape import esc, esc_all
from narrate.podcast.layout import SIDECARS, episode_link, episode_path
from narrate.podcast.rules import valid_language
from narrate.podcast.show import Show
from narrate.urls import is_web
from narrate.wording import wording_for

NAMESPACES = (
    ('itunes', "http://www.itunes.com/dtds/podcast-1.0.dtd"),
    ('podcast', "https://podcastindex.org/namespace/1.0"),
    ('content', "http://purl.org/rss/1.0/modules/content/"),
    ('atom', "http://www.w3.org/2005/Atom"),
)
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def rfc2822(iso: str) -> str:
    """ISO 8601 (naive = UTC; a bare date = midnight UTC) -> ``Tue, 05 Mar 2024 00:00:00 GMT``.

    Formatted by hand (not ``email.utils``): it runs once per item of a 10,000-item feed."""
    when = dt.datetime.fromisoformat(iso)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    elif when.utcoffset():
        when = when.astimezone(dt.UTC)
    return (f"{_DAYS[when.weekday()]}, {when.day:02d} {_MONTHS[when.month - 1]} {when.year:04d} "
            f"{when.hour:02d}:{when.minute:02d}:{when.second:02d} GMT")


def _channel(show: Show) -> list[str]:
    art = esc(show.artwork_url)
    title = esc(show.title)
    category = f'<itunes:category text="{esc(show.category)}"'
    category += (f'><itunes:category text="{esc(show.subcategory)}"/></itunes:category>'
                 if show.subcategory else "/>")
    explicit = "true" if show.explicit else "false"
    updated = rfc2822(show.updated) if show.updated else ""
    return [
        "<channel>",
        f"<title>{title}</title>",
        f"<link>{esc(show.base_url)}</link>",
        f"<description>{esc(show.description)}</description>",
        f"<language>{esc(show.language)}</language>",
        f"<generator>narrate {__version__}</generator>",
        *([f"<lastBuildDate>{updated}</lastBuildDate>"] if updated else []),
        f'<atom:link href="{esc(show.feed_url)}" rel="self" type="application/rss+xml"/>',
        f"<image><url>{art}</url><title>{title}</title><link>{esc(show.base_url)}</link></image>",
        f'<itunes:image href="{art}"/>',
        category,
        f"<itunes:explicit>{explicit}</itunes:explicit>",
        f"<itunes:author>{esc(show.author)}</itunes:author>",
        f"<itunes:owner><itunes:name>{esc(show.author)}</itunes:name>"
        f"<itunes:email>{esc(show.email)}</itunes:email></itunes:owner>",
        "<itunes:type>episodic</itunes:type>",
        f"<podcast:guid>{esc(show.guid)}</podcast:guid>",
        f"<podcast:medium>{esc(show.medium)}</podcast:medium>",
        f'<podcast:locked owner="{esc(show.email)}">{"yes" if show.locked else "no"}</podcast:locked>',
        '<podcast:txt purpose="ai-content">true</podcast:txt>',
    ]


def render_feed(show: Show, episodes: list[Episode]) -> bytes:
    """The whole feed as UTF-8 bytes: a pure function of the settings and the catalog."""
    ns = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES)
    return "\n".join(['<?xml version="1.0" encoding="UTF-8"?>', f'<rss version="2.0" {ns}>',
                      *_channel(show), *render_items(show, episodes),
                      "</channel>\n</rss>\n"]).encode("utf-8")


def render_items(show: Show, episodes: list[Episode]) -> list[str]:
    """One <item> each. Text is escaped column by column (``esc_all``) and each item is one
    template: this runs for 10,000 items when a feed is rebuilt from scratch."""
    art = esc(show.artwork_url)
    explicit = "true" if show.explicit else "false"
    titles = esc_all([ep.title for ep in episodes])
    links = esc_all([episode_link(show, ep) for ep in episodes])
    descs = esc_all([ep.description for ep in episodes])
    bylines = esc_all([", ".join(ep.authors) for ep in episodes])  # itunes:author
    words = [wording_for(ep.language or show.language) for ep in episodes]
    credits = esc_all([w.byline(ep.authors) for w, ep in zip(words, episodes, strict=True)])
    guids = esc_all([ep.guid for ep in episodes])
    urls = esc_all([show.base_url + episode_path(ep, "") for ep in episodes])
    langs = esc_all([ep.language if valid_language(ep.language) else show.language for ep in episodes])
    people = iter(esc_all([a[:128] for ep in episodes for a in ep.authors]))
    show_author = esc(show.author)
    # (extension, media type without parameters, chapters or transcript) per sidecar
    sidecars = [(f.ext, f.media_type.split(";")[0], f.ext == "chapters.json") for f in SIDECARS]
    parts = []
    for i, ep in enumerate(episodes):
        title, link, url, lang, byline = titles[i], links[i], urls[i], langs[i], bylines[i]
        # escaped text holds no "]]>" and no invalid characters, so it can go into CDATA as is
        # the item's own text in the episode's language, as the description it follows
        w = words[i]
        html = (f"<p>{descs[i]}</p>" if descs[i] else "") + (f"<p>{credits[i]}.</p>" if credits[i] else "")
        # <link> is the original article, else the episode's read-along page: say which
        label = esc((w.source if is_web(ep.link) else w.read_along) + w.colon)
        html = (f"<![CDATA[{html}<p>{label}<a href=\"{link}\">{link}</a></p>"
                f"<p>{esc(w.synthetic)}</p>]]>")
        files = ep.files
        extra = ""
        for ext, kind, chapters in sidecars:
            if ext not in files:
                continue
            extra += (f'\n<podcast:chapters url="{url}{ext}" type="{kind}"/>' if chapters else
                      f'\n<podcast:transcript url="{url}{ext}" type="{kind}" language="{lang}"'
                      ' rel="captions"/>')
        for _ in ep.authors:
            name = next(people).strip()
            if name:  # an empty podcast:person is invalid
                extra += f'\n<podcast:person group="writing" role="author">{name}</podcast:person>'
        parts.append(f"""<item>
<title>{title}</title>
<link>{link}</link>
<description>{html}</description>
<content:encoded>{html}</content:encoded>
<guid isPermaLink="false">{guids[i]}</guid>
<pubDate>{rfc2822(ep.published)}</pubDate>
<enclosure url="{url}mp3" length="{int(ep.audio_bytes)}" type="audio/mpeg"/>
<itunes:title>{title}</itunes:title>
<itunes:author>{byline.strip() or show_author}</itunes:author>
<itunes:duration>{max(1, round(ep.duration))}</itunes:duration>
<itunes:image href="{art}"/>
<itunes:explicit>{explicit}</itunes:explicit>
<itunes:episodeType>full</itunes:episodeType>{extra}
</item>""")
    return parts
