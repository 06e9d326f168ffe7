"""index.html: the show as an accessible web page, a pure function of the catalog.

Settings and episodes in, bytes out (loading and writing are ``narrate.podcast.showfolder``'s).
Landmarks, a skip link, one heading per episode, native ``<audio controls>`` players with text
labels, and links to the transcripts, chapters and text copies (``narrate.podcast.layout``).
URLs are relative, so the page works wherever the folder is served.
"""

from __future__ import annotations

import datetime as dt

from narrate.podcast.catalog import Episode
from narrate.podcast.escape import esc, esc_all
from narrate.podcast.layout import episode_files, episode_path
from narrate.podcast.show import Show
from narrate.urls import is_web
from narrate.wording import wording_for

_CSS = """body{font:1.05rem/1.5 system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem;
color:#1b1b1b;background:#fff}a{color:#0b4f8a}a:focus,audio:focus{outline:3px solid #c60}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
header img{width:10rem;height:10rem}article{border-top:1px solid #999;padding:.5rem 0 1rem}
audio{width:100%}ul.links{padding-left:1.2rem}"""

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def _date(iso: str) -> tuple[str, str]:
    when = dt.datetime.fromisoformat(iso)
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC)
    return when.date().isoformat(), f"{when.day} {_MONTHS[when.month - 1]} {when.year}"


def _minutes(seconds: float) -> str:
    m, s = divmod(max(1, round(seconds)), 60)
    return f"{m} min {s} s" if m else f"{s} s"


def _episode(links_for: tuple[tuple[str, str], ...], ep: Episode, title: str, prefix: str,
             link: str, byline: str, desc: str) -> str:
    """One episode's <article>; the text arguments are already escaped."""
    iso, human = _date(ep.published)
    audio = prefix + "mp3"
    hid = "ep-" + ep.slug
    links = [f'<li><a href="{prefix}{ext}">{label}</a></li>'
             for ext, label in links_for if ext in ep.files]
    links.append(f'<li><a href="{audio}" download>Download MP3 ({ep.audio_bytes // 1024} KB)</a></li>')
    if link:
        links.append(f'<li><a href="{link}">Original article</a></li>')
    byline = f"<p>{byline}</p>" if byline else ""
    desc = f"<p>{desc}</p>" if desc else ""
    return (
        f'<article aria-labelledby="{hid}"{_lang(ep)}>\n<h3 id="{hid}">{title}</h3>\n'
        f'<p><time datetime="{iso}">{human}</time> · {_minutes(ep.duration)}</p>\n{byline}{desc}\n'
        f'<audio controls preload="none" src="{audio}" aria-label="Listen: {title}">'
        f'<a href="{audio}">Download the MP3 of {title}</a></audio>\n'
        f'<ul class="links" aria-label="Files for {title}">{"".join(links)}</ul>\n</article>'
    )


def _lang(ep: Episode) -> str:
    """The episode's own language on its item (a show may mix languages)."""
    return f' lang="{esc(ep.language)}"' if ep.language.strip() else ""


def render_articles(show: Show, episodes: list[Episode]) -> list[str]:
    """One <article> per episode (text escaped column by column)."""
    links_for = tuple((f.ext, esc(f.label)) for f in episode_files())
    columns = zip(episodes, esc_all([ep.title for ep in episodes]),
                  esc_all([episode_path(ep, "") for ep in episodes]),
                  esc_all([ep.link if is_web(ep.link) else "" for ep in episodes]),
                  esc_all([wording_for(ep.language or show.language).byline(ep.authors)
                           for ep in episodes]),
                  esc_all([ep.description for ep in episodes]), strict=True)
    return [_episode(links_for, *row) for row in columns]


def render_index(show: Show, episodes: list[Episode]) -> bytes:
    """The page listing every episode, in the catalog's order (newest first)."""
    lang = esc(show.language)
    title = esc(show.title)
    head = f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="alternate" type="application/rss+xml" title="{title}" href="feed.xml">
<style>{_CSS}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the episodes</a>
<header>
<img src="{esc(show.artwork)}" alt="Cover of {title}">
<h1>{title}</h1>
<p>{esc(show.description)}</p>
<p><a href="feed.xml">Subscribe: podcast feed (RSS)</a> · Narrated by a synthetic voice.</p>
</header>
<main id="main" tabindex="-1">
<h2>Episodes ({len(episodes)})</h2>"""
    if not episodes:
        head += "\n<p>No episodes yet.</p>"
    tail = f"""</main>
<footer><p>By {esc(show.author)}. Made with narrate.</p></footer>
</body>
</html>
"""
    return "\n".join([head, *render_articles(show, episodes), tail]).encode("utf-8")
