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
from narrate.podcast.rules import valid_language
from narrate.podcast.show import Show
from narrate.urls import is_web
from narrate.wording import Wording, wording_for

_CSS = """body{font:1.05rem/1.5 system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem;
color:#1b1b1b;background:#fff}a{color:#0b4f8a}a:focus,audio:focus{outline:3px solid #c60}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
header img{width:10rem;height:10rem}article{border-top:1px solid #999;padding:.5rem 0 1rem}
audio{width:100%}ul.links{padding-left:1.2rem}"""



def _date(iso: str, words: Wording) -> tuple[str, str]:
    when = dt.datetime.fromisoformat(iso)
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC)
    return when.date().isoformat(), words.day(when.year, when.month, when.day)


def _minutes(seconds: float) -> str:
    m, s = divmod(max(1, round(seconds)), 60)
    return f"{m} min {s} s" if m else f"{s} s"


def _episode(files: tuple[tuple[str, str], ...], show: Show, ep: Episode, title: str,
             prefix: str, link: str, desc: str) -> str:
    """One episode's <article>, every label in the episode's language (the ``lang`` it carries);
    the text arguments are already escaped."""
    words = wording_for(ep.language or show.language)
    iso, human = _date(ep.published, words)
    audio = prefix + "mp3"
    hid = "ep-" + ep.slug
    links = [f'<li><a href="{prefix}{ext}">{esc(words.file_label(ext, label))}</a></li>'
             for ext, label in files if ext in ep.files]
    links.append(f'<li><a href="{audio}" download>{esc(words.download_mp3)} '
                 f'({ep.audio_bytes // 1024} KB)</a></li>')
    if link:
        links.append(f'<li><a href="{link}">{esc(words.original_article)}</a></li>')
    byline = f"<p>{esc(words.byline(ep.authors))}</p>" if ep.authors else ""
    desc = f"<p>{desc}</p>" if desc else ""
    listen = esc(words.listen + words.colon) + title
    download = esc(words.download_mp3_of).replace("{title}", title)
    files_for = esc(words.files_for).replace("{title}", title)
    return (
        f'<article aria-labelledby="{hid}"{_lang(ep)}>\n<h3 id="{hid}">{title}</h3>\n'
        f'<p><time datetime="{iso}">{human}</time> · {_minutes(ep.duration)}</p>\n{byline}{desc}\n'
        f'<audio controls preload="none" src="{audio}" aria-label="{listen}">'
        f'<a href="{audio}">{download}</a></audio>\n'
        f'<ul class="links" aria-label="{files_for}">{"".join(links)}</ul>\n</article>'
    )


def _lang(ep: Episode) -> str:
    """The episode's own language on its item (a show may mix languages)."""
    return f' lang="{esc(ep.language)}"' if valid_language(ep.language) else ""


def render_articles(show: Show, episodes: list[Episode]) -> list[str]:
    """One <article> per episode (text escaped column by column)."""
    files = tuple((f.ext, f.label) for f in episode_files())
    columns = zip(episodes, esc_all([ep.title for ep in episodes]),
                  esc_all([episode_path(ep, "") for ep in episodes]),
                  esc_all([ep.link if is_web(ep.link) else "" for ep in episodes]),
                  esc_all([ep.description for ep in episodes]), strict=True)
    return [_episode(files, show, *row) for row in columns]


def render_index(show: Show, episodes: list[Episode]) -> bytes:
    """The page listing every episode, in the catalog's order (newest first); its own words
    in the show's language."""
    words = wording_for(show.language)
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
<a class="skip" href="#main">{esc(words.skip)}</a>
<header>
<img src="{esc(show.artwork)}" alt="{esc(words.cover_of).replace("{title}", title)}">
<h1>{title}</h1>
<p>{esc(show.description)}</p>
<p><a href="feed.xml">{esc(words.subscribe)}</a> · {esc(words.synthetic)}</p>
</header>
<main id="main" tabindex="-1">
<h2>{esc(words.episodes.format(count=len(episodes)))}</h2>"""
    if not episodes:
        head += f"\n<p>{esc(words.no_episodes)}</p>"
    author = words.byline([show.author]) + ". " if show.author.strip() else ""
    tail = f"""</main>
<footer><p>{esc(author + words.made_with)}</p></footer>
</body>
</html>
"""
    return "\n".join([head, *render_articles(show, episodes), tail]).encode("utf-8")
