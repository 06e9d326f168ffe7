"""feed.xml: RSS 2.0 with the iTunes, Podcasting 2.0, content and atom namespaces.

``render_feed(show, episodes)`` is a pure function of the catalog (lastBuildDate is the catalog's
latest change), so ``rebuild`` reproduces the same bytes after feed.xml is deleted. It builds the
XML as escaped strings: the 10,000-item feed must rebuild in well under a second.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import urllib.parse
from pathlib import Path

from narrate import __version__
from narrate.fileio import write_atomic
from narrate.podcast import rendercache
from narrate.podcast.catalog import Catalog, Episode
from narrate.podcast.escape import esc, esc_all
from narrate.podcast.rendercache import Fragments, Parts, cached, join
from narrate.podcast.show import Show, load_show

NAMESPACES = (
    ('itunes', "http://www.itunes.com/dtds/podcast-1.0.dtd"),
    ('podcast', "https://podcastindex.org/namespace/1.0"),
    ('content', "http://purl.org/rss/1.0/modules/content/"),
    ('atom', "http://www.w3.org/2005/Atom"),
)
MEDIA_TYPES = {
    "mp3": "audio/mpeg",
    "vtt": "text/vtt",
    "srt": "application/x-subrip",
    "chapters.json": "application/json+chapters",
    "html": "text/html",
    "md": "text/markdown",
    "txt": "text/plain",
}


def rfc2822(iso: str) -> str:
    """ISO 8601 (naive = UTC; a bare date = midnight UTC) -> ``Tue, 05 Mar 2024 00:00:00 GMT``."""
    when = dt.datetime.fromisoformat(iso)
    when = when.replace(tzinfo=dt.UTC) if when.tzinfo is None else when.astimezone(dt.UTC)
    return email.utils.format_datetime(when, usegmt=True)


_SAFE_STEM = re.compile(r"[A-Za-z0-9._-]+")


def episode_path(ep: Episode, ext: str) -> str:
    """URL path of one of the episode's files, relative to the show's base URL."""
    stem = ep.stem if _SAFE_STEM.fullmatch(ep.stem) else urllib.parse.quote(ep.stem)
    return f"episodes/{stem}.{ext}"


def episode_link(show: Show, ep: Episode) -> str:
    """The source article, or the episode's HTML export when the article has no URL."""
    if ep.link:
        return ep.link
    if "html" in ep.files:
        return show.base_url + episode_path(ep, "html")
    return show.base_url


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


_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _rfc2822_fast(iso: str) -> str:
    when = dt.datetime.fromisoformat(iso)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    elif when.utcoffset():
        when = when.astimezone(dt.UTC)
    return (f"{_DAYS[when.weekday()]}, {when.day:02d} {_MONTHS[when.month - 1]} {when.year:04d} "
            f"{when.hour:02d}:{when.minute:02d}:{when.second:02d} GMT")


def feed_parts(show: Show, episodes: list[Episode], cache: Fragments | None = None) -> Parts:
    """The feed as head, one <item> per episode, tail (see ``rendercache``)."""
    ns = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES)
    head = "\n".join(['<?xml version="1.0" encoding="UTF-8"?>', f'<rss version="2.0" {ns}>',
                      *_channel(show)])
    return head.encode("utf-8"), cached(render_items, show, episodes, cache), b"</channel>\n</rss>\n"


def render_feed(show: Show, episodes: list[Episode]) -> bytes:
    """The whole feed as UTF-8 bytes: a pure function of the settings and the catalog."""
    return join(feed_parts(show, episodes))


def render_items(show: Show, episodes: list[Episode]) -> list[str]:
    """One <item> each. Text is escaped column by column (``esc_all``) and each item is one
    template: this runs for 10,000 items when a feed is rebuilt from scratch."""
    art = esc(show.artwork_url)
    explicit = "true" if show.explicit else "false"
    titles = esc_all([ep.title for ep in episodes])
    links = esc_all([episode_link(show, ep) for ep in episodes])
    descs = esc_all([ep.description for ep in episodes])
    bylines = esc_all([", ".join(ep.authors) for ep in episodes])
    guids = esc_all([ep.guid for ep in episodes])
    urls = esc_all([show.base_url + episode_path(ep, "") for ep in episodes])
    langs = esc_all([ep.language or show.language for ep in episodes])
    people = iter(esc_all([a[:128] for ep in episodes for a in ep.authors]))
    show_author = esc(show.author)
    parts = []
    for i, ep in enumerate(episodes):
        title, link, url, lang, byline = titles[i], links[i], urls[i], langs[i], bylines[i]
        # escaped text holds no "]]>" and no invalid characters, so it can go into CDATA as is
        html = (f"<p>{descs[i]}</p>" if descs[i] else "") + (f"<p>By {byline}.</p>" if byline else "")
        html = (f"<![CDATA[{html}<p>Source article: <a href=\"{link}\">{link}</a></p>"
                "<p>Narrated by a synthetic voice (text-to-speech).</p>]]>")
        files = ep.files
        extra = ""
        if "vtt" in files:
            extra += (f'\n<podcast:transcript url="{url}vtt" type="text/vtt" language="{lang}"'
                      ' rel="captions"/>')
        if "srt" in files:
            extra += (f'\n<podcast:transcript url="{url}srt" type="application/x-subrip"'
                      f' language="{lang}" rel="captions"/>')
        if "chapters.json" in files:
            extra += (f'\n<podcast:chapters url="{url}chapters.json"'
                      ' type="application/json+chapters"/>')
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
<pubDate>{_rfc2822_fast(ep.published)}</pubDate>
<enclosure url="{url}mp3" length="{int(ep.audio_bytes)}" type="audio/mpeg"/>
<itunes:title>{title}</itunes:title>
<itunes:author>{byline.strip() or show_author}</itunes:author>
<itunes:duration>{max(1, round(ep.duration))}</itunes:duration>
<itunes:image href="{art}"/>
<itunes:explicit>{explicit}</itunes:explicit>
<itunes:episodeType>full</itunes:episodeType>{extra}
</item>""")
    return parts


def write_if_changed(path: Path, data: bytes) -> bool:
    """Atomic write, skipped when the bytes are the same (keeps mtime/ETag for clients)."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    write_atomic(path, data)
    return True


def load(folder: Path) -> tuple[Show, list[Episode]]:
    """The show settings with the catalog's guid and change time, and its episodes."""
    show = load_show(folder)
    with Catalog.open(folder, feed_url=show.feed_url) as cat:
        show = show.replace(guid=cat.podcast_guid, updated=cat.last_change)
        return show, cat.episodes()


RENDER_VERSION = 2  # bump when the item or page templates change


def _fingerprint(show: Show) -> str:
    return repr((RENDER_VERSION, __version__, show.replace(guid="", updated="")))


def rebuild(folder: Path) -> None:
    """Rewrite feed.xml and index.html from the catalog (each atomically, only if changed).

    Items still valid in the previous files are reused (``rendercache``), so adding one
    episode to a large show renders one item; the bytes are those of a rebuild from scratch.
    """
    from narrate.podcast.page import index_parts

    folder = Path(folder)
    show, episodes = load(folder)
    fingerprint = _fingerprint(show)
    cache = rendercache.load(folder, fingerprint)
    written = {}
    for name, make in (("feed.xml", feed_parts), ("index.html", index_parts)):
        parts = make(show, episodes, cache.get(name, {}))
        write_if_changed(folder / name, join(parts))
        written[name] = (parts, episodes)
    rendercache.save(folder, fingerprint, written)
