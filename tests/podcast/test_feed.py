"""feed.xml: every channel and item rule, parsed back by feedparser and podcastparser."""

from __future__ import annotations

import dataclasses
import email.utils
import io
import os
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import podcastparser
import pytest
from mutagen.mp3 import MP3

from narrate.podcast import feed as feed_mod
from narrate.podcast import page as page_mod
from narrate.podcast.catalog import Catalog
from narrate.podcast.feed import render_feed
from narrate.podcast.page import render_index
from narrate.podcast.showfolder import load as load_feed_inputs
from narrate.podcast.showfolder import rebuild_folder as rebuild
from tests.podcast.media import episode

IT = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
POD = "{https://podcastindex.org/namespace/1.0}"
ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
BASE = "http://127.0.0.1:8765/"


@pytest.fixture(scope="module")
def xml_bytes(show_dir: Path) -> bytes:
    return (show_dir / "feed.xml").read_bytes()


@pytest.fixture(scope="module")
def channel(xml_bytes: bytes) -> ET.Element:
    root = ET.fromstring(xml_bytes)
    assert root.tag == "rss" and root.get("version") == "2.0"
    return root.find("channel")


def test_namespaces_declared(xml_bytes):
    head = xml_bytes[:600].decode()
    for uri in ("http://www.itunes.com/dtds/podcast-1.0.dtd", "https://podcastindex.org/namespace/1.0",
                "http://purl.org/rss/1.0/modules/content/", "http://www.w3.org/2005/Atom"):
        assert f'"{uri}"' in head


def test_channel_rules(channel):
    assert channel.findtext("title") == "Demo & <Friends>"
    assert channel.findtext("link") == BASE
    assert channel.findtext("description") == "Narrated articles ]]> for <tests>."
    assert channel.findtext("language") == "en"
    self_link = channel.find(f"{ATOM}link")
    assert self_link.attrib == {"href": BASE + "feed.xml", "rel": "self", "type": "application/rss+xml"}
    assert channel.find(f"{IT}image").get("href") == BASE + "cover.jpg"
    cat = channel.find(f"{IT}category")
    assert cat.get("text") == "News" and cat.find(f"{IT}category").get("text") == "Politics"
    assert channel.findtext(f"{IT}explicit") == "false"
    assert channel.findtext(f"{IT}author") == "Ann O'Hara"
    owner = channel.find(f"{IT}owner")
    assert owner.findtext(f"{IT}name") == "Ann O'Hara" and owner.findtext(f"{IT}email") == "ann@example.org"
    assert channel.findtext(f"{IT}type") == "episodic"
    ns = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
    assert channel.findtext(f"{POD}guid") == str(uuid.uuid5(ns, "127.0.0.1:8765/feed.xml"))
    assert channel.findtext(f"{POD}medium") == "podcast"
    assert channel.findtext(f"{POD}locked") == "yes"
    txt = channel.find(f"{POD}txt")
    assert txt.get("purpose") == "ai-content" and txt.text == "true"
    assert email.utils.parsedate_to_datetime(channel.findtext("lastBuildDate")).tzinfo is not None


