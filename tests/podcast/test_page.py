"""index.html: accessible structure, one player per episode, links to every file."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_index_page_is_accessible(show_dir: Path):
    page = (show_dir / "index.html").read_text(encoding="utf-8")
    parser = Collect()
    parser.feed(page)
    tags = parser.tags
    names = [t for t, _ in tags]
    assert tags[names.index("html")][1]["lang"] == "en"
    for landmark in ("header", "main", "footer"):
        assert landmark in names
    assert names.count("h1") == 1
    assert tags[names.index("a")][1]["href"] == "#main"  # skip link comes first
    audios = [a for t, a in tags if t == "audio"]
    assert len(audios) == 3
    for a in audios:
        assert "controls" in a and a["preload"] == "none" and a["aria-label"].startswith("Listen: ")
        assert (show_dir / a["src"]).is_file()
    hrefs = {a.get("href") for t, a in tags if t == "a"}
    for ext in ("vtt", "srt", "chapters.json", "html", "md", "txt", "mp3"):
        assert f"episodes/episode-1.{ext}" in hrefs, ext
    assert "feed.xml" in hrefs
    assert "First &lt;b&gt;bold&lt;/b&gt; &amp; ]]&gt; end" in page
    img = tags[names.index("img")][1]
    assert img["alt"] and (show_dir / img["src"]).is_file()


def test_index_page_has_no_axe_violations(show_dir: Path):
    from tests.a11y import axe_violations

    page = (show_dir / "index.html").read_text(encoding="utf-8")
    assert axe_violations(page) == []


def test_each_episodes_byline_is_in_its_own_language(tmp_path: Path, fresh_show):
    # The byline is an article label: a Dutch episode says "Door", whatever the show's language;
    # an episode with no language of its own follows the show's; a language with no table, English.
    import dataclasses

    from narrate.podcast.page import render_articles
    from tests.podcast.media import episode

    show = dataclasses.replace(fresh_show, language="de")
    eps = [episode(tmp_path, 1, authors=("Sanne de Vries", "Piet Bos"), language="nl"),
           episode(tmp_path, 2, authors=("Jana Köhler",), language=""),
           episode(tmp_path, 3, authors=("Aino Virtanen",), language="fi")]
    nl, de, fi = render_articles(show, eps)
    assert "<p>Door Sanne de Vries en Piet Bos</p>" in nl
    assert "<p>Von Jana Köhler</p>" in de
    assert "<p>By Aino Virtanen</p>" in fi


def test_an_episodes_labels_follow_its_language_and_the_show_chrome_the_shows(tmp_path: Path, fresh_show):
    # An <article lang="nl"> holds Dutch labels only (a screen reader reads it with Dutch rules);
    # the page around it is in the show's language.
    import dataclasses

    from narrate.podcast.page import render_index
    from tests.podcast.media import episode

    show = dataclasses.replace(fresh_show, language="de", author="Tina Test")
    nl = episode(tmp_path, 1, title="Fietsen", language="nl", published="2025-05-20T10:00:00+00:00")
    page = render_index(show, [nl]).decode()
    article = page[page.index("<article"):page.index("</article>")]
    assert 'lang="nl"' in article
    assert '<time datetime="2025-05-20">20 mei 2025</time>' in article
    assert 'aria-label="Luisteren: Fietsen"' in article
    assert ">De MP3 van Fietsen downloaden</a>" in article
    assert 'aria-label="Bestanden bij Fietsen"' in article
    assert ">Transcript (WebVTT)</a>" in article and ">Meelezen (webpagina)</a>" in article
    assert ">Oorspronkelijk artikel</a>" in article
    for english in ("Listen", "Download", "Files for", "Read ", "Original", "May"):
        assert english not in article, english
    outside = page.replace(article, "")
    assert ">Zu den Folgen springen</a>" in outside
    assert 'alt="Titelbild von Fresh"' in outside
    assert "<h2>Folgen (1)</h2>" in outside
    assert "<footer><p>Von Tina Test. Erstellt mit narrate.</p></footer>" in outside
    assert "Noch keine Folgen." in render_index(show, []).decode()
    from tests.a11y import axe_violations

    assert axe_violations(page) == []

