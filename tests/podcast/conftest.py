"""Fixtures for the feed area: a show folder with real (ffmpeg-made) episodes, and a live server."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from narrate.podcast.catalog import Catalog
from narrate.podcast.server import ShowServer, make_server
from narrate.podcast.show import Show
from narrate.podcast.showfolder import init_show, rebuild_folder
from tests.podcast.media import episode


@pytest.fixture(scope="session")
def show_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A show with three episodes (3 s, 4 s, 25 s) and a hostile title; do not modify it."""
    folder = tmp_path_factory.mktemp("feed") / "demo"
    init_show(folder, title="Demo & <Friends>", author="Ann O'Hara", email="ann@example.org",
              category="News/Politics", description="Narrated articles ]]> for <tests>.")
    with Catalog.open(folder) as cat:
        cat.upsert(episode(folder, 1, seconds=3, title="First <b>bold</b> & ]]> \x07end"))
        cat.upsert(episode(folder, 2, seconds=4, title="Second – “typographic” é"))
        cat.upsert(episode(folder, 3, seconds=25, title="Third", authors=(), link=""))
    rebuild_folder(folder)
    return folder


@pytest.fixture(scope="session")
def server(show_dir: Path) -> Iterator[ShowServer]:
    srv = make_server(show_dir, "127.0.0.1", 0, quiet=True)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def fresh_show(tmp_path: Path) -> Show:
    return init_show(tmp_path / "show", title="Fresh")
