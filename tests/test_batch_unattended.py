"""narrate add run unattended: a folder without articles, files too short to be articles,
repeats and non-article files are named; failures are told as they happen; the progress names
what is being narrated; re-adding an unchanged article without --voice keeps its episode."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrate.batch import MIN_WORDS, add_sources
from narrate.podcast.showfolder import init_show
from tests.cli.conftest import run_narrate
from tests.conftest import FAKE_PROFILE

ARTICLE = """---
title: "Harbour notes {n}"
url: https://notes.example/{n}
---
<p>The harbour was quiet that morning {n}, and the gulls circled the pier while the boats came in.</p>
<p>By noon the market had opened and the first crates of fish were on the quay.</p>
"""


def article(path: Path, n: int = 1) -> Path:
    path.write_text(ARTICLE.format(n=n), encoding="utf-8")
    return path


@pytest.fixture
def fake_named(tmp_path, monkeypatch) -> str:
    """A voice profile named ``fake`` (the test engine), found through $NARRATE_VOICES."""
    voices = tmp_path / "voices"
    voices.mkdir()
    (voices / "fake.toml").write_text(FAKE_PROFILE, encoding="utf-8")
    monkeypatch.setenv("NARRATE_VOICES", str(voices))
    return "fake"


def test_folder_without_articles_is_a_failure_naming_it(tmp_path):
    show = init_show(tmp_path / "show", title="Empty")
    empty = tmp_path / "drafts"
    empty.mkdir()
    (empty / "photo.jpg").write_bytes(b"\xff\xd8")
    report = add_sources(show.folder, [str(empty)])
    assert [s for s, _ in report.failed] == [str(empty)]
    assert "no articles in this folder" in report.failed[0][1]
    assert report.skipped and "photo.jpg" in report.skipped[0][1]
    result = run_narrate("add", str(empty), "--show", str(show.folder), timeout=120)
    err = result.stderr.decode()
    assert result.returncode == 1
    assert f"narrate: error: {empty}: no articles in this folder" in err
    assert f"narrate: skipped {empty}: not taken as articles" in err and "photo.jpg" in err


def test_folder_whose_every_file_is_skipped_holds_no_article(tmp_path, fake_named):
    """Rule: a folder none of whose files is an article (empty, a few words) is a failure naming
    the folder; each file is still named as skipped; an empty file is skipped, not failed."""
    show = init_show(tmp_path / "show", title="Notes")
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "empty.txt").write_text("", encoding="utf-8")
    (notes / "readme.md").write_text("Drafts.\n", encoding="utf-8")
    report = add_sources(show.folder, [str(notes)], voice=fake_named)
    assert report.added == [] and report.unchanged == []
    assert [s for s, _ in report.failed] == [str(notes)]
    assert "no articles in this folder" in report.failed[0][1]
    skipped = dict(report.skipped)
    assert "empty" in skipped[str(notes / "empty.txt")]
    assert "too short" in skipped[str(notes / "readme.md")]
    # one article among them: the folder is fine, the others are still skipped by name
    article(notes / "story.txt")
    report = add_sources(show.folder, [str(notes)], voice=fake_named)
    assert len(report.added) == 1 and report.failed == []
    assert {str(notes / "empty.txt"), str(notes / "readme.md")} <= set(dict(report.skipped))


def test_short_files_and_repeats_are_skipped_by_name(tmp_path, fake_named):
    show = init_show(tmp_path / "show", title="Skips")
    good = article(tmp_path / "good.txt")
    short = tmp_path / "short.md"
    short.write_text("# Note\n\nCall the harbour master.\n", encoding="utf-8")
    again = tmp_path / "again.txt"
    again.write_text(good.read_text(encoding="utf-8"), encoding="utf-8")
    events: list[tuple[str, str]] = []
    report = add_sources(show.folder, [str(good), str(short), str(again)], voice=fake_named,
                         notice=lambda source, message: events.append((source, message)))
    assert len(report.added) == 1 and report.failed == []
    skipped = dict(report.skipped)
    assert skipped[str(short)] == "too short to be an article (4 words of text)"
    assert str(good) in skipped[str(again)]  # names the source it repeats
    assert [s for s, _ in events] == [str(short), str(again)]
    assert MIN_WORDS > 4


def test_failures_are_told_as_they_happen(tmp_path, fake_named):
    show = init_show(tmp_path / "show", title="Live")
    log: list[str] = []
    sources = [str(tmp_path / "missing.txt"), str(article(tmp_path / "a.txt", 1)),
               str(article(tmp_path / "b.txt", 2))]
    report = add_sources(show.folder, sources, voice=fake_named,
                         progress=lambda message: log.append(f"status {message}"),
                         notice=lambda source, message: log.append(f"notice {source}"))
    assert len(report.added) == 2
    missing = log.index(f"notice {tmp_path / 'missing.txt'}")
    narrating = [i for i, line in enumerate(log) if "narrating" in line]
    assert narrating and missing < narrating[0]  # told before the batch goes on, not at the end
    assert any(line.endswith(f"narrating {tmp_path / 'a.txt'}") for line in log)
    assert any(line.endswith(f"narrating {tmp_path / 'b.txt'}") for line in log)


def test_readding_without_voice_keeps_the_episode(tmp_path, fake_named):
    show = init_show(tmp_path / "show", title="Voices")
    src = article(tmp_path / "a.txt")
    first = add_sources(show.folder, [str(src)], voice=fake_named)
    (made,) = first.added
    mp3 = show.folder / "episodes" / f"{made.stem}.mp3"
    before = mp3.stat().st_mtime_ns
    again = add_sources(show.folder, [str(src)])  # no voice: must not re-narrate with the default
    assert again.added == [] and [e.stem for e in again.unchanged] == [made.stem]
    assert mp3.stat().st_mtime_ns == before
    (kept,) = again.unchanged
    assert kept.voice == made.voice and kept.engine == made.engine == "fake"


@pytest.mark.parametrize("spec", ["", "  ", "@", "@ ", "@{empty_list}", "@{comments_only}"])
def test_a_source_naming_nothing_is_a_failure_not_the_current_folder(tmp_path, monkeypatch,
                                                                      fake_named, spec):
    """Rule: a source that names nothing — an empty argument (an unset "$VAR"), a bare ``@``,
    a source list with no sources — is a failure saying so; it never means the current folder
    (whose every article would be published) and never adds nothing with exit code 0."""
    show = init_show(tmp_path / "show", title="Nothing")
    work = tmp_path / "work"
    work.mkdir()
    article(work / "private-draft.md")  # what "." would have published
    (work / "empty.txt").write_text("", encoding="utf-8")
    (work / "comments.txt").write_text("# sources\n\n   \n", encoding="utf-8")
    spec = spec.format(empty_list=work / "empty.txt", comments_only=work / "comments.txt")
    monkeypatch.chdir(work)
    good = article(tmp_path / "good.md", 2)
    report = add_sources(show.folder, [spec, str(good)], voice=fake_named)
    assert [s for s, _ in report.failed] == [spec]
    assert "names no sources" in report.failed[0][1] or "empty source name" in report.failed[0][1]
    assert len(report.added) == 1  # the rest of the batch is still done
    assert not list(show.folder.glob("episodes/private-draft*"))
    result = run_narrate("add", spec, "--show", str(show.folder), cwd=work, timeout=120)
    err = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in err
    assert "names no sources" in err or "empty source name" in err
    assert "private" not in err and "0 added" in result.stdout.decode()


PIPED = """---
title: Weekly notes
date: {date}
author: Ann
---
<p>The harbour was quiet that week {n}, and the gulls circled the pier while the boats came in.</p>
<p>By noon the market had opened and the first crates of fish were on the quay {n}.</p>
"""


def test_articles_piped_in_with_one_title_are_not_one_episode(tmp_path, monkeypatch, fake_named):
    """Rule: without a URL or a file, an article's identity is its title with its date and
    authors: "Weekly notes" of another week is a new episode, never a replacement of last
    week's; the same article piped again is still the same episode (unchanged, or updated)."""
    import io
    import sqlite3
    import sys

    from narrate.podcast.catalog import Catalog

    show = init_show(tmp_path / "show", title="Weekly")

    def pipe(text: str):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
        return add_sources(show.folder, ["-"], voice=fake_named)

    first = pipe(PIPED.format(date="2024-03-01", n=1)).added
    second = pipe(PIPED.format(date="2024-03-08", n=2)).added
    assert len(first) == len(second) == 1 and first[0].guid != second[0].guid
    again = pipe(PIPED.format(date="2024-03-08", n=2))
    assert not again.added and [e.guid for e in again.unchanged] == [second[0].guid]
    fixed = pipe(PIPED.format(date="2024-03-08", n="two")).added  # corrected: same episode
    assert [e.guid for e in fixed] == [second[0].guid]
    with Catalog.open(show.folder) as cat:
        assert len(cat.episodes()) == 2
    # an episode an earlier narrate keyed by the title alone is still found (no duplicate)
    with sqlite3.connect(show.folder / "catalog.sqlite") as db:
        db.execute("UPDATE episodes SET key = 'title:weekly notes' WHERE guid = ?", (first[0].guid,))
    db.close()
    old = pipe(PIPED.format(date="2024-03-01", n=1))
    assert [e.guid for e in old.unchanged] == [first[0].guid] and not old.added


