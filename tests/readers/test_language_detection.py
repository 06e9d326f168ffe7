"""The language detector's model (about 100 MB, most of a second to load) is loaded only when
the page does not say its language, and then once per process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BODY = ("The committee met on Tuesday and agreed the budget for the harbour works. "
        "Nobody had expected a decision before the summer, yet the vote took ten minutes. ") * 4

CHILD = """
import sys
import narrate
first = narrate.read(sys.argv[1])
langid = sys.modules.get("py3langid.langid")  # trafilatura imports it, without the model
print(first.language, getattr(langid, "IDENTIFIER", None) is not None)
"""


def read_in_fresh_process(path: Path) -> list[str]:
    out = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True,
                         text=True, timeout=120, check=True)
    return out.stdout.split()


def test_a_page_that_declares_its_language_never_loads_the_detector(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(f'<html lang="en-GB"><head><title>Harbour</title></head><body><article>'
                    f"<h1>Harbour</h1><p>{BODY}</p><p>{BODY}</p></article></body></html>",
                    encoding="utf-8")
    assert read_in_fresh_process(page) == ["en-GB", "False"]


def test_a_page_that_does_not_is_detected(tmp_path: Path) -> None:
    text = tmp_path / "p.txt"
    text.write_text("Harbour\n\n" + BODY + "\n\n" + BODY, encoding="utf-8")
    assert read_in_fresh_process(text) == ["en", "True"]
