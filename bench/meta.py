"""Score narrate's metadata, images and structure on ``../shared/bench/meta`` (Mozilla
Readability's test pages) beside trafilatura and readability-lxml measured in the same run.

    .venv/bin/python bench/meta.py                 # tables: all pages, tune half, held-out half
    .venv/bin/python bench/meta.py --json out.json # + every page's output and scores
    .venv/bin/python bench/meta.py --gate          # narrate only; exit 1 below bench/meta_floors.json
    .venv/bin/python bench/meta.py --pin           # raise the floors to this run's held-out scores

Scoring is ``meta_eval.py``'s own (imported from the benchmark folder), so the figures are the
ones its README defines. On top of them this script reports:

* a **site split**: pages are grouped by site (the folder name without a trailing ``-N``, so
  ``nytimes-1`` and ``nytimes-3`` are one site), sites are sorted by name, and alternate sites
  go to the "tune" half (even positions) and the "held-out" half (odd positions). Nothing in
  narrate may be fitted to a held-out page: a rule that only helps the pages it was tuned on
  shows as a gap between the halves.
* **structure kept**: headings (``h1``-``h6``) and lists (``ul``/``ol``) in narrate's model
  against Readability's ``expected.html`` over all pages.
* **texts said twice**: a paragraph, heading, caption or alt text (3 words or more) that occurs
  twice in narration order, as the listener would hear it, more often than Readability's
  ``expected.html`` has it (a page that repeats a paragraph may be read as it is).
* **rejected**: pages narrate refuses ("no article text found").

The gate compares the held-out half (and the all-page structure counts) against floors pinned in
``bench/meta_floors.json``; those floors come from held-out scores, never from in-sample ones.
Needs ``pip install -e '.[bench]'`` for the reference extractors (not for ``--gate``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # score this tree's narrate, whatever the venv's install points at
FLOORS = ROOT / "bench" / "meta_floors.json"
SHARED = Path(os.environ.get("NARRATE_SHARED", ROOT.parent / "shared"))
REFERENCES = ("trafilatura", "readability_lxml")
# Fields the gate holds on the held-out half (higher is better), and all-page ceilings.
GATED = ("title_f1", "byline_f1", "date", "site_f1", "lang", "text_f1",
         "img_recall", "img_precision", "alt_exact", "cap_f1")
CEILINGS = ("said_twice", "rejected")
STRUCTURE = ("headings_ratio", "lists_ratio")


# ------------------------------------------------------------------ the adapter

def narrate_page(html: str, url: str | None = None) -> tuple[dict[str, Any], Any]:
    """narrate's reading of one page as meta_eval's dict, plus the Article (None if refused)."""
    import narrate
    from narrate.errors import NarrateError

    try:
        article = narrate.parse_html(html, url=url)
    except NarrateError:
        return {}, None
    images = [{"src": f.src, "alt": f.alt, "caption": shown_caption(f, article.language)}
              for f in _figures(article.blocks)]
    return {"title": article.title, "byline": ", ".join(article.authors),
            "lang": article.language, "published": article.published,
            "site_name": article.site_name, "text": article_text(article), "images": images}, article


def article_text(article: Any) -> str:
    """The article as narrate reads it and its exports show it, as plain text: the standfirst,
    then every block in order with each figure's caption and credit where the figure stands.
    Title and byline are metadata (Readability's output leaves them out too); alt text is an
    image's description, not text on the page, so it is left out here as the HTML export
    keeps it in an attribute."""
    from narrate.model import Figure

    lines = [article.subtitle]
    for block in article.blocks:
        if isinstance(block, Figure):
            lines += [block.caption, block.credit]
        else:
            lines += _block_lines(block)
    return "\n".join(" ".join(line.split()) for line in lines if line and line.strip())


def _block_lines(block: Any) -> list[str]:
    from narrate.model import Article, BlockQuote, Figure, ListBlock

    if isinstance(block, (ListBlock, BlockQuote)):
        inner = [b for item in block.items for b in item] if isinstance(block, ListBlock) \
            else list(block.blocks)
        out: list[str] = []
        for sub in inner:
            out += [sub.caption, sub.credit] if isinstance(sub, Figure) else _block_lines(sub)
        return out
    return Article(title="", blocks=(block,)).body_text().split("\n")


_FIGCAPTION = re.compile(r"<figcaption>(.*?)</figcaption>", re.S)


def shown_caption(figure: Any, language: str = "") -> str:
    """The benchmark's caption is a page's whole ``<figcaption>``; narrate keeps caption and
    credit apart in the model, so the caption scored is the one our HTML export shows under
    the picture (caption, then the credit line of ``Wording.credit_line``: the page's own
    label, "Photo: Name", "Photo by Name", else the export's, "Credit: Name"), rendered by
    the HTML writer itself."""
    import html as htmllib

    from narrate.model import Article
    from narrate.writers import write

    if not (figure.caption or figure.credit):
        return ""
    page = write(Article(title="-", language=language, blocks=(figure,)), "html")
    m = _FIGCAPTION.search(page if isinstance(page, str) else page.decode("utf-8"))
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", m.group(1))).split()) if m else ""


def meta(html: str, url: str | None = None) -> dict[str, Any]:
    """The adapter ``meta_eval.py --extractor 'narrate=bench/meta.py:meta'`` calls."""
    return narrate_page(html, url)[0]


def _walk(blocks, heard: bool = False):
    """Every block, nested ones included; ``heard``: not inside a table of contents (a
    navigation list, which the narration skips)."""
    from narrate.model import BlockQuote, ListBlock

    for block in blocks:
        yield block
        if isinstance(block, ListBlock) and not (heard and block.navigation):
            for item in block.items:
                yield from _walk(item, heard)
        elif isinstance(block, BlockQuote):
            yield from _walk(block.blocks, heard)


def _figures(blocks) -> list:
    from narrate.model import Figure

    return [b for b in _walk(blocks) if isinstance(b, Figure)]


# ------------------------------------------------------------------ structure and repeats

_HEADING = re.compile(r"<h[1-6]\b", re.I)
_LIST = re.compile(r"<(?:ul|ol)\b", re.I)


def expected_counts(expected_html: str) -> tuple[int, int]:
    """(headings, lists) Readability keeps on the page."""
    return len(_HEADING.findall(expected_html)), len(_LIST.findall(expected_html))


def model_counts(article: Any) -> tuple[int, int]:
    """(headings, lists) in narrate's model, the title counted as the one <h1> it replaces."""
    from narrate.model import Heading, ListBlock

    if article is None:
        return 0, 0
    blocks = list(_walk(article.blocks))
    return (sum(isinstance(b, Heading) for b in blocks),
            sum(isinstance(b, ListBlock) for b in blocks))


def narrated_texts(article: Any) -> list[str]:
    """What the listener hears, in order, one string per paragraph, heading, alt or caption."""
    from narrate.model import Figure, Heading, Paragraph, Table, inline_text

    out = [article.title, article.subtitle]
    # as speech/script.py says an alt: once, and not when the title or a heading says it
    heard = {_norm(article.title)} | {_norm(inline_text(b.inlines)) for b in article.blocks
                                      if isinstance(b, Heading)}
    for block in _walk(article.blocks, heard=True):
        if isinstance(block, (Paragraph, Heading)):
            out.append(inline_text(block.inlines))
        elif isinstance(block, Figure):
            if block.alt and _norm(block.alt) not in heard:
                heard.add(_norm(block.alt))
                out.append(block.alt)
            if _norm(block.caption) != _norm(block.alt):
                out.append(block.caption)
        elif isinstance(block, Table):
            out.extend(" ".join(row) for row in block.rows)
    return [t for t in out if t]


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def said_twice(article: Any, expected: Counter | None = None) -> list[str]:
    """Texts of 3 words or more heard twice (a caption read again as a paragraph, say); a text
    the page itself repeats (``expected`` counts Readability's lines) may be heard as often."""
    if article is None:
        return []
    counts = Counter(n for n in (_norm(t) for t in narrated_texts(article)) if len(n.split()) >= 3)
    expected = expected or Counter()
    return sorted(t for t, c in counts.items() if c > max(1, expected.get(t, 0)))


# ------------------------------------------------------------------ the split

def site_of(page: str) -> str:
    """Pages of one site share a name up to a trailing ``-N`` (``nytimes-3`` → ``nytimes``)."""
    return re.sub(r"-\d+$", "", page)


def site_split(pages: list[str]) -> dict[str, list[str]]:
    """Sorted sites, alternating: even positions tune, odd positions held out."""
    sites = sorted({site_of(p) for p in pages})
    tune = {s for i, s in enumerate(sites) if i % 2 == 0}
    return {"tune": sorted(p for p in pages if site_of(p) in tune),
            "held-out": sorted(p for p in pages if site_of(p) not in tune)}


# ------------------------------------------------------------------ running

def load_eval(bench: Path) -> ModuleType:
    """meta_eval.py of the benchmark folder (it brings the AEB text metric with it)."""
    path = bench / "meta_eval.py"
    if not path.exists():
        raise SystemExit(f"{path}: not found (the benchmark lives in ../shared/bench/meta)")
    spec = importlib.util.spec_from_file_location("meta_eval", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["meta_eval"] = module
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _run(fn, pages, ev) -> dict[str, dict[str, Any]]:
    fn(pages[0].source(), ev.PAGE_URL)  # warm-up, not timed (lazy imports, models)
    res: dict[str, dict[str, Any]] = {}
    for page in pages:
        html = page.source()
        t0 = time.perf_counter()
        err = None
        try:
            out, article = fn(html, ev.PAGE_URL)
        except Exception as exc:  # a reference extractor's crash is a scored miss, not ours
            out, article, err = {}, None, f"{type(exc).__name__}: {exc}"
        ms = (time.perf_counter() - t0) * 1000
        out = ev.clean_output(out)
        res[page.id] = {"scores": ev.score_page(ev.truth_of(page), out), "ms": ms,
                        "error": err, "output": out, "article": article}
    return res


def _reference(ev, name: str):
    fn, version = ev.BUILTINS[name][0]()
    return (lambda html, url: (fn(html, url), None)), version


def summarize(ev, res, ids: list[str]) -> dict[str, Any]:
    rs = [res[i] for i in ids if i in res]
    m = ev.summarize([r["scores"] for r in rs], [r["output"] for r in rs])
    m["ms_mean"] = statistics.mean(r["ms"] for r in rs)
    m["errors"] = sum(1 for r in rs if r["error"])
    return m


def structure(res, pages, ev) -> dict[str, Any]:
    """Headings and lists kept against expected.html, texts said twice, pages refused."""
    exp_h = exp_l = got_h = got_l = 0
    twice: dict[str, list[str]] = {}
    rejected = []
    for page in pages:
        article = res[page.id]["article"]
        h, lists = expected_counts(page.expected_html())
        gh, gl = model_counts(article)
        exp_h, exp_l, got_h, got_l = exp_h + h, exp_l + lists, got_h + gh, got_l + gl
        if article is None:
            rejected.append(page.id)
        lines = Counter(_norm(line) for line in ev.html_to_text(page.expected_html()).split("\n"))
        rep = said_twice(article, lines)
        if rep:
            twice[page.id] = rep
    return {"headings": got_h, "headings_expected": exp_h, "lists": got_l, "lists_expected": exp_l,
            "headings_ratio": got_h / exp_h if exp_h else 1.0,
            "lists_ratio": got_l / exp_l if exp_l else 1.0,
            "said_twice": sum(len(v) for v in twice.values()), "said_twice_pages": twice,
            "rejected": len(rejected), "rejected_pages": rejected}


def gate_scores(summary: dict[str, Any], struct: dict[str, Any]) -> dict[str, float]:
    held = summary["held-out"]
    scores = {k: held[k] for k in GATED if held.get(k) is not None}
    scores.update({k: struct[k] for k in STRUCTURE + CEILINGS})
    return scores


def check(scores: dict[str, float], floors: dict[str, float]) -> list[str]:
    """Every way this run is worse than the pinned floors (empty: the gate passes)."""
    bad = []
    for key, floor in floors.items():
        if key.startswith("_"):
            continue
        got = scores.get(key)
        if got is None:
            bad.append(f"{key}: not measured")
        elif key in CEILINGS and got > floor:
            bad.append(f"{key}: {got:g} > ceiling {floor:g}")
        elif key not in CEILINGS and got < floor - 1e-9:
            bad.append(f"{key}: {got:.3f} < floor {floor:.3f}")
    return bad


def read_floors(path: Path = FLOORS) -> dict[str, float]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def pin(scores: dict[str, float], allow_regression: bool, path: Path = FLOORS) -> int:
    """Raise floors (lower ceilings) to this run; never the other way without the flag."""
    old = read_floors(path)
    new = {k: v for k, v in old.items() if k.startswith("_")}
    worse = []
    for key, got in scores.items():
        value = got if key in CEILINGS else math.floor(got * 1000) / 1000
        prev = old.get(key)
        if prev is not None and not allow_regression:
            if (key in CEILINGS and value > prev) or (key not in CEILINGS and value < prev):
                worse.append(f"{key} {prev:g} -> {value:g}")
                value = prev
        new[key] = value
    if worse:
        print("refusing to loosen: " + ", ".join(worse)
              + " (pass --allow-regression if this is intended)", file=sys.stderr)
        return 1
    path.write_text(json.dumps(new, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"floors pinned in {path}")
    return 0


def print_structure(struct: dict[str, Any], ref: dict[str, Any] | None) -> None:
    print(f"\nstructure over all pages: headings {struct['headings']} of {struct['headings_expected']}"
          f" ({struct['headings_ratio']:.2f}), lists {struct['lists']} of {struct['lists_expected']}"
          f" ({struct['lists_ratio']:.2f}) in Readability's expected.html")
    print(f"texts said twice: {struct['said_twice']} on {len(struct['said_twice_pages'])} pages"
          + "".join(f"\n  {p}: {', '.join(t[:60] for t in v)}"
                    for p, v in struct["said_twice_pages"].items()))
    print(f"pages rejected: {struct['rejected']} {' '.join(struct['rejected_pages'])}")
    if ref:
        t = ref["all"]["ms_mean"]
        print(f"narrate ms/page {ref['narrate_ms']:.1f} = {ref['narrate_ms'] / t:.2f}x trafilatura's "
              f"{t:.1f}")


def main(argv: list[str] | None = None) -> int:  # noqa: C901, PLR0915 - one flat driver
    ap = argparse.ArgumentParser(description=" ".join(__doc__.split("\n\n")[0].split()))
    ap.add_argument("--bench", type=Path, default=SHARED / "bench" / "meta",
                    help="folder with meta_eval.py and data/ (default: ../shared/bench/meta)")
    ap.add_argument("--gate", action="store_true",
                    help="narrate only; exit 1 below the floors in bench/meta_floors.json")
    ap.add_argument("--pin", action="store_true", help="raise the floors to this run's scores")
    ap.add_argument("--allow-regression", action="store_true", help="let --pin loosen a floor")
    ap.add_argument("--no-references", action="store_true", help="score narrate alone")
    ap.add_argument("--markdown", action="store_true", help="print tables as Markdown")
    ap.add_argument("--json", type=Path, help="write every page's output and scores here")
    args = ap.parse_args(argv)

    ev = load_eval(args.bench)
    pages = ev.load_pages(args.bench / "data")
    halves = site_split([p.id for p in pages])
    sets = {"all": [p.id for p in pages], **halves}
    guard = ev.aeb.NetGuard()
    guard.install()
    extractors = [ev.Extractor("narrate", fn=narrate_page, version="this tree")]
    if not (args.gate or args.no_references):
        for name in REFERENCES:
            fn, version = _reference(ev, name)
            extractors.append(ev.Extractor(name, fn=fn, version=version))
    results = {e.name: _run(e.fn, pages, ev) for e in extractors}
    summary = {n: {s: summarize(ev, res, ids) for s, ids in sets.items()}
               for n, res in results.items()}
    struct = structure(results["narrate"], pages, ev)
    scores = gate_scores(summary["narrate"], struct)
    if not args.gate:
        print("site split (sorted sites, alternating): tune = "
              + ", ".join(sorted({site_of(p) for p in halves["tune"]})))
        ev.print_tables(summary, extractors, sets, args.markdown)
        ref = None
        if "trafilatura" in summary:
            ref = {"all": summary["trafilatura"]["all"],
                   "narrate_ms": summary["narrate"]["all"]["ms_mean"]}
        print_structure(struct, ref)
    if args.json:
        out = {"split": halves, "summary": summary, "structure": struct,
               "pages": {n: {p: {k: v for k, v in r.items() if k != "article"}
                             for p, r in res.items()} for n, res in results.items()}}
        args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False, default=list),
                             encoding="utf-8")
    if args.pin:
        return pin(scores, args.allow_regression)
    bad = check(scores, read_floors())
    for line in bad:
        print(f"meta gate: {line}", file=sys.stderr)
    if args.gate and not bad:
        print("meta gate: ok (" + ", ".join(f"{k} {v:.3f}" for k, v in scores.items()) + ")")
    return 1 if (args.gate and bad) else 0


if __name__ == "__main__":
    sys.exit(main())
