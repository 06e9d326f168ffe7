"""Show settings: ``narrate.toml`` in the show folder, validated once when read.

Settings only: creating a show on disk and rebuilding its feed are ``narrate.podcast.showfolder``'s.
"""

from __future__ import annotations

import dataclasses
import json
import re
import tomllib
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from narrate.errors import CatalogError, ConfigError
from narrate.podcast.rules import split_category, valid_language
from narrate.xmlsafe import xml_clean

SETTINGS = "narrate.toml"
DEFAULT_BASE_URL = "http://127.0.0.1:8765/"
DEFAULT_EMAIL = "podcast@example.com"
_EMAIL_RE = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")


@dataclass(frozen=True, slots=True)
class Show:
    """One show's settings. ``guid`` and ``updated`` come from the catalog, not from the file."""

    folder: Path
    title: str
    description: str
    author: str
    email: str
    base_url: str  # ends with "/"; feed.xml, cover and episodes/ live under it
    language: str = "en"
    category: str = "News"
    subcategory: str = ""
    explicit: bool = False
    artwork: str = "cover.jpg"  # file name inside the show folder
    medium: str = "podcast"
    locked: bool = True
    voice: str = ""  # default voice profile for `narrate add` ("" = the engine's default)
    guid: str = ""  # podcast:guid, assigned once by the catalog
    updated: str = ""  # ISO time of the catalog's latest change (lastBuildDate)

    @property
    def feed_url(self) -> str:
        return self.base_url + "feed.xml"

    @property
    def artwork_url(self) -> str:
        return self.base_url + urllib.parse.quote(self.artwork)

    def replace(self, **changes: Any) -> Show:
        return dataclasses.replace(self, **changes)


# keys written to narrate.toml, in order, with a comment each
_KEYS: tuple[tuple[str, str], ...] = (
    ("title", "Show title"),
    ("description", "Show description (plain text)"),
    ("author", "Author / publisher shown by podcast apps"),
    ("email", "Owner e-mail: Apple and Spotify send ownership checks here"),
    ("base_url", "Public URL this folder is served at (feed.xml lives directly under it)"),
    ("language", "ISO 639-1 language code, optionally with a region (en, de-CH)"),
    ("category", "Apple Podcasts category"),
    ("subcategory", "Apple Podcasts subcategory of that category, or empty"),
    ("explicit", "Whether the show is explicit"),
    ("artwork", "Cover file in this folder: square 1400-3000 px RGB JPEG or PNG"),
    ("medium", "podcast:medium"),
    ("locked", "podcast:locked: other hosting platforms may not import this feed"),
    ("voice", "Default voice profile for `narrate add` (see `narrate voices`); empty = default"),
)