HOME_CANONICAL = """<html><head><title>Story {n}</title><link rel="canonical" href="https://news.example/">
<meta property="og:url" content="https://news.example/"></head><body><article><h1>Story {n}</h1>
<p>The harbour was quiet that morning {n}, and the gulls circled the pier while the boats came in.</p>
<p>By noon the market had opened and the first crates of fish were on the quay for story {n}.</p>
</article></body></html>"""


def test_a_site_home_page_as_canonical_url_is_no_articles_identity(tmp_path, fake_named):
    """Rule: many sites name their home page as every page's canonical URL; two such stories
    are two episodes (in one batch and across runs), each with its own title, never one
    story's episode carrying the other's narration. A real article URL still identifies."""
    import sqlite3

    show = init_show(tmp_path / "show", title="Home")
    one, two = tmp_path / "one.html", tmp_path / "two.html"
    one.write_text(HOME_CANONICAL.format(n=1), encoding="utf-8")
    two.write_text(HOME_CANONICAL.format(n=2), encoding="utf-8")
    assert len(add_sources(show.folder, [str(one)], voice=fake_named).added) == 1
    report = add_sources(show.folder, [str(two), str(one)], voice=fake_named)
    assert len(report.added) == 1 and len(report.unchanged) == 1 and not report.skipped
    with sqlite3.connect(show.folder / "catalog.sqlite") as db:
        rows = sorted(db.execute("SELECT slug, title FROM episodes"))
    db.close()
    assert rows == [("story-1", "Story 1"), ("story-2", "Story 2")]
    # an episode an earlier narrate keyed by that home page is found again by its title
    with sqlite3.connect(show.folder / "catalog.sqlite") as db:
        db.execute("UPDATE episodes SET key = 'https://news.example/' WHERE slug = 'story-1'")
    db.close()
    assert [e.slug for e in add_sources(show.folder, [str(one)], voice=fake_named).unchanged] == ["story-1"]
