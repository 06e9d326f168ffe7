"""The catalog: migrations with backups, the podcast guid assigned once, upserts by article."""

from __future__ import annotations

import sqlite3
import uuid

import pytest

from narrate.errors import CatalogError
from narrate.podcast import catalog as catalog_module
from narrate.podcast.catalog import Catalog, podcast_guid_for
from tests.podcast.media import episode


def test_podcast_guid_is_uuid5_of_feed_url_and_never_recomputed(tmp_path):
    guid = podcast_guid_for("https://example.org/show/feed.xml/")
    ns = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
    assert guid == str(uuid.uuid5(ns, "example.org/show/feed.xml"))
    with Catalog.open(tmp_path, feed_url="https://example.org/show/feed.xml") as cat:
        assert cat.podcast_guid == guid
    with Catalog.open(tmp_path, feed_url="https://moved.example.net/feed.xml") as cat:
        assert cat.podcast_guid == guid


def test_new_catalog_needs_a_feed_url(tmp_path):
    with pytest.raises(CatalogError, match="feed URL"):
        Catalog.open(tmp_path)
    with pytest.raises(CatalogError, match="does not exist"):
        Catalog.open(tmp_path / "missing", feed_url="http://h/feed.xml")


def test_migrations_are_recorded_and_backed_up(tmp_path, monkeypatch):
    Catalog.open(tmp_path, feed_url="http://h/feed.xml").close()
    db = sqlite3.connect(tmp_path / "catalog.sqlite")
    assert [r[0] for r in db.execute("SELECT name FROM _migrations")] == ["m001_initial"]
    db.close()
    assert not list(tmp_path.glob("catalog.sqlite.before-*"))

    def m002_add_notes(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE episodes ADD COLUMN notes TEXT NOT NULL DEFAULT ''")

    monkeypatch.setattr(catalog_module, "MIGRATIONS", [*catalog_module.MIGRATIONS, m002_add_notes])
    with Catalog.open(tmp_path) as cat:
        names = [r[0] for r in cat.db.execute("SELECT name FROM _migrations ORDER BY name")]
        assert names == ["m001_initial", "m002_add_notes"]
    backup = sqlite3.connect(tmp_path / "catalog.sqlite.before-m002_add_notes")
    columns = [r[1] for r in backup.execute("PRAGMA table_info(episodes)")]
    backup.close()
    assert "notes" not in columns and "guid" in columns
    Catalog.open(tmp_path).close()  # nothing left to apply: no error, no new backup
    assert len(list(tmp_path.glob("catalog.sqlite.before-*"))) == 1


def test_upsert_keeps_identity_and_moves_last_change(tmp_path):
    with Catalog.open(tmp_path, feed_url="http://h/feed.xml") as cat:
        created = cat.last_change
        first = cat.upsert(episode(tmp_path, 1, seconds=1), now="2030-01-01T00:00:00+00:00")
        assert cat.last_change == "2030-01-01T00:00:00+00:00" != created
        second = cat.upsert(episode(tmp_path, 1, seconds=1, stem="episode-1-new", slug="x", guid="y"),
                            now="2030-01-02T00:00:00+00:00")
        assert (second.guid, second.slug, second.added) == (first.guid, first.slug, first.added)
        assert second.stem == "episode-1-new" and second.updated == "2030-01-02T00:00:00+00:00"
        assert len(cat.episodes()) == 1 and cat.slugs() == {"episode-1"}
        assert cat.find("https://example.org/a/1") == second and cat.find("nope") is None


def test_conflicting_slug_is_a_catalog_error(tmp_path):
    with Catalog.open(tmp_path, feed_url="http://h/feed.xml") as cat:
        cat.upsert(episode(tmp_path, 1, seconds=1))
        with pytest.raises(CatalogError, match="cannot store"):
            cat.upsert(episode(tmp_path, 2, seconds=1, stem="episode-1", slug="episode-1"))
        assert len(cat.episodes()) == 1
