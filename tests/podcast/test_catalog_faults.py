"""A damaged catalog is never silently started afresh (that would drop every published episode
from the feed): zero bytes, garbage, someone else's database, or missing beside existing MP3s is
one line naming the file and what to do, and the file is left as it was. ``narrate feed``
repairs enclosure lengths that disagree with the files."""

from __future__ import annotations

import sqlite3
import xml.etree.ElementTree as ET

import pytest

from narrate.errors import CatalogError
from narrate.podcast.catalog import CATALOG, Catalog
from narrate.podcast.showfolder import init_show
from tests.cli.conftest import run_narrate
from tests.podcast.media import episode


@pytest.fixture
def show(tmp_path):
    folder = tmp_path / "show"
    init_show(folder, title="Faults")
    return folder


def damage_cases(folder):
    path = folder / CATALOG
    yield "empty", lambda: path.write_bytes(b""), "empty (0 bytes)"
    yield "garbage", lambda: path.write_bytes(b"\x00not a database at all" * 100), "unreadable"

    def foreign() -> None:
        path.unlink()
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE notes (x)")
        db.close()
    yield "foreign", foreign, "not a narrate catalog"


@pytest.mark.parametrize("case", ["empty", "garbage", "foreign"])
def test_damaged_catalog_is_refused_and_left_alone(show, case):
    name, damage, words = next(c for c in damage_cases(show) if c[0] == case)
    damage()
    before = (show / CATALOG).read_bytes()
    with pytest.raises(CatalogError) as info:
        Catalog.open(show)
    message = str(info.value)
    assert message.startswith(str(show / CATALOG)) and words in message and "restore" in message
    assert (show / CATALOG).read_bytes() == before
    result = run_narrate("feed", str(show), timeout=60)
    err = result.stderr.decode()
    assert result.returncode == 1 and err.count("\n") == 1 and words in err
    assert (show / CATALOG).read_bytes() == before


def test_missing_catalog_beside_episodes_is_refused(show):
    with Catalog.open(show) as cat:
        cat.upsert(episode(show, 1, seconds=1))
    (show / CATALOG).unlink()
    with pytest.raises(CatalogError, match="missing but episodes/ holds 1 MP3"):
        Catalog.open(show)
    assert not (show / CATALOG).exists()


def test_feed_repairs_enclosure_lengths(show):
    with Catalog.open(show) as cat:
        ep = cat.upsert(episode(show, 1, seconds=1))
    real = (show / "episodes" / f"{ep.stem}.mp3").stat().st_size
    with sqlite3.connect(show / CATALOG) as db:
        db.execute("UPDATE episodes SET audio_bytes = 12345")
    db.close()
    result = run_narrate("feed", str(show), timeout=60)
    assert result.returncode == 0, result.stderr
    assert b"repaired the enclosure length of 1 episode" in result.stderr
    enclosure = ET.parse(show / "feed.xml").find("channel/item/enclosure")
    assert enclosure is not None and int(enclosure.get("length")) == real
    again = run_narrate("feed", str(show), timeout=60)
    assert again.returncode == 0 and b"repaired" not in again.stderr


def _drop_episodes(db):
    db.execute("DROP TABLE episodes")


def _drop_column(db):
    db.execute("ALTER TABLE episodes DROP COLUMN voice")


@pytest.mark.parametrize("damage", [_drop_episodes, _drop_column], ids=["no-table", "no-column"])
def test_catalog_with_missing_tables_or_columns_is_damaged(show, damage):
    """Our own catalog (it has ``_migrations``) with a table or column gone is damaged: one line
    naming the file, never the first failing query's "no such table"."""
    with sqlite3.connect(show / CATALOG) as db:
        damage(db)
    db.close()
    before = (show / CATALOG).read_bytes()
    result = run_narrate("feed", str(show), timeout=60)
    err = result.stderr.decode()
    assert result.returncode == 1 and err.count("\n") == 1, err
    assert err.startswith(f"narrate: error: {show / CATALOG}: catalog is damaged") and "restore" in err
    assert "unexpected" not in err and (show / CATALOG).read_bytes() == before


@pytest.mark.parametrize("column, value", [
    ("authors", "not json"), ("files", "{"), ("files", "[1, 2]"), ("authors", '{"a": 1}'),
    ("published", "garbage"), ("published", "9999-99-99"), ("duration", "x"), ("duration", 1e999),
    ("slug", "../../etc"), ("stem", "../catalog"), ("stem", "a/b"), ("title", b"\x00\xff"),
    ("description", b"\xff"),
])
def test_damaged_row_is_one_line_naming_the_catalog(show, column, value):
    """A row edited by hand or damaged — any field holding what narrate never writes there —
    makes `feed` and `add` say the catalog is damaged and leave it (and feed.xml) alone. (An
    enclosure length that disagrees with the MP3 is not damage: `feed` repairs it.)"""
    with Catalog.open(show) as cat:
        cat.upsert(episode(show, 1, seconds=1))
    with sqlite3.connect(show / CATALOG) as db:
        db.execute("PRAGMA ignore_check_constraints = ON")
        db.execute(f"UPDATE episodes SET {column} = ?", (value,))
    db.close()
    feed = (show / "feed.xml").read_bytes()
    runs = [["feed", str(show)]]
    if column in ("slug", "published"):  # add reads the same rows; twice is enough to show it
        runs.append(["add", "--show", str(show), str(show / "narrate.toml")])
    for args in runs:
        result = run_narrate(*args, timeout=60)
        err = result.stderr.decode()
        assert result.returncode == 1, err
        line = next(text for text in err.splitlines() if "error" in text)
        assert f"{show / CATALOG}: catalog is damaged" in line and "restore" in line, err
        assert "unexpected" not in err and "Traceback" not in err
    assert (show / "feed.xml").read_bytes() == feed
