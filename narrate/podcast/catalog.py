"""The catalog (``catalog.sqlite``): the show's source of truth and the only module that runs SQL.

feed.xml and index.html are rebuilt from it. Each episode is written in one transaction together
with the catalog's ``last_change`` time, which becomes the feed's lastBuildDate (so a rebuild
reproduces the same bytes). Schema changes are named migrations (``m001_...``) recorded in
``_migrations``; the database file is copied aside before each one is applied (beets, llm).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from narrate.errors import CatalogError, storage_error

CATALOG = "catalog.sqlite"
# Podcasting 2.0: podcast:guid = uuid5(this namespace, feed URL without scheme and trailing "/")
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")


def podcast_guid_for(feed_url: str) -> str:
    seed = re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*://", "", feed_url).rstrip("/")
    return str(uuid.uuid5(PODCAST_GUID_NAMESPACE, seed))


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True, slots=True)
class Episode:
    """One published episode, as the catalog stores it. Its files are ``episodes/<stem>.mp3``
    and, listed by extension in ``files``, the others present beside it: the audio step's
    sidecars and one text copy per labelled writer (``narrate.podcast.layout``)."""

    guid: str  # never changes once published
    key: str  # identity of the article (canonical URL, or source path when it has none)
    slug: str  # ASCII, unique in the show, never changes
    stem: str  # file stem of the current audio: slug, or slug-<hash> after the text changed
    title: str
    audio_bytes: int
    duration: float  # seconds
    content_hash: str  # article + voice: equal hash means narrating again is pointless
    published: str  # ISO 8601 UTC (pubDate)
    description: str = ""  # plain text
    link: str = ""  # the source article
    authors: tuple[str, ...] = ()
    language: str = ""
    files: tuple[str, ...] = ()
    engine: str = ""
    voice: str = ""
    added: str = ""  # set by the catalog
    updated: str = ""  # set by the catalog


# ---------------------------------------------------------------- migrations


def m001_initial(db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("""
        CREATE TABLE episodes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            guid TEXT NOT NULL UNIQUE,
            key TEXT NOT NULL UNIQUE,
            slug TEXT NOT NULL UNIQUE,
            stem TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            link TEXT NOT NULL DEFAULT '',
            authors TEXT NOT NULL DEFAULT '[]',
            language TEXT NOT NULL DEFAULT '',
            published TEXT NOT NULL,
            added TEXT NOT NULL,
            updated TEXT NOT NULL,
            audio_bytes INTEGER NOT NULL CHECK (audio_bytes >= 0),
            duration REAL NOT NULL CHECK (duration >= 0),
            content_hash TEXT NOT NULL,
            files TEXT NOT NULL DEFAULT '[]',
            engine TEXT NOT NULL DEFAULT '',
            voice TEXT NOT NULL DEFAULT ''
        )""")
    db.execute("CREATE INDEX episodes_order ON episodes (published DESC, id DESC)")


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [m001_initial]

_COLUMNS = ("guid", "key", "slug", "stem", "title", "description", "link", "authors", "language",
            "published", "added", "updated", "audio_bytes", "duration", "content_hash", "files",
            "engine", "voice")


def _migrate(path: Path, db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied TEXT NOT NULL)")
    db.commit()
    done = {row[0] for row in db.execute("SELECT name FROM _migrations")}
    for migration in MIGRATIONS:
        name = migration.__name__
        if name in done:
            continue
        if done:  # an existing catalog: keep a copy from before this schema change
            with sqlite3.connect(path.with_name(f"{CATALOG}.before-{name}")) as backup:
                db.backup(backup)
            backup.close()
        with db:
            migration(db)
            db.execute("INSERT INTO _migrations (name, applied) VALUES (?, ?)", (name, utc_now()))
        done.add(name)


_RESTORE = ("restore it from a backup (or a catalog.sqlite.before-* copy); deleting it would "
            "drop every published episode from the feed")


def _check_existing(path: Path) -> None:
    """Never start a show's catalog afresh by accident: SQLite would take a zero-byte or missing
    file for a new empty database, and the next feed would drop every published episode."""
    try:
        size = path.stat().st_size if path.exists() else -1
    except OSError as e:
        raise storage_error(e, str(path)) from e
    if size == 0:
        raise CatalogError(f"catalog is empty (0 bytes); {_RESTORE}", str(path))
    if size < 0:
        episodes = path.parent / "episodes"
        made = sorted(episodes.glob("*.mp3")) if episodes.is_dir() else []
        if made:
            raise CatalogError(f"catalog is missing but episodes/ holds {len(made)} MP3 file(s); "
                               "restore catalog.sqlite from a backup", str(path))


def _check_schema(path: Path, db: sqlite3.Connection) -> None:
    """A database that is not ours (tables, but no ``_migrations``) is refused, not migrated."""
    names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if names and "_migrations" not in names:
        db.close()
        raise CatalogError(f"not a narrate catalog (tables: {', '.join(sorted(names)[:5])}); "
                           f"{_RESTORE}", str(path))


def _check_tables(path: Path, db: sqlite3.Connection) -> None:
    """After migrating, the tables and columns the code reads must all be there: a catalog whose
    ``_migrations`` says done but whose ``episodes`` table was dropped or altered is damaged,
    and saying so beats failing on the first query."""
    wanted = {"meta": ("key", "value"), "episodes": ("id", *_COLUMNS)}
    for table, columns in wanted.items():
        have = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        lacking = [c for c in columns if c not in have]
        if lacking:
            db.close()
            what = f"no table {table}" if not have else f"{table} lacks {', '.join(lacking[:5])}"
            raise CatalogError(f"catalog is damaged ({what}); {_RESTORE}", str(path))


class Catalog:
    """An open catalog. Use ``with Catalog.open(folder) as cat:``."""

    def __init__(self, path: Path, db: sqlite3.Connection) -> None:
        self.path = path
        self.db = db

    @classmethod
    def open(cls, folder: Path, *, feed_url: str | None = None) -> Catalog:
        """Open (creating and migrating) ``folder/catalog.sqlite``.

        A new catalog gets its podcast:guid from ``feed_url``; it is never recomputed after.
        """
        path = Path(folder) / CATALOG
        if not Path(folder).is_dir():
            raise CatalogError("show folder does not exist", str(folder))
        _check_existing(path)
        try:
            db = sqlite3.connect(path, timeout=30, isolation_level="DEFERRED")
            _check_schema(path, db)
            _migrate(path, db)
            _check_tables(path, db)
            cat = cls(path, db)
            if cat._meta("podcast_guid") is None:
                if not feed_url:
                    raise CatalogError("catalog has no podcast guid and no feed URL to make one",
                                       str(path))
                with db:
                    db.execute("INSERT INTO meta VALUES ('podcast_guid', ?)", (podcast_guid_for(feed_url),))
                    db.execute("INSERT OR IGNORE INTO meta VALUES ('last_change', ?)", (utc_now(),))
        except sqlite3.DatabaseError as e:
            raise CatalogError(f"catalog is unreadable ({e}); {_RESTORE}", str(path)) from e
        return cat

    def __enter__(self) -> Catalog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    @property
    def podcast_guid(self) -> str:
        return self._meta("podcast_guid") or ""

    @property
    def last_change(self) -> str:
        return self._meta("last_change") or ""

    def episodes(self) -> list[Episode]:
        """Newest first (pubDate, then insertion order)."""
        rows = self.db.execute(
            f"SELECT {', '.join(_FIELDS)} FROM episodes ORDER BY published DESC, id DESC")
        lists: dict[str, tuple[str, ...]] = {}  # most rows share their files/authors lists
        return [self._checked(row, lists) for row in rows]

    def find(self, key: str) -> Episode | None:
        row = self.db.execute(f"SELECT {', '.join(_FIELDS)} FROM episodes WHERE key = ?",
                              (key,)).fetchone()
        return self._checked(row) if row else None

    def _checked(self, row: tuple, lists: dict[str, tuple[str, ...]] | None = None) -> Episode:
        try:
            return _episode(row, lists)
        except DamagedRow as e:
            slug = row[_SLUG] if isinstance(row[_SLUG], str) else "?"
            raise CatalogError(f"catalog is damaged (episode {slug[:60]!r}: {e}); {_RESTORE}",
                               str(self.path)) from None

    def slugs(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT slug FROM episodes")}

    def upsert(self, episode: Episode, *, now: str | None = None) -> Episode:
        """Insert the episode, or update the one with the same key (its guid, slug and added
        time stay). One transaction, which also moves ``last_change``."""
        now = now or utc_now()
        values = _row(dataclasses.replace(episode, added=episode.added or now, updated=now))
        sets = ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS
                         if c not in ("guid", "key", "slug", "added"))
        try:
            with self.db:
                self.db.execute(
                    f"INSERT INTO episodes ({', '.join(_COLUMNS)}) VALUES "
                    f"({', '.join('?' * len(_COLUMNS))}) ON CONFLICT(key) DO UPDATE SET {sets}",
                    values)
                self.db.execute("INSERT INTO meta VALUES ('last_change', ?) "
                                "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (now,))
        except sqlite3.IntegrityError as e:
            raise CatalogError(f"cannot store episode {episode.slug!r} ({e})", str(self.path)) from e
        found = self.find(episode.key)
        assert found is not None
        return found

    def repair_sizes(self, episodes: Path) -> list[str]:
        """Set each episode's enclosure length to its MP3's real size (a feed whose lengths
        disagree with the files breaks downloads); returns the slugs it changed."""
        fixed = []
        for slug, stem, size in self.db.execute("SELECT slug, stem, audio_bytes FROM episodes").fetchall():
            try:
                real = (Path(episodes) / f"{stem}.mp3").stat().st_size
            except OSError:
                continue  # a missing file is not a length to repair
            if real != size:
                fixed.append((slug, real))
        if fixed:
            with self.db:
                self.db.executemany("UPDATE episodes SET audio_bytes = ? WHERE slug = ?",
                                    [(real, slug) for slug, real in fixed])
                self.db.execute("UPDATE meta SET value = ? WHERE key = 'last_change'", (utc_now(),))
        return [slug for slug, _ in fixed]

    def insert_many(self, episodes: list[Episode], *, now: str | None = None) -> None:
        """Bulk insert in one transaction (for benchmarks and imports)."""
        now = now or utc_now()
        with self.db:
            self.db.executemany(
                f"INSERT INTO episodes ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})",
                [_row(dataclasses.replace(ep, added=ep.added or now, updated=ep.updated or now))
                 for ep in episodes])
            self.db.execute("INSERT INTO meta VALUES ('last_change', ?) "
                            "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (now,))


def _row(ep: Episode) -> tuple:
    return (ep.guid, ep.key, ep.slug, ep.stem, ep.title, ep.description, ep.link,
            json.dumps(list(ep.authors), ensure_ascii=False), ep.language, ep.published,
            ep.added, ep.updated, int(ep.audio_bytes), float(ep.duration), ep.content_hash,
            json.dumps(list(ep.files)), ep.engine, ep.voice)


_FIELDS = tuple(f.name for f in dataclasses.fields(Episode))  # SELECT order = Episode(*row)
_AUTHORS, _FILES = _FIELDS.index("authors"), _FIELDS.index("files")


_NAME = re.compile(r"[a-z0-9][a-z0-9-]*\Z")  # what slugify and the content hash make
_TEXT = tuple(i for i, f in enumerate(_FIELDS) if f not in ("audio_bytes", "duration", "authors", "files"))
_BYTES, _DURATION = _FIELDS.index("audio_bytes"), _FIELDS.index("duration")
_SLUG, _STEM, _PUBLISHED = _FIELDS.index("slug"), _FIELDS.index("stem"), _FIELDS.index("published")


class DamagedRow(ValueError):
    pass


def _episode(row: tuple, lists: dict[str, tuple[str, ...]] | None = None) -> Episode:
    """One row as an Episode, checked: a row edited by hand or damaged (a slug with ``/``, a
    date that is not ISO 8601, text where a number belongs, a list that is not JSON) is a
    damaged catalog, said in one line, never a Python error halfway through a feed."""
    lists = {} if lists is None else lists
    values = list(row)
    for i in (_AUTHORS, _FILES):
        raw = values[i]
        if raw not in lists:
            try:
                got = json.loads(raw) if isinstance(raw, str) else None
            except ValueError:
                got = None
            if not isinstance(got, list) or not all(isinstance(v, str) for v in got):
                raise DamagedRow(f"{_FIELDS[i]} is not a JSON list of text")
            lists[raw] = tuple(got)
        values[i] = lists[raw]
    for i in _TEXT:
        if not isinstance(values[i], str):
            raise DamagedRow(f"{_FIELDS[i]} is not text")
    size, duration = values[_BYTES], values[_DURATION]
    if type(size) is not int or size < 0:
        raise DamagedRow("audio_bytes is not a byte count")
    if type(duration) not in (int, float) or not 0 <= duration < 1e9:
        raise DamagedRow("duration is not a number of seconds")
    if not _NAME.match(values[_SLUG]) or not _NAME.match(values[_STEM]):
        raise DamagedRow("slug or stem is not a file name narrate makes")
    try:
        dt.datetime.fromisoformat(values[_PUBLISHED])
    except ValueError:
        raise DamagedRow("published is not an ISO 8601 date") from None
    return Episode(*values)
