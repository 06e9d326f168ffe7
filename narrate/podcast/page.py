"""index.html: the show as an accessible web page, a pure function of the catalog.

Landmarks, a skip link, one heading per episode, native ``<audio controls>`` players with text
labels, and links to the transcripts, chapters and text exports. URLs are relative, so the page
works wherever the folder is served.
"""

from __future__ import annotations

import datetime as dt

from narrate.podcast.catalog import Episode
from narrate.podcast.escape import esc
from narrate.podcast.feed import episode_path
from narrate.podcast.show import Show

_CSS = """body{font:1.05rem/1.5 system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem;
color:#1b1b1b;background:#fff}a{color:#0b4f8a}a:focus,audio:focus{outline:3px solid #c60}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
header img{width:10rem;height:10rem}article{border-top:1px solid #999;padding:.5rem 0 1rem}
audio{width:100%}ul.links{padding-left:1.2rem}"""

_LINKS = (
    ("vtt", "Transcript (WebVTT)"),
    ("srt", "Subtitles (SRT)"),
    ("chapters.json", "Chapters (JSON)"),
    ("html", "Read as web page (HTML)"),
    ("md", "Read as Markdown"),
    ("txt", "Read as plain text"),
)


def _date(iso: str) -> tuple[str, str]:
    when = dt.datetime.fromisoformat(iso)
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC)
    return when.date().isoformat(), f"{when.day} {when:%B %Y}"


def _minutes(seconds: float) -> str:
    m, s = divmod(max(1, round(seconds)), 60)
    return f"{m} min {s} s" if m else f"{s} s"


def _episode(ep: Episode, n: int) -> str:
    title = esc(ep.title)
    iso, human = _date(ep.published)
    audio = esc(episode_path(ep, "mp3"))
    hid = f"ep{n}"
    links = [f'<li><a href="{esc(episode_path(ep, ext))}">{label}</a></li>'
             for ext, label in _LINKS if ext in ep.files]
    links.append(f'<li><a href="{audio}" download>Download MP3 ({ep.audio_bytes // 1024} KB)</a></li>')
    if ep.link:
        links.append(f'<li><a href="{esc(ep.link)}">Original article</a></li>')
    byline = f"<p>By {esc(', '.join(ep.authors))}</p>" if ep.authors else ""
    desc = f"<p>{esc(ep.description)}</p>" if ep.description else ""
    return (
        f'<article aria-labelledby="{hid}">\n<h3 id="{hid}">{title}</h3>\n'
        f'<p><time datetime="{iso}">{human}</time> · {_minutes(ep.duration)}</p>\n{byline}{desc}\n'
        f'<audio controls preload="none" src="{audio}" aria-label="Listen: {title}">'
        f'<a href="{audio}">Download the MP3 of {title}</a></audio>\n'
        f'<ul class="links" aria-label="Files for {title}">{"".join(links)}</ul>\n</article>'
    )


def render_index(show: Show, episodes: list[Episode]) -> bytes:
    """The page listing every episode, newest first."""
    lang = esc(show.language)
    title = esc(show.title)
    body = "\n".join(_episode(ep, n) for n, ep in enumerate(episodes, 1))
    if not episodes:
        body = "<p>No episodes yet.</p>"
    html = f"""<!DOCTYPE html>
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
<h2>Episodes ({len(episodes)})</h2>
{body}
</main>
<footer><p>By {esc(show.author)}. Made with narrate.</p></footer>
</body>
</html>
"""
    return html.encode("utf-8")