def test_item_rules(channel, show_dir):
    items = channel.findall("item")
    assert len(items) == 3
    guids = set()
    for item in items:
        enc = item.find("enclosure")
        url = enc.get("url")
        assert url.startswith(BASE + "episodes/") and url.endswith(".mp3")
        path = show_dir / url[len(BASE):]
        assert int(enc.get("length")) == path.stat().st_size
        assert enc.get("type") == "audio/mpeg"
        real = MP3(path).info.length
        assert abs(int(item.findtext(f"{IT}duration")) - real) <= 1
        guid = item.find("guid")
        assert guid.get("isPermaLink") == "false" and guid.text.startswith("urn:uuid:")
        guids.add(guid.text)
        when = email.utils.parsedate_to_datetime(item.findtext("pubDate"))
        assert when.tzinfo is not None and item.findtext("pubDate").endswith("GMT")
        assert item.find(f"{IT}image").get("href") == BASE + "cover.jpg"
        assert item.findtext(f"{IT}explicit") == "false"
        desc = item.findtext("description")
        link = item.findtext("link")
        assert f'<a href="{link}">' in desc and item.findtext(f"{CONTENT}encoded") == desc
        transcripts = {t.get("type"): t for t in item.findall(f"{POD}transcript")}
        assert set(transcripts) == {"text/vtt", "application/x-subrip"}
        stem = url[len(BASE + "episodes/"):-4]
        assert transcripts["text/vtt"].get("url") == f"{BASE}episodes/{stem}.vtt"
        assert transcripts["application/x-subrip"].get("url") == f"{BASE}episodes/{stem}.srt"
        chapters = item.find(f"{POD}chapters")
        assert chapters.get("url") == f"{BASE}episodes/{stem}.chapters.json"
        assert chapters.get("type") == "application/json+chapters"
        for ext in ("vtt", "srt", "chapters.json"):
            assert (show_dir / "episodes" / f"{stem}.{ext}").is_file()
    assert len(guids) == 3
    first = {i.findtext("title"): i for i in items}
    person = first["Second – “typographic” é"].find(f"{POD}person")
    assert person.text == "Ada Writer" and person.get("role") == "author"
    assert first["Third"].find(f"{POD}person") is None
    assert first["Third"].findtext("link") == BASE + "episodes/episode-3.html"


def test_hostile_text_is_escaped(channel):
    titles = [i.findtext("title") for i in channel.findall("item")]
    assert "First <b>bold</b> & ]]> end" in titles  # the control character is dropped


def test_feedparser_and_podcastparser(xml_bytes, show_dir):
    d = feedparser.parse(xml_bytes)
    assert not d.bozo, d.get("bozo_exception")
    assert len(d.entries) == 3
    assert d.feed.title == "Demo & <Friends>"
    sizes = sorted(int(e.enclosures[0].length) for e in d.entries)
    files = sorted((show_dir / "episodes" / f"episode-{n}.mp3").stat().st_size for n in (1, 2, 3))
    assert sizes == files
    p = podcastparser.parse(BASE + "feed.xml", io.BytesIO(xml_bytes))
    assert p["title"] == "Demo & <Friends>"
    assert len(p["episodes"]) == 3
    by_title = {e["title"]: e for e in p["episodes"]}
    third = by_title["Third"]
    assert third["total_time"] == 25
    assert third["enclosures"][0]["mime_type"] == "audio/mpeg"
    assert third["guid"].startswith("urn:uuid:")
    assert third["enclosures"][0]["file_size"] == (show_dir / "episodes/episode-3.mp3").stat().st_size


def test_newest_first(channel):
    dates = [email.utils.parsedate_to_datetime(i.findtext("pubDate")) for i in channel.findall("item")]
    assert dates == sorted(dates, reverse=True)


def test_render_is_pure_and_rebuild_reproduces_bytes(show_dir):
    show, episodes = load_feed_inputs(show_dir)
    assert render_feed(show, episodes) == render_feed(show, episodes)
    before = {n: (show_dir / n).read_bytes() for n in ("feed.xml", "index.html")}
    mtime = (show_dir / "feed.xml").stat().st_mtime_ns
    rebuild(show_dir)  # nothing changed: files are not rewritten (ETag stays)
    assert (show_dir / "feed.xml").stat().st_mtime_ns == mtime
    for name in before:
        os.remove(show_dir / name)
    rebuild(show_dir)
    for name, data in before.items():
        assert (show_dir / name).read_bytes() == data


def test_same_article_again_and_changed_audio(fresh_show):
    folder = fresh_show.folder
    with Catalog.open(folder) as cat:
        first = cat.upsert(episode(folder, 1, seconds=2))
        again = cat.upsert(episode(folder, 1, seconds=2))
        assert again.guid == first.guid and again.added == first.added
        changed = cat.upsert(episode(folder, 1, seconds=3, stem="episode-1-abcdef12",
                                     guid="urn:uuid:ignored", slug="ignored"))
        assert changed.guid == first.guid and changed.slug == first.slug
    rebuild(folder)
    items = ET.parse(folder / "feed.xml").getroot().find("channel").findall("item")
    assert len(items) == 1
    assert items[0].findtext("guid") == first.guid
    enc = items[0].find("enclosure")
    assert enc.get("url").endswith("/episodes/episode-1-abcdef12.mp3")
    assert int(enc.get("length")) == (folder / "episodes/episode-1-abcdef12.mp3").stat().st_size