def _toml_value(value: str | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    # JSON string escapes (\" \\ \n \uXXXX) are all valid TOML basic-string escapes
    return json.dumps(value, ensure_ascii=False)


def dump_settings(show: Show) -> str:
    """The flat ``[show]`` table as TOML text (tiny writer: strings and booleans only)."""
    lines = ["# narrate show settings (see `narrate init --help`)", "[show]"]
    for key, comment in _KEYS:
        lines.append(f"# {comment}")
        lines.append(f"{key} = {_toml_value(getattr(show, key))}")
    return "\n".join(lines) + "\n"


def normalise_base_url(url: str) -> str:
    url = url.strip()
    if any(c.isspace() or not c.isprintable() or c in '<>"\\{}|^`' for c in url):
        raise ValueError(f"base_url {url!r} must not contain spaces, quotes or control "
                         "characters (percent-encode them, e.g. %20)")
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"base_url {url!r} must be an absolute http(s) URL")
    if "@" in parts.netloc:
        shown = url.replace(parts.netloc, "***@" + parts.netloc.rpartition("@")[2], 1)
        raise ValueError(f"base_url {shown!r} must not hold a user name or password: it is "
                         "published in the feed (protect the show with a reverse proxy instead)")
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number or out of range
    except ValueError:
        raise ValueError(f"base_url {url!r} has an invalid port") from None
    if parts.query or parts.fragment:
        raise ValueError(f"base_url {url!r} must not have a query or fragment")
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def validate(show: Show) -> Show:
    """Check every setting; return the show with normalised values. Raises ConfigError."""
    where = str(show.folder / SETTINGS)
    try:
        for key in ("title", "description", "author", "email", "base_url", "language",
                    "category", "artwork"):
            value = getattr(show, key)
            if not isinstance(value, str) or not xml_clean(value).strip():
                raise ValueError(f"{key} must be a non-empty string"
                                 + (" of printable characters" if isinstance(value, str) else ""))
        for key in ("subcategory", "voice", "medium"):
            if not isinstance(getattr(show, key), str):
                raise ValueError(f"{key} must be a string (in quotes)")
        if not valid_language(show.language):
            raise ValueError(f"language {show.language!r} is not an ISO 639-1 code (e.g. en, de-CH)")
        category, sub = split_category(
            f"{show.category}/{show.subcategory}" if show.subcategory else show.category)
        if not _EMAIL_RE.match(show.email):
            raise ValueError(f"email {show.email!r} is not an e-mail address")
        base_url = normalise_base_url(show.base_url)
        if not isinstance(show.explicit, bool) or not isinstance(show.locked, bool):
            raise ValueError("explicit and locked must be true or false")
        if show.medium not in ("podcast", "audiobook", "blog", "newsletter"):
            raise ValueError(f"medium {show.medium!r} must be podcast, audiobook, blog or newsletter")
        if "/" in show.artwork or show.artwork.startswith("."):
            raise ValueError(f"artwork {show.artwork!r} must be a file name in the show folder")
    except ValueError as e:
        raise ConfigError(str(e), where) from e
    return show.replace(title=show.title.strip(), category=category, subcategory=sub,
                        base_url=base_url, language=show.language)


SETTINGS_MAX_BYTES = 1024 * 1024  # a few hundred bytes of settings, and their comments


def load_show(folder: Path) -> Show:
    """Read and validate ``folder/narrate.toml``. Raises CatalogError/ConfigError."""
    folder = Path(folder)
    path = folder / SETTINGS
    from narrate.fileio import read_regular

    if not path.exists() and not path.is_symlink():
        raise CatalogError("not a show folder (no narrate.toml; run `narrate init`)", str(folder))
    raw = read_regular(path, SETTINGS_MAX_BYTES, "settings file")  # never a FIFO or /dev/zero
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ConfigError(f"invalid TOML ({e})", str(path)) from e
    table = data.get("show", data)
    if not isinstance(table, dict):
        raise ConfigError("[show] must be a table of settings", str(path))
    known = {key for key, _ in _KEYS}
    unknown = sorted(set(table) - known)
    if unknown:
        raise ConfigError(f"unknown setting(s): {', '.join(unknown)}", str(path))
    missing = [k for k in ("title", "email", "base_url") if k not in table]
    if missing:
        raise ConfigError(f"missing setting(s): {', '.join(missing)}", str(path))
    fields = dict(table)
    fields.setdefault("description", fields["title"])
    fields.setdefault("author", fields["title"])
    show = validate(Show(folder=folder, **fields))
    from narrate.podcast.artwork import check_artwork

    if not (folder / show.artwork).exists():  # a FIFO or folder there: check_artwork says so
        raise ConfigError(f"artwork {show.artwork!r} is missing from the show folder", str(path))
    check_artwork(folder / show.artwork)  # a replaced cover must still meet Apple's rules
    return show


def default_title(folder: Path) -> str:
    """A show title from the folder's name (``my_show`` -> ``My show``)."""
    name = re.sub(r"[-_]+", " ", Path(folder).resolve().name).strip()
    return name[:1].upper() + name[1:] if name else "My narrated articles"
