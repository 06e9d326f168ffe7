"""narrate add: source lists, identity of articles, and failures that never stop a batch."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from narrate.batch import (
    add_sources,
    article_key,
    published_iso,
    slugify,
    unique_slug,
)
from narrate.errors import SynthesisError
from narrate.model import Article, Paragraph, Text
from narrate.podcast.catalog import Catalog
from narrate.podcast.showfolder import init_show
from narrate.sourcelist import expand_sources

ARTICLE = """---
title: "Lighthouses of the {place}: a short history"
authors: ["Mara Quill"]
date: 2024-05-{day}
url: https://example.org/lighthouses/{place}
description: Why the {place} lighthouses were built.
---
<h1>Lighthouses of the {place}: a short history</h1>
<p>The first light on the {place} coast was a fire in an iron basket.</p>
<p>{extra}</p>
"""


def write_article(path: Path, place: str = "North", day: int = 3, extra: str = "Keepers came later.") -> Path:
    path.write_text(ARTICLE.format(place=place, day=f"{day:02d}", extra=extra), encoding="utf-8")
    return path


# ---------------------------------------------------------------- pure helpers


def test_expand_sources(tmp_path):
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    for name in ("b.html", "a.txt", "sub/c.md", "skip.jpg", ".hidden.txt"):
        (src / name).write_text("x")
    show = src / "show"
    (show / "episodes").mkdir(parents=True)
    (show / "episodes" / "old.html").write_text("x")
    lst = tmp_path / "list.txt"
    lst.write_text("# comment\n\nsrc/a.txt\nhttps://example.org/x\n" + str(src / "*.html") + "\n")
    specs, failed = expand_sources([str(src), f"@{lst}", str(tmp_path / "none-*.md"), "-",
                                    "@" + str(tmp_path / "missing.txt")], exclude=show)
    assert specs == [str(src / "a.txt"), str(src / "b.html"), str(src / "sub" / "c.md"),
                     str(src / "a.txt"), "https://example.org/x", str(src / "b.html"), "-"]
    assert [s for s, _ in failed] == [str(tmp_path / "none-*.md"), "@" + str(tmp_path / "missing.txt")]
    assert all("\n" not in message for _, message in failed)


def test_slugs_are_ascii_unique_and_capped():
    assert slugify("Ærøskøbing: Ein Überblick — 2024!") == "aeroskobing-ein-uberblick-2024"
    assert slugify("¿¿??") == "episode"
    long = slugify("word " * 40)
    assert len(long) <= 60 and long.endswith("word") and long.isascii()
    assert unique_slug("a", {"a", "a-2"}) == "a-3"
    assert unique_slug("x" * 60, {"x" * 60}) == "x" * 58 + "-2"


def test_article_identity():
    art = Article(title="T", blocks=(Paragraph((Text("p"),)),))
    assert article_key(art.replace(url="https://e.org/a"), "/tmp/x.txt") == "https://e.org/a"
    assert article_key(art, "rel/x.txt") == "file:" + str(Path("rel/x.txt").resolve())
    assert article_key(art, "https://e.org/b") == "https://e.org/b"
    assert article_key(art, "-") == "title:t"
    dated = art.replace(published="2024-03-01", authors=("Ann",))
    assert article_key(dated, "-") == "title:t\0" + "2024-03-01T00:00:00+00:00\0ann"


def test_published_dates():
    assert published_iso("2024-05-03") == "2024-05-03T00:00:00+00:00"
    assert published_iso("2026-01-07T13:49:58.438Z") == "2026-01-07T13:49:58+00:00"
    assert published_iso("Tue, 05 Mar 2024 10:00:00 +0100") == "2024-03-05T09:00:00+00:00"
    assert published_iso("") is None and published_iso("soon") is None


# ---------------------------------------------------------------- failures (speak mocked)


def test_failures_are_reported_and_do_not_stop_the_batch(tmp_path, monkeypatch):
    calls = []

    def broken_speak(article, out, **kwargs):
        calls.append(article.title)
        raise SynthesisError("engine produced no audio", article.title)

    monkeypatch.setitem(sys.modules, "narrate.speak", types.SimpleNamespace(speak=broken_speak))
    show = init_show(tmp_path / "show")
    good = write_article(tmp_path / "a.txt")
    report = add_sources(show.folder, [str(tmp_path / "missing.txt"), str(good)])
    assert report.added == [] and report.unchanged == []
    assert [s for s, _ in report.failed] == [str(tmp_path / "missing.txt"), str(good)]
    assert "engine produced no audio" in report.failed[1][1]
    assert all("\n" not in m and m for _, m in report.failed)
    assert len(calls) == 1
    with Catalog.open(show.folder) as cat:
        assert cat.episodes() == []
    assert not feedparser.parse((show.folder / "feed.xml").read_bytes()).bozo


def test_unexpected_exception_is_one_failure(tmp_path, monkeypatch):
    def crash(article, out, **kwargs):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setitem(sys.modules, "narrate.speak", types.SimpleNamespace(speak=crash))
    show = init_show(tmp_path / "show")
    report = add_sources(show.folder, [str(write_article(tmp_path / "a.txt"))])
    assert report.failed == [(str(tmp_path / "a.txt"), "RuntimeError: boom second line")]


# ---------------------------------------------------------------- real narration


@pytest.fixture(scope="module")
def narrated(tmp_path_factory) -> dict:
    """One real narration of two short articles; then the same and a changed article again."""
    tmp = tmp_path_factory.mktemp("batch")
    show = init_show(tmp / "show", title="Batch")
    north = write_article(tmp / "north.txt")
    south = write_article(tmp / "south.txt", place="South", day=4)
    first = add_sources(show.folder, [str(north), str(south), str(tmp / "nope.txt")])
    mp3s = {p.name: p.stat().st_mtime_ns for p in (show.folder / "episodes").glob("*.mp3")}
    feed1 = (show.folder / "feed.xml").read_bytes()
    again = add_sources(show.folder, [str(north), str(south)])
    feed2 = (show.folder / "feed.xml").read_bytes()
    write_article(north, extra="Keepers came later, and then electric lamps.")
    changed = add_sources(show.folder, [str(north)])
    return dict(show=show, first=first, again=again, changed=changed, mp3s=mp3s,
                feed1=feed1, feed2=feed2)


def test_add_makes_episodes(narrated):
    show, first = narrated["show"], narrated["first"]
    assert len(first.added) == 2, first.failed
    assert [s for s, _ in first.failed] == [str(show.folder.parent / "nope.txt")]
    root = ET.fromstring(narrated["feed1"])
    items = root.find("channel").findall("item")
    assert len(items) == 2
    for item in items:
        enc = item.find("enclosure")
        name = enc.get("url").rsplit("/", 1)[1]
        assert int(enc.get("length")) == (show.folder / "episodes" / name).stat().st_size
    stems = {ep.stem for ep in first.added}
    assert stems == {"lighthouses-of-the-north-a-short-history", "lighthouses-of-the-south-a-short-history"}
    for stem in stems:
        for ext in ("mp3", "vtt", "srt", "chapters.json", "html", "md", "txt", "epub"):
            assert (show.folder / "episodes" / f"{stem}.{ext}").is_file(), (stem, ext)
        chapters = json.loads((show.folder / "episodes" / f"{stem}.chapters.json").read_text())
        assert chapters["podcastName"] == "Batch"  # the show's name, not the article's site
    assert not feedparser.parse(narrated["feed1"]).bozo


def test_same_articles_again_are_unchanged(narrated):
    again = narrated["again"]
    assert again.added == [] and len(again.unchanged) == 2 and again.failed == []
    assert narrated["feed2"] == narrated["feed1"]
    show = narrated["show"]
    # not narrated again: the first MP3s were not rewritten before the text changed
    assert narrated["mp3s"]["lighthouses-of-the-south-a-short-history.mp3"] == (
        show.folder / "episodes" / "lighthouses-of-the-south-a-short-history.mp3").stat().st_mtime_ns


def test_changed_text_gets_new_file_same_guid(narrated):
    show, first, changed = narrated["show"], narrated["first"], narrated["changed"]
    (ep,) = changed.added
    old = next(e for e in first.added if e.slug == ep.slug)
    assert ep.guid == old.guid and ep.stem != old.stem and ep.stem.startswith(ep.slug + "-")
    items = ET.parse(show.folder / "feed.xml").getroot().find("channel").findall("item")
    assert len(items) == 2
    urls = [i.find("enclosure").get("url") for i in items if i.findtext("guid") == ep.guid]
    assert urls == [show.base_url + f"episodes/{ep.stem}.mp3"]
    assert (show.folder / "episodes" / f"{old.stem}.mp3").is_file()  # old URL keeps working


def test_scheduler_without_dask_is_a_config_error(tmp_path, monkeypatch):
    from narrate import deps
    from narrate.errors import ConfigError

    monkeypatch.setitem(deps._loaded, "distributed", None)  # as where the extra is not installed
    show = init_show(tmp_path / "show")
    with pytest.raises(ConfigError, match="narrate\\[dask\\]"):
        add_sources(show.folder, [str(write_article(tmp_path / "a.txt"))], scheduler="tcp://127.0.0.1:1")


def test_dask_scheduler_narrates_on_a_real_cluster(tmp_path):
    """--scheduler: the work goes to a real distributed.LocalCluster (a scheduler and a worker
    process that imports narrate itself); the catalog and feed are written here."""
    from distributed import LocalCluster

    show = init_show(tmp_path / "show")
    specs = [str(write_article(tmp_path / f"{p}.txt", place=p, day=n, extra="Short."))
             for n, p in enumerate(("Bay", "Cape"), 1)]
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                      scheduler_port=0) as cluster:
        report = add_sources(show.folder, specs, scheduler=cluster.scheduler_address)
        ran = set(cluster.scheduler.task_prefixes)
    assert report.failed == [] and len(report.added) == 2, report.failed
    assert ran == {"produce"}  # the narration ran as tasks of that scheduler
    d = feedparser.parse((show.folder / "feed.xml").read_bytes())
    assert not d.bozo and len(d.entries) == 2
    for ep in report.added:
        assert ep.engine == "pyttsx3"  # narrated by espeak-ng in the worker, not mocked
        assert (show.folder / "episodes" / f"{ep.stem}.mp3").stat().st_size == ep.audio_bytes


def test_parallel_jobs(tmp_path):
    """jobs=2 narrates in worker processes; the catalog is written here, one row each. The
    workers get the first articles while the last source is still to be read."""
    show = init_show(tmp_path / "show")
    specs = [str(write_article(tmp_path / f"{p}.txt", place=p, day=n, extra="Short."))
             for n, p in enumerate(("East", "West", "Isle"), 1)]
    log: list[str] = []
    report = add_sources(show.folder, specs, jobs=2, progress=log.append)
    assert report.failed == [] and len(report.added) == 3, report.failed
    narrating = next(i for i, line in enumerate(log) if "narrating" in line)
    assert narrating < log.index(f"[3/3] reading {specs[2]}"), log
    d = feedparser.parse((show.folder / "feed.xml").read_bytes())
    assert not d.bozo and len(d.entries) == 3
    for e in d.entries:
        name = e.enclosures[0].href.rsplit("/", 1)[1]
        assert int(e.enclosures[0].length) == (show.folder / "episodes" / name).stat().st_size


def test_the_batch_reads_settings_and_artwork_once(tmp_path, monkeypatch, fake_voice):
    """The rebuild after a batch takes the show the batch loaded: one settings read, one
    artwork check, for any number of sources."""
    from narrate.podcast import artwork, show

    show_folder = init_show(tmp_path / "show").folder
    reads = {"settings": 0, "artwork": 0}
    load_show, check_artwork = show.load_show, artwork.check_artwork

    def counted_load(folder):
        reads["settings"] += 1
        return load_show(folder)

    def counted_check(path):
        reads["artwork"] += 1
        return check_artwork(path)

    monkeypatch.setattr("narrate.batch.load_show", counted_load)
    monkeypatch.setattr(artwork, "check_artwork", counted_check)
    specs = [str(write_article(tmp_path / f"{p}.txt", place=p, day=n, extra="Short."))
             for n, p in enumerate(("Reef", "Spit"), 1)]
    report = add_sources(show_folder, specs, voice=fake_voice)
    assert report.failed == [] and len(report.added) == 2
    assert reads == {"settings": 1, "artwork": 1}
    assert len(feedparser.parse((show_folder / "feed.xml").read_bytes()).entries) == 2


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="Linux lists a process's threads")
def test_workers_are_forked_only_from_a_single_threaded_batch() -> None:
    """A forked worker starts with narrate imported; with another thread alive (an engine's,
    a look-up's) it could inherit a lock held for ever, so the pool spawns instead."""
    code = ("import sys, threading; from narrate.workers import start_method\n"
            "print(start_method())\n"
            "stop = threading.Event(); t = threading.Thread(target=stop.wait); t.start()\n"
            "print(start_method()); stop.set(); t.join()\n")
    root = str(Path(__file__).resolve().parent.parent)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": root})
    assert out.stdout.split() == ["fork", "spawn"]


@pytest.mark.parametrize("kind, words", [("fifo", "is a FIFO"), ("device", "is a device"),
                                         ("missing", "no such file"), ("folder", "a folder")])
def test_a_source_list_must_be_a_regular_file(tmp_path, monkeypatch, kind, words):
    """``@list`` is read like every file narrate is given: a FIFO blocked the run, /dev/zero
    filled the memory, and a missing ``nolist.txt`` was called a program "not installed"."""
    import os

    monkeypatch.chdir(tmp_path)
    name = "list.txt"
    if kind == "fifo":
        os.mkfifo(name)
    elif kind == "device":
        os.symlink("/dev/zero", name)
    elif kind == "folder":
        os.mkdir(name)
    specs, failed = expand_sources([f"@{name}"])
    assert specs == [] and [s for s, _ in failed] == [f"@{name}"]
    assert words in failed[0][1] and "installed" not in failed[0][1]