def test_empty_show_feed_parses(fresh_show):
    d = feedparser.parse((fresh_show.folder / "feed.xml").read_bytes())
    assert not d.bozo and d.entries == [] and d.feed.title == "Fresh"


def _items(folder: Path) -> tuple[list[str], list[str]]:
    """The feed's <item>s and the page's <article>s as text."""
    feed = (folder / "feed.xml").read_text(encoding="utf-8")
    page = (folder / "index.html").read_text(encoding="utf-8")
    return (feed.split("<item>")[1:], page.split("<article ")[1:])


def test_a_template_change_reaches_every_item(fresh_show, monkeypatch):
    """No rendered item survives a change to the code that renders it (no stale cache)."""
    folder = fresh_show.folder
    with Catalog.open(folder) as cat:
        for n in (1, 2, 3):
            cat.upsert(episode(folder, n, seconds=1))
    rebuild(folder)
    items, articles = _items(folder)
    assert len(items) == len(articles) == 3
    render_items, render_articles = feed_mod.render_items, page_mod.render_articles
    monkeypatch.setattr(feed_mod, "render_items", lambda show, eps: [
        item.replace("<itunes:episodeType>", "<!-- v2 --><itunes:episodeType>")
        for item in render_items(show, eps)])
    monkeypatch.setattr(page_mod, "render_articles", lambda show, eps: [
        article.replace("</h3>", "</h3><!-- v2 -->") for article in render_articles(show, eps)])
    with Catalog.open(folder) as cat:  # one new episode, as after `narrate add`
        cat.upsert(episode(folder, 4, seconds=1))
    rebuild(folder)
    items, articles = _items(folder)
    assert len(items) == len(articles) == 4
    assert all("<!-- v2 -->" in item for item in items)
    assert all("<!-- v2 -->" in article for article in articles)
    assert ".render-cache" not in {p.name for p in folder.iterdir()}


def test_hand_edits_and_settings_changes_are_repaired(fresh_show):
    folder = fresh_show.folder
    with Catalog.open(folder) as cat:
        for n in (1, 2, 3):
            cat.upsert(episode(folder, n, seconds=1))
    rebuild(folder)
    show, episodes = load_feed_inputs(folder)
    assert (folder / "feed.xml").read_bytes() == render_feed(show, episodes)
    assert (folder / "index.html").read_bytes() == render_index(show, episodes)
    (folder / "feed.xml").write_bytes(b"edited by hand")
    rebuild(folder)
    assert (folder / "feed.xml").read_bytes() == render_feed(show, episodes)
    toml = folder / "narrate.toml"
    toml.write_text(toml.read_text().replace("http://127.0.0.1:8765/", "https://pod.example.org/"))
    rebuild(folder)
    feed = (folder / "feed.xml").read_text()
    assert "127.0.0.1" not in feed and feed.count("https://pod.example.org/episodes/episode-") == 3 * 4


def test_random_hostile_text_never_breaks_the_feed(fresh_show):
    """Any title, description, author or link: well-formed XML that reads back the same text."""
    import random

    from narrate.podcast.escape import clean

    rng = random.Random(5)
    alphabet = (["<", ">", "&", '"', "'", "]]>", "<![CDATA[", "\x00", "\x0b", "\x1f", "\x7f", "\ud800",
                 "\ufffe", "é", "😀", "\u2028", "\t", "\n", "&amp;", "-->", "<!--", " "]
                + list("abcXYZ019"))
    show, _ = load_feed_inputs(fresh_show.folder)
    base = episode(fresh_show.folder, 1, seconds=1)
    episodes = []
    for n in range(60):
        def text(k: int) -> str:
            return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, k)))
        episodes.append(dataclasses.replace(
            base, guid=f"urn:uuid:{n}", key=f"k{n}", slug=f"s{n}", title=text(12),
            description=text(30), authors=(text(6),), link="https://e.org/?" + text(8)))
    data = render_feed(show, episodes)
    root = ET.fromstring(data)
    d = feedparser.parse(data)
    assert not d.bozo, d.get("bozo_exception")
    items = root.find("channel").findall("item")
    for item, ep in zip(items, episodes, strict=True):
        assert item.findtext("title") == clean(ep.title)
        person = item.find(f"{POD}person")
        name = clean(ep.authors[0]).strip()
        assert (person.text if person is not None else "") == name
        assert item.findtext("link") == clean(ep.link)
    page = render_index(show, episodes).decode()
    assert "\x00" not in page and "<script" not in page.lower()


