"""bench/meta.py: the site split is fixed, the gate refuses a regression, --pin never loosens."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections import Counter

from tests.shared import ROOT, SHARED, need_shared


def _bench():
    spec = importlib.util.spec_from_file_location("bench_meta", ROOT / "bench" / "meta.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_site_split_keeps_a_site_in_one_half() -> None:
    split = _bench().site_split(["nytimes-1", "nytimes-3", "ars-1", "bbc-1", "wikipedia",
                                 "wikipedia-3", "zeit"])
    # sites sorted: ars, bbc, nytimes, wikipedia, zeit -> even positions tune, odd held out
    assert split == {"tune": ["ars-1", "nytimes-1", "nytimes-3", "zeit"],
                     "held-out": ["bbc-1", "wikipedia", "wikipedia-3"]}


def test_check_reports_floors_and_ceilings() -> None:
    bench = _bench()
    floors = {"_about": "x", "title_f1": 0.8, "said_twice": 3}
    assert bench.check({"title_f1": 0.8, "said_twice": 3}, floors) == []
    bad = bench.check({"title_f1": 0.79, "said_twice": 4}, floors)
    assert bad == ["title_f1: 0.790 < floor 0.800", "said_twice: 4 > ceiling 3"]
    assert bench.check({}, {"byline_f1": 0.5}) == ["byline_f1: not measured"]


def test_pin_never_loosens(tmp_path, capsys) -> None:
    bench = _bench()
    floors = tmp_path / "floors.json"
    floors.write_text('{"_about": "kept", "title_f1": 0.8, "rejected": 1}')
    assert bench.pin({"title_f1": 0.7, "rejected": 0}, False, floors) == 1
    assert "refusing to loosen" in capsys.readouterr().err
    assert bench.read_floors(floors) == {"_about": "kept", "title_f1": 0.8, "rejected": 1}
    assert bench.pin({"title_f1": 0.9123, "rejected": 0}, False, floors) == 0
    assert bench.read_floors(floors) == {"_about": "kept", "title_f1": 0.912, "rejected": 0}


def test_said_twice_counts_what_the_listener_hears_again() -> None:
    from narrate.model import Article, Figure, Paragraph, Text

    bench = _bench()
    caption = "A dog runs across the beach"
    article = Article(title="Dogs", blocks=(
        Figure("a.jpg", alt=caption, caption=caption),  # alt = caption: heard once
        Paragraph((Text("A dog runs across the beach."),)),  # the caption again as prose
        Paragraph((Text("Short one"),)), Paragraph((Text("Short one"),)),  # under 3 words
    ))
    assert bench.said_twice(article) == ["a dog runs across the beach"]
    # a text the page itself repeats may be heard as often as the page has it
    assert bench.said_twice(article, Counter({"a dog runs across the beach": 2})) == []


def test_gate_passes_on_this_tree() -> None:
    need_shared(SHARED / "bench" / "meta" / "meta_eval.py")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NARRATE_SHARED": str(SHARED)}
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "meta.py"), "--gate"],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr + done.stdout
    assert "meta gate: ok" in done.stdout


def test_adapter_reports_metadata_and_the_whole_figcaption() -> None:
    prose = "".join(f"<p>The harbour wall held through night {n}, said the keeper, and the "
                    f"boats stayed tied to the quay while the water rose past mark {n}.</p>"
                    for n in range(1, 4))
    page = ('<html lang="en"><head><title>Tide Rises | Harbour Times</title>'
            '<meta property="og:site_name" content="Harbour Times">'
            '<meta name="author" content="Ana Lim">'
            '<meta property="article:published_time" content="2024-03-05T08:00:00Z"></head>'
            "<body><article><h1>Tide Rises</h1>" + prose
            + '<figure><img src="/wall.jpg" alt="The wall at dawn">'
            "<figcaption>Waves on the wall. <small>Photo: Bo Park</small></figcaption></figure>"
            + prose.replace("night", "day") + "</article></body></html>")
    out = _bench().meta(page, url="https://news.example/tide")
    assert (out["title"], out["byline"], out["site_name"], out["lang"]) == (
        "Tide Rises", "Ana Lim", "Harbour Times", "en")
    assert out["published"].startswith("2024-03-05")
    [image] = out["images"]
    assert image["alt"] == "The wall at dawn"
    assert "Waves on the wall" in image["caption"] and "Bo Park" in image["caption"]


def test_adapter_text_is_the_article_as_read_and_exported() -> None:
    """The standfirst, every block in order with each figure's caption and credit where it
    stands (not its alt: a description, not page text), a table of contents; no title."""
    from narrate.model import Article, Figure, Heading, ListBlock, Paragraph, Text

    para = Paragraph((Text("The crew launched at dawn."),))
    toc = ListBlock(False, ((Paragraph((Text("Launch at first light"),)),),), navigation=True)
    article = Article(title="Lifeboat", subtitle="A long night at sea.", blocks=(
        toc, Heading(2, (Text("Launch at first light"),)), para,
        Figure("a.jpg", alt="Boat on the slipway", caption="The boat at six.", credit="R. Moss"),
    ))
    assert _bench().article_text(article).split("\n") == [
        "A long night at sea.", "Launch at first light", "Launch at first light",
        "The crew launched at dawn.",
        "The boat at six.", "R. Moss"]
    # and the listener hears the contents entry no second time
    assert _bench().said_twice(article) == []
