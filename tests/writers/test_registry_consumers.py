"""The writer registry is the one list of formats: a writer added to ``WRITERS`` alone shows up
in ``narrate export --help``, in every episode the batch makes, in the index page's links and
in the server's content types, with no other file touched."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from narrate.cli import cli
from narrate.model import Article
from narrate.podcast.catalog import Catalog
from narrate.podcast.http import content_type
from narrate.podcast.showfolder import init_show
from narrate.writers import WRITERS, WriteOptions, WriterSpec

ARTICLE = """---
title: "Tide tables for beginners"
authors: ["Ines Harbour"]
date: 2024-06-01
url: https://example.org/tides/beginners
---
<h1>Tide tables for beginners</h1>
<p>A tide table gives the height of the water at each hour of the day.</p>
"""


def _shout(article: Article, options: WriteOptions) -> str:
    return article.title.upper() + "\n"


@pytest.fixture
def shout_writer() -> Iterator[WriterSpec]:
    """A fake format registered for one test; the registry is restored exactly afterwards."""
    saved = dict(WRITERS)
    spec = WriterSpec("shout", _shout, "shout", "text/x-shout; charset=utf-8", "Read it shouted")
    WRITERS["shout"] = spec
    try:
        yield spec
    finally:
        WRITERS.clear()
        WRITERS.update(saved)


def test_export_offers_and_writes_a_registered_writer(shout_writer, tmp_path):
    runner = CliRunner()
    help_text = runner.invoke(cli, ["export", "--help"]).output
    assert "shout" in help_text
    source = tmp_path / "tides.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(cli, ["export", str(source), "--format", "shout"])
    assert result.exit_code == 0, result.output
    assert result.output == "TIDE TABLES FOR BEGINNERS\n"


def test_export_no_longer_offers_it_once_removed(tmp_path):
    assert "shout" not in WRITERS
    assert "shout" not in CliRunner().invoke(cli, ["export", "--help"]).output


def test_the_batch_page_and_server_use_a_registered_writer(shout_writer, tmp_path, fake_voice):
    from narrate.batch import add_sources

    show = init_show(tmp_path / "show", title="Registry")
    source = tmp_path / "tides.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    report = add_sources(show.folder, [str(source)], voice=fake_voice)
    assert report.failed == [] and len(report.added) == 1
    stem = report.added[0].stem
    copy = show.folder / "episodes" / f"{stem}.shout"
    assert copy.read_text(encoding="utf-8") == "TIDE TABLES FOR BEGINNERS\n"
    with Catalog.open(show.folder) as cat:
        assert "shout" in cat.episodes()[0].files
    page = (show.folder / "index.html").read_text(encoding="utf-8")
    assert f'<a href="episodes/{stem}.shout">Read it shouted</a>' in page
    assert content_type(f"episodes/{stem}.shout") == "text/x-shout; charset=utf-8"


def test_server_types_come_from_the_registry():
    for spec in WRITERS.values():
        assert content_type(f"episodes/x.{spec.extension}") == spec.media_type
    assert content_type("episodes/x.chapters.json") == "application/json+chapters"
    assert content_type("episodes/x.mp3") == "audio/mpeg"
    assert content_type("feed.xml").startswith("application/rss+xml")
    assert content_type("notes.unknown") == "application/octet-stream"


def test_writers_without_a_label_are_not_copied_per_episode():
    from narrate.podcast import layout

    made = {f.writer for f in layout.exports()}
    assert made == {name for name, spec in WRITERS.items() if spec.label}
    assert "json" not in made  # the model itself: for programs, not listeners
    assert Path(layout.episode_file(Path("show"), "a", "mp3")) == Path("show/episodes/a.mp3")