def test_an_items_own_text_is_in_the_episodes_language(tmp_path: Path, fresh_show):
    # The description an app shows for a Dutch episode of a German show: the article's summary,
    # then "Door …", "Bron: …" and the synthetic-voice note in Dutch, never "By" or "Source".
    show = dataclasses.replace(fresh_show, language="de")
    nl = episode(tmp_path, 1, language="nl", authors=("Sanne de Vries", "Piet Bos"))
    en = episode(tmp_path, 2, language="", authors=("Ada Writer",))  # follows the show: German
    items = feedparser.parse(render_feed(show, [nl, en])).entries
    nl_text = next(e for e in items if e.title == "Episode 1").description
    de_text = next(e for e in items if e.title == "Episode 2").description
    assert "<p>Door Sanne de Vries en Piet Bos.</p>" in nl_text
    assert "<p>Bron: <a href=" in nl_text and "Voorgelezen door een synthetische stem." in nl_text
    assert "<p>Von Ada Writer.</p>" in de_text and "<p>Quelle: <a href=" in de_text
    for english in ("By ", "Source", "Narrated"):
        assert english not in nl_text + de_text, english
    assert items[0].author in ("Sanne de Vries, Piet Bos", "Ada Writer")  # itunes:author: names only


def test_the_source_line_names_only_an_original_article(tmp_path: Path, fresh_show):
    # An article read from a file has no address of its own: the item's <link> is then the
    # episode's read-along page, which is not a "Source"; the line says what it is.
    original = episode(tmp_path, 1)
    local = episode(tmp_path, 2, link="")
    items = {e.title: e for e in feedparser.parse(render_feed(fresh_show, [original, local])).entries}
    assert '<p>Source: <a href="https://example.org/a/1">' in items["Episode 1"].description
    assert "Source" not in items["Episode 2"].description
    assert '<p>Read along (web page): <a href="' in items["Episode 2"].description
    assert items["Episode 2"].link.endswith("episodes/episode-2.html")


@pytest.mark.parametrize("link", ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,x",
                                  "vbscript:x", "//evil.example/x", "relative/page"])
def test_a_catalog_link_that_is_not_http_is_not_published(tmp_path, link):
    """Rule: the feed applies the index page's rule to what a catalog holds (one made before
    links were checked, or edited by hand): only an http(s) link is the item's <link>; any
    other falls back to the episode's own page; an invalid language falls back to the show's."""
    from lxml import etree
    from lxml import html as lxml_html

    from narrate.podcast.showfolder import init_show

    show = init_show(tmp_path / "show", title="Links")
    ep = dataclasses.replace(episode(show.folder, 1, seconds=1), link=link,
                             language="x<img src=x onerror=alert(1)>", files=("html", "vtt"))
    root = etree.fromstring(render_feed(show, [ep]), etree.XMLParser(recover=False))
    item = root.find("channel/item")
    assert item.findtext("link") == show.base_url + f"episodes/{ep.stem}.html"
    for el in item.iter():
        assert not any(v.strip().lower().startswith(("javascript", "vbscript", "data:", "x<"))
                       for v in el.attrib.values()), etree.tostring(el)
    described = lxml_html.fragment_fromstring(item.findtext("description"), create_parent="div")
    assert [a.get("href") for a in described.iter("a")] == [item.findtext("link")]
    page = lxml_html.document_fromstring(render_index(show, [ep]))
    assert not [a for a in page.iter("a") if "script" in (a.get("href") or "").lower()]
    assert not [e for e in page.iter() if "onerror" in (e.get("lang") or "")]
