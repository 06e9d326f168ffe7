"""The foundation's done-checks, through the real CLI on the shared sample article."""

import subprocess
import xml.etree.ElementTree as ET

import feedparser
import pytest
from mutagen.mp3 import MP3

from tests.cli.conftest import run_narrate
from tests.shared import need_shared

TITLE = "I May Be Free, but the Belarusian People Are Not"
AUTHOR = "Ales Bialiatski"


@pytest.fixture(scope="module")
def show(tmp_path_factory):
    sample = need_shared()
    folder = tmp_path_factory.mktemp("shows") / "demo"
    init = run_narrate("init", str(folder))
    assert init.returncode == 0, init.stderr.decode()
    add = run_narrate("add", str(sample), "--show", str(folder))
    assert add.returncode == 0, add.stderr.decode()
    return folder, sample


def test_speak_sample_gives_4_to_9_minutes_tagged(tmp_path):
    sample = need_shared()
    out = tmp_path / "x.mp3"
    result = run_narrate("speak", str(sample), "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    audio = MP3(out)
    assert 4 * 60 <= audio.info.length <= 9 * 60, audio.info.length
    assert str(audio.tags["TIT2"]) == TITLE
    assert str(audio.tags["TPE1"]) == AUTHOR
    # ffprobe agrees with mutagen on the duration (no truncated or padded stream).
    probe = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(out)],
        capture_output=True, text=True, check=True)
    assert abs(float(probe.stdout) - audio.info.length) < 1.0
    for sidecar in (".vtt", ".srt"):
        assert out.with_suffix(sidecar).stat().st_size > 0
    assert (tmp_path / "x.chapters.json").stat().st_size > 0


def test_add_makes_a_feed_with_one_exact_enclosure(show):
    folder, _ = show
    feed = feedparser.parse((folder / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert len(feed.entries) == 1
    entry = feed.entries[0]
    assert entry.title == TITLE
    enclosure = entry.enclosures[0]
    mp3 = folder / "episodes" / enclosure.href.rsplit("/", 1)[1]
    assert int(enclosure.length) == mp3.stat().st_size
    assert enclosure.type == "audio/mpeg"


def test_adding_the_same_article_again_adds_nothing(show):
    folder, sample = show
    before = (folder / "feed.xml").read_bytes()
    again = run_narrate("add", str(sample), "--show", str(folder))
    assert again.returncode == 0, again.stderr.decode()
    items = ET.fromstring((folder / "feed.xml").read_bytes()).findall("./channel/item")
    assert len(items) == 1
    assert (folder / "feed.xml").read_bytes() == before


def test_feed_command_rebuilds_byte_for_byte(show):
    folder, _ = show
    feed, index = (folder / "feed.xml").read_bytes(), (folder / "index.html").read_bytes()
    (folder / "feed.xml").unlink()
    (folder / "index.html").unlink()
    result = run_narrate("feed", str(folder))
    assert result.returncode == 0, result.stderr.decode()
    assert (folder / "feed.xml").read_bytes() == feed
    assert (folder / "index.html").read_bytes() == index


def test_add_reports_a_bad_source_and_still_does_the_rest(show, tmp_path):
    folder, sample = show
    missing = tmp_path / "missing.html"
    result = run_narrate("add", str(missing), str(sample), "--show", str(folder))
    assert result.returncode == 1
    err = result.stderr.decode()
    assert str(missing) in err and "Traceback" not in err
    items = ET.fromstring((folder / "feed.xml").read_bytes()).findall("./channel/item")
    assert len(items) == 1
