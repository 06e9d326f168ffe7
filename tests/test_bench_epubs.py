"""EPUBCheck 5 reports 0 errors and 0 warnings on the text-only EPUB of every page of
``../shared/bench/meta`` (real pages: wikis, news, blogs; issue 11), all in one JVM."""

from __future__ import annotations

import narrate
from narrate.errors import ReadError
from narrate.writers import write
from tests.checkers import epubcheck_many
from tests.shared import SHARED, need_shared

PAGES = SHARED / "bench" / "meta" / "data" / "test-pages"
URL = "http://fakehost/test/page.html"  # the URL the benchmark gives every page


def test_every_bench_page_makes_a_valid_epub(tmp_path):
    need_shared(PAGES)
    books, refused = [], []
    for folder in sorted(p for p in PAGES.iterdir() if (p / "source.html").exists()):
        try:
            article = narrate.parse_html((folder / "source.html").read_text("utf-8", "replace"), url=URL)
        except ReadError as e:  # a readable page is never refused (issue 10): a failure here
            refused.append(f"{folder.name}: {e}")
            continue
        book = tmp_path / f"{folder.name}.epub"
        book.write_bytes(write(article, "epub"))
        books.append(book)
    assert refused == []
    bad = {book.stem: messages for book, (fatals, errors, warnings, messages)
           in epubcheck_many(books).items() if fatals or errors or warnings}
    assert bad == {}
