"""Structure kept, and text said once, on Mozilla Readability's test pages (``../shared/bench/meta``).

    .venv/bin/python bench/structure.py [--data DIR] [--gate]

Counts, over every page folder in ``DIR/test-pages``, the headings (``<h1>``–``<h6>``) and
lists (``<ul>``/``<ol>``, nested ones too) in Readability's ``expected.html`` against the
``Heading`` and ``ListBlock`` blocks of narrate's model of ``source.html``, and the pages
where narrate says a sentence of 8 words or more twice while Readability's output does not.
Goal (issue 10): headings and lists kept at least as often as Readability, nothing said
twice. ``--gate`` exits 1 when a goal is missed. Needs only narrate (no references).
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
URL = "http://fakehost/test/page.html"  # what meta_eval.py gives every page


def _expected(html: str) -> tuple[int, int]:
    return (len(re.findall(r"<h[1-6]\b", html, re.I)), len(re.findall(r"<(?:ul|ol)\b", html, re.I)))


def _ours(article) -> tuple[int, int]:  # noqa: ANN001 (narrate.Article)
    from narrate.model import BlockQuote, Heading, ListBlock

    heads = lists = 0
    stack = list(article.blocks)
    while stack:
        block = stack.pop()
        if isinstance(block, Heading):
            heads += 1
        elif isinstance(block, ListBlock):
            lists += 1
            stack.extend(b for item in block.items for b in item)
        elif isinstance(block, BlockQuote):
            stack.extend(block.blocks)
    return heads, lists


def _repeats(text: str) -> set[str]:
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n", text) if len(s.split()) >= 8]
    return {s for s, n in collections.Counter(sentences).items() if n > 1}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench" / "meta" / "data")
    ap.add_argument("--gate", action="store_true", help="exit 1 when a goal is missed")
    args = ap.parse_args(argv)
    import narrate
    from narrate.errors import NarrateError

    pages = sorted(p for p in (args.data / "test-pages").iterdir() if (p / "source.html").exists())
    if not pages:
        print(f"{args.data}/test-pages: no pages", file=sys.stderr)
        return 2
    want_h = want_l = got_h = got_l = 0
    twice: list[str] = []
    rejected: list[str] = []
    for page in pages:
        expected = (page / "expected.html").read_text(encoding="utf-8", errors="replace")
        eh, el = _expected(expected)
        want_h, want_l = want_h + eh, want_l + el
        try:
            article = narrate.parse_html((page / "source.html").read_bytes(), url=URL)
        except NarrateError:
            rejected.append(page.name)
            continue
        gh, gl = _ours(article)
        got_h, got_l = got_h + gh, got_l + gl
        expected_text = re.sub(r"<[^>]+>", "\n", expected)
        if _repeats(article.body_text()) - _repeats(expected_text):
            twice.append(page.name)
    print(f"{len(pages)} pages: headings narrate {got_h} / Readability {want_h}; "
          f"lists narrate {got_l} / Readability {want_l}")
    print(f"said twice: {len(twice)} page(s) {twice}; rejected: {len(rejected)} {rejected}")
    missed = got_h < want_h or got_l < want_l or twice or rejected
    if args.gate and missed:
        print("GATE FAILED")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
