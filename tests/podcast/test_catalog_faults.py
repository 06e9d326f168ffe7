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
