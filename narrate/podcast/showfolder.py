"""A show on disk: create the folder, load its settings and catalog, rebuild feed.xml and index.html.

The one module above the pure renderers (``feed``, ``page``) and the settings (``show``): it
does the I/O. A rebuild renders everything from the catalog every time (10,000 episodes in well
under a second, ``bench/feed.py``), so there is no cache that a template change could leave
stale, and each file is rewritten atomically only when its bytes change (clients keep their
ETag). Whoever already holds the loaded show and an open catalog (the batch) hands them down.
"""

from __future__ import annotations

from pathlib import Path

from narrate.errors import ConfigError
from narrate.fileio import write_atomic
from narrate.podcast.artwork import install_artwork
from narrate.podcast.catalog import Catalog, Episode
from narrate.podcast.feed import render_feed
from narrate.podcast.layout import EPISODES
from narrate.podcast.page import render_index
from narrate.podcast.show import (
    DEFAULT_BASE_URL,
    DEFAULT_EMAIL,
    SETTINGS,
    Show,
    default_title,
    dump_settings,
    load_show,
    validate,
)
from narrate.wording import wording_for

OUTPUTS = (("feed.xml", render_feed), ("index.html", render_index))


def with_catalog(show: Show, cat: Catalog) -> tuple[Show, list[Episode]]:
    """The settings completed with the catalog's guid and change time, and its episodes."""
    return show.replace(guid=cat.podcast_guid, updated=cat.last_change), cat.episodes()


def load(folder: Path) -> tuple[Show, list[Episode]]:
    """Read the settings (validated, artwork checked) and the catalog of the show in ``folder``."""
    show = load_show(Path(folder))
    with Catalog.open(show.folder, feed_url=show.feed_url) as cat:
        return with_catalog(show, cat)


def rebuild(show: Show, cat: Catalog | None = None) -> None:
    """Rewrite feed.xml and index.html from the catalog (each atomically, only if changed).

    ``show`` is the loaded settings (not read again); ``cat`` an open catalog of that show, or
    None to open it here.
    """
    if cat is None:
        with Catalog.open(show.folder, feed_url=show.feed_url) as opened:
            rebuild(show, opened)
        return
    show, episodes = with_catalog(show, cat)
    for name, render in OUTPUTS:
        write_if_changed(show.folder / name, render(show, episodes))


def rebuild_folder(folder: Path) -> Show:
    """``narrate feed``: load the show in ``folder`` and rebuild it; returns the settings."""
    show = load_show(Path(folder))
    rebuild(show)
    return show


def write_if_changed(path: Path, data: bytes) -> bool:
    """Atomic write, skipped when the bytes are the same (keeps mtime/ETag for clients)."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    write_atomic(path, data)
    return True


def init_show(folder: Path, *, title: str | None = None, author: str | None = None,
              email: str | None = None, base_url: str | None = None, language: str | None = None,
              category: str | None = None, artwork: Path | None = None, explicit: bool = False,
              description: str | None = None) -> Show:
    """Create a show folder: settings, artwork, catalog, empty feed.xml and index.html.

    Refuses (ConfigError) to overwrite an existing show's narrate.toml.
    """
    folder = Path(folder)
    if (folder / SETTINGS).exists():
        raise ConfigError("already a show (narrate.toml exists); edit it instead", str(folder))
    if folder.exists() and not folder.is_dir():
        raise ConfigError("exists and is not a folder", str(folder))
    title = (title or default_title(folder)).strip()
    show = validate(Show(
        folder=folder, title=title,
        description=(description or wording_for(language or "en").show_description.format(
            title=title)).strip(),
        author=(author or title).strip(), email=(email or DEFAULT_EMAIL).strip(),
        base_url=base_url or DEFAULT_BASE_URL, language=language or "en",
        category=category or "News", explicit=bool(explicit),
        artwork="cover.png" if artwork and str(artwork).lower().endswith(".png") else "cover.jpg",
    ))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / EPISODES).mkdir(exist_ok=True)
    show = show.replace(artwork=install_artwork(folder, show.title, artwork))
    write_atomic(folder / SETTINGS, dump_settings(show))
    with Catalog.open(folder, feed_url=show.feed_url) as cat:
        rebuild(show, cat)
    return show
